"""The Sessions screen: start a session for a customer, recover sessions left open, list
recent sessions, run one, and (leads, admins) verify the log's integrity.

Sessions this agent left open (a crash, a power cut) are looked up when the screen is built,
that is at start-up, and shown above everything else, to continue or to close as ended late.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services import sessions
from bowebb_console.services.sessions import SearchHit, SessionLists
from bowebb_console.ui.kit import icons
from bowebb_console.ui.kit.verify import VerifyLogBox
from bowebb_console.ui.kit.widgets import fit_columns
from bowebb_console.ui.sessions.consent import ConsentDialog, start_session_for
from bowebb_console.ui.sessions.errors import session_error
from bowebb_console.ui.sessions.lists import (
    open_timeline,
    selected_row,
    session_table,
    set_rows_keeping,
)
from bowebb_console.ui.sessions.models import SessionListModel
from bowebb_console.ui.sessions.running import RunningSessionPanel

if TYPE_CHECKING:
    from bowebb_console.ui.kit.context import AppContext

SEARCH_DELAY_MS = 250
HIT_ROLE = 0x0100 + 1
CONTACT_ROLE = 0x0100 + 2  # the contact the search matched: "Who agreed" starts there
RECENT = 100  # sessions in the "Recent sessions" list


class SessionsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running: RunningSessionPanel | None = None
        self.loading = False
        self.dialog: ConsentDialog | None = None
        self.open_counts = (0, 0)  # (open elsewhere or left open, running in this console)
        self._lists_in_flight = 0
        self.stack = QStackedWidget()
        self.home = QWidget()
        self.stack.addWidget(self.home)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        title = QLabel(self.tr("Sessions"))
        title.setObjectName("pageTitle")
        self.verify_box: VerifyLogBox | None = VerifyLogBox(ctx) if ctx.is_lead else None

        # Start a session
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Find the customer: org number, company, contact, e-mail or phone")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.hits = QListWidget()
        self.hits.setMaximumHeight(150)
        self.search_status = QLabel()
        self.start_button = QPushButton(self.tr("Start a session…"))
        icons.give(self.start_button, "start_session")
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self.start_selected)
        self.hits.itemSelectionChanged.connect(
            lambda: self.start_button.setEnabled(bool(self.hits.selectedItems()))
        )
        self.hits.itemDoubleClicked.connect(lambda _i: self.start_selected())
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        start_box = QGroupBox(self.tr("Start a support session"))
        start_layout = QVBoxLayout(start_box)
        start_layout.addWidget(self.search_edit)
        start_layout.addWidget(self.hits)
        start_row = QHBoxLayout()
        start_row.addWidget(self.search_status, 1)
        start_row.addWidget(self.start_button)
        start_layout.addLayout(start_row)

        # Open sessions (recovery)
        self.open_model = SessionListModel(self)
        self.open_table = session_table(self.open_model, self)
        self.open_table.setMaximumHeight(140)
        self.open_table.setAccessibleName(self.tr("Your open sessions"))
        # Enter on a row (or a double-click) continues it
        self.open_table.activated.connect(lambda _i: self.continue_selected())
        self.open_label = QLabel()
        self.open_label.setWordWrap(True)
        self.continue_button = QPushButton(self.tr("Continue or close…"))
        self.continue_button.clicked.connect(self.continue_selected)
        self.open_box = QGroupBox(self.tr("Your open sessions"))
        open_layout = QVBoxLayout(self.open_box)
        open_layout.addWidget(self.open_label)
        open_layout.addWidget(self.open_table)
        open_row = QHBoxLayout()
        open_row.addStretch(1)
        open_row.addWidget(self.continue_button)
        open_layout.addLayout(open_row)
        self.open_box.hide()

        # Recent sessions
        self.recent_model = SessionListModel(self)
        self.recent_table = session_table(self.recent_model, self)
        self.recent_table.setAccessibleName(self.tr("Recent sessions"))
        self.recent_table.activated.connect(lambda _i: self.open_selected_timeline())
        self.recent_status = QLabel(self.tr("Loading…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        icons.give(self.refresh_button, "refresh")
        self.refresh_button.clicked.connect(self.reload)
        self.timeline_button = QPushButton(self.tr("Open timeline"))
        self.timeline_button.clicked.connect(self.open_selected_timeline)
        recent_box = QGroupBox(self.tr("Recent sessions"))
        recent_layout = QVBoxLayout(recent_box)
        recent_row = QHBoxLayout()
        recent_row.addWidget(self.recent_status, 1)
        recent_row.addWidget(self.timeline_button)
        recent_row.addWidget(self.refresh_button)
        recent_layout.addLayout(recent_row)
        recent_layout.addWidget(self.recent_table, 1)

        layout = QVBoxLayout(self.home)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        layout.addLayout(top)
        if self.verify_box is not None:
            layout.addWidget(self.verify_box)
        layout.addWidget(self.open_box)
        layout.addWidget(start_box)
        layout.addWidget(recent_box, 1)
        ctx.changes.sessions_changed.connect(self._sessions_changed)
        self.reload()

    # --- lists --------------------------------------------------------------------------
    def reload(self) -> None:
        self.loading = True
        self._lists_in_flight += 1  # changes may ask again before an answer: wait for all
        self.refresh_button.setEnabled(False)
        self.ctx.runner.start(
            sessions.session_lists,
            self.ctx.database,
            self.ctx.identity,
            RECENT,
            tag=f"sessions.lists.{id(self)}",
            on_result=self._lists_loaded,
            on_error=self._lists_failed,
            on_finished=self._lists_done,
            owner=self,
        )

    def _lists_done(self) -> None:
        self._lists_in_flight -= 1
        if self._lists_in_flight > 0:
            return  # a newer request is on its way; its answer is the one shown
        self.loading = False
        self.refresh_button.setEnabled(True)

    def _sessions_changed(self, _session_uuid: str, _what: str) -> None:
        self.reload()

    def _lists_loaded(self, found: SessionLists) -> None:
        opened, recent = found.open, found.recent
        had_selection = selected_row(self.open_table) is not None
        set_rows_keeping(self.open_table, self.open_model, opened)
        self.open_box.setVisible(bool(opened))
        # A session running in this console right now is open in the log too, but it was
        # not "left open": only the others were never ended (issue 18).
        # Nor can the screen know why another one is open (a crash, another computer with
        # the same login, sessions given by the demo data), so it does not claim a cause.
        running = self.ctx.changes.running
        here = sum(1 for r in opened if r.summary.session_uuid in running)
        left = len(opened) - here
        self.open_counts = (left, here)
        parts = []
        if left:
            parts.append(
                self.tr(
                    "%Ln session(s) you started are still open and not running in this console. "
                    "Continue one here, or close it as ended late.",
                    "",
                    left,
                )
            )
        if here:
            parts.append(self.tr("%Ln session(s) running in this console.", "", here))
        self.open_label.setText(" ".join(parts))
        if opened and not had_selection:
            self.open_table.selectRow(0)
        set_rows_keeping(self.recent_table, self.recent_model, recent)
        self.recent_status.setText(self.tr("%Ln session(s)", "", len(recent)))
        fit_columns(self.open_table)
        fit_columns(self.recent_table)

    def _lists_failed(self, exc: BaseException) -> None:
        self.recent_status.setText(
            self.tr("The sessions could not be loaded (%1). Press Refresh to try again.").replace(
                "%1", session_error(exc).rstrip(".")
            )
        )

    def open_selected_timeline(self) -> None:
        row = selected_row(self.recent_table)
        if row is not None:
            open_timeline(self.ctx, row.summary.session_uuid, self)

    # --- search and start ---------------------------------------------------------------
    def search(self) -> None:
        text = self.search_edit.text().strip()
        if not text:
            self.hits.clear()
            self.search_status.clear()
            return
        self.search_status.setText(self.tr("Searching…"))
        self.ctx.runner.start(
            sessions.find_customers,
            self.ctx.database,
            text,
            tag=f"sessions.search.{id(self)}",
            on_result=self._found,
            on_error=self._search_failed,
            owner=self,
        )

    def _search_failed(self, exc: BaseException) -> None:
        self.search_status.setText(
            self.tr("The search failed (%1).").replace("%1", session_error(exc).rstrip("."))
        )

    def _found(self, hits: list[SearchHit]) -> None:
        self.hits.clear()
        for hit in hits:
            dpa = "" if hit.dpa_signed else "  · " + self.tr("no signed DPA")
            item = QListWidgetItem(f"{hit.name}  ({hit.org_number}){dpa}")
            item.setData(HIT_ROLE, hit.customer_id)
            item.setData(CONTACT_ROLE, hit.contact_id if hit.matched_contact else None)
            self.hits.addItem(item)
        self.search_status.setText(
            self.tr("%Ln customer(s) found", "", len(hits))
            if hits
            else self.tr("No customer found")
        )
        if hits:
            self.hits.setCurrentRow(0)

    def start_selected(self) -> None:
        items = self.hits.selectedItems()
        if items:
            contact = items[0].data(CONTACT_ROLE)
            self.start_for(int(items[0].data(HIT_ROLE)), contact_id=contact)

    def start_for(self, customer_id: int, *, contact_id: int | None = None) -> ConsentDialog:
        self.dialog = start_session_for(
            self.ctx, customer_id, self, on_started=self.show_running, contact_id=contact_id
        )
        self.dialog.recorded.connect(lambda _e: self.reload())
        return self.dialog

    # --- running ------------------------------------------------------------------------
    def continue_selected(self) -> None:
        row = selected_row(self.open_table)
        if row is not None:
            self.show_running(row.summary.session_uuid, recovered=True)

    def show_running(self, session_uuid: str, *, recovered: bool = False) -> RunningSessionPanel:
        self._drop_running()
        panel = RunningSessionPanel(self.ctx, session_uuid, recovered=recovered)
        back = QPushButton(self.tr("Back to the list (the session stays open)"))
        back.clicked.connect(self.back_to_list)
        panel.layout().addWidget(back)  # type: ignore[union-attr]
        panel.ended.connect(lambda _su: self.back_to_list())
        self.running = panel
        self.stack.addWidget(panel)
        self.stack.setCurrentWidget(panel)
        panel.setFocus()  # the note field: an agent types straight away
        self.reload()
        return panel

    def back_to_list(self) -> None:
        self.stack.setCurrentWidget(self.home)
        self.reload()

    def _drop_running(self) -> None:
        if self.running is not None:
            self.running.timer.stop()
            self.stack.removeWidget(self.running)
            self.running.deleteLater()
            self.running = None
