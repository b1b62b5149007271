"""The customer card: company, status with its dates, DPA, contacts, recent support sessions.

The "Recent support sessions" section (objectName ``recentSessions``) is left empty here: the
session-log screen fills it through :meth:`CustomerCardView.set_sessions_widget`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
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

from bowebb_console.services.customers import ContactView, CustomerCard
from bowebb_console.ui.i18n import customer_status_text
from bowebb_console.ui.kit.formats import phone
from bowebb_console.ui.kit.rows import Column, RowTableModel
from bowebb_console.ui.kit.widgets import read_only_table


class ContactsModel(RowTableModel[ContactView]):
    CONTEXT = "ContactsModel"
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
    )


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


class CustomerCardView(QWidget):
    edit_requested = Signal()
    convert_requested = Signal()
    add_contact_requested = Signal()
    edit_contact_requested = Signal(object)  # ContactView

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
        contact_buttons = QHBoxLayout()
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

    def _edit_contact(self) -> None:
        rows = self.contacts.selectionModel().selectedRows()
        index = rows[0].row() if rows else (0 if self.contacts_model.rowCount() else -1)
        if index >= 0:
            self.edit_contact_requested.emit(self.contacts_model.row_at(index))
