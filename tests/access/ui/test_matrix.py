"""Who may do what, as written in ``docs/access-and-privacy.md``, tried through every door.

The table "Who may do what" in the docs is this test's input: each row names an
action, says for each of the four roles whether it is allowed, and lists the
paths it is tried through: ``api`` (the signed-in ``Workspace``), ``cli`` (the
``huedesk`` command, signing in with a password) and ``window`` (the main window
built for that user, driven as they would: sidebar, lists, record windows,
start page, search box, print dialog, menus, audit view). One parametrised test
runs every (action, role, path): the driver answers whether the user got to do
it, and that must be what the table says. Refusals are also checked not to
reveal what the user may not see (the case's title, a passport number).

Every test works on its own copy of one prepared database (accounts for the
four roles, one record of each kind, a person with a passport number, an
overdue consular case with a file, a backup and an exported bundle).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox

from huedesk import backup, clock
from huedesk.accounts import AccountService
from huedesk.accounts import passwords as passwords_mod
from huedesk.cli import main as cli_main
from huedesk.errors import HueDeskError
from huedesk.records import ChildEdits, RecordService
from huedesk.store import open_store
from huedesk.ui import ops
from huedesk.ui.app import Desk, configure_settings
from huedesk.ui.archive_ui import ExportDialog, ReportDialog
from huedesk.ui.audit_view import AuditView
from huedesk.ui.editor import RecordEditor
from huedesk.ui.i18n import set_language
from huedesk.ui.list_page import ListPage
from huedesk.ui.main_window import MainWindow
from huedesk.ui.printing import BriefDialog
from huedesk.workspace import Workspace
from tests.access.conftest import PASSWORD, USERS, CliResult
from tests.access.sample import attach_file, one_of_each

DOC = Path(__file__).resolve().parents[3] / "docs" / "access-and-privacy.md"
ROLES = {  # column of the table -> the account of that role in the prepared database
    "administrator": "quantri",
    "consular officer": "lanhsu",
    "officer": "canbo",
    "viewer": "xem",
}
PASSPORT = "C9876543"
CASE_TITLE = "Công dân mất hộ chiếu tại Osaka"
DELEGATION_TITLE = "Đoàn đại biểu tỉnh Gifu"


# --- the table -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    key: str
    allowed: frozenset[str]  # account names
    paths: tuple[str, ...]


def read_table(doc: Path = DOC) -> list[Row]:
    """The rows of the "Who may do what" table (between its two marker comments)."""
    text = doc.read_text(encoding="utf-8")
    body = text.split("<!-- access-matrix:begin -->")[1].split("<!-- access-matrix:end -->")[0]
    lines = [line for line in body.splitlines() if line.startswith("|")]
    head = [c.strip() for c in lines[0].strip("|").split("|")]
    rows = []
    for line in lines[2:]:
        cells = dict(zip(head, (c.strip() for c in line.strip("|").split("|")), strict=True))
        key = cells["key"].strip("`")
        allowed = frozenset(ROLES[r] for r in ROLES if cells[r] == "✓")
        assert all(cells[r] in ("✓", "—") for r in ROLES), line
        paths = tuple(p.strip() for p in cells["tried through"].split(","))
        rows.append(Row(key, allowed, paths))
    return rows


TABLE = read_table()


def _cases() -> Iterator[Any]:
    for row in TABLE:
        for role in ROLES.values():
            for path in row.paths:
                yield pytest.param(row, role, path, id=f"{row.key}-{role}-{path}")


# --- the prepared database -------------------------------------------------------------------


@dataclass
class World:
    ids: dict[str, int]
    refs: dict[str, str]
    case_file: int
    bundle: Path


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, World]:
    folder = tmp_path_factory.mktemp("matrix") / "data"
    with pytest.MonkeyPatch.context() as mp:  # cheap hashes: the CLI signs in for every call
        fast = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
        mp.setattr(passwords_mod, "_hasher", fast)
        db = open_store(folder / "huedesk.sqlite3")
        try:
            accounts = AccountService(db)
            admin = accounts.create_first_admin("quantri", PASSWORD)
            for name, role in USERS.items():
                if name != "quantri":
                    accounts.add(admin, name, PASSWORD, role)
            world = _fill(RecordService(db, "quantri"), folder)
        finally:
            db.dispose()
    return folder, world


def _fill(svc: RecordService, folder: Path) -> World:
    ids = one_of_each(svc)
    today = clock.today()
    svc.update("delegation", ids["delegation"], {"title": DELEGATION_TITLE})
    svc.update("person", ids["person"], {"passport_no": PASSPORT})
    svc.update(
        "consular_case",
        ids["consular_case"],
        {"title": CASE_TITLE, "opened_on": today.replace(day=1), "deadline": today},
    )
    svc.save(
        "consular_case",
        ids["consular_case"],
        {},
        [ChildEdits("case_person", created=({"person_id": ids["person"], "role": "subject"},))],
    )
    case_file = attach_file(svc, "consular_case", ids["consular_case"], "Bản sao hộ chiếu.pdf")
    refs = {
        kind: str(svc.get(kind, ids[kind])["ref"])
        for kind in ("delegation", "consular_case", "person", "event", "aid_project")
    }
    ws = Workspace(svc.db, "quantri")
    ws.backups.now()
    bundle = folder.parent / "bundle.zip"
    ws.archive.export(bundle, kinds=["event"])
    return World(ids, refs, int(case_file["id"]), bundle)


# --- one user at the database --------------------------------------------------------------------
# Rows that only read share one copy of the prepared database and, per user, one workspace
# and one window (building a window per case would cost minutes); rows that write get a
# copy, a workspace and a window of their own.

READS_ONLY = {
    "read-records",
    "see-cases",
    "see-personal-data",
    "case-deadlines",
    "search-cases",
    "search-records",
    "print-records",
    "print-cases",
    "year-review",
    "export",
    "audit-records",
    "audit-cases",
    "audit-accounts",
    "demo-data-window",  # only whether the menu offers it
    "restore-window",
    "open-case-files",
}


class Seat:
    """One user's workspace and (built on first use) window on one copy of the database."""

    def __init__(self, user: str, db_file: Path) -> None:
        self.user = user
        self.db_file = db_file
        self._ws: Workspace | None = None
        self._desk: Desk | None = None

    @property
    def ws(self) -> Workspace:
        if self._ws is None:
            self._ws = Workspace(open_store(self.db_file), self.user)
        return self._ws

    @property
    def window(self) -> MainWindow:
        if self._desk is None:
            configure_settings()
            set_language("vi")
            self._desk = Desk(self.ws, "vi")
            self._desk.window.show()
        return self._desk.window

    def tidy(self) -> None:
        """Close what a case opened (record windows, dialogs) but keep the window."""
        if self._desk is not None:
            for editor in self._desk.window.findChildren(RecordEditor):
                editor.discard_changes()
                editor.close()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    def close(self) -> None:
        if self._desk is not None:
            self.tidy()
            self._desk.window.close()
            self._desk.window.deleteLater()
        if self._ws is not None:
            self._ws.close()


