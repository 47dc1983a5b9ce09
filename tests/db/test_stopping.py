"""Cancel stops a running query in the database (issue #13 item 5): ``Database.read(stopper)``.

The slow statement is a recursive count to a thousand million: minutes of work on
either backend (SQLite counts about four million rows a second here). Stopped, it ends
at once with ``Stopped``; the connection goes back to the pool and serves the next read.
On the server run (``HUEDESK_TEST_DB=postgresql``) the same tests go through psycopg's
cancel request.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import pytest
from sqlalchemy import text

from huedesk.db.engine import Database
from huedesk.db.stopping import Stopped, Stopper
from huedesk.records import ListQuery, RecordService

SLOW = text(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
    "SELECT count(*) FROM c"
)
HANG_GUARD_S = 120  # far beyond a stopped query; far below the query left to run


def _read_on_a_thread(db: Database, stopper: Stopper, work: Any) -> tuple[threading.Thread, list]:
    out: list[Any] = []
    started = threading.Event()

    def run() -> None:
        try:
            with db.read(stopper) as s:
                started.set()
                out.append(work(s))
        except BaseException as exc:
            out.append(exc)
        finally:
            started.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert started.wait(HANG_GUARD_S)
    return thread, out


def test_stop_interrupts_a_running_statement(db: Database) -> None:
    stopper = Stopper()
    thread, out = _read_on_a_thread(db, stopper, lambda s: s.execute(SLOW).scalar())
    time.sleep(0.3)  # the statement is under way (it runs for minutes)
    assert thread.is_alive() and out == []
    stopper.stop()
    thread.join(HANG_GUARD_S)
    assert not thread.is_alive(), "the statement ran on after stop()"
    assert len(out) == 1 and isinstance(out[0], Stopped), out
    assert out[0].message("en") == "The query was stopped."
    with db.read() as s:  # the interrupted connection serves the next unit of work
        assert s.execute(text("SELECT 41 + 1")).scalar() == 42


def test_a_stop_before_the_read_starts_nothing(db: Database) -> None:
    stopper = Stopper()
    stopper.stop()
    ran: list[bool] = []
    with pytest.raises(Stopped), db.read(stopper):
        ran.append(True)
    assert ran == []


def test_a_stop_between_statements_drops_the_answer(db: Database) -> None:
    """Stopped after its last statement, the unit of work still raises: nobody wants it."""
    stopper = Stopper()
    with pytest.raises(Stopped), db.read(stopper) as s:
        assert s.execute(text("SELECT 1")).scalar() == 1
        stopper.stop()  # no statement running: nothing to interrupt


def test_an_error_without_a_stop_is_the_error(db: Database) -> None:
    with pytest.raises(Exception) as caught, db.read(Stopper()) as s:
        s.execute(text("SELECT * FROM no_such_table"))
    assert not isinstance(caught.value, Stopped)


def test_the_list_ids_query_is_stopped_through_the_service(
    db: Database, svc: RecordService
) -> None:
    svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn A",
            "country_code": "JP",
            "start_date": dt.date(2026, 3, 2),
            "status": "planned",
        },
    )
    stopper = Stopper()
    assert svc.ids("delegation", ListQuery(), stopper) != []
    stopper.stop()
    with pytest.raises(Stopped):
        svc.ids("delegation", ListQuery(), stopper)
