"""Status workflows: which status may follow which, per record kind.

A new record may start in any status (officials also enter past visits that are
long completed); after that, a status change must follow an arrow here.
"""

from __future__ import annotations

from dataclasses import dataclass

from huedesk.db import enums as e
from huedesk.db.enums import LabelledEnum


@dataclass(frozen=True)
class Workflow:
    """Allowed transitions between the members of a status enum."""

    enum: type[LabelledEnum]
    transitions: dict[str, frozenset[str]]

    def allowed(self, current: str, new: str) -> bool:
        return current == new or new in self.transitions.get(current, frozenset())

    def next_statuses(self, current: str) -> list[LabelledEnum]:
        """The statuses a record in ``current`` may move to, in the enum's order."""
        nxt = self.transitions.get(current, frozenset())
        return [m for m in self.enum if m.value in nxt]


def _wf(enum: type[LabelledEnum], arrows: dict[str, set[str]]) -> Workflow:
    missing = {m.value for m in enum} - set(arrows)
    if missing:
        raise ValueError(f"workflow for {enum.__name__} misses {missing}")
    return Workflow(enum, {k: frozenset(v) for k, v in arrows.items()})


DELEGATION = _wf(
    e.DelegationStatus,
    {
        "planned": {"approved", "cancelled"},
        "approved": {"planned", "in_progress", "cancelled"},
        "in_progress": {"completed", "cancelled"},
        "completed": {"reported"},
        "reported": set(),
        "cancelled": {"planned"},
    },
)

CASE = _wf(
    e.CaseStatus,
    {
        "open": {"in_progress", "cancelled"},
        "in_progress": {"awaiting_response", "resolved", "cancelled"},
        "awaiting_response": {"in_progress", "resolved"},
        "resolved": {"closed", "in_progress"},
        "closed": {"in_progress"},
        "cancelled": set(),
    },
)

AID = _wf(
    e.AidStatus,
    {
        "proposed": {"approved", "cancelled"},
        "approved": {"in_progress", "cancelled"},
        "in_progress": {"completed", "cancelled"},
        "completed": {"closed"},
        "closed": set(),
        "cancelled": set(),
    },
)

AGREEMENT = _wf(
    e.AgreementStatus,
    {
        "negotiating": {"signed", "terminated"},
        "signed": {"in_force", "terminated"},
        "in_force": {"expired", "terminated"},
        "expired": {"in_force"},
        "terminated": set(),
    },
)

PARTNERSHIP = _wf(
    e.PartnershipStatus,
    {
        "proposed": {"negotiating", "established", "ended"},
        "negotiating": {"established", "ended"},
        "established": {"suspended", "ended"},
        "suspended": {"established", "ended"},
        "ended": set(),
    },
)

FDI = _wf(
    e.FdiStatus,
    {
        "proposed": {"licensed", "terminated"},
        "licensed": {"under_construction", "operating", "suspended", "terminated"},
        "under_construction": {"operating", "suspended", "terminated"},
        "operating": {"suspended", "terminated"},
        "suspended": {"operating", "under_construction", "terminated"},
        "terminated": set(),
    },
)

EVENT = _wf(
    e.EventStatus,
    {
        "planned": {"confirmed", "cancelled"},
        "confirmed": {"held", "cancelled"},
        "held": {"reported"},
        "reported": set(),
        "cancelled": {"planned"},
    },
)

TASK = _wf(
    e.TaskStatus,
    {
        "open": {"in_progress", "done", "cancelled"},
        "in_progress": {"open", "done", "cancelled"},
        "done": {"in_progress"},
        "cancelled": {"open"},
    },
)
