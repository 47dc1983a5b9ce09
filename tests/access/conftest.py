"""Fixtures for accounts, roles, audit and privacy tests.

Password hashing uses cheap argon2 parameters here (the production ones cost
~0.1 s per hash); ``test_accounts.py`` checks the production parameters once.
The ``db`` fixture is the shared one without an fsync per commit: these tests are
about who may do what and about validation, not durability, and thousands of
durable commits (the property tests) would make them slow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import event

from huedesk.accounts import AccountService, Principal
from huedesk.accounts import passwords as passwords_mod
from huedesk.cli import main as cli_main
from huedesk.db.engine import Database

PASSWORD = "mat-khau-123"
USERS = {
    "quantri": "admin",
    "canbo": "officer",
    "lanhsu": "consular_officer",
    "xem": "viewer",
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "production_hashing: use the real argon2 parameters")


@pytest.fixture(autouse=True)
def _fast_hashing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("production_hashing") is None:
        fast = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
        monkeypatch.setattr(passwords_mod, "_hasher", fast)


@pytest.fixture
def db(db: Database) -> Database:
    if isinstance(db.location, Path):  # the test server runs without fsync already
        db.dispose()
        event.listen(
            db.engine, "connect", lambda conn, _rec: conn.execute("PRAGMA synchronous = OFF")
        )
    return db


@pytest.fixture
def accounts(db: Database) -> dict[str, Principal]:
    """One account per role (password ``PASSWORD``); returns principals by name."""
    svc = AccountService(db)
    admin = svc.create_first_admin("quantri", PASSWORD, "Nguyễn Quản Trị")
    out = {"quantri": admin}
    for name, role in USERS.items():
        if name != "quantri":
            info = svc.add(admin, name, PASSWORD, role)
            out[name] = Principal(info.name, info.role)
    return out


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(
    db_arg: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., CliResult]]:
    """Run ``huedesk --db <test db> ARGS…``; ``env`` sets variables (None removes one)."""
    for var in ("HUEDESK_USER", "HUEDESK_PASSWORD", "HUEDESK_NEW_PASSWORD"):
        monkeypatch.delenv(var, raising=False)

    def run(*argv: str, env: dict[str, str | None] | None = None) -> CliResult:
        with monkeypatch.context() as m:
            for key, value in (env or {}).items():
                if value is None:
                    m.delenv(key, raising=False)
                else:
                    m.setenv(key, value)
            code = cli_main.main(["--db", db_arg, *argv])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    yield run
