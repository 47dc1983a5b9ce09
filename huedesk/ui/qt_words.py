"""Qt's own words (standard dialog buttons) in the interface language.

PySide6 wheels ship no Vietnamese translation of Qt itself, so message boxes
would say "Yes"/"Cancel" in a Vietnamese window. This translator answers the
few strings Qt's standard buttons and dialogs ask for from our catalogue
language; everything else falls through to Qt's English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from huedesk.ui.i18n import language

_VI = {
    "OK": "Đồng ý",
    "&OK": "&Đồng ý",
    "Cancel": "Hủy",
    "&Cancel": "&Hủy",
    "Close": "Đóng",
    "&Close": "Đó&ng",
    "Save": "Lưu",
    "&Save": "&Lưu",
    "Discard": "Không lưu",
    "&Discard": "&Không lưu",
    "Don't Save": "Không lưu",
    "&Yes": "&Có",
    "&No": "&Không",
    "Yes": "Có",
    "No": "Không",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Help": "Trợ giúp",
    "Open": "Mở",
    "&Open": "&Mở",
    "Print": "In",
    "&Print": "&In",
    "File &name:": "Tên &tệp:",
    "Look in:": "Tìm trong:",
    "Files of type:": "Loại tệp:",
}


class QtWords(QTranslator):
    """Translates Qt's standard button and dialog texts into Vietnamese when it is the language."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if language() == "vi":
            return _VI.get(source)
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
