"""Keep ``None``, ``True`` and ``False`` alive under PySide6 6.12.0 on Python 3.11.

The quit crash of issue #13 (``Fatal Python error: bool_dealloc`` at the end of a long
session or test run, exit 134) comes from the Qt bindings, not from HueDesk: on CPython
3.11, PySide6 6.12.0 returns ``None`` from every ``void`` method and ``True`` from
``Signal.emit``, ``connect`` and ``disconnect`` *without* adding the reference its caller
then drops. Each ``label.setText(…)``, ``app.processEvents()``, ``QTimer.singleShot(…)``,
``pool.start(…)`` takes one reference from ``None`` for good, and each ``signal.emit(…)``
one from ``True`` (measured: 100 calls, 100 references fewer; PySide6 6.11.3 loses none).
Python 3.12 made these objects immortal, which is presumably why the bindings (built for
the stable ABI, whose 3.12 headers return them without a reference) behave there; on 3.11
the count runs down while the program works, and reaches zero when the interpreter tears
down the modules that held the rest: ``bool_dealloc`` (or ``none_dealloc``) aborts the
process after the window has closed.

There is no PySide6 release without the fault that also ships QtPdf separately
(PySide6-Pdf is 6.12 only), and Python 3.11 is what the build uses. So the UI package
does at import what Python 3.12 does for these objects: their reference counts are raised
so far that no session can run them down (``keep_alive``). The write happens once, on the
main thread before Qt starts a thread, and is checked through ``sys.getrefcount``; on a
Python that already makes them immortal, or one whose object layout differs, nothing is
touched. See docs/architecture.md ("The quit crash").
"""

from __future__ import annotations

import ctypes
import sys

# Far beyond what any session can lose (one per Qt call), far below overflowing a count.
HEADROOM = sys.maxsize >> 4

SINGLETONS = (None, True, False, NotImplemented)


def needed() -> bool:
    """True on an interpreter whose ``None``/``True``/``False`` can be deallocated."""
    return (
        sys.implementation.name == "cpython"
        and sys.version_info < (3, 12)
        and not hasattr(sys, "getobjects")  # a trace-refs build lays objects out otherwise
    )


def keep_alive() -> bool:
    """Raise the singletons' reference counts by ``HEADROOM`` once; True if done (now or
    before). Call on the main thread before Qt runs work on other threads."""
    if not needed():
        return False
    for obj in SINGLETONS:
        if sys.getrefcount(obj) >= HEADROOM:
            continue  # done before
        count = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt, PyObject's first field
        if abs(count.value - sys.getrefcount(obj)) > 8:  # not that field: leave it alone
            return False
        count.value += HEADROOM
    return True
