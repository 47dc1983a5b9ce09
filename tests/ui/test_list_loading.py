"""Long lists are queried off the UI thread, with a busy line and Cancel (issue #13 item 5).

The threshold is lowered so that thirty delegations count as a long list; the
queries, the model and the page are the real ones.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from huedesk.errors import HueDeskError
from huedesk.records import RecordService
from huedesk.records import api as records_api
from huedesk.ui import list_page, ops, table_model
from huedesk.ui.list_page import ListPage
from huedesk.ui.main_window import MainWindow
from tests.db.test_stopping import SLOW
from tests.ui.conftest import make_delegations


@pytest.fixture
def page(
    window: MainWindow, svc: RecordService, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> ListPage:
    monkeypatch.setattr(table_model, "ASYNC_ROWS", 10)
    monkeypatch.setattr(list_page, "ASYNC_ROWS", 10)
    monkeypatch.setattr(table_model, "PAGE_SIZE", 10)  # a first page shorter than the list
    make_delegations(svc, 30)
    shown = window.show_page("delegation_in")
    assert isinstance(shown, ListPage)
    assert shown.model.is_loading()  # the first query of a long list, too
    assert shown.cancel_btn.isVisibleTo(shown)
    qtbot.waitUntil(lambda: not shown.model.is_loading())
    assert shown.model.total == 30 and not shown.busy.isVisibleTo(shown)
    assert shown.count.text() == "30 hồ sơ"
    return shown


def _titles(page: ListPage) -> list[str]:
    return [page.model.row_dict(r)["title"] for r in range(page.model.total)]


def test_sorting_a_long_list_shows_its_first_page_at_once_and_the_rest_below(
    page: ListPage, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sort (no text, no filter of the user's) is answered from an index walk: its first
    page is read at once with a LIMITed query, the whole id list in the background; the
    rest then goes below the rows already shown."""
    monkeypatch.setattr(table_model, "PAGE_SIZE", 10)
    before = _titles(page)
    column = page.model.column_of("title")
    inserted: list[tuple[int, int]] = []
    page.model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    with qtbot.waitSignal(page.model.queried):
        page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)  # a header click
        assert page.model.is_loading() and page.busy_label.isVisibleTo(page)
        head = _titles(page)
        assert len(head) == 10 and head == sorted(before)[:10], "the sorted first page, now"
        assert page.count.text() == "30 hồ sơ", "the count waits for the whole answer"
    titles = _titles(page)
    assert titles == sorted(before) and titles[:10] == head
    assert inserted == [(10, 29)], "appended below the first page, not shown anew"
    assert not page.busy_label.isVisibleTo(page)


def test_a_text_filter_keeps_the_rows_until_the_answer(page: ListPage, qtbot: Any) -> None:
    """Free text may have to read the whole table: nothing of it runs on the UI thread."""
    before = _titles(page)
    with qtbot.waitSignal(page.model.queried):
        page.filters.text.setText("Đoàn C")
        page.apply_filters()
        assert page.model.is_loading() and _titles(page) == before
    assert all("Đoàn C" in t for t in _titles(page))


def test_cancel_keeps_the_list_and_its_sort_arrow(page: ListPage, qtbot: Any) -> None:
    before = list(page.model._ids)
    header = page.table.horizontalHeader()
    arrow = (header.sortIndicatorSection(), header.sortIndicatorOrder())
    page.table.sortByColumn(page.model.column_of("title"), Qt.SortOrder.AscendingOrder)
    assert page.model.is_loading()
    page.cancel_btn.click()
    assert not page.model.is_loading() and not page.cancel_btn.isVisibleTo(page)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == arrow
    qtbot.waitUntil(lambda: ops.running() == 0)  # the dropped answer arrives …
    qtbot.wait(50)
    assert page.model._ids == before  # … and is not shown
    assert page.model.query.sort == "start_date"


