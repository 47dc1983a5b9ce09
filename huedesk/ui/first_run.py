"""First run on an empty database: say where the data lives, offer demo data.

Demo data is generated off the UI thread with a progress bar and Cancel
(``ws.demo.generate`` does the work; it is an administrator's action).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from huedesk.ui.i18n import tr
from huedesk.ui.ops import Op, Progress, run_op
from huedesk.workspace import Workspace

DEFAULT_DEMO_RECORDS = 2000
DEMO_SEED = 2025


def generate_demo(ws: Workspace, records: int, progress: Progress, seed: int = DEMO_SEED) -> int:
    """Fill the database with ``records`` demo records (the workspace does the work)."""

    def report(done: int, total: int | None = None, *_rest: Any) -> None:
        progress.report(done, total or records, tr("demo_loading"))

    ws.demo.generate(records, seed=seed, progress=report, should_cancel=progress.cancelled)
    progress.check()
    return records


def start_demo(
    parent: QWidget | None,
    ws: Workspace,
    records: int,
    on_done: Callable[[int], None],
    on_error: Callable[[BaseException], None],
) -> Op:
    """Generate demo data in the background with a progress dialog."""
    return run_op(
        lambda progress: generate_demo(ws, records, progress),
        on_done,
        on_error,
        parent=parent,
        title=tr("demo_loading"),
    )


class FirstRunDialog(QDialog):
    """Empty database or demo data; ``demo_records`` is set when demo data was chosen."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("first_run_title"))
        self.demo_records: int | None = None
        self.text = QLabel(tr("first_run_text", path=db_path))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.records = QSpinBox()
        self.records.setRange(100, 500_000)
        self.records.setSingleStep(1000)
        self.records.setValue(DEFAULT_DEMO_RECORDS)
        self.empty_btn = QPushButton(tr("first_run_empty"))
        self.demo_btn = QPushButton(tr("first_run_demo"))
        self.empty_btn.clicked.connect(self.accept)
        self.demo_btn.clicked.connect(self._choose_demo)
        self.empty_btn.setDefault(True)
        demo_row = QHBoxLayout()
        demo_row.addWidget(QLabel(tr("demo_records")))
        demo_row.addWidget(self.records)
        demo_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_btn)
        buttons.addWidget(self.demo_btn)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(demo_row)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

    def _choose_demo(self) -> None:
        self.demo_records = self.records.value()
        self.accept()
