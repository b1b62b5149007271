"""The consent dialog: the customer's agreement is recorded before any session starts.

Who agreed (a contact of the customer, or a named caller who is then added as a contact), how,
when, a reference, the scope and the purpose, and the outcome. "Start session" stays disabled
until all of it is there and the outcome is "agreed"; a refusal or no answer is recorded with
"Record without starting". A customer without a signed DPA needs a typed reason to start, and
so does a remote tool whose entry in the sub-processor register is flagged (no signed DPA,
outside the EU, ended) or missing.

Logging fails closed: the dialog only closes once the service says the events are logged. On any
failure it stays open with the reason and everything typed; pressing again retries with the
same event UUIDs, so nothing is logged twice (the log writer re-reads by UUID after a lost COMMIT).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain.countries import country_name
from bowebb_console.domain.subprocessor_flags import ToolFlag, tool_flags
from bowebb_console.services import sessions
from bowebb_console.services.sessions import Begun, Consent, ConsentParty, NewCaller, Start
from bowebb_console.ui.kit import events as L
from bowebb_console.ui.kit import icons
from bowebb_console.ui.kit.formats import local_date
from bowebb_console.ui.kit.widgets import grow_to_fit
from bowebb_console.ui.sessions.errors import is_rule, is_unknown, session_error

if TYPE_CHECKING:
    from bowebb_console.ui.kit.context import AppContext

NEW_CALLER = -1
FUTURE_SLACK_S = 300  # clocks differ a little; an agreement is never logged ahead


def _combo(table: dict[str, str], placeholder: str = "") -> QComboBox:
    box = QComboBox()
    for code in table:
        box.addItem(L.word(table, code), code)
    if placeholder:
        box.setPlaceholderText(placeholder)
        box.setCurrentIndex(-1)
    return box


class ConsentDialog(QDialog):
    """Emits ``started(consent, started)`` or ``recorded(consent)`` (EventRows), then closes."""

    started = Signal(object, object)
    recorded = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        customer_id: int,
        parent: QWidget | None = None,
        *,
        contact_id: int | None = None,
        session_kind: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.contact_hint = contact_id  # the contact the lookup just found (e.g. by phone)
        self.dirty = False  # the agent has typed or chosen something
        self.party: ConsentParty | None = None
        self.busy = False
        self.session_uuid = str(uuid.uuid4())
        self.consent_uuid = str(uuid.uuid4())
        self.start_uuid = str(uuid.uuid4())
        self._tried: Consent | None = None  # the consent of the last attempt
        self.setWindowTitle(self.tr("Customer's agreement"))
        self.setMinimumWidth(600)  # the Swedish reference hint needs its 410 px (layout test)

        self.customer_label = QLabel(self.tr("Loading the customer…"))
        self.customer_label.setObjectName("pageTitle")
        self.customer_label.setWordWrap(True)
        self.dpa_label = QLabel()
        self.dpa_label.setWordWrap(True)
        self.dpa_label.setObjectName("errorText")
        self.dpa_label.hide()

        self.kind = _combo(L.SESSION_KINDS)
        if session_kind is not None and self.kind.findData(session_kind) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(session_kind))
        self.contact = QComboBox()
        self.contact.setPlaceholderText(self.tr("Who agreed?"))
        self.caller_name = QLineEdit()
        self.caller_email = QLineEdit()
        self.caller_phone = QLineEdit()
        self.caller_box = QGroupBox(self.tr("New caller (added to the customer's contacts)"))
        caller_form = QFormLayout(self.caller_box)
        # Full-width fields with their labels beside them; the box never shrinks below them.
        caller_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        caller_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.caller_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        caller_form.addRow(self.tr("Name"), self.caller_name)
        caller_form.addRow(self.tr("E-mail"), self.caller_email)
        caller_form.addRow(self.tr("Phone (optional)"), self.caller_phone)
        self.caller_box.hide()
        self.channel = _combo(L.CHANNELS, self.tr("How?"))
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.dateTimeChanged.connect(self._refresh)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(
            self.tr("Ticket number or message id (required when the customer agrees)")
        )
        self.scope = _combo(L.SCOPES, self.tr("What may we do?"))
        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText(self.tr("What the session is for"))
        self.transfer_purpose = _combo(
            L.TRANSFER_PURPOSES, self.tr("Purchased service or support?")
        )

        self.outcome_group = QButtonGroup(self)
        outcome_row = QHBoxLayout()
        self.outcome_buttons: dict[str, QRadioButton] = {}
        for code in L.CONSENT_OUTCOMES:
            radio = QRadioButton(L.word(L.CONSENT_OUTCOMES, code))
            self.outcome_group.addButton(radio)
            self.outcome_buttons[code] = radio
            outcome_row.addWidget(radio)
        outcome_row.addStretch(1)

        self.tool = _combo(L.TOOLS)
        self.tool_session_id = QLineEdit()
        self.tool_session_id.setPlaceholderText(self.tr("The tool's session id (optional)"))
        self.dpa_reason = QLineEdit()
        self.dpa_reason.setPlaceholderText(self.tr("Why start without a signed DPA?"))
        # The tool's entry in the sub-processor register (issue 15, item 7).
        self.tool_register = QLabel()
        self.tool_register.setWordWrap(True)
        self.tool_register.setTextFormat(Qt.TextFormat.PlainText)
        self.tool_reason = QLineEdit()
        self.tool_reason.setPlaceholderText(self.tr("Why use this remote tool anyway?"))

        form = QFormLayout()
        form.addRow(self.tr("Kind of session"), self.kind)
        form.addRow(self.tr("Who agreed"), self.contact)
        form.addRow(self.caller_box)
        form.addRow(self.tr("How"), self.channel)
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow(self.tr("Scope"), self.scope)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Transfer purpose"), self.transfer_purpose)
        self.transfer_purpose_label = form.labelForField(self.transfer_purpose)
        form.addRow(self.tr("Outcome"), outcome_row)
        form.addRow(self.tr("Remote tool"), self.tool)
        form.addRow(self.tr("Tool session id"), self.tool_session_id)
        form.addRow(self.tool_register)
        self.tool_reason_label = QLabel(self.tr("Reason (remote tool)"))
        form.addRow(self.tool_reason_label, self.tool_reason)
        self.tool_labels = (form.labelForField(self.tool), form.labelForField(self.tool_session_id))
        self.dpa_reason_label = QLabel(self.tr("Reason (no DPA)"))
        form.addRow(self.dpa_reason_label, self.dpa_reason)
        self.dpa_reason_label.hide()
        self.dpa_reason.hide()

        self.reminder = QLabel(L.reminder())
        self.reminder.setWordWrap(True)
        self.reminder.setObjectName("hintText")
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()

        self.buttons = QDialogButtonBox()
        self.start_button = QPushButton(self.tr("Start session"))
        icons.give(self.start_button, "start_session")
        self.record_button = QPushButton(self.tr("Record without starting"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        # Enter means Start (when everything is there), never Cancel or "Record without
        # starting": only the primary button may become the default (issue 18).
        self.start_button.setAutoDefault(True)
        for button in (self.record_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.start_button.clicked.connect(lambda: self.submit(start=True))
        self.record_button.clicked.connect(lambda: self.submit(start=False))
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.customer_label)
        layout.addWidget(self.dpa_label)
        layout.addLayout(form)
        layout.addWidget(self.reminder)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        # Only now is the button inside the dialog, so the dialog registers it as its main
        # default, which it restores whenever focus leaves another button (set earlier, the
        # default was lost after one Tab round).
        self.start_button.setDefault(True)

        for edit in (
            self.caller_name,
            self.caller_email,
            self.reference,
            self.purpose,
            self.dpa_reason,
            self.tool_reason,
        ):
            edit.textChanged.connect(self._refresh)
            edit.textEdited.connect(self._touched)
        for box in (
            self.kind,
            self.contact,
            self.channel,
            self.scope,
            self.tool,
            self.transfer_purpose,
        ):
            box.currentIndexChanged.connect(self._refresh)
            box.activated.connect(self._touched)
        self.caller_phone.textEdited.connect(self._touched)
        self.tool_session_id.textEdited.connect(self._touched)
        self.outcome_group.buttonClicked.connect(self._refresh)
        self.outcome_group.buttonClicked.connect(self._touched)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.tool.currentIndexChanged.connect(self._tool_changed)
        self._kind_changed()
        self._refresh()
        ctx.runner.start(
            sessions.consent_party,
            ctx.database,
            customer_id,
            tag=f"sessions.party.{id(self)}",
            on_result=self._loaded,
            on_error=self._load_failed,
            owner=self,
        )

    # --- loading ------------------------------------------------------------------------
    def _loaded(self, party: ConsentParty) -> None:
        self.party = party
        self.customer_label.setText(f"{party.name} ({party.org_number})")
        self.contact.clear()
        for c in party.contacts:
            self.contact.addItem(f"{c.name} <{c.email}>", c.id)
        self.contact.addItem(self.tr("New caller…"), NEW_CALLER)
        # The contact the lookup found (by phone, e-mail or name) is the likely caller.
        self.contact.setCurrentIndex(
            self.contact.findData(self.contact_hint) if self.contact_hint is not None else -1
        )
        no_dpa = party.dpa_signed_on is None
        if no_dpa:
            self.dpa_label.setText(
                self.tr(
                    "This customer has no signed DPA (data processing agreement). Starting a "
                    "session needs a reason, which is logged."
                )
            )
        self.dpa_label.setVisible(no_dpa)
        self.dpa_reason_label.setVisible(no_dpa)
        self.dpa_reason.setVisible(no_dpa)
        self._tool_changed()
        self._refresh()
        QTimer.singleShot(0, self, lambda: grow_to_fit(self))  # room for the DPA rows

    def _load_failed(self, exc: BaseException) -> None:
        self.customer_label.setText(self.tr("The customer could not be loaded."))
        self._show_error(session_error(exc))

    def _touched(self, *_: Any) -> None:
        self.dirty = True

    def _kind_changed(self) -> None:
        transfer = self.kind.currentData() == "file_transfer"
        if transfer and self.scope.currentIndex() < 0:
            self.scope.setCurrentIndex(self.scope.findData("file_transfer"))
        # A file transfer runs in the console, not in a remote tool: no tool to name or log.
        for widget in (self.tool, self.tool_session_id, *self.tool_labels):
            if widget is not None:
                widget.setVisible(not transfer)
        # Files may only be transferred for a purchased service or for support (clause 7).
        self.transfer_purpose.setVisible(transfer)
        if self.transfer_purpose_label is not None:
            self.transfer_purpose_label.setVisible(transfer)
        self._tool_changed()

    # --- the remote tool's register entry -------------------------------------------------
    def tool_flags(self) -> tuple[ToolFlag, ...]:
        """The chosen remote tool's flags in the sub-processor register (none for a file
        transfer, which names no tool, or before the customer is loaded)."""
        tool = self.tool.currentData()
        if self.party is None or self.kind.currentData() == "file_transfer" or not tool:
            return ()
        tools = self.party.tools
        return tool_flags(tools.get(tool), bool(tools))

    def _tool_text(self) -> str:
        assert self.party is not None
        tool = self.tool.currentData()
        entry = self.party.tools.get(tool)
        if entry is None:
            if not self.party.tools:
                return ""
            return self.tr(
                "This remote tool is not in the sub-processor register. Starting with it "
                "needs a reason, which is logged."
            )
        lang = "sv" if QLocale().language() == QLocale.Language.Swedish else "en"
        places = ", ".join(country_name(c, lang) for c in entry.locations)
        if entry.dpa_signed_on is not None:
            dpa = self.tr("DPA signed %1").replace("%1", local_date(entry.dpa_signed_on))
        else:
            dpa = self.tr("no signed DPA")
        facts = [dpa]
        if places:
            facts.append(places)
        if ToolFlag.OUTSIDE_EU in self.tool_flags():
            facts.append(self.tr("outside the EU"))
        if ToolFlag.ENDED in self.tool_flags():
            facts.append(self.tr("ended"))
        text = self.tr("Sub-processor register: %1 (%2).").replace("%1", entry.name)
        text = text.replace("%2", "; ".join(facts))
        if self.tool_flags():
            text += " " + self.tr(
                "The policy asks for a signed DPA and processing inside the EU: starting "
                "with this tool needs a reason, which is logged."
            )
        return text

    def _tool_changed(self, *_: Any) -> None:
        if self.party is None:
            return
        flagged = bool(self.tool_flags())
        transfer = self.kind.currentData() == "file_transfer"
        text = "" if transfer else self._tool_text()
        self.tool_register.setText(text)
        self.tool_register.setObjectName("errorText" if flagged else "hintText")
        self.tool_register.style().unpolish(self.tool_register)
        self.tool_register.style().polish(self.tool_register)
        self.tool_register.setVisible(bool(text))
        self.tool_reason_label.setVisible(flagged)
        self.tool_reason.setVisible(flagged)
        QTimer.singleShot(0, self, lambda: grow_to_fit(self))

    # --- state --------------------------------------------------------------------------
    def outcome(self) -> str | None:
        for code, radio in self.outcome_buttons.items():
            if radio.isChecked():
                return code
        return None

    def missing(self) -> list[str]:
        """What is still needed before anything can be recorded (in the user's words)."""
        gaps: list[str] = []
        if self.party is None:
            return [self.tr("the customer (loading)")]
        who = self.contact.currentData()
        if who is None:
            gaps.append(self.tr("who agreed"))
        elif who == NEW_CALLER:
            if not self.caller_name.text().strip():
                gaps.append(self.tr("the caller's name"))
            if "@" not in self.caller_email.text():
                gaps.append(self.tr("the caller's e-mail"))
        if self.channel.currentData() is None:
            gaps.append(self.tr("how"))
        if self.when.dateTime() > QDateTime.currentDateTime().addSecs(FUTURE_SLACK_S):
            gaps.append(self.tr("a time that is not in the future"))
        if self.outcome() is None:
            gaps.append(self.tr("the outcome"))
        if self.outcome() == "agreed":
            if not self.reference.text().strip():
                gaps.append(self.tr("a reference"))
            if self.scope.currentData() is None:
                gaps.append(self.tr("the scope"))
            if not self.purpose.text().strip():
                gaps.append(self.tr("the purpose"))
            if (
                self.kind.currentData() == "file_transfer"
                and self.transfer_purpose.currentData() is None
            ):
                gaps.append(self.tr("whether the transfer is for a purchased service or support"))
            if self.party.dpa_signed_on is None and not self.dpa_reason.text().strip():
                gaps.append(self.tr("the reason for starting without a DPA"))
            if self.tool_flags() and not self.tool_reason.text().strip():
                gaps.append(self.tr("the reason for using this remote tool"))
        return gaps

    def _refresh(self, *_: Any) -> None:
        new_caller = self.contact.currentData() == NEW_CALLER
        if new_caller != self.caller_box.isVisible():
            self.caller_box.setVisible(new_caller)
            QTimer.singleShot(0, self, lambda: grow_to_fit(self))  # room for the new rows
        self.cancel_button.setEnabled(not self.busy)  # a start under way is seen through
        gaps = self.missing()
        outcome = self.outcome()
        self.start_button.setEnabled(not self.busy and not gaps and outcome == "agreed")
        self.record_button.setEnabled(
            not self.busy and not gaps and outcome in ("refused", "no_answer")
        )
        if outcome in ("refused", "no_answer"):
            self.missing_label.setText(
                self.tr("Without the customer's agreement the session cannot start.")
            )
        elif gaps:
            self.missing_label.setText(self.tr("Still needed: %1").replace("%1", ", ".join(gaps)))
        else:
            self.missing_label.setText("")

    def consent_values(self) -> Consent:
        who = self.contact.currentData()
        new_caller = None
        if who == NEW_CALLER:
            phone = self.caller_phone.text().strip() or None
            new_caller = NewCaller(
                self.caller_name.text().strip(), self.caller_email.text().strip(), phone
            )
        # A file transfer names its purpose (policy clause 7), bound to the reference.
        transfer = (
            self.kind.currentData() == "file_transfer"
            and self.transfer_purpose.currentData() is not None
        )
        return Consent(
            customer_id=self.customer_id,
            session_kind=self.kind.currentData(),
            outcome=self.outcome() or "",
            channel=self.channel.currentData(),
            agreed_at=self.when.dateTime().toPython().astimezone(),  # type: ignore[union-attr]
            contact_id=None if new_caller else who,
            new_caller=new_caller,
            reference=self.reference.text(),
            scope=self.scope.currentData(),
            purpose=self.purpose.text(),
            purpose_kind=self.transfer_purpose.currentData() if transfer else None,
            purpose_reference=self.reference.text().strip() if transfer else "",
        )

    # --- logging ------------------------------------------------------------------------
    def submit(self, *, start: bool) -> None:
        if self.busy or self.missing():
            return
        consent = self.consent_values()
        if self._tried is not None and self._tried != consent:
            # Changed after a failed try: a new agreement event (an older one, if it was
            # logged after all, stays in the session's history).
            self.consent_uuid = str(uuid.uuid4())
        self._tried = consent
        transfer = self.kind.currentData() == "file_transfer"
        starting = Start(
            tool="" if transfer else self.tool.currentData(),
            tool_session_id="" if transfer else self.tool_session_id.text(),
            dpa_missing_reason=self.dpa_reason.text(),
            tool_flag_reason=self.tool_reason.text() if self.tool_flags() else "",
        )
        self.busy = True
        self.error_label.hide()
        self.missing_label.setText(self.tr("Logging…"))
        self._refresh()
        self.ctx.runner.start(
            sessions.begin_session,
            self.ctx.database,
            self.ctx.identity,
            consent,
            consent_uuid=self.consent_uuid,
            session_uuid=self.session_uuid,
            start=starting if start else None,
            start_uuid=self.start_uuid,
            tag=f"sessions.begin.{id(self)}",
            on_result=self._begun,
            on_error=self._failed,
            owner=self,
        )

    def _begun(self, begun: Begun) -> None:
        self.busy = False
        changes = self.ctx.changes
        if self.contact.currentData() == NEW_CALLER:
            changes.customers_changed.emit(self.customer_id)  # the caller is a contact now
        what = "started" if begun.started is not None else "recorded"
        self.dirty = False
        if begun.started is not None:
            self.started.emit(begun.consent, begun.started)
        else:
            self.recorded.emit(begun.consent)
        self.accept()
        # After the dialog's own signals: the screens that follow (the card, Sessions,
        # Transfers) see the new session, and the one that started it can select it.
        changes.sessions_changed.emit(begun.consent.session_uuid, what)

    def reject(self) -> None:
        """Esc, Cancel or the window's close button: never lose what was typed without
        asking, and never walk away from a start that is under way."""
        if self.busy:
            return
        if not self.dirty:
            super().reject()
            return
        self.ctx.prompts.confirm(
            self.tr("Discard the agreement?"),
            self.tr("Close without recording? What you filled in is not saved."),
            lambda yes: QDialog.reject(self) if yes else None,
            ok_text=self.tr("Discard"),
        )

    def _failed(self, exc: BaseException) -> None:
        if is_unknown(exc):
            text = self.tr(
                "The database did not answer, and it is not known whether the agreement was "
                "logged. Nothing has started. Press the button again when the database "
                "answers: it will not be logged twice."
            )
        elif is_rule(exc):
            text = session_error(exc)
        else:
            text = self.tr("Not logged, the session has not started: %1").replace(
                "%1", session_error(exc)
            )
        self._show_error(text)

    def _show_error(self, text: str) -> None:
        self.busy = False
        self._refresh()
        self.error_label.setText(text)
        self.error_label.show()


def start_session_for(
    ctx: AppContext,
    customer_id: int,
    parent: QWidget | None = None,
    on_started: Callable[[str], None] | None = None,
    *,
    contact_id: int | None = None,
    session_kind: str | None = None,
) -> ConsentDialog:
    """Open the consent dialog for a customer (non-blocking). When a session starts,
    ``on_started(session_uuid)`` is called; without it the running session opens in a
    window of its own. The customer card calls this."""
    dialog = ConsentDialog(
        ctx, customer_id, parent, contact_id=contact_id, session_kind=session_kind
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def started(_consent: Any, event: Any) -> None:
        if on_started is not None:
            on_started(event.session_uuid)
        else:
            from bowebb_console.ui.sessions.running import open_running_window

            open_running_window(ctx, event.session_uuid, parent)

    dialog.started.connect(started)
    dialog.open()
    return dialog
