"""Backup, restore, reindex and check, as a signed-in user does them.

The window and the command line call these, never the file-level functions
below them (``huedesk.backup``, ``huedesk.safety.restore``) directly, so the
rules hold on every path:

* every action needs a signed-in account (on a database without accounts the
  caller is the local administrator, as everywhere);
* taking, listing and restoring backups are administrator actions (a backup holds
  every record and every account's password hash); rebuilding the search index
  needs a role that may change data; checking needs only to be signed in;
* a restore never silently takes away accounts or history. ``plan_restore`` says
  what the restore will undo; ``restore`` then installs the backup with the
  accounts as they are now (a backup from before accounts existed no longer leaves
  the database without any) and with the whole audit log: the entries made after
  the backup continue its hash chain, so they are carried over unchanged, and a
  ``system`` entry records the restore itself. If the backup's history is not the
  beginning of the current one, the plan says that the current log stays only in
  the ``pre-restore`` copy.

Only when the database cannot be opened at all (damaged) does ``rescue`` restore
without anyone signed in: nobody can be, and the file is useless as it is. The
restored file then asks for sign-in as usual, and its audit log records the rescue.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Table

from huedesk import audit, backup, clock
from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import Principal, require_admin, require_write
from huedesk.audit.head import RESTORE_KIND, head_file
from huedesk.backup import BackupInfo
from huedesk.check import CheckReport, run_check
from huedesk.db.backend import dump_server, files_of, refuse_server
from huedesk.db.backup_files import new_backup_path, parse_backup_name
from huedesk.db.engine import Database
from huedesk.db.enums import AuditAction
from huedesk.db.file_copy import Carried, FileSummary, audit_hash_at, carry, summarise
from huedesk.db.integrity import DamagedDatabaseError
from huedesk.db.location import ServerURL
from huedesk.db.migrate import current_revision, head_revision, open_database, upgrade
from huedesk.db.models import AuditEntry, UserAccount
from huedesk.errors import DatabaseError, PermissionDenied
from huedesk.paths import attachments_dir
from huedesk.records.kinds import KINDS
from huedesk.safety.attachment_copies import restore_files
from huedesk.safety.files import FileProblem, file_errors
from huedesk.safety.restore import verify_backup
from huedesk.search import reindex_all

_WHAT = ("sao lưu và khôi phục cơ sở dữ liệu", "back up and restore the database")


def _file(db: Database) -> Path:
    """The database's file; a server database has none (refused with one line)."""
    return refuse_server(db.location)


def _restorable(db: Database) -> Path:
    """The database file a restore replaces. A server database is not restored by HueDesk:
    it would replace every officer's records under them, and a whole-database restore
    cannot keep the current accounts and audit log as a file's restore does; its
    administrator restores a ``pg_dump`` backup with the server's own tools (refused
    with one line that says how; ``docs/server.md``)."""
    if isinstance(db.location, ServerURL):
        raise DatabaseError(
            f"HueDesk không khôi phục cơ sở dữ liệu trên máy chủ {db.location.shown}: người "
            "quản trị máy chủ khôi phục bản sao lưu .dump bằng pg_restore --clean "
            "--single-transaction khi không ai đang dùng (xem docs/server.md).",
            f"HueDesk does not restore the server database {db.location.shown}: the server's "
            "administrator restores a .dump backup with pg_restore --clean "
            "--single-transaction while nobody is using it (see docs/server.md).",
        )
    return _file(db)


def _admin(db: Database, actor: Actor) -> Principal:
    with db.read() as s:
        who = resolve(s, actor)
    require_admin(who, *_WHAT)
    return who


def backup_now(db: Database, actor: Actor) -> Path:
    """A manual backup into the backups folder (administrators)."""
    _admin(db, actor)
    if isinstance(db.location, ServerURL):  # named as a file's backups are, to be listed so
        return _server_backup(db, db.location, new_backup_path(db.path, "manual", suffix=".dump"))
    return backup.backup_now(_file(db))


