"""The Privacy screen ("Dataskydd"), for admins: the privacy dashboard and access requests.

The dashboard lists what needs the privacy officer: open requests of every kind with their
deadlines (overdue in red), open breaches with their 72-hour clocks, the sub-processors'
flags, customers without a DPA, purges due, restricted contacts and objections to news, and
the last retention run. Enter or a double-click on a line opens the place where it is
handled: an access request opens its dialog here; every other line asks the main window to
show its screen at that record (``ctx.changes.show_requested``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services import privacy
from bowebb_console.services.privacy import AccessDone, Dashboard, RequestView
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.list_frame import ListFrame
from bowebb_console.ui.kit.widgets import tab_order
from bowebb_console.ui.privacy.access_dialog import AccessDialog
from bowebb_console.ui.privacy.errors import shown
from bowebb_console.ui.privacy.models import DashboardModel, Line


class PrivacyView(QWidget):
    TAG = "privacy.dashboard"

    def __init__(
        self, ctx: AppContext, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or dt.date.today()
        self.loading = False
        self.board: Dashboard | None = None
        self.dialog: AccessDialog | None = None

        self.model = DashboardModel(self)
        self.frame = ListFrame(self.tr("Privacy dashboard"), self.model, self.reload)
        self.table = self.frame.table
        self.table.horizontalHeader().setSectionResizeMode(
            DashboardModel.COL_WHAT, QHeaderView.ResizeMode.Stretch
        )
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.activated.connect(lambda _i: self.open_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.open_button = QPushButton(self.tr("Open where it is handled"))
        self.new_button = QPushButton(self.tr("Register an access request…"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for extending by two months"))
        self.reason.setAccessibleName(self.tr("Reason for extending by two months"))
        self.extend_button = QPushButton(self.tr("Extend deadline"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        self.open_button.clicked.connect(self.open_selected)
        self.new_button.clicked.connect(lambda: self.open_access(None))
        self.extend_button.clicked.connect(self.extend_selected)
        self.reason.returnPressed.connect(self.extend_selected)  # Enter after the reason

        title = QLabel(QCoreApplication.translate("MainWindow", "Privacy"))
        title.setObjectName("pageTitle")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        extend = QHBoxLayout()
        extend.addWidget(self.reason, 1)
        extend.addWidget(self.extend_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.frame, 1)
        layout.addWidget(self.summary)
        layout.addLayout(extend)
        layout.addWidget(self.message)
        # Tab in reading order: the buttons above the list, the list's own row, the row below.
        tab_order(
            self.new_button,
            self.open_button,
            self.frame.refresh_button,
            self.table,
            self.reason,
            self.extend_button,
        )

        # The breaches' clocks and the deadlines move on while the screen is open.
        self.ticker = QTimer(self)
        self.ticker.setInterval(60_000)
        self.ticker.timeout.connect(self._repaint)
        self.ticker.start()
        ctx.changes.customers_changed.connect(lambda _id: self.reload())
        self._enable()
        self.reload()

    # -- the dashboard -------------------------------------------------------------------

    def reload(self) -> None:
        self.loading = True
        self.frame.refresh_button.setEnabled(False)
        self.frame.count_label.setText(self.tr("Loading…"))
        self.ctx.runner.start(
            privacy.load_dashboard,
            self.ctx.database,
            self.ctx.identity,
            self.today,
            tag=self.TAG,
            owner=self,
            on_result=self._loaded,
            on_error=self._failed,
            on_finished=self._done,
        )

    def _loaded(self, board: Dashboard) -> None:
        self.board = board
        self.frame.clear_error()
        self._repaint()
        self.table.resizeColumnsToContents()

    def _repaint(self) -> None:
        if self.board is None:
            return
        lines = self.model.lines_for(self.board, self.today)
        self.model.set_rows(lines)
        late = sum(1 for line in lines if line.late)
        self.frame.count_label.setText(self.tr("%Ln line(s)", "", len(lines)))
        requests = len(self.board.requests)
        self.summary.setText(
            self.tr("%1 open request(s), %2 open breach(es); %3 past their deadline.")
            .replace("%1", str(requests))
            .replace("%2", str(len(self.board.breaches)))
            .replace("%3", str(late))
        )
        self.summary.setStyleSheet("color: #b00020;" if late else "")
        self._enable()

    def _failed(self, exc: BaseException) -> None:
        self.frame.count_label.clear()
        self.frame.show_error(
            self.tr("The dashboard could not be loaded: %1 Press Refresh to try again.").replace(
                "%1", shown(exc)
            )
        )

    def _done(self) -> None:
        self.loading = False
        self.frame.refresh_button.setEnabled(True)

    def selected(self) -> Line | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.frame.proxy.mapToSource(index).row())

    def select_line(self, predicate: object) -> bool:
        """Select the first line for which ``predicate(line)`` is true (tests, show_record)."""
        for row in range(self.model.rowCount()):
            if predicate(self.model.row_at(row)):  # type: ignore[operator]
                self.table.setCurrentIndex(self.frame.proxy.mapFromSource(self.model.index(row, 0)))
                return True
        return False

    def _enable(self) -> None:
        line = self.selected()
        self.open_button.setEnabled(line is not None)
        self.extend_button.setEnabled(line is not None and line.request is not None)

    # -- opening a line ------------------------------------------------------------------

    def open_selected(self) -> None:
        line = self.selected()
        if line is None:
            return
        if line.request is not None:
            self.open_access(line.request)
        else:
            self.ctx.changes.show_requested.emit(line.place, line.record)

    def open_access(self, request: RequestView | None) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = AccessDialog(self.ctx, request, self.today, self)
        self.dialog.saved.connect(self._saved)
        self.dialog.answered.connect(self._answered)
        self.dialog.open()

    def _saved(self, reference: str) -> None:
        self.message.setText(
            self.tr("Access request %1 recorded as received.").replace("%1", reference)
        )
        self.reload()

    def _answered(self, done: AccessDone) -> None:
        self.message.setText(
            self.tr("Access request %1 answered; the export is in %2.")
            .replace("%1", done.reference)
            .replace("%2", str(done.pdf_path.parent))
        )
        self.reload()

    # -- extending -----------------------------------------------------------------------

    def extend_selected(self) -> None:
        line = self.selected()
        if line is None or line.request is None:
            self.message.setText(self.tr("Select an open access request first."))
            return
        self.ctx.runner.start(
            privacy.extend_request,
            self.ctx.database,
            line.request.id,
            self.reason.text(),
            self.today,
            tag="privacy.extend",
            owner=self,
            on_result=self._extended,
            on_error=lambda exc: self.message.setText(shown(exc)),
        )

    def _extended(self, row: RequestView) -> None:
        self.message.setText(
            self.tr("Request %1 is now due on %2. Tell the person why within the first month.")
            .replace("%1", row.reference)
            .replace("%2", row.effective_due.isoformat())
        )
        self.reason.clear()
        self.reload()
