"""The wording of the yearly review in Vietnamese and English, and how it says numbers.

The review speaks as the department's own *báo cáo tổng kết*: each result with
the same figure a year earlier (``compare``), sums in the units the department
writes them in (``53,20 tỷ đồng``, ``39,27 triệu USD``; the tables and the
spreadsheet keep every đồng and cent).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from huedesk.money import format_short, group_digits
from huedesk.stats.model import COUNT, Figure

WORDS: dict[str, tuple[str, str]] = {
    "title": ("BÁO CÁO", "REPORT"),
    "subject": (
        "Tổng kết công tác đối ngoại năm {year} và phương hướng, nhiệm vụ năm {next}",
        "Review of foreign affairs work in {year} and tasks for {next}",
    ),
    "subject_running": (
        "Kết quả công tác đối ngoại năm {year} (tính đến ngày {day})",
        "Foreign affairs work in {year} (as of {day})",
    ),
    "ref": ("Năm {year}", "Year {year}"),
    "opening": (
        "Sở Ngoại vụ báo cáo kết quả công tác đối ngoại năm {year} của thành phố Huế, số liệu "
        "tính đến ngày {day}, so sánh với cùng kỳ năm {prev}, như sau:",
        "The Department of Foreign Affairs reports the results of Huế's foreign affairs work "
        "in {year}, counted as of {day} and compared with {prev}, as follows:",
    ),
    "part_results": ("Kết quả thực hiện nhiệm vụ năm {year}", "Results in {year}"),
    "part_assessment": ("Đánh giá chung", "Assessment"),
    "part_tasks": ("Phương hướng, nhiệm vụ năm {next}", "Tasks for {next}"),
    "not_written": (
        "[Phần này chưa được soạn: nhập trong cửa sổ (Báo cáo năm) hoặc bằng lệnh "
        "huedesk review-text {year} {section}.]",
        "[Not written yet: enter it in the window (Yearly review) or with "
        "huedesk review-text {year} {section}.]",
    ),
    "english_fallback": (
        "",
        "(The English text has not been written; the Vietnamese text follows.)",
    ),
    # Comparisons.
    "up": ("năm {prev}: {before}, tăng {pct}%", "{prev}: {before}, up {pct}%"),
    "down": ("năm {prev}: {before}, giảm {pct}%", "{prev}: {before}, down {pct}%"),
    "same": ("bằng năm {prev}", "the same as in {prev}"),
    "from_none": ("năm {prev} không có", "none in {prev}"),
    # Pillars.
    "partners": (
        "Quan hệ hợp tác với các địa phương nước ngoài",
        "Partnerships with localities abroad",
    ),
    "partners_text": (
        "Đến ngày {day}, thành phố duy trì quan hệ hợp tác với {pairs} cặp tỉnh, thành phố "
        "({cmp}){county}.",
        "On {day} the city kept {pairs} province- and city-level partnerships ({cmp}){county}.",
    ),
    "partners_county": (
        "; ngoài ra có {county} quan hệ hợp tác cấp huyện",
        ", and {county} at county level",
    ),
    # The year's changes: only the clauses that happened.
    "partners_new": (
        "Trong năm thiết lập mới {new} quan hệ{new_names}.",
        "{new} new partnership{s} during the year{new_names}.",
    ),
    "partners_ended": (
        "Trong năm chấm dứt {ended} quan hệ.",
        "{ended} partnership{ended_s} ended during the year.",
    ),
    "partners_new_ended": (
        "Trong năm thiết lập mới {new} quan hệ{new_names}, chấm dứt {ended} quan hệ.",
        "{new} new partnership{s} during the year{new_names}; {ended} ended.",
    ),
    "partners_unchanged": (
        "Trong năm không có quan hệ nào được thiết lập mới hoặc chấm dứt.",
        "No partnership was established or ended during the year.",
    ),
    "visits": ("Đón tiếp đoàn vào, tổ chức đoàn ra", "Delegations in and out"),
    "visits_text": (
        "Trong năm, thành phố đã đón {inbound} đoàn khách quốc tế đến làm việc ({cmp_in}) và "
        "cử {outbound} đoàn đi công tác nước ngoài ({cmp_out}), với {countries} quốc gia, vùng "
        "lãnh thổ.",
        "During the year the city received {inbound} foreign delegations ({cmp_in}) and sent "
        "{outbound} abroad ({cmp_out}), with {countries} countries and territories.",
    ),
    # A region's name stands at the head of its sentence, as the user typed it.
    "visits_region": (
        "{region}: {total} đoàn, gồm {inbound} đoàn vào và {outbound} đoàn ra.",
        "{region}: {total} delegations, {inbound} in and {outbound} out.",
    ),
    "visits_region_in": (
        "{region}: {inbound} đoàn vào.",
        "{region}: {inbound} inbound delegation{s}.",
    ),
    "visits_region_out": (
        "{region}: {outbound} đoàn ra.",
        "{region}: {outbound} outbound delegation{s}.",
    ),
    "visits_more": (
        "Bảng dưới đây nêu {shown} quốc gia có nhiều đoàn nhất; danh sách đầy đủ tại Phụ lục.",
        "The table shows the {shown} countries with the most delegations; the full list is "
        "in the appendix.",
    ),
    "agreements": ("Ký kết và thực hiện thỏa thuận quốc tế", "International agreements"),
    "agreements_text": (
        "Trong năm ký kết {signed} thỏa thuận quốc tế ({cmp}); đến ngày {day} có {in_force} "
        "thỏa thuận đang có hiệu lực.",
        "International agreements signed during the year: {signed} ({cmp}); in force on "
        "{day}: {in_force}.",
    ),
    "fdi": ("Ngoại giao kinh tế, thu hút đầu tư", "Economic diplomacy and investment"),
    "fdi_text": (
        "Cấp mới {n} dự án đầu tư trực tiếp nước ngoài với tổng vốn đăng ký {capital} ({cmp}). "
        "Đến ngày {day}, trên địa bàn có {live} dự án FDI còn hiệu lực với tổng vốn đăng ký "
        "{live_capital}.",
        "New foreign direct investment projects licensed: {n}, with {capital} of registered "
        "capital ({cmp}). FDI projects in force on {day}: {live}, with {live_capital} "
        "registered.",
    ),
    "aid": ("Vận động viện trợ quốc tế", "International aid"),
    "aid_text": (
        "Phê duyệt {n} dự án, khoản viện trợ với tổng giá trị cam kết {mobilised} ({cmp}); "
        "giải ngân trong năm {disbursed} ({cmp_paid}), mỗi khoản quy đổi theo tỷ giá của "
        "ngày giải ngân.",
        "Aid projects approved: {n}, committing {mobilised} ({cmp}); disbursed during the "
        "year: {disbursed} ({cmp_paid}), each payment at its own exchange rate.",
    ),
    "consular": ("Công tác lãnh sự, bảo hộ công dân", "Consular work and citizen protection"),
    "consular_text": (
        "Tiếp nhận {opened} vụ việc lãnh sự, bảo hộ công dân ({cmp}); giải quyết xong {closed} "
        "vụ việc; đến ngày {day} còn {still} vụ việc đang xử lý.",
        "Consular and citizen-protection cases opened: {opened} ({cmp}); settled: {closed}; "
        "still open on {day}: {still}.",
    ),
    "events": (
        "Ngoại giao văn hóa, sự kiện quốc tế",
        "Cultural diplomacy and international events",
    ),
    "events_text": (
        "Tổ chức, phối hợp tổ chức {held} sự kiện quốc tế ({cmp}) với {people} đại biểu nước "
        "ngoài tham dự.",
        "{held} international events were held ({cmp}) with {people} foreign participants.",
    ),
    # Tables and charts.
    "country": ("Quốc gia", "Country"),
    "inbound": ("Đoàn vào", "In"),
    "outbound": ("Đoàn ra", "Out"),
    "total": ("Cộng", "Total"),
    "others": ("Các nước khác", "Other countries"),
    "others_rows": ("Còn lại", "The rest"),
    "prev_col": ("Năm {prev}", "{prev}"),
    "pairs": ("Cặp tỉnh, thành phố", "Province/city pairs"),
    "county": ("Cấp huyện", "County level"),
    "signed": ("Ký trong năm", "Signed"),
    "in_force": ("Đang hiệu lực", "In force"),
    "projects": ("Số dự án", "Projects"),
    "capital_usd": ("Vốn đăng ký (USD)", "Capital (USD)"),
    "committed_vnd": ("Cam kết (đồng)", "Committed (VND)"),
    "disbursed_vnd": ("Giải ngân (đồng)", "Disbursed (VND)"),
    "millions_note": (
        "Số tiền trong bảng trên tính bằng triệu đồng; số chính xác đến từng đồng có trong tệp "
        "số liệu Excel (huedesk report {year} -o …).",
        "Amounts in the table above are in millions of đồng; the figures to the đồng are in "
        "the spreadsheet (huedesk report {year} -o …).",
    ),
    "committed_m": ("Cam kết (triệu đồng)", "Committed (VND m)"),
    "committed": ("Cam kết", "Committed"),
    "disbursed": ("Giải ngân", "Disbursed"),
    "disbursed_m": ("Giải ngân (triệu đồng)", "Disbursed (VND m)"),
    "opened": ("Tiếp nhận", "Opened"),
    "settled": ("Giải quyết", "Settled"),
    "events_n": ("Số sự kiện", "Events"),
    "participants": ("Đại biểu nước ngoài", "Foreign participants"),
    "chart_visits": (
        "Biểu đồ 1. Đoàn vào, đoàn ra theo quốc gia",
        "Chart 1. Delegations in and out by country",
    ),
    "chart_months": ("Biểu đồ 2. Số đoàn theo tháng", "Chart 2. Delegations by month"),
    "chart_fdi": (
        "Biểu đồ 3. Vốn FDI đăng ký mới theo lĩnh vực (triệu USD)",
        "Chart 3. New FDI capital by sector (million USD)",
    ),
    "chart_aid": (
        "Biểu đồ 4. Viện trợ cam kết và giải ngân theo nhà tài trợ (tỷ đồng)",
        "Chart 4. Aid committed and disbursed by donor (billion VND)",
    ),
    "counts_only": (
        "Số liệu tổng hợp; chi tiết vụ việc thuộc phạm vi cán bộ lãnh sự.",
        "Counts only; case details are for consular officers.",
    ),
    # Appendix.
    "appendix": ("PHỤ LỤC", "APPENDIX"),
    "appendix_title": (
        "Danh mục hồ sơ làm căn cứ số liệu năm {year}",
        "Records behind the figures of {year}",
    ),
    "app_in": ("Đoàn vào", "Inbound delegations"),
    "app_out": ("Đoàn ra", "Outbound delegations"),
    "app_pairs": ("Quan hệ hợp tác đang duy trì", "Partnerships in force"),
    "app_agreements": ("Thỏa thuận quốc tế ký kết trong năm", "Agreements signed in the year"),
    "app_fdi": ("Dự án FDI cấp mới", "FDI projects licensed"),
    "app_aid": ("Dự án, khoản viện trợ", "Aid projects"),
    "app_events": ("Sự kiện quốc tế", "International events"),
    "ref_col": ("Số hiệu", "Reference"),
    "name_col": ("Tên", "Name"),
    "partner_col": ("Đối tác", "Partner"),
    "dates_col": ("Thời gian", "Dates"),
    "level_col": ("Cấp", "Level"),
    "since_col": ("Từ năm", "Since"),
    "donor_col": ("Nhà tài trợ", "Donor"),
    "sector_col": ("Lĩnh vực", "Sector"),
    "signed_col": ("Ngày ký", "Signed"),
    "licence_col": ("Ngày cấp phép", "Licensed"),
    "type_col": ("Loại", "Type"),
    "none_in_year": ("Không có trong năm.", "None in the year."),
}


def w(key: str, lang: str, **fields: object) -> str:
    """The wording for ``key`` in ``lang`` with ``{fields}`` filled in."""
    vi, en = WORDS[key]
    text = en if lang == "en" else vi
    return text.format(**fields) if fields else text


def count(n: int, lang: str) -> str:
    """A count with its digits grouped (``1.250`` / ``1,250``)."""
    return group_digits(n, lang)


def amount(value: int, unit: str, lang: str) -> str:
    """A count with grouped digits, or a sum in the units prose uses (``format_short``)."""
    return count(value, lang) if unit == COUNT else format_short(value, unit, lang)


def compare(f: Figure, prev_year: int, lang: str) -> str:
    """The figure against the year before: ``năm 2024: 8, tăng 25%``."""
    before = amount(f.previous, f.unit, lang)
    if f.value == f.previous:
        return w("same", lang, prev=prev_year)
    if f.previous == 0:
        return w("from_none", lang, prev=prev_year)
    pct = abs(Decimal(f.value - f.previous) * 100 / f.previous).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    shown = group_digits(pct, lang, 1).removesuffix(",0").removesuffix(".0")
    return w(
        "up" if f.value > f.previous else "down", lang, pct=shown, prev=prev_year, before=before
    )
