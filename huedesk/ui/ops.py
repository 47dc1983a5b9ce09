"""One wrapper for long work: run it off the GUI thread, get the result back on the main thread.

Modelled on anki's ``QueryOp`` and its ``TaskManager``: the work is a plain
function that opens its own unit of work (session) and never touches a widget; it
receives a ``Progress`` to report through and to ask whether the user pressed
Cancel. ``run_op`` runs it on a pool of Python threads and calls ``on_done(result)``
or ``on_error(exc)`` on the main thread. With a ``title`` it shows a progress
dialog with a Cancel button while the work runs; the window never freezes.

No Qt object is created, deleted or last let go of on a worker. Workers talk to
the GUI thread through one long-lived ``_Mailbox`` (a queue under a lock and a
queued signal without arguments, as anki's ``run_on_main``), and hand over
everything they held before they post: the work function (its closure may hold
widgets) stays owned by the ``Op`` on the GUI thread, and the result is put in
the job before the worker lets go of it. The per-operation ``QObject`` signals and
``QRunnable`` that this replaced could be freed by the pool thread that finished
with them, while the GUI thread still delivered their last event: a segmentation
fault in the event loop, now and then, in long test runs. Python's garbage
collector runs on the GUI thread only (``collector``), for the same reason.

Quitting never leaves work behind: ``stop_all`` asks every running operation
to stop and drops its callbacks (their windows are going), and ``wait_all``
waits on the main thread until the workers have finished. Work that outlived
the window used to run on while Python tore the application down (its database
closed under it).
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from huedesk.errors import HueDeskError
from huedesk.ui import collector
from huedesk.ui.i18n import tr
from huedesk.workspace import Stopped, Stopper

# As many workers as Qt's global pool had (one per core, at least two): the start
# page's counting and a list's loading may run beside what the user started.
WORKERS = max(2, os.cpu_count() or 2)


class Cancelled(HueDeskError):
    """The user pressed Cancel; the work stopped and rolled back."""

    def __init__(self) -> None:
        super().__init__("Đã hủy.", "Cancelled.")


class Progress:
    """Handed to the work function: ``report`` progress, ``cancelled`` to stop early.

    Thread-safe: ``report`` posts to the GUI thread, ``cancel`` sets an event and stops
    the database statement running under ``stopper`` (work that reads through the
    workspace passes it on: ``ws.records.ids(kind, query, progress.stopper)``), so a
    long query ends at Cancel instead of running on unseen.
    """

    def __init__(self, key: int) -> None:
        self._key = key
        self._cancel = threading.Event()
        self.stopper = Stopper()

    def report(self, done: int, total: int, text: str = "") -> None:
        _mailbox().progress.emit(self._key, int(done), int(total), text)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()
        self.stopper.stop()

    def check(self) -> None:
        """Raise ``Cancelled`` if the user asked to stop (call between steps)."""
        if self._cancel.is_set():
            raise Cancelled()


class _Job:
    """What a worker gets: the work, its ``Progress``, and a place for the outcome.

    Holds nothing of Qt's, so it may be let go of on any thread."""

    def __init__(self, key: int, fn: Callable[[Progress], Any]) -> None:
        self.key = key
        self.fn: Callable[[Progress], Any] | None = fn
        self.progress = Progress(key)
        self.outcome: tuple[bool, Any] | None = None  # (succeeded, result or exception)

    def run(self) -> None:  # on a worker: no widgets here
        fn, self.fn = self.fn, None  # the Op keeps its own reference on the GUI thread
        assert fn is not None
        try:
            outcome: tuple[bool, Any] = (True, fn(self.progress))
        except Stopped:  # its statement was interrupted at Cancel
            outcome = (False, Cancelled())
        except BaseException as exc:  # delivered to the main thread, never lost
            outcome = (False, exc)
        del fn
        self.outcome = outcome
        del outcome  # the GUI thread takes it from here: let go before posting
        _mailbox().post(self.key)


class _Mailbox(QObject):
    """The one QObject workers talk to, made on the GUI thread and kept for good."""

    posted = Signal()
    progress = Signal(int, int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._finished: deque[int] = deque()
        self._active = 0  # workers between taking a job and posting its outcome
        self.executor = ThreadPoolExecutor(WORKERS, thread_name_prefix="huedesk-op")
        self.posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.progress.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    def submit(self, job: _Job) -> None:
        with self._lock:
            self._active += 1
        self.executor.submit(job.run)

    def post(self, key: int) -> None:  # on a worker
        with self._lock:
            self._finished.append(key)
            self._active -= 1
        self.posted.emit()

    def active(self) -> int:
        with self._lock:
            return self._active

    @Slot()
    def _deliver(self) -> None:
        while True:
            with self._lock:
                if not self._finished:
                    return
                key = self._finished.popleft()
            op = Op._running.pop(key, None)
            if op is not None:
                op._finish()

    @Slot(int, int, int, str)
    def _show_progress(self, key: int, done: int, total: int, text: str) -> None:
        op = Op._running.get(key)
        if op is not None:
            op._show_progress(done, total, text)


_the_mailbox: _Mailbox | None = None
_mailbox_lock = threading.Lock()


def _mailbox() -> _Mailbox:
    global _the_mailbox
    with _mailbox_lock:
        if _the_mailbox is None:  # first made by run_op, on the GUI thread
            _the_mailbox = _Mailbox()
        return _the_mailbox


class Op:
    """A running piece of background work, kept in ``Op._running`` until it reports back."""

    _running: dict[int, Op] = {}
    _keys = itertools.count(1)

    def __init__(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
        title: str | None = None,
    ) -> None:
        self.key = next(Op._keys)
        self._job = _Job(self.key, fn)
        self._fn: Callable[[Progress], Any] | None = fn  # let go of here, on the GUI thread
        self.progress = self._job.progress
        self._on_done: Callable[[Any], None] | None = on_done
        self._on_error: Callable[[BaseException], None] | None = on_error
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

    def start(self) -> Op:
        collector.install()  # from now on no worker ever runs the garbage collector
        mailbox = _mailbox()
        Op._running[self.key] = self
        mailbox.submit(self._job)
        return self

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

    def _finish(self) -> None:
        """On the GUI thread, once the worker has let go: close the dialog, call back."""
        outcome, self._job.outcome = self._job.outcome, None
        on_done, on_error = self._on_done, self._on_error
        self._fn = self._on_done = self._on_error = None
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):  # gone with its parent window?
            dialog.canceled.disconnect(self.progress.cancel)
            dialog.reset()
            dialog.deleteLater()
        if self.abandoned or outcome is None or on_done is None or on_error is None:
            return
        succeeded, value = outcome
        if succeeded:
            on_done(value)
        else:
            on_error(value)


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


def idle() -> bool:
    """No operation under way and no worker still inside one."""
    return not Op._running and (_the_mailbox is None or not _the_mailbox.active())


def titles() -> list[str]:
    """What the running operations that the user started are doing (their progress titles)."""
    return [op.title for op in Op._running.values() if op.title]


def stop_all() -> None:
    """Ask every running operation to stop; none of them reports back any more."""
    for op in list(Op._running.values()):
        op.abandon()


def wait_all(timeout_s: float | None = None) -> bool:
    """Wait on the main thread until no operation runs (workers done, their outcomes
    delivered); False if ``timeout_s`` passed first.

    Events are processed meanwhile, so a progress dialog keeps drawing and a
    finished operation's callback runs here.
    """
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    while True:
        QCoreApplication.processEvents()
        if idle():
            return True
        if deadline is not None and time.monotonic() >= deadline:
            return False
        time.sleep(0.02)
