"""Attaching files to records: copied into the data folder, named by their content hash.

A file is stored once under ``<attachments>/<sha256[:2]>/<sha256><suffix>`` whatever it
is called and however many records it is attached to; the ``attachment`` row keeps
the original file name, size and SHA-256 so ``huedesk check`` and archive bundles can
prove the copy is unchanged. The copy is written to a temporary name and renamed,
so a crash never leaves a half file under a real name.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from huedesk.accounts.principal import Actor
from huedesk.db.engine import Database
from huedesk.db.models import Attachment
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir
from huedesk.records import events
from huedesk.records.service import create_in, delete_in, find_id_in, get_in

MAX_BYTES = 512 * 1024 * 1024


def _hash_copy(source: Path, folder: Path) -> tuple[str, int, Path]:
    """Copy ``source`` into ``folder`` under a temporary name, hashing as it goes."""
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".incoming-")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise HueDeskError(
                        f"Tệp {source.name} lớn hơn {MAX_BYTES // (1024 * 1024)} MB.",
                        f"The file {source.name} is larger than {MAX_BYTES // (1024 * 1024)} MB.",
                    )
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return digest.hexdigest(), size, tmp


def attach(
    db: Database,
    actor: Actor,
    owner_kind: str,
    owner_id: int,
    source: Path,
    description: str | None = None,
) -> dict[str, Any]:
    """Attach the file at ``source`` to a record; returns the attachment row."""
    source = Path(source)
    if not source.is_file():
        raise HueDeskError(f"Không tìm thấy tệp {source}.", f"File not found: {source}.")
    folder = attachments_dir(db.path)
    try:
        sha, size, tmp = _hash_copy(source, folder)
    except OSError as exc:
        raise HueDeskError(
            f"Không sao chép được tệp {source} ({exc.strerror}).",
            f"Cannot copy the file {source} ({exc.strerror}).",
        ) from exc
    stored_name = f"{sha[:2]}/{sha}{source.suffix.lower()}"
    final = folder / stored_name
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        if final.exists():
            tmp.unlink()
        else:
            os.replace(tmp, final)
        with db.write() as s:
            owner = get_in(s, owner_kind, owner_id)
            media_type = mimetypes.guess_type(source.name)[0]
            return create_in(
                s,
                actor,
                "attachment",
                {
                    "owner_kind": owner_kind,
                    "owner_uuid": owner["uuid"],
                    "filename": source.name,
                    "stored_name": stored_name,
                    "media_type": media_type,
                    "size": size,
                    "sha256": sha,
                    "description": description,
                },
            )
    except BaseException:
        tmp.unlink(missing_ok=True)
        _remove_if_unused(db, stored_name)
        raise


def attachments_of(db: Database, owner_kind: str, owner_id: int) -> list[dict[str, Any]]:
    """The attachment rows of one record, oldest first."""
    with db.read() as s:
        owner = get_in(s, owner_kind, owner_id)
        rows = s.scalars(
            select(Attachment).where(Attachment.owner_uuid == owner["uuid"]).order_by(Attachment.id)
        )
        return [{c.key: getattr(r, c.key) for c in Attachment.__table__.columns} for r in rows]


def file_path(db: Database, attachment: dict[str, Any]) -> Path:
    """Where the stored copy of an attachment is (to open or export it)."""
    return attachments_dir(db.path) / attachment["stored_name"]


def detach(db: Database, actor: Actor, attachment_id: int) -> None:
    """Remove an attachment; its file goes too unless another record uses the same content."""
    with db.write() as s:
        delete_in(s, actor, "attachment", attachment_id)


def _remove_if_unused(db: Database, stored_name: str) -> None:
    with db.read() as s:
        used = s.scalar(select(func.count()).where(Attachment.stored_name == stored_name))
    if not used:
        with contextlib.suppress(FileNotFoundError):
            (attachments_dir(db.path) / stored_name).unlink()


# Files of deleted attachment rows are removed only once the deletion is committed, so a
# rolled-back delete never loses a file; whichever path deleted the row (detach, deleting
# the record it belonged to, an import) the file follows.
_PENDING = "hd_deleted_attachment_files"


def _note_deleted(session: Session, kind: str, operation: str, row: dict[str, Any]) -> None:
    if kind == "attachment" and operation == "delete":
        session.info.setdefault(_PENDING, set()).add(row["stored_name"])


@event.listens_for(Session, "after_commit")
def _remove_files_after_commit(session: Session) -> None:
    names = session.info.pop(_PENDING, None)
    if not names or session.bind is None:
        return
    db_path = Path(str(session.bind.engine.url.database))
    with session.bind.engine.connect() as conn:  # the session's own transaction has ended
        still_used = set(
            conn.scalars(
                select(Attachment.stored_name).where(Attachment.stored_name.in_(sorted(names)))
            )
        )
    for name in names - still_used:
        with contextlib.suppress(FileNotFoundError):
            (attachments_dir(db_path) / name).unlink()


@event.listens_for(Session, "after_rollback")
def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


events.subscribe(_note_deleted)


def export_copy(db: Database, attachment_id: int, dest: Path) -> Path:
    """Copy an attachment out under its original name into the folder ``dest``."""
    with db.read() as s:
        row = get_in(s, "attachment", attachment_id)
    target = Path(dest) / row["filename"]
    shutil.copy2(file_path(db, row), target)
    return target


def find_owner_id(db: Database, owner_kind: str, ref: str) -> int:
    with db.read() as s:
        return find_id_in(s, owner_kind, ref=ref)
