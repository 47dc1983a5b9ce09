"""Opening a file in the program the system has for it, and saying so when there is none.

``QDesktopServices.openUrl`` returns ``False`` when no program is registered for
the file's type (an office PC without a PDF viewer): "Mở tài liệu" then did
nothing at all. ``open_file`` tells the user where the file is and offers its
folder instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from huedesk.ui.i18n import tr

# Replaced in tests (no test may start a real viewer).
open_url = QDesktopServices.openUrl


def open_file(parent: QWidget | None, path: Path) -> bool:
    """Open ``path`` in the system's program for it; when there is none, say so clearly."""
    if open_url(QUrl.fromLocalFile(str(path))):
        return True
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(tr("no_viewer_title"))
    box.setText(tr("no_viewer_text", kind=path.suffix.lstrip(".").upper() or "?", path=path))
    folder = box.addButton(tr("no_viewer_folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is folder:
        open_url(QUrl.fromLocalFile(str(path.parent)))
    return False
