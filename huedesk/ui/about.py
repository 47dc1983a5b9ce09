"""The Help menu: the About box (version, data folder) and opening the data folder.

The About box says which HueDesk this is and where its data lives, so an official
(or the colleague on the phone helping them) can find the database and its
backups; the path can be selected and copied. "Open data folder" shows that
folder in the system's file manager.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QMessageBox, QWidget

from huedesk import __version__
from huedesk.paths import data_dir_for, portable_data_dir, resource
from huedesk.ui.i18n import tr


def app_icon() -> QIcon:
    """HueDesk's icon (``huedesk/resources/icons/huedesk.png``, read as package data)."""
    image = QImage.fromData(resource("icons", "huedesk.png").read_bytes())
    return QIcon(QPixmap.fromImage(image))


def about_text(db_path: Path, server: str | None = None) -> str:
    """What the About box says: version, data folder, database file (or ``server``:
    ``user@host:port/dbname``), and portable mode."""
    db_path = Path(db_path).resolve()
    folder = data_dir_for(db_path)
    text = tr("about_text", version=__version__, folder=folder) + "\n"
    text += tr("data_server", server=server) if server else tr("data_file", path=db_path)
    if portable_data_dir() == folder:
        text += "\n" + tr("about_portable")
    return text


def show_about(parent: QWidget, db_path: Path, server: str | None = None) -> QMessageBox:
    """Open the About box (modeless, so a test or the user can read it and close it)."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr("about").replace("&", ""))
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setText(about_text(db_path, server))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_data_folder(db_path: Path) -> bool:
    """Show the folder that holds the database, its attachments and backups."""
    folder = data_dir_for(Path(db_path).resolve())
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
