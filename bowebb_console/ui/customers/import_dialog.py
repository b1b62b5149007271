"""Import customers from CSV: a dry run first lists every bad row (line, column, why); the
import itself is all-or-nothing and is offered only after a clean dry run of that file.

Both run on a progress bar with a Cancel button (a 300,000-row file takes a minute or more):
a cancelled import leaves nothing behind. Closing the dialog while one runs cancels it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services import customers
from bowebb_console.services.customers import (
    ImportCancelled,
    ImportFileError,
    ImportReport,
    RowError,
)
from bowebb_console.ui.customers.errors import row_reason, shown_text
from bowebb_console.ui.customers.forms import file_row, outcome_label
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.job_bar import JobBar
from bowebb_console.ui.kit.rows import Column, RowTableModel

RIGHT_ALIGN = Qt.AlignmentFlag.AlignRight


class RowErrorsModel(RowTableModel[RowError]):
    CONTEXT = "RowErrorsModel"
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("RowErrorsModel", "Line"),
            lambda r: str(r.line),
            lambda r: r.line,
            RIGHT_ALIGN,
        ),
        Column(
            QT_TRANSLATE_NOOP("RowErrorsModel", "Column"), lambda r: r.column, lambda r: r.column
        ),
        Column(QT_TRANSLATE_NOOP("RowErrorsModel", "Why"), row_reason, row_reason),
    )


class ImportDialog(QDialog):
    imported = Signal(object)  # the ImportReport of an applied import

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.checked_path: Path | None = None  # the file whose dry run was clean
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import customers from CSV"))
        intro = QLabel(
            self.tr(
                "Columns: org_number, company_name, contact_name, email (required), status, "
                "phone, title. UTF-8, separated by , or ;. One row per contact. Existing "
                "customers are matched by organisation number and updated."
            )
        )
        intro.setWordWrap(True)
        self.path, self.choose_button, row = file_row("importPath", self.choose_file)
        self.path.textChanged.connect(self._path_changed)
        self.summary = outcome_label("importSummary")
        self.errors_model = RowErrorsModel(self)
        self.errors = QTableView()
        self.errors.setObjectName("importErrors")
        self.errors.setModel(self.errors_model)
        self.errors.verticalHeader().hide()
        self.errors.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.errors.hide()
        self.job = JobBar(ctx)
        self.job.setObjectName("importProgress")
        self.job.running_changed.connect(self._busy)
        self.dry_running = False
        buttons = QDialogButtonBox()
        self.check_button = buttons.addButton(
            self.tr("Check (dry run)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.check_button.clicked.connect(self.dry_run)
        self.import_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.reject)
        self.import_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.job)
        layout.addWidget(self.errors, 1)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def choose_file(self) -> None:
        self.ctx.prompts.ask_path(
            self.tr("Choose a CSV file"),
            lambda path: self.path.setText(str(path)),
            save=False,
            name_filter=self.tr("CSV files (*.csv);;All files (*)"),
        )

    def _path_changed(self) -> None:
        self.checked_path = None
        self.import_button.setEnabled(False)

    def _file(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            self.summary.setText(self.tr("Choose the CSV file to import."))
            return None
        return Path(text)

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        self.check_button.setEnabled(not busy)
        self.choose_button.setEnabled(not busy)
        self.path.setReadOnly(busy)
        self.close_button.setEnabled(not busy)  # Cancel (beside the bar) stops a run
        self.import_button.setEnabled(not busy and self.checked_path is not None)

    def reject(self) -> None:
        """Esc or Close: while a run goes on, cancel it first (the dialog stays until the
        run has stopped and said so)."""
        if self.busy:
            self.job.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            self.job.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def dry_run(self) -> None:
        path = self._file()
        if path is None or self.busy:
            return
        self.checked_path = None
        self.dry_running = True
        if self.job.start(
            customers.import_file,
            self.ctx.database,
            path,
            dry_run=True,
            on_result=lambda report: self._checked(path, report),
            on_error=self._failed,
        ):
            self.summary.setText(self.tr("Checking…"))

    def _show(self, report: ImportReport) -> None:
        self.report = report
        self.errors_model.set_rows(report.errors)
        self.errors.setVisible(bool(report.errors))
        counts = (
            self.tr("%1 rows: %2 new and %3 updated customers, %4 new and %5 updated contacts.")
            .replace("%1", str(report.rows))
            .replace("%2", str(report.customers_created))
            .replace("%3", str(report.customers_updated))
            .replace("%4", str(report.contacts_created))
            .replace("%5", str(report.contacts_updated))
        )
        if report.errors:
            text = self.tr(
                "%Ln bad row(s): nothing can be imported until the file is corrected.",
                "",
                len(report.errors),
            )
        elif report.dry_run:
            text = self.tr("The file is good. Import would change: %1").replace("%1", counts)
        else:
            text = self.tr("Imported. %1").replace("%1", counts)
        self.summary.setText(text)

    def _checked(self, path: Path, report: ImportReport) -> None:
        self._show(report)
        if not report.errors and str(path) == self.path.text().strip():
            self.checked_path = path

    def apply(self) -> None:
        path = self.checked_path
        if path is None or self.busy:
            return
        self.dry_running = False
        if self.job.start(
            customers.import_file,
            self.ctx.database,
            path,
            on_result=self._applied,
            on_error=self._failed,
        ):
            self.summary.setText(self.tr("Importing…"))

    def _applied(self, report: ImportReport) -> None:
        self.checked_path = None  # importing twice is harmless, but it is one decision
        self._show(report)
        if report.applied:
            self.imported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.checked_path = None
        if isinstance(exc, ImportCancelled):
            text = (
                self.tr("The check was cancelled.")
                if self.dry_running
                else self.tr("The import was cancelled: nothing was imported.")
            )
        elif isinstance(exc, ImportFileError):
            text = self.tr("The file cannot be read: %1").replace("%1", shown_text(exc))
        else:
            text = self.tr(
                "The import failed: %1 Nothing was imported unless a check shows otherwise: "
                "run the dry run again."
            ).replace("%1", shown_text(exc))
        self.summary.setText(text)
