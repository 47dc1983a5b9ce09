"""``huedesk user``: the first administrator, adding users, passwords, roles, disabling.

New passwords come from ``$HUEDESK_NEW_PASSWORD`` (scripts) or are typed twice at
a prompt that does not echo; they are never taken from the command line, where
they would land in the shell history.
"""

from __future__ import annotations

import argparse
from typing import Any

from huedesk.accounts import Role
from huedesk.cli.context import CommandContext
from huedesk.cli.signin import ask_new_secret, ask_password, user_name
from huedesk.cli.table import table_lines
from huedesk.formatting import format_datetime

NEW_PASSWORD_ENV = "HUEDESK_NEW_PASSWORD"
ROLES = ", ".join(r.value for r in Role)


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "user",
        description="Manage local accounts. Roles: admin, officer, consular_officer, viewer. "
        f"New passwords: typed at a prompt, or ${NEW_PASSWORD_ENV} for scripts.",
    )
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=["vi", "en"], default="vi")
    us = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    q = us.add_parser(
        "init", help="create the first administrator (first run only)", parents=[lang]
    )
    q.add_argument("name", nargs="?", help="user name (default: --user or the OS account)")
    q.add_argument("--display-name")
    q.set_defaults(handler=run_init)

    q = us.add_parser("add", help="add an account (administrators)", parents=[lang])
    q.add_argument("name")
    q.add_argument("--role", required=True, help=ROLES)
    q.add_argument("--display-name")
    q.set_defaults(handler=run_add)

    q = us.add_parser("list", help="list accounts (administrators)", parents=[lang])
    q.set_defaults(handler=run_list)

    q = us.add_parser(
        "passwd", help="change a password (your own, or anyone's as administrator)", parents=[lang]
    )
    q.add_argument("name", nargs="?", help="account (default: yourself)")
    q.set_defaults(handler=run_passwd)

    q = us.add_parser("role", help="change an account's role (administrators)", parents=[lang])
    q.add_argument("name")
    q.add_argument("role", help=ROLES)
    q.set_defaults(handler=run_role)

    for action, text in (("disable", "disable an account"), ("enable", "re-enable an account")):
        q = us.add_parser(action, help=f"{text} (administrators)", parents=[lang])
        q.add_argument("name")
        q.set_defaults(handler=run_set_active, active=action == "enable")


def new_password(name: str) -> str:
    """A new password for ``name``: from ``$HUEDESK_NEW_PASSWORD``, or typed twice."""
    return ask_new_secret(
        NEW_PASSWORD_ENV,
        f"Mật khẩu mới / New password ({name}): ",
        f"mật khẩu mới cho '{name}'",
        f"a new password for '{name}'",
    )


def _done(ctx: CommandContext, vi: str, en: str) -> int:
    ctx.print(en if ctx.lang == "en" else vi)
    return 0


def run_init(ctx: CommandContext) -> int:
    name = ctx.args.name or user_name(getattr(ctx.args, "user", None))
    who = ctx.door().create_administrator(name, new_password(name), ctx.args.display_name)
    return _done(
        ctx,
        f"Đã tạo quản trị viên '{who.user_name}'. Từ nay mọi lệnh cần đăng nhập.",
        f"Administrator '{who.user_name}' created. From now on every command signs in.",
    )


def run_add(ctx: CommandContext) -> int:
    accounts = ctx.workspace().accounts
    info = accounts.add(
        ctx.args.name, new_password(ctx.args.name), ctx.args.role, ctx.args.display_name
    )
    return _done(
        ctx,
        f"Đã thêm tài khoản '{info.name}' ({info.role.label('vi')}).",
        f"Account '{info.name}' ({info.role.label('en')}) added.",
    )


def run_list(ctx: CommandContext) -> int:
    rows = ctx.workspace().accounts.list()
    en = ctx.lang == "en"
    head = (
        ("User", "Name", "Role", "Active", "Last sign-in")
        if en
        else (
            "Tài khoản",
            "Họ tên",
            "Vai trò",
            "Hoạt động",
            "Đăng nhập cuối",
        )
    )
    table = [head] + [
        (
            r.name,
            r.display_name or "",
            r.role.label(ctx.lang),
            ("yes" if en else "có") if r.active else ("no" if en else "khóa"),
            format_datetime(r.last_login_at.astimezone() if r.last_login_at else None),
        )
        for r in rows
    ]
    for line in table_lines(table):
        ctx.print(line)
    return 0


def run_passwd(ctx: CommandContext) -> int:
    who = ctx.principal()
    name = ctx.args.name or who.name
    old = ask_password(name) if name == who.name and not who.can_manage_users else None
    ctx.workspace().accounts.set_password(name, new_password(name), old)
    return _done(ctx, f"Đã đổi mật khẩu của '{name}'.", f"Password of '{name}' changed.")


def run_role(ctx: CommandContext) -> int:
    info = ctx.workspace().accounts.set_role(ctx.args.name, ctx.args.role)
    return _done(
        ctx,
        f"'{info.name}' nay là {info.role.label('vi').lower()}.",
        f"'{info.name}' is now {info.role.label('en').lower()}.",
    )


def run_set_active(ctx: CommandContext) -> int:
    info = ctx.workspace().accounts.set_active(ctx.args.name, ctx.args.active)
    if info.active:
        return _done(ctx, f"Đã mở lại tài khoản '{info.name}'.", f"Account '{info.name}' enabled.")
    return _done(ctx, f"Đã khóa tài khoản '{info.name}'.", f"Account '{info.name}' disabled.")
