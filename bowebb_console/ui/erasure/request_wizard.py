"""Wizard 2: a person's erasure request, from receipt to certificate.

Receipt -> identity check -> who is controller (processor: forward to the customer) -> find
every place -> legal holds -> confirm (the one commit: erase, certify, log, journal) ->
result. Nothing is written before the confirm page's commit button; the search itself only
reads. What the agent types about the person stays in memory: only keyed hashes reach the
journal, and nothing of it reaches the database or the certificate.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from bowebb_console.services import erasure
from bowebb_console.services.erasure import (
    ErasureDone,
    ErasurePlan,
    Findings,
    NewRequest,
    PersonQuery,
    RequestView,
)
from bowebb_console.ui.erasure.common import ResultPage, WizardPage, label, to_date
from bowebb_console.ui.erasure.errors import erasure_error
from bowebb_console.ui.erasure.request_pages import (
    CONFIRM,
    CONTROLLER,
    FIND,
    HOLDS,
    IDENTITY,
    RECEIPT,
    RESULT,
    ControllerPage,
    HoldsPage,
    IdentityPage,
    ReceiptPage,
)
from bowebb_console.ui.kit import events as W
from bowebb_console.ui.kit import icons
from bowebb_console.ui.kit.context import AppContext


class FindPage(WizardPage):
    def __init__(self, wizard: RequestWizard) -> None:
        super().__init__(wizard)
        self.findings: Findings | None = None
        self.setTitle(self.tr("Find every place"))
        self.setSubTitle(
            self.tr(
                "Type what the person gave you. The console searches contacts at every "
                "customer, the session log's contents and connection profiles. Uncheck what "
                "is not this person."
            )
        )
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.name = QLineEdit()
        self.find_button = QPushButton(self.tr("Find"))
        icons.give(self.find_button, "search")
        self.status = label("")
        self.places = QListWidget()
        self.exports = label("")
        self.traders = label("")
        form = QFormLayout()
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Name"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.find_button)
        layout.addWidget(self.status)
        layout.addWidget(self.places, 1)
        layout.addWidget(self.exports)
        layout.addWidget(self.traders)
        self.find_button.clicked.connect(self.find)
        for edit in (self.email, self.phone, self.name):
            edit.textChanged.connect(self._stale)

    def _stale(self) -> None:
        self.findings = None
        self.places.clear()
        self.traders.clear()
        self.completeChanged.emit()

    def query(self) -> PersonQuery:
        return PersonQuery(self.email.text(), self.phone.text(), self.name.text())

    def find(self) -> None:
        self.find_button.setEnabled(False)
        self.status.setText(self.tr("Searching…"))
        self.w.ctx.runner.start(
            erasure.find_person,
            self.w.ctx.database,
            self.query(),
            tag="erasure.find",
            on_result=self._found,
            on_error=self._failed,
            on_finished=lambda: self.find_button.setEnabled(True),
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(erasure_error(exc))

    def _found(self, findings: Findings) -> None:
        self.findings = findings
        self.places.clear()
        for c in findings.contacts:
            text = self.tr("Contact at %1: %2, %3").replace("%1", c.customer_name)
            text = text.replace("%2", c.name).replace("%3", c.email)
            self._add(text, ("contact", c.id))
        for p in findings.payloads:
            if p.possible:
                text = self.tr("Possible mention (the surname only) in the session log: %1 at %2")
            else:
                text = self.tr("Session log contents: %1 at %2")
            text = text.replace("%1", W.word(W.EVENTS, p.kind)).replace("%2", W.local_time(p.at))
            # A surname alone may be someone else: the admin checks it only when it is them.
            self._add(text, ("payload", p.seq), checked=not p.possible)
        for table, row_id in findings.profiles:
            self._add(self.tr("Connection profile %1").replace("%1", str(row_id)), (table, row_id))
        total = self.places.count()
        self.status.setText(self.tr("%Ln place(s) found.", "", total))
        self.exports.setText(
            self.tr(
                "%Ln notice export(s) since the person became a contact: those address lists "
                "are outside the console; ask whoever holds a copy to delete it.",
                "",
                len(findings.exports),
            )
            if findings.exports
            else ""
        )
        self.traders.setText(
            "\n".join(
                self.tr(
                    "Sole trader %1 (%2): its organisation number is this person's identity "
                    "number. The customer record goes when the relationship ends (the purge)."
                )
                .replace("%1", t.name)
                .replace("%2", t.org_masked)
                for t in findings.sole_traders
            )
        )
        self.completeChanged.emit()

    def _add(self, text: str, key: tuple[str, int], *, checked: bool = True) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.places.addItem(item)

    def chosen(self) -> list[tuple[str, int]]:
        items = (self.places.item(i) for i in range(self.places.count()))
        return [
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]

    def isComplete(self) -> bool:
        return self.findings is not None


class ConfirmPage(WizardPage):
    def __init__(self, wizard: RequestWizard) -> None:
        super().__init__(wizard)
        self.setCommitPage(True)
        self.summary = label("")
        self.error = label("")
        self.error.setObjectName("errorText")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.error.clear()
        mode = self.w.mode()
        if mode == "open":
            self.setTitle(self.tr("Save the request as open"))
            self.summary.setText(
                self.tr("The request is saved with its due date; nothing is erased yet.")
            )
            self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Save request"))
        elif mode == "forward":
            self.setTitle(self.tr("Forward to the customer"))
            self.summary.setText(
                self.tr(
                    "BoWebb is processor for this data. Send the request to %1 today; the "
                    "console records that it was forwarded, and the request is closed here."
                ).replace("%1", self.w.controller_page.customer.currentText())
            )
            self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Record forwarding"))
        else:
            plan = self.w.plan()
            contacts = sum(1 for _ in plan.contact_actions)
            self.setTitle(self.tr("Erase for good"))
            self.summary.setText(
                self.tr(
                    "%1 contact record(s) and %2 log content(s) will be erased (or anonymised), "
                    "with their search-index entries. This cannot be undone. A certificate "
                    "without personal data is issued."
                )
                .replace("%1", str(contacts))
                .replace("%2", str(len(plan.payload_seqs)))
            )
            self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Erase"))

    def validatePage(self) -> bool:
        if self.w.committed:
            return True
        self.w.commit(self)
        return False

    def nextId(self) -> int:
        return RESULT


class RequestWizard(QWizard):
    """Start with ``request`` (an open RequestView) to work on it, or None for a new one."""

    def __init__(
        self,
        ctx: AppContext,
        request: RequestView | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request = request
        self.today = today or dt.date.today()
        self.committed = False
        self.outcome: ErasureDone | str | None = None
        self.setWindowTitle(self.tr("Erasure request"))
        self.receipt = ReceiptPage(self)
        self.identity = IdentityPage(self)
        self.controller_page = ControllerPage(self)
        self.find_page = FindPage(self)
        self.holds_page = HoldsPage(self)
        self.confirm = ConfirmPage(self)
        self.result_page = ResultPage()
        for page_id, page in (
            (RECEIPT, self.receipt),
            (IDENTITY, self.identity),
            (CONTROLLER, self.controller_page),
            (FIND, self.find_page),
            (HOLDS, self.holds_page),
            (CONFIRM, self.confirm),
            (RESULT, self.result_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(RECEIPT)

    def mode(self) -> str:
        if not self.identity.confirmed:
            return "open"
        return "erase" if self.controller_page.controller.isChecked() else "forward"

    def _request_ref(self) -> int | NewRequest:
        if self.request is not None:
            return self.request.id
        return NewRequest(to_date(self.receipt.received.date()), self.receipt.channel.currentData())

    def plan(self) -> ErasurePlan:
        chosen = self.find_page.chosen()
        action = "anonymise" if self.holds_page.anonymise.isChecked() else "erase"
        return ErasurePlan(
            request=self._request_ref(),
            identity_check=self.identity.method.currentData(),
            query=self.find_page.query(),
            contact_actions={i: action for kind, i in chosen if kind == "contact"},
            payload_seqs=tuple(i for kind, i in chosen if kind == "payload"),
            profiles=tuple((k, i) for k, i in chosen if k not in ("contact", "payload")),
            holds=self.holds_page.holds(),
        )

    def commit(self, page: ConfirmPage) -> None:
        mode = self.mode()
        ctx = self.ctx
        if mode == "open" and self.request is not None:  # already saved: nothing to do
            self._done(self.request.reference)
            return
        self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        page.error.setText(self.tr("Working…"))
        start = partial(
            ctx.runner.start,
            tag="erasure.commit",
            on_result=self._done,
            on_error=lambda exc: self._failed(page, exc),
            owner=self,
        )
        request = self._request_ref()
        if mode == "open":
            assert isinstance(request, NewRequest)
            start(erasure.save_open_request, ctx.database, request, self.today)
        elif mode == "forward":
            customer = self.controller_page.customer.customer
            assert customer is not None  # the page is complete only with a customer
            start(
                erasure.forward_request,
                ctx.database,
                ctx.identity,
                request,
                customer.id,
                identity_check=self.identity.method.currentData(),
                today=self.today,
            )
        else:
            path = erasure.DatabaseJournal(ctx.paths.journal_dir)
            start(
                erasure.erase_person,
                ctx.database,
                ctx.identity,
                path,
                self.plan(),
                today=self.today,
            )

    def _failed(self, page: ConfirmPage, exc: BaseException) -> None:
        page.error.setText(self.tr("Nothing was saved: %1").replace("%1", erasure_error(exc)))
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)

    def _done(self, outcome: ErasureDone | str) -> None:
        self.committed = True
        self.outcome = outcome
        if isinstance(outcome, ErasureDone):
            text = self.tr(
                "Erased. Certificate %1 is on the Erasure screen; send it to the person."
            ).replace("%1", outcome.reference)
            if outcome.scrub.pending:
                text += " " + self.tr(
                    "The files could not be wiped yet (the tables were busy): an admin runs "
                    "`bowebb-console erasure compact` later."
                )
        elif self.mode() == "forward":
            text = self.tr("Recorded as forwarded to the customer (request %1).").replace(
                "%1", outcome
            )
        else:
            text = self.tr("Saved as open request %1.").replace("%1", outcome)
        self.result_page.text.setText(text)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.next()
