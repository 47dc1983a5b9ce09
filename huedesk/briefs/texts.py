"""Fixed wording of the briefs in Vietnamese and English, and dates as each language writes them.

Field labels come from the models (``FieldSpec.label``) and enum labels from
``LabelledEnum.label``; this table holds only what no model knows: headings,
the administrative frame and short phrases. An English brief takes every word
from here, the models' English labels, English country and organisation names
and ``glossary`` (offices, roles, languages as typed in Vietnamese).
"""

from __future__ import annotations

import datetime as dt

from huedesk import formatting
from huedesk.formatting import format_date, place_date_line
from huedesk.records.kinds import KINDS

# Document types of Decree 30/2020/NĐ-CP (Appendix III) with their abbreviations.
DOC_TYPES = {
    "NQ": ("NGHỊ QUYẾT", "RESOLUTION"),
    "QĐ": ("QUYẾT ĐỊNH", "DECISION"),
    "CT": ("CHỈ THỊ", "DIRECTIVE"),
    "QC": ("QUY CHẾ", "REGULATION"),
    "QYĐ": ("QUY ĐỊNH", "RULES"),
    "TC": ("THÔNG CÁO", "COMMUNIQUÉ"),
    "TB": ("THÔNG BÁO", "NOTICE"),
    "HD": ("HƯỚNG DẪN", "GUIDANCE"),
    "CTr": ("CHƯƠNG TRÌNH", "PROGRAMME"),
    "KH": ("KẾ HOẠCH", "PLAN"),
    "PA": ("PHƯƠNG ÁN", "SCHEME"),
    "ĐA": ("ĐỀ ÁN", "PROPOSAL"),
    "DA": ("DỰ ÁN", "PROJECT"),
    "BC": ("BÁO CÁO", "REPORT"),
    "BB": ("BIÊN BẢN", "MINUTES"),
    "TTr": ("TỜ TRÌNH", "SUBMISSION"),
    "HĐ": ("HỢP ĐỒNG", "CONTRACT"),
    "CĐ": ("CÔNG ĐIỆN", "OFFICIAL TELEGRAM"),
    "GN": ("BẢN GHI NHỚ", "MEMORANDUM"),
    "TTh": ("BẢN THỎA THUẬN", "AGREEMENT"),
    "GUQ": ("GIẤY ỦY QUYỀN", "AUTHORISATION"),
    "GM": ("GIẤY MỜI", "INVITATION"),
    "GGT": ("GIẤY GIỚI THIỆU", "LETTER OF INTRODUCTION"),
    "PG": ("PHIẾU GỬI", "DISPATCH NOTE"),
    "PC": ("PHIẾU CHUYỂN", "TRANSFER NOTE"),
    "PB": ("PHIẾU BÁO", "NOTIFICATION SLIP"),
}

