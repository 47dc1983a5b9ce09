"""Windows that fit the screen they open on, and remember their place on each screen.

An official's laptop has a 1366×768 screen with a taskbar: a window asking for
1400×860 hides its own buttons. Every window and dialog of HueDesk is sized with
``fit`` (the size it would like, cut to the screen's *available* area — taskbar
and docks excluded — less what the window manager adds for the title bar), and
windows the user resizes are kept with ``remember``/``restore`` under a key that
names the screen: a laptop used alone and docked to a large monitor keeps one
size for each. Forms scroll (``scrolling``) rather than grow past the screen.

``pretend_screen`` lets tests say which area the screen offers (the offscreen
platform has one fixed screen and no taskbar).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# What a window manager adds around the client area (title bar, borders), before the
# window is shown and the real frame is known.
FRAME = QSize(16, 38)

_pretend: QRect | None = None


@contextmanager
def pretend_screen(area: QRect) -> Iterator[None]:
    """Within the block, every window fits ``area`` as if it were the available screen."""
    global _pretend
    before, _pretend = _pretend, QRect(area)
    try:
        yield
    finally:
        _pretend = before


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen ``widget`` is on, or will open on (its parent's window's, else the primary)."""
    parent = widget.parentWidget()
    host = parent.window() if parent is not None and not widget.isVisible() else widget
    return host.screen() or QGuiApplication.primaryScreen()


def available(widget: QWidget) -> QRect:
    """The part of ``widget``'s screen a window may use (taskbar and docks left out)."""
    if _pretend is not None:
        return QRect(_pretend)
    screen = screen_of(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def largest(widget: QWidget) -> QSize:
    """The largest client size a window of ``widget`` may have on its screen."""
    area = available(widget)
    return QSize(max(area.width() - FRAME.width(), 200), max(area.height() - FRAME.height(), 150))


def fit(widget: QWidget, width: int, height: int) -> QSize:
    """Give the window ``widget`` the size it asks for, cut to its screen; returns the size.

    Its minimum size is cut too, so no layout can push it past the screen (the
    content scrolls instead), and it is centred on the available area.
    """
    most = largest(widget)
    minimum = widget.minimumSize()
    widget.setMinimumSize(min(minimum.width(), most.width()), min(minimum.height(), most.height()))
    size = QSize(min(width, most.width()), min(height, most.height()))
    widget.resize(size)
    centre(widget)
    return size


def centre(widget: QWidget) -> None:
    """Put the window in the middle of the available area (or of its parent window)."""
    area = available(widget)
    parent = widget.parentWidget()
    middle = parent.window().frameGeometry().center() if parent is not None else area.center()
    top_left = middle - QPoint(widget.width() // 2, widget.height() // 2)
    widget.move(_inside(QRect(top_left, widget.size() + FRAME), area).topLeft())


def keep_inside(widget: QWidget) -> None:
    """Move and, if need be, shrink the window so all of it lies on the available area."""
    area = available(widget)
    frame = widget.frameGeometry()
    extra = frame.size() - widget.size() if widget.isVisible() else FRAME
    if (
        frame.width() + extra.width() > area.width()
        or frame.height() + extra.height() > area.height()
    ):
        widget.resize(
            min(widget.width(), area.width() - extra.width()),
            min(widget.height(), area.height() - extra.height()),
        )
    frame = QRect(widget.frameGeometry().topLeft(), widget.size() + extra)
    moved = _inside(frame, area)
    if moved.topLeft() != frame.topLeft():
        widget.move(moved.topLeft())


def _inside(rect: QRect, area: QRect) -> QRect:
    """``rect`` moved (not resized) so that as much of it as fits lies within ``area``."""
    x = min(max(rect.x(), area.x()), max(area.x(), area.right() + 1 - rect.width()))
    y = min(max(rect.y(), area.y()), max(area.y(), area.bottom() + 1 - rect.height()))
    return QRect(QPoint(x, y), rect.size())


def screen_key(widget: QWidget) -> str:
    """A settings key part naming the screen: its name and available size."""
    area = available(widget)
    screen = screen_of(widget)
    name = (screen.name() if screen is not None else "") or "screen"
    safe = "".join(c if c.isalnum() else "_" for c in name)
    return f"{safe}-{area.width()}x{area.height()}"


def restore(widget: QWidget, key: str, width: int, height: int) -> None:
    """Size ``widget`` as the user left it on this screen, else ``fit`` it to ``width``×``height``.

    The place is kept as plain numbers (not Qt's geometry blob, which Qt fits to
    whatever screen it finds), so it is checked against the same available area
    as everything else here.
    """
    saved = QSettings().value(f"geometry/{key}/{screen_key(widget)}")
    try:
        x, y, w, h, maximised = (int(v) for v in str(saved or "").split(","))
    except ValueError:
        fit(widget, width, height)
        return
    most = largest(widget)
    minimum = widget.minimumSize()
    widget.setMinimumSize(min(minimum.width(), most.width()), min(minimum.height(), most.height()))
    widget.resize(min(max(w, 200), most.width()), min(max(h, 150), most.height()))
    widget.move(x, y)
    keep_inside(widget)
    if maximised:
        widget.setWindowState(widget.windowState() | Qt.WindowState.WindowMaximized)


def remember(widget: QWidget, key: str) -> None:
    """Keep ``widget``'s place and size for the screen it is on (read back by ``restore``)."""
    rect = widget.normalGeometry() if widget.isMaximized() else widget.geometry()
    if not rect.isValid():
        rect = widget.geometry()
    numbers = (rect.x(), rect.y(), rect.width(), rect.height(), int(widget.isMaximized()))
    QSettings().setValue(f"geometry/{key}/{screen_key(widget)}", ",".join(map(str, numbers)))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless vertical scroll area (a form taller than the screen scrolls)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not to the frame
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    return area
