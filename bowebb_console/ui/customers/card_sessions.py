"""The customer card's "Recent support sessions": the session log's list of this customer's
sessions, and the button that starts a new one (consent first)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.sessions.consent import start_session_for
from bowebb_console.ui.sessions.lists import CustomerSessionsPanel


class CardSessions(QWidget):
    def __init__(self, ctx: AppContext, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.panel = CustomerSessionsPanel(ctx, customer_id, self)
        self.start_button = QPushButton(self.tr("Start support session…"))
        self.start_button.clicked.connect(self.start_session)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel, 1)
        layout.addLayout(row)

    def start_session(self) -> None:
        dialog = start_session_for(self.ctx, self.customer_id, self.window())
        # Whatever was recorded (a session, or a refusal), the list shows it afterwards.
        dialog.finished.connect(lambda _result: self.panel.reload())