def backup_to(db: Database, actor: Actor, dest: Path) -> Path:
    """A backup to a file the administrator chose (on a server: a folder too)."""
    _admin(db, actor)
    if isinstance(db.location, ServerURL):
        return _server_backup(db, db.location, Path(dest), folder=Path(dest).is_dir())
    return backup.backup_to(_file(db), dest)


def _server_backup(db: Database, location: ServerURL, dest: Path, *, folder: bool = False) -> Path:
    """A server database's backup on this computer: ``pg_dump``'s custom format where it is
    installed, else an archive bundle of every record and attached file (which any HueDesk
    imports into an empty database). ``dest``: a ``folder`` (a dated name is made in it) or
    a file name, whose suffix becomes the one the backup takes (``.dump`` or ``.zip``)."""
    if folder:
        stamp = clock.now().astimezone().strftime("%Y%m%d-%H%M%S")
        dest = dest / f"huedesk-{location.name}-{stamp}"
    stem = dest.with_suffix("") if dest.suffix in (".dump", ".zip") else dest
    dumped = dump_server(location, stem)
    if dumped is not None:
        return dumped
    from huedesk.archive import export_bundle  # the archive code loads only for this

    bundle = stem.with_name(stem.name + ".zip")
    bundle.parent.mkdir(parents=True, exist_ok=True)
    export_bundle(db, bundle)
    return bundle


def list_backups(db: Database, actor: Actor) -> list[BackupInfo]:
    """The backups of the database, newest first (administrators). A server database's are
    those ``backup_now`` made on this computer (in the backups folder of its stand-in path)."""
    _admin(db, actor)
    if isinstance(db.location, ServerURL):
        return backup.list_backups(db.path, server=True)
    return backup.list_backups(_file(db))


