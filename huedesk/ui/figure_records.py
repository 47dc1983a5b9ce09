"""The records behind a figure, as an ordinary list: filter, sort, open, print, export.

The figure names its records (``Figure.records``); the window shows them in the
same ``ListPage`` as the sidebar's lists, limited to those ids, so everything a
list offers works here too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from huedesk.records.kinds import kind_spec
from huedesk.ui.attention_page import Opener
from huedesk.ui.context import AppContext
from huedesk.ui.i18n import tr
from huedesk.ui.list_page import ListPage
from huedesk.workspace import Figure


class FigureRecordsWindow(QDialog):
    """A window listing the records behind ``figure`` (one tab per kind, if several)."""

    def __init__(
        self,
        ctx: AppContext,
        figure: Figure,
        what: str,
        period: str,
        opener: Opener,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        by_kind: dict[str, list[int]] = {}
        for link in figure.records:
            by_kind.setdefault(link.kind, []).append(link.id)
        n = len(figure.records)
        self.setWindowTitle(tr("records_behind", figure=what, period=period, n=n))
        self.lists = [
            ListPage(ctx, kind, opener, key=f"figure.{kind}", base_filters={"id": ids})
            for kind, ids in by_kind.items()
        ]
        layout = QVBoxLayout(self)
        heading = QLabel(self.windowTitle())
        heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        layout.addWidget(heading)
        if len(self.lists) == 1:
            layout.addWidget(self.lists[0], 1)
        else:
            tabs = QTabWidget()
            for kind, page in zip(by_kind, self.lists, strict=True):
                tabs.addTab(page, kind_spec(kind).label(ctx.lang))
            layout.addWidget(tabs, 1)
        self.resize(1000, 560)
