"""The start page is usable before its figures are counted (issue #13 item 12).

The figures read every record dated in two years (seconds on 200,000 records), so
the page counts them on a pool thread: the window, the attention lists and the
other pages answer at once; the cards say so until the figures arrive, and then
show exactly what the statistics service gives that user (the consular card masked
for those who may not see cases). Counting is held back here by a gate in front of
the real ``Statistics.dashboard`` (a stand-in for a large database, no timing).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from huedesk import clock
from huedesk.backup import list_backups
from huedesk.db.engine import Database
from huedesk.db.stopping import Stopped, Stopper
from huedesk.records import RecordService
from huedesk.stats.service import Statistics
from huedesk.ui import geometry, ops
from huedesk.ui.dashboard_page import CARDS, DashboardPage
from huedesk.ui.i18n import tr
from huedesk.ui.list_page import ListPage
from huedesk.workspace import Door
from tests.backends import ON_SERVER
from tests.db.test_stopping import SLOW
from tests.stats import known
from tests.ui.conftest import STAFF_PASSWORD

DAY = dt.datetime(2026, 1, 5, 2, tzinfo=dt.UTC)
GUARD_S = 60  # a hang guard, not a timing


class Gate:
    """Holds every ``Statistics.dashboard`` call until opened; records the years asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.open_ = threading.Event()
        self.asked: list[int] = []
        real = Statistics.dashboard

        def held(stats: Statistics, year: int, *, stopper: Stopper | None = None) -> Any:
            self.asked.append(year)
            assert self.open_.wait(GUARD_S), "the test never opened the gate"
            return real(stats, year, stopper=stopper)

        monkeypatch.setattr(Statistics, "dashboard", held)

    def release(self) -> None:
        self.open_.set()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    g = Gate(monkeypatch)
    yield g
    g.release()  # whatever a test left held finishes, so the desk can close


@pytest.fixture
def data(db: Database) -> known.Known:
    return known.build(db)


def _start_page(desk: Any) -> DashboardPage:
    page = desk.window.show_page("attention")
    assert isinstance(page, DashboardPage)
    return page


def _cards(page: DashboardPage) -> dict[str, tuple[str, bool]]:
    return {c.label.text(): (c.value.text(), c.clickable) for c in page.cards if c.isVisible()}


@pytest.mark.parametrize("role", ["admin", "officer", "consular_officer", "viewer"])
def test_the_window_is_usable_before_the_figures_come_in(
    qtbot: Any, data: known.Known, desk_as: Any, gate: Gate, role: str
) -> None:
    with clock.use(clock.fixed(DAY)):
        desk = desk_as(role)
        page = _start_page(desk)
        assert page.is_counting()
        qtbot.waitUntil(lambda: gate.asked == [2026], timeout=GUARD_S * 1000)
        # the page is there, honest about what it does not know yet
        assert page.title.text() == "Tổng quan năm 2026"
        assert page.as_of.text() == tr("dash_counting")
        assert {c.value.text() for c in page.cards} == {"…"}
        assert not any(c.clickable for c in page.cards)
        qtbot.mouseClick(page.cards[0], Qt.MouseButton.LeftButton)
        assert page.windows == [], "nothing opens before the figures are in"
        assert page.open_bar("delegations.by_country", 0, 0) is None
        # the attention lists are read at once (small indexed queries)
        visits = page.attention.sections[0][1]
        assert visits.topLevelItemCount() >= 1 and page.attention.title.text()
        # the year is chosen while counting: the older answer will be dropped
        page.year.setCurrentIndex(page.year.findData(2025))
        qtbot.waitUntil(lambda: gate.asked == [2026, 2025], timeout=GUARD_S * 1000)
        gate.release()
        qtbot.waitUntil(lambda: not page.is_counting(), timeout=GUARD_S * 1000)
        expected = desk.ws.stats.dashboard(2025)
        assert page.figures == expected, "exactly what the service gives this user"
        assert page.title.text() == "Tổng quan năm 2025"
        assert page.as_of.text() == "số liệu tính đến 31/12/2025"
        cards = _cards(page)
        inbound = cards["Đoàn vào"]
        assert inbound[0] == "2" and inbound[1] == bool(
            expected.area("delegations").figure("inbound").records
        )
        consular = cards.get("Vụ việc lãnh sự")
        if role in ("admin", "consular_officer"):
            assert consular == ("2", True)
        else:  # counts only: the cases behind the card stay closed
            assert consular is None or consular == ("2", False)
            assert not any(link for link in expected.area("consular").figure("opened").records)
        assert len(page.cards) == len(CARDS)


