"""The one form builder: a form for any record kind, generated from its ``KindSpec.fields``.

Short fields sit two to a row, long text spans the width, required fields are
marked, and under each field there is a place for the services' words about it
(``ValidationError.problems``), so a refused save shows what is wrong where it
is wrong. The form knows its starting values, so it can tell what changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from huedesk.errors import FieldProblem
from huedesk.records.fields import SYSTEM_FIELDS, FieldSpec
from huedesk.records.kinds import kind_spec
from huedesk.ui.i18n import tr
from huedesk.ui.widgets import ChoiceEditor, FieldEditor, editor_for
from huedesk.workspace import Workspace

ERROR_STYLE = "color: #b00020;"
ERROR_FIELD_STYLE = "border: 1px solid #b00020;"
WARNING_STYLE = "color: #8a5a00;"
WARNING_FIELD_STYLE = "border: 1px solid #c98a00;"


def editable_fields(kind: str, hidden: tuple[str, ...] = ()) -> list[FieldSpec]:
    """Fields a person fills in: not system fields, computed values or the reference number."""
    return [
        f
        for f in kind_spec(kind).fields.values()
        if f.name not in SYSTEM_FIELDS
        and f.name != "ref"
        and not f.computed
        and f.name not in hidden
    ]


class RecordForm(QWidget):
    """Fields of one record kind with per-field error labels.

    Attributes:
        editors: field name -> its ``FieldEditor``.
        _errors: field name -> the label under the field that shows its problem.
        _initial: the values the form was filled with (to tell what changed).
    """

    edited = Signal()

    def __init__(
        self,
        ws: Workspace,
        kind: str,
        lang: str,
        hidden: tuple[str, ...] = (),
        parent: QWidget | None = None,
        country_list: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind_spec(kind)
        self.lang = lang
        self.editors: dict[str, FieldEditor] = {}
        self._errors: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        clist = country_list if country_list is not None else ws.lookups.countries(lang)
        outer = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setStyleSheet(ERROR_STYLE + "font-weight: bold;")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        outer.addLayout(grid)
        outer.addStretch(1)
        row, col = 0, 0
        for spec in editable_fields(kind, hidden):
            editor = editor_for(spec, lang, ws, clist)
            editor.on_change(self.edited.emit)
            self.editors[spec.name] = editor
            label = QLabel(spec.label(lang) + (" *" if spec.required else ""))
            label.setBuddy(editor.widget)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 4, 0, 0)
            label.setWordWrap(True)
            label.setMinimumWidth(150)
            self._labels[spec.name] = label
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self._errors[spec.name] = error
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(editor.widget)
            cell.addWidget(error)
            wide = spec.multiline
            if wide and col:
                row, col = row + 1, 0
            grid.addWidget(label, row, col)
            if wide:
                grid.addLayout(cell, row, 1, 1, 3)
                row += 1
            else:
                grid.addLayout(cell, row, col + 1)
                col = 2 if col == 0 else 0
                row += 1 if col == 0 else 0
        self._initial: dict[str, Any] = self.values()

    # --- values ---------------------------------------------------------------------
    def load(self, row: dict[str, Any]) -> None:
        """Fill the form from a stored record (with ``__label`` entries for references)."""
        for editor in self.editors.values():
            editor.set_value(row)
        status = self.editors.get("status")
        if self.kind.workflow and isinstance(status, ChoiceEditor) and row.get("status"):
            current = str(row["status"])
            allowed = [current] + [m.value for m in self.kind.workflow.next_statuses(current)]
            status.limit_to(allowed)
        self.mark_clean()

    def values(self) -> dict[str, Any]:
        """Every field's input, as handed to the services."""
        return {name: ed.value() for name, ed in self.editors.items()}

    def changes(self) -> dict[str, Any]:
        """Only the fields that differ from what the form was filled with."""
        now = self.values()
        return {k: v for k, v in now.items() if v != self._initial.get(k)}

    def is_dirty(self) -> bool:
        return bool(self.changes())

    def set_read_only(self) -> None:
        """Every field shown to read, not to change (a viewer's record window)."""
        for editor in self.editors.values():
            editor.set_read_only()
        # white boxes invite typing: read-only fields take the window's colour
        self.setStyleSheet(
            'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"]'
            " { background: palette(window); }"
        )

    def opened_with(self) -> dict[str, Any]:
        """Every field's value as the form was filled (what ``changes`` compares with)."""
        return dict(self._initial)

    def typed(self, names: list[str]) -> dict[str, tuple[Any, dict[str, Any]]]:
        """The input of fields ``names`` as ``retype`` puts it back."""
        return {n: (self.editors[n].value(), self.editors[n].label_for_display()) for n in names}

    def shown(self, name: str) -> str:
        """What field ``name`` shows, as one line."""
        return self.editors[name].shown()

    def retype(self, typed: dict[str, tuple[Any, dict[str, Any]]]) -> None:
        """Put input taken by ``typed`` back (over a record loaded since); still unsaved."""
        for name, (value, labels) in typed.items():
            self.editors[name].retype(value, labels)

    def mark_clean(self) -> None:
        self._initial = self.values()

    def display_labels(self) -> dict[str, Any]:
        labels: dict[str, Any] = {}
        for ed in self.editors.values():
            labels.update(ed.label_for_display())
        return labels

    # --- problems -------------------------------------------------------------------
    def clear_problems(self) -> None:
        self.banner.hide()
        self.banner.setStyleSheet(ERROR_STYLE + "font-weight: bold;")
        for name, label in self._errors.items():
            label.hide()
            label.clear()
            label.setStyleSheet(ERROR_STYLE)
            self.editors[name].widget.setStyleSheet("")

    def show_problems(self, problems: list[FieldProblem]) -> list[FieldProblem]:
        """Show each problem under its field; returns those that name no field of this form."""
        self.clear_problems()
        other: list[FieldProblem] = []
        for p in problems:
            label = self._errors.get(p.field)
            if label is None:
                other.append(p)
                continue
            text = p.problem_en if self.lang == "en" else p.problem_vi
            label.setText(f"{label.text()}; {text}" if label.text() else text)
            label.show()
            self.editors[p.field].widget.setStyleSheet(ERROR_FIELD_STYLE)
        lines = [tr("form_problems")] + [p.en if self.lang == "en" else p.vi for p in other]
        self.banner.setText("\n".join(lines))
        self.banner.show()
        named = {p.field for p in problems}
        first = next((ed for name, ed in self.editors.items() if name in named), None)
        if first is not None:  # the first one on the form, not the first one found
            self._bring_into_view(first.widget)
            first.focus()
        return other

    def show_warnings(self, warnings: list[FieldProblem], heading: str | None = None) -> None:
        """Show what was saved but looks wrong (a rate far off, a partner in another country),
        or under another ``heading`` what else deserves a second look."""
        self.clear_problems()
        if not warnings:
            return
        for p in warnings:
            label = self._errors.get(p.field)
            if label is None:
                continue
            text = p.problem_en if self.lang == "en" else p.problem_vi
            label.setText(f"{label.text()}; {text}" if label.text() else text)
            label.setStyleSheet(WARNING_STYLE)
            label.show()
            self.editors[p.field].widget.setStyleSheet(WARNING_FIELD_STYLE)
        lines = [heading or tr("form_warnings")]
        lines += [p.en if self.lang == "en" else p.vi for p in warnings]
        self.banner.setText("\n".join(lines))
        self.banner.setStyleSheet(WARNING_STYLE + "font-weight: bold;")
        self.banner.show()

    def focus_first(self) -> None:
        """Put the cursor in the first field (a new record starts there)."""
        first = next(iter(self.editors.values()), None)
        if first is not None:
            first.focus()

    def _bring_into_view(self, widget: QWidget) -> None:
        """Scroll the form (when it sits in a scroll area) so ``widget`` and its message show."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            layout = self.layout()
            if layout is not None:
                layout.activate()  # the message labels just shown take their room first
            parent.ensureWidgetVisible(widget, 20, 60)

    def problem_text(self, field: str) -> str:
        """The problem shown under ``field`` (empty when none)."""
        label = self._errors[field]
        return label.text() if not label.isHidden() else ""
