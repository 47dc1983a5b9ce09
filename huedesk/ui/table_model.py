"""The one table model for every record list: row ids in list order, rows built a page at a time.

Like anki's browser ``DataModel``: the database sorts and filters (``ListQuery``)
and returns only the ids of the matching records, a few bytes each; rows are
read by id one page at a time when the view first paints them, kept in a small
cache, and dropped when they change. A list of 200,000 records therefore opens
with one ids query and one page of rows, and never holds the whole table. Both
go through the workspace (``ws.records.ids`` and ``ws.records.rows``), which
leaves out what the user may not see and masks personal data.

A long list (``ASYNC_ROWS`` records or more) is queried off the UI thread
(``huedesk.ui.ops``): sorting 200,000 people or filtering them by text keeps
the window responsive, the rows shown so far stay until the new ids arrive,
``loading`` tells the page to show a busy line with Cancel, and a newer query or
Cancel drops an older answer and interrupts its statement in the database
(``Progress.stopper``). Pages of rows are read by id on the UI thread (a hundred
rows by primary key take a few milliseconds).

Reading every id of a long list is itself a fifth of a second or more (200,000
records; most of it building Python integers), so when the caller says the
query is cheap to start (``head=True``: no free text, no filter beyond the
page's own; the order is then an index walk) the first page is read at once
with a LIMITed query on the UI thread, its rows with it, and shown; the whole id
list is read in the background once that page is painted (a pool thread building
200,000 ids takes the interpreter in turns with the UI thread, and would slow the
first rows). When the ids arrive the rest is appended below the rows already
shown (nothing jumps), or the list is shown anew if it changed meanwhile. Cancel
then puts back the list as it was before. A first page that is not full is the
whole answer: nothing more is read.

Attributes:
    _ids: ids of the matching records in display order.
    _pages: page number -> row dictionaries (with ``<field>__label`` for references).
    _query: the current ``ListQuery`` (its ``limit`` is always ``None`` here).
    _asked: the query last asked for (equal to ``_query`` unless one is loading).
    _before: while only the first page of a query is shown (``head``), the query and
        ids shown before it, for Cancel.
    _op: the background query under way, if any (``_waiting``: about to start, once
        the first page is painted); ``_generation`` numbers the queries so that only
        the answer to the newest one is shown.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication

from huedesk.errors import HueDeskError
from huedesk.records.display import display_value
from huedesk.records.fields import FieldSpec
from huedesk.records.kinds import kind_spec
from huedesk.ui import ops
from huedesk.ui.edit_text import is_numeric
from huedesk.workspace import ListQuery, Workspace

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 100
MAX_PAGES = 30  # pages kept in memory (3,000 rows) while scrolling
ASYNC_ROWS = 20_000  # lists at least this long are queried off the UI thread

Index = QModelIndex | QPersistentModelIndex

_MUTED = QBrush(QColor("#777777"))


class RecordTableModel(QAbstractTableModel):
    """Rows of one record kind, lazily read from the database by id."""

    loading = Signal(bool)  # a background query started (True) or ended (False)
    queried = Signal()  # new ids are shown (after every query, in the background or not)
    failed = Signal(object)  # a background query failed (the exception)

    def __init__(
        self,
        ws: Workspace,
        kind: str,
        lang: str = "vi",
        columns: tuple[str, ...] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.kind = kind_spec(kind)
        self.lang = lang
        names = columns or self.kind.list_columns
        self.columns: list[FieldSpec] = [self.kind.fields[n] for n in names]
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        self._query = ListQuery(limit=None)
        self._asked = self._query
        self._op: ops.Op | None = None
        self._waiting = False  # the background query is about to start (``_start``)
        self._generation = 0
        self._before: tuple[ListQuery, list[int]] | None = None
        # the filters of the page itself (a sidebar entry's direction): a query with no
        # others, no text and no year is answered from an index walk, its first page at once
        self.base_filters: dict[str, Any] = {}

    # --- what the list shows -------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    def set_query(
        self, query: ListQuery, *, background: bool | None = None, head: bool | None = None
    ) -> None:
        """Show the records matching ``query`` (sorted and filtered by the database).

        ``background`` (by default: when the list shown holds ``ASYNC_ROWS`` records or
        more; a page that does not know its list's length yet asks for it) reads the ids
        on a pool thread; the rows shown so far stay meanwhile, or with ``head`` (a query
        the database answers from an index walk: no free text, no filter beyond the
        page's own; by default when that is so) the first page of the new answer is read
        at once and shown while the rest arrives. A first page that is not full is the
        whole answer: it is shown and nothing is read in the background.
        """
        query = replace(query, offset=0, limit=None)
        if background is None:
            known = len(self._before[1]) if self._before is not None else 0
            background = max(len(self._ids), known) >= ASYNC_ROWS
        if head is None:
            head = not query.text and query.year is None and query.filters == self.base_filters
        self._stop_loading()
        self._generation += 1
        self._asked = query
        if not background:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                ids = self.ws.records.ids(self.kind.name, query)
            finally:
                QGuiApplication.restoreOverrideCursor()
            self._show(query, ids)
            return
        generation = self._generation
        if head:
            try:
                first = self.ws.records.ids(self.kind.name, replace(query, limit=PAGE_SIZE))
            except HueDeskError:
                pass  # the whole query below meets it too, and tells it once
            else:
                if len(first) < PAGE_SIZE:  # the whole answer
                    self._show(query, first)
                    return
                before = self._before or (self._query, self._ids)
                self._reset(query, first)
                self._before = before
                # The first page's rows now, and the whole id list only once the events
                # already queued (the first page's paint) are done: building 200,000 ids on
                # a pool thread holds the interpreter in turns with the UI thread, which
                # made the first rows wait for it.
                self.row_dict(0)
                self._waiting = True
                self.loading.emit(True)
                QTimer.singleShot(0, self, lambda: self._start(generation, query))
                return
        self._start(generation, query)
        self.loading.emit(True)

    def _start(self, generation: int, query: ListQuery) -> None:
        """Read every id of ``query`` on a pool thread (unless a newer query came first)."""
        if generation != self._generation:
            return
        self._waiting = False
        records, kind = self.ws.records, self.kind.name
        self._op = ops.run_op(
            lambda p: records.ids(kind, query, p.stopper),
            lambda ids: self._arrived(generation, query, ids),
            lambda exc: self._arrived(generation, query, exc),
        )

    def _arrived(
        self, generation: int, query: ListQuery, result: list[int] | BaseException
    ) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # the list is gone, or a newer query was asked for
        self._op = None
        self.loading.emit(False)
        if isinstance(result, BaseException):
            self._put_back()
            self._asked = self._query
            self.failed.emit(result)
        else:
            self._show(query, result)

    def _show(self, query: ListQuery, ids: list[int]) -> None:
        shown = self._ids
        if (
            self._before is not None
            and query == self._query
            and len(ids) >= len(shown)
            and ids[: len(shown)] == shown
        ):  # the first page is on screen: the rest goes below it
            self._before = None
            if len(ids) > len(shown):
                self.beginInsertRows(QModelIndex(), len(shown), len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
        else:
            self._reset(query, ids)
        self.queried.emit()

    def _reset(self, query: ListQuery, ids: list[int]) -> None:
        self._before = None
        self.beginResetModel()
        self._query = query
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def _put_back(self) -> None:
        """Show again what was shown before a query whose first page only is on screen."""
        if self._before is not None:
            query, ids = self._before
            self._reset(query, ids)

    def is_loading(self) -> bool:
        return self._op is not None or self._waiting

    def cancel_loading(self) -> None:
        """Drop the query under way: the list stays as it was (``query`` unchanged), or
        is put back as it was when only the first page of the new answer was shown."""
        if self._stop_loading():
            self._generation += 1
            self._put_back()
            self._asked = self._query

    def _stop_loading(self) -> bool:
        op, self._op = self._op, None
        waiting, self._waiting = self._waiting, False  # not started: the caller's new
        if op is None and not waiting:  # generation makes ``_start`` do nothing
            return False
        if op is not None:
            op.abandon()  # interrupts the statement (the pool thread is free at once)
        self.loading.emit(False)
        return True

    def refresh(self) -> None:
        """Read the ids again (after records were added or deleted)."""
        self.set_query(self._asked)

    def forget(self, record_id: int) -> None:
        """Drop the cached row of ``record_id`` so it is read again (after an edit)."""
        try:
            row = self._ids.index(record_id)
        except ValueError:
            return
        self._pages.pop(row // PAGE_SIZE, None)
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def column_of(self, field: str) -> int:
        return next(i for i, f in enumerate(self.columns) if f.name == field)

    # --- rows ---------------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self._ids)

    def record_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, record_id: int) -> int:
        """The row showing ``record_id``, or -1."""
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def row_dict(self, row: int) -> dict[str, Any]:
        """The stored values of the record in ``row`` (read with its page if needed)."""
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            ids = self._ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
            rows = {r["id"]: r for r in self.ws.records.rows(self.kind.name, ids)}
            # a record deleted meanwhile keeps an empty row until the next refresh
            page = [rows.get(i, {"id": i}) for i in ids]
            self._pages[page_no] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * PAGE_SIZE]

    # --- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        spec = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_value(spec, self.row_dict(index.row()), self.lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = display_value(spec, self.row_dict(index.row()), self.lang)
            return text if len(text) > 30 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and is_numeric(spec):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and spec.name == "ref":
            return _MUTED
        if role == ID_ROLE:
            return self._ids[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].label(self.lang)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the database by ``column`` (-1: the kind's natural order)."""
        field = self.columns[column].name if 0 <= column < len(self.columns) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if field == self._asked.sort and descending == self._asked.descending:
            return
        self.set_query(replace(self._asked, sort=field, descending=descending))