TEXTS: dict[str, tuple[str, str]] = {
    # Administrative frame (Decree 30/2020/NĐ-CP).
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
    "file_copy": ("Lưu: VT, {unit}", "File: Records Office, {unit}"),
    "to_leaders": (
        "Chủ tịch, các Phó Chủ tịch UBND thành phố (để báo cáo)",
        "Chairman and Vice Chairmen of the City People's Committee (for information)",
    ),
    "to_city_office": ("Văn phòng UBND thành phố", "Office of the City People's Committee"),
    "to_directors": ("Giám đốc, các Phó Giám đốc Sở", "Director and Deputy Directors"),
    "to_mofa_consular": (
        "Cục Lãnh sự - Bộ Ngoại giao (để báo cáo)",
        "Consular Department, Ministry of Foreign Affairs (for information)",
    ),
    "to_mofa": (
        "Bộ Ngoại giao (để báo cáo)",
        "Ministry of Foreign Affairs (for information)",
    ),
    "to_party_council": (
        "Thường trực Thành ủy, Thường trực HĐND thành phố (để báo cáo)",
        "Standing Committees of the City Party Committee and People's Council (for information)",
    ),
    "to_finance": ("Sở Tài chính", "Department of Finance"),
    "typed_vi_note": (
        "",
        "Text recorded only in Vietnamese (such as purposes, programme activities, places, "
        "outcomes and gifts) is printed as typed, without translation.",
    ),
    "type_CV": ("CÔNG VĂN", "LETTER"),
    "regarding": ("V/v", "Re:"),
    "to": ("Kính gửi:", "To:"),
    "as_above": ("Như trên", "As above"),
    "closing_CV": (
        "{agency} kính gửi {to} để theo dõi, chỉ đạo./.",
        "The {agency} sends this to the {to} for information and direction.",
    ),
    "closing_TTr": (
        "{agency} kính trình {to} xem xét, quyết định./.",
        "The {agency} submits this to the {to} for consideration and decision.",
    ),
    "record": ("Hồ sơ", "Record"),
    "appendix": ("PHỤ LỤC", "APPENDIX"),
    "appendix_of": (
        "(Kèm theo {type} số {number} ngày {date} của {agency})",
        "(Attached to {type} No. {number} of {date}, {agency})",
    ),
    "continued": ("(tiếp theo)", "(continued)"),
    "none": ("(Chưa có thông tin)", "(No information)"),
    "no": ("STT", "No."),
    "yes": ("Có", "Yes"),
    "from_to": ("từ {start} đến {end}", "from {start} to {end}"),
    "on_day": ("ngày {day}", "on {day}"),
    "days": ("{n} ngày", "{n} days"),
    "one_day": ("1 ngày", "1 day"),
    "redacted": ("[đã ẩn]", "[withheld]"),
    "redacted_note": (
        "Bản này đã che số hộ chiếu, ngày sinh và thông tin liên hệ của những người liên quan.",
        "In this copy passport numbers, dates of birth and contact details are withheld.",
    ),
    "total": ("Tổng cộng", "Total"),
    "overdue": ("quá hạn {days} ngày", "{days} days overdue"),
    "due": ("hạn {date}", "due {date}"),
    "and_more": ("và {n} mục khác (xem phụ lục)", "and {n} more (see the appendix)"),
    "and_more_plain": ("và {n} mục khác", "and {n} more"),
    # Document types used by the briefs.
    **{f"type_{code}": names for code, names in DOC_TYPES.items()},
    # Delegation brief.
    "del_subject_in": (
        "Thông tin phục vụ Lãnh đạo thành phố tiếp {who}",
        "Briefing for the City leaders receiving {who}",
    ),
    "del_subject_out": (
        "Thông tin phục vụ Đoàn công tác của thành phố đi {where}",
        "Briefing for the Huế City delegation to {where}",
    ),
    "del_who_partner": ("Đoàn {partner} ({country})", "the delegation of {partner} ({country})"),
    "del_who_country": ("đoàn khách {country}", "the delegation from {country}"),
    "del_where": ("{partner} ({country})", "{partner} ({country})"),
    "del_summary": ("Tóm tắt", "Summary"),
    "del_name_in": ("Đoàn {partner} ({country})", "Delegation of {partner} ({country})"),
    "del_name_out": (
        "Đoàn công tác của thành phố Huế đi {partner} ({country})",
        "Huế City delegation to {partner} ({country})",
    ),
    "del_name_in_country": ("Đoàn khách {country}", "Delegation from {country}"),
    "del_name_out_country": (
        "Đoàn công tác của thành phố Huế đi {country}",
        "Huế City delegation to {country}",
    ),
    "del_delegation": ("Đoàn", "Delegation"),
    "del_head": ("Trưởng đoàn", "Head of delegation"),
    "del_members_count": ("{n} thành viên", "{n} members"),
    "del_when": ("Thời gian", "Dates"),
    "del_record_says": ("hồ sơ ghi {span}", "the record says {span}"),
    "del_why": ("Mục đích", "Purpose"),
    "del_hosts_in": ("Lãnh đạo thành phố tiếp", "Received by"),
    "del_hosts_out": ("Phía bạn tiếp", "Hosted by"),
    "del_leads_out": ("Trưởng đoàn", "Led by"),
    "del_partner": ("Đối tác", "Partner"),
    "del_relation": (
        "{relation} từ {since} ({status})",
        "{relation} since {since} ({status})",
    ),
    "del_exchanges": (
        "{n} lần trao đổi đoàn trước đây ({inbound} đoàn vào, {outbound} đoàn ra)",
        "{n} earlier exchanges ({inbound} inbound, {outbound} outbound)",
    ),
    "del_exchanges_one": (
        "{n} lần trao đổi đoàn trước đây ({inbound} đoàn vào, {outbound} đoàn ra)",
        "{n} earlier exchange ({inbound} inbound, {outbound} outbound)",
    ),
    "del_no_exchanges": ("Chưa có đoàn trao đổi trước đây", "No earlier exchanges"),
    "del_country_only": (
        "Đoàn không gắn với một đối tác cụ thể; quan hệ dưới đây là với {country}.",
        "The delegation has no single partner; relations below are with {country}.",
    ),
    "del_relations": ("Tình hình quan hệ", "State of relations"),
    "del_in_force": ("Thỏa thuận đang hiệu lực", "Agreements in force"),
    "del_no_agreements": ("Chưa có thỏa thuận đang hiệu lực", "No agreement in force"),
    "del_agreement_line": (
        "{title} (ký {signed}; hết hạn {expires})",
        "{title} (signed {signed}; expires {expires})",
    ),
    "del_agreement_open": ("{title} (ký {signed})", "{title} (signed {signed})"),
    "del_recent": ("Các lần trao đổi gần nhất", "Latest exchanges"),
    "del_recent_line": ("{when}, {direction}: {title}", "{when}, {direction}: {title}"),
    "del_outcome": ("Kết quả: {text}", "Outcome: {text}"),
    "del_follow": ("Cam kết, việc cần theo dõi", "Open commitments and follow-up"),
    "del_nothing_open": ("Không có việc tồn đọng", "Nothing outstanding"),
    "del_task_line": ("{title} — {who}, {due}", "{title} — {who}, {due}"),
    "del_aid_line": (
        "Viện trợ {title}: đã giải ngân {share} ({paid} / {committed})",
        "Aid, {title}: {share} disbursed ({paid} of {committed})",
    ),
    "del_talking": ("Đề xuất nội dung trao đổi", "Suggested talking points"),
    "del_members": ("Thành phần đoàn", "Members of the delegation"),
    "del_members_out": ("Thành phần đoàn công tác", "Members of the Huế delegation"),
    "del_member": ("Họ và tên, chức vụ", "Name and position"),
    "del_role": ("Vai trò trong đoàn", "Role"),
    "del_address": ("Xưng hô", "Form of address"),
    "del_language": ("Ngôn ngữ", "Language"),
    "del_diet": ("Ăn uống", "Dietary needs"),
    "del_programme": ("Chương trình làm việc", "Working programme"),
    "del_time_col": ("Thời gian", "Time"),
    "del_gifts_planned": ("Quà tặng dự kiến", "Gifts planned"),
    "del_gifts_now": ("Quà tặng trong chuyến thăm", "Gifts on this visit"),
    "del_given_before": (
        "Quà đã tặng đối tác các lần trước: {list}.",
        "Given to the partner on earlier visits: {list}.",
    ),
    "del_gift_from": ("Người tặng", "Given by"),
    "del_gift_to": ("Người nhận", "Received by"),
    "del_results": ("Kết quả và công việc tiếp theo", "Outcomes and follow-up"),
    "del_tasks": ("Công việc triển khai", "Follow-up actions"),
    "del_history": ("Quá trình hợp tác với {partner}", "History of cooperation with {partner}"),
    "del_partnerships": ("Quan hệ hữu nghị, hợp tác", "Friendship and cooperation relations"),
    "del_visits": ("Các đoàn đã trao đổi", "Earlier visits both ways"),
    "del_agreements": ("Thỏa thuận đã ký kết và tình trạng", "Agreements and their status"),
    "del_aid_fdi": ("Viện trợ và đầu tư liên quan", "Aid and investment from the partner"),
    "del_gifts_before": ("Quà tặng các lần trước", "Gifts exchanged on earlier visits"),
    "del_aid": ("Dự án viện trợ", "Aid projects"),
    "del_fdi": ("Dự án đầu tư trực tiếp nước ngoài", "FDI projects"),
    "del_disbursed": ("Đã giải ngân (đồng)", "Disbursed (VND)"),
    "del_visit_when": ("Thời gian", "Dates"),
    "del_full_note": (
        "Toàn bộ quá trình hợp tác ({visits} đoàn, {agreements} thỏa thuận) có trong bản đầy đủ.",
        "The full history ({visits} visits, {agreements} agreements) is in the full version.",
    ),
    "del_notes": ("Ghi chú", "Notes"),
    "del_itinerary": ("Lịch trình", "Itinerary"),
    "del_budget": ("Kinh phí, quyết định cử đoàn", "Budget and travel approval"),
    # Suggested talking points made from the records.
    "tp_renew": (
        "Thỏa thuận \u201c{title}\u201d hết hạn ngày {date}: trao đổi việc gia hạn",
        "The agreement \u201c{title}\u201d expires on {date}: discuss its renewal",
    ),
    "tp_task": (
        "Thông tin tiến độ: {title} (hạn {date})",
        "Progress on: {title} (due {date})",
    ),
    "tp_last": (
        "Nhắc lại kết quả lần làm việc {date}: {outcome}",
        "Recall the outcome of the meeting of {date}: {outcome}",
    ),
    "tp_aid": (
        "Đề nghị đẩy nhanh giải ngân dự án \u201c{title}\u201d (đã giải ngân {share})",
        "Ask to speed up disbursement of \u201c{title}\u201d ({share} disbursed)",
    ),
    "tp_anniversary": (
        "Kỷ niệm {years} năm thiết lập quan hệ ({since}): đề xuất hoạt động kỷ niệm",
        "{years} years of relations ({since}): propose an anniversary event",
    ),
    "tp_purpose": ("Trao đổi về mục đích chuyến thăm: {purpose}", "Discuss the purpose: {purpose}"),
    "tp_thanks": (
        "Cảm ơn {partner} đã quan tâm, hợp tác với thành phố Huế",
        "Thank {partner} for its interest in and cooperation with Huế",
    ),
    "tp_next": (
        "Đề xuất các nội dung hợp tác cụ thể cho năm {year}",
        "Propose concrete cooperation activities for {year}",
    ),
    # Consular case summary.
    "case_subject": ("Tóm tắt vụ việc lãnh sự: {title}", "Consular case: {title}"),
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
    "aid_subject_project": (
        "Tình hình cam kết và giải ngân viện trợ: {title}",
        "Aid commitments and disbursements: {title}",
    ),
    "aid_subject_donor": (
        "Tình hình cam kết và giải ngân viện trợ của {name}",
        "Aid commitments and disbursements: {name}",
    ),
    "aid_subject_year": (
        "Tình hình cam kết và giải ngân viện trợ năm {year}",
        "Aid commitments and disbursements in {year}",
    ),
    "aid_general": ("Thông tin chung", "General information"),
    "aid_summary": ("Tổng hợp cam kết và giải ngân", "Commitments against disbursements"),
    "aid_by_donor": ("Theo nhà tài trợ", "By donor"),
    "aid_by_sector": ("Theo lĩnh vực", "By sector"),
    "aid_detail": (
        "Chi tiết các đợt cam kết, giải ngân",
        "Tranches: commitments and disbursements",
    ),
    "aid_detail_title": ("Chi tiết giao dịch viện trợ năm {year}", "Aid transactions in {year}"),
    "aid_detail_note": (
        "Chi tiết {n} giao dịch trong năm có trong phụ lục khi in kèm chi tiết.",
        "The {n} transactions of the year are listed when the statement is printed with detail.",
    ),
    "aid_project": ("Dự án, khoản viện trợ", "Project"),
    "aid_projects_head": ("Dự án, khoản viện trợ", "Projects"),
    "aid_donor": ("Nhà tài trợ", "Donor"),
    "aid_sector": ("Lĩnh vực", "Sector"),
    "aid_count": ("Số dự án", "Projects"),
    "aid_committed": ("Cam kết", "Committed"),
    "aid_disbursed": ("Đã giải ngân", "Disbursed"),
    "aid_disbursed_before": ("Giải ngân các năm trước", "Disbursed in earlier years"),
    "aid_disbursed_year": ("Giải ngân trong năm", "Disbursed in the year"),
    "aid_outstanding": ("Chưa giải ngân", "Not yet disbursed"),
    "aid_fx": ("Chênh lệch tỷ giá", "Exchange-rate difference"),
    "aid_other": ("Chênh lệch khác", "Other difference"),
    "aid_in_vnd": ("{what} (đồng)", "{what} (VND)"),
    "aid_fx_note": (
        "Chênh lệch tỷ giá là phần chênh giữa giá trị quy đổi lúc cam kết và lúc giải ngân; "
        "không phải số tiền còn phải giải ngân.",
        "The exchange-rate difference is between the value converted when committed and when "
        "disbursed; it is not money still to be paid.",
    ),
    "aid_rate_pct": ("Tỷ lệ giải ngân", "Share disbursed"),
    "aid_amount": ("Số tiền nguyên tệ", "Amount (original currency)"),
    "aid_total_paid": ("Tổng giải ngân", "Total disbursed"),
    "aid_total_committed": ("Tổng cam kết", "Total committed"),
    "aid_total_pledged": ("Tổng cam kết sơ bộ", "Total pledged"),
    "aid_adds_up": (
        "Mỗi dòng: {formula}; số liệu ghi đủ đến đồng, không làm tròn, nên các dòng và các cột "
        "cộng khớp.",
        "Each row: {formula}; amounts are in whole đồng, not rounded, so rows and columns add "
        "up exactly.",
    ),
    "aid_other_mixed": (
        "Chênh lệch khác của {refs}: giải ngân bằng loại tiền khác loại tiền cam kết, chưa tách "
        "được chênh lệch tỷ giá và số chưa giải ngân.",
        "Other difference of {refs}: disbursed in another currency than committed, so the rate "
        "difference and what is left cannot be told apart.",
    ),
    "aid_other_over": (
        "Chênh lệch khác của {refs}: số đã giải ngân vượt giá trị cam kết.",
        "Other difference of {refs}: more was disbursed than committed.",
    ),
    "aid_other_no_rate": (
        "Chênh lệch khác của {refs}: cam kết bằng ngoại tệ chưa có tỷ giá nên chưa quy đổi "
        "được; số đã giải ngân được ghi ở cột giải ngân.",
        "Other difference of {refs}: a foreign-currency commitment with no rate yet cannot be "
        "valued in đồng; what was disbursed is in the disbursement columns.",
    ),
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
        "số liệu tính đến ngày {end}.",
        "Projects approved in {year} and projects with transactions in that year; figures as "
        "of {end}.",
    ),
    "aid_donor_country": ("Quốc gia", "Country"),
    "aid_donor_type": ("Loại tổ chức", "Organisation type"),
    "aid_totals": (
        "Tổng giá trị cam kết {committed}; đã giải ngân {disbursed}; chưa giải ngân {outstanding}.",
        "Total committed {committed}; disbursed {disbursed}; not yet disbursed {outstanding}.",
    ),
    "aid_totals_fx": (
        "Chênh lệch tỷ giá {fx} (không phải số tiền còn phải giải ngân).",
        "Exchange-rate difference {fx} (not money still to be paid).",
    ),
    "aid_totals_year": ("Giải ngân trong năm {year}: {amount}.", "Disbursed in {year}: {amount}."),
    # Yearly review.
    "year_subject": (
        "Tổng kết công tác đối ngoại năm {year}",
        "Review of foreign affairs work in {year}",
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
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def tr(key: str, lang: str, **fields: object) -> str:
    """The wording for ``key`` in ``lang`` with ``{fields}`` filled in."""
    vi, en = TEXTS[key]
    text = en if lang == "en" else vi
    return text.format(**fields) if fields else text


def brief_date(day: dt.date | None, lang: str) -> str:
    """The one way a brief writes a date, in tables and in text: ``30/11/2026`` in Vietnamese
    (as officials write it), ``30 Nov 2026`` in English (never read as 11 Feb); empty for None."""
    if day is None:
        return ""
    if lang == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return format_date(day)


def brief_month(day: dt.date, lang: str) -> str:
    """``06/2024`` / ``Jun 2024``: a month in a brief."""
    return f"{_MONTHS_EN[day.month - 1]} {day.year}" if lang == "en" else f"{day:%m/%Y}"


def brief_datetime(moment: dt.datetime | None, lang: str) -> str:
    """``30/11/2026 14:30`` / ``30 Nov 2026 14:30``."""
    if moment is None:
        return ""
    return f"{brief_date(moment.date(), lang)} {moment:%H:%M}"


def written_date(day: dt.date, lang: str) -> str:
    """``05 tháng 3 năm 2025`` (Decree 30's words) / ``5 Mar 2025``: a date in the frame's lines."""
    return brief_date(day, lang) if lang == "en" else formatting.written_date(day)


def date_line(day: dt.date, lang: str, place: str = "Huế") -> str:
    """``Huế, ngày 05 tháng 3 năm 2026`` (Decree 30's padding) / ``Huế, 5 March 2026``."""
    if lang == "en":
        return f"{place}, {brief_date(day, lang)}"
    return place_date_line(day, place)


def day_heading(day: dt.date, lang: str) -> str:
    """``Thứ Năm, ngày 13/03/2025`` / ``Thursday, 13 Mar 2025`` for programme day rows."""
    if lang == "en":
        return f"{_WEEKDAYS_EN[day.weekday()]}, {brief_date(day, lang)}"
    return f"{_WEEKDAYS_VI[day.weekday()]}, ngày {day:%d/%m/%Y}"


def field_label(kind: str, field: str, lang: str) -> str:
    """A model field's label (the same words the forms use)."""
    return KINDS[kind].fields[field].label(lang)


def period(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    """``từ 12/03/2025 đến 15/03/2025`` / ``12–15 Mar 2025``, one day, or empty."""
    if start is None:
        return ""
    if end is None or end == start:
        return tr("on_day", lang, day=brief_date(start, lang))
    if lang == "en":
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{brief_date(end, lang)}"
        if start.year == end.year:
            return f"{start.day} {_MONTHS_EN[start.month - 1]} – {brief_date(end, lang)}"
        return f"{brief_date(start, lang)} – {brief_date(end, lang)}"
    return tr("from_to", lang, start=format_date(start), end=format_date(end))


def date_span(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    """``10/06/2024 –\n14/06/2024`` / ``10 Jun 2024 –\n14 Jun 2024`` for table cells."""
    if start is None:
        return ""
    if end is None or end == start:
        return brief_date(start, lang)
    return f"{brief_date(start, lang)} –\n{brief_date(end, lang)}"


def days_count(start: dt.date, end: dt.date, lang: str) -> str:
    n = (end - start).days + 1
    return tr("one_day", lang) if n == 1 else tr("days", lang, n=n)
