"""The customer card: company, status with its dates, DPA, contacts, recent support sessions.

The "Recent support sessions" section (objectName ``recentSessions``) is left empty here: the
session-log screen fills it through :meth:`CustomerCardView.set_sessions_widget`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.ui.i18n import customer_status_text
from bowebb_console.ui.kit.formats import phone
from bowebb_console.ui.kit.rows import Column, Index, RowTableModel
from bowebb_console.ui.kit.widgets import read_only_table

if TYPE_CHECKING:  # the lookup screen is built before SQLAlchemy has loaded (start-up)
    from bowebb_console.services.customers import ContactView, CustomerCard

RESTRICTED = QT_TRANSLATE_NOOP("ContactsModel", "restricted")
NO_NEWS = QT_TRANSLATE_NOOP("ContactsModel", "no news")
GREY = QColor("#6b6b6b")


def privacy_marks(contact: ContactView) -> str:
    """ "restricted", "no news": what an admin or lead must know before using the contact."""
    marks = []
    if contact.restricted:
        marks.append(QCoreApplication.translate("ContactsModel", RESTRICTED))
    if contact.news_objection:
        marks.append(QCoreApplication.translate("ContactsModel", NO_NEWS))
    return ", ".join(marks)


class ContactsModel(RowTableModel["ContactView"]):
    CONTEXT = "ContactsModel"
    COL_PRIVACY = 4
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("ContactsModel", "Name"), lambda r: r.name, lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("ContactsModel", "E-mail"), lambda r: r.email, lambda r: r.email),
        Column(
            QT_TRANSLATE_NOOP("ContactsModel", "Phone"),
            lambda r: phone(r.phone),
            lambda r: r.phone or "",
        ),
        Column(
            QT_TRANSLATE_NOOP("ContactsModel", "Role"),
            lambda r: r.title or "",
            lambda r: r.title or "",
        ),
        Column(QT_TRANSLATE_NOOP("ContactsModel", "Privacy"), privacy_marks, privacy_marks),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and self.row_at(index.row()).restricted
        ):
            return GREY  # restricted: shown, marked, not for use
        return super().data(index, role)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


class CustomerCardView(QWidget):
    edit_requested = Signal()
    convert_requested = Signal()
    add_contact_requested = Signal()
    edit_contact_requested = Signal(object)  # ContactView
    # Admins: the contact's rights (Art. 16, 18, 21); each carries the ContactView.
    restrict_requested = Signal(object)
    objection_requested = Signal(object)
    rectify_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: CustomerCard | None = None
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit company…"))
        self.convert_button = QPushButton(self.tr("Convert to customer"))
        self.edit_button.clicked.connect(self.edit_requested)
        self.convert_button.clicked.connect(self.convert_requested)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.convert_button)
        top.addWidget(self.edit_button)

        self.values: dict[str, QLabel] = {}
        # Two columns of facts (identity left, dates right): room for the contacts below.
        left, right = QFormLayout(), QFormLayout()
        details = QHBoxLayout()
        details.addLayout(left, 1)
        details.addLayout(right, 1)
        for key, label in (
            ("org_number", self.tr("Organisation number")),
            ("status", self.tr("Status")),
            ("trial_registered_on", self.tr("Trial registered")),
            ("customer_since", self.tr("Customer since")),
            ("terminated_on", self.tr("Terminated on")),
            ("hard_delete_due", self.tr("Hard delete due")),
            ("dpa", self.tr("DPA")),
        ):
            value = QLabel()
            value.setObjectName(f"card_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(key == "dpa")  # version and reference make it long
            self.values[key] = value
            form = left if key in ("org_number", "status", "dpa") else right
            form.addRow(label, value)

        contacts_box = QGroupBox(self.tr("Contacts"))
        self.contacts_model = ContactsModel(self)
        self.contacts = read_only_table(self.contacts_model)
        self.contacts.setObjectName("contacts")
        self.contacts.setWordWrap(False)
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contacts.doubleClicked.connect(lambda _i: self._edit_contact())
        # Room for at least four contacts (a laptop showed one and a half).
        rows = self.contacts.verticalHeader().defaultSectionSize()
        header = self.contacts.horizontalHeader().sizeHint().height()
        self.contacts.setMinimumHeight(header + 4 * rows + 2 * self.contacts.frameWidth())
        self.add_contact_button = QPushButton(self.tr("Add contact…"))
        self.edit_contact_button = QPushButton(self.tr("Edit contact…"))
        self.add_contact_button.clicked.connect(self.add_contact_requested)
        self.edit_contact_button.clicked.connect(self._edit_contact)
        self.restrict_button = QPushButton(self.tr("Restrict…"))
        self.objection_button = QPushButton(self.tr("Objection to news…"))
        self.rectify_button = QPushButton(self.tr("Correct…"))
        self.restrict_button.setToolTip(self.tr("Restrict or lift (GDPR Art. 18)"))
        self.objection_button.setToolTip(self.tr("Record or withdraw (GDPR Art. 21)"))
        self.rectify_button.setToolTip(self.tr("Rectification with a reason (GDPR Art. 16)"))
        self.restrict_button.clicked.connect(lambda: self._ask(self.restrict_requested))
        self.objection_button.clicked.connect(lambda: self._ask(self.objection_requested))
        self.rectify_button.clicked.connect(lambda: self._ask(self.rectify_requested))
        self.privacy_buttons = (self.restrict_button, self.objection_button, self.rectify_button)
        for button in self.privacy_buttons:
            button.setVisible(False)  # admins only: set_privacy_actions
        self.contacts.selectionModel().selectionChanged.connect(lambda *_a: self._privacy_texts())
        contact_buttons = QHBoxLayout()
        for button in self.privacy_buttons:
            contact_buttons.addWidget(button)
        contact_buttons.addStretch(1)
        contact_buttons.addWidget(self.add_contact_button)
        contact_buttons.addWidget(self.edit_contact_button)
        box = QVBoxLayout(contacts_box)
        box.addWidget(self.contacts)
        box.addLayout(contact_buttons)

        self.sessions_box = QGroupBox(self.tr("Recent support sessions"))
        self.sessions_box.setObjectName("recentSessions")
        self.sessions_layout = QVBoxLayout(self.sessions_box)
        self.sessions_placeholder = QLabel(self.tr("No sessions are shown here yet."))
        self.sessions_layout.addWidget(self.sessions_placeholder)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(details)
        layout.addWidget(contacts_box, 3)
        layout.addWidget(self.sessions_box, 2)

    def set_privacy_actions(self, on: bool) -> None:
        """Admins: the buttons for a contact's rights (restriction, objection, correction)."""
        for button in self.privacy_buttons:
            button.setVisible(on)

    def selected_contact(self) -> ContactView | None:
        """The selected contact; with none selected, the first (as "Edit contact…")."""
        rows = self.contacts.selectionModel().selectedRows()
        if rows:
            return self.contacts_model.row_at(rows[0].row())
        return self.contacts_model.row_at(0) if self.contacts_model.rowCount() else None

    def _ask(self, signal: Any) -> None:
        contact = self.selected_contact()
        if contact is not None:
            signal.emit(contact)

    def _privacy_texts(self) -> None:
        contact = self.selected_contact()
        for button in self.privacy_buttons:
            button.setEnabled(contact is not None)
        if contact is None:
            return
        self.restrict_button.setText(
            self.tr("Lift restriction…") if contact.restricted else self.tr("Restrict…")
        )
        self.objection_button.setText(
            self.tr("Withdraw objection…")
            if contact.news_objection
            else self.tr("Objection to news…")
        )

    def set_sessions_widget(self, widget: QWidget) -> None:
        """For the session log: put its list of this customer's recent sessions in place."""
        while self.sessions_layout.count():
            item = self.sessions_layout.takeAt(0)
            old = item.widget()
            if old is not None:
                old.setParent(None)
        self.sessions_layout.addWidget(widget)

    def set_card(self, card: CustomerCard) -> None:
        self.card = card
        c = card.customer
        self.title.setText(c.name)
        v = self.values
        v["org_number"].setText(c.org_number)
        v["status"].setText(customer_status_text(c.status))
        v["trial_registered_on"].setText(_date(c.trial_registered_on))
        v["customer_since"].setText(_date(c.customer_since))
        v["terminated_on"].setText(_date(card.terminated_on))
        due = _date(card.hard_delete_due)
        if card.hard_delete_due is not None and card.grace_period_days is not None:
            # The database set the date (one grace period for every workstation).
            due = self.tr("%1 (grace period %Ln day(s))", "", card.grace_period_days).replace(
                "%1", due
            )
            if c.status == "trial":
                due += " " + self.tr("if the trial is not made a customer")
        v["hard_delete_due"].setText(due)
        if c.dpa_signed_on is None:
            v["dpa"].setText(self.tr("Missing: no DPA signed"))
            v["dpa"].setStyleSheet("color: #b3261e;")
        else:
            parts = [self.tr("Signed %1").replace("%1", c.dpa_signed_on.isoformat())]
            if card.dpa_version:
                parts.append(self.tr("version %1").replace("%1", card.dpa_version))
            if card.dpa_reference:
                parts.append(self.tr("reference %1").replace("%1", card.dpa_reference))
            v["dpa"].setText(", ".join(parts))
            v["dpa"].setStyleSheet("")
        self.convert_button.setVisible(c.status == "trial")
        self.contacts_model.set_rows(card.contacts)
        self.edit_contact_button.setEnabled(bool(card.contacts))
        self._privacy_texts()

    def _edit_contact(self) -> None:
        rows = self.contacts.selectionModel().selectedRows()
        index = rows[0].row() if rows else (0 if self.contacts_model.rowCount() else -1)
        if index >= 0:
            self.edit_contact_requested.emit(self.contacts_model.row_at(index))
