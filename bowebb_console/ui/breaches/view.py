"""The Breaches screen (GDPR Art. 33/34), for team leads and admins: the register with each
open breach's 72-hour clock for notifying IMY (overdue in red), a dialog to record or edit a
breach, notifying the affected customers through the recorded notice export, closing
(admins), and the register as CSV or PDF. The clock is repainted every minute."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from bowebb_console.services import breaches as service
from bowebb_console.services.breaches import BreachRecord, Notified
from bowebb_console.ui.breaches import pdf
from bowebb_console.ui.breaches.dialogs import BreachDialog
from bowebb_console.ui.breaches.errors import shown
from bowebb_console.ui.breaches.models import BreachModel, overdue
from bowebb_console.ui.breaches.notify import NotifyCustomersDialog
from bowebb_console.ui.kit import icons
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.export import write_text
from bowebb_console.ui.kit.list_frame import ListFrame
from bowebb_console.ui.subprocessors.common import language


class BreachesView(QWidget):
    TAG = "breaches.list"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_close = ctx.identity.role == "admin"
        self.loading = False
        self.exporting = False
        self.rows: list[BreachRecord] = []
        self.dialog: BreachDialog | None = None
        self.notify_dialog: NotifyCustomersDialog | None = None

        self.model = BreachModel(self)
        self.frame = ListFrame(self.tr("Breach register"), self.model, self.reload)
        self.table = self.frame.table
        self.table.horizontalHeader().setSectionResizeMode(
            BreachModel.COL_WHAT, QHeaderView.ResizeMode.Stretch
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self.table.activated.connect(lambda _i: self.edit())  # Enter or double-click opens
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Record a breach…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.notify_button = QPushButton(self.tr("Notify affected customers…"))
        self.close_button = QPushButton(self.tr("Close breach"))
        self.close_button.setVisible(self.can_close)
        self.export_button = QPushButton(self.tr("Register as CSV…"))
        icons.give(self.export_button, "export")
        self.pdf_button = QPushButton(self.tr("Register as PDF…"))
        icons.give(self.pdf_button, "export")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.record_button.clicked.connect(self.record)
        self.edit_button.clicked.connect(self.edit)
        self.close_button.clicked.connect(self.close_selected)
        self.export_button.clicked.connect(self.export_csv)
        self.notify_button.clicked.connect(self.notify)
        self.pdf_button.clicked.connect(self.export_pdf)
        buttons = QHBoxLayout()
        for w in (self.record_button, self.edit_button, self.notify_button, self.close_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.message)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

        self.ticker = QTimer(self)
        self.ticker.setInterval(60_000)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        self._enable()
        self.reload()

    # -- the list --------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        self.loading = True
        self.frame.refresh_button.setEnabled(False)
        self.frame.count_label.setText(self.tr("Loading…"))
        self.ctx.runner.start(
            service.list_breaches,
            self.ctx.database,
            self.ctx.identity,
            tag=self.TAG,
            owner=self,
            on_result=lambda rows: self._loaded(rows, select),
            on_error=self._failed,
            on_finished=self._done,
        )

    def _loaded(self, rows: list[BreachRecord], select: int | None) -> None:
        keep = select if select is not None else self.selected_id()
        self.rows = rows
        self.model.set_rows(rows)
        self.frame.clear_error()
        self.frame.count_label.setText(self.tr("%Ln breach(es)", "", len(rows)))
        self._summarise()
        self.table.resizeColumnsToContents()
        if keep is not None:
            self.select_id(keep)
        self._enable()

    def _summarise(self) -> None:
        open_ = [r for r in self.rows if r.status == "open"]
        late = [r for r in open_ if overdue(r)]
        text = self.tr("%1 open, %2 past the 72 hours without a decision on notifying IMY.")
        self.summary.setText(text.replace("%1", str(len(open_))).replace("%2", str(len(late))))
        self.summary.setStyleSheet("color: #b00020;" if late else "")

    def _tick(self) -> None:
        if self.rows:
            self.model.set_rows(self.rows)  # the clocks move on
            self._summarise()

    def _failed(self, exc: BaseException) -> None:
        self.frame.count_label.clear()
        self.frame.show_error(
            self.tr("The breaches could not be loaded: %1 Press Refresh to try again.").replace(
                "%1", shown(exc)
            )
        )

    def _done(self) -> None:
        self.loading = False
        self.frame.refresh_button.setEnabled(True)

    def selected(self) -> BreachRecord | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.frame.proxy.mapToSource(index).row())

    def selected_id(self) -> int | None:
        record = self.selected()
        return record.id if record is not None else None

    def select_id(self, breach_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == breach_id:
                self.table.setCurrentIndex(self.frame.proxy.mapFromSource(self.model.index(row, 0)))
                return

    def show_record(self, breach_id: int) -> None:
        """The privacy dashboard opened this breach: reload and select it."""
        self.reload(select=breach_id)

    def _enable(self) -> None:
        record = self.selected()
        editable = record is not None and (record.status == "open" or self.can_close)
        self.edit_button.setEnabled(editable)
        self.notify_button.setEnabled(record is not None and record.status == "open")
        self.close_button.setEnabled(record is not None and record.status == "open")

    # -- changes ---------------------------------------------------------------------------

    def record(self) -> None:
        self._open_dialog(None)

    def edit(self) -> None:
        record = self.selected()
        if record is not None and (record.status == "open" or self.can_close):
            self._open_dialog(record)

    def _open_dialog(self, record: BreachRecord | None) -> None:
        self.dialog = BreachDialog(self.ctx, record, self._saved, self)
        self.dialog.open()

    def _saved(self, breach_id: int) -> None:
        self.message.setText(self.tr("Saved."))
        self.reload(select=breach_id)

    def notify(self) -> None:
        record = self.selected()
        if record is None or record.status != "open":
            return
        self.notify_dialog = NotifyCustomersDialog(self.ctx, record, self._notified, self)
        self.notify_dialog.open()

    def _notified(self, breach_id: int, result: Notified) -> None:
        self.message.setText(
            self.tr("Notice exported to %1 recipient(s) and recorded.").replace(
                "%1", str(result.count)
            )
        )
        self.reload(select=breach_id)

    def close_selected(self) -> None:
        record = self.selected()
        if record is None or record.status != "open" or not self.can_close:
            return
        self.ctx.prompts.confirm(
            self.tr("Close breach"),
            self.tr("Close this breach? Only an admin can change it afterwards."),
            lambda yes: self._close(record) if yes else None,
            ok_text=self.tr("Close breach"),
        )

    def _close(self, record: BreachRecord) -> None:
        self.close_button.setEnabled(False)
        self.ctx.runner.start(
            service.close_breach,
            self.ctx.database,
            self.ctx.identity,
            record.id,
            version=record.version,
            owner=self,
            on_result=lambda _r: self._closed(record.id),
            on_error=self._close_failed,
        )

    def _closed(self, breach_id: int) -> None:
        self.message.setText(self.tr("Breach closed."))
        self.reload(select=breach_id)

    def _close_failed(self, exc: BaseException) -> None:
        self._enable()
        self.ctx.prompts.show_error(self.tr("Not closed"), shown(exc))

    # -- export ----------------------------------------------------------------------------

    def export_csv(self) -> None:
        self.ctx.prompts.ask_path(
            self.tr("Export breach register"),
            self.export_csv_to,
            save=True,
            name_filter=self.tr("CSV files (*.csv)"),
            suggested=f"breach-register-{dt.date.today().isoformat()}.csv",
        )

    def export_csv_to(self, path: Path) -> None:
        text = service.breaches_csv(self.rows, language())
        try:
            write_text(path, text)
        except OSError as exc:
            self.ctx.prompts.show_error(
                self.tr("Not exported"),
                self.tr("The file could not be written: %1").replace("%1", exc.strerror or ""),
            )
            return
        self.message.setText(self.tr("Exported to %1.").replace("%1", path.name))

    def export_pdf(self) -> None:
        self.ctx.prompts.ask_path(
            self.tr("Export breach register"),
            self.export_pdf_to,
            save=True,
            name_filter=self.tr("PDF files (*.pdf)"),
            suggested=f"breach-register-{dt.date.today().isoformat()}.pdf",
        )

    def export_pdf_to(self, path: Path) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.exporting = True
        self.pdf_button.setEnabled(False)
        self.ctx.runner.start(
            pdf.write_pdf,
            path,
            pdf.register_html(self.rows, self.ctx.identity.user),
            pdf.title(),
            owner=self,
            on_result=lambda _r: self.message.setText(
                self.tr("Exported to %1.").replace("%1", path.name)
            ),
            on_error=self._pdf_failed,
            on_finished=self._pdf_done,
        )

    def _pdf_failed(self, exc: BaseException) -> None:
        detail = exc.strerror or "" if isinstance(exc, OSError) else shown(exc)
        self.ctx.prompts.show_error(
            self.tr("Not exported"),
            self.tr("The file could not be written: %1").replace("%1", detail),
        )

    def _pdf_done(self) -> None:
        self.exporting = False
        self.pdf_button.setEnabled(True)
