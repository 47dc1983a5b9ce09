"""Global search beyond its first 50 results (#13 item 5: "Xem tất cả")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from huedesk.records import RecordService
from huedesk.ui.app import Desk
from huedesk.ui.search_box import LIMIT, MORE, SEARCH_DELAY_MS
from tests.ui.conftest import make_delegations


def test_see_all_results_after_the_first_fifty(
    desk_as: Callable[..., Desk], admin_svc: RecordService
) -> None:
    make_delegations(admin_svc, LIMIT + 12)
    search = desk_as("viewer").window.search
    search.box.setText("doan")
    search.run_search()
    assert len(search.hits) == LIMIT
    popup = search.popup
    last = popup.list.item(popup.list.count() - 1)
    assert popup.status.text() == f"{LIMIT} kết quả đầu tiên"
    popup.list.setCurrentItem(last)
    assert popup.current_hit() == MORE
    search.open_current()  # Enter or a click on "Xem tất cả kết quả…"
    assert len(search.hits) == LIMIT + 12
    assert popup.current_hit() != MORE and popup.isVisible()
    assert all(
        popup.list.item(i).text() != "Xem tất cả kết quả…" for i in range(popup.list.count())
    )
    search.box.setText("doan a")  # new words start from the first results again
    assert search.limit == LIMIT


def test_a_search_typed_but_not_yet_run_is_dropped_when_the_window_closes(
    desk_as: Callable[..., Desk], admin_svc: RecordService, qtbot: Any, monkeypatch: Any
) -> None:
    """The box searches a moment after the last key; the window closed before then reads
    nothing (found on the server run: a closed window searched a database already gone)."""
    make_delegations(admin_svc, 3)
    window = desk_as("viewer").window
    search = window.search
    asked: list[str] = []
    real = search.ws.search.find
    monkeypatch.setattr(
        search.ws.search, "find", lambda text, **kw: (asked.append(text), real(text, **kw))[1]
    )
    search.box.setText("doan")
    qtbot.waitUntil(lambda: asked == ["doan"])  # the box searches by itself
    search.box.setText("doan a")
    window.close()
    qtbot.wait(3 * SEARCH_DELAY_MS)  # the search would have run by now
    assert asked == ["doan"]
