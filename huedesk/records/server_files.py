"""Attached files kept inside a server database, for every computer that uses it.

A database file keeps its attached files in its attachments folder. A server
database has no folder every computer shares, unless one is configured
(``HUEDESK_SHARED_FILES``, ``huedesk.paths.attachments_dir``); without it, the bytes
live in the server's ``stored_file`` table, by SHA-256 (one copy however many
attachments name that content), in parts of ``PART_BYTES``
(``huedesk.paths.files_in_database`` decides).

Each computer's attachments folder for the server (beside the stand-in path) is
then a cache: everything that writes attached files writes them there, as for a
file, and the attachment rows it creates are noted as they are written (record
change events, single or bulk); just before the transaction commits, the bytes of
each new content are read from the folder, checked against the SHA-256 and stored
in the table, in that same transaction, so a row never reaches the server without
its bytes (unless it came without a file, as from a bundle exported without it; then,
as in a database file, ``huedesk check`` names it). Deleted attachments' contents are dropped in their transaction once no
other row names them. Both take the content's lock (``huedesk.db.locks``), so a
content deleted on one computer while another attaches the same file is either
kept or stored again, never lost. Whatever reads attached files (opening, copying
out, export, ``huedesk copy``, undo) first brings the ones this computer lacks from
the table into the folder (``fetch``), checked against their SHA-256; ``huedesk
check`` removes a copy here whose bytes have changed since (``drop_changed_copies``),
so the next read brings the file again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import delete, event, exists, func, insert, select
from sqlalchemy.orm import Session

from huedesk.db.engine import FILES_OF, Database
from huedesk.db.locks import lock_stored_file
from huedesk.db.models import Attachment, StoredFile
from huedesk.errors import HueDeskError
from huedesk.paths import attachments_dir, files_in_database
from huedesk.records import events
from huedesk.records.stored_files import MAX_BYTES, file_sha256, is_stored_name, stored_path

PART_BYTES = 1 << 20
_NEW = "hd_new_stored_files"  # session.info: {sha256: stored name} created in this transaction
_GONE = "hd_gone_stored_files"  # session.info: SHA-256s of attachments deleted in it

Named = tuple[str, str]  # (stored name, SHA-256)


def _note(session: Session, kind: str, operation: str, rows: Sequence[dict[str, Any]]) -> None:
    if kind != "attachment" or not files_in_database(session.info.get(FILES_OF)):
        return
    if operation == "create":
        new = session.info.setdefault(_NEW, {})
        for row in rows:
            new.setdefault(row["sha256"], row["stored_name"])
    elif operation == "delete":
        session.info.setdefault(_GONE, set()).update(row["sha256"] for row in rows)


@event.listens_for(Session, "before_commit")
def _settle_before_commit(session: Session) -> None:
    new, gone = session.info.pop(_NEW, {}), session.info.pop(_GONE, set())
    if not new and not gone:
        return
    db_path: Path = session.info[FILES_OF]
    folder = attachments_dir(db_path)
    for sha in sorted(set(new) | gone):  # one order: two writers never wait on each other
        lock_stored_file(session, sha)
    for sha, name in sorted(new.items()):
        here = stored_path(folder, name)
        # A row whose file is not here (a bundle exported without it) stays without, as
        # in a database file: huedesk check names it.
        if here.is_file() and not _stored(session, sha):
            store(session, here, sha)
    for sha in sorted(gone - set(new)):
        unused = ~exists().where(Attachment.sha256 == sha)
        session.execute(delete(StoredFile).where(StoredFile.sha256 == sha, unused))


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_NEW, None)
    session.info.pop(_GONE, None)


def _stored(session: Session, sha: str) -> bool:
    return session.scalar(select(exists().where(StoredFile.sha256 == sha))) or False


def store(session: Session, path: Path, sha: str) -> None:
    """Put the file at ``path`` into the table under ``sha``, in ``session``; refused
    (one line) when it is missing or its content is not that SHA-256."""
    digest, part = hashlib.sha256(), 0
    try:
        with path.open("rb") as fh:
            while block := fh.read(PART_BYTES):
                digest.update(block)
                session.execute(insert(StoredFile), {"sha256": sha, "part": part, "data": block})
                part += 1
    except FileNotFoundError:
        raise HueDeskError(
            f"Không có tệp đính kèm {path} để đưa lên máy chủ.",
            f"The attached file {path} is not here to store on the server.",
        ) from None
    if digest.hexdigest() != sha:
        raise HueDeskError(
            f"Tệp đính kèm {path} không khớp SHA-256 của nó; không đưa lên máy chủ.",
            f"The attached file {path} does not match its SHA-256; not stored on the server.",
        )


def store_all(session: Session, folder: Path, named: Iterable[Named]) -> None:
    """Store each content of ``named`` the table lacks, from ``folder`` (``huedesk copy``)."""
    for sha, name in sorted({sha: name for name, sha in named}.items()):
        lock_stored_file(session, sha)
        if not _stored(session, sha):
            store(session, stored_path(folder, name), sha)


def _parts(session: Session, sha: str) -> Iterator[bytes]:
    rows = session.execute(
        select(StoredFile.data).where(StoredFile.sha256 == sha).order_by(StoredFile.part),
        execution_options={"yield_per": 4},
    )
    for (data,) in rows:
        yield bytes(data)


def fetch(db: Database, named: Iterable[Named]) -> None:
    """Bring the files of ``named`` this computer's attachments folder lacks from the
    server's table (nothing to do for a database file or a shared folder). A content
    the table lacks, or whose bytes are not its SHA-256, stays missing: whoever reads
    it then says so, as for a file that is not there."""
    if not files_in_database(db.path):
        return
    folder = attachments_dir(db.path)
    wanted = [
        (name, sha)
        for name, sha in named
        if is_stored_name(name) and not stored_path(folder, name).is_file()
    ]
    if not wanted:
        return
    with db.read() as s:
        for name, sha in wanted:
            _download(s, stored_path(folder, name), sha)


def _download(session: Session, final: Path, sha: str) -> None:
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=final.parent, prefix=".incoming-")
    tmp, digest, size = Path(tmp_name), hashlib.sha256(), 0
    try:
        with os.fdopen(fd, "wb") as out:
            for block in _parts(session, sha):
                size += len(block)
                if size > MAX_BYTES:
                    return
                digest.update(block)
                out.write(block)
        if size and digest.hexdigest() == sha:
            os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)


def problems(session: Session, *, rehash: bool) -> list[tuple[str, str]]:
    """What ``huedesk check`` finds in the table: contents an attachment names that it
    lacks, or (``rehash``) whose bytes are not their SHA-256, and contents no row names."""
    found = []
    named = dict(session.execute(select(Attachment.sha256, Attachment.filename)).all())
    held = set(session.scalars(select(StoredFile.sha256).distinct()))
    for sha, filename in sorted(named.items()):
        if sha not in held:
            found.append(
                (
                    f"Tệp đính kèm '{filename}' không có trên máy chủ",
                    f"Attachment '{filename}' is missing on the server",
                )
            )
        elif rehash:
            digest = hashlib.sha256()
            for block in _parts(session, sha):
                digest.update(block)
            if digest.hexdigest() != sha:
                found.append(
                    (
                        f"Tệp đính kèm '{filename}' trên máy chủ đã bị thay đổi "
                        "(SHA-256 không khớp)",
                        f"Attachment '{filename}' on the server has changed (SHA-256 mismatch)",
                    )
                )
    for sha in sorted(held - set(named)):
        found.append(
            (
                f"Máy chủ giữ một tệp ({sha[:12]}…) không thuộc tệp đính kèm nào",
                f"The server holds a file ({sha[:12]}…) that belongs to no attachment",
            )
        )
    return found


def drop_changed_copies(session: Session, folder: Path) -> list[tuple[str, str]]:
    """This computer's copies in ``folder`` whose bytes are no longer their SHA-256 (a
    copy opened in an editor and saved, a damaged disk): each is removed, so the next
    read brings the file from the table again, and named (vi, en). Without this, the
    changed copy would open as the attachment on this computer for ever."""
    found = []
    seen: set[str] = set()
    rows = session.execute(select(Attachment.stored_name, Attachment.sha256, Attachment.filename))
    for name, sha, filename in rows:
        if name in seen or not is_stored_name(name):
            continue
        seen.add(name)
        path = stored_path(folder, name)
        if path.is_file() and file_sha256(path) != sha:
            path.unlink(missing_ok=True)
            found.append(
                (
                    f"Bản sao trên máy này của tệp đính kèm '{filename}' đã bị thay đổi "
                    "(SHA-256 không khớp); đã bỏ bản sao, lần đọc sau lấy lại từ máy chủ",
                    f"This computer's copy of attachment '{filename}' has changed (SHA-256 "
                    "mismatch); the copy was removed and is brought from the server when next read",
                )
            )
    return found


def count(session: Session) -> int:
    """How many contents the table holds."""
    return int(session.scalar(select(func.count(StoredFile.sha256.distinct()))) or 0)


events.subscribe(_note)
