"""The yearly review: its assessment and next year's tasks, then the PDF to preview, open or print.

The texts are kept per year and language (``ws.stats.texts``), so the review
prints the same words every time; the figures come from the records. The PDF
is built off the UI thread by the workspace (``ws.briefs.year_review``), like
a record's brief.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from huedesk.errors import HueDeskError
from huedesk.ui.context import AppContext
from huedesk.ui.i18n import tr
from huedesk.ui.ops import Progress
from huedesk.ui.printing import PdfDialog

SECTIONS = ("assessment", "tasks")


class ReviewDialog(PdfDialog):
    """One year's review: its two written parts, and the PDF built from everything."""

    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.year = ctx, year
        self.setWindowTitle(tr("review_title", year=year))
        self.text_lang = self._langs()
        self.text_lang.currentIndexChanged.connect(lambda _i: self.load())
        self.print_lang = self._langs()
        self.print_lang.setCurrentIndex(1 if ctx.lang == "en" else 0)
        self.editors = {s: QPlainTextEdit() for s in SECTIONS}
        for edit in self.editors.values():
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(120)
            edit.setReadOnly(not ctx.can_write)
        hint = QLabel(tr("review_hint"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.save_btn = QPushButton(tr("review_save"))
        self.save_btn.setEnabled(ctx.can_write)
        self.save_btn.clicked.connect(lambda: self.save())
        actions = self._pdf_actions(
            tr("review_build"), tr("review_open"), self.build, lambda: self.ctx.lang
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for b in (self.save_btn, *actions):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        form = QFormLayout()
        form.addRow(tr("review_text_lang"), self.text_lang)
        form.addRow(tr("review_assessment") + ":", self.editors["assessment"])
        form.addRow(tr("review_tasks") + ":", self.editors["tasks"])
        form.addRow(tr("review_print_lang"), self.print_lang)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(760, 560)
        self.load()

    def _langs(self) -> QComboBox:
        box = QComboBox()
        box.addItem(tr("lang_vi"), "vi")
        box.addItem(tr("lang_en"), "en")
        return box

    @property
    def lang(self) -> str:
        return str(self.text_lang.currentData())

    def load(self) -> None:
        """Show the texts kept for the year in the chosen language (empty when none)."""
        try:
            written = self.ctx.ws.stats.texts.get(self.year, self.lang)
        except HueDeskError as exc:
            self.ctx.show_error(self, exc)
            return
        for section, edit in self.editors.items():
            edit.setPlainText("" if written.fallback else written.section(section))
            edit.document().setModified(False)

    def save(self) -> bool:
        """Keep both texts for the year and language; ``False`` (and a message) if refused."""
        try:
            for section, edit in self.editors.items():
                self.ctx.ws.stats.texts.set(self.year, section, edit.toPlainText(), lang=self.lang)
                edit.document().setModified(False)
        except HueDeskError as exc:
            self.ctx.show_error(self, exc)
            return False
        self.status.setText(tr("review_saved", year=self.year))
        return True

    def _unsaved(self) -> bool:
        return any(e.document().isModified() for e in self.editors.values())

    def build(self) -> None:
        """Build the review (saving the texts first, so it prints what is on screen)."""
        if self.ctx.can_write and self._unsaved() and not self.save():
            return
        lang = str(self.print_lang.currentData())
        out = self.ctx.ws.briefs.folder / f"bao-cao-nam-{self.year}-{lang}.pdf"
        ws, year = self.ctx.ws, self.year

        def work(progress: Progress) -> Path:
            progress.report(0, 0, tr("print_building"))
            return ws.briefs.year_review(year, out, lang=lang)

        self._start(work)

    def reject(self) -> None:
        if self.ctx.can_write and self._unsaved():
            answer = QMessageBox.question(
                self,
                tr("review_title", year=self.year),
                tr("unsaved_text"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()
