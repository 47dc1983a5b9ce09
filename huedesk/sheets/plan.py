"""Reading a sheet's rows into records, and classing each row before anything is written.

Each data row becomes the values of one record (``huedesk.sheets.cells``), is
checked by the same validation as a record typed in the window, and is classed
``ready``, ``warning`` (it would be imported, with the note) or ``error`` (it
would not), each problem naming its row, column and value. Blank rows, totals
rows and notes above or below the table are skipped and listed. A row that
names an existing record — by its UUID or reference number, as a sheet exported
by HueDesk does — updates that record; blank cells leave stored values alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk.errors import FieldProblem, HueDeskError, ValidationError
from huedesk.reading import Convention, Unreadable, shown
from huedesk.records.advice import advise
from huedesk.records.duplicates import DUPLICATE_KINDS, DuplicateIndex
from huedesk.records.kinds import KINDS, KindSpec
from huedesk.records.validation import validate
from huedesk.sheets.cells import CellReader, Skip
from huedesk.sheets.mapping import (
    ColumnRule,
    apply_saved,
    header_score,
    load_mapping,
    match_headers,
)
from huedesk.sheets.mapping import (
    Mapping as ColumnMapping,
)
from huedesk.sheets.source import SheetData
from huedesk.text import fold

HEADER_SEARCH_ROWS = 30
_TOTALS = ("tong cong", "tong so", "tong", "cong", "total", "grand total", "sum")
_NOTES = ("ghi chu", "luu y", "nguon", "nguoi lap", "note", "source", "*")

Progress = Callable[[int, int], None]


class CheckCancelled(HueDeskError):
    """The user pressed Cancel while the rows were checked."""

    def __init__(self) -> None:
        super().__init__("Đã hủy việc kiểm tra.", "Checking cancelled.")


@dataclass
class Problem:
    """One problem of one row: where (row, column, value) and what, in both languages."""

    row: int  # the sheet's row number, as the spreadsheet program shows it
    column: str
    value: str
    vi: str
    en: str
    warning: bool = False

    def message(self, lang: str = "vi") -> str:
        where = (
            f"dòng {self.row}, cột '{self.column}'"
            if lang == "vi"
            else f"row {self.row}, column '{self.column}'"
        )
        value = f" ('{self.value}')" if self.value else ""
        return f"{where}{value}: {self.en if lang == 'en' else self.vi}"


@dataclass
class RowResult:
    """What will happen to one row of the sheet."""

    row: int
    status: str  # "ready", "warning", "error" or "skipped"
    values: dict[str, Any] = field(default_factory=dict)  # what would be written
    record_id: int | None = None  # the existing record it updates
    problems: list[Problem] = field(default_factory=list)
    reason: str = ""  # why a row was skipped: "blank", "totals", "note"


@dataclass
class ImportPlan:
    """A sheet read against a kind: its mapping and every row classed."""

    kind: str
    source: SheetData
    mapping: ColumnMapping
    rows: list[RowResult]

    def counts(self) -> dict[str, int]:
        out = {"ready": 0, "warning": 0, "error": 0, "skipped": 0}
        for r in self.rows:
            out[r.status] += 1
        return out

    @property
    def to_write(self) -> list[RowResult]:
        return [r for r in self.rows if r.status in ("ready", "warning")]

    @property
    def errors(self) -> list[RowResult]:
        return [r for r in self.rows if r.status == "error"]


def _combined(upper: list[Any], lower: list[Any]) -> list[Any]:
    """Two header rows as one: a merged cell above (``Thời gian``) names the columns below."""
    out: list[Any] = []
    carried: Any = None
    for i in range(max(len(upper), len(lower))):
        top = upper[i] if i < len(upper) else None
        bottom = lower[i] if i < len(lower) else None
        if top not in (None, ""):
            carried = top
        elif bottom in (None, ""):
            carried = None
        if bottom in (None, ""):
            out.append(top)
        elif top in (None, "") and carried is not None:
            out.append(f"{carried} {bottom}")  # under a merged cell spanning columns
        else:
            out.append(bottom if top in (None, "") else f"{top} {bottom}")
    return out


def find_header(kind: str, rows: list[list[Any]]) -> tuple[list[int], list[Any]]:
    """The row(s) holding the header, and the header they make (notes above it skipped)."""
    best: tuple[int, list[int], list[Any]] = (0, [], [])
    limit = min(len(rows), HEADER_SEARCH_ROWS)
    for i in range(limit):
        if not any(v not in (None, "") for v in rows[i]):
            continue
        single = (header_score(kind, rows[i]), [i], rows[i])
        options = [single]
        if i + 1 < len(rows) and any(v not in (None, "") for v in rows[i + 1]):
            both = _combined(rows[i], rows[i + 1])
            options.append((header_score(kind, both), [i, i + 1], both))
        for option in options:
            if option[0] > best[0] or (option[0] == best[0] and len(option[1]) < len(best[1])):
                best = option
    if best[0] < 1:
        raise HueDeskError(
            "Không tìm thấy dòng tiêu đề: không cột nào khớp với trường nào "
            "(hãy đặt tên cột theo nhãn trường, xem huedesk add KIND --help, hoặc dùng --mapping).",
            "No header row found: no column matches a field (name the columns after the "
            "field labels, see huedesk add KIND --help, or give --mapping).",
        )
    return best[1], best[2]


def _skip_reason(row: list[Any]) -> str | None:
    filled = [v for v in row if v not in (None, "") and not (isinstance(v, str) and v.isspace())]
    if not filled:
        return "blank"
    first = fold(str(filled[0])).strip(" :.")
    if isinstance(filled[0], str) and any(first == t or first.startswith(t + " ") for t in _TOTALS):
        return "totals"
    if len(filled) == 1 and isinstance(filled[0], str) and first.startswith(_NOTES):
        return "note"
    return None


class Planner:
    """Reads rows against one kind in a read session (references resolved once per text)."""

    def __init__(
        self,
        session: Session,
        kind: str,
        mapping: ColumnMapping,
        conv: Convention,
        *,
        blank_erases: bool = False,
    ) -> None:
        self.session = session
        self.spec: KindSpec = KINDS[kind]
        self.mapping = mapping
        self.cells = CellReader(session, self.spec, conv, blank_erases=blank_erases)
        self.conv = conv
        # The currency column first: an amount's own currency is checked against it.
        self._order = sorted(
            range(len(mapping.columns)), key=lambda i: mapping.columns[i].field != "currency"
        )
        table = self.spec.table
        self.by_uuid = dict(session.execute(select(table.c.uuid, table.c.id)).all())
        self.duplicates = (
            DuplicateIndex(session, self.spec.name) if self.spec.name in DUPLICATE_KINDS else None
        )
        self.by_ref: dict[str, int] = (
            dict(session.execute(select(table.c.ref, table.c.id)).all())
            if self.spec.has_ref
            else {}
        )

    def _existing(self, values: dict[str, Any]) -> int | None:
        uuid = values.pop("uuid", None)
        ref = values.pop("ref", None)
        if isinstance(uuid, str) and uuid.strip().lower() in self.by_uuid:
            return self.by_uuid[uuid.strip().lower()]
        if isinstance(ref, str) and ref.strip() in self.by_ref:
            return self.by_ref[ref.strip()]
        if isinstance(ref, str) and ref.strip():
            values["ref"] = ref  # a new record keeps the number the sheet gives it
        return None

    def row(self, number: int, cells: list[Any]) -> RowResult:
        problems: list[Problem] = []
        values: dict[str, Any] = {}
        uuids: dict[str, tuple[ColumnRule, Any]] = {}
        self.cells.start_row()
        for i in self._order:
            rule = self.mapping.columns[i]
            if rule.field is None or i >= len(cells):
                continue
            raw = cells[i]
            if rule.role == "uuid":
                uuids[rule.field] = (rule, raw)
                continue
            try:
                self.cells.put(values, rule, raw)
            except Skip as skip:
                if skip.vi:
                    problems.append(
                        Problem(number, rule.header, shown(raw), skip.vi, skip.en, warning=True)
                    )
            except Unreadable as exc:
                problems.append(Problem(number, rule.header, shown(raw), exc.vi, exc.en))
        for name, (rule, raw) in uuids.items():
            if values.get(name) is None and raw not in (None, ""):
                try:
                    self.cells.put(values, rule, raw)
                except (Unreadable, Skip) as exc:
                    problems.append(Problem(number, rule.header, shown(raw), exc.vi, exc.en))
        record_id = self._existing(values)
        result = RowResult(number, "ready", values, record_id, problems)
        existing = self._stored(record_id) if record_id is not None else None
        failed = {r.field for r in self.mapping.columns for p in problems if p.column == r.header}
        try:
            checked = {k: v for k, v in values.items() if k not in failed}
            cleaned = validate(self.session, self.spec, checked, existing, reading=self.conv)
        except ValidationError as exc:
            # Every problem of the row at once, but not "required" for a cell already refused.
            result.problems += [
                self._problem(number, p) for p in exc.problems if p.field not in failed
            ]
            result.status = "error"
            return result
        except HueDeskError as exc:
            result.problems.append(Problem(number, "", "", exc.vi, exc.en))
            result.status = "error"
            return result
        if failed:
            result.status = "error"
            return result
        merged = {**(existing or {}), **cleaned}
        result.problems += [
            self._problem(number, w, warning=True) for w in advise(self.session, self.spec, merged)
        ]
        if self.duplicates is not None and record_id is None:
            result.problems += self._duplicate(number, merged)
        if result.problems:
            result.status = "warning"
        return result

    def _duplicate(self, number: int, values: Mapping[str, Any]) -> list[Problem]:
        """A warning when the new record repeats a stored one or an earlier row of the sheet."""
        assert self.duplicates is not None
        field = self.spec.title_field
        name = values.get(field)
        if not isinstance(name, str):
            return []
        found = self.duplicates.matches(name)
        row_label = f"dòng {number}" if self.conv.lang == "vi" else f"row {number}"
        self.duplicates.add(name, f"{row_label} {name}")
        if found is None:
            return []
        others, why_vi, why_en = found
        column = next((r.header for r in self.mapping.columns if r.field == field), field)
        return [
            Problem(
                number,
                column,
                shown(name),
                f"có thể trùng với {', '.join(others)} ({why_vi})",
                f"probably the same as {', '.join(others)} ({why_en})",
                warning=True,
            )
        ]

    def _stored(self, record_id: int) -> dict[str, Any]:
        table = self.spec.table
        row = self.session.execute(select(table).where(table.c.id == record_id)).one()
        return dict(row._mapping)

    def _problem(self, number: int, p: FieldProblem, *, warning: bool = False) -> Problem:
        column = next(
            (r.header for r in self.mapping.columns if r.field == p.field and r.role == "value"),
            p.label_vi,
        )
        value = self.cells.raw_of(p.field)
        return Problem(number, column, value, p.vi, p.en, warning)


def plan_rows(
    session: Session,
    kind: str,
    data: SheetData,
    *,
    lang: str = "vi",
    mapping_file: Path | None = None,
    columns: list[ColumnRule] | None = None,
    blank_erases: bool = False,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportPlan:
    """Map ``data``'s columns to ``kind`` and class every row (nothing is written)."""
    header_rows, header = find_header(kind, data.rows)
    if columns is None:
        columns = match_headers(kind, header)
        if mapping_file is not None:
            columns = apply_saved(columns, load_mapping(mapping_file, kind))
    mapping = ColumnMapping(kind, columns, lang, header_rows)
    conv = Convention(lang, spreadsheet=True)
    planner = Planner(session, kind, mapping, conv, blank_erases=blank_erases)
    results: list[RowResult] = []
    first = header_rows[-1] + 1
    total = len(data.rows) - first
    for done, index in enumerate(range(first, len(data.rows)), start=1):
        cells = data.rows[index]
        number = index + 1
        reason = _skip_reason(cells)
        if reason is not None:
            results.append(RowResult(number, "skipped", reason=reason))
        else:
            results.append(planner.row(number, cells))
        if done % 500 == 0:
            if should_cancel is not None and should_cancel():
                raise CheckCancelled()
            if progress is not None:
                progress(done, total)
    return ImportPlan(kind, data, mapping, results)


def values_for_write(result: RowResult) -> Mapping[str, Any]:
    """The values a ready or warning row writes (as validated)."""
    return result.values
