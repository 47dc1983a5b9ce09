"""The spreadsheet import wizard: choose a file, map its columns, review the report, import.

Each step that reads or writes runs off the GUI thread (``run_op``) with a
progress dialog and Cancel: reading and checking the rows (``ws.sheets.preview``,
nothing written), and importing the ready and warning rows in one unit of work
(``ws.sheets.import_``; Cancel writes nothing). The columns step shows how each
column of the sheet was matched to a field, and any match can be changed (the
rows are then checked again). The report lists every problem by row, column and
value and can be saved as a workbook beside the original rows. The last step
offers to undo the whole import.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from huedesk.errors import HueDeskError
from huedesk.money import group_digits
from huedesk.records.fields import SYSTEM_FIELDS
from huedesk.records.kinds import KINDS, kind_spec
from huedesk.ui.context import AppContext
from huedesk.ui.i18n import tr
from huedesk.ui.ops import Progress, run_op

if TYPE_CHECKING:
    from huedesk.workspace import ColumnRule, ImportOutcome, ImportPlan

# Kinds a sheet can hold: everything people keep in spreadsheets (not countries, not files).
NOT_FROM_SHEETS = frozenset({"country", "attachment"})
MAX_PROBLEM_ROWS = 2000  # the report table shows this many; the saved workbook has them all
FILE_STEP, COLUMNS_STEP, REPORT_STEP, DONE_STEP = range(4)


class SheetImportWizard(QDialog):
    """File → columns → report → import, for one spreadsheet."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: ImportPlan | None = None
        self.outcome: ImportOutcome | None = None
        self._op: Any = None  # the running background operation (tests wait on it)
        self.setWindowTitle(tr("sheet_title"))
        self.resize(960, 600)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._file_step())
        self.stack.addWidget(self._columns_step())
        self.stack.addWidget(self._report_step())
        self.stack.addWidget(self._done_step())
        self.back_btn = QPushButton(tr("sheet_back"))
        self.next_btn = QPushButton(tr("sheet_next"))
        self.close_btn = QPushButton(tr("close"))
        self.back_btn.clicked.connect(self.back)
        self.next_btn.clicked.connect(self.next)
        self.close_btn.clicked.connect(self.reject)
        self.next_btn.setDefault(True)
        self.step_label = QLabel()
        self.step_label.setStyleSheet("font-weight: bold")
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_btn)
        buttons.addStretch(1)
        buttons.addWidget(self.next_btn)
        buttons.addWidget(self.close_btn)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._show(FILE_STEP)

    # --- steps -----------------------------------------------------------------------------
    def _file_step(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.kind_box = QComboBox()
        who = self.ctx.principal
        for spec in KINDS.values():
            if spec.name in NOT_FROM_SHEETS or (spec.sensitive and not who.can_see_sensitive):
                continue
            self.kind_box.addItem(spec.label(self.ctx.lang), spec.name)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(tr("sheet_file_hint"))
        browse = QPushButton(tr("sheet_browse"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.sheet_box = QComboBox()
        self.sheet_box.setEnabled(False)
        self.numbers_box = QComboBox()
        self.numbers_box.addItem(tr("sheet_numbers_vi"), "vi")
        self.numbers_box.addItem(tr("sheet_numbers_en"), "en")
        self.numbers_box.setCurrentIndex(0 if self.ctx.lang == "vi" else 1)
        self.mapping_edit = QLineEdit()
        self.mapping_edit.setPlaceholderText(tr("sheet_mapping_hint"))
        pick = QPushButton(tr("sheet_browse"))
        pick.clicked.connect(self.browse_mapping)
        mapping_row = QHBoxLayout()
        mapping_row.addWidget(self.mapping_edit, 1)
        mapping_row.addWidget(pick)
        self.erase_box = QCheckBox(tr("sheet_blank_erases"))
        intro = QLabel(tr("sheet_intro"))
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(tr("sheet_kind"), self.kind_box)
        form.addRow(tr("sheet_file"), row)
        form.addRow(tr("sheet_sheet"), self.sheet_box)
        form.addRow(tr("sheet_numbers"), self.numbers_box)
        form.addRow(tr("sheet_mapping"), mapping_row)
        form.addRow("", self.erase_box)
        return page

    @staticmethod
    def _table_page(
        intro: QLabel, headers: list[str], button: str, action: Any
    ) -> tuple[QWidget, QTableWidget]:
        """A step showing a text, a table (last column stretched) and a button below it."""
        page = QWidget()
        layout = QVBoxLayout(page)
        intro.setWordWrap(True)
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        header = table.horizontalHeader()
        for i in range(len(headers) - 1):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        save = QPushButton(button)
        save.clicked.connect(action)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout.addWidget(intro)
        layout.addWidget(table, 1)
        layout.addLayout(row)
        return page, table

    def _columns_step(self) -> QWidget:
        self.columns_intro = QLabel()
        headers = [tr("sheet_col_header"), tr("sheet_col_field"), tr("sheet_col_sample")]
        page, self.columns = self._table_page(
            self.columns_intro, headers, tr("sheet_save_mapping"), self.save_mapping
        )
        return page

    def _report_step(self) -> QWidget:
        self.summary = QLabel()
        headers = [tr("sheet_row"), tr("sheet_column"), tr("sheet_value"), tr("sheet_problem")]
        page, self.problems = self._table_page(
            self.summary, headers, tr("sheet_save_report"), self.save_report
        )
        return page

    def _done_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.done_text = QLabel()
        self.done_text.setWordWrap(True)
        self.undo_btn = QPushButton(tr("sheet_undo"))
        self.undo_btn.clicked.connect(self.undo_import)
        row = QHBoxLayout()
        row.addWidget(self.undo_btn)
        row.addStretch(1)
        layout.addWidget(self.done_text)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _show(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.step_label.setText(tr(f"sheet_step_{step}"))
        self.back_btn.setEnabled(step in (COLUMNS_STEP, REPORT_STEP))
        self.next_btn.setVisible(step != DONE_STEP)
        if step == REPORT_STEP:
            n = len(self.plan.to_write) if self.plan else 0
            self.next_btn.setText(tr("sheet_import", n=group_digits(n, self.ctx.lang)))
            self.next_btn.setEnabled(n > 0 and self.ctx.can_write)
        else:
            self.next_btn.setText(tr("sheet_next"))
            self.next_btn.setEnabled(True)

    # --- navigation ------------------------------------------------------------------------
    def back(self) -> None:
        self._show(max(FILE_STEP, self.stack.currentIndex() - 1))

    def next(self) -> None:
        step = self.stack.currentIndex()
        if step == FILE_STEP:
            self.check(columns=None)
        elif step == COLUMNS_STEP:
            self.check(columns=self.edited_columns())
        elif step == REPORT_STEP:
            self.import_rows()

    def browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, tr("sheet_file"), str(self.ctx.ws.path.parent), tr("sheet_filter")
        )
        if name:
            self.path_edit.setText(name)
            self.sheet_box.clear()
            self.sheet_box.setEnabled(False)

    def browse_mapping(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, tr("sheet_mapping"), str(self.ctx.ws.path.parent), "JSON (*.json)"
        )
        if name:
            self.mapping_edit.setText(name)

    @property
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    # --- checking (off the GUI thread) -----------------------------------------------------
    def check(self, columns: list[ColumnRule] | None) -> None:
        """Read and check the sheet; the columns step (first time) or the report follows."""
        text = self.path_edit.text().strip()
        if not text:
            QMessageBox.warning(self, tr("error_title"), tr("sheet_no_file"))
            return
        path = Path(text)
        kind = self.kind
        sheet = self.sheet_box.currentText() if self.sheet_box.isEnabled() else None
        lang = str(self.numbers_box.currentData())
        erase = self.erase_box.isChecked()
        to_columns = columns is None
        saved = self.mapping_edit.text().strip()
        mapping_file = Path(saved) if saved and to_columns else None  # then the columns step

        def work(p: Progress) -> ImportPlan:
            return self.ctx.ws.sheets.preview(
                path,
                kind,
                sheet=sheet or None,
                columns=columns,
                mapping_file=mapping_file,
                lang=lang,
                blank_erases=erase,
                progress=lambda done, total: p.report(done, total),
                should_cancel=p.cancelled,
            )

        self._op = run_op(
            work,
            lambda plan: self._checked(plan, to_columns),
            self._failed,
            parent=self,
            title=tr("sheet_checking"),
        )

    def _checked(self, plan: ImportPlan, to_columns: bool) -> None:
        self._op = None
        self.plan = plan
        if plan.source.sheets and not self.sheet_box.isEnabled():
            self.sheet_box.addItems(plan.source.sheets)
            self.sheet_box.setCurrentText(plan.source.sheet or "")
            self.sheet_box.setEnabled(len(plan.source.sheets) > 1)
        if to_columns:
            self._fill_columns(plan)
            self._show(COLUMNS_STEP)
        else:
            self._fill_report(plan)
            self._show(REPORT_STEP)

    def _failed(self, exc: BaseException) -> None:
        op, self._op = self._op, None
        if op is not None and op.progress.cancelled() and self.stack.currentIndex() != REPORT_STEP:
            return  # Cancel while checking: the user knows; nothing was written
        self.ctx.show_error(self, exc)  # Cancel while importing says nothing was imported

    # --- the columns -----------------------------------------------------------------------
    def _fill_columns(self, plan: ImportPlan) -> None:
        spec = kind_spec(plan.kind)
        fields = [
            fs for name, fs in spec.fields.items() if name not in SYSTEM_FIELDS or name == "uuid"
        ]
        header_rows = plan.mapping.header_rows
        first = (header_rows[-1] + 1) if header_rows else 0
        samples = plan.source.rows[first : first + 3]
        self.columns_intro.setText(
            tr("sheet_columns_intro", file=plan.source.path.name, kind=spec.label(self.ctx.lang))
        )
        self.columns.setRowCount(0)
        self._rules = list(plan.mapping.columns)
        for i, rule in enumerate(self._rules):
            self.columns.insertRow(i)
            item = QTableWidgetItem(rule.header or f"({i + 1})")
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.columns.setItem(i, 0, item)
            box = QComboBox()
            box.addItem(tr("sheet_skip_column"), None)
            for fs in fields:
                box.addItem(f"{fs.label(self.ctx.lang)} ({fs.name})", fs.name)
            box.setCurrentIndex(max(0, box.findData(rule.field)) if rule.field else 0)
            self.columns.setCellWidget(i, 1, box)
            values = [str(r[i]) for r in samples if i < len(r) and r[i] not in (None, "")]
            sample = QTableWidgetItem(" · ".join(values))
            sample.setFlags(sample.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.columns.setItem(i, 2, sample)

    def edited_columns(self) -> list[ColumnRule]:
        """The column rules as the user left them (a changed field starts a plain rule)."""
        out = []
        for i, rule in enumerate(self._rules):
            box = self.columns.cellWidget(i, 1)
            assert isinstance(box, QComboBox)
            chosen = box.currentData()
            if chosen == rule.field:
                out.append(rule)
            else:
                out.append(
                    dataclasses.replace(rule, field=chosen, role="value", scale=0, currency=None)
                )
        return out

    def save_mapping(self) -> None:
        if self.plan is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("sheet_save_mapping"), str(self.ctx.ws.path.parent), "JSON (*.json)"
        )
        if name:
            mapping = dataclasses.replace(self.plan.mapping, columns=self.edited_columns())
            try:
                mapping.save(Path(name))
            except OSError as exc:
                QMessageBox.warning(self, tr("error_title"), f"{name}: {exc.strerror}")

    # --- the report ------------------------------------------------------------------------
    def _fill_report(self, plan: ImportPlan) -> None:
        counts = plan.counts()
        lang = self.ctx.lang
        self.summary.setText(
            tr(
                "sheet_summary",
                ready=group_digits(counts["ready"], lang),
                warning=group_digits(counts["warning"], lang),
                error=group_digits(counts["error"], lang),
                skipped=group_digits(counts["skipped"], lang),
            )
        )
        problems = [(r, p) for r in plan.rows for p in r.problems]
        self.problems.setRowCount(0)
        self.problems.setRowCount(min(len(problems), MAX_PROBLEM_ROWS))
        for i, (result, p) in enumerate(problems[:MAX_PROBLEM_ROWS]):
            text = p.en if lang == "en" else p.vi
            if not p.warning:
                text = f"{tr('sheet_error')}: {text}"
            cells = [str(result.row), p.column, p.value, text]
            for j, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if not p.warning:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.problems.setItem(i, j, item)

    def save_report(self) -> None:
        if self.plan is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("sheet_save_report"), str(self.ctx.ws.path.parent), "Excel (*.xlsx)"
        )
        if not name:
            return
        try:
            self.ctx.ws.sheets.save_report(self.plan, Path(name), self.ctx.lang)
        except (HueDeskError, OSError) as exc:
            if isinstance(exc, OSError):
                QMessageBox.warning(self, tr("error_title"), f"{name}: {exc.strerror}")
            else:
                self.ctx.show_error(self, exc)
            return
        self.ctx.message.emit(tr("sheet_report_saved", path=name))

    # --- importing (off the GUI thread) ----------------------------------------------------
    def import_rows(self) -> None:
        plan = self.plan
        if plan is None:
            return
        lang = self.ctx.lang

        def work(p: Progress) -> ImportOutcome:
            return self.ctx.ws.sheets.import_(
                plan,
                lang=lang,
                progress=lambda done, total: p.report(done, total),
                should_cancel=p.cancelled,
            )

        self._op = run_op(
            work, self._imported, self._failed, parent=self, title=tr("sheet_importing")
        )

    def _imported(self, outcome: ImportOutcome) -> None:
        self._op = None
        self.outcome = outcome
        assert self.plan is not None
        lang = self.ctx.lang
        left = [str(r.row) for r in self.plan.errors]
        text = tr(
            "sheet_done",
            added=group_digits(outcome.added, lang),
            updated=group_digits(outcome.updated, lang),
            unchanged=group_digits(outcome.unchanged, lang),
        )
        if left:
            text += "\n" + tr("sheet_left_out", rows=", ".join(left[:50]))
        self.done_text.setText(text)
        self.undo_btn.setEnabled(outcome.operation_id is not None and self.ctx.can_write)
        self.ctx.notify(self.plan.kind)
        self._show(DONE_STEP)

    def undo_import(self) -> None:
        if self.outcome is None or self.outcome.operation_id is None:
            return
        try:
            result = self.ctx.ws.operations.undo(self.outcome.operation_id)
        except HueDeskError as exc:
            self.ctx.show_error(self, exc)
            return
        self.undo_btn.setEnabled(False)
        self.done_text.setText(self.done_text.text() + "\n\n" + result.describe(self.ctx.lang))
        if self.plan is not None:
            self.ctx.notify(self.plan.kind)