@pytest.fixture(scope="module")
def shared(
    prepared: tuple[Path, World], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Seat]]:
    folder = tmp_path_factory.mktemp("shared") / "data"
    shutil.copytree(prepared[0], folder)
    seats = {user: Seat(user, folder / "huedesk.sqlite3") for user in ROLES.values()}
    yield seats
    for seat in seats.values():
        seat.close()


@dataclass
class Env:
    seat: Seat
    world: World
    qtbot: Any
    monkeypatch: pytest.MonkeyPatch
    capsys: pytest.CaptureFixture[str]
    warnings: list[str] = field(default_factory=list)

    @property
    def user(self) -> str:
        return self.seat.user

    @property
    def folder(self) -> Path:
        return self.seat.db_file.parent

    @property
    def ids(self) -> dict[str, int]:
        return self.world.ids

    @property
    def refs(self) -> dict[str, str]:
        return self.world.refs

    @property
    def ws(self) -> Workspace:
        return self.seat.ws

    @property
    def window(self) -> MainWindow:
        return self.seat.window

    def run(self, *argv: str, env: dict[str, str] | None = None) -> CliResult:
        """``huedesk --db <this copy> --user <this user> ARGV`` with the password set."""
        with self.monkeypatch.context() as m:
            for key, value in {"HUEDESK_PASSWORD": PASSWORD, **(env or {})}.items():
                m.setenv(key, value)
            code = cli_main.main(["--db", str(self.seat.db_file), "--user", self.user, *argv])
        captured = self.capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    def _warn(self, text: str) -> QMessageBox.StandardButton:
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    def wait_ops(self) -> None:
        self.qtbot.waitUntil(lambda: ops.running() == 0, timeout=60_000)


