"""The Erasure screen: open and overdue requests with their due dates, the certificates, and
the buttons that start the three wizards."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.ui.erasure.common import error_text
from bowebb_console.ui.erasure.models import CertificateTableModel, RequestTableModel
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.list_frame import ListFrame
from bowebb_console.ui.kit.rows import ROW_ROLE


def load_lists(ctx: AppContext) -> tuple[list[Any], list[Any]]:
    from bowebb_console.store.erasure.certificates import list_certificates
    from bowebb_console.store.erasure.requests import list_requests

    with ctx.database.session() as session:
        return list_requests(session), list_certificates(session)


def extend(ctx: AppContext, request_id: int, reason: str, today: dt.date) -> Any:
    from bowebb_console.store.erasure.requests import extend_request

    with ctx.database.session() as session:
        return extend_request(session, request_id, reason, today)


def read_pdf(ctx: AppContext, certificate_id: int) -> bytes | None:
    from bowebb_console.store.erasure.certificates import certificate_pdf

    with ctx.database.session() as session:
        return certificate_pdf(session, certificate_id)


class ErasureView(QWidget):
    TAG = "erasure.lists"

    def __init__(
        self, ctx: AppContext, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or dt.date.today()
        self.loading = False
        self.wizard: Any = None
        RequestTableModel.today = self.today
        self.requests = RequestTableModel(self)
        self.certificates = CertificateTableModel(self)
        self.request_frame = ListFrame(self.tr("Erasure requests"), self.requests)
        self.request_frame.refresh_button.setText(self.tr("Refresh"))
        self.request_frame.refresh_button.clicked.connect(self.reload)
        self.certificate_frame = ListFrame(self.tr("Erasure certificates"), self.certificates)
        self.certificate_frame.refresh_button.hide()

        self.guide_button = QPushButton(self.tr("Guide a customer's own thinning…"))
        self.request_button = QPushButton(self.tr("Handle an erasure request…"))
        self.end_button = QPushButton(self.tr("End a relationship / purge…"))
        self.work_button = QPushButton(self.tr("Continue the selected request…"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for extending by two months"))
        self.reason.setAccessibleName(self.tr("Reason for extending by two months"))
        self.extend_button = QPushButton(self.tr("Extend deadline"))
        self.save_pdf_button = QPushButton(self.tr("Save certificate PDF…"))
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(wizards)
        layout.addWidget(self.request_frame, 2)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.certificate_frame, 1)
        layout.addLayout(certs)

        self.guide_button.clicked.connect(self.open_guidance)
        self.request_button.clicked.connect(lambda: self.open_request(None))
        self.work_button.clicked.connect(lambda: self.open_request(self.selected_request()))
        self.end_button.clicked.connect(self.open_end)
        self.extend_button.clicked.connect(self.extend_selected)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.loaded_once = False

    def showEvent(self, event: Any) -> None:
        # Load when first shown, not at start-up: the main window builds every screen.
        super().showEvent(event)
        if not self.loaded_once:
            self.loaded_once = True
            self.reload()

    # --- lists --------------------------------------------------------------------------
    def reload(self) -> None:
        self.loading = True
        self.request_frame.count_label.setText(self.tr("Loading…"))
        self.ctx.runner.start(
            load_lists,
            self.ctx,
            tag=self.TAG,
            on_result=self._loaded,
            on_error=self._failed,
            on_finished=self._finished,
        )

    def _finished(self) -> None:
        self.loading = False

    def _loaded(self, lists: tuple[list[Any], list[Any]]) -> None:
        requests, certificates = lists
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
            self.tr("%n certificate(s)", "", len(certificates))
        )

    def _failed(self, exc: BaseException) -> None:
        self.request_frame.show_error(
            self.tr("The lists could not be loaded (%1). Press Refresh.").replace(
                "%1", error_text(exc)
            )
        )

    def _selected(self, frame: ListFrame) -> Any:
        rows = frame.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def selected_request(self) -> Any:
        row = self._selected(self.request_frame)
        return row if row is not None and row.status == "open" else None

    # --- actions ------------------------------------------------------------------------
    def extend_selected(self) -> None:
        row = self.selected_request()
        if row is None:
            self.message.setText(self.tr("Select an open request first."))
            return
        self.ctx.runner.start(
            extend,
            self.ctx,
            row.id,
            self.reason.text(),
            self.today,
            tag="erasure.extend",
            on_result=self._extended,
            on_error=lambda e: self.message.setText(error_text(e)),
        )

    def _extended(self, row: Any) -> None:
        self.message.setText(
            self.tr("Request %1 is now due on %2. Tell the person why within the first month.")
            .replace("%1", row.reference)
            .replace("%2", row.effective_due.isoformat())
        )
        self.reason.clear()
        self.reload()

    def save_pdf(self) -> None:
        row = self._selected(self.certificate_frame)
        if row is None:
            self.message.setText(self.tr("Select a certificate first."))
            return
        dialog = QFileDialog(
            self, self.tr("Save certificate"), f"{row.reference}.pdf", "PDF (*.pdf)"
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self._write_pdf(row.id, path))
        dialog.open()

    def _write_pdf(self, certificate_id: int, path: str) -> None:
        def write() -> str:
            data = read_pdf(self.ctx, certificate_id) or b""
            with open(path, "wb") as fh:
                fh.write(data)
            return path

        self.ctx.runner.start(
            write,
            tag="erasure.pdf",
            on_result=lambda p: self.message.setText(self.tr("Saved %1.").replace("%1", p)),
            on_error=lambda e: self.message.setText(error_text(e)),
        )

    def _show(self, wizard: Any) -> None:
        self.wizard = wizard
        wizard.finished.connect(lambda _: self.reload())
        wizard.open()

    def open_guidance(self) -> None:
        from bowebb_console.ui.erasure.guidance_wizard import GuidanceWizard
        from bowebb_console.ui.i18n import choose_language

        self._show(GuidanceWizard(self.ctx, choose_language(self.ctx.settings.language), self))

    def open_request(self, request: Any) -> None:
        from bowebb_console.ui.erasure.request_wizard import RequestWizard

        self._show(RequestWizard(self.ctx, request, self.today, self))

    def open_end(self) -> None:
        from bowebb_console.ui.erasure.end_wizard import EndWizard

        self._show(EndWizard(self.ctx, self.today, self))
