"""The start page's queries (no Qt) and the ids/sort extensions of the list query."""

from __future__ import annotations

import datetime as dt

import pytest

from huedesk import clock, dashboard
from huedesk.records import ListQuery, RecordService
from huedesk.workspace import Principal, Role, Workspace


def test_attention_lists_upcoming_visits_deadlines_and_expiring_agreements(
    svc: RecordService, ws: Workspace
) -> None:
    today = dt.date(2026, 3, 1)
    assert ws.start_page.is_empty()
    soon = svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn Gifu",
            "country_code": "JP",
            "start_date": today + dt.timedelta(days=5),
            "status": "approved",
        },
    )
    svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn xa",
            "country_code": "JP",
            "start_date": today + dt.timedelta(days=90),
            "status": "planned",
        },
    )
    case = svc.create(
        "consular_case",
        {
            "case_type": "accident",
            "title": "Tai nạn giao thông",
            "country_code": "KR",
            "opened_on": today - dt.timedelta(days=20),
            "deadline": today - dt.timedelta(days=2),
            "status": "open",
            "information_source": "family",
        },
    )
    agreement = svc.create(
        "agreement",
        {
            "title": "Biên bản ghi nhớ với Nara",
            "agreement_type": "mou",
            "signing_level": "city_committee",
            "signed_on": dt.date(2021, 4, 1),
            "expires_on": today + dt.timedelta(days=60),
            "status": "in_force",
        },
    )
    att = ws.start_page.attention(today)
    assert not ws.start_page.is_empty()
    assert [i.record_id for i in att.visits] == [soon["id"]] and att.visits_total == 1
    assert att.visits[0].days_left == 5
    assert [i.record_id for i in att.deadlines] == [case["id"]]
    assert att.deadlines[0].days_left == -2
    assert [i.record_id for i in att.expiring] == [agreement["id"]]
    # Consular deadlines are not even read for someone who may not see cases.
    officer = Workspace(ws.db, Principal("canbo", Role.OFFICER)).start_page.attention(today)
    assert not officer.deadlines_shown and officer.deadlines == [] and officer.deadlines_total == 0
    assert [i.record_id for i in officer.visits] == [soon["id"]]


def test_attention_lists_keep_only_live_records_and_count_past_the_first_page(
    svc: RecordService, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The status filters the rows the date range finds (the query walks the date's
    index); the total counts past the lines shown, and every overdue open case counts."""
    monkeypatch.setattr(dashboard, "LIMIT", 2)
    today = dt.date(2026, 3, 1)
    visits = {}
    for n, status in enumerate(["planned", "cancelled", "approved", "completed", "in_progress"]):
        visits[status] = svc.create(
            "delegation",
            {
                "direction": "in",
                "title": f"Đoàn {n}",
                "country_code": "JP",
                "start_date": today + dt.timedelta(days=n),
                "status": status,
            },
        )["id"]
    cases = {}
    for n, status in enumerate(["open", "closed", "awaiting_response", "in_progress"]):
        cases[status] = svc.create(
            "consular_case",
            {
                "case_type": "accident",
                "title": f"Vụ {n}",
                "country_code": "KR",
                "opened_on": dt.date(2020, 1, 1),
                "deadline": dt.date(2020, 1, 1) + dt.timedelta(days=n),  # years overdue
                "status": status,
                "information_source": "family",
            },
        )["id"]
    att = ws.start_page.attention(today)
    assert [i.record_id for i in att.visits] == [visits["planned"], visits["approved"]]
    assert att.visits_total == 3  # planned, approved, in progress; not cancelled or completed
    assert [i.record_id for i in att.deadlines] == [cases["open"], cases["awaiting_response"]]
    assert att.deadlines_total == 3  # the closed case is not counted


def test_ids_rows_and_year_range(svc: RecordService) -> None:
    # a minute before the new year in UTC: records made now still belong to the clock's year
    with clock.use(clock.fixed(dt.datetime(2026, 12, 31, 23, 59, tzinfo=dt.UTC))):
        _ids_rows_and_year_range(svc)


def _ids_rows_and_year_range(svc: RecordService) -> None:
    ids = []
    for i, name in enumerate(["Đà Nẵng", "An Giang", "Bình Định"]):
        ids.append(
            svc.create(
                "organisation",
                {"name": name, "org_type": "company", "country_code": "VN"},
            )["id"]
        )
        svc.create(
            "person",
            {"full_name": f"Người {i}", "organisation_id": ids[-1]},
        )
    by_org = svc.ids("person", ListQuery(sort="organisation_id"))
    rows = svc.rows("person", by_org)
    assert [r["organisation_id__label"] for r in rows] == ["An Giang", "Bình Định", "Đà Nẵng"]
    assert svc.year_range("delegation") is None
    assert svc.year_range("organisation") == (2026, 2026)
