"""Signing in on the command line, so commands obey the same roles as the window.

The user is ``--user NAME``, else ``$HUEDESK_USER``, else the operating-system
account name. While the database has no accounts, nobody signs in and the
command runs as the local administrator. Once accounts exist the password comes
from ``$HUEDESK_PASSWORD`` (scripts, CI) or, at a terminal, from a prompt that
does not echo; without either the command is refused.
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import TYPE_CHECKING

from huedesk.errors import PermissionDenied

if TYPE_CHECKING:
    from huedesk.workspace import Door, Workspace

USER_ENV = "HUEDESK_USER"
PASSWORD_ENV = "HUEDESK_PASSWORD"


def user_name(explicit: str | None) -> str:
    """Who the command says it runs as (before any password is checked)."""
    return explicit or os.environ.get(USER_ENV) or getpass.getuser()


def _from_env_or_terminal(env: str, what_vi: str, what_en: str) -> str | None:
    """``$env`` if set; ``None`` when a terminal can be asked; refused otherwise."""
    from_env = os.environ.get(env)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise PermissionDenied(
            f"Cần {what_vi}: đặt biến môi trường {env} hoặc chạy tại cửa sổ lệnh.",
            f"{what_en[:1].upper()}{what_en[1:]} is needed: set {env} or run at a terminal.",
        )
    return None


def ask_password(name: str) -> str:
    """The password from ``$HUEDESK_PASSWORD`` or a terminal prompt."""
    given = _from_env_or_terminal(
        PASSWORD_ENV, f"mật khẩu của '{name}'", f"the password of '{name}'"
    )
    return given if given is not None else getpass.getpass(f"Mật khẩu / Password ({name}): ")


def sign_in(door: Door, explicit_user: str | None) -> Workspace:
    """The workspace a command runs in, checking the password when accounts exist."""
    name = user_name(explicit_user)
    if door.first_run:
        return door.enter(name)
    return door.sign_in(name, ask_password(name))


def ask_new_secret(env: str, prompt: str, what_vi: str, what_en: str) -> str:
    """A new password or passphrase: from ``$env`` (scripts), or typed twice at a terminal.

    Never from the command line itself, where it would land in the shell history.
    """
    given = _from_env_or_terminal(env, what_vi, what_en)
    if given is not None:
        return given
    first = getpass.getpass(prompt)
    if getpass.getpass("Nhập lại / Repeat: ") != first:
        raise PermissionDenied("Hai lần nhập không khớp.", "The two entries differ.")
    return first
