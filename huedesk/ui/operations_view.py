"""Recent merges and spreadsheet imports, each undoable as a whole (Edit → Merges and imports…).

The list comes from ``ws.operations.recent`` (the operation log, kept in the
database: an import done yesterday, or from the command line, is here too);
*Undo* takes the selected one back with ``ws.operations.undo``, all or nothing.
Below the list, ``ws.operations.detail`` says what undoing the selected one would
put back (personal data masked for roles that may not see it), or why it can no
longer be undone (undone, too old, a record deleted or anonymised since).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from huedesk.errors import HueDeskError
from huedesk.formatting import format_datetime
from huedesk.records.kinds import kind_spec
from huedesk.ui.context import AppContext
from huedesk.ui.i18n import tr
from huedesk.workspace import OperationInfo


class OperationsView(QDialog):
    """The operation log, newest first, with Undo."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.operations: list[OperationInfo] = []
        self.setWindowTitle(tr("ops_title"))
        self.resize(860, 560)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [tr("ops_at"), tr("ops_user"), tr("ops_what"), tr("sheet_kind"), tr("ops_summary")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for i in range(4):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(170)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.undo_btn = QPushButton(tr("ops_undo"))
        self.undo_btn.clicked.connect(self.undo_selected)
        close = QPushButton(tr("close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_btn)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.operations = self.ctx.ws.operations.recent()
        lang = self.ctx.lang
        self.table.setRowCount(len(self.operations))
        for i, op in enumerate(self.operations):
            what = tr(f"ops_{op.action}")
            if op.note is not None:
                what += f" ({op.note_text(lang)})"
            cells = [
                format_datetime(op.at, lang),
                op.actor,
                what,
                kind_spec(op.kind).label(lang),
                op.summary_text(lang),
            ]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self._selection_changed()

    def _selected(self) -> OperationInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.operations[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        op = self._selected()
        self.undo_btn.setEnabled(op is not None and op.undoable and self.ctx.can_write)
        lines: list[str] = []
        if op is not None:
            try:
                lines = self.ctx.ws.operations.detail(op.id, self.ctx.lang)
            except HueDeskError as exc:
                lines = [exc.message(self.ctx.lang)]
        self.detail.setPlainText("\n".join(lines))

    def undo_selected(self) -> None:
        op = self._selected()
        if op is None:
            return
        answer = QMessageBox.question(
            self,
            tr("ops_title"),
            tr("ops_confirm", summary=op.summary_text(self.ctx.lang)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            result = self.ctx.ws.operations.undo(op.id)
        except HueDeskError as exc:
            self.ctx.show_error(self, exc)
            return
        self.status.setText(result.describe(self.ctx.lang))
        self.ctx.notify(op.kind)
        self.reload()
