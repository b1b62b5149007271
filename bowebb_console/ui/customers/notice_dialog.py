"""Export the e-mail addresses of current customers' contacts for a service-disruption notice.

The policy allows contact details to be used only for notices about major news and service
disruptions, so this is the only bulk export of addresses and it is recorded (who, when, how
many, why). The file is written under a temporary name and renamed only after the record is
committed (``services.customers.export_notices``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain.errors import ValidationError
from bowebb_console.services import customers
from bowebb_console.ui.customers.errors import shown_text
from bowebb_console.ui.customers.forms import field_error, file_row, outcome_label
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.export import csv_delimiter


class NoticeExportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.exported: int | None = None
        self.setWindowTitle(self.tr("Export notice recipients"))
        intro = QLabel(
            self.tr(
                "Contact details may be used only to inform customers about major news and "
                "service disruptions. This export of the e-mail addresses of current "
                "customers' contacts is recorded: who, when, how many and why."
            )
        )
        intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("noticeReason")
        self.reason.setPlaceholderText(self.tr("e.g. Planned maintenance 2026-12-01 22:00–02:00"))
        self.reason_message = field_error()
        self.path, self.choose_button, path_row = file_row("noticePath", self.choose_file)
        self.path_message = field_error()
        form = QFormLayout()
        form.addRow(self.tr("Why (the disruption or news)"), self.reason)
        form.addRow("", self.reason_message)
        form.addRow(self.tr("Save as"), path_row)
        form.addRow("", self.path_message)
        self.result_label = outcome_label("noticeResult")
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(680)

    def choose_file(self) -> None:
        self.ctx.prompts.ask_path(
            self.tr("Save the recipients as"),
            self._chosen,
            save=True,
            name_filter=self.tr("CSV files (*.csv)"),
            suggested="notice-recipients.csv",
        )

    def _chosen(self, path: Path) -> None:
        # The picker no longer adds the suffix itself (Prompts.ask_path has no such option).
        self.path.setText(str(path if path.suffix else path.with_suffix(".csv")))

    def _say(self, label: QLabel, text: str | None) -> None:
        label.setText(text or "")
        label.setVisible(bool(text))
        width = self.width()  # grow to show the message (labels do not resize a dialog)
        self.adjustSize()
        self.resize(max(width, self.width()), self.height())

    def export(self) -> None:
        if self.busy:
            return
        reason = self.reason.text().strip()
        path = self.path.text().strip()
        self._say(
            self.reason_message,
            None if reason else self.tr("Say why the addresses are exported (the disruption)."),
        )
        self._say(self.path_message, None if path else self.tr("Choose where to save the file."))
        if not reason or not path:
            return
        target = Path(path)
        if not target.parent.is_dir():
            self._say(self.path_message, self.tr("This folder does not exist."))
            return
        self.busy = True
        self.export_button.setEnabled(False)
        self.result_label.setText(self.tr("Exporting…"))
        local_user = self.ctx.identity.user if self.ctx.is_sqlite else None
        self.ctx.runner.start(
            customers.export_notices,
            self.ctx.database,
            target,
            reason=reason,
            local_user=local_user,
            columns=(self.tr("E-mail"), self.tr("Contact"), self.tr("Company")),
            delimiter=csv_delimiter(),
            owner=self,
            on_result=lambda count: self._done(target, count),
            on_error=self._failed,
        )

    def _done(self, target: Path, count: int) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
        self.exported = count
        self.result_label.setText(
            self.tr("Exported %Ln address(es) to %1. The export is recorded.", "", count).replace(
                "%1", str(target)
            )
        )

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
        if isinstance(exc, ValidationError) and exc.field == "reason":
            self._say(self.reason_message, shown_text(exc))
            self.result_label.clear()
            return
        if isinstance(exc, OSError):
            text = self.tr("The file could not be written (%1). Nothing was exported.").replace(
                "%1", exc.strerror or self.tr("the system gave no reason")
            )
        else:
            text = self.tr("The export failed: %1 No file was written.").replace(
                "%1", shown_text(exc)
            )
        self.result_label.setText(text)
