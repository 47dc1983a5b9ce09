"""Shared fixtures: a fresh database per test, a record service, Qt offscreen."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from pytestqt.qtbot import QtBot

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Importing the UI package first keeps None/True/False alive whatever pytest-qt's calls into
# PySide6 take from them (huedesk/ui/singletons.py: the "bool_dealloc" at the end of a run).
import huedesk.ui  # noqa: F401  (Qt is imported by pytest-qt anyway)
from huedesk import clock
from huedesk.db.engine import Database
from huedesk.db.location import ServerURL
from huedesk.records import RecordService
from huedesk.store import open_store
from huedesk.workspace import Workspace
from tests.backends import ON_SERVER

# Property tests run the same examples on every run (no flaky CI on a slow shared machine);
# HYPOTHESIS_PROFILE=explore searches afresh with random examples.
settings.register_profile(
    "huedesk", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("explore", deadline=None, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "huedesk"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock",
        metavar="HH:MM",
        default=os.environ.get("HUEDESK_TEST_CLOCK"),
        help="run the suite with HueDesk's clock set to this time of day (UTC) today, "
        "running on from there: the suite must pass at 03:00 and at 23:00 "
        "(or set HUEDESK_TEST_CLOCK)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """``--clock 03:00``: HueDesk's one clock (``huedesk.clock``) starts at 03:00 UTC today.

    Why not ``faketime``: libfaketime 0.9.10 under Python 3.11 either stops
    ``threading.Event.wait(timeout)`` from ever returning (monotonic time faked) or
    makes ``time.sleep`` fail with EINVAL (monotonic left alone), so a faked-clock run
    fails for the tool's sake. HueDesk reads the time only through ``huedesk.clock``
    (``tests/test_layering.py`` checks that nothing else reads the date), so shifting
    that clock is the same test without the breakage. Tests that fix their own clock
    keep it; programs started as subprocesses read the real clock.
    """
    at = config.getoption("--clock")
    if not at:
        return
    try:
        hour, minute = (int(part) for part in str(at).split(":"))
        start = dt.datetime.combine(clock.system_now().date(), dt.time(hour, minute), tzinfo=dt.UTC)
    except ValueError as exc:
        raise pytest.UsageError(f"--clock wants HH:MM (24-hour, UTC), not {at!r}") from exc
    clock.set_source(clock.shifted(start))


# A wait in a Qt test guards against a hang; it is not a speed check (that is what
# benchmarks/ is for). On a loaded 2-core machine a background export can take far
# longer than on a quiet one, so every wait gets at least a minute: a passing wait
# returns as soon as its condition holds, so this costs nothing when all is well.
PATIENCE_MS = 60_000
_wait_until, _wait_signal = QtBot.waitUntil, QtBot.waitSignal


def _patient_wait_until(self: QtBot, callback: Any, *, timeout: int = 5000) -> Any:
    return _wait_until(self, callback, timeout=max(timeout, PATIENCE_MS))


def _patient_wait_signal(self: QtBot, signal: Any = None, *, timeout: int = 5000, **kw: Any) -> Any:
    return _wait_signal(self, signal, timeout=max(timeout, PATIENCE_MS), **kw)


QtBot.waitUntil = _patient_wait_until  # type: ignore[method-assign]
QtBot.waitSignal = _patient_wait_signal  # type: ignore[method-assign]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    """No background work outlives its test: before the test's fixtures close its database,
    work still running is stopped and waited for (left running, it used its database after
    it was closed, and a pool thread alive at the end of the run could hang the exit).
    Then the garbage due is collected, here on the GUI thread (``huedesk.ui.collector``)."""
    ops = sys.modules.get("huedesk.ui.ops")
    if ops is not None and not ops.idle():
        ops.stop_all()
        if not ops.wait_all(PATIENCE_MS / 1000):
            raise RuntimeError(f"{item.nodeid} left background work that does not stop")
    collector = sys.modules.get("huedesk.ui.collector")
    if collector is not None:  # automatic collection is off once a window ran work:
        collector.check()  # between tests no event loop runs the collector's timer


@pytest.fixture(autouse=True)
def _no_unanswered_message_box(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A message box no test answers would wait for a click that never comes (offscreen,
    nobody clicks) and hang the run: it is answered "Cancel"/"No" and the test fails with
    its text. Tests that expect one patch ``QMessageBox`` themselves (``answer``, ``infos``)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def unanswered(kind: str, button: QMessageBox.StandardButton) -> Any:
        def box(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
            shown.append(f"{kind}: {text}")
            return button

        return staticmethod(box)

    no, cancel = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Cancel
    for kind, button in (("warning", cancel), ("critical", cancel), ("information", cancel)):
        monkeypatch.setattr(QMessageBox, kind, unanswered(kind, button))
    monkeypatch.setattr(QMessageBox, "question", unanswered("question", no))
    yield
    if shown:
        pytest.fail("a message box nobody answered: " + " | ".join(shown), pytrace=False)


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data folder: HOME, XDG and HUEDESK_DB point into tmp."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("HUEDESK_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "huedesk.sqlite3"


@pytest.fixture
def db_location(db_path: Path, request: pytest.FixtureRequest) -> Path | ServerURL:
    """Where this test's database is: the file ``db_path``, or with HUEDESK_TEST_DB=postgresql
    a new database on the test server, made from the migrated template (``pg_ready``)."""
    return request.getfixturevalue("pg_ready") if ON_SERVER else db_path


@pytest.fixture
def db_arg(db_location: Path | ServerURL) -> str:
    """``db_location`` as ``--db`` takes it (the URL with its password, if any)."""
    return db_location.url if isinstance(db_location, ServerURL) else str(db_location)


@pytest.fixture
def db(db_location: Path | ServerURL) -> Iterator[Database]:
    database = open_store(db_location)
    yield database
    database.dispose()


@pytest.fixture
def svc(db: Database) -> RecordService:
    return RecordService(db, actor="kiemthu")


@pytest.fixture
def ws(db: Database) -> Workspace:
    """The workspace of the local administrator on a database without accounts."""
    return Workspace(db, "kiemthu")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A throw-away PostgreSQL server for the session (``tests/postgres_server.py``);
    its URL without a database. Skipped where PostgreSQL is not installed, unless CI
    requires it."""
    from tests import postgres_server

    if postgres_server.bin_dir() is None:
        if os.environ.get(postgres_server.REQUIRED_ENV) == "required":
            pytest.fail("PostgreSQL is required (HUEDESK_TEST_POSTGRES) but not installed")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    with postgres_server.running_server() as url:
        yield url


