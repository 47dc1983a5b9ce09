"""A small database whose every figure is known: 2024 and 2025, and changes made in 2026.

Everything goes through ``RecordService`` with the clock set to the day a user
would have typed it. The expected figures are written out in ``EXPECTED_2025``
and ``EXPECTED_2024`` so a test reads them, never recomputes them.

2025 in short: 2 visits in (Gifu, World Vision; the Wando county visit was
cancelled) and 2 out (Salavan, Champasak: the southern Lao provinces);
partnerships with Gifu, Salavan, Champasak (province level, Champasak new in
2025) and Wando (county); 2 agreements signed (Champasak, Salavan), 3 in force
at year end; 1 FDI project licensed (39,270,000 USD; another licensed and
terminated within the year does not count); KOICA's clinic approved (500,000
USD committed = 12,500,000,000 VND) and 8,550,000,000 VND disbursed at three
different rates; 2 consular cases opened, 2 settled, 1 open at year end; one
festival with 1,250 foreign participants.

In 2026 (``change_after_the_year``) the Salavan partnership ends, the Salavan
agreement is terminated, the Chân Mây project is terminated, KOICA disburses
again and a 2025 case is reopened: 2025's figures must not move.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from huedesk import clock
from huedesk.db.engine import Database
from huedesk.records import RecordService
from huedesk.stats.regions import Regions


@contextmanager
def on(day: dt.date) -> Iterator[None]:
    """The clock says ``day``, 09:00 in Huế."""
    with clock.use(clock.fixed(dt.datetime(day.year, day.month, day.day, 2, tzinfo=dt.UTC))):
        yield


@dataclass
class Known:
    """Ids of the records the tests look at again."""

    gifu: int
    salavan: int
    champasak: int
    wando: int
    koica: int
    world_vision: int
    salavan_pair: int
    salavan_agreement: int
    chan_may: int
    koica_clinic: int
    open_case: int
    region: int


def build(db: Database) -> Known:
    svc = RecordService(db, "kiemthu")
    d = dt.date

    def org(name: str, en: str, country: str, org_type: str = "partner_locality") -> int:
        row = svc.create(
            "organisation",
            {"name": name, "name_en": en, "org_type": org_type, "country_code": country},
        )
        return int(row["id"])

    with on(d(2024, 1, 10)):
        gifu = org("Tỉnh Gifu", "Gifu Prefecture", "JP")
        salavan = org("Tỉnh Salavan", "Salavan Province", "LA")
        champasak = org("Tỉnh Champasak", "Champasak Province", "LA")
        wando = org("Huyện Wando", "Wando County", "KR")
        koica = org("KOICA", "Korea International Cooperation Agency", "KR", "donor")
        wv = org("Tổ chức Tầm nhìn Thế giới", "World Vision", "US", "ngo")
        region = Regions(db, "kiemthu").find("Các tỉnh Nam Lào")
        Regions(db, "kiemthu").save(
            "Các tỉnh Nam Lào",
            [salavan, champasak],
            name_en="Southern Lao provinces",
            region_id=region,
        )

        def pair(partner: int, country: str, level: str, since: dt.date, status: str) -> int:
            row = svc.create(
                "partnership",
                {
                    "partner_id": partner,
                    "country_code": country,
                    "level": level,
                    "relation_type": "friendship",
                    "since": since,
                    "status": status,
                },
            )
            return int(row["id"])

        pair(gifu, "JP", "province", d(2018, 10, 4), "established")
        salavan_pair = pair(salavan, "LA", "province", d(2010, 3, 1), "established")
        pair(wando, "KR", "county", d(2016, 5, 20), "established")
        champasak_pair = pair(champasak, "LA", "province", d(2024, 1, 1), "negotiating")
        svc.create(
            "agreement",
            {
                "title": "Biên bản ghi nhớ hợp tác với tỉnh Gifu",
                "agreement_type": "mou",
                "counterpart_id": gifu,
                "country_code": "JP",
                "signing_level": "city_committee",
                "signed_on": d(2018, 10, 4),
                "status": "in_force",
            },
        )

    def visit(
        direction: str,
        title: str,
        partner: int,
        country: str,
        start: dt.date,
        status: str = "reported",
    ) -> int:
        row = svc.create(
            "delegation",
            {
                "direction": direction,
                "title": title,
                "partner_id": partner,
                "country_code": country,
                "start_date": start,
                "end_date": start + dt.timedelta(days=3),
                "status": status,
            },
        )
        return int(row["id"])

    with on(d(2024, 5, 20)):
        visit("in", "Đoàn tỉnh Gifu thăm Huế", gifu, "JP", d(2024, 5, 12))
    with on(d(2024, 2, 1)):
        fdi_kr = svc.create(
            "fdi_project",
            {
                "name": "Khu nghỉ dưỡng Lăng Cô",
                "country_code": "KR",
                "sector": "tourism",
                "registered_capital": "12000000",
                "currency": "USD",
                "licence_date": d(2024, 3, 1),
                "status": "licensed",
            },
        )
    with on(d(2024, 6, 1)):
        svc.update("fdi_project", fdi_kr["id"], {"status": "operating"})
    with on(d(2024, 11, 1)):
        wv_project = svc.create(
            "aid_project",
            {
                "title": "Nước sạch cho trường học vùng cao A Lưới",
                "donor_id": wv,
                "sector": "education",
                "approved_on": d(2024, 11, 1),
                "committed_amount": "3000000000",
                "currency": "VND",
                "status": "approved",
            },
        )
    with on(d(2024, 12, 1)):
        tx(svc, wv_project["id"], "disbursement", d(2024, 12, 1), "500000000", "VND")
        case(svc, "accident", "JP", d(2024, 12, 5), "in_progress")
        svc.create(
            "event",
            {
                "title": "Hội nghị xúc tiến đầu tư Huế 2024",
                "event_type": "conference",
                "start_date": d(2024, 9, 10),
                "foreign_participants": 200,
                "status": "held",
            },
        )
    # --- 2025 -----------------------------------------------------------------------------------
    with on(d(2025, 1, 10)):
        late = svc.find_id("consular_case", ref="LS-2024-0001")
        svc.update("consular_case", late, {"status": "resolved", "closed_on": d(2025, 1, 10)})
    with on(d(2025, 2, 1)):
        tx(svc, wv_project["id"], "disbursement", d(2025, 2, 1), "1000000000", "VND")
        svc.update("aid_project", wv_project["id"], {"status": "in_progress"})
        first = case(svc, "lost_documents", "KR", d(2025, 2, 3), "in_progress")
        fdi_short = svc.create(
            "fdi_project",
            {
                "name": "Xưởng may xuất khẩu Phú Bài",
                "country_code": "CN",
                "sector": "manufacturing",
                "registered_capital": "5000000",
                "currency": "USD",
                "licence_date": d(2025, 2, 1),
                "status": "licensed",
            },
        )
    with on(d(2025, 3, 1)):
        koica_clinic = svc.create(
            "aid_project",
            {
                "title": "Trạm y tế xã Phong Điền",
                "donor_id": koica,
                "sector": "health",
                "approved_on": d(2025, 3, 1),
                "committed_amount": "500000",
                "currency": "USD",
                "status": "approved",
            },
        )
        tx(svc, koica_clinic["id"], "commitment", d(2025, 3, 1), "500000", "USD", "25000")
        svc.update("consular_case", first, {"status": "resolved", "closed_on": d(2025, 3, 1)})
        svc.update("consular_case", first, {"status": "closed"})
    with on(d(2025, 3, 20)):
        visit("in", "Đoàn tỉnh Gifu dự Festival", gifu, "JP", d(2025, 3, 18))
    with on(d(2025, 4, 15)):
        tx(svc, koica_clinic["id"], "disbursement", d(2025, 4, 15), "200000", "USD", "25100")
        svc.update("aid_project", koica_clinic["id"], {"status": "in_progress"})
    with on(d(2025, 5, 1)):
        svc.update("partnership", champasak_pair, {"status": "established", "since": d(2025, 5, 1)})
        svc.create(
            "agreement",
            {
                "title": "Thỏa thuận hợp tác với tỉnh Champasak",
                "agreement_type": "cooperation",
                "counterpart_id": champasak,
                "country_code": "LA",
                "signing_level": "city_committee",
                "signed_on": d(2025, 5, 1),
                "status": "in_force",
            },
        )
    with on(d(2025, 6, 20)):
        visit("out", "Đoàn Huế thăm tỉnh Salavan", salavan, "LA", d(2025, 6, 16))
        salavan_agreement = svc.create(
            "agreement",
            {
                "title": "Kế hoạch hợp tác năm 2025–2027 với tỉnh Salavan",
                "agreement_type": "cooperation",
                "counterpart_id": salavan,
                "country_code": "LA",
                "signing_level": "city_agency",
                "signed_on": d(2025, 6, 15),
                "status": "signed",
            },
        )
        svc.create(
            "event",
            {
                "title": "Festival Huế 2025",
                "event_type": "festival",
                "start_date": d(2025, 6, 6),
                "end_date": d(2025, 6, 11),
                "foreign_participants": 1250,
                "partner_countries": "JP LA KR",
                "status": "held",
            },
        )
    with on(d(2025, 8, 1)):
        chan_may = svc.create(
            "fdi_project",
            {
                "name": "Nhà máy linh kiện điện tử Chân Mây",
                "country_code": "JP",
                "sector": "manufacturing",
                "registered_capital": "39270000",
                "currency": "USD",
                "licence_date": d(2025, 8, 1),
                "status": "licensed",
            },
        )
    with on(d(2025, 9, 20)):
        tx(svc, koica_clinic["id"], "disbursement", d(2025, 9, 20), "100000", "USD", "25300")
        visit("out", "Đoàn Huế thăm tỉnh Champasak", champasak, "LA", d(2025, 9, 15))
        workshop = svc.create(
            "event",
            {
                "title": "Hội thảo du lịch Huế – Gyeongju",
                "event_type": "workshop",
                "start_date": d(2025, 10, 2),
                "foreign_participants": 80,
                "status": "planned",
            },
        )
    with on(d(2025, 10, 1)):
        svc.update(
            "fdi_project",
            fdi_short["id"],
            {"status": "terminated", "terminated_on": d(2025, 10, 1)},
        )
        svc.update("event", workshop["id"], {"status": "cancelled"})
        visit("in", "Đoàn huyện Wando", wando, "KR", d(2025, 10, 20), "planned")
    with on(d(2025, 10, 15)):
        wando_visit = svc.find_id("delegation", ref="ĐV-2025-0002")
        svc.update("delegation", wando_visit, {"status": "cancelled"})
    with on(d(2025, 11, 10)):
        visit("in", "Đoàn Tổ chức Tầm nhìn Thế giới", wv, "US", d(2025, 11, 5))
        open_case = case(svc, "labour_dispute", "KR", d(2025, 11, 10), "in_progress")
        cancelled = case(svc, "visa_invitation", "US", d(2025, 11, 12), "open")
        svc.update("consular_case", cancelled, {"status": "cancelled"})
    return Known(
        gifu=gifu,
        salavan=salavan,
        champasak=champasak,
        wando=wando,
        koica=koica,
        world_vision=wv,
        salavan_pair=salavan_pair,
        salavan_agreement=int(salavan_agreement["id"]),
        chan_may=int(chan_may["id"]),
        koica_clinic=int(koica_clinic["id"]),
        open_case=open_case,
        region=region,
    )


def tx(
    svc: RecordService,
    project: int,
    kind: str,
    day: dt.date,
    amount: str,
    currency: str,
    rate: str | None = None,
) -> None:
    svc.create(
        "aid_transaction",
        {
            "project_id": project,
            "tx_type": kind,
            "value_date": day,
            "amount": amount,
            "currency": currency,
            "rate_to_vnd": rate,
        },
    )


def case(svc: RecordService, case_type: str, country: str, opened: dt.date, status: str) -> int:
    row = svc.create(
        "consular_case",
        {
            "case_type": case_type,
            "title": f"Vụ việc {case_type} {opened:%d/%m/%Y}",
            "country_code": country,
            "opened_on": opened,
            "status": status,
            "information_source": "family",
        },
    )
    return int(row["id"])


def change_after_the_year(db: Database, known: Known) -> None:
    """What happens in 2026 to records the 2025 review counts."""
    svc = RecordService(db, "kiemthu")
    with on(dt.date(2026, 2, 10)):
        svc.update("partnership", known.salavan_pair, {"status": "ended"})
    with on(dt.date(2026, 3, 5)):
        svc.update(
            "agreement",
            known.salavan_agreement,
            {"status": "terminated", "terminated_on": dt.date(2026, 3, 1)},
        )
        svc.update(
            "fdi_project", known.chan_may, {"status": "terminated", "terminated_on": "01/03/2026"}
        )
        tx(svc, known.koica_clinic, "disbursement", dt.date(2026, 1, 20), "200000", "USD", "25500")
        svc.update(
            "consular_case", known.open_case, {"status": "resolved", "closed_on": "02/03/2026"}
        )


# figure key -> (value, previous) of the areas, for 2025 (2024 beside it)
EXPECTED_2025: dict[str, dict[str, tuple[int, int]]] = {
    "delegations": {"inbound": (2, 1), "outbound": (2, 0), "total": (4, 1)},
    "partnerships": {
        "pairs": (3, 2),
        "county_pairs": (1, 1),
        "in_force": (4, 3),
        "new": (1, 0),
        "ended": (0, 0),
    },
    "agreements": {"signed": (2, 0), "in_force": (3, 1)},
    "fdi": {
        "new_projects": (1, 1),
        "new_capital": (3_927_000_000, 1_200_000_000),
        "projects_in_force": (2, 1),
        "capital_in_force": (5_127_000_000, 1_200_000_000),
    },
    "aid": {
        "projects": (1, 1),
        "mobilised": (12_500_000_000, 3_000_000_000),
        "disbursed": (8_550_000_000, 500_000_000),
    },
    "consular": {"opened": (2, 1), "closed": (2, 0), "open_at_end": (1, 1)},
    "events": {"held": (1, 1), "participants": (1250, 200)},
}
