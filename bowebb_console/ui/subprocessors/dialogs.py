"""Add or edit one sub-processor (admins). Saving runs on the task runner; a refusal or a bad
field is said inside the dialog and everything typed stays."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain.errors import ValidationError
from bowebb_console.services import subprocessors as service
from bowebb_console.services.subprocessors import SubProcessorInput, SubProcessorRecord
from bowebb_console.ui.kit import events as L
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.widgets import error_label
from bowebb_console.ui.subprocessors.common import iso, parse_date
from bowebb_console.ui.subprocessors.errors import shown


class SubProcessorDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        record: SubProcessorRecord | None = None,
        on_saved: Callable[[int], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record = record
        self.on_saved = on_saved
        self.saving = False
        self.setWindowTitle(
            self.tr("Edit sub-processor") if record else self.tr("Add sub-processor")
        )
        self.name = QLineEdit()
        self.registration_number = QLineEdit()
        self.service = QLineEdit()
        self.data_categories = QPlainTextEdit()
        self.data_categories.setFixedHeight(60)
        self.locations = QLineEdit()
        self.locations.setPlaceholderText(self.tr("ISO 3166 codes, e.g. SE, DE"))
        self.storage_locations = QLineEdit()
        self.storage_locations.setPlaceholderText(self.tr("ISO 3166 codes, e.g. SE"))
        self.contact = QLineEdit()
        self.dpa_reference = QLineEdit()
        self.dpa_signed_on = QLineEdit()
        self.next_review_on = QLineEdit()
        self.ended_on = QLineEdit()
        for edit in (self.dpa_signed_on, self.next_review_on, self.ended_on):
            edit.setPlaceholderText("YYYY-MM-DD")
        self.status = QComboBox()
        self.status.addItem(self.tr("active"), "active")
        self.status.addItem(self.tr("ended"), "ended")
        self.receiving_data = QCheckBox(self.tr("Still receives personal data"))
        self.receiving_data.setChecked(True)
        # The remote-control tool this entry covers: the consent dialog links the tool here
        # and warns when the entry is flagged (issue 15, item 7).
        self.remote_tool = QComboBox()
        self.remote_tool.addItem(self.tr("None"), "")
        for code in L.TOOLS:
            if code != "other":
                self.remote_tool.addItem(L.word(L.TOOLS, code), code)
        self.error_label = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Registration number"), self.registration_number)
        form.addRow(self.tr("Service provided"), self.service)
        form.addRow(self.tr("Categories of personal data"), self.data_categories)
        form.addRow(self.tr("Processing locations"), self.locations)
        form.addRow(self.tr("Storage locations"), self.storage_locations)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("DPA reference"), self.dpa_reference)
        form.addRow(self.tr("DPA signed on"), self.dpa_signed_on)
        form.addRow(self.tr("Next review"), self.next_review_on)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Ended on"), self.ended_on)
        form.addRow("", self.receiving_data)
        form.addRow(self.tr("Remote-control tool"), self.remote_tool)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        if record is not None:
            self._fill(record)

    def _fill(self, r: SubProcessorRecord) -> None:
        self.name.setText(r.name)
        self.registration_number.setText(r.registration_number)
        self.service.setText(r.service)
        self.data_categories.setPlainText(r.data_categories)
        self.locations.setText(r.locations)
        self.storage_locations.setText(r.storage_locations)
        self.contact.setText(r.contact)
        self.dpa_reference.setText(r.dpa_reference)
        self.dpa_signed_on.setText(iso(r.dpa_signed_on))
        self.next_review_on.setText(iso(r.next_review_on))
        self.ended_on.setText(iso(r.ended_on))
        self.status.setCurrentIndex(max(0, self.status.findData(r.status)))
        self.receiving_data.setChecked(r.receiving_data)
        if r.remote_tool and self.remote_tool.findData(r.remote_tool) < 0:
            self.remote_tool.addItem(r.remote_tool, r.remote_tool)
        self.remote_tool.setCurrentIndex(max(0, self.remote_tool.findData(r.remote_tool)))

    def _field_names(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "registration_number": self.tr("Registration number"),
            "service": self.tr("Service provided"),
            "locations": self.tr("Processing locations"),
            "storage_locations": self.tr("Storage locations"),
            "contact": self.tr("Contact"),
            "dpa_reference": self.tr("DPA reference"),
            "dpa_signed_on": self.tr("DPA signed on"),
            "next_review_on": self.tr("Next review"),
            "ended_on": self.tr("Ended on"),
            "status": self.tr("Status"),
            "data_categories": self.tr("Categories of personal data"),
            "remote_tool": self.tr("Remote-control tool"),
        }

    def show_error(self, field: str, message: str) -> None:
        label = self._field_names().get(field)
        self.error_label.setText(f"{label}: {message}" if label else message)
        self.error_label.show()

    def submit(self) -> None:
        if self.saving:
            return
        try:
            inp = SubProcessorInput(
                name=self.name.text(),
                service=self.service.text(),
                registration_number=self.registration_number.text(),
                data_categories=self.data_categories.toPlainText(),
                locations=self.locations.text(),
                storage_locations=self.storage_locations.text(),
                contact=self.contact.text(),
                dpa_reference=self.dpa_reference.text(),
                dpa_signed_on=parse_date(self.dpa_signed_on.text(), "dpa_signed_on"),
                next_review_on=parse_date(self.next_review_on.text(), "next_review_on"),
                status=str(self.status.currentData()),
                ended_on=parse_date(self.ended_on.text(), "ended_on"),
                receiving_data=self.receiving_data.isChecked(),
                remote_tool=str(self.remote_tool.currentData() or ""),
            )
        except ValidationError as exc:
            self.show_error(exc.field, shown(exc))
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.ctx.runner.start(
            service.save_sub_processor,
            self.ctx.database,
            self.ctx.identity,
            inp,
            sp_id=self.record.id if self.record else None,
            version=self.record.version if self.record else None,
            owner=self,
            on_result=self._saved,
            on_error=self._failed,
            on_finished=self._done,
        )

    def _saved(self, sp_id: int) -> None:
        self.error_label.hide()
        if self.on_saved is not None:
            self.on_saved(sp_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        # A bad field is named; anything else (refused, stale, no connection) is said as is.
        field = exc.field if isinstance(exc, ValidationError) else ""
        self.show_error(field, shown(exc))

    def _done(self) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
