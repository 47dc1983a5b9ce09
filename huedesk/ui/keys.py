"""Application-wide shortcuts that work wherever the cursor is.

Two things stop a window's shortcut from firing. A text field may claim the key
first: on Linux a line edit takes Ctrl+E for "end of line" (the Emacs binding of
the platform's key theme), so Ctrl+E did nothing while the search box had the
cursor. And a shortcut of the main window is not heard in a record window, which
is a window of its own. ``make_global`` gives an action the application as its
context, and ``ShortcutGuard`` (installed once on the application) refuses text
fields those few keys, so the action gets them. Keys a text field needs for
editing (Ctrl+Z, Delete, Ctrl+A …) are never made global.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

_TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox)


class ShortcutGuard(QObject):
    """Keeps text fields from claiming the keys of application-wide shortcuts.

    Only ``ShortcutOverride`` events are looked at (the question a text field is
    asked before a shortcut fires); every other event passes untouched.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keys: set[QKeyCombination] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.keyCombination() in self.keys
            and isinstance(watched, _TEXT_INPUTS)
        ):
            event.ignore()
            return True  # not offered to the field: the shortcut takes the key
        return False


_guard: ShortcutGuard | None = None


def install() -> ShortcutGuard | None:
    """Install the guard on the application (once)."""
    global _guard
    app = QCoreApplication.instance()
    if _guard is None and app is not None:
        _guard = ShortcutGuard(app)
        app.installEventFilter(_guard)
    return _guard


def make_global(action: QAction) -> QAction:
    """Let ``action``'s shortcut work from every HueDesk window and every field in it."""
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    guard = install()
    if guard is not None:
        for sequence in action.shortcuts():
            if sequence.count():
                guard.keys.add(sequence[0])  # type: ignore[index]  # stubs lack __getitem__
    return action
