"""Opening the database for the window off the GUI thread, with a notice when it is slow.

Opening is usually a fraction of a second. The first opening after an update can take
minutes on a large database: the schema's migrations, or a rebuild of the search index
(a server database of 200,000 records rebuilds it in about two minutes,
``docs/server.md``). It happens before any window exists, so without a notice people
saw nothing happen, started HueDesk again, or ended it, and ending it rolls the
upgrade back (one transaction) so that the next start begins again from nothing.

So the open runs on a worker (``ops``) while the GUI thread keeps drawing, and after
``NOTICE_AFTER_MS`` a small window says what is going on. It has no Cancel: the
database cannot be used until the upgrade is done, and a program that is ended
anyway writes nothing half-way (the notice says so).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressDialog

from huedesk.ui import ops
from huedesk.ui.i18n import tr
from huedesk.workspace import Door

NOTICE_AFTER_MS = 800


def open_with_notice(open_door: Callable[[], Door]) -> Door:
    """``open_door()`` run on a worker; its door, or its exception raised here, on the GUI thread."""
    outcome: list[tuple[bool, Any]] = []
    loop = QEventLoop()

    def finish(succeeded: bool, value: Any) -> None:
        outcome.append((succeeded, value))
        loop.quit()

    notice = QProgressDialog("", "", 0, 0)
    label = QLabel(tr("opening_slow"))
    label.setWordWrap(True)  # a long sentence: the dialog would be as wide as the screen
    notice.setLabel(label)
    notice.setWindowTitle("HueDesk")
    notice.setCancelButton(None)  # type: ignore[arg-type]  # Qt takes no button: none shown
    notice.setWindowFlags(
        Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint
    )  # no close button: closing the notice would leave nothing on the screen
    notice.setFixedWidth(480)
    stay = lambda: None if outcome else notice.show()  # noqa: E731
    notice.canceled.connect(stay)  # Escape or Alt+F4 hide it: it comes back
    notice.rejected.connect(stay)
    notice.reset()  # a new QProgressDialog shows itself after 4 s; this one waits for the timer
    QTimer.singleShot(NOTICE_AFTER_MS, stay)
    ops.run_op(
        lambda _progress: open_door(),
        lambda door: finish(True, door),
        lambda exc: finish(False, exc),
    )
    loop.exec()  # the outcome is delivered by this loop (ops' mailbox), which it then ends
    notice.hide()
    notice.deleteLater()
    succeeded, value = outcome[0]
    if not succeeded:
        raise value
    return value  # type: ignore[no-any-return]
