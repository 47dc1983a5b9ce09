"""The audit chain's head and the accounts' seal, kept outside the database too.

The hash chain shows an entry edited in place, but not the newest entries
deleted, nor a chain recomputed from an edited entry onwards: the file alone
holds everything needed to do either. So after every commit that appended to
the log or changed an account, HueDesk writes beside the database
(``<database>.audit-head.json``):

* the head: how many entries, the newest entry's id and hash;
* one digest per account over its name, role, password hash and active flag.

``huedesk check`` compares the database with it (``head_problems``), and with
the heads other copies hold (``witness_problems``: each backup's newest entry, the
``audit_head`` of bundles it is given): fewer
entries, or the entry at the recorded id with another hash, means the log was
cut or rewritten; an account whose digest differs was changed outside HueDesk
and is refused at sign-in (``account_tampered``). The same head goes into each
export bundle's manifest. A missing side file is reported once the log holds
entries. Someone who can write the folder can still replace the database and the
side file together and remove the backups; that is in the threat model
(``docs/access-and-privacy.md``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from huedesk.audit.chain import APPENDED
from huedesk.db.models import AuditEntry, UserAccount

log = logging.getLogger(__name__)

# The kind of the ``system`` entry a restore writes (``huedesk.maintenance``): a restore
# that could not carry the current history over starts the log afresh from the backup's.
RESTORE_KIND = "restore"

_PENDING = "hd_audit_head_pending"
_PATH = "hd_db_path"


@dataclass(frozen=True)
class Head:
    entries: int
    last_id: int | None
    last_hash: str | None
    accounts: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        return {
            "entries": self.entries,
            "last_id": self.last_id,
            "last_hash": self.last_hash,
            "accounts": self.accounts,
        }


def head_file(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".audit-head.json")


def account_digest(name: str, role: Any, password_hash: str, active: bool) -> str:
    role_value = getattr(role, "value", role)
    payload = json.dumps([name, role_value, password_hash, bool(active)], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def current_head(session: Session) -> Head:
    """The log's head and the accounts' digests as the database has them now."""
    entries = int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)
    last = session.execute(
        select(AuditEntry.id, AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    accounts = {
        a.name: account_digest(a.name, a.role, a.password_hash, a.active)
        for a in session.scalars(select(UserAccount))
    }
    return Head(entries, last[0] if last else None, last[1] if last else None, accounts)


def read_head(db_path: Path) -> Head | None:
    """The head kept beside the database (``None`` when there is none, or it is unreadable)."""
    try:
        data = json.loads(head_file(db_path).read_text(encoding="utf-8"))
        return Head(
            int(data["entries"]),
            None if data["last_id"] is None else int(data["last_id"]),
            data["last_hash"],
            {str(k): str(v) for k, v in dict(data.get("accounts", {})).items()},
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_head(db_path: Path, head: Head) -> None:
    """Replace the side file with ``head`` (whole or not at all; a read-only folder is logged)."""
    target = head_file(db_path)
    tmp = target.with_name(target.name + ".new")
    try:
        tmp.write_text(json.dumps(head.as_json(), sort_keys=True), encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        log.warning("audit head not written beside %s: %s", db_path, exc)
        with contextlib.suppress(OSError):
            tmp.unlink()


def reseal(session: Session, db_path: Path) -> None:
    """Write the side file from the database as it is (after a restore or a first start)."""
    write_head(db_path, current_head(session))


def head_problems(session: Session, db_path: Path) -> list[tuple[str, str]]:
    """Where the database disagrees with the head kept beside it: (vi, en) each.

    A missing side file is a problem too once the log holds entries: HueDesk writes it
    after the first commit that appends to the log, so it was deleted (or the database
    copied without it), and the log's end can no longer be vouched for by it.
    """
    kept = read_head(db_path)
    now = current_head(session)
    if kept is None:
        if now.entries == 0:
            return []
        side = head_file(db_path)
        return [
            (
                f"Thiếu tệp {side} ghi đầu nhật ký thay đổi bên ngoài cơ sở dữ liệu (đã bị xóa, "
                "hoặc cơ sở dữ liệu được chép sang mà không có nó): không đối chiếu được phần "
                "cuối nhật ký với tệp này",
                f"The file {side}, which keeps the audit log's head outside the database, is "
                "missing (deleted, or the database was copied without it): the end of the log "
                "cannot be checked against it",
            )
        ]
    out = witness_problems(
        session,
        kept.entries,
        kept.last_id,
        kept.last_hash,
        ("bên ngoài cơ sở dữ liệu", "outside the database"),
        now,
    )
    for name, digest in sorted(now.accounts.items()):
        if kept.accounts.get(name) != digest:
            out.append(
                (
                    f"Tài khoản '{name}' đã bị sửa bên ngoài HueDesk (vai trò, mật khẩu hoặc "
                    "trạng thái); không đăng nhập được bằng tài khoản này",
                    f"The account '{name}' was changed outside HueDesk (role, password or "
                    "active flag); it cannot sign in",
                )
            )
    return out


def witness_problems(
    session: Session,
    entries: int,
    last_id: int | None,
    last_hash: str | None,
    where: tuple[str, str],
    now: Head | None = None,
) -> list[tuple[str, str]]:
    """Where the log disagrees with a head recorded ``where`` (beside the database, in a
    backup, in a bundle's manifest): fewer entries than recorded there means the newest
    were removed; the entry at the recorded id with another hash (or none) means the
    log was cut or recomputed from an edited entry on."""
    now = now or current_head(session)
    where_vi, where_en = where
    out: list[tuple[str, str]] = []
    if now.entries < entries:
        out.append(
            (
                f"Nhật ký thay đổi có {now.entries} mục, ít hơn {entries} mục đã ghi nhận "
                f"{where_vi}: có mục mới nhất bị xóa",
                f"The audit log holds {now.entries} entries, fewer than the {entries} "
                f"recorded {where_en}: the newest entries were removed",
            )
        )
    if last_id is not None:
        found = session.scalar(select(AuditEntry.entry_hash).where(AuditEntry.id == last_id))
        if found != last_hash:
            out.append(
                (
                    f"Mục nhật ký {last_id} khác với mục đã ghi nhận {where_vi}: "
                    "nhật ký đã bị cắt hoặc tính lại",
                    f"Audit entry {last_id} differs from the one recorded {where_en}: "
                    "the log was cut or recomputed",
                )
            )
    return out


def account_tampered(db_path: Path, name: str, role: Any, password_hash: str, active: bool) -> bool:
    """Whether the account's row differs from its digest kept beside the database."""
    kept = read_head(db_path)
    if kept is None or not kept.accounts:
        return False  # nothing recorded yet (a database from before this check)
    return kept.accounts.get(name) != account_digest(name, role, password_hash, active)


def history_replaced_at(session: Session) -> dt.datetime | None:
    """When a restore last replaced the log with a backup's own (its history not carried
    over): heads recorded before then belong to the history it replaced."""
    latest: dt.datetime | None = None
    rows = session.execute(
        select(AuditEntry.at, AuditEntry.changes).where(AuditEntry.kind == RESTORE_KIND)
    )
    for at, changes in rows:
        try:
            carried = json.loads(changes).get("history_carried", [None, None])[1]
        except (ValueError, AttributeError, IndexError, TypeError):
            carried = None
        if carried is None and (latest is None or at > latest):
            latest = at
    return latest


@event.listens_for(Session, "before_commit")
def _note_head(session: Session) -> None:
    if session.info.get(APPENDED) and session.info.get(_PATH) is not None:
        session.info[_PENDING] = current_head(session)


@event.listens_for(Session, "after_commit")
def _write_head(session: Session) -> None:
    head = session.info.pop(_PENDING, None)
    session.info.pop(APPENDED, None)
    if head is not None:
        write_head(Path(session.info[_PATH]), head)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(APPENDED, None)
