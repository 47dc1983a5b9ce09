"""The global search box of the main window (Ctrl+F): results as you type, grouped by kind.

The box asks the workspace (``ws.search.find``: a full-text index query, about 10 ms,
over the kinds the user may see) once typing
pauses for ``SEARCH_DELAY_MS``; that is fast enough to run on the GUI thread,
and running it there means an answer can never arrive for a query the user has
already changed. Results appear in a floating list under the box, one heading
per record kind and one line per record with the highlighted snippet the index
made (``SearchHit.snippet_html`` is escaped already, with ``<b>`` marks). The
keyboard stays in the box: Up/Down move through the results, Enter opens the
chosen record (the first one when none is chosen), Escape closes the list.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from huedesk.records.kinds import kind_spec
from huedesk.ui.i18n import tr
from huedesk.workspace import SearchHit, Workspace, group_by_kind

SEARCH_DELAY_MS = 150
LIMIT = 50
ALL_LIMIT = 2000  # "Xem tất cả": every result a person could still read through
MORE = ("", 0)  # the data of the "see all results" line
HIT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
INDENT = 14
Opener = Callable[[str, int], object]


def hit_html(hit: SearchHit) -> str:
    """One result line: reference and title, with the snippet below in grey."""
    ref = f"<b>{html.escape(hit.ref)}</b>&nbsp;&nbsp;" if hit.ref else ""
    head = f"{ref}{html.escape(hit.title)}"
    snippet = hit.snippet_html.strip()
    if not snippet or snippet == html.escape(hit.title):
        return head
    return f"{head}<br><span style='color:#555;'>{snippet}</span>"


class HtmlDelegate(QStyledItemDelegate):
    """Draws a result line from its HTML (one text document per paint, no widget per row)."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def _document(self, option: QStyleOptionViewItem, html_text: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(3)
        doc.setHtml(html_text)
        # the row spans the viewport: wrap to it (sizeHint's option.rect is not the row's)
        doc.setTextWidth(max(self.view.viewport().width() - INDENT, 100))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        html_text = index.data(HTML_ROLE)
        if not html_text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, str(html_text))
        painter.save()
        painter.translate(option.rect.left() + INDENT, option.rect.top())
        painter.setClipRect(0, 0, option.rect.width() - INDENT, option.rect.height())
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        html_text = index.data(HTML_ROLE)
        if not html_text:
            return super().sizeHint(option, index)
        doc = self._document(option, str(html_text))
        return QSize(int(doc.idealWidth()) + INDENT, int(doc.size().height()))


