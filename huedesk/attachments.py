"""Attaching files to records: copied into the data folder, named by their content hash.

A file is stored once under ``<attachments>/<sha256[:2]>/<sha256><suffix>`` whatever it
is called and however many records it is attached to; the ``attachment`` row keeps
the original file name, size and SHA-256 so ``huedesk check`` and archive bundles can
prove the copy is unchanged. The name is derived from the hash by the record
services (``huedesk.records.stored_files``), never given, and every path to a copy
goes through ``stored_path``, so no row can point HueDesk at a file outside the
attachments folder. The copy is written to a temporary name and renamed, so a crash
never leaves a half file under a real name.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import require_write
from huedesk.db.engine import FILES_OF, Database
from huedesk.db.models import Attachment
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir
from huedesk.records import ListQuery, RecordService, events, server_files
from huedesk.records.kinds import TOP_LEVEL
from huedesk.records.service import create_in, delete_in, get_in
from huedesk.records.stored_files import MAX_BYTES, file_sha256, stored_name, stored_path
from huedesk.records.visibility import require_kind
from huedesk.safety.files import describe, file_errors

__all__ = ["MAX_BYTES", "OWNER_KINDS", "Attachments"]


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


# Records that can carry files: the main kinds (not child lines, countries or files).
OWNER_KINDS = TOP_LEVEL


def _store_file(folder: Path, source: Path) -> tuple[str, int, Path, str]:
    """Copy ``source`` in under a temporary name: (sha256, size, temporary path, stored name)."""
    if not source.is_file():
        raise HueDeskError(f"Không tìm thấy tệp {source}.", f"File not found: {source}.")
    try:
        sha, size, tmp = _hash_copy(source, folder)
    except OSError as exc:  # a full or read-only disk, a file in use: named as what it is
        reading = exc.filename is not None and Path(exc.filename) == source
        raise describe(exc, folder, "read" if reading else "write") from exc
    return sha, size, tmp, stored_name(sha, source.name)


class Attachments:
    """The files attached to records, for one user: add, list, open, copy out, remove.

    Rows are made here only, from a file that was copied and hashed (the record
    services refuse an attachment row from anyone else). Whether the user may
    see a record's files is the owner's rule: a consular case's files are for
    those who may see the case.
    """

    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def add(
        self, owner_kind: str, owner_id: int, source: Path, description: str | None = None
    ) -> dict[str, Any]:
        """Attach the file at ``source`` to a record; returns the attachment row."""
        if owner_kind not in OWNER_KINDS:
            raise HueDeskError(
                f"Không đính kèm tệp vào loại hồ sơ '{owner_kind}' được.",
                f"Files cannot be attached to records of kind '{owner_kind}'.",
            )
        if self.db.read_only is not None:  # before a byte is copied into the data folder
            raise self.db.read_only.refusal()
        source = Path(source)
        folder = attachments_dir(self.db.path)
        sha, size, tmp, name = _store_file(folder, source)
        final = stored_path(folder, name)
        try:
            with file_errors(final):
                final.parent.mkdir(parents=True, exist_ok=True)
                if final.exists():
                    tmp.unlink()
                else:
                    os.replace(tmp, final)
            with self.db.write() as s:
                who = resolve(s, self.actor)
                require_write(who)
                require_kind(who, owner_kind)  # before looking the owner up: ids tell nothing
                owner = get_in(s, owner_kind, owner_id)
                values = {
                    "owner_kind": owner_kind,
                    "owner_uuid": owner["uuid"],
                    "filename": source.name,
                    "media_type": mimetypes.guess_type(source.name)[0],
                    "size": size,
                    "sha256": sha,
                    "description": description,
                }
                return create_in(s, self.actor, "attachment", values, stored_file=True)
        except BaseException:
            tmp.unlink(missing_ok=True)
            _remove_if_unused(self.db, name)
            raise

    def of(self, owner_kind: str, owner_id: int) -> list[dict[str, Any]]:
        """The attachment rows of one record, oldest first (refused if the record is hidden)."""
        records = RecordService(self.db, self.actor)
        owner = records.get(owner_kind, owner_id)
        query = ListQuery(filters={"owner_uuid": owner["uuid"]}, limit=None)
        return records.list("attachment", query).rows

    def _here(self, attachment_id: int) -> dict[str, Any]:
        """The attachment row, its file brought to this computer if the server keeps it."""
        row = RecordService(self.db, self.actor).get("attachment", attachment_id)
        server_files.fetch(self.db, [(row["stored_name"], row["sha256"])])
        return row

    def path(self, attachment_id: int) -> Path:
        """Where the stored copy is (to open it); refused for files the user may not see."""
        row = self._here(attachment_id)
        return stored_path(attachments_dir(self.db.path), row["stored_name"])

    def copy_out(self, attachment_id: int, dest: Path) -> Path:
        """Copy an attachment out under its original name into the folder ``dest``."""
        row = self._here(attachment_id)
        name = Path(row["filename"]).name.replace(":", "_")  # no drive on Windows either
        target = Path(dest) / name
        partial = target.with_name(f".{name}.partial")  # never a half-copied file under its name
        try:
            with file_errors(target):
                shutil.copy2(
                    stored_path(attachments_dir(self.db.path), row["stored_name"]), partial
                )
                os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return target

    def remove(self, attachment_id: int) -> None:
        """Remove an attachment; its file goes too unless another record uses the same content."""
        with self.db.write() as s:
            delete_in(s, self.actor, "attachment", attachment_id)


# --- undo: files of a deleted record kept aside until the workspace closes ---------------


def undo_folder(db_path: Path, token: str) -> Path:
    """Where the files of one undoable delete wait (inside the attachments folder)."""
    return attachments_dir(db_path) / ".undo" / token


def keep_for_undo(db: Database, rows: list[dict[str, Any]], token: str) -> None:
    """Link (or copy) the stored files of ``rows`` aside before their rows are deleted."""
    if not rows:
        return
    server_files.fetch(db, [(row["stored_name"], row["sha256"]) for row in rows])
    db_path = db.path
    folder = undo_folder(db_path, token)
    folder.mkdir(parents=True, exist_ok=True)
    for row in rows:
        source = stored_path(attachments_dir(db_path), row["stored_name"])
        kept = folder / Path(row["stored_name"]).name
        if kept.exists() or not source.is_file():
            continue
        try:
            os.link(source, kept)
        except OSError:
            shutil.copy2(source, kept)


def restore_in(
    session: Session, db_path: Path, actor: Actor, rows: list[dict[str, Any]], token: str
) -> None:
    """Put the kept files back and write their rows again (as they were), in ``session``.

    A file that is no longer where it was kept (or whose content changed) is
    skipped with its row: a row never points at a file that is not there.
    """
    folder = undo_folder(db_path, token)
    for row in rows:
        kept = folder / Path(row["stored_name"]).name
        final = stored_path(attachments_dir(db_path), row["stored_name"])
        if not final.is_file():
            if not kept.is_file():
                continue
            final.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(kept, final)
        if file_sha256(final) != row["sha256"]:
            continue
        values = {k: v for k, v in row.items() if k != "id"}
        create_in(session, actor, "attachment", values, restoring=True, stored_file=True)


def forget_undo(db_path: Path, token: str | None = None) -> None:
    """Drop the kept files of one undoable delete (all of them when ``token`` is None)."""
    base = attachments_dir(db_path) / ".undo"
    shutil.rmtree(base / token if token else base, ignore_errors=True)


def _remove_if_unused(db: Database, name: str) -> None:
    with db.read() as s:
        used = s.scalar(select(func.count()).where(Attachment.stored_name == name))
    if not used:
        with contextlib.suppress(FileNotFoundError, ValueError):  # ValueError: not ours
            stored_path(attachments_dir(db.path), name).unlink()


# Files of deleted attachment rows are removed only once the deletion is committed, so a
# rolled-back delete never loses a file; whichever path deleted the row (detach, deleting
# the record it belonged to, an import) the file follows.
_PENDING = "hd_deleted_attachment_files"


def _note_deleted(
    session: Session, kind: str, operation: str, rows: Sequence[dict[str, Any]]
) -> None:
    if kind == "attachment" and operation == "delete":
        session.info.setdefault(_PENDING, set()).update(r["stored_name"] for r in rows)


@event.listens_for(Session, "after_commit")
def _remove_files_after_commit(session: Session) -> None:
    names = session.info.pop(_PENDING, None)
    if not names or session.bind is None:
        return
    db_path = session.info.get(FILES_OF) or Path(str(session.bind.engine.url.database))
    with session.bind.engine.connect() as conn:  # the session's own transaction has ended
        still_used = set(
            conn.scalars(
                select(Attachment.stored_name).where(Attachment.stored_name.in_(sorted(names)))
            )
        )
    for name in names - still_used:
        with contextlib.suppress(FileNotFoundError, ValueError):  # ValueError: not ours
            stored_path(attachments_dir(db_path), name).unlink()


@event.listens_for(Session, "after_rollback")
def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


events.subscribe(_note_deleted)
