"""File → export an archive bundle, File → import one: dialogs over ``ws.archive``.

Export asks what to take (kinds, year, changed since, with briefs) and where to
save, then runs the workspace's export in the background with progress and
Cancel. Import runs the workspace's import twice: first as a dry run (which verifies the
bundle and performs the whole merge inside a transaction that is rolled back),
so the preview shows exactly what the real import will add, skip, update and
renumber; only after the user confirms does the real import run. Lists refresh
afterwards and a daily backup is taken, as after every large operation. The
archive code loads on first use, not with the window.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from huedesk import clock
from huedesk.formatting import format_datetime
from huedesk.money import group_digits
from huedesk.records.fields import SYSTEM_FIELDS
from huedesk.records.kinds import kind_spec
from huedesk.ui import geometry
from huedesk.ui.backup_ui import size_text
from huedesk.ui.context import AppContext
from huedesk.ui.i18n import tr
from huedesk.ui.ops import Progress, run_op

if TYPE_CHECKING:
    from huedesk.workspace import ExportReport, ImportReport

SHOWN_LINES = 20  # conflicts / renumbered lines listed before "… and N more"


class ExportDialog(QDialog):
    """What to export: kinds (all checked = everything), year, changed since, with briefs."""

    def __init__(
        self,
        lang: str,
        parent: QWidget | None = None,
        kinds: tuple[str, ...] | None = None,
        year: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("export_title"))
        self.kinds = QListWidget()
        from huedesk.workspace import EXPORTABLE_KINDS  # the archive loads on first use

        for kind in EXPORTABLE_KINDS:
            item = QListWidgetItem(kind_spec(kind).label(lang))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            checked = kinds is None or kind in kinds
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.kinds.addItem(item)
        self.kinds.setMinimumHeight(220)
        self.year = QComboBox()
        self.year.addItem(tr("all"), None)
        for y in range(clock.today().year + 1, 1999, -1):
            self.year.addItem(str(y), y)
        if year is not None:
            self.year.setCurrentIndex(max(self.year.findData(year), 0))
        self.use_since = QCheckBox(tr("export_since"))
        self.since = QDateEdit(QDate(clock.today()).addMonths(-1))  # huedesk.clock, not the OS
        self.since.setDisplayFormat("dd/MM/yyyy")
        self.since.setCalendarPopup(True)
        self.since.setEnabled(False)
        self.use_since.toggled.connect(self.since.setEnabled)
        self.briefs = QCheckBox(tr("export_briefs"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("export_kinds"), self.kinds)
        form.addRow(tr("export_year"), self.year)
        form.addRow(self.use_since, self.since)
        form.addRow("", self.briefs)
        note = QLabel(tr("export_note"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen_kinds(self) -> tuple[str, ...] | None:
        """The checked kinds; ``None`` (everything) when all are checked."""
        items = [self.kinds.item(i) for i in range(self.kinds.count())]
        chosen = tuple(
            str(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        )
        return None if len(chosen) == len(items) else chosen

    def options(self) -> dict[str, Any]:
        """The keyword arguments of ``export_bundle`` the user chose."""
        since = self.since.date().toPython() if self.use_since.isChecked() else None
        return {
            "kinds": self.chosen_kinds(),
            "year": self.year.currentData(),
            "since": since,
            "with_briefs": self.briefs.isChecked(),
        }


def report_html(report: ImportReport, lang: str, intro: str) -> str:
    """An import (or dry-run) report as HTML: a table per kind, conflicts, renumbered records."""
    cols = ("added", "skipped", "updated", "kept_local")
    head = "".join(f"<th align='right'>{tr('col_' + c)}</th>" for c in cols)
    rows = []
    for kind, outcome in report.outcomes.items():
        if not any(getattr(outcome, c) for c in cols):
            continue
        cells = "".join(
            f"<td align='right'>{group_digits(getattr(outcome, c), lang)}</td>" for c in cols
        )
        rows.append(f"<tr><td>{html.escape(kind_spec(kind).label(lang))}</td>{cells}</tr>")
    totals = "".join(
        f"<td align='right'><b>{group_digits(report.total(c), lang)}</b></td>" for c in cols
    )
    rows.append(f"<tr><td><b>{tr('total')}</b></td>{totals}</tr>")
    summary = tr(
        "import_summary",
        added=group_digits(report.total("added"), lang),
        skipped=group_digits(report.total("skipped"), lang),
        updated=group_digits(report.total("updated"), lang),
        kept=group_digits(report.total("kept_local"), lang),
        conflicts=group_digits(len(report.conflicts), lang),
        renumbered=group_digits(len(report.renumbered), lang),
    )
    parts = [
        f"<p>{intro}</p><p>{summary}</p>",
        "<table cellspacing='0' cellpadding='4' border='1' style='border-collapse: collapse;'>",
        f"<tr><th align='left'>{tr('col_kind')}</th>{head}</tr>",
        *rows,
        "</table>",
    ]
    if report.total("added") + report.total("updated") == 0 and not report.renumbered:
        parts.append(f"<p>{tr('import_nothing')}</p>")

    def listing(title: str, lines: list[str]) -> None:
        more = len(lines) - SHOWN_LINES
        items = "".join(f"<li>{html.escape(x)}</li>" for x in lines[:SHOWN_LINES])
        if more > 0:
            items += f"<li>{tr('and_more', n=more)}</li>"
        parts.append(f"<p><b>{title}</b></p><ul>{items}</ul>")

    def label(kind: str) -> str:
        return kind_spec(kind).label(lang)

    def when(stamp: str) -> str:
        try:
            return format_datetime(dt.datetime.fromisoformat(stamp), lang)
        except ValueError:
            return stamp

    def field_names(kind: str, names: tuple[str, ...]) -> str:
        fields = kind_spec(kind).fields
        return ", ".join(
            fields[n].label(lang) if n in fields else n for n in names if n not in SYSTEM_FIELDS
        )

    if report.conflicts:
        listing(
            tr("conflicts", n=len(report.conflicts)),
            [
                tr(
                    "conflict_line",
                    kind=label(c.kind),
                    ref=c.ref or c.uuid,
                    winner=tr(f"winner_{c.winner}"),
                    local=when(c.local_updated_at),
                    bundle=when(c.bundle_updated_at),
                    fields=field_names(c.kind, c.fields),
                )
                for c in report.conflicts
            ],
        )
    if report.renumbered:
        listing(
            tr("renumbered", n=len(report.renumbered)),
            [
                tr("renumbered_line", kind=label(r.kind), old=r.given_ref, new=r.new_ref)
                for r in report.renumbered
            ],
        )
    if not report.dry_run and report.files_written:
        parts.append(f"<p>{tr('files_written', n=report.files_written)}</p>")
    return "".join(parts)


class ReportDialog(QDialog):
    """An import report; with ``confirm`` it is the preview and offers Import / Cancel."""

    def __init__(self, title: str, body: str, confirm: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        geometry.fit(self, 780, 620)
        self.text = QTextBrowser()
        self.text.setHtml(body)
        if confirm:
            buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            )
            ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setText(tr("import_confirm"))
            ok.setDefault(True)
        else:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class ArchiveActions:
    """The export and import commands of one main window.

    ``after_import`` is called with the report once a real import has committed
    (the window refreshes its lists).
    """

    def __init__(
        self, ctx: AppContext, parent: QWidget, after_import: Callable[[ImportReport], None]
    ) -> None:
        self.ctx = ctx
        self.parent = parent
        self.after_import = after_import

    # --- export ------------------------------------------------------------------------------
    def export(self, kinds: tuple[str, ...] | None = None, year: int | None = None) -> None:
        """Ask what to export (pre-filled with ``kinds``/``year``) and where, then export."""
        dialog = ExportDialog(self.ctx.lang, self.parent, kinds, year)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            options = dialog.options()
        finally:
            dialog.deleteLater()
        default = self.ctx.ws.path.with_name(f"huedesk-{clock.today():%Y%m%d}.zip")
        name, _filter = QFileDialog.getSaveFileName(
            self.parent, tr("export_save"), str(default), tr("bundle_filter")
        )
        if not name:
            return
        out = Path(name) if name.lower().endswith(".zip") else Path(name + ".zip")
        archive, lang = self.ctx.ws.archive, self.ctx.lang

        def work(p: Progress) -> ExportReport:
            return archive.export(
                out,
                progress=lambda done, total, kind: p.report(done, total, self._step(kind)),
                should_cancel=p.cancelled,
                lang=lang,
                **options,
            )

        run_op(
            work,
            self._exported,
            lambda exc: self.ctx.show_error(self.parent, exc),
            parent=self.parent,
            title=tr("export_running"),
        )

    def _step(self, kind: str) -> str:
        """Progress text for the step ``kind`` (a record kind, "brief" or "packing")."""
        if kind == "brief":
            return tr("print_building")
        if kind == "packing":
            return tr("export_packing")
        try:
            return f"{tr('export_running')} {kind_spec(kind).label(self.ctx.lang).lower()}"
        except KeyError:
            return tr("export_running")

    def _exported(self, report: ExportReport) -> None:
        lang = self.ctx.lang
        counts = "\n".join(
            f"{kind_spec(k).label(lang)}: {group_digits(n, lang)}"
            for k, n in report.counts.items()
            if n
        )
        text = tr(
            "export_done",
            path=report.path,
            counts=counts,
            files=report.files,
            briefs=report.briefs,
            size=size_text(report.size),
            seconds=f"{report.seconds:.1f}",
        )
        if report.warnings:
            text += "\n\n" + "\n".join(report.warnings)
        self.ctx.message.emit(tr("export_done_title") + f": {report.path}")
        QMessageBox.information(self.parent, tr("export_done_title"), text)

    # --- import ------------------------------------------------------------------------------
    def import_(self) -> None:
        """Choose a bundle, show the dry-run preview, import on confirmation, show the report."""
        name, _filter = QFileDialog.getOpenFileName(
            self.parent, tr("import_open"), str(self.ctx.ws.path.parent), tr("bundle_filter")
        )
        if not name:
            return
        path = Path(name)
        run_op(
            lambda p: self._run_import(p, path, dry_run=True),
            self._previewed,
            self._import_failed,
            parent=self.parent,
            title=tr("import_checking"),
        )

    def _run_import(self, p: Progress, path: Path, *, dry_run: bool) -> ImportReport:
        """The import itself (on a pool thread); Cancel stops it between kinds, rolled back."""

        def step(done: int, total: int, kind: str) -> None:
            p.report(done, total, self._step(kind))
            p.check()  # raising here rolls the whole import back

        return self.ctx.ws.archive.import_(path, dry_run=dry_run, progress=step)

    def _previewed(self, report: ImportReport) -> None:
        body = report_html(
            report, self.ctx.lang, tr("import_preview_intro", name=html.escape(report.path.name))
        )
        dialog = ReportDialog(tr("import_preview_title"), body, confirm=True, parent=self.parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if not accepted:
            return
        path = report.path
        run_op(
            lambda p: self._run_import(p, path, dry_run=False),
            self._imported,
            self._import_failed,
            parent=self.parent,
            title=tr("import_running"),
        )

    def _imported(self, report: ImportReport) -> None:
        self.after_import(report)
        body = report_html(
            report, self.ctx.lang, tr("import_done_intro", name=html.escape(report.path.name))
        )
        dialog = ReportDialog(tr("import_done_title"), body, confirm=False, parent=self.parent)
        dialog.open()
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.last_report = dialog

    def _import_failed(self, exc: BaseException) -> None:
        from huedesk.workspace import BundleRejected  # loaded with the import that failed

        if isinstance(exc, BundleRejected):
            lang = self.ctx.lang
            lines = [
                f"{p.file}{' ' + p.record if p.record else ''}: {p.en if lang == 'en' else p.vi}"
                for p in exc.report.problems[:10]
            ]
            QMessageBox.warning(
                self.parent,
                tr("error_title"),
                tr("import_rejected", path=exc.report.path) + "\n\n" + "\n".join(lines),
            )
            return
        self.ctx.show_error(self.parent, exc)
