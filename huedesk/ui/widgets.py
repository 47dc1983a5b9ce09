"""One input widget per kind of field, all with the same small interface.

Each editor exposes ``widget`` (what goes in the layout), ``value()`` (what is
handed to the services, which parse and validate it), ``set_value(row)`` and a
``changed`` callback hook. The services remain the only place that decides what
is valid; editors only make typing easy (choices as lists, records by name).
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from huedesk.formatting import parse_datetime
from huedesk.records.coerce import spec_wants_aware
from huedesk.records.fields import FieldSpec
from huedesk.ui.edit_text import edit_text, is_numeric
from huedesk.ui.i18n import tr
from huedesk.workspace import Workspace


class FieldEditor(ABC):
    """Base: a field's widget plus how to read and fill it."""

    widget: QWidget

    def __init__(self, spec: FieldSpec, lang: str) -> None:
        self.spec = spec
        self.lang = lang
        self._on_change: Callable[[], None] = lambda: None

    def on_change(self, fn: Callable[[], None]) -> None:
        self._on_change = fn

    def _changed(self, *_args: Any) -> None:
        self._on_change()

    @abstractmethod
    def value(self) -> Any:
        """The field's value as the record services take it (``None`` when empty)."""

    @abstractmethod
    def set_value(self, row: dict[str, Any]) -> None:
        """Show the field's value from ``row`` (a record's fields, with ``__label`` entries)."""

    def label_for_display(self) -> dict[str, Any]:
        """``<field>__label`` entries for a row built from this form (references only)."""
        return {}

    def retype(self, value: Any, labels: dict[str, Any]) -> None:
        """Put back what ``value()`` and ``label_for_display()`` gave (the user's input)."""
        self.set_value({self.spec.name: value, **labels})

    def shown(self) -> str:
        """What the field shows, as one line (to quote it in a message)."""
        return " ".join(str(self.value() or "").split())

    def focus(self) -> None:
        self.widget.setFocus()

    def set_read_only(self) -> None:
        """Shown to read (a viewer): the value stays selectable where the widget allows it."""
        self.widget.setEnabled(False)


class TextEditor(FieldEditor):
    """Single-line text, numbers, money, dates and times (the services parse the text)."""

    def __init__(self, spec: FieldSpec, lang: str) -> None:
        super().__init__(spec, lang)
        self.edit = QLineEdit()
        self.widget = self.edit
        if spec.max_length:
            self.edit.setMaxLength(spec.max_length)
        if spec.type is dt.date:
            self.edit.setPlaceholderText(tr("date_hint"))
            self.edit.setMaximumWidth(140)
        elif spec.type is dt.datetime:
            self.edit.setPlaceholderText(tr("datetime_hint"))
            self.edit.setMaximumWidth(180)
        elif is_numeric(spec):
            self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.edit.setMaximumWidth(220)
        elif spec.max_length and spec.max_length <= 12:
            self.edit.setMaximumWidth(90)
        self.edit.textEdited.connect(self._changed)

    def value(self) -> Any:
        text = self.edit.text()
        if self.spec.type is dt.datetime and spec_wants_aware(self.spec) and text.strip():
            try:  # typed in local time; stored in UTC
                return parse_datetime(text).astimezone(dt.UTC)
            except ValueError:
                return text  # the services name the problem
        return text

    def set_value(self, row: dict[str, Any]) -> None:
        self.edit.setText(edit_text(self.spec, row, self.lang))
        self.edit.setCursorPosition(0)

    def set_read_only(self) -> None:
        self.edit.setReadOnly(True)

    def retype(self, value: Any, labels: dict[str, Any]) -> None:
        if isinstance(value, str):  # as typed (money, dates and numbers unread)
            self.edit.setText(value)
            self.edit.setCursorPosition(0)
        else:
            super().retype(value, labels)


class MultilineEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, lang: str) -> None:
        super().__init__(spec, lang)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(64)
        self.widget = self.edit
        self.edit.textChanged.connect(self._changed)

    def value(self) -> Any:
        return self.edit.toPlainText()

    def set_value(self, row: dict[str, Any]) -> None:
        self.edit.setPlainText(edit_text(self.spec, row, self.lang))

    def set_read_only(self) -> None:
        self.edit.setReadOnly(True)


class BoolEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, lang: str) -> None:
        super().__init__(spec, lang)
        self.box = QCheckBox()
        self.widget = self.box
        self.box.toggled.connect(self._changed)

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, row: dict[str, Any]) -> None:
        self.box.setChecked(bool(row.get(self.spec.name)))

    def shown(self) -> str:
        return "✓" if self.box.isChecked() else "☐"