def test_cancel_stops_the_query_in_the_database(
    page: ListPage, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list query that would run for minutes ends at Cancel: the statement is interrupted
    (not left to finish on its thread), the pool is free, the list is as it was."""
    real, started, ended = records_api.list_ids_in, threading.Event(), []

    def slow(session: Any, kind: str, query: Any) -> list[int]:
        if query.limit is not None:  # the first page, read at once on the UI thread
            return real(session, kind, query)
        started.set()
        try:
            session.execute(SLOW).scalar()  # minutes of counting, unless interrupted
        except Exception as exc:
            ended.append(type(exc).__name__)
            raise
        return real(session, kind, query)

    monkeypatch.setattr(records_api, "list_ids_in", slow)
    before = list(page.model._ids)
    page.table.sortByColumn(page.model.column_of("title"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(started.is_set)
    qtbot.wait(200)  # the statement is under way
    assert page.model.is_loading()
    page.cancel_btn.click()
    qtbot.waitUntil(ops.idle)  # a guard of a minute: the count alone would take minutes
    assert ended == ["OperationalError"]  # SQLite's "interrupted"
    assert page.model._ids == before and not page.model.is_loading()
    monkeypatch.setattr(records_api, "list_ids_in", real)
    with qtbot.waitSignal(page.model.queried):  # the list still answers
        page.table.sortByColumn(page.model.column_of("title"), Qt.SortOrder.DescendingOrder)
    titles = _titles(page)
    assert titles == sorted(titles, reverse=True)


def test_the_newest_query_wins(page: ListPage, qtbot: Any) -> None:
    page.table.sortByColumn(page.model.column_of("title"), Qt.SortOrder.DescendingOrder)
    page.filters.text.setText("Đoàn C")
    page.apply_filters()  # asked while the sort is still under way
    qtbot.waitUntil(lambda: ops.running() == 0 and not page.model.is_loading())
    qtbot.wait(50)
    titles = _titles(page)
    assert titles and all("Đoàn C" in t for t in titles)
    assert titles == sorted(titles, reverse=True)  # the filter kept the newer sort
    assert page.count.text() == f"{len(titles)} / 30 hồ sơ"


def test_a_failed_query_is_told_and_the_list_stays(
    page: ListPage, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = list(page.model._ids)
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text: told.append(text))
    )

    def refuse(*_a: object, **_k: object) -> list[int]:
        raise HueDeskError("Cơ sở dữ liệu đang bận.", "The database is busy.")

    monkeypatch.setattr(page.ctx.ws.records, "ids", refuse)
    page.table.sortByColumn(page.model.column_of("title"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: bool(told))
    assert told == ["Cơ sở dữ liệu đang bận."]
    assert page.model._ids == before and not page.model.is_loading()


def test_a_short_list_is_read_at_once(window: MainWindow, svc: RecordService) -> None:
    make_delegations(svc, 3)
    shown = window.show_page("delegation_in")
    assert isinstance(shown, ListPage)
    assert not shown.model.is_loading() and shown.model.total == 3


def test_opening_a_list_counts_nothing_before_its_first_rows(
    window: MainWindow, svc: RecordService, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list of unknown length shows its first page at once, rows read, and only then
    reads the rest in the background; its count comes from that answer, not from a count
    before the rows."""
    monkeypatch.setattr(table_model, "PAGE_SIZE", 10)
    make_delegations(svc, 30)
    records = window.ctx.ws.records
    asked: list[tuple[str, Any]] = []

    def spying(name: str) -> Any:
        real = getattr(records, name)

        def spy(kind: str, *args: Any) -> Any:
            if kind == "delegation":
                asked.append((name, args[0].limit if name == "ids" else None))
            return real(kind, *args)

        return spy

    for name in ("list", "ids", "rows"):
        monkeypatch.setattr(records, name, spying(name))
    shown = window.show_page("delegation_in")
    assert isinstance(shown, ListPage)
    assert shown.model.total == 10 and shown.model.is_loading(), "the first page, at once"
    assert asked == [("ids", 10), ("rows", None)], "its rows, and nothing counted before"
    qtbot.waitUntil(lambda: not shown.model.is_loading())
    assert asked[2] == ("ids", None), "the whole list after"  # (then rows as they are painted)
    assert shown.model.total == 30 and shown.count.text() == "30 hồ sơ"


def test_a_filter_typed_before_the_whole_list_arrived_is_counted_against_the_list(
    window: MainWindow, svc: RecordService, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table_model, "PAGE_SIZE", 10)
    make_delegations(svc, 30)
    shown = window.show_page("delegation_in")
    assert isinstance(shown, ListPage) and shown.model.is_loading()
    with qtbot.waitSignal(shown.model.queried):
        shown.filters.text.setText("Đoàn C")
        shown.apply_filters()  # the whole list's answer is dropped, never shown
    titles = _titles(shown)
    assert titles and all("Đoàn C" in t for t in titles) and len(titles) < 30
    assert shown.count.text() == f"{len(titles)} / 30 hồ sơ"
