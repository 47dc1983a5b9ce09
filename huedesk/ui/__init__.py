"""The Qt desktop interface (the only package that imports PySide6).

Views lay widgets out, controllers (``ListPage``, ``RecordEditor``, ``Desk``) hold
behaviour, and every database access goes through ``huedesk.records`` units of
work; ``ops.run_op`` moves long work off the UI thread.
"""

from huedesk.ui.singletons import keep_alive as _keep_alive

# Before any Qt call: PySide6 6.12.0 on Python 3.11 drops a reference to None/True on every
# void call and emit; without this a long session ends in "bool_dealloc" (ui/singletons.py).
_keep_alive()
