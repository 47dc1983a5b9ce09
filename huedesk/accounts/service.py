"""Managing accounts: first administrator, sign-in, adding users, passwords, disabling.

Every change to an account is written to the audit log like a record change
(kind ``user_account``); the password hash never is, only the fact that the
password changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from huedesk import audit
from huedesk.accounts.passwords import hash_password, needs_rehash, verify_password
from huedesk.accounts.principal import Actor, has_accounts, resolve
from huedesk.accounts.roles import Principal, Role, require_admin
from huedesk.audit.chain import APPENDED
from huedesk.audit.head import account_tampered
from huedesk.db.engine import Database
from huedesk.db.enums import AuditAction
from huedesk.db.models.accounts import UserAccount
from huedesk.db.types import utcnow
from huedesk.errors import HueDeskError, NotFoundError, PermissionDenied
from huedesk.text import clean

AUDIT_KIND = "user_account"
_NAME_RE = re.compile(r"^[\w.@-]{2,60}$")
_SECRET = "•••"  # what the audit log shows for a changed password


@dataclass(frozen=True)
class AccountInfo:
    """An account as the UI and CLI list it (never the password hash)."""

    name: str
    display_name: str | None
    role: Role
    active: bool
    last_login_at: Any


def _info(acc: UserAccount) -> AccountInfo:
    return AccountInfo(acc.name, acc.display_name, acc.role, acc.active, acc.last_login_at)


def parse_role(value: str | Role) -> Role:
    """A role from its value or either label (``viewer``, ``Người xem`` …)."""
    if isinstance(value, Role):
        return value
    text = clean(str(value)).replace("-", "_")
    for role in Role:
        if text.casefold() in (
            role.value,
            role.label("vi").casefold(),
            role.label("en").casefold(),
        ):
            return role
    options = ", ".join(r.value for r in Role)
    raise HueDeskError(
        f"Không có vai trò '{value}' (chọn: {options}).",
        f"No role '{value}' (choose: {options}).",
    )


def _clean_name(name: str) -> str:
    text = clean(name)
    if not _NAME_RE.match(text):
        raise HueDeskError(
            "Tên đăng nhập phải dài 2–60 ký tự, gồm chữ, số và . _ - @ (không có dấu cách).",
            "A user name has 2–60 characters: letters, digits and . _ - @ (no spaces).",
        )
    return text


def _get(session: Session, name: str) -> UserAccount:
    acc = session.scalar(select(UserAccount).where(UserAccount.name == clean(name)))
    if acc is None:
        raise NotFoundError(f"Không có tài khoản '{name}'.", f"No account '{name}'.")
    return acc


def _audit(
    session: Session, actor: str, action: AuditAction, name: str, changes: dict[str, Any]
) -> None:
    audit.record(
        session,
        actor=actor,
        action=action,
        kind=AUDIT_KIND,
        record_uuid=None,
        record_ref=name,
        changes=changes,
    )


def _active_admins(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(UserAccount)
            .where(UserAccount.role == Role.ADMIN, UserAccount.active.is_(True))
        )
        or 0
    )


class AccountService:
    """Accounts of one database; each call is one unit of work."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def has_accounts(self) -> bool:
        """False on first run: the UI then asks for the administrator account."""
        with self.db.read() as s:
            return has_accounts(s)

    def create_first_admin(
        self, name: str, password: str, display_name: str | None = None
    ) -> Principal:
        """Create the first account, an administrator; refused once any account exists."""
        with self.db.write() as s:
            if has_accounts(s):
                raise HueDeskError(
                    "Đã có tài khoản; quản trị viên thêm người dùng bằng 'huedesk user add'.",
                    "Accounts already exist; an administrator adds users with 'huedesk user add'.",
                )
            acc = self._insert(s, name, password, Role.ADMIN, display_name)
            _audit(s, acc.name, AuditAction.CREATE, acc.name, self._created(acc))
            return Principal(acc.name, acc.role)

    def authenticate(self, name: str, password: str) -> Principal:
        """The principal for a correct name and password of an active account.

        Signing in notes the time and upgrades an old password hash; on a database
        opened read-only it only checks, so reading it needs no write.
        """
        writable = self.db.read_only is None
        # Core statements over the table: signing in configures no ORM mapper (a brief's
        # start-up, issue #16), and the account has no version column to keep.
        accounts = cast(Table, UserAccount.__table__)
        with self.db.write() if writable else self.db.read() as s:
            acc = s.execute(
                select(
                    accounts.c.id,
                    accounts.c.name,
                    accounts.c.role,
                    accounts.c.password_hash,
                    accounts.c.active,
                ).where(accounts.c.name == clean(name))
            ).one_or_none()
            if acc is None or not verify_password(acc.password_hash, password):
                raise PermissionDenied(
                    "Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password."
                )
            if not acc.active:
                raise PermissionDenied(
                    f"Tài khoản '{acc.name}' đã bị khóa.", f"The account '{acc.name}' is disabled."
                )
            if account_tampered(self.db.path, acc.name, acc.role, acc.password_hash, acc.active):
                raise PermissionDenied(
                    f"Tài khoản '{acc.name}' đã bị sửa bên ngoài HueDesk (vai trò, mật khẩu hoặc "
                    "trạng thái); không đăng nhập được. Hãy báo quản trị viên chạy huedesk check.",
                    f"The account '{acc.name}' was changed outside HueDesk (role, password or "
                    "active flag); it cannot sign in. Ask an administrator to run huedesk check.",
                )
            if not writable:
                return Principal(acc.name, acc.role)
            changes: dict[str, object] = {"last_login_at": utcnow()}
            if needs_rehash(acc.password_hash):
                changes["password_hash"] = hash_password(password)
                s.info[APPENDED] = True  # the account's seal beside the database follows
            s.execute(update(accounts).where(accounts.c.id == acc.id).values(changes))
            return Principal(acc.name, acc.role)

    def add(
        self,
        by: Actor,
        name: str,
        password: str,
        role: Role | str,
        display_name: str | None = None,
    ) -> AccountInfo:
        """Add an account (administrators only)."""
        with self.db.write() as s:
            who = resolve(s, by)
            require_admin(who)
            if not has_accounts(s):
                raise HueDeskError(
                    "Chưa có quản trị viên; hãy chạy 'huedesk user init' trước.",
                    "There is no administrator yet; run 'huedesk user init' first.",
                )
            acc = self._insert(s, name, password, parse_role(role), display_name)
            _audit(s, who.name, AuditAction.CREATE, acc.name, self._created(acc))
            return _info(acc)

    def list(self, by: Actor) -> list[AccountInfo]:
        """Every account, by name (administrators only)."""
        with self.db.read() as s:
            require_admin(resolve(s, by))
            return [_info(a) for a in s.scalars(select(UserAccount).order_by(UserAccount.name))]

    def set_password(
        self, by: Actor, name: str, new_password: str, old_password: str | None = None
    ) -> None:
        """Change a password: one's own with the old password, anyone's as administrator."""
        with self.db.write() as s:
            who = resolve(s, by)
            acc = _get(s, name)
            if who.name == acc.name and not who.can_manage_users:
                if old_password is None or not verify_password(acc.password_hash, old_password):
                    raise PermissionDenied("Mật khẩu cũ không đúng.", "The old password is wrong.")
            elif who.name != acc.name:
                require_admin(who)
            acc.password_hash = hash_password(new_password)
            _audit(s, who.name, AuditAction.UPDATE, acc.name, {"password": (_SECRET, _SECRET)})

    def set_role(self, by: Actor, name: str, role: Role | str) -> AccountInfo:
        """Give an account another role (administrators only; the last administrator stays)."""
        new = parse_role(role)
        with self.db.write() as s:
            who = resolve(s, by)
            require_admin(who)
            acc = _get(s, name)
            if acc.role is Role.ADMIN and new is not Role.ADMIN:
                self._keep_an_admin(s, acc)
            old = acc.role
            acc.role = new
            if old is not new:
                _audit(s, who.name, AuditAction.UPDATE, acc.name, {"role": (old, new)})
            return _info(acc)

    def set_active(self, by: Actor, name: str, active: bool) -> AccountInfo:
        """Disable (or re-enable) an account; its audit history stays."""
        with self.db.write() as s:
            who = resolve(s, by)
            require_admin(who)
            acc = _get(s, name)
            if not active and acc.role is Role.ADMIN and acc.active:
                self._keep_an_admin(s, acc)
            if acc.active != active:
                _audit(s, who.name, AuditAction.UPDATE, acc.name, {"active": (acc.active, active)})
                acc.active = active
            return _info(acc)

    @staticmethod
    def _keep_an_admin(session: Session, acc: UserAccount) -> None:
        if acc.active and _active_admins(session) <= 1:
            raise HueDeskError(
                f"'{acc.name}' là quản trị viên cuối cùng; hãy cấp quyền quản trị cho người khác trước.",
                f"'{acc.name}' is the last administrator; make someone else an administrator first.",
            )

    @staticmethod
    def _insert(
        session: Session, name: str, password: str, role: Role, display_name: str | None
    ) -> UserAccount:
        clean_name = _clean_name(name)
        if session.scalar(select(UserAccount.id).where(UserAccount.name == clean_name)):
            raise HueDeskError(
                f"Đã có tài khoản '{clean_name}'.", f"An account '{clean_name}' already exists."
            )
        acc = UserAccount(
            name=clean_name,
            display_name=clean(display_name) if display_name and display_name.strip() else None,
            role=role,
            password_hash=hash_password(password),
            active=True,
        )
        session.add(acc)
        session.flush()
        return acc

    @staticmethod
    def _created(acc: UserAccount) -> dict[str, tuple[Any, Any]]:
        changes: dict[str, tuple[Any, Any]] = {
            "name": (None, acc.name),
            "role": (None, acc.role),
            "password": (None, _SECRET),
        }
        if acc.display_name:
            changes["display_name"] = (None, acc.display_name)
        return changes
