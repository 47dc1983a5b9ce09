"""Python's cyclic garbage collector, run only on the GUI thread.

CPython runs a collection in whichever thread happens to allocate when a
generation's count passes its threshold. Once background work runs on other
threads (``ops``, the bulk writer, the archive's hashing threads), that thread
may be a worker, and a collection there frees whatever sits in unreachable
reference cycles: widgets and other Qt objects of windows closed earlier among
them. Qt objects must only be destroyed on the thread they belong to; destroyed
on a worker while the GUI thread paints or delivers events, they crash the
program (an intermittent segmentation fault in the UI tests, in the event loop,
while a worker wrote the figures workbook).

So, as calibre and Camelot do (the "GarbageCollector" recipe by Erik Janssens),
automatic collection is switched off once the window exists, and a timer on the
GUI thread runs the same schedule by hand: generation 0 when its count passes
the threshold, then 1, then 2, just as the interpreter would, only always here.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 1000  # often enough that cycles do not pile up between two looks


class _Collector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> int:
        """Collect what the interpreter's own schedule would have collected by now: nothing
        until generation 0 passes its threshold, then the oldest generation whose count
        passes its own (as CPython's ``collect_generations`` chooses)."""
        counts = gc.get_count()
        if counts[0] <= self.thresholds[0]:
            return -1
        for generation in (2, 1):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return generation
        gc.collect(0)
        return 0


_installed: _Collector | None = None


def install() -> None:
    """Collect on the GUI thread only, from now on (call on the GUI thread, once a
    ``QCoreApplication`` exists; calling again does nothing)."""
    global _installed
    if _installed is not None:
        return
    app = QCoreApplication.instance()
    if app is None or threading.current_thread() is not threading.main_thread():
        raise RuntimeError("the collector belongs to the GUI thread of a running application")
    _installed = _Collector(app)
    gc.disable()


def installed() -> bool:
    return _installed is not None


def check() -> int:
    """Run the due collection now (on the GUI thread): -1 if none was due, else the
    generation collected. Tests call it between tests, when no event loop runs."""
    if _installed is None:
        return -1
    return _installed.check()