@pytest.fixture
def env(
    prepared: tuple[Path, World],
    shared: dict[str, Seat],
    db_path: Path,
    qtbot: Any,
    qapp: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> Iterator[Env]:
    params = request.node.callspec.params
    user, key = params["role"], params["row"].key
    if {key, f"{key}-{params['path']}"} & READS_ONLY:
        seat = shared[user]
        own = False
    else:
        shutil.copytree(prepared[0], db_path.parent)
        seat = Seat(user, db_path)
        own = True
    for var in ("HUEDESK_USER", "HUEDESK_PASSWORD", "HUEDESK_NEW_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    e = Env(seat, prepared[1], qtbot, monkeypatch, capsys)
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: e._warn(text))
    )
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)
    )
    yield e
    e.wait_ops()
    if own:
        seat.close()
    else:
        seat.tidy()


# --- how each action is tried ---------------------------------------------------------------------
# Each driver returns True when the user got to do it, False when they were refused or the
# window did not offer it. A refusal is a HueDeskError (api), exit status 2 (cli), or a
# missing or disabled entry / a refusal shown (window); anything else fails the test.

Driver = Callable[[Env], bool]
DRIVERS: dict[tuple[str, str], Driver] = {}


def driver(key: str, path: str) -> Callable[[Driver], Driver]:
    def register(fn: Driver) -> Driver:
        DRIVERS[(key, path)] = fn
        return fn

    return register


def refused(call: Callable[[], object]) -> bool:
    """True when ``call`` went through, False when the services refused it."""
    try:
        call()
    except HueDeskError as exc:
        assert CASE_TITLE not in exc.en and PASSPORT not in exc.en, exc.en
        return False
    return True


def cli_ok(res: CliResult) -> bool:
    assert res.code in (0, 2), res
    assert "Traceback" not in res.err
    assert CASE_TITLE not in res.err and PASSPORT not in res.err
    return res.code == 0


def opened(env: Env, kind: str, record_id: int) -> RecordEditor | None:
    editor = env.window.open_record(kind, record_id)
    if editor is None:
        assert env.warnings, "a refused record window says why"
        assert CASE_TITLE not in env.warnings[-1] and PASSPORT not in env.warnings[-1]
    return editor


# read-records ------------------------------------------------------------------------------------
@driver("read-records", "api")
def _(env: Env) -> bool:
    def read() -> None:
        assert env.ws.records.list("delegation").total == 1
        assert env.ws.records.get("delegation", env.ids["delegation"])["title"] == DELEGATION_TITLE

    return refused(read)


@driver("read-records", "cli")
def _(env: Env) -> bool:
    res = env.run("show", "delegation", env.refs["delegation"])
    return cli_ok(res) and DELEGATION_TITLE in res.out


@driver("read-records", "window")
def _(env: Env) -> bool:
    page = env.window.show_page("delegation_in")
    assert isinstance(page, ListPage) and page.model.total == 1
    editor = opened(env, "delegation", env.ids["delegation"])
    return editor is not None and editor.form.editors["title"].value() == DELEGATION_TITLE


