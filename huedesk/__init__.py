"""HueDesk: offline case management for the Department of Foreign Affairs of Huế City.

The package is split so that everything below ``huedesk.ui`` runs headless:
``huedesk.db`` holds the schema, engine and migrations; the service modules
(``huedesk.records``, ``huedesk.demo``, ``huedesk.check`` …) hold behaviour;
``huedesk.ui`` is the only place that imports Qt.
"""

__version__ = "0.1.0"
