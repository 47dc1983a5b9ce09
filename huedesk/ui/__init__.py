"""The Qt desktop interface (the only package that imports PySide6).

Views lay widgets out, controllers (``ListPage``, ``RecordEditor``, ``Desk``) hold
behaviour, and every database access goes through ``huedesk.records`` units of
work; ``ops.run_op`` moves long work off the UI thread.
"""