# change-records -----------------------------------------------------------------------------------
@driver("change-records", "api")
def _(env: Env) -> bool:
    return refused(
        lambda: env.ws.records.update("delegation", env.ids["delegation"], {"notes": "Đã sửa"})
    )


@driver("change-records", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("set", "delegation", env.refs["delegation"], "notes=Đã sửa"))


@driver("change-records", "window")
def _(env: Env) -> bool:
    editor = opened(env, "delegation", env.ids["delegation"])
    assert editor is not None
    if not editor.save_btn.isEnabled():
        return False
    editor.form.editors["notes"].set_value({"notes": "Đã sửa"})
    assert editor.save()
    return env.ws.records.get("delegation", env.ids["delegation"])["notes"] == "Đã sửa"


# delete-records -----------------------------------------------------------------------------------
@driver("delete-records", "api")
def _(env: Env) -> bool:
    return refused(lambda: env.ws.records.delete("event", env.ids["event"]))


@driver("delete-records", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("delete", "event", env.refs["event"], "--yes"))


@driver("delete-records", "window")
def _(env: Env) -> bool:
    page = env.window.show_page("event")
    assert isinstance(page, ListPage)
    page.table.selectRow(0)
    if not env.window.act_delete.isEnabled():
        return False
    env.window.delete_selected()
    return env.ws.records.list("event").total == 0


# see-cases -----------------------------------------------------------------------------------------
@driver("see-cases", "api")
def _(env: Env) -> bool:
    return refused(lambda: env.ws.records.get("consular_case", env.ids["consular_case"]))


@driver("see-cases", "cli")
def _(env: Env) -> bool:
    res = env.run("list", "consular_case")
    return cli_ok(res) and CASE_TITLE in res.out


@driver("see-cases", "window")
def _(env: Env) -> bool:
    in_sidebar = "consular_case" in env.window._nav_rows
    editor = opened(env, "consular_case", env.ids["consular_case"])
    assert in_sidebar == (editor is not None)
    return editor is not None and editor.form.editors["title"].value() == CASE_TITLE


# change-cases --------------------------------------------------------------------------------------
@driver("change-cases", "api")
def _(env: Env) -> bool:
    case = env.ids["consular_case"]
    return refused(lambda: env.ws.records.update("consular_case", case, {"notes": "Đã gọi"}))


@driver("change-cases", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("set", "consular_case", env.refs["consular_case"], "notes=Đã gọi"))


@driver("change-cases", "window")
def _(env: Env) -> bool:
    editor = opened(env, "consular_case", env.ids["consular_case"])
    if editor is None or not editor.save_btn.isEnabled():
        return False
    editor.form.editors["notes"].set_value({"notes": "Đã gọi"})
    return editor.save()


# see-personal-data ---------------------------------------------------------------------------------
@driver("see-personal-data", "api")
def _(env: Env) -> bool:
    return env.ws.records.get("person", env.ids["person"])["passport_no"] == PASSPORT


@driver("see-personal-data", "cli")
def _(env: Env) -> bool:
    res = env.run("show", "person", env.refs["person"])
    assert cli_ok(res) and "543" in res.out  # masked, the last digits still tell rows apart
    return PASSPORT in res.out


@driver("see-personal-data", "window")
def _(env: Env) -> bool:
    page = env.window.show_page("person")
    assert isinstance(page, ListPage)
    assert page.model.row_dict(0)["passport_no"] != PASSPORT  # lists mask for every role
    editor = opened(env, "person", env.ids["person"])
    assert editor is not None
    return editor.form.editors["passport_no"].value() == PASSPORT


# enter-personal-data -------------------------------------------------------------------------------
@driver("enter-personal-data", "api")
def _(env: Env) -> bool:
    person = env.ids["person"]
    return refused(lambda: env.ws.records.update("person", person, {"phone": "0905 111 222"}))


