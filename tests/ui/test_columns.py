"""The list's column chooser (#13 item 5) and sorting through the real list model, as each role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from huedesk.records import RecordService
from huedesk.text import sort_key
from huedesk.ui.app import Desk
from huedesk.ui.list_page import ListPage


def _list(desk: Desk, key: str) -> ListPage:
    page = desk.window.show_page(key)
    assert isinstance(page, ListPage)
    return page


@pytest.mark.parametrize("role", ["admin", "officer", "viewer"])
def test_columns_chosen_on_the_header_are_remembered_per_list(
    desk_as: Callable[..., Desk], role: str
) -> None:
    desk = desk_as(role)
    page = _list(desk, "delegation_in")
    header = page.table.horizontalHeader()
    menu = page.column_menu()
    titles = [a.text() for a in menu.actions()]
    assert titles == [c.label("vi") for c in page.model.columns]
    country = next(a for a in menu.actions() if a.text() == "Quốc gia")
    country.toggle()  # hide it
    col = next(i for i, c in enumerate(page.model.columns) if c.name == "country_code")
    assert header.isSectionHidden(col)
    desk.window.save_state()
    other = _list(desk, "delegation_out")  # another list keeps all its columns
    assert not other.table.horizontalHeader().isSectionHidden(col)
    again = _list(desk_as(role), "delegation_in")
    assert again.table.horizontalHeader().isSectionHidden(col)
    # the last column shown cannot be hidden
    for c in range(again.model.columnCount()):
        if c != 0:
            again.show_column(c, False)
    last = again.column_menu().actions()[0]
    assert last.isChecked() and not last.isEnabled()


def test_a_header_click_sorts_in_vietnamese_order(
    desk_as: Callable[..., Desk], admin_svc: RecordService, qtbot: Any
) -> None:
    titles = ["Đoàn Ông Tanaka", "Đoàn an ninh", "Đoàn Ánh Dương", "Doàn Z", "Đoàn Ơn", "Đoàn Ô"]
    for t in titles:
        admin_svc.create(
            "delegation",
            {
                "direction": "in",
                "title": t,
                "country_code": "JP",
                "start_date": "01/02/2026",
                "status": "planned",
            },
        )
    page = _list(desk_as("viewer"), "delegation_in")
    col = page.model.column_of("title")
    page.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    shown = [page.model.data(page.model.index(r, col)) for r in range(page.model.rowCount())]
    assert shown == sorted(titles, key=sort_key)
    page.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    shown = [page.model.data(page.model.index(r, col)) for r in range(page.model.rowCount())]
    assert shown == sorted(titles, key=sort_key, reverse=True)


def test_country_names_in_english_lists(
    desk_as: Callable[..., Desk], admin_svc: RecordService
) -> None:
    admin_svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn tỉnh Gifu",
            "country_code": "JP",
            "start_date": "01/02/2026",
            "status": "planned",
        },
    )
    for lang, name in (("en", "Japan (JP)"), ("vi", "Nhật Bản (JP)")):
        page = _list(desk_as("officer", lang), "delegation_in")
        col = page.model.column_of("country_code")
        assert page.model.data(page.model.index(0, col)) == name
