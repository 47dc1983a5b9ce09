"""For running the test suite under libfaketime at a chosen hour (README, "Development").

Not part of HueDesk, and not imported by the tests: ``PYTHONPATH=tests/at_hour`` makes
Python load it at start-up in the faked processes. libfaketime 0.9.10 breaks Python's timed
waits in both of its modes:

* with the monotonic clock faked too (its default), a wait with a timeout
  (``threading.Event().wait(0.01)``, ``queue.get(timeout=…)``) computes its deadline on
  the faked clock and the kernel waits on the real one: it never returns;
* with ``FAKETIME_DONT_FAKE_MONOTONIC=1`` those waits work, but ``time.sleep`` fails with
  ``OSError: [Errno 22] Invalid argument`` (its absolute ``clock_nanosleep`` is rewritten).

So the suite runs with ``FAKETIME_DONT_FAKE_MONOTONIC=1`` and this module makes
``time.sleep`` wait on an event when the faked sleep refuses.
"""

from __future__ import annotations

import threading
import time

_sleep = time.sleep


def _sleep_under_faketime(seconds: float) -> None:
    try:
        _sleep(seconds)
    except OSError:
        threading.Event().wait(seconds)


time.sleep = _sleep_under_faketime
