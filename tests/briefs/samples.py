"""Realistic records for brief tests, created through ``RecordService`` like a user would."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from huedesk.records import RecordService
from huedesk.records.service import create_in


@dataclass(frozen=True)
class Visit:
    delegation_id: int
    ref: str
    partner_id: int


def gifu_visit(svc: RecordService, *, programme_items: int = 6) -> Visit:
    """The Gifu prefecture delegation of March 2025, with history, members and programme."""
    gifu = svc.create(
        "organisation",
        {
            "name": "Tỉnh Gifu",
            "name_en": "Gifu Prefecture",
            "org_type": "partner_locality",
            "country_code": "JP",
            "address": "2-1-1 Yabuta-minami, thành phố Gifu, Nhật Bản",
            "website": "https://www.pref.gifu.lg.jp",
        },
    )
    svc.create(
        "partnership",
        {
            "partner_id": gifu["id"],
            "country_code": "JP",
            "level": "province",
            "relation_type": "friendship",
            "since": dt.date(2018, 10, 4),
            "status": "established",
            "hue_side": "UBND thành phố Huế",
        },
    )
    svc.create(
        "agreement",
        {
            "title": "Biên bản ghi nhớ hợp tác giữa UBND tỉnh Thừa Thiên Huế và tỉnh Gifu",
            "agreement_type": "mou",
            "counterpart_id": gifu["id"],
            "country_code": "JP",
            "signing_level": "city_committee",
            "signed_on": dt.date(2018, 10, 4),
            "expires_on": dt.date(2028, 10, 3),
            "status": "in_force",
            "fields": "Du lịch, giáo dục, nông nghiệp công nghệ cao",
        },
    )
    earlier = svc.create(
        "delegation",
        {
            "direction": "out",
            "title": "Đoàn công tác của thành phố Huế thăm tỉnh Gifu",
            "partner_id": gifu["id"],
            "country_code": "JP",
            "start_date": dt.date(2024, 6, 10),
            "end_date": dt.date(2024, 6, 14),
            "status": "reported",
            "outcomes": "Thống nhất đào tạo 120 điều dưỡng viên của Huế tại Gifu.",
        },
    )
    svc.create(
        "follow_up_task",
        {
            "title": "Gửi danh sách điều dưỡng viên đợt 2 cho tỉnh Gifu",
            "due_date": dt.date(2025, 3, 1),
            "status": "in_progress",
            "assignee": "Trần Thị Minh Thư",
            "source_kind": "delegation",
            "source_uuid": earlier["uuid"],
        },
    )
    svc.create(
        "gift",
        {
            "delegation_id": earlier["id"],
            "direction": "given",
            "description": "Tranh sơn mài Kinh thành Huế",
            "giver": "Chủ tịch UBND thành phố Huế",
            "recipient": "Thống đốc tỉnh Gifu",
        },
    )
    visit = svc.create(
        "delegation",
        {
            "direction": "in",
            "title": "Đoàn đại biểu tỉnh Gifu (Nhật Bản) thăm và làm việc tại thành phố Huế",
            "partner_id": gifu["id"],
            "country_code": "JP",
            "purpose": "Trao đổi kết quả hợp tác giai đoạn 2018–2024; thúc đẩy hợp tác du lịch, "
            "đào tạo nhân lực điều dưỡng và nông nghiệp công nghệ cao.",
            "start_date": dt.date(2025, 3, 12),
            "end_date": dt.date(2025, 3, 15),
            "status": "approved",
            "hosts": "Phó Chủ tịch UBND thành phố Nguyễn Thanh Bình",
            "talking_points": "- Cảm ơn tỉnh Gifu đã hỗ trợ đào tạo 120 điều dưỡng viên.\n"
            "- Đề xuất mở đường bay thuê chuyến Nagoya – Phú Bài.\n"
            "- Mời tỉnh Gifu tham dự Festival Huế 2026.",
        },
    )
    person = svc.create(
        "person",
        {
            "full_name": "Furuta Hajime",
            "position": "Thống đốc tỉnh Gifu",
            "nationality": "JP",
            "organisation_id": gifu["id"],
        },
    )
    svc.create(
        "delegation_member",
        {
            "delegation_id": visit["id"],
            "person_id": person["id"],
            "title": "Trưởng đoàn",
            "form_of_address": "Ngài Thống đốc",
            "precedence": 1,
            "is_head": True,
            "language": "Tiếng Nhật",
            "dietary_needs": "Không ăn hải sản có vỏ",
        },
    )
    svc.create(
        "gift",
        {
            "delegation_id": visit["id"],
            "direction": "given",
            "description": "Bộ ấm chén gốm Phước Tích",
            "giver": "Phó Chủ tịch UBND thành phố Nguyễn Thanh Bình",
            "recipient": "Thống đốc Furuta Hajime",
        },
    )
    interpreter = svc.create(
        "person", {"full_name": "Nguyễn Thị Hương", "position": "Phiên dịch", "nationality": "VN"}
    )
    svc.create(
        "delegation_member",
        {
            "delegation_id": visit["id"],
            "person_id": interpreter["id"],
            "title": "Phiên dịch",
            "form_of_address": "Bà",
            "precedence": 9,
            "language": "Tiếng Việt, tiếng Nhật",
        },
    )
    add_programme(svc, visit["id"], programme_items)
    return Visit(visit["id"], visit["ref"], gifu["id"])


_PLACES = (
    "Trụ sở UBND thành phố Huế, 16 Lê Lợi",
    "Đại Nội Huế",
    "Bệnh viện Trung ương Huế",
    "Phường Thuận Hóa",
    "Khu kinh tế Chân Mây – Lăng Cô",
)
_ACTIVITIES = (
    "Hội kiến Chủ tịch UBND thành phố; trao đổi về kết quả hợp tác và phương hướng giai đoạn mới",
    "Tham quan Hoàng thành Huế và Bảo tàng Cổ vật Cung đình",
    "Làm việc với Bệnh viện Trung ương Huế về đào tạo điều dưỡng",
    "Thăm mô hình nông nghiệp công nghệ cao",
    "Chiêu đãi thân mật",
)


def add_programme(svc: RecordService, delegation_id: int, n: int, *, per_day: int = 4) -> None:
    """``n`` programme items, ``per_day`` a day from 12/03/2025 08:00, created in one transaction.

    ``create_in`` is the record service's own create, run inside one unit of
    work so that 200 items take a fraction of a second.
    """
    day0 = dt.datetime(2025, 3, 12, 7 if per_day > 6 else 8, 0)
    step = dt.timedelta(minutes=min(120, 12 * 60 // per_day))
    with svc.db.write() as session:
        for i in range(n):
            start = day0 + dt.timedelta(days=i // per_day) + step * (i % per_day)
            create_in(
                session,
                svc.actor,
                "programme_item",
                {
                    "delegation_id": delegation_id,
                    "starts_at": start,
                    "ends_at": start
                    + min(step - dt.timedelta(minutes=10), dt.timedelta(minutes=90)),
                    "place": _PLACES[i % len(_PLACES)],
                    "activity": f"{_ACTIVITIES[i % len(_ACTIVITIES)]} (mục {i + 1})",
                    "hue_participants": "Lãnh đạo Sở Ngoại vụ, Sở Du lịch",
                    "responsible_office": "Sở Ngoại vụ",
                },
            )


@dataclass(frozen=True)
class Case:
    case_id: int
    ref: str
    passport: str


def stranded_worker_case(svc: RecordService) -> Case:
    """A citizen-protection case: a worker from Huế in a labour dispute in Japan."""
    subject = svc.create(
        "person",
        {
            "full_name": "Nguyễn Thị Hương",
            "gender": "female",
            "date_of_birth": dt.date(1996, 7, 21),
            "nationality": "VN",
            "passport_no": "C7483921",
            "phone": "0905 123 456",
            "email": "huong.nt@example.vn",
            "address": "Phường Thuận Hóa, thành phố Huế",
        },
    )
    mother = svc.create(
        "person",
        {
            "full_name": "Trần Thị Lài",
            "nationality": "VN",
            "phone": "0234 3822 111",
            "address": "Phường Thuận Hóa, thành phố Huế",
        },
    )
    case = svc.create(
        "consular_case",
        {
            "case_type": "labour_dispute",
            "title": "Lao động Nguyễn Thị Hương bị nợ lương tại tỉnh Aichi",
            "country_code": "JP",
            "location": "Thành phố Toyota, tỉnh Aichi, Nhật Bản",
            "facts": "Ngày 02/04/2025 gia đình bà Hương báo tin bà bị công ty tiếp nhận nợ lương "
            "ba tháng và giữ hộ chiếu.\nSở Ngoại vụ đã báo cáo Cục Lãnh sự và đề nghị Tổng "
            "Lãnh sự quán Việt Nam tại Osaka hỗ trợ.",
            "opened_on": dt.date(2025, 4, 2),
            "deadline": dt.date(2025, 5, 15),
            "status": "in_progress",
            "information_source": "family",
            "source_detail": "Bà Trần Thị Lài (mẹ) đến trình báo tại Sở",
        },
    )
    svc.create(
        "case_person",
        {"case_id": case["id"], "person_id": subject["id"], "role": "subject"},
    )
    svc.create(
        "case_person",
        {"case_id": case["id"], "person_id": mother["id"], "role": "relative"},
    )
    svc.create(
        "case_action",
        {
            "case_id": case["id"],
            "taken_at": dt.datetime(2025, 4, 2, 9, 30),
            "action": "Tiếp nhận thông tin từ gia đình, lập hồ sơ vụ việc",
            "officer": "Lê Văn Minh",
            "next_step": "Báo cáo Cục Lãnh sự – Bộ Ngoại giao",
        },
    )
    svc.create(
        "case_action",
        {
            "case_id": case["id"],
            "taken_at": dt.datetime(2025, 4, 3, 14, 0),
            "action": "Gửi công hàm đề nghị Tổng Lãnh sự quán Việt Nam tại Osaka xác minh",
            "officer": "Lê Văn Minh",
        },
    )
    return Case(case["id"], case["ref"], "C7483921")


@dataclass(frozen=True)
class Aid:
    project_id: int
    ref: str
    donor_id: int


def koica_clinic(svc: RecordService) -> Aid:
    """A USD aid project with a commitment and two disbursement tranches."""
    donor = svc.create(
        "organisation",
        {"name": "Quỹ Hy vọng & Tương lai", "org_type": "ngo", "country_code": "KR"},
    )
    project = svc.create(
        "aid_project",
        {
            "title": "Xây dựng trạm y tế phường Thuận Hóa",
            "donor_id": donor["id"],
            "sector": "health",
            "beneficiary": "Trung tâm Y tế thành phố Huế",
            "approval_decision": "1234/QĐ-UBND",
            "approved_on": dt.date(2025, 2, 10),
            "committed_amount": "250000",
            "currency": "USD",
            "status": "in_progress",
        },
    )
    for tx_type, day, amount, rate, tranche, doc in (
        ("commitment", dt.date(2025, 2, 10), "250000", "25400", None, "1234/QĐ-UBND"),
        ("disbursement", dt.date(2025, 3, 20), "100000", "25450", "Đợt 1", "GBC 0315"),
        ("disbursement", dt.date(2025, 9, 5), "80000", "26120.5", "Đợt 2", "GBC 0877"),
    ):
        svc.create(
            "aid_transaction",
            {
                "project_id": project["id"],
                "tx_type": tx_type,
                "value_date": day,
                "amount": amount,
                "currency": "USD",
                "rate_to_vnd": Decimal(rate),
                "tranche": tranche,
                "document_ref": doc,
            },
        )
    return Aid(project["id"], project["ref"], donor["id"])


def add_history(svc: RecordService, partner_id: int, n: int, *, country: str = "JP") -> None:
    """``n`` earlier visits with the partner, both ways, one a month back from 2025, with outcomes."""
    with svc.db.write() as session:
        for i in range(n):
            start = dt.date(2024, 12, 1) - dt.timedelta(days=30 * i)
            outbound = i % 3 == 0
            create_in(
                session,
                svc.actor,
                "delegation",
                {
                    "direction": "out" if outbound else "in",
                    "title": (
                        f"Đoàn công tác thành phố Huế thăm tỉnh Gifu lần {n - i}"
                        if outbound
                        else f"Đoàn tỉnh Gifu thăm và làm việc tại Huế lần {n - i}"
                    ),
                    "partner_id": partner_id,
                    "country_code": country,
                    "start_date": start,
                    "end_date": start + dt.timedelta(days=2),
                    "status": "reported",
                    "outcomes": f"Thống nhất nội dung hợp tác số {n - i}.",
                },
            )


_DONORS = (
    ("Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)", "Korea International Cooperation Agency", "KR"),
    (
        "Tổ chức Cơ quan Hợp tác Quốc tế Nhật Bản (JICA)",
        "Japan International Cooperation Agency",
        "JP",
    ),
    ("Hội Chữ thập đỏ Thụy Sĩ", "Swiss Red Cross", "CH"),
    ("Tổ chức Đông Tây Hội ngộ (EMW)", "East Meets West Foundation", "US"),
)
_SECTORS = ("health", "education", "disaster_relief", "social")


def aid_year(svc: RecordService, *, projects: int = 50, transactions: int = 500) -> None:
    """A busy 2025: ``projects`` projects from four donors with ``transactions`` entries in the year.

    Each project has a commitment at approval and disbursements through the year
    at their own day's rate, so the year's statement has exchange-rate differences.
    """
    currencies = {"KR": ("KRW", "18.05"), "JP": ("JPY", "172.8"), "CH": ("EUR", "28900")}
    with svc.db.write() as session:
        donors = [
            create_in(
                session,
                svc.actor,
                "organisation",
                {"name": vi, "name_en": en, "org_type": "donor", "country_code": cc},
            )
            for vi, en, cc in _DONORS
        ]
        made = 0
        for i in range(projects):
            donor = donors[i % len(donors)]
            cc = _DONORS[i % len(_DONORS)][2]
            currency, base = currencies.get(cc, ("USD", "25950"))
            # 0.6 to 10 billion đồng, in round thousands of the donor's currency
            committed = int((i + 3) * 200_000_000 / Decimal(base) / 1000) * 1000
            p = create_in(
                session,
                svc.actor,
                "aid_project",
                {
                    "title": f"Dự án hỗ trợ số {i + 1} cho các xã miền núi huyện A Lưới",
                    "donor_id": donor["id"],
                    "sector": _SECTORS[i % len(_SECTORS)],
                    "approved_on": dt.date(2025, 1, 1) + dt.timedelta(days=i % 60),
                    "committed_amount": str(committed),
                    "currency": currency,
                    "status": "in_progress",
                },
            )
            entries = transactions // projects + (1 if i < transactions % projects else 0)
            for t in range(entries):
                day = dt.date(2025, 1, 1) + dt.timedelta(days=(i % 60) + t * 25)
                rate = Decimal(base) * (1 + Decimal(t % 5 - 2) / 100)
                create_in(
                    session,
                    svc.actor,
                    "aid_transaction",
                    {
                        "project_id": p["id"],
                        "tx_type": "commitment" if t == 0 else "disbursement",
                        "value_date": day,
                        "amount": str(committed if t == 0 else committed // (2 * entries)),
                        "currency": currency,
                        "rate_to_vnd": rate.quantize(Decimal("0.01")),
                        "tranche": None if t == 0 else f"Đợt {t}",
                        "document_ref": f"GBC {2025}-{made:04d}",
                    },
                )
                made += 1


@dataclass(frozen=True)
class PrintingSet:
    """Every brief kind with typical and extreme data, in one database."""

    typical: Visit
    long: Visit  # 60 programme items over 5 days
    busy: Visit  # a partner with 200 earlier visits
    case: Case
    aid: Aid  # and a year (2025) of 500 aid transactions


def printing_set(svc: RecordService) -> PrintingSet:
    """The records the layout tests, the sample PNGs and the benchmark print.

    A deputy signs for the director ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC") so the
    signature block shows its authority line and the signer's name.
    """
    from huedesk import document_settings  # the settings service, only for these samples
    from huedesk.db.enums import SignAuthority

    document_settings.save(
        svc.db,
        svc.actor,
        {
            **document_settings.DEFAULTS.__dict__,
            "authority": SignAuthority.KT.value,
            "signer_title": "Phó Giám đốc",
            "signer_title_en": "Deputy Director",
            "signer_name": "Nguyễn Văn Phương",
        },
    )
    typical = gifu_visit(svc, programme_items=10)
    long = gifu_visit(svc, programme_items=0)
    add_programme(svc, long.delegation_id, 60, per_day=12)
    busy = gifu_visit(svc, programme_items=10)
    add_history(svc, busy.partner_id, 200)
    case = stranded_worker_case(svc)
    aid = koica_clinic(svc)
    aid_year(svc, projects=50, transactions=500)
    return PrintingSet(typical, long, busy, case, aid)