@driver("enter-personal-data", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("set", "person", env.refs["person"], "phone=0905 111 222"))


@driver("enter-personal-data", "window")
def _(env: Env) -> bool:
    editor = opened(env, "person", env.ids["person"])
    assert editor is not None
    if not editor.save_btn.isEnabled():
        return False
    editor.form.editors["phone"].set_value({"phone": "0905 111 222"})
    return editor.save()


# case-deadlines -----------------------------------------------------------------------------------
@driver("case-deadlines", "api")
def _(env: Env) -> bool:
    att = env.ws.start_page.attention()
    assert att.deadlines_shown == bool(att.deadlines)
    return [i.title for i in att.deadlines] == [CASE_TITLE]


@driver("case-deadlines", "window")
def _(env: Env) -> bool:
    page = env.window.show_page("attention")
    heading, tree = page.sections[1]  # type: ignore[attr-defined]
    texts = [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]
    assert heading.isVisible() == tree.isVisible()
    if not tree.isVisible():
        shown = [w.text() for w in page.findChildren(QLabel)] + texts
        assert not any(CASE_TITLE in t for t in shown)  # nothing of the case on the page
        return False
    return texts == [CASE_TITLE]


# search-cases -------------------------------------------------------------------------------------
@driver("search-cases", "api")
def _(env: Env) -> bool:
    hits = env.ws.search.find("osaka")
    return [h.kind for h in hits] == ["consular_case"]


@driver("search-cases", "cli")
def _(env: Env) -> bool:
    res = env.run("search", "osaka")
    return cli_ok(res) and env.refs["consular_case"] in res.out


@driver("search-cases", "window")
def _(env: Env) -> bool:
    box = env.window.search
    box.box.setText("osaka")
    box.run_search()
    return [h.kind for h in box.hits] == ["consular_case"]


# search-records -----------------------------------------------------------------------------------
@driver("search-records", "api")
def _(env: Env) -> bool:
    return [h.record_id for h in env.ws.search.find("gifu")] == [env.ids["delegation"]]


@driver("search-records", "cli")
def _(env: Env) -> bool:
    res = env.run("search", "gifu")
    return cli_ok(res) and env.refs["delegation"] in res.out


@driver("search-records", "window")
def _(env: Env) -> bool:
    box = env.window.search
    box.box.setText("gifu")
    box.run_search()
    return [h.record_id for h in box.hits] == [env.ids["delegation"]]


# print-records ------------------------------------------------------------------------------------
@driver("print-records", "api")
def _(env: Env) -> bool:
    out = env.folder / "doan.pdf"
    return refused(lambda: env.ws.briefs.render("delegation", env.ids["delegation"], out))


@driver("print-records", "cli")
def _(env: Env) -> bool:
    out = env.folder / "doan.pdf"
    return cli_ok(env.run("brief", "delegation", env.refs["delegation"], "-o", str(out)))


def _print_in_window(env: Env, kind: str) -> Path | None:
    editor = opened(env, kind, env.ids[kind])
    if editor is None or not editor.print_btn.isEnabled():
        return None
    editor.print_brief()
    dialog = editor.findChildren(BriefDialog)[-1]
    dialog.build()
    env.wait_ops()
    return dialog.pdf


@driver("print-records", "window")
def _(env: Env) -> bool:
    pdf = _print_in_window(env, "delegation")
    return pdf is not None and pdf.read_bytes().startswith(b"%PDF")


# print-cases --------------------------------------------------------------------------------------
@driver("print-cases", "api")
def _(env: Env) -> bool:
    out = env.folder / "vu-viec.pdf"
    return refused(lambda: env.ws.briefs.render("consular_case", env.ids["consular_case"], out))


@driver("print-cases", "cli")
def _(env: Env) -> bool:
    out = env.folder / "vu-viec.pdf"
    return cli_ok(env.run("brief", "case", env.refs["consular_case"], "-o", str(out)))


