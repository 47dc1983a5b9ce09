"""The document settings as a workspace capability: what every brief's frame prints.

Plain text values in and out (the settings dialog fills a form with them); the
service (``huedesk.document_settings``) checks them, keeps them in the database
and audits the change. Only administrators change them; everyone may read them.
"""

from __future__ import annotations

from collections.abc import Mapping

from huedesk import document_settings
from huedesk.document_settings import DocSettings
from huedesk.workspace.protocol import Bound


class Documents:
    """Agency names, the signer and document numbering, as this user may see and change them."""

    def __init__(self, ws: Bound) -> None:
        self._ws = ws

    @property
    def can_change(self) -> bool:
        return self._ws.principal.can_manage_users

    def settings(self) -> DocSettings:
        return document_settings.read(self._ws.db)

    def values(self) -> dict[str, str]:
        """The settings as text, field by field (enum fields as their stored values)."""
        current = self.settings()
        return {name: str(getattr(current, name)) for name in document_settings.FIELDS}

    def save(self, values: Mapping[str, object]) -> DocSettings:
        """Check and keep new settings (administrators only; audited)."""
        return document_settings.save(self._ws.db, self._ws.actor, values)
