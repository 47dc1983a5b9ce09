"""Likely duplicate people and organisations, and merging them (Edit → Duplicates…).

The pairs are found off the GUI thread (``ws.records.duplicates``: a few
dictionary passes, seconds for 100,000 people) and listed best first with the
score and the reason. Merging keeps the record on the left or the one on the
right (``ws.operations.merge``): every link moves to the one kept, the other
name becomes one of its other names, and the merge can be undone from here or
with ``huedesk undo N``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from huedesk.errors import HueDeskError
from huedesk.records.kinds import kind_spec
from huedesk.ui.context import AppContext
from huedesk.ui.i18n import tr
from huedesk.ui.ops import Progress, run_op

if TYPE_CHECKING:
    from huedesk.workspace import DuplicatePair, MergeResult

MAX_SHOWN = 1000


class DuplicatesView(QDialog):
    """Pairs of records that are probably one, with Merge and Undo."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pairs: list[DuplicatePair] = []
        self.last_merge: MergeResult | None = None
        self._op: Any = None
        self.setWindowTitle(tr("dup_title"))
        self.resize(980, 560)
        self.kind_box = QComboBox()
        for kind in ("person", "organisation"):
            self.kind_box.addItem(kind_spec(kind).label(ctx.lang), kind)
        self.min_score = QSpinBox()
        self.min_score.setRange(0, 100)
        self.min_score.setValue(60)
        find = QPushButton(tr("dup_find"))
        find.clicked.connect(self.find_pairs)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("sheet_kind")))
        top.addWidget(self.kind_box)
        top.addWidget(QLabel(tr("dup_min_score")))
        top.addWidget(self.min_score)
        top.addWidget(find)
        top.addStretch(1)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [tr("dup_score"), tr("dup_left"), tr("dup_right"), tr("dup_reason")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.keep_left = QPushButton(tr("dup_keep_left"))
        self.keep_right = QPushButton(tr("dup_keep_right"))
        self.undo_btn = QPushButton(tr("dup_undo"))
        close = QPushButton(tr("close"))
        self.keep_left.clicked.connect(lambda: self.merge(keep_left=True))
        self.keep_right.clicked.connect(lambda: self.merge(keep_left=False))
        self.undo_btn.clicked.connect(self.undo)
        close.clicked.connect(self.accept)
        for b in (self.keep_left, self.keep_right):
            b.setEnabled(False)
        self.undo_btn.setEnabled(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_left)
        buttons.addWidget(self.keep_right)
        buttons.addWidget(self.undo_btn)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    @property
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def find_pairs(self) -> None:
        kind, min_score = self.kind, self.min_score.value()

        def work(_p: Progress) -> list[DuplicatePair]:
            return self.ctx.ws.records.duplicates(kind, min_score=min_score)

        self._op = run_op(work, self._found, self._failed, parent=self, title=tr("dup_finding"))

    def _found(self, pairs: list[DuplicatePair]) -> None:
        self._op = None
        self.pairs = pairs[:MAX_SHOWN]
        self.table.setRowCount(len(self.pairs))
        for i, p in enumerate(self.pairs):
            cells = [
                str(p.score),
                f"{p.first.ref or ''} {p.first.name}",
                f"{p.second.ref or ''} {p.second.name}",
                p.reason(self.ctx.lang),
            ]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, j, item)
        self.status.setText(tr("dup_count", n=len(pairs)))
        self._selection_changed()

    def _failed(self, exc: BaseException) -> None:
        self._op = None
        self.ctx.show_error(self, exc)

    def _selected(self) -> DuplicatePair | None:
        rows = self.table.selectionModel().selectedRows()
        return self.pairs[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self._selected() is not None and self.ctx.can_write
        self.keep_left.setEnabled(chosen)
        self.keep_right.setEnabled(chosen)

    def merge(self, *, keep_left: bool) -> None:
        pair = self._selected()
        if pair is None:
            return
        keep, other = (pair.first, pair.second) if keep_left else (pair.second, pair.first)
        answer = QMessageBox.question(
            self,
            tr("dup_title"),
            tr("dup_confirm", other=f"{other.ref} {other.name}", keep=f"{keep.ref} {keep.name}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.last_merge = self.ctx.ws.operations.merge(pair.kind, keep.id, other.id)
        except HueDeskError as exc:
            self.ctx.show_error(self, exc)
            return
        self.status.setText(self.last_merge.describe(self.ctx.lang))
        self.undo_btn.setEnabled(True)
        self._drop_pairs_of(other.id)
        self.ctx.notify(pair.kind)

    def _drop_pairs_of(self, record_id: int) -> None:
        """Pairs naming the merged-away record are gone (it is); the list stays otherwise."""
        keep = [p for p in self.pairs if record_id not in (p.first.id, p.second.id)]
        status = self.status.text()
        self._found(keep)
        self.status.setText(status)

    def undo(self) -> None:
        if self.last_merge is None:
            return
        try:
            result = self.ctx.ws.operations.undo(self.last_merge.operation_id)
        except HueDeskError as exc:
            self.ctx.show_error(self, exc)
            return
        self.status.setText(result.describe(self.ctx.lang))
        self.undo_btn.setEnabled(False)
        self.ctx.notify(self.last_merge.kind)
        self.last_merge = None
        self.find_pairs()