@driver("print-cases", "window")
def _(env: Env) -> bool:
    pdf = _print_in_window(env, "consular_case")
    return pdf is not None and pdf.read_bytes().startswith(b"%PDF")


# year-review --------------------------------------------------------------------------------------
@driver("year-review", "api")
def _(env: Env) -> bool:
    out = env.folder / "nam.pdf"
    return refused(lambda: env.ws.briefs.year_review(clock.today().year, out))


@driver("year-review", "cli")
def _(env: Env) -> bool:
    out = env.folder / "nam.pdf"
    return cli_ok(env.run("brief", "year", str(clock.today().year), "-o", str(out)))


# export -------------------------------------------------------------------------------------------
@driver("export", "api")
def _(env: Env) -> bool:
    return refused(lambda: env.ws.archive.export(env.folder / "out.zip", kinds=["event"]))


@driver("export", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("export", "-o", str(env.folder / "out.zip"), "--kind", "event"))


@driver("export", "window")
def _(env: Env) -> bool:
    window = env.window
    if not window.act_export.isEnabled():
        return False
    out = env.folder / "out.zip"
    env.monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    env.monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    window.act_export.trigger()
    env.wait_ops()
    return out.is_file()


# import -------------------------------------------------------------------------------------------
@driver("import", "api")
def _(env: Env) -> bool:
    return refused(lambda: env.ws.archive.import_(env.world.bundle))


@driver("import", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("import", str(env.world.bundle)))


@driver("import", "window")
def _(env: Env) -> bool:
    window = env.window
    if not window.act_import.isEnabled():
        return False
    bundle = str(env.world.bundle)
    env.monkeypatch.setattr(ReportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    env.monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (bundle, ""))
    )
    window.act_import.trigger()
    env.wait_ops()
    return not env.warnings and getattr(window.archive, "last_report", None) is not None


# audit-records / audit-cases / audit-accounts -------------------------------------------------------
def _audit_kinds_api(env: Env) -> set[str]:
    return {r.kind for r in env.ws.audit.page(limit=1000)}


def _audit_kinds_window(env: Env) -> set[str]:
    view = AuditView(env.ws, "vi")
    env.qtbot.addWidget(view)
    model = view.model
    while model.canFetchMore():
        model.fetchMore()
    return {model.entry(i).kind for i in range(model.rowCount())}


def _audit_kinds_cli(env: Env) -> set[str]:
    res = env.run("audit", "--limit", "1000", "--lang", "en")
    assert cli_ok(res)
    labels = {
        "Delegation": "delegation",
        "Consular case": "consular_case",
        "Account": "user_account",
    }
    return {kind for label, kind in labels.items() if re.search(rf"\b{label}\b", res.out)}


for _path, _read in (
    ("api", _audit_kinds_api),
    ("cli", _audit_kinds_cli),
    ("window", _audit_kinds_window),
):
    for _key, _kind in (
        ("audit-records", "delegation"),
        ("audit-cases", "consular_case"),
        ("audit-accounts", "user_account"),
    ):
        DRIVERS[(_key, _path)] = lambda env, read=_read, kind=_kind: kind in read(env)


# manage-accounts ----------------------------------------------------------------------------------
@driver("manage-accounts", "api")
def _(env: Env) -> bool:
    return refused(lambda: env.ws.accounts.set_role("xem", "officer"))


@driver("manage-accounts", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("user", "list"))


@driver("manage-accounts", "window")
def _(env: Env) -> bool:
    window = env.window
    menus = [a for top in window.menuBar().actions() if top.menu() for a in top.menu().actions()]
    offered = window.act_accounts in menus
    dialog = window.show_accounts()  # reached without the menu: the service decides
    assert offered == (dialog is not None), "the menu offers what the service allows"
    if dialog is None:
        assert env.warnings, "a refused screen says why"
        return False
    dialog.table.selectRow([a.name for a in dialog.accounts].index("xem"))
    form = dialog.change_role()
    assert form is not None
    form.role_box.setCurrentIndex(form.role_box.findData("officer"))
    form.try_accept()
    dialog.close()
    return any(a.name == "xem" and a.role.value == "officer" for a in dialog.accounts)


