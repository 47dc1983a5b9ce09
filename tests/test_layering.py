"""The layers are mechanical: imports go ui → workspace → services → db, and never round.

Three rules, each checked over every ``import`` in the package (inside functions too):

* nothing outside ``huedesk/ui`` imports Qt or the UI;
* ``huedesk/db`` imports no service;
* the parts of ``huedesk`` (each subpackage and each top-level module) import each
  other without a cycle, so each has a floor of its own (``docs/architecture.md``);
* the window (``huedesk/ui``) talks to ``huedesk.workspace`` and to modules of plain
  values only: no database, no sessions, no ORM models, no ``*_in`` functions.

Each rule is a function over a folder, so the last tests can show that a deliberate
violation is caught.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "huedesk"

# What the window may import from huedesk besides itself and the workspace: values,
# labels and formats that hold no database (record kinds are metadata the forms are
# built from).
UI_MAY_IMPORT = (
    "huedesk.workspace",
    "huedesk.ui",
    "huedesk.errors",
    "huedesk.clock",
    "huedesk.formatting",
    "huedesk.money",
    "huedesk.text",
    "huedesk.paths",
    "huedesk.records.kinds",
    "huedesk.records.fields",
    "huedesk.records.display",
    "huedesk.records.coerce",
    "huedesk.reading",
    "huedesk.db.enums",
    "huedesk.accounts.roles",
)
UI_MAY_NOT_NAME = ("Session", "Database", "RecordService")


def _imports(path: Path) -> Iterator[tuple[str, str | None]]:
    """(module, name) for every import in ``path``; ``name`` is ``None`` for ``import x``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, None
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                yield node.module, a.name


def _modules(root: Path) -> set[str]:
    return {m for path in root.rglob("*.py") for m, _ in _imports(path)}


def _part(module: str, root: Path) -> str | None:
    """The part of the package ``module`` belongs to: ``records``, ``audit``, ``clock`` …"""
    bits = module.split(".")
    if bits[0] != root.name or len(bits) < 2:
        return None
    return bits[1]


