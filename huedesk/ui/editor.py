"""The window of one record: its form, its child lines, its attachments, save/delete/print.

Saving writes the record and all staged child lines in one unit of work; a
refusal from the services marks the fields it names. Closing with unsaved
changes asks first. An edit of the record's own fields can be undone from the
main window (Ctrl+Z).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from huedesk.errors import ConflictError, FieldProblem, HueDeskError, ValidationError
from huedesk.records.display import aid_totals
from huedesk.records.kinds import kind_spec
from huedesk.ui import geometry
from huedesk.ui.attachments import AttachmentsPanel
from huedesk.ui.children import ChildTable
from huedesk.ui.context import AppContext
from huedesk.ui.form import RecordForm
from huedesk.ui.i18n import tr
from huedesk.ui.undo import EditRecordCommand

NO_ATTACHMENTS = frozenset({"country", "attachment"})


class RecordEditor(QDialog):
    """Create or edit one record of any kind (built from the kind's fields)."""

    saved = Signal(str, int)  # kind, id

    def __init__(
        self,
        ctx: AppContext,
        kind: str,
        record_id: int | None = None,
        defaults: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.spec = kind_spec(kind)
        self.record_id = record_id
        self.row: dict[str, Any] = {}
        self._discarded = False
        self._printable = ctx.ws.briefs.has_brief(kind)  # ReportLab loads on the first print
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        lang = ctx.lang
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.form = RecordForm(ctx.ws, kind, lang, parent=self)
        self.form.edited.connect(self._update_title)
        scroll = geometry.scrolling(self.form)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, tr("tab_general"))
        self.children_tables: dict[str, ChildTable] = {}
        for child in self.spec.children:
            table = ChildTable(ctx.ws, child.name, lang, self)
            table.on_change(self._update_title)
            self.children_tables[child.name] = table
            self.tabs.addTab(table, child.label(lang))
        self.attachments: AttachmentsPanel | None = None
        if kind not in NO_ATTACHMENTS and not self.spec.parent:
            self.attachments = AttachmentsPanel(ctx.ws, lang, self)
            self.tabs.addTab(self.attachments, tr("tab_attachments"))

        self.save_btn = QPushButton(tr("save").replace("&", ""))
        self.save_close_btn = QPushButton(tr("save_close"))
        self.delete_btn = QPushButton(tr("delete").replace("&", ""))
        self.print_btn = QPushButton(tr("print").replace("&", ""))
        self.close_btn = QPushButton(tr("close"))
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(self.save)
        self.save_close_btn.clicked.connect(self.save_and_close)
        self.delete_btn.clicked.connect(self.delete)
        self.print_btn.clicked.connect(self.print_brief)
        self.close_btn.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_brief)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_btn)
        buttons.addWidget(self.print_btn)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(tr("required_hint")))
        for b in (self.save_btn, self.save_close_btn, self.close_btn):
            buttons.addWidget(b)
        # an aid project's committed, disbursed and remaining, kept up to date as lines change
        self.totals: QLabel | None = None
        if kind == "aid_project":
            self.totals = QLabel()
            self.totals.setWordWrap(True)
            self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        if self.totals is not None:
            layout.addWidget(self.totals)
        layout.addLayout(buttons)
        geometry.restore(self, f"record/{kind}", 1080, 760)

        if not ctx.can_write:  # a viewer reads; the services would refuse a save anyway
            self.form.set_read_only()
            for button in (self.save_btn, self.save_close_btn):
                button.setEnabled(False)
            for table in self.children_tables.values():
                table.set_read_only()
        if record_id is not None:
            self.reload()  # a record the user may not see raises here: the window never opens
        elif defaults:
            self.form.load(defaults)
            self.form.mark_clean()
        if record_id is None:
            self.form.focus_first()
        self._update_title()

    # --- state --------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the record and its child lines again (as the user may see them)."""
        assert self.record_id is not None
        records = self.ctx.ws.records
        self.row = records.get(self.spec.name, self.record_id)
        lines = {
            child: records.children(self.spec.name, self.record_id, child)
            for child in self.children_tables
        }
        self.form.load(self.row)
        for child, table in self.children_tables.items():
            table.load(lines[child])
        if self.attachments is not None:
            self.attachments.set_owner((self.spec.name, self.record_id, self.row["uuid"]))
        self._update_title()

    def is_dirty(self) -> bool:
        if self._discarded:
            return False
        return self.form.is_dirty() or any(t.is_dirty() for t in self.children_tables.values())

    def discard_changes(self) -> None:
        """Forget unsaved input (the user chose to discard it); the window may close freely."""
        self._discarded = True

    def describe(self) -> str:
        """How the record is named to the user: kind and reference number (or its title)."""
        label = self.spec.label(self.ctx.lang)
        if not self.row:
            return tr("new_record", kind=label.lower())
        name = self.row.get("ref") or self.row.get(self.spec.title_field) or self.row["id"]
        return tr("edit_record", kind=label, ref=name)

    def _update_totals(self) -> None:
        """The project's totals as saved, with the transaction lines as the window holds them."""
        if self.totals is None:
            return
        lines = [item.display for item in self.children_tables["aid_transaction"].items]
        self.totals.setText(aid_totals(self.row, lines, self.ctx.lang))

    def _update_title(self) -> None:
        self._update_totals()
        title = self.describe()
        self.heading.setText(title)
        self.setWindowTitle(("* " if self.is_dirty() else "") + title)
        saved = self.record_id is not None
        self.delete_btn.setEnabled(saved and self.ctx.can_write)
        self.print_btn.setEnabled(saved and self._printable)

    # --- actions ------------------------------------------------------------------------
    def save(self) -> bool:
        """Write the record and its staged lines; True when saved."""
        self.form.clear_problems()
        kind = self.spec.name
        before = dict(self.row)
        changes = self.form.changes() if self.record_id is not None else self.form.values()
        if not self._not_a_duplicate(changes):
            return False
        try:
            row = self.ctx.ws.records.save(
                kind,
                self.record_id,
                changes,
                [table.edits() for table in self.children_tables.values()],
                expected_updated_at=self.row.get("updated_at"),
            )
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            self.tabs.setCurrentIndex(0)
            return False
        except ConflictError as exc:  # saved elsewhere since this window read the record
            return self._reload_and_reapply(exc) and self.save()
        except HueDeskError as exc:
            self.ctx.show_error(self, exc)
            return False
        created = self.record_id is None
        self.record_id = int(row["id"])
        self.reload()
        self.form.show_warnings(getattr(row, "warnings", []))
        if not created:
            self._push_edit(before, row, list(changes))
        self.ctx.notify(kind)
        self.ctx.message.emit(tr("saved", what=self.describe()))
        self.saved.emit(kind, self.record_id)
        return True

    def _reload_and_reapply(self, exc: ConflictError) -> bool:
        """Offer to read the record again and put the user's changes back on it. True when
        that was done and no field the user changed was changed elsewhere too (the save
        goes on); False when the user declined, or those fields are marked for a look."""
        if self.record_id is None:
            self.ctx.show_error(self, exc)
            return False
        why = exc.en if self.ctx.lang == "en" else exc.vi
        answer = QMessageBox.question(
            self,
            tr("conflict_title"),
            tr("conflict_ask", why=why),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        opened, mine = self.form.opened_with(), self.form.changes()
        typed = self.form.typed(list(mine))
        try:
            self.row = self.ctx.ws.records.get(self.spec.name, self.record_id)
        except HueDeskError as gone:  # deleted meanwhile, or no longer visible
            self.ctx.show_error(self, gone)
            return False
        self.form.load(self.row)
        theirs = self.form.opened_with()
        clashes = [f for f in mine if opened.get(f) != theirs.get(f) != mine[f]]
        now = {f: self.form.shown(f) or "—" for f in clashes}
        self.form.retype(typed)
        for child, table in self.children_tables.items():
            if not table.is_dirty():  # staged lines stay as the user left them
                table.load(self.ctx.ws.records.children(self.spec.name, self.record_id, child))
        self._update_title()
        if not clashes:
            return True
        fields = self.spec.fields
        self.form.show_warnings(
            [
                FieldProblem(
                    f,
                    fields[f].label_vi,
                    fields[f].label_en,
                    f"nơi khác vừa sửa thành «{now[f]}»; ô này giữ giá trị của bạn",
                    f"changed elsewhere to «{now[f]}»; this field keeps yours",
                )
                for f in clashes
            ],
            tr("conflict_heading"),
        )
        self.tabs.setCurrentIndex(0)
        return False

    def _not_a_duplicate(self, changes: dict[str, Any]) -> bool:
        """Ask before saving a person or organisation that probably repeats a stored one
        (a new one, or one whose name changes); True to go on saving."""
        try:
            found = self.ctx.ws.records.likely_duplicates(self.spec.name, changes, self.record_id)
        except HueDeskError:
            return True  # the save itself reports what is wrong
        if not found:
            return True
        lines = [
            f"• {p.second.ref or ''} {p.second.name} — {p.reason(self.ctx.lang)} ({p.score})"
            for p in found
        ]
        answer = QMessageBox.question(
            self,
            tr("duplicate_title"),
            tr("duplicate_ask", records="\n".join(lines)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def _push_edit(self, before: dict[str, Any], after: dict[str, Any], fields: list[str]) -> None:
        changed = [f for f in fields if before.get(f) != after.get(f)]
        if not changed:
            return
        self.ctx.undo.push(
            EditRecordCommand(
                self.ctx.ws,
                self.spec.name,
                str(after["uuid"]),
                {f: before.get(f) for f in changed},
                {f: after.get(f) for f in changed},
                f"{tr('save').replace('&', '')} {self.describe()}",
                self._after_undo,
                lambda exc: self.ctx.show_error(self, exc),
            )
        )

    def _after_undo(self, kind: str) -> None:
        self.ctx.notify(kind)
        if self.isVisible() and self.record_id is not None and not self.is_dirty():
            self.reload()

    def save_and_close(self) -> None:
        if self.save():
            self.close()

    def delete(self) -> None:
        if self.record_id is None:
            return
        if self.ctx.delete_record(self, self.spec.name, self.record_id, self.describe()):
            self.discard_changes()
            self.close()

    def print_brief(self) -> None:
        if self.record_id is None or not self._printable:
            return
        from huedesk.ui.printing import BriefDialog  # printing pulls in QtPrintSupport

        ref = str(self.row.get("ref") or self.record_id)
        dialog = BriefDialog(self, self.ctx.ws, self.spec.name, self.record_id, ref, self.ctx.lang)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    # --- closing ------------------------------------------------------------------------
    def confirm_close(self) -> bool:
        """Ask about unsaved changes; False if the user wants to stay."""
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self,
            tr("unsaved_title"),
            tr("unsaved_text", what=self.describe()),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.discard_changes()
            return True
        return False

    def closeEvent(self, event: Any) -> None:
        if self.confirm_close():
            geometry.remember(self, f"record/{self.spec.name}")
            event.accept()
        else:
            event.ignore()

    def reject(self) -> None:  # Esc goes through the same question as the close button
        self.close()
