"""The validation report of a sheet: as lines for the terminal, and as a workbook.

The workbook repeats the sheet's own rows (from its header on) with two columns
in front: the row's status and its problems, so a person fixes the cells beside
what is wrong and imports the file again.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from huedesk.archive.tables import save_workbook, write_sheet
from huedesk.reading import from_spreadsheet_number
from huedesk.records.kinds import KINDS
from huedesk.sheets.plan import ImportPlan

STATUS_WORDS = {
    "ready": ("sẵn sàng", "ready"),
    "warning": ("cảnh báo", "warning"),
    "error": ("lỗi", "error"),
    "skipped": ("bỏ qua", "skipped"),
}
REASONS = {
    "blank": ("dòng trống", "blank row"),
    "totals": ("dòng tổng cộng", "totals row"),
    "note": ("ghi chú", "note"),
}


def _w(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def summary_lines(plan: ImportPlan, lang: str = "vi") -> list[str]:
    """What was read and how it maps, then the counts."""
    en = lang == "en"
    src = plan.source
    where = src.path.name + (f" [{src.sheet}]" if src.sheet else "")
    if src.is_csv:
        sep = {"\t": "tab"}.get(src.delimiter or ",", src.delimiter)
        where += f" ({src.encoding}, '{sep}')"
    kind = KINDS[plan.kind].label(lang)
    header = ", ".join(str(r + 1) for r in plan.mapping.header_rows)
    lines = [
        f"{'File' if en else 'Tệp'}: {where} → {kind} ({plan.kind}); "
        f"{'header row' if en else 'dòng tiêu đề'} {header}"
    ]
    for rule in plan.mapping.columns:
        if not rule.header:
            continue
        if rule.field is None:
            target = "(not imported)" if en else "(không nhập)"
        else:
            target = rule.field + (" (UUID)" if rule.role == "uuid" else "")
            extras = []
            if rule.scale:
                extras.append(f"×10^{rule.scale}")
            if rule.currency:
                extras.append(rule.currency)
            if extras:
                target += f" [{', '.join(extras)}]"
        lines.append(f"  {rule.header} → {target}")
    c = plan.counts()
    lines.append(
        (
            f"Rows: {c['ready']} ready, {c['warning']} with warnings, {c['error']} with errors, "
            f"{c['skipped']} skipped"
        )
        if en
        else (
            f"Dòng: {c['ready']} sẵn sàng, {c['warning']} có cảnh báo, {c['error']} có lỗi, "
            f"{c['skipped']} bỏ qua"
        )
    )
    return lines


def problem_lines(plan: ImportPlan, lang: str = "vi", limit: int | None = 200) -> list[str]:
    """Each problem on its own line: row, column, value, what is wrong."""
    lines: list[str] = []
    for r in plan.rows:
        for p in r.problems:
            tag = _w(STATUS_WORDS["warning" if p.warning else "error"], lang)
            lines.append(f"  {tag}: {p.message(lang)}")
    if limit is not None and len(lines) > limit:
        rest = len(lines) - limit
        lines = [*lines[:limit], f"  … {rest} {'more' if lang == 'en' else 'vấn đề nữa'}"]
    return lines


def skipped_lines(plan: ImportPlan, lang: str = "vi") -> list[str]:
    groups: dict[str, list[int]] = {}
    for r in plan.rows:
        if r.status == "skipped":
            groups.setdefault(r.reason, []).append(r.row)
    return [
        f"  {_w(REASONS.get(reason, (reason, reason)), lang)}: "
        + ", ".join(map(str, rows[:30]))
        + (" …" if len(rows) > 30 else "")
        for reason, rows in groups.items()
    ]


def _cell(value: object) -> object:
    if isinstance(value, float) and not isinstance(value, bool):
        try:
            return from_spreadsheet_number(value)
        except ValueError:
            return str(value)
    return value


def save_report(plan: ImportPlan, path: Path, lang: str = "vi") -> None:
    """The sheet's rows with their status and problems beside them, as an ``.xlsx`` workbook."""
    en = lang == "en"
    rows = plan.source.rows
    by_row = {r.row: r for r in plan.rows}
    original = [str(h) if h is not None else "" for h in rows[plan.mapping.header_rows[-1]]]
    header = ["Trạng thái" if not en else "Status", "Vấn đề" if not en else "Problems", *original]

    def body() -> list[list[object]]:
        out: list[list[object]] = []
        for index in range(plan.mapping.header_rows[-1] + 1, len(rows)):
            result = by_row.get(index + 1)
            if result is None:
                continue
            status = _w(STATUS_WORDS[result.status], lang)
            if result.status == "skipped":
                status += f" ({_w(REASONS.get(result.reason, (result.reason,) * 2), lang)})"
            problems = "\n".join(f"{p.column}: {p.en if en else p.vi}" for p in result.problems)
            cells = [_cell(v) for v in rows[index]]
            out.append([status, problems or None, *cells])
        return out

    with tempfile.TemporaryDirectory(prefix="huedesk-report-") as tmp:
        part = Path(tmp) / "sheet.xml"
        widths = [14, 60, *(max(12, min(40, len(h) + 2)) for h in original)]
        write_sheet(part, header, body(), widths)
        save_workbook(Path(path), [(_w(("Báo cáo kiểm tra", "Validation report"), lang), part)])
