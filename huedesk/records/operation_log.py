"""How long the operation log keeps its undo data, and what goes with a record.

A merge or a spreadsheet import logs what its undo needs
(``huedesk.records.operations``): for a merge, the record merged away as it was
stored (a person's passport number and date of birth included) and the kept
record's values before; for an import, each value it changed, before and after.
That data is kept no longer than undo needs it, and never longer than the
record it came from:

* **undone** — dropped when the operation is undone (a second undo is refused);
* **expired** — dropped ``undo_days()`` after the operation (30 days, or
  ``$HUEDESK_UNDO_DAYS``), at the next merge, import, undo or case anonymisation;
  an older operation is refused undo even before it is dropped;
* **deleted** — deleting a record (by hand, by a merge, by undoing an import)
  drops the undo data of every operation that holds its values;
* **anonymised** — the retention anonymisation of a consular case does the same
  for the case, its rows and the people it anonymises
  (``huedesk.privacy.retention``).

The log's row stays (when, who, merge or import, the kind and a summary made of
reference numbers or the file's name) as the history of the operation; undo then
refuses it in one line naming why (``refusal``). An operation whose undo data
was dropped is ``{"dropped": reason, "on": date}``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from huedesk import clock
from huedesk.db.models import OperationLog
from huedesk.errors import HueDeskError
from huedesk.records import events

DEFAULT_UNDO_DAYS = 30
UNDO_DAYS_ENV = "HUEDESK_UNDO_DAYS"
UNDONE, EXPIRED, DELETED, ANONYMISED = "undone", "expired", "deleted", "anonymised"
_DROPPED_PREFIX = '{"dropped"'
_PENDING = "hd_operation_log_forget"
_LATER = "hd_operation_log_forget_later"
_LIKE_AT_MOST = 8  # uuids looked up with LIKE; more are matched in one pass over the log


def undo_days(explicit: int | None = None) -> int:
    """How many days undo data is kept: the argument, else ``$HUEDESK_UNDO_DAYS``, else 30."""
    if explicit is not None:
        days = explicit
    else:
        raw = os.environ.get(UNDO_DAYS_ENV, "").strip()
        if raw and not raw.isdigit():
            raise HueDeskError(
                f"${UNDO_DAYS_ENV} phải là một số ngày (0, 1, 2 …), không phải '{raw}'.",
                f"${UNDO_DAYS_ENV} must be a number of days (0, 1, 2 …), not '{raw}'.",
            )
        days = int(raw) if raw else DEFAULT_UNDO_DAYS
    if days < 0:
        raise HueDeskError("Số ngày không được âm.", "The number of days must not be negative.")
    return days


def dropped_clause() -> ColumnElement[bool]:
    """SQL: the operation's undo data was dropped."""
    return OperationLog.body.startswith(_DROPPED_PREFIX)


def dropped_reason(body_start: str | None) -> str | None:
    """Why an operation's undo data was dropped (``None``: it is there), from its body's start."""
    if not body_start or not body_start.startswith(_DROPPED_PREFIX):
        return None
    for reason in (UNDONE, EXPIRED, DELETED, ANONYMISED):
        if f'"{reason}"' in body_start[: len(_DROPPED_PREFIX) + 16]:
            return reason
    return DELETED


_NOTES = {
    UNDONE: ("đã hoàn tác", "undone"),
    EXPIRED: ("quá hạn hoàn tác", "too old to undo"),
    DELETED: ("không hoàn tác được: có hồ sơ đã xóa", "cannot be undone: a record was deleted"),
    ANONYMISED: (
        "không hoàn tác được: có hồ sơ đã ẩn danh",
        "cannot be undone: a record was anonymised",
    ),
}


def note_text(note: str, lang: str = "vi") -> str:
    """Why an operation cannot be undone, in a few words for a list."""
    vi, en = _NOTES.get(note, _NOTES[DELETED])
    return en if lang == "en" else vi


def expired(at: dt.datetime, now: dt.datetime | None = None) -> bool:
    """Whether an operation done ``at`` is older than undo data is kept."""
    at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return at < (now or clock.now()) - dt.timedelta(days=undo_days())