# own-password -------------------------------------------------------------------------------------
@driver("own-password", "api")
def _(env: Env) -> bool:
    return refused(lambda: env.ws.accounts.set_password(env.user, "mat-khau-moi-2", PASSWORD))


@driver("own-password", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("user", "passwd", env={"HUEDESK_NEW_PASSWORD": "mat-khau-moi-2"}))


# demo-data ----------------------------------------------------------------------------------------
@driver("demo-data", "api")
def _(env: Env) -> bool:
    return refused(lambda: env.ws.demo.generate(50))


@driver("demo-data", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("demo", "--records", "50", "--quiet"))


@driver("demo-data", "window")
def _(env: Env) -> bool:
    return env.window.act_demo.isEnabled()


# document-settings (issue #17) ------------------------------------------------------------------
@driver("document-settings", "api")
def _(env: Env) -> bool:
    values = {**env.ws.documents.values(), "signer_name": "Nguyễn Văn Phương"}
    return refused(lambda: env.ws.documents.save(values))


@driver("document-settings", "window")
def _(env: Env) -> bool:
    dialog = env.window.edit_document_settings()
    editable = dialog.save_button.isEnabled()
    dialog.reject()
    return editable


# import-sheet / merge (issue #18) ------------------------------------------------------------------
def _people_sheet(env: Env) -> Path:
    sheet = env.folder / "nguoi.csv"
    sheet.write_text("Họ và tên;Chức vụ\nPhạm Văn Minh;Chuyên viên\n", encoding="utf-8")
    return sheet


@driver("import-sheet", "api")
def _(env: Env) -> bool:
    def run() -> None:
        done = env.ws.sheets.import_(env.ws.sheets.preview(_people_sheet(env), "person"))
        env.ws.operations.undo(done.operation_id or 0)

    return refused(run)


@driver("import-sheet", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("import-sheet", str(_people_sheet(env)), "--kind", "person"))


@driver("import-sheet", "window")
def _(env: Env) -> bool:
    wizard = env.window.import_sheet()
    wizard.kind_box.setCurrentIndex(wizard.kind_box.findData("person"))
    wizard.path_edit.setText(str(_people_sheet(env)))
    for _step in range(2):  # file -> columns -> report
        wizard.next()
        env.wait_ops()
    allowed = wizard.next_btn.isEnabled()
    if allowed:
        wizard.next()
        env.wait_ops()
        allowed = wizard.outcome is not None and wizard.outcome.added == 1
    wizard.close()
    return allowed


