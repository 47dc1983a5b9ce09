"""Demo data reads true: the rules a reader of a brief would check, over a generated database.

Every screenshot, brief and evaluation is made from demo data, so it must not
say what no real record would: a Huế official addressed as a foreign governor,
a man addressed "Bà", a Gifu official in a Shiga delegation, a programme
outside its visit's dates, a record created after the data was made.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from huedesk import clock
from huedesk.demo import generate
from huedesk.demo import vocabulary as v
from huedesk.store import open_store

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 10, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[sqlite3.Connection, dt.datetime]]:
    path = tmp_path_factory.mktemp("truth") / "demo.sqlite3"
    with clock.use(clock.fixed(NOW)):
        db = open_store(path)
        summary = generate(db, records=4000, seed=7)
        db.dispose()
    assert summary.generated_at == NOW
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    yield conn, NOW
    conn.close()


def _stamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def test_nothing_was_created_or_changed_after_generation(
    demo: tuple[sqlite3.Connection, dt.datetime],
) -> None:
    conn, moment = demo
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    checked = 0
    for table in tables:
        cols = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        if not {"created_at", "updated_at"} <= cols:
            continue
        for created, updated in conn.execute(f"SELECT created_at, updated_at FROM {table}"):
            assert _stamp(created) <= moment, (table, created)
            assert _stamp(created) <= _stamp(updated) <= moment, (table, created, updated)
            checked += 1
    assert checked > 10_000


def test_members_belong_to_the_right_side_and_partner(
    demo: tuple[sqlite3.Connection, dt.datetime],
) -> None:
    conn, _ = demo
    rows = conn.execute(
        """SELECT d.ref, d.direction, d.partner_id, d.country_code, p.organisation_id,
                  p.nationality, o.org_type, o.country_code AS org_country
           FROM delegation d
           JOIN delegation_member m ON m.delegation_id = d.id
           JOIN person p ON p.id = m.person_id
           LEFT JOIN organisation o ON o.id = p.organisation_id"""
    ).fetchall()
    assert len(rows) > 1000
    for r in rows:
        if r["direction"] == "in":  # foreign guests from the partner organisation
            assert r["organisation_id"] == r["partner_id"], dict(r)
            assert r["nationality"] == r["country_code"] != "VN", dict(r)
        else:  # Huế officials of the city's own agencies
            assert r["nationality"] == "VN", dict(r)
            assert (r["org_type"], r["org_country"]) == ("vietnamese_agency", "VN"), dict(r)


def test_titles_forms_of_address_and_gender_agree(
    demo: tuple[sqlite3.Connection, dt.datetime],
) -> None:
    conn, _ = demo
    heads: Counter[int] = Counter()
    rows = conn.execute(
        """SELECT m.delegation_id, m.title, m.form_of_address, m.is_head, m.precedence,
                  p.gender, p.position, p.nationality
           FROM delegation_member m JOIN person p ON p.id = m.person_id"""
    ).fetchall()
    for r in rows:
        form = r["form_of_address"]
        if form == "Bà":
            assert r["gender"] == "female", dict(r)
        elif form == "Ông":
            assert r["gender"] == "male", dict(r)
        elif form.startswith("Ngài "):  # the office the person actually holds
            assert form == f"Ngài {r['position']}", dict(r)
            assert r["nationality"] != "VN", dict(r)
        elif form == "Đồng chí":
            assert r["nationality"] == "VN", dict(r)
        else:
            assert form == "Giáo sư", dict(r)
        assert r["title"] in v.MEMBER_ROLES.values(), dict(r)
        assert (r["title"] == "Trưởng đoàn") == bool(r["is_head"]) == (r["precedence"] == 1)
        if r["title"] == "Phiên dịch":
            assert r["position"] == "Phiên dịch" or r["nationality"] == "VN", dict(r)
        heads[r["delegation_id"]] += bool(r["is_head"])
    assert set(heads.values()) == {1}


def test_programmes_fit_the_dates_and_the_partner(
    demo: tuple[sqlite3.Connection, dt.datetime],
) -> None:
    conn, _ = demo
    visits = {
        r["id"]: r
        for r in conn.execute(
            """SELECT d.id, d.direction, d.start_date, d.end_date, o.name AS partner
               FROM delegation d JOIN organisation o ON o.id = d.partner_id"""
        )
    }
    items: dict[int, list[sqlite3.Row]] = defaultdict(list)
    for r in conn.execute("SELECT * FROM programme_item ORDER BY starts_at"):
        items[r["delegation_id"]].append(r)
    assert len(items) > 0.9 * len(visits)
    for did, lines in items.items():
        d = visits[did]
        first, last = dt.date.fromisoformat(d["start_date"]), dt.date.fromisoformat(d["end_date"])
        days = {dt.datetime.fromisoformat(i["starts_at"]).date() for i in lines}
        assert min(days) == first and max(days) <= last, (d["id"], days, first, last)
        assert last - first < dt.timedelta(days=8)
        for i in lines:
            assert i["ends_at"] > i["starts_at"]
            assert 7 <= dt.datetime.fromisoformat(i["starts_at"]).hour <= 19
        text = " ".join(f"{i['activity']} {i['place']}" for i in lines)
        partner = (
            d["partner"].split(" ", 1)[1] if d["partner"].startswith("Tỉnh ") else d["partner"]
        )
        if d["direction"] == "out":  # abroad: the programme is at the partner's
            assert partner.lower() in text.lower(), (d["id"], partner, text)
            assert "Về đến Huế" in lines[-1]["activity"]
        elif last > first:  # in Huế: met on arrival, seen off on the last day
            assert lines[0]["activity"].startswith("Đón đoàn tại"), text
            assert lines[-1]["activity"].startswith("Tiễn đoàn tại"), text


def test_titles_and_purposes_vary(demo: tuple[sqlite3.Connection, dt.datetime]) -> None:
    conn, _ = demo
    titles = [r[0] for r in conn.execute("SELECT title FROM delegation")]
    purposes = {r[0] for r in conn.execute("SELECT purpose FROM delegation")}
    assert len(set(titles)) > len(titles) / 3
    assert Counter(titles).most_common(1)[0][1] < len(titles) / 40
    assert len(purposes) >= 15
    gifts = conn.execute("SELECT COUNT(*) FROM gift WHERE giver IS NULL OR recipient IS NULL")
    assert gifts.fetchone()[0] == 0


def test_consular_cases_are_plausible(demo: tuple[sqlite3.Connection, dt.datetime]) -> None:
    conn, _ = demo
    rows = conn.execute(
        """SELECT c.*, p.nationality FROM consular_case c
           JOIN case_person cp ON cp.case_id = c.id AND cp.role = 'subject'
           JOIN person p ON p.id = cp.person_id"""
    ).fetchall()
    assert len(rows) > 300
    for c in rows:
        opened = dt.date.fromisoformat(c["opened_on"])
        closed = dt.date.fromisoformat(c["closed_on"]) if c["closed_on"] else None
        assert opened <= TODAY
        if c["case_type"] in ("foreigner_in_hue", "visa_invitation"):
            assert c["nationality"] != "VN" and c["country_code"] == "VN", dict(c)
        else:
            assert c["nationality"] == "VN", dict(c)
        assert (closed is not None) == (c["status"] in ("closed", "resolved")), dict(c)
        if closed is None:
            assert c["deadline"] is not None
        else:
            assert opened <= closed <= TODAY and c["outcome"]
        actions = [
            dt.datetime.fromisoformat(a[0]).date()
            for a in conn.execute(
                "SELECT taken_at FROM case_action WHERE case_id = ? ORDER BY id", (c["id"],)
            )
        ]
        assert actions and actions == sorted(actions)
        assert opened <= actions[0] and actions[-1] <= (closed or TODAY), (dict(c), actions)
        if closed is None:  # a case only received is "new"; one with steps taken is not
            assert (c["status"] == "open") == (len(actions) == 1), (dict(c), actions)
        officers = {
            a[0]
            for a in conn.execute("SELECT officer FROM case_action WHERE case_id = ?", (c["id"],))
        }
        assigned = conn.execute(
            "SELECT full_name FROM person WHERE id = ?", (c["officer_id"],)
        ).fetchone()
        assert officers == {assigned[0]}, "the steps are taken by the officer on the case"
    open_deadlines = [dt.date.fromisoformat(c["deadline"]) for c in rows if not c["closed_on"]]
    overdue = sum(d < TODAY for d in open_deadlines)
    assert 0 < overdue < len(open_deadlines) / 2, "a few open cases are overdue, not most"
    relatives = conn.execute(
        """SELECT cp.notes, p.gender FROM case_person cp JOIN person p ON p.id = cp.person_id
           WHERE cp.role = 'relative'"""
    ).fetchall()
    for notes, gender in relatives:
        role = notes.split(" của ")[0]
        assert gender == ("female" if role in ("Mẹ", "Vợ", "Chị gái") else "male"), notes


def test_what_happened_is_not_written_down_before_it_happened(
    demo: tuple[sqlite3.Connection, dt.datetime],
) -> None:
    """A case is entered when it is received, a payment when it is made: never before.

    (A consular case "created" on 31 July and "received" on 5 August read false in the
    record window's footer.) Plans (visits, events) may be entered ahead of their day."""
    conn, moment = demo
    facts = {
        "consular_case": "opened_on",
        "case_action": "taken_at",
        "case_consent": "given_on",
        "aid_transaction": "value_date",
        "fdi_project": "licence_date",
    }
    for table, column in facts.items():
        rows = conn.execute(f"SELECT {column}, created_at FROM {table}").fetchall()
        assert rows, table
        for happened, created in rows:
            day = dt.date.fromisoformat(happened[:10])
            entered = _stamp(created)
            if day <= moment.date():
                assert day <= entered.date() <= day + dt.timedelta(days=2), (
                    table,
                    happened,
                    created,
                )
    late = conn.execute(
        "SELECT COUNT(*) FROM case_person cp JOIN consular_case c ON c.id = cp.case_id"
        " WHERE date(cp.created_at) < c.opened_on"
    ).fetchone()[0]
    assert late == 0


def test_aid_adds_up_and_matches_its_sector(demo: tuple[sqlite3.Connection, dt.datetime]) -> None:
    conn, _ = demo
    titles = {
        sector: [t.split("{p}")[0] for t in templates] for sector, templates in v.AID_TITLES.items()
    }
    projects = conn.execute("SELECT * FROM aid_project").fetchall()
    assert len(projects) > 100
    for p in projects:
        assert any(p["title"].startswith(t) for t in titles[p["sector"]]), dict(p)
        txs = conn.execute(
            "SELECT * FROM aid_transaction WHERE project_id = ? ORDER BY value_date", (p["id"],)
        ).fetchall()
        assert txs[0]["tx_type"] == "commitment"
        paid = [t for t in txs if t["tx_type"] == "disbursement"]
        assert all(t["currency"] == p["currency"] for t in txs)
        assert sum(t["amount"] for t in paid) <= p["committed_amount"]
        for t in paid:
            assert p["approved_on"] <= t["value_date"] <= TODAY.isoformat()
        if p["status"] == "completed" and paid:
            assert sum(t["amount"] for t in paid) == p["committed_amount"]


def test_tasks_follow_their_source(demo: tuple[sqlite3.Connection, dt.datetime]) -> None:
    conn, _ = demo
    for t in conn.execute("SELECT * FROM follow_up_task"):
        if t["done_on"]:
            assert t["status"] == "done" and t["done_on"] <= TODAY.isoformat()
        if t["source_kind"] == "delegation":
            ref = conn.execute(
                "SELECT ref, end_date FROM delegation WHERE uuid = ?", (t["source_uuid"],)
            ).fetchone()
            assert ref is not None and (ref[0] in t["title"] or "đối tác" not in t["title"])
            assert t["due_date"] >= ref[1]


def test_demo_path_is_the_database_folder(tmp_path: Path) -> None:
    """A tiny demo still makes sense: at least one delegation with members and programme."""
    db = open_store(tmp_path / "tiny.sqlite3")
    generate(db, records=60, seed=2, today=TODAY)
    db.dispose()
    conn = sqlite3.connect(tmp_path / "tiny.sqlite3")
    members = conn.execute("SELECT COUNT(*) FROM delegation_member").fetchone()[0]
    conn.close()
    assert members > 0


def test_briefs_are_signed_by_the_demo_director(
    demo: tuple[sqlite3.Connection, dt.datetime],
) -> None:
    conn, _ = demo
    (signer,) = conn.execute("SELECT signer_name FROM document_settings").fetchone()
    director = conn.execute(
        """SELECT p.full_name FROM person p JOIN organisation o ON o.id = p.organisation_id
           WHERE o.name = 'Sở Ngoại vụ' AND p.position = 'Giám đốc'"""
    ).fetchone()
    assert signer and director is not None and signer == director[0]


def test_english_briefs_have_english_for_every_controlled_word(
    demo: tuple[sqlite3.Connection, dt.datetime],
) -> None:
    """Offices, roles, forms of address, languages, diets and the Huế side of programmes
    in demo data are all in the briefs' glossary (free text such as purposes is not)."""
    from huedesk.briefs import glossary as g

    conn, _moment = demo
    missing: set[tuple[str, str]] = set()
    for who, office in conn.execute(
        "SELECT DISTINCT hue_participants, responsible_office FROM programme_item"
    ):
        if who and g.participants(who, "en") == who:
            missing.add(("participants", who))
        if office and g.agency(office, "en") == office:
            missing.add(("office", office))
    members = conn.execute(
        "SELECT DISTINCT m.title, p.position, m.language, m.dietary_needs, m.form_of_address"
        " FROM delegation_member m JOIN person p ON p.id = m.person_id"
    )
    for role, position, language, diet, form in members:
        if role and g.role(role, "en") == role:
            missing.add(("role", role))
        if position and g.office(position, "en") == position:
            missing.add(("position", position))
        if language and g.language(language, "en") == language:
            missing.add(("language", language))
        if diet and g.diet(diet, "en") == diet:
            missing.add(("diet", diet))
        if form and g.form_of_address(form, None, "en") == form:
            missing.add(("form of address", form))
    assert not missing, sorted(missing)
    assert g.participants("Lãnh đạo Sở Ngoại vụ, Sở Du lịch", "en") == (
        "Leaders of the Department of Foreign Affairs, the Department of Tourism"
    )
    assert g.participants("Lãnh đạo Sở X", "en") == "Lãnh đạo Sở X"  # never half translated
    for name, english, _topics in v.HUE_DEPARTMENTS:
        assert g.agency(name, "en") == english
