"""Qt's own words (standard buttons, file and print dialogs, edit menus) in the interface language.

Qt's translations are loaded from PySide6's translations folder when the
language has one (``qtbase_<lang>.qm``, ``QLibraryInfo``'s translations path).
PySide6 ships none for Vietnamese (its folder holds qtbase in 33 languages, not
``vi``), so this module also answers, by Qt's translation context, the strings
Qt's widgets ask for when the window speaks Vietnamese: the buttons of message
boxes and dialog button boxes, Qt's own file dialog (where the platform has no
native one), the print dialog, and the edit menu of text fields. Whatever is
not here falls through to Qt's English. Key names (``QShortcut`` context) are
left alone: Qt reads shortcuts back in those words.

Native dialogs (Windows' file and print dialogs) speak the language of the
operating system, whatever HueDesk's language; that is Windows', not ours.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from huedesk.ui.i18n import LANGUAGES, language

_EDIT_MENU = {
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "&Cắt",
    "&Copy": "&Sao chép",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
    "Copy &Link Location": "Sao chép địa chỉ &liên kết",
}

_VI: dict[str, dict[str, str]] = {
    # The standard buttons (QMessageBox, QDialogButtonBox) and native dialogs' captions.
    "QPlatformTheme": {
        "OK": "Đồng ý",
        "Save": "Lưu",
        "Save All": "Lưu tất cả",
        "Open": "Mở",
        "&Yes": "&Có",
        "Yes to &All": "Có với &tất cả",
        "&No": "&Không",
        "N&o to All": "K&hông với tất cả",
        "Abort": "Hủy bỏ",
        "Retry": "Thử lại",
        "Ignore": "Bỏ qua",
        "Close": "Đóng",
        "Cancel": "Hủy",
        "Discard": "Không lưu",
        "Don't Save": "Không lưu",
        "Help": "Trợ giúp",
        "Apply": "Áp dụng",
        "Reset": "Đặt lại",
        "Restore Defaults": "Khôi phục mặc định",
    },
    "QMessageBox": {
        "Show Details...": "Xem chi tiết…",
        "Hide Details...": "Ẩn chi tiết…",
        "OK": "Đồng ý",
    },
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": _EDIT_MENU,
    # Qt's own file dialog
    "QFileDialog": {
        "&Look in:": "&Tìm trong:",
        "File &name:": "Tên &tệp:",
        "Files of &type:": "&Loại tệp:",
        "&Open": "&Mở",
        "&Save": "&Lưu",
        "&Choose": "&Chọn",
        "Directory:": "Thư mục:",
        "Back": "Lùi",
        "Forward": "Tới",
        "Go back": "Quay lại",
        "Go forward": "Đi tới",
        "Parent Directory": "Thư mục cha",
        "Go to the parent directory": "Lên thư mục cha",
        "Create New Folder": "Tạo thư mục mới",
        "Create a New Folder": "Tạo một thư mục mới",
        "New Folder": "Thư mục mới",
        "&New Folder": "Thư mục &mới",
        "List View": "Dạng danh sách",
        "Detail View": "Dạng chi tiết",
        "Change to list view mode": "Xem dạng danh sách",
        "Change to detail view mode": "Xem dạng chi tiết",
        "Sidebar": "Thanh bên",
        "List of places and bookmarks": "Các nơi và dấu trang",
        "Files": "Tệp",
        "All Files (*)": "Mọi tệp (*)",
        "&Rename": "Đổi &tên",
        "&Delete": "&Xóa",
        "Show &hidden files": "Hiện tệp &ẩn",
        "Recent Places": "Nơi mở gần đây",
        "Are you sure you want to delete '%1'?": "Xóa '%1'?",
        "%1 already exists.\nDo you want to replace it?": "Đã có %1.\nThay tệp đó?",
    },
    "QFileSystemModel": {
        "Name": "Tên",
        "Size": "Kích thước",
        "Type": "Loại",
        "Date Modified": "Ngày sửa",
        "Computer": "Máy tính",
        "My Computer": "Máy tính",
    },
    "QAbstractFileIconProvider": {"Drive": "Ổ đĩa", "Folder": "Thư mục", "File": "Tệp"},
    # Qt's own print dialog
    "QPrintDialog": {
        "Print": "In",
        "&Print": "&In",
        "&Options >>": "&Tùy chọn >>",
        "&Options <<": "&Tùy chọn <<",
        "All Pages": "Mọi trang",
        "Odd Pages": "Trang lẻ",
        "Even Pages": "Trang chẵn",
        "Local file": "Tệp trên máy",
        "Print to File (PDF)": "In ra tệp (PDF)",
        "Write PDF file": "Ghi tệp PDF",
    },
    "QPrintWidget": {
        "Printer": "Máy in",
        "&Name:": "&Tên:",
        "P&roperties": "&Thuộc tính",
        "Location:": "Vị trí:",
        "Preview": "Xem trước",
        "Type:": "Loại:",
        "Output &file:": "&Tệp xuất:",
    },
    "QPrintSettingsOutput": {
        "Copies": "Số bản",
        "Copies:": "Số bản:",
        "Collate": "Theo bộ",
        "Reverse": "Đảo thứ tự",
        "Options": "Tùy chọn",
        "Output Settings": "Thiết lập in",
        "Print range": "Phạm vi in",
        "Print all": "In tất cả",
        "Pages from": "Từ trang",
        "to": "đến",
        "Pages": "Trang",
        "Current Page": "Trang hiện tại",
        "Selection": "Phần chọn",
        "Page &Set:": "&Nhóm trang:",
        "Color Mode": "Màu",
        "Color": "Màu",
        "Grayscale": "Thang xám",
        "Double Sided Printing": "In hai mặt",
        "Off": "Tắt",
        "Long side binding": "Đóng gáy cạnh dài",
        "Short side binding": "Đóng gáy cạnh ngắn",
    },
}


def _qt_catalogues() -> dict[str, QTranslator]:
    """Qt's own translations from PySide6's translations folder, for the languages it ships.

    Loaded before the translator is installed, never inside ``translate``: Qt holds
    its translators' lock while it asks, and loading a catalogue takes that lock.
    """
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    found = {}
    for lang in LANGUAGES:
        qm = QTranslator()
        if qm.load(f"qtbase_{lang}", folder):
            found[lang] = qm
    return found


class QtWords(QTranslator):
    """Qt's texts in the current interface language (looked up at each call: a language
    switch needs no reinstalling)."""

    def __init__(self, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._qt = _qt_catalogues()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        lang = language()
        if lang == "vi":
            words = _VI.get(context)
            if words is not None and source in words:
                return words[source]
        qm = self._qt.get(lang)
        if qm is not None:
            return qm.translate(context, source, disambiguation, n) or None
        return None

    def isEmpty(self) -> bool:
        return False


_installed: QtWords | None = None


def install() -> None:
    """Install the translator once per application."""
    global _installed
    app = QCoreApplication.instance()
    if _installed is None and app is not None:
        _installed = QtWords(app)
        app.installTranslator(_installed)
