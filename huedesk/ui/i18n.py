"""The interface's words in Vietnamese (default) and English, keyed by message id.

Field, kind and enum labels come from the models and services (one source for
forms, validation and export); this catalogue holds only the words of the
window itself. ``tr("save")`` gives the text in the current language;
``tr("n_records", n=3)`` fills placeholders. Changing the language rebuilds
the main window, so no widget has to re-translate itself.
"""

from __future__ import annotations

LANGUAGES = ("vi", "en")
# The language menu names each language in its own words, whatever the interface speaks.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}

_lang = "vi"

CATALOGUE: dict[str, tuple[str, str]] = {
    # Duplicates, merge and spreadsheet import (editor.py, duplicates_view.py, sheet_wizard.py)
    "conflict_title": ("Hồ sơ đã được sửa ở nơi khác", "Changed elsewhere"),
    "conflict_ask": (
        "{why}\n\nTải lại hồ sơ rồi áp dụng lại các thay đổi của bạn lên bản mới nhất?",
        "{why}\n\nReload the record and apply your changes again on the newest version?",
    ),
    "conflict_heading": (
        "Đã tải lại và áp dụng lại thay đổi của bạn. Các ô dưới đây cũng vừa được sửa ở "
        "nơi khác: xem lại rồi bấm Lưu.",
        "Reloaded, with your changes applied again. The fields below were also changed "
        "elsewhere: check them, then save.",
    ),
    "duplicate_title": ("Có thể trùng hồ sơ", "Probably a duplicate"),
    "duplicate_ask": (
        "Hồ sơ này có thể trùng với:\n{records}\n\nVẫn lưu? (Có thể gộp hai hồ sơ sau ở "
        "Sửa → Hồ sơ trùng…)",
        "This record probably repeats:\n{records}\n\nSave it anyway? (Two records can be "
        "merged later in Edit → Duplicates…)",
    ),
    "sheet_title": ("Nhập bảng tính", "Import a spreadsheet"),
    "menu_import_sheet": ("Nhập &bảng tính (XLSX, CSV)…", "Import spreads&heet (XLSX, CSV)…"),
    "sheet_step_0": ("Bước 1/4: chọn tệp", "Step 1 of 4: choose the file"),
    "sheet_step_1": ("Bước 2/4: ghép cột với trường", "Step 2 of 4: match columns to fields"),
    "sheet_step_2": ("Bước 3/4: kiểm tra", "Step 3 of 4: review the check"),
    "sheet_step_3": ("Bước 4/4: đã nhập", "Step 4 of 4: imported"),
    "sheet_intro": (
        "Bảng tính Excel (.xlsx) hoặc CSV (UTF-8, Windows-1258, Windows-1252). Mọi dòng được "
        "kiểm tra trước khi nhập; không có gì được ghi cho tới bước cuối.",
        "An Excel workbook (.xlsx) or a CSV file (UTF-8, Windows-1258, Windows-1252). Every row "
        "is checked before anything is written; nothing is written until the last step.",
    ),
    "sheet_kind": ("Loại hồ sơ", "Record kind"),
    "sheet_file": ("Tệp", "File"),
    "sheet_file_hint": ("Đường dẫn tệp .xlsx hoặc .csv", "Path of an .xlsx or .csv file"),
    "sheet_browse": ("Chọn…", "Browse…"),
    "sheet_filter": (
        "Bảng tính (*.xlsx *.csv);;Tất cả (*)",
        "Spreadsheets (*.xlsx *.csv);;All (*)",
    ),
    "sheet_sheet": ("Trang", "Sheet"),
    "sheet_numbers": ("Cách viết số", "Numbers written"),
    "sheet_numbers_vi": ("Kiểu Việt Nam: 1.250,5", "Vietnamese: 1.250,5"),
    "sheet_numbers_en": ("Kiểu Anh: 1,250.5", "English: 1,250.5"),
    "sheet_blank_erases": (
        "Ô trống xóa giá trị đã lưu (mặc định: ô trống không đổi gì)",
        "Empty cells erase stored values (default: empty cells change nothing)",
    ),
    "sheet_no_file": ("Hãy chọn một tệp.", "Choose a file."),
    "sheet_back": ("< Quay lại", "< Back"),
    "sheet_next": ("Tiếp >", "Next >"),
    "sheet_checking": ("Đang đọc và kiểm tra bảng tính…", "Reading and checking the sheet…"),
    "sheet_importing": ("Đang nhập…", "Importing…"),
    "sheet_columns_intro": (
        "Các cột của {file} đã được ghép với trường của {kind} theo tiêu đề. Đổi trường ở "
        "cột thứ hai nếu cần; chọn “không nhập” để bỏ một cột.",
        "The columns of {file} were matched to fields of {kind} by their headers. Change a "
        "field in the second column if needed; choose “leave out” to skip a column.",
    ),
    "sheet_col_header": ("Cột trong tệp", "Column in the file"),
    "sheet_col_field": ("Trường", "Field"),
    "sheet_col_sample": ("Vài giá trị đầu", "First values"),
    "sheet_skip_column": ("(không nhập)", "(leave out)"),
    "sheet_save_mapping": ("Lưu cách ghép cột…", "Save the column mapping…"),
    "sheet_mapping": ("Cách ghép cột đã lưu", "Saved column mapping"),
    "sheet_mapping_hint": (
        "(không bắt buộc) tệp .json đã lưu ở bước 2 lần trước",
        "(optional) a .json file saved at step 2 last time",
    ),
    "sheet_summary": (
        "Sẵn sàng: {ready} dòng · có cảnh báo (vẫn nhập): {warning} · lỗi (không nhập): "
        "{error} · bỏ qua (trống, tổng cộng, ghi chú): {skipped}",
        "Ready: {ready} · with warnings (imported): {warning} · errors (not imported): "
        "{error} · skipped (blank, totals, notes): {skipped}",
    ),
    "sheet_row": ("Dòng", "Row"),
    "sheet_column": ("Cột", "Column"),
    "sheet_value": ("Giá trị", "Value"),
    "sheet_problem": ("Vấn đề", "Problem"),
    "sheet_error": ("Lỗi", "Error"),
    "sheet_save_report": ("Lưu báo cáo (XLSX)…", "Save the report (XLSX)…"),
    "sheet_report_saved": ("Đã lưu báo cáo: {path}", "Report saved: {path}"),
    "sheet_import": ("Nhập {n} dòng", "Import {n} rows"),
    "sheet_done": (
        "Đã nhập: thêm {added}, sửa {updated}, không đổi {unchanged}.",
        "Imported: {added} added, {updated} updated, {unchanged} unchanged.",
    ),
    "sheet_left_out": ("Các dòng không nhập (có lỗi): {rows}", "Rows left out (errors): {rows}"),
    "sheet_undo": ("Hoàn tác cả lần nhập này", "Undo this whole import"),
    "menu_duplicates": ("Hồ sơ trù&ng…", "D&uplicates…"),
    "menu_operations": ("&Gộp và nhập gần đây…", "&Merges and imports…"),
    "ops_title": ("Gộp và nhập bảng tính gần đây", "Recent merges and spreadsheet imports"),
    "ops_at": ("Lúc", "When"),
    "ops_user": ("Người thực hiện", "User"),
    "ops_what": ("Thao tác", "Action"),
    "ops_summary": ("Tóm tắt", "Summary"),
    "ops_merge": ("Gộp hồ sơ", "Merge"),
    "ops_import": ("Nhập bảng tính", "Sheet import"),
    "ops_undo": ("Hoàn tác", "Undo"),
    "ops_confirm": (
        "Hoàn tác cả thao tác “{summary}”? Các hồ sơ được thêm sẽ bị xóa, các giá trị đã sửa "
        "được trả lại (trừ những gì đã sửa sau đó).",
        "Undo the whole of “{summary}”? Records it added are deleted and values it changed "
        "are put back (except what was changed since).",
    ),
    "dup_title": ("Hồ sơ có thể trùng", "Likely duplicates"),
    "dup_find": ("Tìm", "Find"),
    "dup_min_score": ("Điểm tối thiểu", "Minimum score"),
    "dup_finding": ("Đang tìm hồ sơ trùng…", "Finding duplicates…"),
    "dup_score": ("Điểm", "Score"),
    "dup_left": ("Hồ sơ", "Record"),
    "dup_right": ("Có thể trùng với", "Probably the same as"),
    "dup_reason": ("Lý do", "Why"),
    "dup_count": ("{n} cặp.", "{n} pairs."),
    "dup_keep_left": ("Gộp, giữ hồ sơ bên trái", "Merge, keeping the left one"),
    "dup_keep_right": ("Gộp, giữ hồ sơ bên phải", "Merge, keeping the right one"),
    "dup_undo": ("Hoàn tác lần gộp", "Undo the merge"),
    "dup_confirm": (
        "Gộp {other} vào {keep}?\n\nMọi liên kết (đoàn, vụ việc, thỏa thuận, viện trợ, tệp) "
        "chuyển sang {keep}; tên kia được giữ làm tên khác. Có thể hoàn tác.",
        "Merge {other} into {keep}?\n\nEvery link (visits, cases, agreements, aid, files) "
        "moves to {keep}; the other name is kept as another name. This can be undone.",
    ),
    # Sign-in dialog (huedesk/ui/login_dialog.py)
    "login_title_login": ("Đăng nhập HueDesk", "Sign in to HueDesk"),
    "login_title_first": ("Tạo tài khoản quản trị", "Create the administrator account"),
    "login_intro_first": (
        "Đây là lần đầu mở cơ sở dữ liệu này. Hãy tạo tài khoản quản trị viên; "
        "sau đó quản trị viên thêm tài khoản cho các cán bộ.",
        "This database is opened for the first time. Create the administrator account; "
        "the administrator then adds accounts for the officers.",
    ),
    "login_name": ("Tên đăng nhập", "User name"),
    "login_display": ("Họ và tên", "Full name"),
    "login_password": ("Mật khẩu", "Password"),
    "login_repeat": ("Nhập lại mật khẩu", "Repeat password"),
    "login_ok_login": ("Đăng nhập", "Sign in"),
    "login_ok_first": ("Tạo tài khoản", "Create account"),
    "login_mismatch": ("Hai mật khẩu không khớp.", "The two passwords differ."),
    # application and menus
    "app_title": (
        "HueDesk — Sở Ngoại vụ thành phố Huế",
        "HueDesk — Huế Department of Foreign Affairs",
    ),
    "menu_file": ("&Tệp", "&File"),
    "menu_edit": ("&Sửa", "&Edit"),
    "menu_view": ("&Xem", "&View"),
    "menu_help": ("Trợ &giúp", "&Help"),
    "menu_language": ("N&gôn ngữ", "&Language"),
    "menu_audit": ("&Nhật ký thay đổi…", "&Audit log…"),
    "signin_cancelled": ("Chưa đăng nhập: HueDesk đóng lại.", "Not signed in: HueDesk closes."),
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
    "filter_list": ("&Lọc danh sách", "Fi&lter the list"),
    "print": ("&In tài liệu", "&Print brief"),
    "refresh": ("Làm &mới", "&Refresh"),
    "undo": ("&Hoàn tác", "&Undo"),
    "redo": ("&Làm lại", "&Redo"),
    "quit": ("T&hoát", "&Quit"),
    "about": ("&Giới thiệu", "&About"),
    "about_text": (
        "HueDesk {version}\nQuản lý hồ sơ đối ngoại của Sở Ngoại vụ thành phố Huế.\n\n"
        "Thư mục dữ liệu: {folder}",
        "HueDesk {version}\nForeign-affairs records of the Huế Department of Foreign Affairs.\n\n"
        "Data folder: {folder}",
    ),
    "about_portable": (
        "Chế độ di động: dữ liệu nằm cạnh chương trình.",
        "Portable mode: the data is kept beside the program.",
    ),
    "open_data_folder": ("Mở &thư mục dữ liệu", "Open &data folder"),
    "load_demo": ("Nạp &dữ liệu mẫu…", "Load &demo data…"),
    "data_file": ("Tệp dữ liệu: {path}", "Data file: {path}"),
    "data_file_read_only": ("Tệp dữ liệu: {path} — CHỈ ĐỌC", "Data file: {path} — READ-ONLY"),
    "read_only_title": ("Chỉ xem, không sửa được", "Read-only: nothing can be changed"),
    "data_server": ("Máy chủ dữ liệu: {server}", "Database server: {server}"),
    "ready": ("Sẵn sàng", "Ready"),
    "saved": ("Đã lưu {what}.", "Saved {what}."),
    "deleted": ("Đã xóa {what}.", "Deleted {what}."),
    "lang_changed": ("Đã chuyển ngôn ngữ.", "Language changed."),
    # navigation
    "nav_attention": ("Tổng quan", "Overview"),
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
    # the year in figures (start page, yearly review, regions)
    "dash_title": ("Tổng quan năm {year}", "The year {year}"),
    "dash_as_of": ("số liệu tính đến {date}", "counted as of {date}"),
    "dash_year": ("Năm:", "Year:"),
    "dash_review": ("Báo cáo năm…", "Yearly review…"),
    "dash_sheet": ("Xuất số liệu Excel…", "Figures to Excel…"),
    "dash_regions": ("Vùng…", "Regions…"),
    "dash_versus": ("năm {year}: {before}", "{year}: {before}"),
    "dash_same": ("bằng năm {year}", "same as {year}"),
    "dash_none_before": ("năm {year}: không có", "{year}: none"),
    "dash_counts_only": (
        "Chỉ có số liệu tổng hợp: vai trò của bạn không xem được vụ việc lãnh sự.",
        "Counts only: your role may not see consular cases.",
    ),
    "dash_click": ("Bấm để xem các hồ sơ", "Click to see the records"),
    "dash_no_data": ("Chưa có số liệu.", "No figures yet."),
    "dash_counting": ("đang tính số liệu…", "counting the figures…"),
    "dash_recounting": ("đang tính lại số liệu…", "counting the figures again…"),
    "dash_failed": ("chưa tính được số liệu: {error}", "the figures could not be counted: {error}"),
    "card_inbound": ("Đoàn vào", "Delegations in"),
    "card_outbound": ("Đoàn ra", "Delegations out"),
    "card_pairs": ("Cặp tỉnh, thành phố hợp tác", "Province/city partnerships"),
    "card_signed": ("Thỏa thuận ký kết", "Agreements signed"),
    "card_fdi": ("Vốn FDI cấp mới", "New FDI capital"),
    "card_fdi_sub": ("{n} dự án cấp mới", "{n} new projects"),
    "card_aid": ("Viện trợ giải ngân", "Aid disbursed"),
    "card_aid_sub": ("cam kết {amount}", "committed {amount}"),
    "card_cases": ("Vụ việc lãnh sự", "Consular cases"),
    "card_events": ("Sự kiện quốc tế", "International events"),
    "chart_visits": ("Đoàn vào, đoàn ra theo quốc gia", "Delegations by country"),
    "chart_months": ("Số đoàn theo tháng", "Delegations by month"),
    "chart_aid": ("Viện trợ theo nhà tài trợ (tỷ đồng)", "Aid by donor (VND billion)"),
    "chart_fdi": ("Vốn FDI cấp mới theo lĩnh vực (triệu USD)", "New FDI capital by sector (USD m)"),
    "series_in": ("Đoàn vào", "In"),
    "series_out": ("Đoàn ra", "Out"),
    "series_committed": ("Cam kết", "Committed"),
    "series_disbursed": ("Giải ngân", "Disbursed"),
    "series_capital": ("Vốn đăng ký", "Registered capital"),
    "records_behind": ("{figure} — {period} ({n} hồ sơ)", "{figure} — {period} ({n} records)"),
    "figures_sheet_title": ("Xuất số liệu năm {year}", "Figures of {year}"),
    "figures_sheet_filter": ("Bảng tính Excel (*.xlsx)", "Excel workbook (*.xlsx)"),
    "figures_sheet_building": ("Đang tính số liệu…", "Counting…"),
    "figures_sheet_done": ("Đã ghi {path}", "Wrote {path}"),
    "review_title": ("Báo cáo tổng kết năm {year}", "Yearly review {year}"),
    "review_assessment": ("Đánh giá chung", "Assessment"),
    "review_tasks": ("Phương hướng, nhiệm vụ năm tới", "Tasks for next year"),
    "review_text_lang": ("Nội dung viết bằng:", "Text written in:"),
    "review_save": ("Lưu nội dung", "Save text"),
    "review_saved": ("Đã lưu nội dung báo cáo năm {year}.", "Saved the text of the {year} review."),
    "review_build": ("Tạo báo cáo PDF", "Build the PDF"),
    "review_open": ("Mở báo cáo", "Open the review"),
    "review_print_lang": ("Ngôn ngữ báo cáo:", "Review language:"),
    "review_hint": (
        "Số liệu lấy từ hồ sơ; hai phần dưới đây do người soạn viết và được lưu theo năm.",
        "The figures come from the records; the two parts below are written by you and kept "
        "per year.",
    ),
    "regions_title": ("Vùng địa phương đối tác", "Regions of partner localities"),
    "regions_hint": (
        "Một vùng là nhóm địa phương đối tác được thống kê chung (ví dụ các tỉnh Nam Lào).",
        "A region is a group of partner localities counted together (e.g. the southern Lao "
        "provinces).",
    ),
    "regions_new": ("Vùng mới", "New region"),
    "regions_delete": ("Xóa vùng", "Delete region"),
    "regions_name": ("Tên vùng:", "Name:"),
    "regions_name_en": ("Tên tiếng Anh:", "English name:"),
    "regions_members": ("Các địa phương trong vùng:", "Localities in the region:"),
    "regions_filter": ("lọc theo tên…", "filter by name…"),
    "regions_unnamed": ("Vùng mới", "New region"),
    "regions_confirm_delete": (
        "Xóa vùng '{name}'? Các địa phương vẫn giữ nguyên.",
        "Delete the region '{name}'? Its localities stay.",
    ),
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
    "form_warnings": (
        "Đã lưu — nhưng hãy kiểm tra các ô tô vàng:",
        "Saved — but check the fields in amber:",
    ),
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
        "Tệp đính kèm bị xóa cùng; Ctrl+Z đưa chúng trở lại cho đến khi đóng cửa sổ.",
        "Attached files go too; Ctrl+Z brings them back until the window is closed.",
    ),
    "delete_child_text": ("Bỏ dòng này khỏi {what}?", "Remove this line from {what}?"),
    "error_title": ("Không thực hiện được", "Could not do that"),
    "unexpected_error": ("Lỗi ngoài dự kiến: {error}", "Unexpected error: {error}"),
    # printing
    "print_building": ("Đang lập tài liệu…", "Building the brief…"),
    "print_redact": ("Ẩn thông tin cá nhân", "Hide personal data"),
    "print_full": (
        "Kèm phụ lục toàn bộ quá trình hợp tác",
        "Add the full history with the partner as an appendix",
    ),
    "print_doc_kind": ("Loại văn bản", "Document kind"),
    "print_to": ("Kính gửi", "To"),
    "print_to_hint": ("mặc định: {agency}", "default: {agency}"),
    "print_ready": ("Tài liệu đã lập: {path}", "Brief ready: {path}"),
    "print_open": ("Mở tài liệu", "Open brief"),
    "print_send": ("In ra máy in…", "Send to printer…"),
    "columns_menu": ("Cột hiển thị", "Columns shown"),
    "print_preview": ("&Xem trước", "&Preview"),
    "preview_title": ("Xem trước: {name}", "Preview: {name}"),
    "preview_print": ("&In…", "&Print…"),
    "no_viewer_title": ("Không mở được tệp", "Cannot open the file"),
    "no_viewer_text": (
        "Máy này chưa có chương trình mở tệp {kind}. Tệp đã được lưu tại:\n{path}\n\n"
        "Hãy cài một trình xem {kind} hoặc mở thư mục chứa tệp.",
        "This computer has no program for {kind} files. The file is saved at:\n{path}\n\n"
        "Install a {kind} viewer, or open the folder that holds the file.",
    ),
    "no_viewer_folder": ("Mở &thư mục", "Open &folder"),
    # global search
    "search_hint": ("Tìm mọi hồ sơ (Ctrl+F)…", "Search all records (Ctrl+F)…"),
    "search_tip": (
        "Gõ tên, số hiệu, quốc gia… không cần dấu; Enter mở hồ sơ.",
        "Type a name, reference, country… accents optional; Enter opens the record.",
    ),
    "search_count": (
        "{n} kết quả — ↑↓ để chọn, Enter để mở",
        "{n} results — ↑↓ to choose, Enter to open",
    ),
    "search_more": ("Xem tất cả kết quả…", "See all results…"),
    "search_first_n": ("{n} kết quả đầu tiên", "The first {n} results"),
    "search_none": ("Không tìm thấy hồ sơ nào.", "No records found."),
    # archive bundles
    "export": ("&Xuất hồ sơ lưu trữ…", "&Export archive bundle…"),
    "export_list": ("Xuất d&anh sách đang xem…", "Export the &list shown…"),
    "import": ("&Nhập hồ sơ…", "&Import records…"),
    "export_title": ("Xuất hồ sơ lưu trữ", "Export archive bundle"),
    "export_kinds": ("Loại hồ sơ:", "Record kinds:"),
    "export_year": ("Năm:", "Year:"),
    "export_since": ("Chỉ hồ sơ thay đổi từ ngày:", "Only records changed since:"),
    "export_briefs": (
        "Kèm tài liệu PDF (đoàn, vụ việc, viện trợ)",
        "Include PDF briefs (delegations, cases, aid)",
    ),
    "export_note": (
        "Gói kèm theo các dòng con, hồ sơ được dẫn chiếu và tệp đính kèm.",
        "The bundle also carries child lines, referenced records and attachments.",
    ),
    "export_save": ("Lưu gói lưu trữ", "Save archive bundle"),
    "bundle_filter": ("Gói lưu trữ HueDesk (*.zip)", "HueDesk archive bundle (*.zip)"),
    "export_running": ("Đang xuất hồ sơ…", "Exporting records…"),
    "export_packing": (
        "Đang lập bảng và đóng gói, tính mã kiểm tra…",
        "Making the tables and packing the bundle, with checksums…",
    ),
    "export_done_title": ("Đã xuất hồ sơ", "Export finished"),
    "export_done": (
        "Đã ghi {path}\n\n{counts}\n\nTệp đính kèm: {files}; tài liệu PDF: {briefs}; dung lượng: {size}; {seconds} giây.",
        "Written to {path}\n\n{counts}\n\nAttachments: {files}; PDF briefs: {briefs}; size: {size}; {seconds} s.",
    ),
    "import_open": ("Chọn gói cần nhập", "Choose the bundle to import"),
    "import_checking": ("Đang kiểm tra gói và thử nhập…", "Checking the bundle (trial import)…"),
    "import_running": ("Đang nhập hồ sơ…", "Importing records…"),
    "import_preview_title": ("Xem trước khi nhập", "Import preview"),
    "import_preview_intro": (
        "Nếu nhập gói <b>{name}</b>, HueDesk sẽ:",
        "Importing the bundle <b>{name}</b> will:",
    ),
    "import_done_title": ("Đã nhập hồ sơ", "Import finished"),
    "import_done_intro": ("Đã nhập gói <b>{name}</b>:", "Imported the bundle <b>{name}</b>:"),
    "import_confirm": ("Nhập", "Import"),
    "import_nothing": (
        "Gói không có gì mới: mọi hồ sơ đã có và giống hệt.",
        "Nothing new: every record is already here, identical.",
    ),
    "import_rejected": (
        "Gói {path} không hợp lệ; không nhập gì. Các lỗi đầu tiên:",
        "The bundle {path} is not valid; nothing was imported. First problems:",
    ),
    "import_summary": (
        "Thêm mới <b>{added}</b> · đã có, giống hệt <b>{skipped}</b> · cập nhật <b>{updated}</b> · "
        "giữ bản máy này <b>{kept}</b> · xung đột <b>{conflicts}</b> · đổi số hiệu <b>{renumbered}</b>",
        "Added <b>{added}</b> · already here <b>{skipped}</b> · updated <b>{updated}</b> · "
        "kept local <b>{kept}</b> · conflicts <b>{conflicts}</b> · renumbered <b>{renumbered}</b>",
    ),
    "col_kind": ("Loại hồ sơ", "Kind"),
    "col_added": ("Thêm mới", "Added"),
    "col_skipped": ("Đã có, giống hệt", "Already here"),
    "col_updated": ("Cập nhật", "Updated"),
    "col_kept_local": ("Giữ bản máy này", "Kept local"),
    "total": ("Tổng", "Total"),
    "conflicts": (
        "Xung đột ({n}) — bản mới hơn được giữ:",
        "Conflicts ({n}) — the newer version is kept:",
    ),
    "conflict_line": (
        "{kind} {ref}: giữ {winner} (máy này {local}, trong gói {bundle}); trường: {fields}",
        "{kind} {ref}: kept {winner} (here {local}, bundle {bundle}); fields: {fields}",
    ),
    "winner_bundle": ("bản trong gói", "the bundle's version"),
    "winner_local": ("bản ở máy này", "this laptop's version"),
    "renumbered": (
        "Đổi số hiệu ({n}) — số đã dùng ở máy này cho hồ sơ khác:",
        "Renumbered ({n}) — the number is used here by another record:",
    ),
    "renumbered_line": ("{kind}: {old} → {new}", "{kind}: {old} → {new}"),
    "and_more": ("… và {n} dòng nữa", "… and {n} more"),
    "files_written": ("Tệp đính kèm đã chép: {n}", "Attached files copied: {n}"),
    # backups
    "backup_now": ("&Sao lưu ngay", "&Back up now"),
    "backup_running": ("Đang sao lưu…", "Backing up…"),
    "backup_done": ("Đã sao lưu vào {path}", "Backed up to {path}"),
    "restore": ("&Khôi phục từ bản sao lưu…", "&Restore from a backup…"),
    "restore_title": ("Khôi phục từ bản sao lưu", "Restore from a backup"),
    "restore_intro": (
        "Chọn bản sao lưu để thay cho cơ sở dữ liệu hiện tại. Bản hiện tại được giữ lại "
        "thành bản sao lưu “trước khôi phục”.",
        "Choose the backup that replaces the current database. The current one is kept "
        "as a “pre-restore” backup.",
    ),
    "restore_none": ("Chưa có bản sao lưu nào.", "There are no backups yet."),
    "col_created": ("Thời điểm", "Taken"),
    "col_backup_kind": ("Loại", "Kind"),
    "col_reason": ("Lý do", "Reason"),
    "col_size": ("Dung lượng", "Size"),
    "backup_kind_daily": ("hằng ngày", "daily"),
    "backup_kind_monthly": ("hằng tháng", "monthly"),
    "backup_kind_manual": ("thủ công", "manual"),
    "backup_kind_pre-restore": ("trước khôi phục", "pre-restore"),
    "backup_kind_pre-upgrade": ("trước nâng cấp", "pre-upgrade"),
    "restore_confirm": (
        "Thay cơ sở dữ liệu bằng bản sao lưu lúc {when}?\n\n{plan}\n\nCác cửa sổ hồ sơ sẽ được đóng.",
        "Replace the database with the backup taken {when}?\n\n{plan}\n\nRecord windows will close.",
    ),
    "admin_only": (
        "Chỉ quản trị viên được sao lưu và khôi phục.",
        "Only administrators may back up and restore.",
    ),
    "restore_on_server": (
        "Cơ sở dữ liệu trên máy chủ do người quản trị máy chủ khôi phục bằng pg_restore "
        "(xem docs/server.md).",
        "A server database is restored by the server's administrator with pg_restore "
        "(see docs/server.md).",
    ),
    "restore_running": ("Đang khôi phục…", "Restoring…"),
    "restore_done": (
        "Đã khôi phục bản sao lưu lúc {when}.",
        "Restored the backup taken {when}.",
    ),
    "opening_slow": (
        "Đang mở cơ sở dữ liệu… Lần mở đầu tiên sau khi cập nhật HueDesk có thể mất vài phút "
        "(nâng cấp cấu trúc dữ liệu, lập lại chỉ mục tìm kiếm). Xin chờ; nếu tắt chương trình "
        "thì không có gì bị ghi dở, lần mở sau sẽ làm lại từ đầu.",
        "Opening the database… The first opening after a HueDesk update can take a few minutes "
        "(upgrading the data's structure, rebuilding the search index). Please wait; if the "
        "program is ended, nothing is half-written and the next opening starts over.",
    ),
    "damaged_title": ("Cơ sở dữ liệu bị hỏng", "The database is damaged"),
    "damaged_offer": (
        "Bản sao lưu tốt mới nhất: {path}\n\nKhôi phục nó thì cơ sở dữ liệu trở về thời điểm đó; "
        "tệp hỏng được giữ lại trong thư mục sao lưu.",
        "The newest good backup: {path}\n\nRestoring it brings the database back to that moment; "
        "the damaged file is kept in the backups folder.",
    ),
    "damaged_no_backup": (
        "Không có bản sao lưu tốt nào để khôi phục. Xem docs/your-data.md.",
        "There is no good backup to restore. See docs/your-data.md.",
    ),
    "damaged_restore": ("Khôi phục bản sao lưu tốt mới nhất", "Restore the newest good backup"),
    "quit_plain": ("Thoát", "Quit"),
    "list_loading": ("Đang đọc danh sách…", "Reading the list…"),
    "quit_running_title": ("Công việc đang chạy", "Work is still running"),
    "quit_running": (
        "Công việc sau chưa xong:\n{what}\n\nDừng lại và thoát? Phần đang dở được hoàn tác "
        "(sao lưu và tài liệu đang tạo thì được làm xong trước).",
        "This work has not finished:\n{what}\n\nStop it and quit? What is half done is "
        "rolled back (a backup or a brief being written is finished first).",
    ),
    "quit_stopping": ("Đang dừng công việc để thoát…", "Stopping the work to quit…"),
    "locked_title": ("Cơ sở dữ liệu đang được mở ở nơi khác", "The database is open elsewhere"),
    "storage_title": ("Vị trí lưu dữ liệu chưa an toàn", "Where the data is kept is risky"),
    # Accounts (huedesk/ui/accounts_dialog.py)
    "menu_accounts": ("Tài kh&oản người dùng…", "User a&ccounts…"),
    "acc_title": ("Tài khoản người dùng", "User accounts"),
    "acc_intro": (
        "Mỗi người dùng đăng nhập bằng tài khoản riêng; vai trò quyết định họ được xem và sửa "
        "gì. Tài khoản bị khóa không đăng nhập được, nhưng lịch sử thay đổi của họ vẫn giữ.",
        "Everyone signs in with an account of their own; the role decides what they may see "
        "and change. A disabled account cannot sign in; its history of changes stays.",
    ),
    "acc_name": ("Tên đăng nhập", "User name"),
    "acc_display": ("Họ và tên", "Full name"),
    "acc_role": ("Vai trò", "Role"),
    "acc_state": ("Trạng thái", "Status"),
    "acc_login": ("Đăng nhập lần cuối", "Last sign-in"),
    "acc_active": ("Đang dùng", "Active"),
    "acc_disabled": ("Đã khóa", "Disabled"),
    "acc_add": ("&Thêm tài khoản…", "&Add account…"),
    "acc_change_role": ("Đổi &vai trò…", "Change &role…"),
    "acc_reset_password": ("Đặt lại &mật khẩu…", "Reset &password…"),
    "acc_disable": ("&Khóa tài khoản", "&Disable"),
    "acc_enable": ("&Mở khóa tài khoản", "&Enable"),
    "acc_add_title": ("Thêm tài khoản", "Add an account"),
    "acc_edit_title": ("Tài khoản {name}", "Account {name}"),
    "acc_password": ("Mật khẩu mới", "New password"),
    "acc_repeat": ("Nhập lại mật khẩu", "Repeat the password"),
    "acc_repeat_differs": ("Hai mật khẩu không giống nhau.", "The two passwords differ."),
    "acc_disable_ask": (
        "Khóa tài khoản '{name}'? Người này sẽ không đăng nhập được nữa (có thể mở khóa lại).",
        "Disable the account '{name}'? They will no longer be able to sign in (it can be "
        "enabled again).",
    ),
    "acc_password_done": (
        "Đã đặt mật khẩu mới cho '{name}'. Hãy báo mật khẩu cho người đó.",
        "The password of '{name}' was reset. Tell them the new password.",
    ),
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
    "demo_not_empty": (
        "Cơ sở dữ liệu {path} đã có hồ sơ: dữ liệu mẫu (hồ sơ bịa ra) chỉ được nạp vào một "
        "cơ sở dữ liệu trống, để không lẫn với hồ sơ thật. Muốn xem thử, hãy mở một tệp "
        "riêng, ví dụ: huedesk --db du-lieu-mau.sqlite3",
        "The database {path} already holds records: demo data (invented records) is loaded "
        "only into an empty database, so it never mixes with real records. To try it, open "
        "a separate file, e.g.: huedesk --db demo.sqlite3",
    ),
    "demo_loading": ("Đang tạo dữ liệu mẫu…", "Generating demo data…"),
    "demo_done": ("Đã tạo {n} hồ sơ mẫu.", "Generated {n} demo records."),
    "auto_backup_done": (
        "Đã sao lưu tự động hằng ngày: {name}",
        "Today's automatic backup is made: {name}",
    ),
    # Document settings dialog (huedesk/ui/settings_dialog.py)
    "menu_doc_settings": ("Thông tin &văn bản…", "Document se&ttings…"),
    "docset_title": ("Thông tin trên văn bản", "Document settings"),
    "docset_group_agency": ("Cơ quan ban hành", "Issuing agency"),
    "docset_parent_agency": ("Cơ quan chủ quản", "Parent agency"),
    "docset_parent_agency_en": ("Cơ quan chủ quản (tiếng Anh)", "Parent agency (English)"),
    "docset_agency": ("Cơ quan ban hành", "Issuing agency"),
    "docset_agency_en": ("Cơ quan ban hành (tiếng Anh)", "Issuing agency (English)"),
    "docset_agency_code": ("Chữ viết tắt tên cơ quan", "Agency code"),
    "docset_place": ("Địa danh", "Place"),
    "docset_group_signer": ("Người ký", "Signer"),
    "docset_authority": ("Thẩm quyền ký", "Authority"),
    "docset_head_title": ("Chức vụ người đứng đầu", "Head's title"),
    "docset_head_title_en": ("Chức vụ người đứng đầu (tiếng Anh)", "Head's title (English)"),
    "docset_signer_title": ("Chức vụ người ký", "Signer's title"),
    "docset_signer_title_en": ("Chức vụ người ký (tiếng Anh)", "Signer's title (English)"),
    "docset_signer_name": ("Họ và tên người ký", "Signer's name"),
    "docset_group_numbers": ("Số văn bản", "Document numbers"),
    "docset_number_mode": ("Cách ghi số", "Numbering"),
    "docset_preview": ("Trên văn bản:", "As printed:"),
    "docset_no_name": ("(chưa có họ tên người ký)", "(no signer's name yet)"),
    "docset_read_only": (
        "Chỉ quản trị viên được sửa các thông tin này.",
        "Only administrators may change these settings.",
    ),
    "docset_saved": ("Đã lưu thông tin văn bản.", "Document settings saved."),
}


def set_language(lang: str) -> None:
    """Switch the catalogue to ``lang`` ("vi" or "en"); unknown codes fall back to Vietnamese."""
    global _lang
    _lang = lang if lang in LANGUAGES else "vi"


def language() -> str:
    return _lang


# English singulars of messages counting ``n`` things ("1 day", not "1 days");
# Vietnamese nouns do not change with the count.
SINGULAR_EN: dict[str, str] = {
    "days_left": "{n} day",
    "overdue": "{n} day overdue",
    "search_count": "1 result — ↑↓ to choose, Enter to open",
    "dup_count": "1 pair.",
    "demo_done": "Generated 1 demo record.",
    "sheet_import": "Import 1 row",
}


def tr(msg_id: str, **values: object) -> str:
    """The message ``msg_id`` in the current language, with ``{placeholders}`` filled."""
    if _lang == "en" and values.get("n") == 1 and msg_id in SINGULAR_EN:
        return SINGULAR_EN[msg_id].format(**values)
    vi, en = CATALOGUE[msg_id]
    text = en if _lang == "en" else vi
    return text.format(**values) if values else text
