"""The Erasure screen: open and overdue requests with their due dates, the certificates, and
the buttons that start the three wizards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from bowebb_console.services import erasure
from bowebb_console.services.erasure import CertificateView, ErasureLists, RequestView
from bowebb_console.ui.erasure.errors import erasure_error
from bowebb_console.ui.erasure.models import CertificateTableModel, RequestTableModel
from bowebb_console.ui.kit import icons
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.lazy import LazyPanel
from bowebb_console.ui.kit.list_frame import ListFrame
from bowebb_console.ui.kit.rows import ROW_ROLE


class ErasureView(LazyPanel):
    """Loads its lists the first time it is shown (LazyPanel), not when the window is built."""

    TAG = "erasure.lists"

    def __init__(
        self, ctx: AppContext, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or dt.date.today()
        self.wizard: QWizard | None = None
        self.pending_select: int | None = None  # a request to select once the list is in
        RequestTableModel.today = self.today
        self.requests = RequestTableModel(self)
        self.certificates = CertificateTableModel(self)
        self.request_frame = ListFrame(self.tr("Erasure requests"), self.requests, self.reload)
        self.certificate_frame = ListFrame(self.tr("Erasure certificates"), self.certificates)

        self.guide_button = QPushButton(self.tr("Guide a customer's own thinning…"))
        self.request_button = QPushButton(self.tr("Handle an erasure request…"))
        icons.give(self.request_button, "erasure")
        self.end_button = QPushButton(self.tr("End a relationship / purge…"))
        icons.give(self.end_button, "erase")
        self.work_button = QPushButton(self.tr("Continue the selected request…"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for extending by two months"))
        self.reason.setAccessibleName(self.tr("Reason for extending by two months"))
        self.extend_button = QPushButton(self.tr("Extend deadline"))
        self.save_pdf_button = QPushButton(self.tr("Save certificate PDF…"))
        icons.give(self.save_pdf_button, "export")
        self.message = QLabel()
        self.message.setWordWrap(True)

        wizards = QHBoxLayout()
        for button in (self.guide_button, self.request_button, self.end_button):
            wizards.addWidget(button)
        wizards.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.work_button)
        actions.addWidget(self.reason, 1)
        actions.addWidget(self.extend_button)
        certs = QHBoxLayout()
        certs.addStretch(1)
        certs.addWidget(self.save_pdf_button)
        # A title and the usual margins, as on the Review screen.
        title = QLabel(QCoreApplication.translate("MainWindow", "Erasure"))
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(wizards)
        layout.addWidget(self.request_frame, 2)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.certificate_frame, 1)
        layout.addLayout(certs)

        self.guide_button.clicked.connect(self.open_guidance)
        self.request_button.clicked.connect(lambda: self.open_request(None))
        self.work_button.clicked.connect(self.continue_selected)
        self.end_button.clicked.connect(self.open_end)
        self.extend_button.clicked.connect(self.extend_selected)
        self.save_pdf_button.clicked.connect(self.save_pdf)

    # --- lists --------------------------------------------------------------------------
    def reload(self) -> None:
        self.request_frame.count_label.setText(self.tr("Loading…"))
        self.load(self.ctx, erasure.erasure_lists, self._loaded, self._failed)

    def _loaded(self, lists: ErasureLists) -> None:
        requests, certificates = lists.requests, lists.certificates
        self.requests.set_rows(requests)
        self.certificates.set_rows(certificates)
        self.request_frame.table.resizeColumnsToContents()
        self.certificate_frame.table.resizeColumnsToContents()
        open_ = [r for r in requests if r.status == "open"]
        overdue = [r for r in open_ if r.is_overdue(self.today)]
        self.request_frame.clear_error()
        self.request_frame.count_label.setText(
            self.tr("%1 open, %2 overdue")
            .replace("%1", str(len(open_)))
            .replace("%2", str(len(overdue)))
        )
        self.certificate_frame.count_label.setText(
            self.tr("%Ln certificate(s)", "", len(certificates))
        )
        if self.pending_select is not None:
            self.select_request(self.pending_select)
            self.pending_select = None

    def show_record(self, request_id: int) -> None:
        """The privacy dashboard opened this request: select it (after a fresh load)."""
        self.pending_select = request_id
        if self.loaded_once:
            self.reload()

    def select_request(self, request_id: int) -> bool:
        for row in range(self.requests.rowCount()):
            if self.requests.row_at(row).id == request_id:
                index = self.request_frame.proxy.mapFromSource(self.requests.index(row, 0))
                self.request_frame.table.selectRow(index.row())
                return True
        return False

    def _failed(self, exc: BaseException) -> None:
        self.request_frame.show_error(
            self.tr("The lists could not be loaded (%1). Press Refresh.").replace(
                "%1", erasure_error(exc)
            )
        )

    def _selected(self, frame: ListFrame) -> Any:
        rows = frame.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def selected_request(self) -> RequestView | None:
        row = self._selected(self.request_frame)
        return row if row is not None and row.status == "open" else None

    # --- actions ------------------------------------------------------------------------
    def extend_selected(self) -> None:
        row = self.selected_request()
        if row is None:
            self.message.setText(self.tr("Select an open request first."))
            return
        self.ctx.runner.start(
            erasure.extend_request,
            self.ctx.database,
            row.id,
            self.reason.text(),
            self.today,
            tag="erasure.extend",
            on_result=self._extended,
            on_error=self._show_error,
            owner=self,
        )

    def _show_error(self, exc: BaseException) -> None:
        self.message.setText(erasure_error(exc))

    def _extended(self, row: RequestView) -> None:
        self.message.setText(
            self.tr("Request %1 is now due on %2. Tell the person why within the first month.")
            .replace("%1", row.reference)
            .replace("%2", row.effective_due.isoformat())
        )
        self.reason.clear()
        self.reload()

    def save_pdf(self) -> None:
        row: CertificateView | None = self._selected(self.certificate_frame)
        if row is None:
            self.message.setText(self.tr("Select a certificate first."))
            return
        self.ctx.prompts.ask_path(
            self.tr("Save certificate"),
            lambda path: self._write_pdf(row.id, path),
            save=True,
            name_filter="PDF (*.pdf)",
            suggested=f"{row.reference}.pdf",
        )

    def _write_pdf(self, certificate_id: int, path: Path) -> None:
        self.ctx.runner.start(
            erasure.save_certificate_pdf,
            self.ctx.database,
            certificate_id,
            path,
            tag="erasure.pdf",
            on_result=lambda p: self.message.setText(self.tr("Saved %1.").replace("%1", str(p))),
            on_error=self._show_error,
            owner=self,
        )

    def _show(self, wizard: QWizard) -> None:
        self.wizard = wizard
        wizard.finished.connect(lambda _: self.reload())
        wizard.open()

    def open_guidance(self) -> None:
        from bowebb_console.ui.erasure.guidance_wizard import GuidanceWizard
        from bowebb_console.ui.i18n import choose_language

        self._show(GuidanceWizard(self.ctx, choose_language(self.ctx.settings.language), self))

    def continue_selected(self) -> None:
        row = self.selected_request()
        if row is not None and row.kind == "access":
            self.message.setText(
                self.tr("This is an access request: answer it on the Privacy screen.")
            )
            return
        self.open_request(row)

    def open_request(self, request: RequestView | None) -> None:
        from bowebb_console.ui.erasure.request_wizard import RequestWizard

        self._show(RequestWizard(self.ctx, request, self.today, self))

    def open_end(self) -> None:
        from bowebb_console.ui.erasure.end_wizard import EndWizard

        self._show(EndWizard(self.ctx, self.today, self))
