"""The customer card's "Recent support sessions": the session log's list of this customer's
sessions, and the button that starts a new one (consent first)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from bowebb_console.ui.kit import icons
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.sessions.consent import start_session_for
from bowebb_console.ui.sessions.lists import CustomerSessionsPanel


class CardSessions(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        customer_id: int,
        parent: QWidget | None = None,
        *,
        contact_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.contact_id = contact_id  # the contact the lookup found: "Who agreed" starts there
        self.panel = CustomerSessionsPanel(ctx, customer_id, self)
        self.dialog: QDialog | None = None
        self.start_button = QPushButton(self.tr("Start support session…"))
        icons.give(self.start_button, "start_session")
        self.start_button.clicked.connect(self.start_session)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel, 1)
        layout.addLayout(row)

    def start_session(self) -> None:
        # Whatever is recorded (a session, or a refusal), the list follows through
        # ctx.changes.sessions_changed.
        self.dialog = start_session_for(
            self.ctx, self.customer_id, self.window(), contact_id=self.contact_id
        )
