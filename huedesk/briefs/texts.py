"""Fixed wording of the briefs in Vietnamese and English.

Field labels come from the models (``FieldSpec.label``) and enum labels from
``LabelledEnum.label``; this table holds only what no model knows: headings,
the administrative frame and short phrases.
"""

from __future__ import annotations

import datetime as dt

from huedesk.formatting import format_date, place_date_line
from huedesk.records.kinds import KINDS

TEXTS: dict[str, tuple[str, str]] = {
    # Administrative frame (Decree 30/2020/NĐ-CP).
    "agency_parent": ("UBND THÀNH PHỐ HUẾ", "HUẾ CITY PEOPLE'S COMMITTEE"),
    "agency": ("SỞ NGOẠI VỤ", "DEPARTMENT OF FOREIGN AFFAIRS"),
    "nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "number": ("Số", "No."),
    "secret": ("MẬT", "CONFIDENTIAL"),
    "secret_note": (
        "MẬT — Tài liệu có thông tin cá nhân, không sao chụp, chuyển giao khi chưa được phép",
        "CONFIDENTIAL — contains personal data; do not copy or pass on without authorisation",
    ),
    "page": ("Trang", "Page"),
    "recipients": ("Nơi nhận:", "Recipients:"),
    "recipient_lines": (
        "- Lãnh đạo UBND thành phố (để báo cáo);\n- Lưu: VT.",
        "- Leaders of the City People's Committee (for information);\n- File: records office.",
    ),
    "signer": ("GIÁM ĐỐC", "DIRECTOR"),
    "record": ("Hồ sơ", "Record"),
    "author": ("Sở Ngoại vụ thành phố Huế", "Department of Foreign Affairs of Huế City"),
    "none": ("(Chưa có thông tin)", "(No information)"),
    "no": ("STT", "No."),
    "yes": ("Có", "Yes"),
    "from_to": ("từ {start} đến {end}", "from {start} to {end}"),
    "on_day": ("ngày {day}", "on {day}"),
    "redacted": ("[đã ẩn]", "[withheld]"),
    "redacted_note": (
        "Bản này đã che số hộ chiếu, ngày sinh và thông tin liên hệ của những người liên quan.",
        "In this copy passport numbers, dates of birth and contact details are withheld.",
    ),
    "total": ("Tổng cộng", "Total"),
    # Delegation brief.
    "del_title_in": ("TÀI LIỆU PHỤC VỤ ĐÓN TIẾP ĐOÀN", "BRIEFING BOOK: INBOUND DELEGATION"),
    "del_title_out": ("TÀI LIỆU PHỤC VỤ ĐOÀN CÔNG TÁC", "BRIEFING BOOK: OUTBOUND DELEGATION"),
    "del_general": ("Thông tin chung về đoàn", "The delegation"),
    "del_time": ("Thời gian", "Dates"),
    "del_partner_type": ("Loại đối tác", "Partner type"),
    "del_partner_history": ("Đối tác và quá trình hợp tác với Huế", "Partner and history with Huế"),
    "del_history_by_country": (
        "Đoàn không gắn với một đối tác cụ thể; dưới đây là quan hệ với {country}.",
        "The delegation has no single partner; below are relations with {country}.",
    ),
    "del_partnerships": ("Quan hệ hữu nghị, hợp tác", "Friendship and cooperation relations"),
    "del_visits": ("Các đoàn đã trao đổi", "Earlier visits both ways"),
    "del_agreements": ("Thỏa thuận đã ký kết và tình trạng", "Agreements and their status"),
    "del_aid_fdi": ("Viện trợ và đầu tư liên quan", "Aid and investment from the partner"),
    "del_gifts_before": ("Quà tặng các lần trước", "Gifts exchanged on earlier visits"),
    "del_members": ("Thành phần đoàn", "Members of the delegation"),
    "del_member": ("Họ và tên, chức vụ", "Name and position"),
    "del_head": ("Trưởng đoàn", "Head of delegation"),
    "del_programme": ("Chương trình làm việc", "Working programme"),
    "del_time_col": ("Thời gian", "Time"),
    "del_purpose": ("Mục đích chuyến thăm", "Purpose of the visit"),
    "del_talking": ("Nội dung đề xuất trao đổi", "Proposed talking points"),
    "del_results": ("Kết quả và công việc tiếp theo", "Outcomes and follow-up"),
    "del_gifts_now": ("Quà tặng trong chuyến thăm", "Gifts on this visit"),
    "del_tasks": ("Công việc triển khai", "Follow-up actions"),
    "del_itinerary": ("Lịch trình", "Itinerary"),
    "del_notes": ("Ghi chú", "Notes"),
    "del_visit_when": ("Thời gian", "Dates"),
    "del_gift_between": ("Người tặng → người nhận", "Giver → recipient"),
    "del_aid": ("Dự án viện trợ", "Aid projects"),
    "del_fdi": ("Dự án đầu tư trực tiếp nước ngoài", "FDI projects"),
    "del_disbursed": ("Đã giải ngân (đồng)", "Disbursed (VND)"),
    # Consular case summary.
    "case_title": ("BÁO CÁO TÓM TẮT VỤ VIỆC LÃNH SỰ", "CONSULAR CASE SUMMARY"),
    "case_info": ("Thông tin vụ việc", "The case"),
    "case_facts": ("Diễn biến vụ việc", "Facts"),
    "case_people": ("Người liên quan", "People involved"),
    "case_person": ("Họ và tên, vai trò", "Name and role"),
    "case_identity": ("Ngày sinh, quốc tịch", "Born, nationality"),
    "case_contacts": ("Liên hệ", "Contacts"),
    "case_actions": ("Quá trình xử lý", "Chronology of actions"),
    "case_status": ("Tình trạng và thời hạn", "Status and deadline"),
    "case_overdue": ("Quá hạn {days} ngày", "{days} days overdue"),
    "case_consents": ("Đồng ý chia sẻ thông tin", "Consent to share information"),
    "case_outcome": ("Kết quả giải quyết", "Outcome"),
    "case_source": ("Nguồn thông tin", "Information source"),
    # Aid statement.
    "aid_title": (
        "BÁO CÁO TÌNH HÌNH CAM KẾT VÀ GIẢI NGÂN VIỆN TRỢ",
        "AID STATEMENT: COMMITMENTS AND DISBURSEMENTS",
    ),
    "aid_scope_donor": ("Nhà tài trợ: {name}", "Donor: {name}"),
    "aid_scope_year": ("Năm {year}", "Year {year}"),
    "aid_general": ("Thông tin chung", "General information"),
    "aid_summary": ("Tổng hợp cam kết và giải ngân", "Commitments against disbursements"),
    "aid_detail": (
        "Chi tiết các đợt cam kết, giải ngân",
        "Tranches: commitments and disbursements",
    ),
    "aid_project": ("Dự án, khoản viện trợ", "Project"),
    "aid_committed": ("Cam kết", "Committed"),
    "aid_committed_vnd": ("Cam kết quy đổi (đồng)", "Committed in VND"),
    "aid_disbursed": ("Đã giải ngân", "Disbursed"),
    "aid_disbursed_vnd": ("Đã giải ngân (đồng)", "Disbursed (VND)"),
    "aid_disbursed_year": ("Giải ngân trong năm (đồng)", "Disbursed in year (VND)"),
    "aid_remaining": ("Còn lại", "Remaining"),
    "aid_remaining_vnd": ("Còn lại (đồng)", "Remaining (VND)"),
    "aid_rate_pct": ("Tỷ lệ giải ngân", "Share disbursed"),
    "aid_amount": ("Số tiền nguyên tệ", "Amount (original currency)"),
    "aid_total_paid": ("Tổng giải ngân", "Total disbursed"),
    "aid_rate": ("Tỷ giá", "Rate"),
    "aid_vnd": ("Quy đổi (đồng)", "In VND"),
    "aid_kind": ("Loại, đợt", "Type, tranche"),
    "aid_projects_count": ("Số dự án, khoản viện trợ", "Number of projects"),
    "aid_estimated": (
        "* Giá trị cam kết quy đổi theo tỷ giá của giao dịch gần nhất bằng cùng loại tiền.",
        "* Commitment converted at the rate of the latest transaction in the same currency.",
    ),
    "aid_no_rate": ("chưa có tỷ giá", "no rate yet"),
    "aid_year_scope": (
        "Gồm các dự án được phê duyệt trong năm {year} và các dự án có giao dịch trong năm; "
        "bảng chi tiết chỉ liệt kê giao dịch trong năm.",
        "Projects approved in {year} and projects with transactions in that year; "
        "the detail table lists only that year's transactions.",
    ),
    "aid_donor_country": ("Quốc gia", "Country"),
    "aid_donor_type": ("Loại tổ chức", "Organisation type"),
    # Yearly review.
    "year_title": (
        "BÁO CÁO TỔNG KẾT CÔNG TÁC ĐỐI NGOẠI NĂM {year}",
        "REVIEW OF FOREIGN AFFAIRS WORK IN {year}",
    ),
    "year_subtitle": (
        "Số liệu tổng hợp từ hồ sơ của Sở Ngoại vụ",
        "Figures compiled from the Department's records",
    ),
    "year_ref": ("Năm {year}", "Year {year}"),
    "year_visits": ("Đoàn vào, đoàn ra theo quốc gia", "Delegations in and out by country"),
    "year_visits_sum": (
        "Trong năm đã đón {inbound} đoàn vào và tổ chức {outbound} đoàn ra, với {countries} "
        "quốc gia, vùng lãnh thổ.",
        "In the year {inbound} delegations were received and {outbound} sent abroad, "
        "involving {countries} countries and territories.",
    ),
    "year_country": ("Quốc gia", "Country"),
    "year_in": ("Đoàn vào", "Inbound"),
    "year_out": ("Đoàn ra", "Outbound"),
    "year_sum": ("Cộng", "Total"),
    "year_agreements": ("Thỏa thuận quốc tế được ký kết", "International agreements signed"),
    "year_agreements_sum": (
        "Đã ký kết {n} thỏa thuận quốc tế.",
        "{n} international agreements were signed.",
    ),
    "year_partners": ("Quan hệ đối tác", "Partnerships"),
    "year_partners_sum": (
        "Đến cuối năm, thành phố duy trì {active} quan hệ hữu nghị, hợp tác với địa phương "
        "nước ngoài; thiết lập mới {new} quan hệ trong năm.",
        "At the end of the year the city kept {active} friendship and cooperation relations "
        "with foreign localities; {new} were established during the year.",
    ),
    "year_fdi": ("Thu hút đầu tư trực tiếp nước ngoài", "Foreign direct investment"),
    "year_fdi_sum": (
        "Cấp phép mới {n} dự án FDI, tổng vốn đăng ký {capital}.",
        "{n} new FDI projects were licensed, with {capital} of registered capital.",
    ),
    "year_projects": ("Số dự án", "Projects"),
    "year_aid": ("Vận động viện trợ quốc tế", "International aid mobilised"),
    "year_aid_sum": (
        "Phê duyệt tiếp nhận {n} dự án, khoản viện trợ với tổng giá trị cam kết {committed}; "
        "giải ngân trong năm {disbursed}.",
        "{n} aid projects were approved with {committed} committed; {disbursed} was "
        "disbursed in the year.",
    ),
    "year_cases": ("Công tác lãnh sự, bảo hộ công dân", "Consular work and citizen protection"),
    "year_cases_sum": (
        "Tiếp nhận {n} vụ việc, đã giải quyết {settled} vụ.",
        "{n} cases were opened and {settled} settled.",
    ),
    "year_opened": ("Tiếp nhận", "Opened"),
    "year_settled": ("Đã giải quyết", "Settled"),
    "year_events": ("Sự kiện quốc tế", "International events"),
    "year_events_sum": (
        "Tổ chức, phối hợp tổ chức {n} sự kiện quốc tế với {people} đại biểu nước ngoài.",
        "{n} international events were held with {people} foreign participants.",
    ),
}

_WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def tr(key: str, lang: str, **fields: object) -> str:
    """The wording for ``key`` in ``lang`` with ``{fields}`` filled in."""
    vi, en = TEXTS[key]
    text = en if lang == "en" else vi
    return text.format(**fields) if fields else text


def date_line(day: dt.date, lang: str) -> str:
    """``Huế, ngày 05 tháng 01 năm 2026`` / ``Huế, 5 January 2026``."""
    if lang == "en":
        return f"Huế, {day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return place_date_line(day)


def day_heading(day: dt.date, lang: str) -> str:
    """``Thứ Năm, ngày 13/03/2025`` / ``Thursday, 13/03/2025`` for programme day rows."""
    if lang == "en":
        return f"{_WEEKDAYS_EN[day.weekday()]}, {day:%d/%m/%Y}"
    return f"{_WEEKDAYS_VI[day.weekday()]}, ngày {day:%d/%m/%Y}"


def field_label(kind: str, field: str, lang: str) -> str:
    """A model field's label (the same words the forms use)."""
    return KINDS[kind].fields[field].label(lang)


def period(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    """``từ 12/03/2025 đến 15/03/2025``, ``ngày 12/03/2025``, or empty."""
    if start is None:
        return ""
    if end is None or end == start:
        return tr("on_day", lang, day=format_date(start))
    return tr("from_to", lang, start=format_date(start), end=format_date(end))


def date_span(start: dt.date | None, end: dt.date | None) -> str:
    """``10/06/2024 – 14/06/2024`` for table cells (no words, same in both languages)."""
    if start is None:
        return ""
    if end is None or end == start:
        return format_date(start)
    return f"{format_date(start)} – {format_date(end)}"
