"""The document settings dialog: agency names, who signs and how, how briefs are numbered.

It holds plain values only: the caller gives the current settings as a dict of
text and a ``save`` callable (the document settings service), so this screen
never touches the database. A preview shows the number line and the signature
block as the briefs will print them. Problems come back as a ``ValidationError``
naming the fields; each is marked and the message shown under the form.
Users who may not change the settings (anyone but an administrator) see them
read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from huedesk.db.enums import NumberMode, SignAuthority
from huedesk.errors import HueDeskError, ValidationError
from huedesk.ui.i18n import language, tr

AGENCY_FIELDS = ("parent_agency", "parent_agency_en", "agency", "agency_en", "agency_code", "place")
SIGNER_FIELDS = ("head_title", "head_title_en", "signer_title", "signer_title_en", "signer_name")
_PROBLEM_STYLE = "border: 1px solid #c00000;"

Save = Callable[[dict[str, str]], object]


def _choice(
    choices: type[SignAuthority] | type[NumberMode], current: str | None, lang: str
) -> QComboBox:
    box = QComboBox()
    for c in choices:
        box.addItem(c.label(lang), c.value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class DocumentSettingsDialog(QDialog):
    """Edit the document settings (``values`` as text) and hand them to ``save``."""

    def __init__(
        self,
        parent: QWidget | None,
        values: Mapping[str, str],
        save: Save,
        *,
        editable: bool,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("docset_title"))
        self._save = save
        self.saved = False
        self.edits: dict[str, QLineEdit] = {}
        lang = language()

        agency = QGroupBox(tr("docset_group_agency"))
        agency_form = QFormLayout(agency)
        for name in AGENCY_FIELDS:
            agency_form.addRow(tr(f"docset_{name}"), self._edit(name, values))
        signer = QGroupBox(tr("docset_group_signer"))
        signer_form = QFormLayout(signer)
        self.authority = _choice(SignAuthority, values.get("authority"), lang)
        signer_form.addRow(tr("docset_authority"), self.authority)
        for name in SIGNER_FIELDS:
            signer_form.addRow(tr(f"docset_{name}"), self._edit(name, values))
        numbers = QGroupBox(tr("docset_group_numbers"))
        numbers_form = QFormLayout(numbers)
        self.number_mode = _choice(NumberMode, values.get("number_mode"), lang)
        numbers_form.addRow(tr("docset_number_mode"), self.number_mode)

        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00000;")
        self.problem.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        for w in (agency, signer, numbers):
            layout.addWidget(w)
        layout.addWidget(QLabel(tr("docset_preview")))
        layout.addWidget(self.preview)
        layout.addWidget(self.problem)
        if not editable:
            note = QLabel(tr("docset_read_only"))
            note.setWordWrap(True)
            layout.addWidget(note)
            for e in self.edits.values():
                e.setReadOnly(True)
            self.authority.setEnabled(False)
            self.number_mode.setEnabled(False)
            self.save_button.setEnabled(False)
        layout.addWidget(buttons)
        for e in self.edits.values():
            e.textChanged.connect(self._update_preview)
        self.authority.currentIndexChanged.connect(self._update_preview)
        self._update_preview()
        self.resize(560, self.sizeHint().height())

    def _edit(self, name: str, values: Mapping[str, str]) -> QLineEdit:
        edit = QLineEdit(values.get(name, ""))
        edit.setObjectName(name)
        self.edits[name] = edit
        return edit

    def values(self) -> dict[str, str]:
        """What the form holds now, as text (the service checks and normalises it)."""
        out = {name: e.text() for name, e in self.edits.items()}
        out["authority"] = str(self.authority.currentData())
        out["number_mode"] = str(self.number_mode.currentData())
        return out

    def _update_preview(self) -> None:
        v = self.values()
        code = v["agency_code"].strip().upper() or "…"
        lines = [f"Số: …/BC-{code}", ""]
        head, signer = v["head_title"].strip().upper(), v["signer_title"].strip().upper()
        if v["authority"] == SignAuthority.DIRECT.value:
            lines.append(head)
        else:
            lines += [f"{SignAuthority(v['authority']).name}. {head}", signer]
        lines += ["", v["signer_name"].strip() or tr("docset_no_name")]
        self.preview.setText("\n".join(lines))

    def accept(self) -> None:
        for e in self.edits.values():
            e.setStyleSheet("")
        try:
            self._save(self.values())
        except ValidationError as exc:
            for name in exc.fields:
                if name in self.edits:
                    self.edits[name].setStyleSheet(_PROBLEM_STYLE)
            first = next((self.edits[n] for n in exc.fields if n in self.edits), None)
            if first is not None:
                first.setFocus()
            self._show_problem(exc)
            return
        except HueDeskError as exc:
            self._show_problem(exc)
            return
        self.saved = True
        super().accept()

    def _show_problem(self, exc: HueDeskError) -> None:
        self.problem.setText(exc.message(language()))
        self.problem.show()