class ChoiceEditor(FieldEditor):
    """A closed list (enum) shown by its labels; an empty line when the field is optional."""

    def __init__(self, spec: FieldSpec, lang: str) -> None:
        super().__init__(spec, lang)
        assert spec.choices is not None
        self.combo = QComboBox()
        self.widget = self.combo
        self._fill([m.value for m in spec.choices])
        self.combo.currentIndexChanged.connect(self._changed)

    def _fill(self, values: list[str]) -> None:
        assert self.spec.choices is not None
        self.combo.blockSignals(True)
        self.combo.clear()
        if not self.spec.required:
            self.combo.addItem("", None)
        for v in values:
            self.combo.addItem(self.spec.choices(v).label(self.lang), v)
        self.combo.blockSignals(False)

    def limit_to(self, values: list[str]) -> None:
        """Offer only these values (a status may only move along its workflow)."""
        current = self.value()
        self._fill(values)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))

    def value(self) -> Any:
        return self.combo.currentData()

    def shown(self) -> str:
        return self.combo.currentText()

    def set_value(self, row: dict[str, Any]) -> None:
        value = row.get(self.spec.name)
        self.combo.setCurrentIndex(
            max(0, self.combo.findData(None if value is None else str(value)))
        )


class CountryEditor(FieldEditor):
    """A country chosen by typing part of its name or code."""

    def __init__(self, spec: FieldSpec, lang: str, countries: list[tuple[str, str]]) -> None:
        super().__init__(spec, lang)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItem("", None)
        for code, name in countries:
            self.combo.addItem(f"{name} ({code})", code)
        completer = self.combo.completer()
        assert completer is not None  # an editable combo box always has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setMinimumWidth(220)
        self.widget = self.combo
        self.combo.currentIndexChanged.connect(self._changed)
        self.combo.editTextChanged.connect(self._changed)

    def value(self) -> Any:
        idx = self.combo.findText(self.combo.currentText())
        if idx >= 0:
            return self.combo.itemData(idx)
        return self.combo.currentText().strip()  # a typed code; the services check it

    def set_value(self, row: dict[str, Any]) -> None:
        code = row.get(self.spec.name)
        idx = self.combo.findData(code) if code else 0
        if idx < 0:
            self.combo.setEditText(str(code))
        else:
            self.combo.setCurrentIndex(idx)

    def shown(self) -> str:
        return self.combo.currentText()

    def label_for_display(self) -> dict[str, Any]:
        text = self.combo.currentText()
        return {f"{self.spec.name}__label": text.rsplit(" (", 1)[0] if text else None}


class ReferenceEditor(FieldEditor):
    """Another record, shown by its name and chosen in a searchable picker."""

    def __init__(self, spec: FieldSpec, lang: str, ws: Workspace) -> None:
        super().__init__(spec, lang)
        self.ws = ws
        self.target = (spec.references or "").split(".")[0]
        self._id: int | None = None
        self._label: str | None = None
        self.widget = QWidget()
        box = QHBoxLayout(self.widget)
        box.setContentsMargins(0, 0, 0, 0)
        self.display = QLineEdit()
        self.display.setReadOnly(True)
        self.display.setMinimumWidth(220)
        self.pick = QToolButton()
        self.pick.setText(tr("choose"))
        self.pick.clicked.connect(self.choose)
        self.clear_btn = QToolButton()
        self.clear_btn.setText("✕")
        self.clear_btn.setToolTip(tr("clear"))
        self.clear_btn.clicked.connect(lambda: self.set_choice(None, None))
        box.addWidget(self.display, 1)
        box.addWidget(self.pick)
        box.addWidget(self.clear_btn)

    def choose(self) -> None:
        from huedesk.ui.picker import pick_record  # picker uses the table model; keep widgets light

        chosen = pick_record(self.widget, self.ws, self.target, self.lang)
        if chosen is not None:
            self.set_choice(*chosen)

    def set_choice(self, record_id: int | None, label: str | None) -> None:
        self._id, self._label = record_id, label
        self.display.setText(label or "")
        self.display.setCursorPosition(0)
        self._changed()

    def value(self) -> Any:
        return self._id

    def set_value(self, row: dict[str, Any]) -> None:
        self._id = row.get(self.spec.name)
        self._label = row.get(f"{self.spec.name}__label")
        if self._id is not None and self._label is None:
            self._label = str(self._id)
        self.display.setText(self._label or "")
        self.display.setCursorPosition(0)

    def label_for_display(self) -> dict[str, Any]:
        return {f"{self.spec.name}__label": self._label}

    def set_read_only(self) -> None:
        self.pick.hide()
        self.clear_btn.hide()

    def shown(self) -> str:
        return self.display.text()

    def focus(self) -> None:
        self.pick.setFocus()


def editor_for(
    spec: FieldSpec, lang: str, ws: Workspace, countries: list[tuple[str, str]]
) -> FieldEditor:
    """The editor that suits ``spec``."""
    if spec.choices is not None:
        return ChoiceEditor(spec, lang)
    if spec.is_country:
        return CountryEditor(spec, lang, countries)
    if spec.references:
        return ReferenceEditor(spec, lang, ws)
    if spec.type is bool:
        return BoolEditor(spec, lang)
    if spec.multiline:
        return MultilineEditor(spec, lang)
    return TextEditor(spec, lang)
