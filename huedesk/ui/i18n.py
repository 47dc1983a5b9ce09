"""The interface's words in Vietnamese (default) and English, keyed by message id.

Field, kind and enum labels come from the models and services (one source for
forms, validation and export); this catalogue holds only the words of the
window itself. ``tr("save")`` gives the text in the current language;
``tr("n_records", n=3)`` fills placeholders. Changing the language rebuilds
the main window, so no widget has to re-translate itself.
"""

from __future__ import annotations

LANGUAGES = ("vi", "en")

_lang = "vi"

CATALOGUE: dict[str, tuple[str, str]] = {
    # application and menus
    "app_title": (
        "HueDesk — Sở Ngoại vụ thành phố Huế",
        "HueDesk — Huế Department of Foreign Affairs",
    ),
    "menu_file": ("&Tệp", "&File"),
    "menu_edit": ("&Sửa", "&Edit"),
    "menu_view": ("&Xem", "&View"),
    "menu_help": ("&Trợ giúp", "&Help"),
    "menu_language": ("&Ngôn ngữ", "&Language"),
    "lang_vi": ("Tiếng Việt", "Vietnamese"),
    "lang_en": ("Tiếng Anh", "English"),
    "new": ("&Thêm mới", "&New"),
    "open": ("&Mở", "&Open"),
    "save": ("&Lưu", "&Save"),
    "save_close": ("Lưu và đóng", "Save and close"),
    "close": ("Đóng", "Close"),
    "cancel": ("Hủy", "Cancel"),
    "delete": ("&Xóa", "&Delete"),
    "find": ("&Tìm kiếm", "&Find"),
    "print": ("&In tài liệu", "&Print brief"),
    "refresh": ("Làm &mới", "&Refresh"),
    "undo": ("&Hoàn tác", "&Undo"),
    "redo": ("&Làm lại", "&Redo"),
    "quit": ("T&hoát", "&Quit"),
    "about": ("&Giới thiệu", "&About"),
    "about_text": (
        "HueDesk {version}\nQuản lý hồ sơ đối ngoại của Sở Ngoại vụ thành phố Huế.\n\nTệp dữ liệu: {path}",
        "HueDesk {version}\nForeign-affairs records of the Huế Department of Foreign Affairs.\n\nData file: {path}",
    ),
    "load_demo": ("Nạp dữ liệu &mẫu…", "Load &demo data…"),
    "data_file": ("Tệp dữ liệu: {path}", "Data file: {path}"),
    "ready": ("Sẵn sàng", "Ready"),
    "saved": ("Đã lưu {what}.", "Saved {what}."),
    "deleted": ("Đã xóa {what}.", "Deleted {what}."),
    "lang_changed": ("Đã chuyển ngôn ngữ.", "Language changed."),
    # navigation
    "nav_attention": ("Cần chú ý", "Needs attention"),
    "nav_delegation_in": ("Đoàn vào", "Inbound delegations"),
    "nav_delegation_out": ("Đoàn ra", "Outbound trips"),
    "nav_consular": ("Vụ việc lãnh sự", "Consular cases"),
    "nav_aid": ("Viện trợ", "Foreign aid"),
    "nav_partners": ("Đối tác & thỏa thuận", "Partners & agreements"),
    "nav_fdi": ("Dự án FDI", "FDI projects"),
    "nav_events": ("Sự kiện", "Events"),
    "nav_tasks": ("Công việc theo dõi", "Follow-up tasks"),
    "nav_people": ("Cá nhân", "People"),
    "nav_orgs": ("Tổ chức", "Organisations"),
    "nav_reference": ("Danh mục", "Reference lists"),
    # start page
    "attention_title": ("Việc cần chú ý — ngày {date}", "Needs attention — {date}"),
    "upcoming_visits": (
        "Đoàn sắp đến, sắp đi ({n} trong {days} ngày tới)",
        "Upcoming visits ({n} in the next {days} days)",
    ),
    "case_deadlines": (
        "Vụ việc lãnh sự đến hạn ({n}, gồm cả quá hạn)",
        "Consular case deadlines ({n}, overdue included)",
    ),
    "agreements_expiring": (
        "Thỏa thuận sắp hết hạn ({n} trong {days} ngày tới)",
        "Agreements expiring ({n} in the next {days} days)",
    ),
    "col_ref": ("Số hiệu", "Reference"),
    "col_title": ("Nội dung", "Title"),
    "col_date": ("Ngày", "Date"),
    "col_status": ("Tình trạng", "Status"),
    "col_days": ("Còn lại", "Days left"),
    "days_left": ("{n} ngày", "{n} days"),
    "today": ("hôm nay", "today"),
    "overdue": ("quá hạn {n} ngày", "{n} days overdue"),
    "nothing": ("Không có.", "Nothing."),
    # lists
    "filter_status": ("Tình trạng:", "Status:"),
    "filter_year": ("Năm:", "Year:"),
    "filter_country": ("Quốc gia:", "Country:"),
    "filter_text": ("Tìm:", "Search:"),
    "filter_text_hint": ("gõ tên, số hiệu… (không cần dấu)", "name, reference… (accents optional)"),
    "all": ("Tất cả", "All"),
    "count": ("{shown} / {total} hồ sơ", "{shown} / {total} records"),
    "count_one": ("{total} hồ sơ", "{total} records"),
    "clear_filters": ("Bỏ lọc", "Clear filters"),
    "tab_agreements": ("Thỏa thuận quốc tế", "International agreements"),
    "tab_partnerships": ("Quan hệ đối tác", "Partnerships"),
    # forms
    "new_record": ("Thêm {kind}", "New {kind}"),
    "edit_record": ("{kind} {ref}", "{kind} {ref}"),
    "tab_general": ("Thông tin chung", "General"),
    "tab_attachments": ("Tệp đính kèm", "Attachments"),
    "add": ("Thêm…", "Add…"),
    "edit": ("Sửa…", "Edit…"),
    "remove": ("Bỏ", "Remove"),
    "open_file": ("Mở tệp", "Open file"),
    "required_hint": ("* bắt buộc", "* required"),
    "date_hint": ("dd/mm/yyyy", "dd/mm/yyyy"),
    "datetime_hint": ("dd/mm/yyyy HH:MM", "dd/mm/yyyy HH:MM"),
    "choose": ("Chọn…", "Choose…"),
    "clear": ("Xóa chọn", "Clear"),
    "pick_title": ("Chọn {kind}", "Choose {kind}"),
    "form_problems": ("Chưa lưu được — hãy sửa các ô tô đỏ:", "Not saved — fix the fields in red:"),
    "unsaved_title": ("Chưa lưu thay đổi", "Unsaved changes"),
    "unsaved_text": (
        "{what} có thay đổi chưa lưu. Lưu trước khi đóng?",
        "{what} has unsaved changes. Save before closing?",
    ),
    "delete_title": ("Xóa hồ sơ", "Delete record"),
    "delete_text": (
        "Xóa {what}?\n\n{impact}\n\nCó thể hoàn tác bằng Ctrl+Z.",
        "Delete {what}?\n\n{impact}\n\nCtrl+Z undoes it.",
    ),
    "delete_files_note": (
        "Tệp đính kèm bị xóa hẳn, không hoàn tác được.",
        "Attached files are removed for good; undo does not bring them back.",
    ),
    "delete_child_text": ("Bỏ dòng này khỏi {what}?", "Remove this line from {what}?"),
    "error_title": ("Không thực hiện được", "Could not do that"),
    "unexpected_error": ("Lỗi ngoài dự kiến: {error}", "Unexpected error: {error}"),
    # printing
    "print_building": ("Đang lập tài liệu…", "Building the brief…"),
    "print_redact": ("Ẩn thông tin cá nhân", "Hide personal data"),
    "print_ready": ("Tài liệu đã lập: {path}", "Brief ready: {path}"),
    "print_open": ("Mở tài liệu", "Open brief"),
    "print_send": ("In ra máy in…", "Send to printer…"),
    # long work
    # first run
    "first_run_title": ("Bắt đầu sử dụng HueDesk", "Welcome to HueDesk"),
    "first_run_text": (
        "Cơ sở dữ liệu còn trống.\n\nDữ liệu được lưu trong tệp:\n{path}\n\n"
        "Tệp đính kèm và bản sao lưu nằm trong cùng thư mục.",
        "The database is empty.\n\nYour data is kept in the file:\n{path}\n\n"
        "Attachments and backups live in the same folder.",
    ),
    "first_run_empty": ("Bắt đầu với cơ sở dữ liệu trống", "Start with an empty database"),
    "first_run_demo": ("Nạp dữ liệu mẫu để thử", "Load demo data to try it out"),
    "demo_records": ("Số hồ sơ mẫu:", "Demo records:"),
    "demo_loading": ("Đang tạo dữ liệu mẫu…", "Generating demo data…"),
    "demo_done": ("Đã tạo {n} hồ sơ mẫu.", "Generated {n} demo records."),
}


def set_language(lang: str) -> None:
    """Switch the catalogue to ``lang`` ("vi" or "en"); unknown codes fall back to Vietnamese."""
    global _lang
    _lang = lang if lang in LANGUAGES else "vi"


def language() -> str:
    return _lang


def tr(msg_id: str, **values: object) -> str:
    """The message ``msg_id`` in the current language, with ``{placeholders}`` filled."""
    vi, en = CATALOGUE[msg_id]
    text = en if _lang == "en" else vi
    return text.format(**values) if values else text
