"""Background work never lets a worker free what belongs to the GUI thread.

Qt objects must be destroyed on the GUI thread. A worker that drops the last
reference to a work function's closure, to its result, or that runs Python's
garbage collector over cycles left by closed windows, destroys them on the wrong
thread; the GUI thread then crashes in its event loop, now and then. These tests
stand in for widgets with objects that note the thread they are freed on.
"""

from __future__ import annotations

import gc
import threading
from typing import Any

import pytest

from huedesk.ui import collector, ops
from huedesk.ui.ops import Progress, run_op


def _ignore(_value: object) -> None:
    pass


class Noted:
    """Notes the thread that frees it (as a widget's C++ destructor would run there)."""

    freed_on: list[str] = []

    def __del__(self) -> None:
        Noted.freed_on.append(threading.current_thread().name)


def _churn(n: int) -> int:
    """Allocate like real work (the figures workbook builds rows): ``n`` containers
    kept until the work ends, so the collector's counts pass their thresholds."""
    rows = [[{"a": i}] for i in range(n)]
    return len(rows)


def test_closures_results_and_errors_are_let_go_of_on_the_gui_thread(qtbot: Any) -> None:
    Noted.freed_on = []
    delivered: list[Any] = []

    def start(i: int) -> None:
        held = Noted()  # what a work function's closure holds (a window, say)

        def work(_p: Progress) -> Any:
            _churn(200)
            if i % 3 == 0:
                raise ValueError(held)  # an error's traceback holds the frame too
            return (held, Noted())  # a result handed to the GUI thread

        run_op(work, lambda r: delivered.append(type(r)), lambda e: delivered.append(type(e)))

    for i in range(120):
        start(i)
    qtbot.waitUntil(ops.idle, timeout=60_000)
    assert len(delivered) == 120
    assert len(Noted.freed_on) == 120 + 80
    assert set(Noted.freed_on) == {threading.main_thread().name}


def test_no_collection_runs_on_a_worker(qtbot: Any) -> None:
    """Cycles left behind (closed windows hold many) wait for the GUI thread's collector,
    however much a worker allocates."""
    run_op(lambda _p: None, _ignore, _ignore)  # the first work installs the collector
    qtbot.waitUntil(ops.idle)
    assert collector.installed() and not gc.isenabled()
    Noted.freed_on = []
    for _ in range(50):
        a, b = Noted(), Noted()
        a.other, b.other = b, a  # type: ignore[attr-defined]
    del a, b
    done: list[Any] = []
    run_op(lambda _p: _churn(300_000), done.append, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    assert done == [300_000]
    assert set(Noted.freed_on) <= {threading.main_thread().name}, "a worker collected cycles"
    gc.collect(1)  # on this thread, as the collector's timer does
    if len(Noted.freed_on) < 100:  # promoted to the oldest generation meanwhile
        gc.collect()
    assert len(Noted.freed_on) == 100
    assert set(Noted.freed_on) == {threading.main_thread().name}


def test_the_collector_follows_the_interpreters_schedule(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_op(lambda _p: None, _ignore, _ignore)
    qtbot.waitUntil(ops.idle)
    installed = collector._installed
    assert installed is not None
    young, middle, _old = installed.thresholds
    # the oldest generation is left out: a full collection of a long run's heap takes seconds
    monkeypatch.setattr(installed, "thresholds", (young, middle, 10**9))
    gc.collect(1)
    assert collector.check() == -1, "nothing allocated since: nothing due"
    keep = [[i] for i in range(young * 2)]
    assert collector.check() == 0, "generation 0 passed its threshold"
    assert gc.get_count()[0] < young
    for _ in range(middle + 1):
        keep += [[i] for i in range(young * 2)]
        collector.check()
    assert gc.get_count()[1] <= middle, "generation 1 collected once its count passed"