def _twins(env: Env) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two spellings of one partner locality, made by the administrator."""
    admin = RecordService(env.ws.db, "quantri")
    values = {"org_type": "partner_locality", "country_code": "LA"}
    return (
        admin.create("organisation", {"name": "Tỉnh Sê Kông", **values}),
        admin.create("organisation", {"name": "Tinh Sekong", **values}),
    )


@driver("merge", "api")
def _(env: Env) -> bool:
    keep, other = _twins(env)
    return refused(lambda: env.ws.operations.merge("organisation", keep["id"], other["id"]))


@driver("merge", "cli")
def _(env: Env) -> bool:
    keep, other = _twins(env)
    return cli_ok(env.run("merge", keep["ref"], other["ref"], "--kind", "organisation"))


@driver("merge", "window")
def _(env: Env) -> bool:
    keep, other = _twins(env)
    view = env.window.show_duplicates()
    view.kind_box.setCurrentIndex(view.kind_box.findData("organisation"))
    view.find_pairs()
    env.wait_ops()
    (row,) = [
        i
        for i, p in enumerate(view.pairs)
        if {p.first.id, p.second.id} == {keep["id"], other["id"]}
    ]
    view.table.selectRow(row)
    allowed = view.keep_left.isEnabled()
    if allowed:
        view.merge(keep_left=True)
        allowed = view.last_merge is not None
    view.close()
    return allowed


# attach-files / attach-case-files -------------------------------------------------------------------
def _file(env: Env) -> Path:
    source = env.folder / "cong-van.pdf"
    source.write_bytes(b"%PDF-1.4 cong van")
    return source


@driver("attach-files", "api")
def _(env: Env) -> bool:
    return refused(lambda: env.ws.attachments.add("delegation", env.ids["delegation"], _file(env)))


@driver("attach-files", "window")
def _(env: Env) -> bool:
    editor = opened(env, "delegation", env.ids["delegation"])
    assert editor is not None and editor.attachments is not None
    panel = editor.attachments
    if not panel.add_btn.isEnabled():
        return False
    panel.add_path(_file(env))
    return panel.model.total == 2


@driver("attach-case-files", "api")
def _(env: Env) -> bool:
    case = env.ids["consular_case"]
    return refused(lambda: env.ws.attachments.add("consular_case", case, _file(env)))


@driver("attach-case-files", "window")
def _(env: Env) -> bool:
    editor = opened(env, "consular_case", env.ids["consular_case"])
    if editor is None or editor.attachments is None or not editor.attachments.add_btn.isEnabled():
        return False
    editor.attachments.add_path(_file(env))
    return editor.attachments.model.total == 2


# open-case-files ----------------------------------------------------------------------------------
@driver("open-case-files", "api")
def _(env: Env) -> bool:
    def read() -> None:
        assert env.ws.attachments.path(env.world.case_file).read_bytes().startswith(b"%PDF")

    visible = {r["id"] for r in env.ws.records.rows("attachment", [env.world.case_file])}
    return refused(read) and visible == {env.world.case_file}


# backup / restore / check / reindex -----------------------------------------------------------------
@driver("backup", "api")
def _(env: Env) -> bool:
    return refused(env.ws.backups.now)


@driver("backup", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("backup"))


@driver("backup", "window")
def _(env: Env) -> bool:
    window = env.window
    if not window.act_backup.isEnabled():
        return False
    before = len(env.ws.backups.list())
    window.act_backup.trigger()
    env.wait_ops()
    return len(env.ws.backups.list()) == before + 1


@driver("restore", "api")
def _(env: Env) -> bool:
    taken = next(b for b in backup.list_backups(env.ws.path) if b.kind == "manual")
    return refused(lambda: env.ws.backups.restore(taken.path))


@driver("restore", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("restore", "--newest", "--yes"))


@driver("restore", "window")
def _(env: Env) -> bool:
    return env.window.act_restore.isEnabled()


@driver("check", "api")
def _(env: Env) -> bool:
    return refused(lambda: env.ws.maintenance.check())


@driver("check", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("check"))


@driver("reindex", "api")
def _(env: Env) -> bool:
    return refused(env.ws.search.reindex)


@driver("reindex", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("reindex"))


# retention ----------------------------------------------------------------------------------------
@driver("retention", "api")
def _(env: Env) -> bool:
    return refused(env.ws.privacy.review)


@driver("retention", "cli")
def _(env: Env) -> bool:
    return cli_ok(env.run("privacy", "review"))


# --- the test ----------------------------------------------------------------------------------------


def test_every_action_is_driven_on_every_path_it_names() -> None:
    named = {(row.key, path) for row in TABLE for path in row.paths}
    assert named == set(DRIVERS), "the table and the drivers name the same (action, path)s"


@pytest.mark.parametrize(("row", "role", "path"), list(_cases()))
def test_who_may_do_what(env: Env, row: Row, role: str, path: str) -> None:
    done = DRIVERS[(row.key, path)](env)
    assert done == (role in row.allowed), (
        f"{row.key} through {path} as {role}: the table says "
        f"{'allowed' if role in row.allowed else 'refused'}"
    )
