"""The simple form pages of wizard 2 (request_wizard.py): the receipt, the identity check,
who is controller, and the legal holds. They only collect answers; nothing is saved here."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from bowebb_console.domain import erasure as rules
from bowebb_console.ui.erasure.common import (
    CustomerPicker,
    WizardPage,
    from_date,
    label,
    to_date,
)

if TYPE_CHECKING:
    from bowebb_console.services.erasure import RequestView
    from bowebb_console.ui.kit.context import AppContext


class RequestWizard(Protocol):
    """What these pages read of their wizard (request_wizard.RequestWizard)."""

    ctx: AppContext
    request: RequestView | None
    today: dt.date


RECEIPT, IDENTITY, CONTROLLER, FIND, HOLDS, CONFIRM, RESULT = range(7)
IDENTITY_METHODS = ("reply_from_address", "call_back", "id_document", "")


class ReceiptPage(WizardPage):
    def __init__(self, wizard: RequestWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("The request"))
        self.setSubTitle(
            self.tr("When and how did the request arrive? The answer is due one month later.")
        )
        self.received = QDateEdit(from_date(wizard.today))
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.received.setMaximumDate(from_date(wizard.today))
        self.channel = QComboBox()
        names = {
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "letter": self.tr("Letter"),
            "web_form": self.tr("Web form"),
            "in_person": self.tr("In person"),
        }
        for key in rules.CHANNELS:
            self.channel.addItem(names[key], key)
        self.due = QLabel()
        form = QFormLayout(self)
        form.addRow(self.tr("Received on"), self.received)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Answer due"), self.due)
        self.received.dateChanged.connect(self._update)
        if wizard.request is not None:
            self.received.setDate(from_date(wizard.request.received_on))
            self.channel.setCurrentIndex(self.channel.findData(wizard.request.channel))
            self.received.setEnabled(False)
            self.channel.setEnabled(False)
        self._update()

    def _update(self) -> None:
        received = to_date(self.received.date())
        if self.w.request is not None:
            due = self.w.request.effective_due
        else:
            due = rules.answer_due(received)
        self.due.setText(due.isoformat())


class IdentityPage(WizardPage):
    def __init__(self, wizard: RequestWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Identity check"))
        self.setSubTitle(
            self.tr(
                "Make sure the request comes from the person themselves before anything is "
                "erased. Ask for no more information than you need for that."
            )
        )
        self.method = QComboBox()
        texts = (
            self.tr("The person replied from the e-mail address we hold"),
            self.tr("We called back on the phone number we hold"),
            self.tr("An identity document was shown in person"),
            self.tr("Not confirmed yet: save the request as open and stop here"),
        )
        for key, text in zip(IDENTITY_METHODS, texts, strict=True):
            self.method.addItem(text, key)
        layout = QVBoxLayout(self)
        layout.addWidget(self.method)
        layout.addStretch(1)

    @property
    def confirmed(self) -> bool:
        return bool(self.method.currentData())

    def nextId(self) -> int:
        return CONTROLLER if self.confirmed else CONFIRM


class ControllerPage(WizardPage):
    def __init__(self, wizard: RequestWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Who is controller?"))
        self.setSubTitle(
            self.tr(
                "BoWebb is controller for its own customer relationships: contacts, trial "
                "registrations and the support log. Data that a customer keeps in BoWebb's "
                "services is the customer's: there BoWebb is only processor, and the request "
                "goes to the customer."
            )
        )
        self.controller = QRadioButton(self.tr("BoWebb is controller: handle the request here"))
        self.processor = QRadioButton(
            self.tr("BoWebb is processor: forward the request to the customer")
        )
        self.controller.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.controller)
        group.addButton(self.processor)
        self.customer = CustomerPicker(wizard.ctx)
        self.customer_label = QLabel(self.tr("Customer (controller)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.controller)
        layout.addWidget(self.processor)
        layout.addWidget(self.customer_label)
        layout.addWidget(self.customer)
        layout.addStretch(1)
        self.processor.toggled.connect(self._toggle)
        self.customer.currentIndexChanged.connect(self.completeChanged)
        self._toggle()

    def _toggle(self) -> None:
        self.customer.setVisible(self.processor.isChecked())
        self.customer_label.setVisible(self.processor.isChecked())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.controller.isChecked() or self.customer.customer is not None

    def nextId(self) -> int:
        return FIND if self.controller.isChecked() else CONFIRM


class HoldsPage(WizardPage):
    def __init__(self, wizard: RequestWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Legal holds"))
        self.setSubTitle(
            self.tr(
                "Keep what a law requires; erase the rest. What is kept is named on the "
                "certificate."
            )
        )
        self.bookkeeping = QCheckBox(
            self.tr("Bookkeeping records about this person exist (e.g. invoices to a sole trader)")
        )
        self.year_end = QDateEdit(from_date(dt.date(wizard.today.year - 1, 12, 31)))
        self.year_end.setCalendarPopup(True)
        self.year_end.setDisplayFormat("yyyy-MM-dd")
        self.hold_until = QLabel()
        self.legal_claim = QCheckBox(
            self.tr("Data is needed for a legal claim (GDPR Art. 17(3)(e))")
        )
        self.anonymise = QCheckBox(
            self.tr("Anonymise the checked contacts instead of erasing them (keeps the record)")
        )
        form = QFormLayout()
        form.addRow(self.tr("Financial year ended"), self.year_end)
        form.addRow(self.tr("Kept until"), self.hold_until)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr(
                    "The session log's events (ids, kinds, times, hashes) are always kept so "
                    "the log still verifies; they hold no personal data."
                )
            )
        )
        layout.addWidget(self.bookkeeping)
        layout.addLayout(form)
        layout.addWidget(self.legal_claim)
        layout.addWidget(self.anonymise)
        layout.addStretch(1)
        self.year_end.dateChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        until = rules.bookkeeping_hold_until(to_date(self.year_end.date()))
        self.hold_until.setText(
            self.tr(
                "%1 (bokföringslagen 7 kap. 2 §; kept in the accounting system, not here)"
            ).replace("%1", until.isoformat())
        )

    def holds(self) -> tuple[str, ...]:
        chosen = []
        if self.bookkeeping.isChecked():
            chosen.append("bookkeeping")
        if self.legal_claim.isChecked():
            chosen.append("legal_claim")
        return tuple(chosen)
