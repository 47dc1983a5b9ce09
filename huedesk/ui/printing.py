"""Printing a record's brief: build the PDF off the UI thread, show it, send it to a printer.

The workspace builds the brief (``ws.briefs.render``: refused where opening the
record is, and redacted for those who may not see personal data), so the window
does not care how a brief is made. The brief is previewed inside the program
(``PreviewDialog``: Qt's own ``QPdfView``) and may also open in the system viewer
(with a clear message when the system has none: ``huedesk.ui.open_file``); for the
printer its pages are rendered by Qt's own PDF module (QtPdf, the ``PySide6-Pdf``
wheel: no external tool, so it works on an office PC without poppler) at the
printer's resolution (capped at 300 dpi) and painted onto a ``QPrinter``, which
also prints to a PDF file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from huedesk.db.enums import DocKind
from huedesk.errors import HueDeskError
from huedesk.records.kinds import kind_spec
from huedesk.ui import geometry
from huedesk.ui.i18n import tr
from huedesk.ui.open_file import open_file
from huedesk.ui.ops import Progress, run_op
from huedesk.workspace import Workspace

PRINT_DPI_MAX = 300  # enough for text on paper; a 600 dpi A4 page would be a 140 MB image


def print_pdf(pdf: Path, printer: QPrinter) -> int:
    """Paint every page of ``pdf`` onto ``printer``; returns the number of pages."""
    document = QPdfDocument()
    if document.load(str(pdf)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise HueDeskError(
            f"Không đọc được tệp PDF {pdf.name} để in.",
            f"Could not read the PDF {pdf.name} to print.",
        )
    painter = QPainter()
    if not painter.begin(printer):
        raise HueDeskError("Không mở được máy in.", "Could not open the printer.")
    scale = min(printer.resolution(), PRINT_DPI_MAX) / 72  # pixels per PDF point
    pages = document.pageCount()
    try:
        for i in range(pages):
            if i:
                printer.newPage()
            area = painter.viewport()
            page = document.pagePointSize(i)
            fit = page.toSize().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(i, (page * scale).toSize())
            painter.drawImage(QRect(area.x(), area.y(), fit.width(), fit.height()), image)
    finally:
        painter.end()
        document.close()
    return pages


def open_in_viewer(parent: QWidget, pdf: Path | None) -> None:
    """Open a built PDF in the system's viewer (nothing before one is built); says so when there is none."""
    if pdf is not None:
        open_file(parent, pdf)


def print_built(parent: QWidget, pdf: Path | None, lang: str, printer: QPrinter | None) -> int:
    """Ask for a printer (unless one is given) and print ``pdf``; returns pages printed."""
    if pdf is None:
        return 0
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
            return 0
    try:
        return print_pdf(pdf, printer)
    except HueDeskError as exc:
        QMessageBox.warning(parent, tr("error_title"), exc.message(lang))
        return 0


