"""An aid project's commitment in đồng: one rule for the aid statement, the review and the figures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from huedesk.db.enums import TransactionType
from huedesk.money import to_vnd


def committed_vnd(currency: str, committed: int, txs: Sequence[Any]) -> tuple[int | None, bool]:
    """The commitment in VND, and whether its rate was borrowed from a non-commitment entry.

    ``txs`` are the project's transactions (anything with ``tx_type``, ``currency``,
    ``amount``, ``rate_to_vnd`` and ``amount_vnd``), oldest first. Commitment
    entries that add up to the committed amount give their own VND values;
    otherwise the commitment is converted at the latest commitment rate, failing
    that at the latest rate of any entry in the same currency; with no rate at all
    the VND value is unknown (``None``).
    """
    if currency == "VND":
        return committed, False
    rated = [t for t in txs if t.currency == currency and t.rate_to_vnd is not None]
    commits = [t for t in rated if t.tx_type == TransactionType.COMMITMENT]
    if commits and sum(t.amount for t in commits) == committed:
        return sum(t.amount_vnd for t in commits), False
    if commits:
        return to_vnd(committed, currency, commits[-1].rate_to_vnd), False
    if rated:
        return to_vnd(committed, currency, rated[-1].rate_to_vnd), True
    return None, False