def part_graph(root: Path) -> dict[str, set[str]]:
    """Which part of the package imports which (``huedesk.x`` imports inside functions too)."""
    graph: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        rel = path.relative_to(root)
        if "migrations" in rel.parts:
            continue
        here = rel.parts[0].removesuffix(".py")
        if here == "__init__":
            continue
        for module, name in _imports(path):
            there = _part(module, root)
            if there is None and module == root.name and name is not None:
                there = name  # ``from huedesk import audit``
            if there is not None and there != here and there != "__version__":
                graph.setdefault(here, set()).add(there)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of ``graph`` with more than one member (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def ui_leaks(ui: Path, package: str = "huedesk") -> dict[str, list[str]]:
    """Per file of ``ui``: the imports that bypass the workspace."""
    allowed = tuple(ok.replace("huedesk", package, 1) for ok in UI_MAY_IMPORT)

    def fine(module: str) -> bool:
        return module == f"{package}.__version__" or any(
            module == ok or module.startswith(ok + ".") for ok in allowed
        )

    leaks: dict[str, list[str]] = {}
    for path in sorted(ui.rglob("*.py")):
        bad = []
        for module, name in _imports(path):
            full = f"{module}.{name}" if name else module  # the name may be a submodule
            ours = module == package or module.startswith(package + ".")
            forbidden_name = name is not None and (name.endswith("_in") or name in UI_MAY_NOT_NAME)
            if module.split(".")[0] == "sqlalchemy" or (
                ours and (not (fine(module) or fine(full)) or forbidden_name)
            ):
                bad.append(full)
        if bad:
            leaks[path.relative_to(ui).as_posix()] = sorted(set(bad))
    return leaks


def test_no_qt_outside_ui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui" or rel == Path("cli/gui.py"):
            continue
        bad = {
            m
            for m, _ in _imports(path)
            if m.split(".")[0] == "PySide6" or m.startswith("huedesk.ui")
        }
        if bad:
            offenders.append((str(rel), sorted(bad)))
    assert offenders == []


def test_db_layer_imports_no_services() -> None:
    allowed = ("huedesk.db", "huedesk.errors", "huedesk.text", "huedesk.paths", "huedesk.clock")
    offenders = [
        m
        for m in _modules(PACKAGE / "db")
        if m.startswith("huedesk.") and not m.startswith(allowed)
    ]
    assert offenders == []


def test_no_import_cycles_between_parts_of_the_package() -> None:
    assert cycles(part_graph(PACKAGE)) == []


def test_records_sit_above_accounts_and_audit() -> None:
    graph = part_graph(PACKAGE)
    assert "records" not in graph.get("accounts", set())
    assert "records" not in graph.get("audit", set())
    assert graph.get("audit", set()) <= {"db", "errors", "clock"}
    assert "records" in graph["privacy"] and "privacy" not in graph["records"]


def test_the_window_goes_through_the_workspace() -> None:
    assert ui_leaks(PACKAGE / "ui") == {}


# --- the rules catch what they are meant to catch ------------------------------------------


def _tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_cycle_between_parts_is_caught(tmp_path: Path) -> None:
    pkg = _tree(
        tmp_path / "huedesk",
        {
            "records/service.py": "from huedesk.accounts.roles import Principal\n",
            "accounts/roles.py": "def f():\n    from huedesk.records import kinds\n",
            "audit/chain.py": "from huedesk.db import models\n",
        },
    )
    assert cycles(part_graph(pkg)) == [["accounts", "records"]]


@pytest.mark.parametrize(
    "line",
    [
        "from huedesk.db.models import Country",
        "from huedesk.db.engine import Database",
        "from sqlalchemy.orm import Session",
        "import sqlalchemy",
        "from huedesk.records.service import get_in",
        "from huedesk.records import RecordService",
        "from huedesk.workspace import get_in",
        "from huedesk.store import open_store",
    ],
)
def test_a_window_that_reaches_past_the_workspace_is_caught(tmp_path: Path, line: str) -> None:
    ui = _tree(tmp_path / "huedesk" / "ui", {"screen.py": f"{line}\n", "fine.py": GOOD_SCREEN})
    assert list(ui_leaks(ui)) == ["screen.py"]


GOOD_SCREEN = """\
from huedesk import __version__
from huedesk.workspace import ListQuery, Workspace
from huedesk.records.kinds import kind_spec
from huedesk.ui.i18n import tr
"""


# Reading the date or the time of day anywhere but huedesk/clock.py: what ``--clock 03:00``
# could not reach (see tests/conftest.py). ``time.time()`` against a file's ``st_mtime`` is a
# file's age on the file system's clock and is allowed.
_CLOCK_READS = {"now", "utcnow", "today", "fromtimestamp", "utcfromtimestamp"}
_DATE_TYPES = {"datetime", "date"}


def clock_reads(folder: Path) -> list[str]:
    """``file:line`` of every ``datetime.now()``, ``date.today()`` … outside ``clock.py``."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        if path.name == "clock.py" and path.parent == folder:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if node.func.attr in _CLOCK_READS and name in _DATE_TYPES:
                found.append(f"{path.relative_to(folder.parent)}:{node.lineno}")
    return found


def test_only_the_clock_module_reads_the_date() -> None:
    assert clock_reads(PACKAGE) == []


def test_a_date_read_past_the_clock_is_caught(tmp_path: Path) -> None:
    pkg = tmp_path / "huedesk"
    pkg.mkdir()
    (pkg / "clock.py").write_text("import datetime as dt\nNOW = dt.datetime.now(dt.UTC)\n")
    (pkg / "due.py").write_text(
        "import datetime\nfrom datetime import date\n"
        "a = datetime.datetime.now()\nb = date.today()\nc = datetime.date(2026, 1, 1)\n"
    )
    assert clock_reads(pkg) == ["huedesk/due.py:3", "huedesk/due.py:4"]