class PdfDialog(QDialog):
    """A dialog that builds a PDF off the UI thread, then shows it inside the program, opens it
    in the system's viewer or prints it (a record's brief, the yearly review).

    ``_pdf_actions`` makes ``status`` (for the dialog to lay out) and the four buttons,
    given what the build button does and the language of messages; ``_start`` runs a build.
    """

    pdf: Path | None

    def _pdf_actions(
        self, build_text: str, open_text: str, build: Callable[[], None], lang: Callable[[], str]
    ) -> list[QPushButton]:
        self.pdf, self._lang = None, lang
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.build_btn = QPushButton(build_text)
        self.preview_btn = QPushButton(tr("print_preview"))
        self.open_btn = QPushButton(open_text)
        self.send_btn = QPushButton(tr("print_send"))
        for b in (self.preview_btn, self.open_btn, self.send_btn):
            b.setEnabled(False)
        self.build_btn.clicked.connect(build)
        self.preview_btn.clicked.connect(self.preview)
        self.open_btn.clicked.connect(self.open_pdf)
        self.send_btn.clicked.connect(lambda: self.send_to_printer())
        return [self.build_btn, self.preview_btn, self.open_btn, self.send_btn]

    def _start(self, work: Callable[[Progress], Path]) -> None:
        self.build_btn.setEnabled(False)
        run_op(work, self._built, self._failed, parent=self, title=tr("print_building"))

    def _built(self, pdf: Path) -> None:
        self.pdf = pdf
        self.build_btn.setEnabled(True)
        self.status.setText(tr("print_ready", path=pdf))
        for b in (self.preview_btn, self.open_btn, self.send_btn):
            b.setEnabled(True)
        self.preview()  # what was built is shown at once, inside the program

    def _failed(self, exc: BaseException) -> None:
        self.build_btn.setEnabled(True)
        lang = self._lang()
        text = (
            exc.message(lang)
            if isinstance(exc, HueDeskError)
            else tr("unexpected_error", error=exc)
        )
        self.status.setText(text)
        if not isinstance(exc, HueDeskError):
            raise exc

    def preview(self) -> PreviewDialog | None:
        """Show the PDF inside the program (no PDF viewer needed), with a Print button."""
        if self.pdf is None:
            return None
        dialog = PreviewDialog(self.pdf, self.send_to_printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_pdf(self) -> None:
        open_in_viewer(self, self.pdf)

    def send_to_printer(self, printer: QPrinter | None = None) -> int:
        """Ask for a printer (unless one is given) and print the PDF; returns pages printed."""
        return print_built(self, self.pdf, self._lang(), printer)


class BriefDialog(PdfDialog):
    """Options (language, kind of document and addressee, hide personal data, full history),
    then the built brief: open it or print it."""

    def __init__(
        self,
        parent: QWidget | None,
        ws: Workspace,
        kind: str,
        record_id: int,
        ref: str,
        lang: str,
    ) -> None:
        super().__init__(parent)
        self.ws, self.kind, self.record_id, self.ref = ws, kind, record_id, ref
        self.setWindowTitle(f"{tr('print').replace('&', '')} — {ref}")
        self.lang_box = QComboBox()
        self.lang_box.addItem(tr("lang_vi"), "vi")
        self.lang_box.addItem(tr("lang_en"), "en")
        self.lang_box.setCurrentIndex(1 if lang == "en" else 0)
        self.redact = QCheckBox(tr("print_redact"))
        self.redact.setChecked(kind_spec(kind).sensitive)
        if not ws.principal.can_see_sensitive:  # the workspace redacts for them anyway
            self.redact.setChecked(True)
            self.redact.setEnabled(False)
        self.full = QCheckBox(tr("print_full"))
        self.full.setVisible(kind == "delegation")
        self.doc_box = QComboBox()
        for doc in DocKind:
            self.doc_box.addItem(doc.label(lang), doc.code)
        self.to_edit = QLineEdit()
        agency = ws.documents.settings().parent_name(lang)
        self.to_edit.setPlaceholderText(tr("print_to_hint", agency=agency))
        self.doc_box.currentIndexChanged.connect(self._doc_changed)
        actions = self._pdf_actions(
            tr("print").replace("&", ""),
            tr("print_open"),
            self.build,
            lambda: str(self.lang_box.currentData()),
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for b in actions:
            close.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        form = QFormLayout()
        form.addRow(tr("menu_language").replace("&", "") + ":", self.lang_box)
        form.addRow(tr("print_doc_kind") + ":", self.doc_box)
        form.addRow(tr("print_to") + ":", self.to_edit)
        form.addRow("", self.redact)
        form.addRow("", self.full)
        self._doc_changed()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(close)
        geometry.fit(self, 560, self.sizeHint().height())

    def _doc_changed(self) -> None:
        """A báo cáo names no addressee: "Kính gửi" is for a công văn or a tờ trình."""
        self.to_edit.setEnabled(self.doc_box.currentData() != DocKind.BAO_CAO.code)

    def build(self) -> None:
        lang = str(self.lang_box.currentData())
        redact = self.redact.isChecked()
        full = self.full.isChecked() and self.kind == "delegation"
        doc = str(self.doc_box.currentData())
        to = self.to_edit.text() if self.to_edit.isEnabled() else ""
        safe_ref = "".join(c if c.isalnum() or c in "-_" else "_" for c in self.ref)
        extra = ("-an" if redact else "") + ("-day-du" if full else "")
        kind_tag = "" if doc == DocKind.BAO_CAO.code else f"-{doc.lower()}"
        name = f"{safe_ref}{kind_tag}-{lang}{extra}.pdf"
        out = self.ws.briefs.folder / name

        def work(progress: Progress) -> Path:
            progress.report(0, 0, tr("print_building"))
            return self.ws.briefs.render(
                self.kind, self.record_id, out, lang=lang, redact=redact, full=full, doc=doc, to=to
            )

        self._start(work)


class PreviewDialog(QDialog):
    """The pages of a PDF, one under the other, zoomed to the window's width, with Print."""

    def __init__(self, pdf: Path, print_it: Callable[[], int], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("preview_title", name=pdf.name))
        self.document = QPdfDocument(self)
        if self.document.load(str(pdf)) != QPdfDocument.Error.None_:
            raise HueDeskError(
                f"Không đọc được tệp PDF {pdf.name}.", f"Could not read the PDF {pdf.name}."
            )
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.print_btn = QPushButton(tr("preview_print"))
        self.print_btn.clicked.connect(print_it)
        buttons.addButton(self.print_btn, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        geometry.fit(self, 900, 1000)  # an A4 page's width, as tall as the screen allows

    @property
    def pages(self) -> int:
        return int(self.document.pageCount())
