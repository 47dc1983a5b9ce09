"""Argument types the subcommands share: a day typed dd/mm/yyyy, a year typed YYYY."""

from __future__ import annotations

import argparse
import datetime as dt

from huedesk.formatting import parse_date


def day(text: str) -> dt.date:
    """A date typed as people write it (dd/mm/yyyy)."""
    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' không phải ngày (dd/mm/yyyy) / not a date"
        ) from None


def year(text: str) -> int:
    """A four-digit year."""
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"'{text}' không phải năm / not a year (YYYY)")
    return int(text)
