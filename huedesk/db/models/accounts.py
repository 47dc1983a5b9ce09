"""Local user accounts: who may sign in to HueDesk on this database, and in which role.

Accounts live in the database itself (not on the laptop), so a copy of the file
carries its users with it. Passwords are stored only as argon2id hashes.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from huedesk.db.base import Base, enum_column, label
from huedesk.db.enums import LabelledEnum
from huedesk.db.types import UTCDateTime, utcnow


class Role(LabelledEnum):
    """What a user may do; ``huedesk.accounts.roles`` says what each role allows."""

    ADMIN = "admin"
    OFFICER = "officer"
    CONSULAR_OFFICER = "consular_officer"
    VIEWER = "viewer"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _ROLE_LABELS


_ROLE_LABELS = {
    "admin": ("Quản trị viên", "Administrator"),
    "officer": ("Cán bộ", "Officer"),
    "consular_officer": ("Cán bộ lãnh sự", "Consular officer"),
    "viewer": ("Người xem", "Viewer"),
}


class UserAccount(Base):
    """One person who signs in: a unique name, a role and a password hash."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(
        String(60), unique=True, info=label("Tên đăng nhập", "User name")
    )
    display_name: Mapped[str | None] = mapped_column(
        String(200), info=label("Họ và tên", "Full name")
    )
    role: Mapped[Role] = mapped_column(
        enum_column(Role, "user_role"), info=label("Vai trò", "Role")
    )
    password_hash: Mapped[str] = mapped_column(String(255), info=label("Mật khẩu", "Password"))
    active: Mapped[bool] = mapped_column(
        Boolean, default=True, info=label("Đang hoạt động", "Active")
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utcnow, info=label("Tạo lúc", "Created at")
    )
    last_login_at: Mapped[dt.datetime | None] = mapped_column(
        UTCDateTime, info=label("Đăng nhập lần cuối", "Last sign-in")
    )
