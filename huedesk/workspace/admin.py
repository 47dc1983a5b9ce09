"""What a workspace does besides reading and editing records: accounts, bundles, backups,
demo data, the integrity check and the retention review.

Each class is a capability of one ``Workspace``; the services below keep their
own rules (accounts are for administrators, bundles for those who may see
personal data …) and this module adds the ones that belong to the door itself,
like demo data being an administrator's action. Who may back up, restore,
reindex and check is decided in ``huedesk.maintenance`` (backups and restores for
administrators; a restore keeps the accounts and the audit log).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from huedesk import backup, maintenance
from huedesk.accounts import AccountInfo, AccountService, Role
from huedesk.accounts.roles import require_sensitive, require_write
from huedesk.backup import BackupInfo
from huedesk.errors import PermissionDenied
from huedesk.store import open_store
from huedesk.workspace.protocol import Bound

# Bundles, demo data, the check and the retention review are loaded on first use: every
# command and the window open a workspace, few of them need these.
if TYPE_CHECKING:
    from huedesk.archive import ExportReport, ImportReport
    from huedesk.check import CheckReport
    from huedesk.demo.generator import DemoSummary
    from huedesk.maintenance import RestorePlan, RestoreReport
    from huedesk.privacy.retention import AnonymiseResult, ReviewItem

Progress = Callable[..., None]


class Accounts:
    """Accounts and roles, as this user may manage them (administrators manage others)."""

    def __init__(self, ws: Bound) -> None:
        self._ws = ws

    @property
    def _service(self) -> AccountService:
        return AccountService(self._ws.db)

    def can_manage(self) -> bool:
        return self._ws.principal.can_manage_users

    def list(self) -> list[AccountInfo]:
        """Every account, by name (administrators only)."""
        return self._service.list(self._ws.actor)

    def add(
        self, name: str, password: str, role: Role | str, display_name: str | None = None
    ) -> AccountInfo:
        return self._service.add(self._ws.actor, name, password, role, display_name)

    def set_role(self, name: str, role: Role | str) -> AccountInfo:
        return self._service.set_role(self._ws.actor, name, role)

    def set_active(self, name: str, active: bool) -> AccountInfo:
        return self._service.set_active(self._ws.actor, name, active)

    def set_password(self, name: str, new_password: str, old_password: str | None = None) -> None:
        """One's own password with the old one; anyone's as administrator."""
        self._service.set_password(self._ws.actor, name, new_password, old_password)


class Archive:
    """Archive bundles in and out (administrators and consular officers: they hold
    personal data)."""

    def __init__(self, ws: Bound) -> None:
        self._ws = ws

    def may_use(self) -> bool:
        return self._ws.principal.can_see_sensitive

    def export(
        self,
        out: Path,
        *,
        kinds: list[str] | tuple[str, ...] | None = None,
        year: int | None = None,
        since: dt.date | None = None,
        review_year: int | None = None,
        with_briefs: bool = False,
        progress: Progress | None = None,
        should_cancel: Callable[[], bool] | None = None,
        lang: str = "vi",
    ) -> ExportReport:
        """Write the selected records to the bundle ``out`` (``review_year``: the records
        behind that year's review, by the dates of events)."""
        from huedesk.archive import export_bundle  # on first use: see the imports

        return export_bundle(
            self._ws.db,
            Path(out),
            kinds=kinds,
            year=year,
            since=since,
            review_year=review_year,
            with_briefs=with_briefs,
            progress=progress,
            should_cancel=should_cancel,
            lang=lang,
            actor=self._ws.actor,
        )

    def import_(
        self, path: Path, *, dry_run: bool = False, progress: Progress | None = None
    ) -> ImportReport:
        """Verify and merge a bundle (all or nothing); a backup follows a real import."""
        from huedesk.archive import import_bundle  # on first use: see the imports

        who = self._ws.principal
        require_write(who)
        require_sensitive(
            who, "hồ sơ lưu trữ (chứa dữ liệu cá nhân)", "archive bundles (they hold personal data)"
        )
        report = import_bundle(
            self._ws.db, Path(path), actor=who.name, dry_run=dry_run, progress=progress
        )
        if not dry_run and self._ws.db.backend.files is not None:  # a server backs itself up
            backup.after_large_operation(self._ws.path, "import")
        return report


class Backups:
    """Backups of this database: take one, list them, restore one (administrators)."""

    def __init__(self, ws: Bound) -> None:
        self._ws = ws

    def may_use(self) -> bool:
        return self._ws.principal.can_manage_users

    def list(self) -> list[BackupInfo]:
        """Every backup, newest first."""
        return maintenance.list_backups(self._ws.db, self._ws.actor)

    def now(self) -> Path:
        """Back up now into the backups folder; the new file."""
        return maintenance.backup_now(self._ws.db, self._ws.actor)

    def to(self, dest: Path) -> Path:
        """Back up into the file or folder ``dest``; the new file."""
        return maintenance.backup_to(self._ws.db, self._ws.actor, Path(dest))

    def newest_good(self) -> Path | None:
        maintenance.list_backups(self._ws.db, self._ws.actor)  # administrators only
        return backup.newest_good_backup(self._ws.path)

    def plan(self, source: Path) -> RestorePlan:
        """What restoring ``source`` would undo and keep (to ask before restoring)."""
        return maintenance.plan_restore(self._ws.db, self._ws.actor, Path(source))

    def restore(self, source: Path) -> RestoreReport:
        """Put the backup ``source`` in place of the database and reopen it here.

        The current accounts and the whole audit log are kept (``huedesk.maintenance``).
        This workspace's connections are closed first; afterwards it works on the
        restored file (the old one reopened if the restore failed). A server database is
        refused (its administrator restores it with the server's own tools) and stays the
        one this workspace works on.
        """
        location = self._ws.db.location  # on a server, ``path`` is only its stand-in
        try:
            return maintenance.restore(self._ws.db, self._ws.actor, Path(source))
        finally:
            self._ws.replace_database(open_store(location))


class Demo:
    """Realistic demo data: an administrator's action (it writes every kind, consular
    cases with personal data included, by the thousand)."""

    def __init__(self, ws: Bound) -> None:
        self._ws = ws

    def allowed(self) -> bool:
        return self._ws.principal.can_manage_users and self._ws.db.read_only is None

    def generate(
        self,
        records: int,
        *,
        seed: int = 1,
        progress: Progress | None = None,
        should_cancel: Callable[[], bool] | None = None,
        today: dt.date | None = None,
    ) -> DemoSummary:
        from huedesk.demo import generate  # on first use: see the imports

        who = self._ws.principal
        require_write(who)
        if not who.can_manage_users:
            raise PermissionDenied(
                "Chỉ quản trị viên được thêm dữ liệu mẫu.", "Only administrators may add demo data."
            )
        return generate(
            self._ws.db,
            records=records,
            seed=seed,
            progress=progress,
            should_cancel=should_cancel,
            actor=self._ws.actor,
            today=today,
        )


class Maintenance:
    """The integrity check of the file, its log and its attachments."""

    def __init__(self, ws: Bound) -> None:
        self._ws = ws

    def check(
        self, *, verify_attachments: bool = True, against: Sequence[Path] = ()
    ) -> CheckReport:
        return maintenance.check(
            self._ws.db, self._ws.actor, verify_attachments=verify_attachments, against=against
        )


class Privacy:
    """Retention review and anonymisation of old consular cases."""

    def __init__(self, ws: Bound) -> None:
        self._ws = ws

    def review(
        self, older_than_years: int | None = None, today: dt.date | None = None
    ) -> list[ReviewItem]:
        """Closed or cancelled cases past the retention period (consular officers, admins)."""
        from huedesk.privacy.retention import cases_for_review  # on first use

        return cases_for_review(self._ws.db, self._ws.actor, older_than_years, today)

    def anonymise(self, ref: str) -> AnonymiseResult:
        """Blank an old case's free text and its people's personal data (audited)."""
        from huedesk.privacy.retention import anonymise_case  # on first use

        return anonymise_case(self._ws.db, self._ws.actor, ref)