class ResultsPopup(QFrame):
    """The floating list of results; never takes the keyboard from the search box."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet(
            "ResultsPopup { background: palette(base); border: 1px solid #8a8a8a; }"
            "QListWidget { border: none; }"
            "QListWidget::item:selected { background: #cfe3fb; }"
        )
        self.list = QListWidget(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # always there, so the width the lines wrap to does not change with the count
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.status = QLabel()
        self.status.setStyleSheet("color: #555; padding: 4px 8px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)

    def show_hits(self, hits: list[SearchHit], lang: str, more: bool = False) -> None:
        """Fill the list: a heading per kind (with its count), then that kind's records;
        ``more``: the search stopped at its limit, so a last line offers every result."""
        self.list.clear()
        for kind, group in group_by_kind(hits):
            head = QListWidgetItem(f"{kind_spec(kind).label(lang)} ({len(group)})")
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            head.setForeground(Qt.GlobalColor.darkBlue)
            self.list.addItem(head)
            for hit in group:
                item = QListWidgetItem()
                item.setData(HIT_ROLE, (hit.kind, hit.record_id))
                item.setData(HTML_ROLE, hit_html(hit))
                item.setToolTip(f"{hit.ref or ''} {hit.title}".strip())
                self.list.addItem(item)
        if more:
            item = QListWidgetItem(tr("search_more"))
            item.setData(HIT_ROLE, MORE)
            item.setForeground(Qt.GlobalColor.blue)
            font = item.font()
            font.setUnderline(True)
            item.setFont(font)
            self.list.addItem(item)
        if hits:
            key = "search_first_n" if more else "search_count"
            self.status.setText(tr(key, n=len(hits)))
        else:
            self.status.setText(tr("search_none"))
        self.select_first()

    def hit_rows(self) -> list[int]:
        return [i for i in range(self.list.count()) if self.list.item(i).data(HIT_ROLE)]

    def select_first(self) -> None:
        rows = self.hit_rows()
        self.list.setCurrentRow(rows[0] if rows else -1)

    def step(self, step: int) -> None:
        """Select the next (``step`` 1) or previous (-1) result, skipping headings."""
        rows = self.hit_rows()
        if not rows:
            return
        current = self.list.currentRow()
        after = [r for r in rows if (r > current if step > 0 else r < current)]
        target = (after[0] if step > 0 else after[-1]) if after else current
        self.list.setCurrentRow(target)

    def current_hit(self) -> tuple[str, int] | None:
        item = self.list.currentItem()
        value = item.data(HIT_ROLE) if item is not None else None
        return (str(value[0]), int(value[1])) if value else None


class GlobalSearch(QWidget):
    """The search box for the toolbar and its results popup."""

    def __init__(
        self,
        ws: Workspace,
        lang: str,
        opener: Opener,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ws = ws
        self.lang = lang
        self.opener = opener
        self.hits: list[SearchHit] = []
        self.limit = LIMIT
        self.box = QLineEdit()
        self.box.setPlaceholderText(tr("search_hint"))
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumWidth(320)
        self.box.setToolTip(tr("search_tip"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.box)
        self.popup = ResultsPopup(self)
        self.popup.list.itemActivated.connect(lambda _i: self.open_current())
        self.popup.list.itemClicked.connect(lambda _i: self.open_current())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(self._typed)
        self.box.returnPressed.connect(self.open_current)
        self.box.installEventFilter(self)

    def focus(self) -> None:
        """Ctrl+F: put the cursor in the box, its text selected, and show the last results."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
        if self.hits:
            self._place_popup()

    def _typed(self, _text: str) -> None:
        self.limit = LIMIT  # new words: the first results again
        self._timer.start()

    def run_search(self) -> None:
        self._timer.stop()
        text = self.box.text().strip()
        if not text:
            self.hits = []
            self.popup.hide()
            return
        self.hits = self.ws.search.find(text, limit=self.limit)
        # The width first: result lines wrap to it, so their heights depend on it.
        self.popup.resize(self._popup_width(), self.popup.height())
        more = len(self.hits) >= self.limit and self.limit < ALL_LIMIT
        self.popup.show_hits(self.hits, self.lang, more=more)
        self._place_popup()

    def show_all(self) -> None:
        """ "Xem tất cả": the same search without the first-50 limit (up to ``ALL_LIMIT``)."""
        self.limit = ALL_LIMIT
        self.run_search()
        self.box.setFocus()

    def _popup_width(self) -> int:
        return max(self.box.width(), 600)

    def _place_popup(self) -> None:
        width = self._popup_width()
        rows = self.popup.list
        content = sum(rows.sizeHintForRow(i) for i in range(rows.count())) + 4
        height = min(max(content, 40) + self.popup.status.sizeHint().height() + 4, 560)
        below = self.box.mapToGlobal(QPoint(self.box.width() - width, self.box.height() + 2))
        self.popup.setGeometry(max(below.x(), 0), below.y(), width, height)
        self.popup.show()
        self.popup.raise_()

    def open_current(self) -> None:
        """Open the chosen result (the first when none is chosen), then close the list."""
        if self._timer.isActive():  # Enter typed before the pause: search what is there now
            self.run_search()
        chosen = self.popup.current_hit()
        if chosen is None and self.hits:
            chosen = (self.hits[0].kind, self.hits[0].record_id)
        if chosen is None:
            return
        if chosen == MORE:
            self.show_all()
            return
        self.popup.hide()
        self.opener(*chosen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                key = event.key()
                if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.popup.isVisible():
                    self.popup.step(1 if key == Qt.Key.Key_Down else -1)
                    return True
                if key == Qt.Key.Key_Escape and self.popup.isVisible():
                    self.popup.hide()
                    return True
            elif event.type() == QEvent.Type.FocusOut:
                QTimer.singleShot(150, self._hide_unless_used)
        return super().eventFilter(watched, event)

    def _hide_unless_used(self) -> None:
        if not self.box.hasFocus() and not self.popup.underMouse():
            self.popup.hide()
