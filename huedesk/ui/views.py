"""Small layout helpers shared by the screens (views only: no behaviour here).

Every record table looks and selects the same way, every dialog has the same
OK/Cancel row, and every "table with buttons under it" panel is laid out once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def record_table(
    model: QAbstractItemModel, on_open: Callable[[], None], single: bool = True
) -> QTableView:
    """A read-only table of records: whole-row selection, resizable columns, double-click opens."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    mode = QAbstractItemView.SelectionMode
    table.setSelectionMode(mode.SingleSelection if single else mode.ExtendedSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    table.doubleClicked.connect(lambda _index: on_open())
    return table


def table_with_buttons(
    owner: QWidget, table: QTableView, buttons: list[tuple[str, Callable[[], object]]]
) -> list[QPushButton]:
    """Lay ``table`` out in ``owner`` with a row of buttons under it; returns the buttons."""
    made: list[QPushButton] = []
    row = QHBoxLayout()
    for text, slot in buttons:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False, s=slot: s())
        row.addWidget(button)
        made.append(button)
    row.addStretch(1)
    layout = QVBoxLayout(owner)
    layout.addWidget(table, 1)
    layout.addLayout(row)
    return made


def ok_cancel(dialog: QDialog, *widgets: QWidget) -> QDialogButtonBox:
    """Lay ``widgets`` out in ``dialog`` above an OK/Cancel row wired to accept/reject."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    for w in widgets:
        layout.addWidget(w, 1 if isinstance(w, QTableView) else 0)
    layout.addWidget(box)
    return box
