"""The start page, "Cần chú ý": upcoming visits, case deadlines and agreements expiring.

The lists come from the workspace (``ws.start_page``: small indexed queries, and
consular deadlines only for those who may see cases; for anyone else that list
is not shown at all); this page only lays them out. Double-clicking a line opens
the record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from huedesk.db import enums
from huedesk.formatting import format_date
from huedesk.records.kinds import kind_spec
from huedesk.ui.context import AppContext
from huedesk.ui.i18n import tr
from huedesk.workspace import AttentionItem

Opener = Callable[[str, int | None, dict[str, Any] | None], object]
_OVERDUE = QBrush(QColor("#b00020"))
_SOON = QBrush(QColor("#a15c00"))


class AttentionPage(QWidget):
    """Three short lists of what needs doing soon (refreshed with the start page's figures)."""

    def __init__(self, ctx: AppContext, opener: Opener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.opener = opener
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.sections: list[tuple[QLabel, QTreeWidget]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        for _ in range(3):
            heading = QLabel()
            heading.setStyleSheet("font-size: 12pt; font-weight: bold; margin-top: 8px;")
            tree = QTreeWidget()
            tree.setRootIsDecorated(False)
            tree.setAlternatingRowColors(True)
            tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            tree.setHeaderLabels(
                [tr("col_ref"), tr("col_title"), tr("col_date"), tr("col_days"), tr("col_status")]
            )
            header = tree.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            for col, width in ((0, 130), (2, 100), (3, 130), (4, 170)):
                tree.setColumnWidth(col, width)
            tree.itemActivated.connect(self._open)
            layout.addWidget(heading)
            layout.addWidget(tree, 1)
            self.sections.append((heading, tree))

    def refresh(self) -> None:
        start = self.ctx.ws.start_page
        data = start.attention()
        lang = self.ctx.lang
        self.title.setText(tr("attention_title", date=format_date(data.today, lang)))
        texts = [
            tr("upcoming_visits", n=data.visits_total, days=start.VISIT_HORIZON),
            tr("case_deadlines", n=data.deadlines_total),
            tr("agreements_expiring", n=data.expiring_total, days=start.EXPIRY_HORIZON),
        ]
        lists = [data.visits, data.deadlines, data.expiring]
        shown = [True, data.deadlines_shown, True]
        for (heading, tree), text, items, show in zip(
            self.sections, texts, lists, shown, strict=True
        ):
            heading.setVisible(show)
            tree.setVisible(show)
            heading.setText(text)
            tree.clear()
            for item in items:
                tree.addTopLevelItem(self._item(item, lang))
            if not items:
                empty = QTreeWidgetItem(["", tr("nothing")])
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                tree.addTopLevelItem(empty)

    def _item(self, item: AttentionItem, lang: str) -> QTreeWidgetItem:
        status_enum = kind_spec(item.kind).fields["status"].choices or enums.DelegationStatus
        if item.days_left < 0:
            left = tr("overdue", n=-item.days_left)
        elif item.days_left == 0:
            left = tr("today")
        else:
            left = tr("days_left", n=item.days_left)
        row = QTreeWidgetItem(
            [
                item.ref,
                item.title,
                format_date(item.when, lang),
                left,
                status_enum(item.status).label(lang),
            ]
        )
        row.setData(0, Qt.ItemDataRole.UserRole, (item.kind, item.record_id))
        row.setToolTip(1, item.title)
        if item.days_left < 0:
            row.setForeground(3, _OVERDUE)
        elif item.days_left <= 3:
            row.setForeground(3, _SOON)
        return row

    def _open(self, row: QTreeWidgetItem, _col: int) -> None:
        data = row.data(0, Qt.ItemDataRole.UserRole)
        if data:
            self.opener(data[0], data[1], None)
