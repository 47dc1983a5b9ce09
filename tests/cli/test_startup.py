"""Start-up is paid only for what a command uses (issue #16).

Each check runs a fresh interpreter, the way a person starts ``huedesk``, and reads
which modules it imported (``python -X importtime`` lists every one on stderr). The
figures themselves (how long a start takes) belong in ``benchmarks/startup_bench.py``;
these tests only hold the line on *what* is imported, which does not depend on the
machine's speed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from huedesk.cli.main import COMMANDS
from tests.backends import sqlite_only

ROOT = Path(__file__).resolve().parents[2]

# Start-up on the office laptop (issue #16): what a command imports, opening its own
# database file (the SQLite dialect and no other); the server run would repeat them as they are.
pytestmark = sqlite_only("start-up on the laptop's database file, which these tests make")

# What no command needs before it runs (Qt is the window's; the rest belong to one command each).
NEVER_AT_START = ("PySide6", "reportlab", "alembic", "huedesk.archive", "huedesk.demo", "pyzipper")


def _imported(args: list[str], env_db: Path | None = None) -> set[str]:
    """Modules imported by ``python -m huedesk ARGS`` in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    if env_db is not None:
        env["HUEDESK_DB"] = str(env_db)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "huedesk", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def _python(script: str, *args: str, env: dict[str, str]) -> str:
    """What ``python -c SCRIPT ARGS`` prints, run fresh with this checkout first on the path."""
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _under(modules: set[str], *prefixes: str) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_version_and_help_import_no_database_nor_pdf_code(args: list[str]) -> None:
    modules = _imported(args)
    assert "huedesk.cli.main" in modules  # the list is real
    assert not _under(modules, "sqlalchemy", *NEVER_AT_START, "argon2", "huedesk.db")
    assert not _under(modules, "platformdirs", "importlib.resources")


def test_a_command_on_an_up_to_date_database_loads_neither_alembic_nor_other_dialects(
    db_path: Path,
) -> None:
    from huedesk.store import open_store

    open_store(db_path).dispose()  # created and migrated: the next open finds it current
    modules = _imported(["list", "event"], env_db=db_path)
    assert "sqlalchemy.orm" in modules and "sqlalchemy.dialects.sqlite" in modules
    assert not _under(modules, *NEVER_AT_START, "sqlalchemy.dialects.postgresql", "mako")
    assert not _under(modules, "argon2"), "a database without accounts needs no password hashing"


