"""The status history every write keeps, and the status a record had on a given day."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from huedesk import clock
from huedesk.db.engine import Database
from huedesk.db.models import StatusChange
from huedesk.records import RecordService
from huedesk.records.status_history import IMPLIED, Entry, entries_for, status_on


def _at(day: dt.date) -> clock.Source:
    return clock.fixed(dt.datetime(day.year, day.month, day.day, 3, tzinfo=dt.UTC))


def _history(db: Database, uuid: str) -> list[tuple[str, dt.date, str | None, str]]:
    with db.read() as s:
        rows = s.execute(
            select(StatusChange).where(StatusChange.record_uuid == uuid).order_by(StatusChange.id)
        ).scalars()
        return [(r.status, r.effective_on, r.date_field, r.source) for r in rows]


def _status(db: Database, uuid: str, day: dt.date) -> str | None:
    with db.read() as s:
        return status_on(entries_for(s, [uuid]).get(uuid, []), day)


def _org(svc: RecordService, name: str, country: str = "JP") -> int:
    row = svc.create(
        "organisation", {"name": name, "org_type": "partner_locality", "country_code": country}
    )
    return int(row["id"])


def test_partnership_ended_later_stays_in_force_at_the_end_of_the_year(
    db: Database, svc: RecordService
) -> None:
    with clock.use(_at(dt.date(2025, 3, 1))):
        p = svc.create(
            "partnership",
            {
                "partner_id": _org(svc, "Tỉnh Nara"),
                "country_code": "JP",
                "level": "province",
                "relation_type": "friendship",
                "since": dt.date(2019, 5, 2),
                "status": "established",
            },
        )
    with clock.use(_at(dt.date(2026, 2, 10))):
        svc.update("partnership", p["id"], {"status": "ended"})
    assert _history(db, p["uuid"]) == [
        ("established", dt.date(2019, 5, 2), "since", "write"),
        ("ended", dt.date(2026, 2, 10), None, "write"),
    ]
    assert _status(db, p["uuid"], dt.date(2018, 12, 31)) is None, "not established before since"
    assert _status(db, p["uuid"], dt.date(2025, 12, 31)) == "established"
    assert _status(db, p["uuid"], dt.date(2026, 2, 10)) == "ended"
    # the end day given afterwards moves the change: it ended in 2025 after all
    with clock.use(_at(dt.date(2026, 2, 11))):
        svc.update("partnership", p["id"], {"ended_on": dt.date(2025, 11, 30)})
    assert _status(db, p["uuid"], dt.date(2025, 12, 31)) == "ended"
    assert _history(db, p["uuid"])[-1] == ("ended", dt.date(2025, 11, 30), "ended_on", "write")
    with clock.use(_at(dt.date(2026, 2, 12))):
        svc.update("partnership", p["id"], {"ended_on": None})
    assert _history(db, p["uuid"])[-1][:2] == ("ended", dt.date(2026, 2, 10)), (
        "without its date the change goes back to the day it was recorded"
    )


def test_end_day_given_with_the_change_is_its_effective_day(
    db: Database, svc: RecordService
) -> None:
    with clock.use(_at(dt.date(2024, 1, 5))):
        fdi = svc.create(
            "fdi_project",
            {
                "name": "Khu nghỉ dưỡng Lăng Cô",
                "country_code": "KR",
                "sector": "tourism",
                "registered_capital": "12000000",
                "currency": "USD",
                "licence_date": dt.date(2023, 9, 1),
                "status": "operating",
            },
        )
    assert _history(db, fdi["uuid"]) == [
        ("licensed", dt.date(2023, 9, 1), "licence_date", IMPLIED),
        ("operating", dt.date(2024, 1, 5), None, "write"),
    ]
    with clock.use(_at(dt.date(2026, 3, 1))):
        svc.update(
            "fdi_project", fdi["id"], {"status": "terminated", "terminated_on": "15/01/2026"}
        )
    assert _status(db, fdi["uuid"], dt.date(2023, 12, 31)) == "licensed"
    assert _status(db, fdi["uuid"], dt.date(2025, 12, 31)) == "operating"
    assert _status(db, fdi["uuid"], dt.date(2026, 1, 15)) == "terminated"


def test_milestones_of_a_record_entered_late_and_date_corrections(
    db: Database, svc: RecordService
) -> None:
    with clock.use(_at(dt.date(2026, 1, 8))):
        a = svc.create(
            "agreement",
            {
                "title": "Thỏa thuận hợp tác với tỉnh Chungcheongnam",
                "agreement_type": "cooperation",
                "country_code": "KR",
                "signing_level": "city_committee",
                "signed_on": dt.date(2025, 10, 20),
                "effective_from": dt.date(2025, 11, 1),
                "status": "in_force",
            },
        )
        assert _history(db, a["uuid"]) == [
            ("signed", dt.date(2025, 10, 20), "signed_on", IMPLIED),
            ("in_force", dt.date(2025, 11, 1), "effective_from", "write"),
        ]
        assert _status(db, a["uuid"], dt.date(2025, 10, 25)) == "signed"
        svc.update("agreement", a["id"], {"signed_on": dt.date(2025, 10, 22)})
        assert _history(db, a["uuid"])[0][:2] == ("signed", dt.date(2025, 10, 22))
        svc.update("agreement", a["id"], {"signed_on": None})
        assert [h[0] for h in _history(db, a["uuid"])] == ["in_force"], (
            "an implied milestone goes with the date that showed it"
        )


def test_a_later_change_with_an_earlier_day_replaces_what_was_recorded_after_it(
    db: Database, svc: RecordService
) -> None:
    with clock.use(_at(dt.date(2024, 4, 1))):
        p = svc.create(
            "partnership",
            {
                "partner_id": _org(svc, "Tỉnh Kyoto"),
                "country_code": "JP",
                "level": "province",
                "relation_type": "cooperation",
                "status": "proposed",
            },
        )
    with clock.use(_at(dt.date(2025, 5, 1))):
        svc.update("partnership", p["id"], {"status": "established", "since": "01/03/2010"})
    assert _status(db, p["uuid"], dt.date(2015, 12, 31)) == "established"
    assert _status(db, p["uuid"], dt.date(2024, 12, 31)) == "established"
    unchanged = _history(db, p["uuid"])
    svc.update("partnership", p["id"], {"notes": "Trao đổi đoàn hằng năm"})
    assert _history(db, p["uuid"]) == unchanged, "a change that leaves the status adds nothing"


def test_status_on_orders_a_day_by_milestones_first() -> None:
    day = dt.date(2025, 1, 1)
    entries = [
        Entry("operating", day, None, "write", day, id=5),
        Entry("licensed", day, "licence_date", IMPLIED, day, id=9),
    ]
    assert status_on(entries, day) == "operating"
    assert status_on([], day) is None


def test_deleting_a_record_keeps_its_history(db: Database, svc: RecordService) -> None:
    e = svc.create(
        "event",
        {
            "title": "Tuần lễ Festival Nghệ thuật Quốc tế Huế",
            "event_type": "festival",
            "start_date": dt.date(2025, 4, 27),
            "status": "held",
        },
    )
    svc.delete("event", e["id"])
    assert [h[0] for h in _history(db, e["uuid"])] == ["held"]