def test_another_page_answers_while_the_figures_are_counted_and_counting_stops(
    qtbot: Any, desk_as: Any, admin_svc: RecordService, gate: Gate
) -> None:
    admin_svc.create("person", {"full_name": "Tanaka Hiroshi", "nationality": "JP"})
    desk = desk_as("officer")
    page = _start_page(desk)
    assert page.is_counting()
    people = desk.window.show_page("person")
    assert isinstance(people, ListPage) and people.model.total == 1, "the list answers at once"
    assert not page.is_counting(), "hidden: counting is stopped, its answer dropped"
    gate.release()
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=GUARD_S * 1000)
    assert page.figures is None and page.as_of.text() == tr("dash_counting")
    back = _start_page(desk)  # shown again: counted again
    assert back is page
    qtbot.waitUntil(lambda: page.figures is not None, timeout=GUARD_S * 1000)
    assert page.figures == desk.ws.stats.dashboard(clock.today().year)


@pytest.mark.parametrize("leave", ["another page", "the window closes"])
def test_a_refresh_asked_for_is_dropped_when_the_page_is_hidden_before_it_begins(
    qtbot: Any, desk_as: Any, admin_svc: RecordService, monkeypatch: pytest.MonkeyPatch, leave: str
) -> None:
    """A record saved while the start page is shown asks for a refresh a moment later;
    the page hidden before then reads nothing (found on the server run: a closed window's
    page read the database after the test had dropped it)."""
    desk = desk_as("officer")
    page = _start_page(desk)
    qtbot.waitUntil(lambda: not page.is_counting(), timeout=GUARD_S * 1000)
    reads: list[int] = []
    real = page.attention.refresh
    monkeypatch.setattr(page.attention, "refresh", lambda: (reads.append(1), real())[1])
    admin_svc.create("person", {"full_name": "Tanaka Hiroshi", "nationality": "JP"})
    desk.window.ctx.notify("person")
    if leave == "another page":
        desk.window.show_page("person")
    else:
        desk.window.close()
    qtbot.wait(3 * page._timer.interval())  # the refresh would have begun by now
    assert reads == [] and not page.is_counting()
    if leave == "another page":  # shown again: read and counted again
        assert _start_page(desk) is page
        qtbot.waitUntil(lambda: reads == [1], timeout=GUARD_S * 1000)
        qtbot.waitUntil(lambda: not page.is_counting(), timeout=GUARD_S * 1000)


def test_counting_stops_between_areas_when_asked(db: Database, data: known.Known) -> None:
    """The stopper the page hands to the service is looked at before each area; stopped,
    the count ends there (a page left, another year chosen, the window closing)."""
    looks: list[int] = []

    class Counted(Stopper):
        def __init__(self, stop_at: int | None) -> None:
            super().__init__()
            self.stop_at = stop_at

        def check(self) -> None:
            looks.append(1)
            if len(looks) == self.stop_at:
                self.stop()
            super().check()

    stats = Statistics(db, "kiemthu")
    with clock.use(clock.fixed(DAY)), pytest.raises(Stopped):
        # looked at on opening the unit of work, before the first area, before the second
        stats.dashboard(2025, stopper=Counted(stop_at=3))
    assert len(looks) == 3, "stopped before the second area, not after every area"
    looks.clear()
    with clock.use(clock.fixed(DAY)):
        whole = stats.dashboard(2025, stopper=Counted(stop_at=None))
    assert len(looks) == 2 + len(whole.areas), "looked at once per area, and at both ends"


