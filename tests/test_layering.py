"""Imports go ui → services → db: nothing outside huedesk/ui imports Qt or the UI."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "huedesk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_outside_ui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui" or rel == Path("cli/gui.py"):
            continue
        bad = {
            n for n in _imports(path) if n.split(".")[0] == "PySide6" or n.startswith("huedesk.ui")
        }
        if bad:
            offenders.append((str(rel), sorted(bad)))
    assert offenders == []


def test_db_layer_imports_no_services() -> None:
    offenders = []
    for path in (PACKAGE / "db").rglob("*.py"):
        bad = {
            n
            for n in _imports(path)
            if n.startswith("huedesk.")
            and not n.startswith(
                ("huedesk.db", "huedesk.errors", "huedesk.text", "huedesk.paths", "huedesk.clock")
            )
        }
        if bad:
            offenders.append((str(path.relative_to(PACKAGE)), sorted(bad)))
    assert offenders == []
