"""One wrapper for long work: run it off the GUI thread, get the result back on the main thread.

Modelled on anki's ``QueryOp``: the work is a plain function that opens its own
unit of work (session) and never touches a widget; it receives a ``Progress``
to report through and to ask whether the user pressed Cancel. ``run_op`` runs
it on the global ``QThreadPool`` and calls ``on_done(result)`` or
``on_error(exc)`` on the main thread. With a ``title`` it shows a progress
dialog with a Cancel button while the work runs; the window never freezes.

Python's cyclic garbage collector is paused while work runs: a collection
triggered on the pool thread could free widgets left in reference cycles,
and Qt widgets must only ever be destroyed on the GUI thread (it crashes
otherwise). The collector runs again, on the main thread, when the last
operation reports back (young generations at once, the rest on its schedule).

Quitting never leaves work behind: ``stop_all`` asks every running operation
to stop and drops its callbacks (their windows are going), and ``wait_all``
waits on the main thread until the pool threads have finished. Work that
outlived the window used to run on while Python tore the application down
(its signals already deleted, its database closed under it).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from huedesk.errors import HueDeskError
from huedesk.ui.i18n import tr
from huedesk.workspace import Stopped, Stopper


class Cancelled(HueDeskError):
    """The user pressed Cancel; the work stopped and rolled back."""

    def __init__(self) -> None:
        super().__init__("Đã hủy.", "Cancelled.")


class Progress:
    """Handed to the work function: ``report`` progress, ``cancelled`` to stop early.

    Thread-safe: ``report`` emits a queued signal, ``cancel`` sets an event and stops
    the database statement running under ``stopper`` (work that reads through the
    workspace passes it on: ``ws.records.ids(kind, query, progress.stopper)``), so a
    long query ends at Cancel instead of running on unseen.
    """

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        self.stopper = Stopper()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(int(done), int(total), text)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()
        self.stopper.stop()

    def check(self) -> None:
        """Raise ``Cancelled`` if the user asked to stop (call between steps)."""
        if self._cancel.is_set():
            raise Cancelled()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class _Runner(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress):
        super().__init__()
        self._fn = fn
        self._signals = signals
        self._progress = progress
        self.setAutoDelete(True)

    def run(self) -> None:  # runs on a pool thread: no widgets here
        try:
            result = self._fn(self._progress)
        except Stopped:  # its statement was interrupted at Cancel
            self._signals.failed.emit(Cancelled())
        except BaseException as exc:  # delivered to the main thread, never lost
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)


class Op(QObject):
    """A running piece of background work (kept alive until it reports back)."""

    _running: set[Op] = set()
    _paused_gc = False

    def __init__(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
        title: str | None = None,
    ) -> None:
        super().__init__()
        self.signals = _Signals()
        self.progress = Progress(self.signals)
        self._on_done = on_done
        self._on_error = on_error
        self.title = title
        self.abandoned = False  # stopped for good (the window is closing): no callbacks
        self.dialog: QProgressDialog | None = None
        if title is not None:
            self.dialog = QProgressDialog(title, tr("cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.setMinimumWidth(420)
            self.dialog.canceled.connect(self.progress.cancel)
        self.signals.done.connect(self._finish_ok, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._finish_error, Qt.ConnectionType.QueuedConnection)
        self.signals.progress.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._runner = _Runner(fn, self.signals, self.progress)

    def start(self) -> Op:
        if not Op._running and gc.isenabled():
            gc.disable()
            Op._paused_gc = True
        Op._running.add(self)
        QThreadPool.globalInstance().start(self._runner)
        return self

    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, text: str) -> None:
        if self.dialog is None:
            return
        if text:
            self.dialog.setLabelText(text)
        if total <= 0:
            # A step of unknown length: a busy bar (setValue would reset and hide the dialog).
            self.dialog.setRange(0, 0)
            self.dialog.show()
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total))

    def abandon(self) -> None:
        """Ask the work to stop and forget what it was to do afterwards."""
        self.abandoned = True
        self.progress.cancel()

    def _close(self) -> None:
        Op._running.discard(self)
        if not Op._running and Op._paused_gc:
            Op._paused_gc = False
            gc.enable()
            # The young generations, here on the GUI thread: what the work left behind.
            # Older garbage is collected by the collector's own schedule, also on this
            # thread (no work is running). A full collection after every piece of work
            # cost seconds once the heap was large (a long test run: 1.6 GB).
            gc.collect(1)
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):  # gone with its parent window?
            dialog.canceled.disconnect(self.progress.cancel)
            dialog.reset()
            dialog.deleteLater()

    @Slot(object)
    def _finish_ok(self, result: Any) -> None:
        self._close()
        if not self.abandoned:
            self._on_done(result)

    @Slot(object)
    def _finish_error(self, exc: BaseException) -> None:
        self._close()
        if not self.abandoned:
            self._on_error(exc)


def run_op(
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    parent: QWidget | None = None,
    title: str | None = None,
) -> Op:
    """Run ``fn(progress)`` on a pool thread; ``on_done``/``on_error`` run on the main thread."""
    return Op(fn, on_done, on_error, parent, title).start()


def running() -> int:
    """How many background operations are still under way (tests wait for zero)."""
    return len(Op._running)


def titles() -> list[str]:
    """What the running operations that the user started are doing (their progress titles)."""
    return [op.title for op in Op._running if op.title]


def stop_all() -> None:
    """Ask every running operation to stop; none of them reports back any more."""
    for op in list(Op._running):
        op.abandon()


def wait_all(timeout_s: float | None = None) -> bool:
    """Wait on the main thread until no operation runs (pool threads finished, their last
    signals delivered); False if ``timeout_s`` passed first.

    Events are processed meanwhile, so a progress dialog keeps drawing and a
    finished operation's callback runs here.
    """
    pool = QThreadPool.globalInstance()
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    while Op._running or pool.activeThreadCount():
        if deadline is not None and time.monotonic() >= deadline:
            return False
        pool.waitForDone(50)
        QCoreApplication.processEvents()
    return True