def reindex(db: Database, actor: Actor, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the search index (any role that may change data); returns records indexed."""
    with db.read() as s:
        require_write(resolve(s, actor))
    with db.write() as s:
        return reindex_all(s, progress)


def check(
    db: Database, actor: Actor, *, verify_attachments: bool = True, against: Sequence[Path] = ()
) -> CheckReport:
    """``huedesk check`` for a signed-in user (``against``: bundles and backup files whose
    audit heads the log is compared with, besides the backups folder's)."""
    with db.read() as s:
        resolve(s, actor)
    return run_check(db, verify_attachments=verify_attachments, against=against)


# --- restore -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RestorePlan:
    """What restoring ``backup`` would change, for the confirmation a person reads first."""

    backup: Path
    taken: dt.datetime | None  # aware UTC, from the backup's name (None for another file)
    records_now: dict[str, int]
    records_then: dict[str, int]
    accounts_now: tuple[str, ...]
    accounts_then: tuple[str, ...]
    changes_since: int | None  # audit entries after the backup's newest; None: other history
    history_now: int

    @property
    def accounts_not_restored(self) -> tuple[str, ...]:
        """Accounts in the backup that no longer exist (they stay deleted)."""
        return tuple(a for a in self.accounts_then if a not in self.accounts_now)

    def describe(self, lang: str = "vi") -> str:
        """Several lines: what comes back, what is undone, what is kept."""
        vi = lang != "en"
        when = self.taken.astimezone().strftime("%d/%m/%Y %H:%M") if self.taken else None
        lines = []
        if when:
            lines.append(f"Bản sao lưu lúc {when}." if vi else f"Backup taken {when}.")
        now, then = sum(self.records_now.values()), sum(self.records_then.values())
        lines.append(
            f"Hồ sơ: hiện có {now}, sau khi khôi phục {then}."
            if vi
            else f"Records: {now} now, {then} after the restore."
        )
        diff = [
            (k, self.records_now.get(k, 0), self.records_then.get(k, 0))
            for k in KINDS
            if self.records_now.get(k, 0) != self.records_then.get(k, 0)
        ]
        for kind, n_now, n_then in diff[:8]:
            lines.append(f"  {KINDS[kind].label(lang)}: {n_now} → {n_then}")
        if self.changes_since is None:
            lines.append(
                f"Lịch sử của bản sao lưu khác lịch sử hiện tại: nhật ký hiện tại ({self.history_now} mục) "
                "chỉ còn trong bản sao 'trước khôi phục'."
                if vi
                else f"The backup's history is not the current one's: the current audit log "
                f"({self.history_now} entries) is kept only in the 'pre-restore' copy."
            )
        elif self.changes_since:
            lines.append(
                f"{self.changes_since} thay đổi sau thời điểm sao lưu bị hoàn tác; nhật ký thay đổi "
                "vẫn giữ chúng và ghi lại việc khôi phục."
                if vi
                else f"{self.changes_since} changes made since the backup are undone; the audit log "
                "keeps them and records the restore."
            )
        lines.append(
            f"Tài khoản giữ nguyên như hiện nay ({len(self.accounts_now)})."
            if vi
            else f"Accounts stay as they are now ({len(self.accounts_now)})."
        )
        if self.accounts_not_restored:
            names = ", ".join(self.accounts_not_restored)
            lines.append(
                f"Tài khoản chỉ có trong bản sao lưu (đã xóa sau đó) không được khôi phục: {names}."
                if vi
                else f"Accounts only in the backup (deleted since) are not restored: {names}."
            )
        lines.append(
            "Cơ sở dữ liệu hiện tại được giữ thành bản sao 'trước khôi phục'."
            if vi
            else "The current database is kept as a 'pre-restore' backup."
        )
        return "\n".join(lines)


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did."""

    plan: RestorePlan
    kept: Path | None  # the pre-restore copy of the replaced database
    carried: Carried | None = None
    notes: list[str] = field(default_factory=list)


_TABLES = [spec.table.name for spec in KINDS.values()]


def _summary(path: Path) -> FileSummary:
    return summarise(path, _TABLES)


def _counts(summary: FileSummary) -> dict[str, int]:
    return {name: summary.counts.get(spec.table.name, 0) for name, spec in KINDS.items()}


def _plan(db_path: Path, backup_file: Path) -> RestorePlan:
    verify_backup(backup_file)
    now, then = _summary(db_path), _summary(backup_file)
    name = parse_backup_name(backup_file)
    if then.audit_last is None:
        since: int | None = now.audit_entries
    elif audit_hash_at(db_path, then.audit_last[0]) == then.audit_last[1]:
        since = now.audit_entries - then.audit_entries
    else:
        since = None
    return RestorePlan(
        backup_file,
        name.created if name else None,
        _counts(now),
        _counts(then),
        now.accounts,
        then.accounts,
        since,
        now.audit_entries,
    )


def plan_restore(db: Database, actor: Actor, backup_file: Path) -> RestorePlan:
    """What restoring ``backup_file`` would change (administrators)."""
    _admin(db, actor)
    return _plan(_restorable(db), Path(backup_file))


def _columns(table: object) -> list[str]:
    assert isinstance(table, Table)
    return [c.name for c in table.columns]


class _Prepare:
    """Makes the checked copy of the backup ready to be installed (``safety.restore``'s hook).

    The copy is brought to the current schema, given the current accounts and the
    audit entries that continue its chain (from the pre-restore copy of the current
    database), and a ``system`` entry records the restore.
    """

    def __init__(self, who: str, plan: RestorePlan, *, rescue: bool) -> None:
        self.who = who
        self.plan = plan
        self.rescue = rescue
        self.carried: Carried | None = None

    def __call__(self, staged: Path, kept: Path | None) -> None:
        db = open_database(staged, migrate=False)
        try:
            if current_revision(db.engine) != head_revision():
                upgrade(db.engine)  # the copy is the backup's own: no pre-upgrade copy needed
            db.engine.dispose()
            if kept is not None and not self.rescue:
                self.carried = carry(
                    staged, kept, _columns(UserAccount.__table__), _columns(AuditEntry.__table__)
                )
            carried = self.carried
            with db.write() as s:
                audit.record(
                    s,
                    actor=self.who,
                    action=AuditAction.SYSTEM,
                    kind=RESTORE_KIND,
                    record_uuid=None,
                    record_ref=None,
                    changes={
                        "backup": (None, self.plan.backup.name),
                        "backup_taken_at": (None, self.plan.taken),
                        "pre_restore_copy": (None, kept.name if kept else None),
                        "rescue": (None, self.rescue),
                        "accounts_carried": (None, carried.accounts if carried else None),
                        "history_carried": (None, carried.audit_entries if carried else None),
                    },
                )
        finally:
            db.engine.dispose()


def restore(db: Database, actor: Actor, backup_file: Path) -> RestoreReport:
    """Replace the database with ``backup_file`` (administrators), keeping accounts and history.

    ``db`` is disposed; the caller opens the database again (``open_store``).
    """
    who = _admin(db, actor)
    plan = _plan(_restorable(db), Path(backup_file))
    db.dispose()
    prepare = _Prepare(who.name, plan, rescue=False)
    kept = backup.restore(db.path, Path(backup_file), prepare)
    report = RestoreReport(plan, kept, prepare.carried)
    _bring_back_files(report, db.path, Path(backup_file))
    return report


def _bring_back_files(report: RestoreReport, db_path: Path, backup_file: Path) -> None:
    """Copy back the attached files the restored rows name (``safety.attachment_copies``),
    and record the restored log's head and accounts beside the database (``audit.head``):
    the restore is an administrator's own change, not tampering."""
    head_file(db_path.with_name(db_path.name + ".restoring")).unlink(missing_ok=True)
    restored = open_database(db_path, migrate=False)
    try:
        with restored.read() as s:
            audit.reseal(s, db_path)
    finally:
        restored.engine.dispose()
    try:
        with file_errors(attachments_dir(db_path)):
            copies = restore_files(db_path, backup_file)
    except FileProblem as exc:  # the database is restored: say what is missing, do not undo it
        report.notes.append(f"{exc.vi} / {exc.en}")
        return
    if copies.copied:
        report.notes.append(
            f"{copies.copied} tệp đính kèm được lấy lại từ bản sao lưu. / "
            f"{copies.copied} attached files were brought back from the backup."
        )
    lost = copies.missing + copies.changed
    if lost:
        report.notes.append(
            f"{len(lost)} tệp đính kèm không có trong bản sao lưu (huedesk check liệt kê). / "
            f"{len(lost)} attached files are not in the backup (huedesk check lists them)."
        )


def rescue(db_path: Path, backup_file: Path) -> RestoreReport:
    """Restore over a database that cannot be opened (damaged), without a sign-in.

    Refused when the database opens: then an administrator restores with ``restore``.
    """
    db_path, backup_file = Path(db_path), Path(backup_file)
    if db_path.exists() and db_path.stat().st_size > 0:
        try:
            files_of(db_path).refuse_unsound(db_path)
        except DamagedDatabaseError:
            pass
        else:
            raise PermissionDenied(
                f"Cơ sở dữ liệu {db_path} mở được bình thường: hãy đăng nhập bằng tài khoản "
                "quản trị để khôi phục.",
                f"The database {db_path} opens normally: sign in as an administrator to restore.",
            )
    verify_backup(backup_file)
    then = _summary(backup_file)
    name = parse_backup_name(backup_file)
    plan = RestorePlan(
        backup_file, name.created if name else None, {}, _counts(then), (), then.accounts, None, 0
    )
    who = f"{getpass.getuser()} (không đăng nhập / not signed in)"
    kept = backup.restore(db_path, backup_file, _Prepare(who, plan, rescue=True))
    report = RestoreReport(plan, kept)
    _bring_back_files(report, db_path, backup_file)
    return report
