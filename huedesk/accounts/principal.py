"""Turning the actor a service call names into a ``Principal`` with a role.

A database without any account (first run, tests, scripts on a fresh file) has
nobody to sign in as: every caller is then the local administrator, except that a
``Principal`` passed explicitly keeps its role (so tests can act as a viewer).
Once an account exists, the caller must name an active account and its role is
read from the database on every unit of work, so disabling a user or changing a
role takes effect at once. Checking the password is the job of whoever builds the
actor at the edge (sign-in dialog, ``CommandContext``); in-process callers are
trusted to say who signed in.
"""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from huedesk.accounts.roles import Principal, Role
from huedesk.db.models.accounts import UserAccount
from huedesk.errors import PermissionDenied

Actor = str | Principal

_CACHE_KEY = "hd_principals"


def has_accounts(session: Session) -> bool:
    """Whether any account exists (before the first one, nobody signs in)."""
    return bool(session.scalar(select(exists().where(UserAccount.id.is_not(None)))))


def actor_name(actor: Actor) -> str:
    """The name the audit log records for ``actor``."""
    return actor.name if isinstance(actor, Principal) else actor


def resolve(session: Session, actor: Actor) -> Principal:
    """The principal ``actor`` acts as in this session (cached for the session's life)."""
    cache: dict[Actor, Principal] = session.info.setdefault(_CACHE_KEY, {})
    found = cache.get(actor)
    if found is None:
        found = cache[actor] = _lookup(session, actor)
    return found


def _lookup(session: Session, actor: Actor) -> Principal:
    # One indexed query for a signed-in user (every unit of work asks); whether any account
    # exists only matters when none has this name. A Core select over the table: resolving
    # who asks configures no ORM mapper (a brief's start-up, issue #16).
    name = actor_name(actor)
    accounts = UserAccount.__table__.c
    found = session.execute(
        select(accounts.name, accounts.role, accounts.active).where(accounts.name == name)
    ).one_or_none()
    if found is None and not has_accounts(session):
        if isinstance(actor, Principal):
            return actor
        return Principal(name, Role.ADMIN)
    if found is None or not found.active:
        raise PermissionDenied(
            f"Không có tài khoản đang hoạt động tên '{name}'; hãy đăng nhập bằng tài khoản HueDesk.",
            f"There is no active account named '{name}'; sign in with a HueDesk account.",
        )
    return Principal(found.name, found.role)
