"""About: app version, the privacy-policy version, and the record of processing.

The record (policy clause 2, GDPR Art. 30, "Personuppgiftsbehandlingar") is the database's:
each processing's purpose, legal basis, people and data, recipients and transfers, retention
and security measures, with the grace period, trial period and session-log retention as the
lifecycle setting holds them (read with the record, when the dialog opens). Admins edit it
(the record-of-processing dialog); anyone exports it as a PDF.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bowebb_console import POLICY_VERSION, __version__
from bowebb_console.services import processing
from bowebb_console.services.processing import Record
from bowebb_console.ui.kit.errors import error_text
from bowebb_console.ui.processing.texts import field_name, retention_text

if TYPE_CHECKING:
    from bowebb_console.ui.kit.context import AppContext


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_data: Record | None = None
        self.processing_dialog: QDialog | None = None
        self.setWindowTitle(self.tr("About BoWebb Console"))
        self.resize(1100, 640)
        title = QLabel(self.tr("BoWebb Console %1").replace("%1", __version__))
        title.setObjectName("pageTitle")
        self.version_label = QLabel(self.tr("Version: %1").replace("%1", __version__))
        self.policy_label = QLabel(self.tr("Privacy policy: %1").replace("%1", POLICY_VERSION))
        self.policy_label.setWordWrap(True)
        owner = QLabel(
            self.tr(
                "Controller for the processing below: BackOffice Webbtjänster Sweden AB "
                "(556680-9827)."
            )
        )
        owner.setWordWrap(True)
        record_title = QLabel(self.tr("Record of processing activities"))
        record_title.setObjectName("sectionTitle")
        self.record_note = QLabel(self.tr("The record is read from the database…"))
        self.record_note.setWordWrap(True)

        self.columns = (
            "name",
            "data_categories",
            "purpose",
            "legal_basis",
            "retention",
            "recipients",
        )
        self.record = QTableWidget(0, len(self.columns))
        headers = [field_name(c) for c in self.columns]
        headers[1] = self.tr("People and personal data")
        headers[5] = self.tr("Recipients and transfers")
        self.record.setHorizontalHeaderLabels(headers)
        self.record.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.record.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.record.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.record.setWordWrap(True)
        self.record.verticalHeader().hide()
        self.record.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        note = QLabel(
            self.tr(
                "No sensitive personal data (GDPR Art. 9) is processed, and contact details are "
                "never used for marketing: only for major news and service disruptions. "
                "Security measures are in each row's tooltip and in the PDF."
            )
        )
        note.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export as PDF…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_pdf)
        self.edit_button = QPushButton(self.tr("Edit the record…"))
        self.edit_button.setVisible(ctx is not None and ctx.identity.role == "admin")
        self.edit_button.clicked.connect(self.open_editor)
        self.export_note = QLabel()
        self.export_note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, self.version_label, self.policy_label, owner, record_title):
            layout.addWidget(widget)
        layout.addWidget(self.record_note)
        layout.addWidget(self.record, 1)
        layout.addWidget(note)
        layout.addWidget(self.export_note)
        layout.addWidget(buttons)
        if ctx is None:
            self.record_note.setText(self.tr("The record is shown once the database is open."))
        else:
            self.load()

    # --- the record ---------------------------------------------------------------------
    def load(self) -> None:
        assert self.ctx is not None
        self.ctx.runner.start(
            processing.record,
            self.ctx.database,
            tag=f"about.record.{id(self)}",
            on_result=self.show_record,
            on_error=lambda _exc: self.record_note.setText(
                self.tr("The record could not be read from the database.")
            ),
            owner=self,
        )

    def show_record(self, record: Record) -> None:
        self.record_data = record
        self.record_note.setText("")
        self.record_note.hide()
        self.record.setRowCount(0)
        for p in record.processings:
            people = "\n".join(x for x in (p.data_subjects, p.data_categories) if x)
            transfers = field_name("transfers") + ": " + p.transfers if p.transfers else ""
            recipients = "\n".join(x for x in (p.recipients, transfers) if x)
            values = [p.name, people, p.purpose, p.legal_basis, retention_text(p, record)]
            self._add([*values, recipients], p.security)
        self.record.resizeRowsToContents()
        self.export_button.setEnabled(True)

    def _add(self, values: list[str], security: str) -> None:
        row = self.record.rowCount()
        self.record.insertRow(row)
        tip = field_name("security") + ": " + security if security else ""
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            item.setToolTip(tip)
            self.record.setItem(row, column, item)

    # --- editing and export -------------------------------------------------------------
    def open_editor(self) -> None:
        assert self.ctx is not None
        from bowebb_console.ui.processing.dialog import ProcessingDialog

        if self.processing_dialog is None:  # one editor per About, kept with it
            dialog = ProcessingDialog(self.ctx, self)
            dialog.saved.connect(self._edited)
            self.processing_dialog = dialog
        else:
            self.processing_dialog.reload()
        self.processing_dialog.open()

    def _edited(self, _processing_id: int) -> None:
        self.load()

    def export_pdf(self) -> None:
        if self.ctx is None or self.record_data is None:
            return
        self.ctx.prompts.ask_path(
            self.tr("Export the record of processing"),
            self._write,
            save=True,
            name_filter=self.tr("PDF files (*.pdf)"),
            suggested="personuppgiftsbehandlingar.pdf",
        )

    def _write(self, path: Path) -> None:
        assert self.ctx is not None and self.record_data is not None
        from bowebb_console.ui.processing.pdf import write_pdf

        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.export_note.setText(self.tr("Exporting…"))
        self.ctx.runner.start(
            write_pdf,
            path,
            self.record_data,
            self.ctx.identity.user,
            tag=f"about.pdf.{id(self)}",
            on_result=lambda _none: self.export_note.setText(
                self.tr("Exported to %1").replace("%1", str(path))
            ),
            on_error=lambda exc: self.export_note.setText(
                self.tr("Not exported: %1").replace(
                    "%1", exc.strerror or "" if isinstance(exc, OSError) else error_text(exc)
                )
            ),
            owner=self,
        )