def test_choosing_another_year_interrupts_the_statement_under_way(
    desk: Any, qtbot: Any, data: known.Known, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count of the year left is not left running on its thread: its statement is
    interrupted (at 200,000 records one area's statement takes seconds)."""
    from huedesk.stats import service

    real, started, ended = service._builders, threading.Event(), []

    def slow_first_area(who: Any) -> Any:
        built = dict(real(who))
        first = built["delegations"]

        def delegations(count: Any) -> Any:
            if count.period.start.year == 2024:  # the year the test leaves
                started.set()
                try:
                    count.session.execute(SLOW).scalar()  # minutes, unless interrupted
                except Exception as exc:
                    ended.append(type(exc).__name__)
                    raise
            return first(count)

        built["delegations"] = delegations
        return built

    monkeypatch.setattr(service, "_builders", slow_first_area)
    with clock.use(clock.fixed(DAY)):
        page = desk.window.show_page("attention")
        assert isinstance(page, DashboardPage)
        qtbot.waitUntil(lambda: not page.is_counting(), timeout=GUARD_S * 1000)
        page.year.setCurrentIndex(page.year.findData(2024))
        qtbot.waitUntil(started.is_set, timeout=GUARD_S * 1000)
        page.year.setCurrentIndex(page.year.findData(2025))
        qtbot.waitUntil(ops.idle, timeout=GUARD_S * 1000)  # a guard: the count takes minutes
    assert ended, "the statement ended early"
    assert page.figures is not None and page.figures.period.start.year == 2025


@pytest.mark.skipif(ON_SERVER, reason="a server keeps its own backups")
def test_the_window_takes_the_daily_backup_after_it_is_shown(
    qtbot: Any, qapp: Any, tmp_path: Path
) -> None:
    """Opening for the window copies nothing (a whole-file copy and its check took seconds
    on a large database each morning); the window backs up in the background, once a day,
    for any user (here a viewer), as opening the file did."""
    from huedesk.ui.app import Desk, configure_settings

    path = tmp_path / "huedesk.sqlite3"
    first = Door.open(path)
    admin = first.create_administrator("quantri", STAFF_PASSWORD)
    admin.accounts.add("xem", STAFF_PASSWORD, "viewer")
    admin.close()
    door = Door.open(path, back_up_later=True)
    assert list_backups(path) == [], "nothing copied on the way to the window"
    ws = door.sign_in("xem", STAFF_PASSWORD)
    configure_settings()
    desk = Desk(ws, "vi")  # closed by ``desk.close()`` below, as the program does
    desk.window.show()
    desk.back_up_when_due()
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=GUARD_S * 1000)
    made = list_backups(path)
    assert sorted(b.kind for b in made) == ["daily", "monthly"]
    daily = next(b for b in made if b.kind == "daily")
    assert daily.path.name in desk.window.statusBar().currentMessage()
    assert ws.back_up_if_due() is None, "once a day"
    desk.close()
    again = Door.open(path)  # the command line still backs up on the way in when due
    again.close()
    assert len(list_backups(path)) == 2


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_attention_lists_leave_the_title_room_on_a_laptop(
    qtbot: Any, admin_svc: RecordService, desk_as: Any, lang: str
) -> None:
    """At 1366x768 the title column of "Việc cần chú ý" was squeezed to ~90 px beside fixed
    reference and days columns; those now take their text's width and the title the rest."""
    title = "Đoàn đại biểu thành phố Huế thăm và làm việc tại tỉnh Gifu, Nhật Bản"
    admin_svc.create(
        "delegation",
        {
            "direction": "out",
            "title": title,
            "country_code": "JP",
            "start_date": clock.today() + dt.timedelta(days=5),
            "status": "approved",
        },
    )
    with geometry.pretend_screen(QRect(0, 0, 1366, 728)):
        desk = desk_as("consular_officer", lang)
        desk.window.setGeometry(QRect(0, 0, 1366, 728))
        page = _start_page(desk)
        qtbot.waitUntil(lambda: not page.is_counting(), timeout=GUARD_S * 1000)
        QApplication.processEvents()
        visits = page.attention.sections[0][1]
        row = visits.topLevelItem(0)
        assert row.text(1) == title
        metrics = visits.fontMetrics()
        for col in (0, 3):  # reference and days left shown whole
            assert visits.columnWidth(col) >= metrics.horizontalAdvance(row.text(col))
        for heading, tree in page.attention.sections:
            if tree.isVisible():
                assert tree.columnWidth(1) >= 160, (heading.text(), tree.columnWidth(1))
        for card in page.cards:  # a card's value is never cut (a smaller font before that)
            wide = QFontMetrics(card.value.font()).horizontalAdvance(card.value.text())
            assert wide <= card.value.width(), card.label.text()
