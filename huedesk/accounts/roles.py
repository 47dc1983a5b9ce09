"""Who may do what: the four roles and the principal a service call runs as.

The rules are deliberately few and live here only, so the record services, the
command line and the UI all ask the same questions:

* a viewer changes nothing;
* consular cases and their child rows (``KindSpec.sensitive``) and personal data
  (``FieldSpec.personal``: dates of birth, passport numbers, contacts) are seen
  and written only by consular officers and administrators;
* only administrators manage accounts.
"""

from __future__ import annotations

from dataclasses import dataclass

from huedesk.db.models.accounts import Role
from huedesk.errors import PermissionDenied

__all__ = ["Principal", "Role"]


@dataclass(frozen=True)
class Principal:
    """A signed-in user as the services see them: account name and role."""

    name: str
    role: Role

    @property
    def can_write(self) -> bool:
        return self.role is not Role.VIEWER

    @property
    def can_see_sensitive(self) -> bool:
        """Consular cases, their children and personal data."""
        return self.role in (Role.ADMIN, Role.CONSULAR_OFFICER)

    @property
    def can_manage_users(self) -> bool:
        return self.role is Role.ADMIN

    def label(self, lang: str = "vi") -> str:
        return f"{self.name} ({self.role.label(lang)})"


def require_write(who: Principal) -> None:
    """Refuse any change by a viewer."""
    if not who.can_write:
        raise PermissionDenied(
            f"Tài khoản {who.name} ({who.role.label('vi')}) chỉ được xem, không được sửa dữ liệu.",
            f"Account {who.name} ({who.role.label('en')}) may only view, not change data.",
        )


def require_sensitive(who: Principal, what_vi: str, what_en: str) -> None:
    """Refuse access to consular cases or personal data for roles that may not see them."""
    if not who.can_see_sensitive:
        raise PermissionDenied(
            f"Chỉ cán bộ lãnh sự và quản trị viên được truy cập {what_vi}.",
            f"Only consular officers and administrators may access {what_en}.",
        )


def require_admin(
    who: Principal, what_vi: str = "quản lý tài khoản", what_en: str = "manage accounts"
) -> None:
    """Refuse an administrator action (managing accounts, backups and restores) to others."""
    if not who.can_manage_users:
        raise PermissionDenied(
            f"Chỉ quản trị viên được {what_vi}.",
            f"Only administrators may {what_en}.",
        )