def drop(op: OperationLog, reason: str) -> None:
    """Drop the operation's undo data, noting why and when."""
    op.body = json.dumps({"dropped": reason, "on": clock.today().isoformat()})


def refusal(op: OperationLog, reason: str) -> HueDeskError:
    """The one-line refusal to undo an operation whose undo data is gone."""
    n = op.id
    why_vi, why_en = {
        EXPIRED: (
            f"dữ liệu hoàn tác chỉ được giữ {undo_days()} ngày",
            f"undo data is kept for {undo_days()} days only",
        ),
        ANONYMISED: (
            "dữ liệu hoàn tác đã bị xóa khi ẩn danh hồ sơ",
            "its undo data was removed when a record was anonymised",
        ),
    }.get(
        reason,
        (
            "dữ liệu hoàn tác đã bị xóa cùng hồ sơ bị xóa",
            "its undo data was removed with a deleted record",
        ),
    )
    return HueDeskError(
        f"Không hoàn tác được thao tác {n}: {why_vi}.",
        f"Operation {n} cannot be undone: {why_en}.",
    )


def holders(body: Mapping[str, Any]) -> set[str]:
    """UUIDs of the records whose values an operation's undo data holds.

    A merge holds both records' values (and the merged record's child rows); an
    import holds the values it changed. The records an import added are listed by
    UUID only (undo deletes them): their values are in the records themselves.
    """
    found: set[str] = set()
    if "keep_uuid" in body:
        found.add(str(body["keep_uuid"]))
        found.add(str(body.get("other", {}).get("uuid")))
        for rows in body.get("children", {}).values():
            found.update(str(r.get("uuid")) for r in rows)
    for entry in body.get("changed", ()):
        found.add(str(entry[1]))
    return found


def forget_in(session: Session, uuids: Collection[str], reason: str) -> int:
    """Drop the undo data of every operation holding values of these records; how many."""
    wanted = {u for u in uuids if u}
    if not wanted:
        return 0
    stmt = select(OperationLog).where(OperationLog.undone_at.is_(None), ~dropped_clause())
    if len(wanted) <= _LIKE_AT_MOST:
        stmt = stmt.where(or_(*(OperationLog.body.contains(u) for u in sorted(wanted))))
    n = 0
    for op in session.scalars(stmt):
        if holders(json.loads(op.body)) & wanted:
            drop(op, reason)
            n += 1
    if n:
        session.flush()
    return n


def prune_in(session: Session, now: dt.datetime | None = None) -> int:
    """Drop the undo data of operations undone or older than ``undo_days()``; how many."""
    cutoff = (now or clock.now()) - dt.timedelta(days=undo_days())
    stmt = select(OperationLog).where(
        ~dropped_clause(), or_(OperationLog.undone_at.is_not(None), OperationLog.at < cutoff)
    )
    n = 0
    for op in session.scalars(stmt):
        drop(op, UNDONE if op.undone_at is not None else EXPIRED)
        n += 1
    if n:
        session.flush()
    return n


@contextlib.contextmanager
def forgetting_later(session: Session) -> Iterator[None]:
    """Collect the records deleted inside, and drop their undo data in one pass at the end
    (undoing an import of 50,000 rows deletes 50,000 records)."""
    session.info[_LATER] = True
    try:
        yield
    except BaseException:
        session.info.pop(_PENDING, None)  # the unit of work is rolled back: nothing to drop
        raise
    finally:
        session.info.pop(_LATER, None)
    _forget_pending(session)


def _on_change(
    session: Session, kind: str, operation: events.Operation, rows: Sequence[dict[str, Any]]
) -> None:
    if operation == "delete":
        pending = session.info.setdefault(_PENDING, set())
        pending.update(str(r["uuid"]) for r in rows if r.get("uuid"))


def _forget_pending(session: Session) -> None:
    if session.info.get(_LATER):
        return
    pending = session.info.pop(_PENDING, None)
    if pending:
        forget_in(session, pending, DELETED)


events.subscribe(_on_change, _forget_pending)