def test_each_subcommand_registers_without_the_others_modules() -> None:
    """Building the parser for a command imports that command's module and what it needs to
    run, never the archive, encryption, demo, PDF or window code of another command."""
    owner = {
        "huedesk.archive": "huedesk.cli.archive_cmd",
        "huedesk.demo": "huedesk.cli.demo_cmd",
    }
    script = (
        "import sys; from huedesk.cli.main import build_parser; "
        "build_parser(sys.argv[1:]); print('\\n'.join(sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    names = {module: name for name, (module, _help) in reversed(COMMANDS.items())}
    runs = {
        module: subprocess.Popen(
            [sys.executable, "-c", script, name], stdout=subprocess.PIPE, text=True, env=env
        )
        for module, name in names.items()
    }
    for module, proc in runs.items():
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0, module
        modules = set(out.split())
        assert module in modules
        for heavy in NEVER_AT_START:
            if owner.get(heavy) != module:
                assert not _under(modules, heavy), f"{module} imports {heavy} when registering"


def test_a_delegation_brief_loads_only_what_it_prints(db_path: Path, tmp_path: Path) -> None:
    """The brief command goes through the door like every command, but the door loads a
    capability's code when it is first used: no backup restore or integrity-check
    machinery, no spreadsheet or archive code, no other brief's layout, chart or data
    classes (a frozen dataclass costs ~1 ms to create), no statistics service."""
    from huedesk.records import RecordService
    from huedesk.store import open_store
    from tests.briefs import samples

    db = open_store(db_path)
    visit = samples.gifu_visit(RecordService(db, actor="kiemthu"))
    db.dispose()
    modules = _imported(
        ["brief", "delegation", visit.ref, "-o", str(tmp_path / "d.pdf")], env_db=db_path
    )
    assert (tmp_path / "d.pdf").is_file()
    assert "huedesk.briefs.delegation" in modules and "reportlab.platypus" in modules
    unused = (
        "huedesk.maintenance",
        "huedesk.check",
        "huedesk.sheets",
        "huedesk.archive",
        "huedesk.demo",
        "huedesk.workspace.admin",
        "huedesk.workspace.operations",
        "huedesk.briefs.year",
        "huedesk.briefs.year_charts",
        "huedesk.briefs.aid",
        "huedesk.briefs.case",
        "huedesk.briefs.case_data",
        "huedesk.briefs.aid_data",
        "huedesk.stats",
        "reportlab.graphics",
        "PySide6",
        "alembic",
    )
    assert not _under(modules, *unused)


def test_signed_in_briefs_read_plain_rows_and_configure_no_orm_mapper(
    db_path: Path, tmp_path: Path
) -> None:
    """Configuring SQLAlchemy's mappers (every model's relationships and instrumentation)
    and compiling ORM statements was a tenth of a brief's CPU; briefs read plain rows with
    Core statements over the tables instead, through the same services: signing in, the
    settings, the check that the record may be opened, the gathering. The PDFs are the
    same (``tests/briefs``)."""
    from huedesk.accounts import AccountService
    from huedesk.records import RecordService
    from huedesk.store import open_store
    from tests.briefs import samples

    db = open_store(db_path)
    accounts = AccountService(db)
    accounts.create_first_admin("quantri", "Quan-tri-1234")
    svc = RecordService(db, actor="quantri")
    visit = samples.gifu_visit(svc)
    case = samples.stranded_worker_case(svc)
    aid = samples.koica_clinic(svc)
    db.dispose()
    script = """
import sys
from huedesk.cli.main import main
folder = sys.argv[1]
codes = [
    main(["brief", "delegation", sys.argv[2], "-o", folder + "/d.pdf"]),
    main(["brief", "case", sys.argv[3], "-o", folder + "/c.pdf"]),
    main(["brief", "aid", sys.argv[4], "-o", folder + "/a.pdf"]),
    main(["brief", "aid", "--year", "2025", "-o", folder + "/y.pdf"]),
]
from huedesk.db.base import Base
mappers = Base.registry.mappers
print(*codes, sum(1 for m in mappers if m.configured), len(mappers))
"""
    env = {
        "HUEDESK_DB": str(db_path),
        "HUEDESK_USER": "quantri",
        "HUEDESK_PASSWORD": "Quan-tri-1234",
    }
    printed = _python(script, str(tmp_path), visit.ref, case.ref, aid.ref, env=env)
    *codes, configured, mappers = map(int, printed.split()[-6:])
    assert codes == [0, 0, 0, 0] and configured == 0 and mappers > 20
    for name in ("d", "c", "a", "y"):
        assert (tmp_path / f"{name}.pdf").read_bytes().startswith(b"%PDF")
    db = open_store(db_path)
    signed = {a.name: a.last_login_at for a in AccountService(db).list("quantri")}
    db.dispose()
    assert signed["quantri"] is not None  # signing in still notes the time


def test_fonts_are_registered_once_and_only_when_a_pdf_is_made(
    db_path: Path, tmp_path: Path
) -> None:
    script = """
import sys
from reportlab.pdfbase import pdfmetrics, ttfonts
import huedesk.briefs
from huedesk.briefs import fonts
assert "Tinos" not in pdfmetrics.getRegisteredFontNames(), "registered on import"
parsed = []
real = ttfonts.TTFont.__init__
def counting(self, name, *a, **k):
    parsed.append(name)
    real(self, name, *a, **k)
ttfonts.TTFont.__init__ = counting
from huedesk.store import open_store
db = open_store(sys.argv[1])
from huedesk.briefs import render_year_review
render_year_review(db, 2025, sys.argv[2] + "/a.pdf")
render_year_review(db, 2025, sys.argv[2] + "/b.pdf", lang="en")
db.dispose()
print(len(parsed), len(set(parsed)))
"""
    parsed, distinct = map(int, _python(script, str(db_path), str(tmp_path), env={}).split())
    assert parsed == distinct == 4  # the four Tinos faces, once each for two PDFs


def test_a_command_ends_at_once_with_its_output_whole_and_its_database_closed(
    db_path: Path, tmp_path: Path
) -> None:
    """``huedesk.cli.main.run`` skips Python's teardown with ``os._exit``: nothing may be lost."""
    from huedesk.records import RecordService
    from huedesk.store import open_store

    db = open_store(db_path)
    svc = RecordService(db, actor="kiemthu")
    for i in range(300):
        svc.create(
            "event",
            {
                "title": f"Sự kiện {i}",
                "event_type": "festival",
                "start_date": "01/03/2025",
                "status": "planned",
            },
        )
    db.dispose()
    db_path.with_name(db_path.name + ".clean").unlink(missing_ok=True)
    out = tmp_path / "events.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HUEDESK_DB": str(db_path)}
    with out.open("w", encoding="utf-8") as sink:
        done = subprocess.run(
            [sys.executable, "-m", "huedesk", "list", "event", "--json", "--limit", "300"],
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["rows"]) == 300  # flushed in full
    assert db_path.with_name(db_path.name + ".clean").is_file()  # closed the clean way
    failed = subprocess.run(
        [sys.executable, "-m", "huedesk", "show", "event", "SK-1999-0001"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert failed.returncode == 2 and "SK-1999-0001" in failed.stderr