_PG_DATABASES = iter(range(1, 1_000_000))


def _new_pg_database(pg_server: str, template: str | None = None) -> Iterator[ServerURL]:
    import psycopg

    name = f"t{next(_PG_DATABASES)}"
    admin = pg_server.replace("postgresql+psycopg", "postgresql") + "/postgres"
    copy = f" TEMPLATE {template}" if template else ""
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}{copy}")
    yield ServerURL(f"{pg_server}/{name}")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def pg_location(pg_server: str) -> Iterator[ServerURL]:
    """A new, empty database on the test server, dropped afterwards."""
    yield from _new_pg_database(pg_server)


@pytest.fixture(scope="session")
def pg_template(pg_server: str) -> str:
    """A database on the test server holding HueDesk's migrated, empty schema, copied by
    ``pg_ready`` (a copy takes milliseconds; running the migrations takes seconds)."""
    import psycopg

    admin = pg_server.replace("postgresql+psycopg", "postgresql") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("CREATE DATABASE huedesk_template")
    open_store(ServerURL(f"{pg_server}/huedesk_template")).dispose()
    return "huedesk_template"


@pytest.fixture
def pg_ready(pg_server: str, pg_template: str) -> Iterator[ServerURL]:
    """A new database on the test server with HueDesk's schema, dropped afterwards."""
    yield from _new_pg_database(pg_server, pg_template)


@pytest.fixture
def pg_db(pg_location: ServerURL) -> Iterator[Database]:
    """A HueDesk database on the test server, opened as ``db`` is."""
    database = open_store(pg_location)
    yield database
    database.dispose()
