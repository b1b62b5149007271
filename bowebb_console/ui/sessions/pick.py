"""Pick the customer a new session is for (from screens that have no customer at hand, e.g.
Transfers): type, arrows or a click to choose, Enter to go on to the consent dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services import sessions
from bowebb_console.services.sessions import SearchHit
from bowebb_console.ui.sessions.errors import session_error

if TYPE_CHECKING:
    from bowebb_console.ui.kit.context import AppContext

SEARCH_DELAY_MS = 200
HIT_ROLE = Qt.ItemDataRole.UserRole


class CustomerPicker(QDialog):
    """Emits ``picked(customer_id, contact_id)`` (the contact a search matched, or None)."""

    picked = Signal(int, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Start a session"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Find the customer: org number, company, contact, e-mail or phone")
        )
        self.search.setAccessibleName(self.tr("Find customer"))
        self.search.installEventFilter(self)
        self.hits = QListWidget()
        self.hits.setAccessibleName(self.tr("Customers found"))
        self.hits.itemActivated.connect(lambda _i: self.accept())
        self.status = QLabel()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            self.tr("Next: the agreement…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.hits.currentRowChanged.connect(lambda row: self.ok_button.setEnabled(row >= 0))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _t: self.timer.start())
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.hits, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(520, 360)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.hits.count():
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.hits.count() - 1, self.hits.currentRow() + step))
                self.hits.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def run_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.hits.clear()
            self.status.clear()
            return
        self.status.setText(self.tr("Searching…"))
        self.ctx.runner.start(
            sessions.find_customers,
            self.ctx.database,
            text,
            tag=f"sessions.pick.{id(self)}",
            on_result=lambda hits: self._found(text, hits),
            on_error=self._failed,
            owner=self,
        )

    def _found(self, text: str, hits: list[SearchHit]) -> None:
        if text != self.search.text().strip():
            return  # typed on since
        self.hits.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.name}  ({hit.org_number})")
            contact = hit.contact_id if hit.matched_contact else None
            item.setData(HIT_ROLE, (hit.customer_id, contact))
            self.hits.addItem(item)
        self.status.setText(
            self.tr("%Ln customer(s) found", "", len(hits))
            if hits
            else self.tr("No customer found")
        )
        if hits:
            self.hits.setCurrentRow(0)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(
            self.tr("The search failed (%1).").replace("%1", session_error(exc).rstrip("."))
        )

    def accept(self) -> None:
        item = self.hits.currentItem()
        if item is None:
            return  # nothing chosen yet: Enter does nothing, the typed text stays
        customer_id, contact = item.data(HIT_ROLE)
        super().accept()
        self.picked.emit(int(customer_id), contact)
