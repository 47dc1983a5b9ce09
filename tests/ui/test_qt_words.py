"""Qt's own dialogs speak the window's language (issue #13 item 8).

PySide6 ships no Qt translation for Vietnamese; ``huedesk.ui.qt_words`` answers the
strings Qt's message boxes, file dialog, print dialog and edit menus ask for. The
dialogs below are Qt's real widgets, shown offscreen.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QPushButton

from huedesk.ui import qt_words
from huedesk.ui.i18n import set_language


@pytest.fixture
def speak(qapp: Any) -> Iterator[Any]:
    qt_words.install()
    yield set_language
    set_language("vi")


def _file_dialog(qtbot: Any) -> QFileDialog:
    dialog = QFileDialog(None, "t")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on many Linux desktops
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _labels(dialog: QFileDialog) -> dict[str, str]:
    return {w.objectName(): w.text() for w in dialog.findChildren(QLabel) if w.objectName()}


def test_file_dialog_in_vietnamese_and_english(qtbot: Any, speak: Any) -> None:
    speak("vi")
    labels = _labels(_file_dialog(qtbot))
    assert labels["lookInLabel"] == "&Tìm trong:"
    assert labels["fileNameLabel"] == "Tên &tệp:"
    assert labels["fileTypeLabel"] == "&Loại tệp:"
    speak("en")
    dialog = _file_dialog(qtbot)
    assert _labels(dialog)["fileNameLabel"] == "File &name:"
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    assert {"&Save", "Cancel"} <= buttons


def test_message_box_buttons_and_details(qtbot: Any, speak: Any) -> None:
    speak("vi")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "t",
        "x",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    box.setDetailedText("d")
    qtbot.addWidget(box)
    box.show()
    texts = {b.text() for b in box.findChildren(QPushButton)}
    assert {"&Có", "&Không", "Xem chi tiết…"} <= texts


def test_edit_menu_of_a_text_field(qtbot: Any, speak: Any) -> None:
    speak("vi")
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert texts[:5] == ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán"]
    menu.deleteLater()


def test_key_names_stay_as_qt_reads_them(speak: Any) -> None:
    speak("vi")  # "Print" is "In" on a print button, never in a shortcut's name
    native = QKeySequence.SequenceFormat.NativeText
    assert QKeySequence("Ctrl+Print").toString(native) == "Ctrl+Print"
