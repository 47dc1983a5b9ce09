"""Plain-text tables for the terminal: columns padded to their widest cell."""

from __future__ import annotations

from collections.abc import Sequence


def table_lines(rows: Sequence[Sequence[str]], *, free_last: bool = False) -> list[str]:
    """Lines of ``rows`` (the first is the header) in aligned columns.

    With ``free_last`` the last column is not padded, so one long column (the
    changes of an audit entry) does not widen every line.
    """
    if not rows:
        return []
    n = len(rows[0]) - (1 if free_last else 0)
    widths = [max(len(row[i]) for row in rows) for i in range(n)]
    lines = []
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row[:n], widths, strict=True)] + list(row[n:])
        lines.append("  ".join(cells).rstrip())
    return lines
