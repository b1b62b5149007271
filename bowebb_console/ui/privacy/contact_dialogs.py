"""The rights of one contact, from the customer card (admins): restriction (Art. 18) and its
lifting, objection to news (Art. 21) and its withdrawal, rectification (Art. 16).

Each dialog saves through services.privacy on the task runner; the change is a chained log
event with its reason. A refusal or a bad field is said inside the dialog and what was typed
stays. ``saved`` carries the contact (its ``customer_id``: the card reloads).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services import privacy
from bowebb_console.services.customers import ContactView
from bowebb_console.services.privacy import ContactInput
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.events import reminder
from bowebb_console.ui.kit.formats import phone as phone_text
from bowebb_console.ui.kit.guard import InputGuard, primary_button
from bowebb_console.ui.kit.widgets import error_label, tab_order
from bowebb_console.ui.privacy.errors import shown


class _ContactDialog(QDialog):
    saved = Signal(object)  # the ContactView (its customer_id)

    def __init__(
        self, ctx: AppContext, contact: ContactView, title: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contact = contact
        self.busy = False
        self.setWindowTitle(title)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.form = QFormLayout()
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(70)
        self.reason.setAccessibleName(QCoreApplication.translate("ContactDialog", "Reason"))
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ContactDialog", "Cancel")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        # Enter saves (never Cancel); Esc asks before losing a typed reason (issue 18).
        primary_button(self, self.save_button)
        self.guard = InputGuard(self, ctx.prompts)

    def reject(self) -> None:
        if not self.busy:
            self.guard.reject(lambda: QDialog.reject(self))

    def add_reason(self, label: str) -> None:
        self.form.addRow(label, self.reason)

    def work(self) -> tuple[Any, ...]:
        """The service call and its arguments."""
        raise NotImplementedError

    def save(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.save_button.setEnabled(False)
        self.error_label.hide()
        fn, *args = self.work()
        self.ctx.runner.start(
            fn,
            *args,
            owner=self,
            on_result=lambda _r: self._saved(),
            on_error=self._failed,
        )

    def _saved(self) -> None:
        self.busy = False
        self.guard.mark()
        self.saved.emit(self.contact)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        self.error_label.setText(shown(exc))
        self.error_label.show()


def _who(contact: ContactView) -> str:
    return f"{contact.name} <{contact.email}>"


class RestrictionDialog(_ContactDialog):
    """Restrict the contact's data, or lift the restriction (admins; with the reason)."""

    def __init__(self, ctx: AppContext, contact: ContactView, parent: QWidget | None = None):
        lifting = contact.restricted
        title = self.tr("Lift restriction") if lifting else self.tr("Restrict contact")
        super().__init__(ctx, contact, title, parent)
        self.restrict = not lifting
        if lifting:
            text = self.tr(
                "Lift the restriction of %1: agents see the contact again, notices and new "
                "sessions with them are possible again."
            )
        else:
            text = self.tr(
                "Restrict the processing of %1's data (GDPR Art. 18), e.g. while the "
                "correctness of their data is checked: agents no longer find the contact, "
                "notice exports leave them out, and no session can be recorded with them as "
                "the consenting person until an admin lifts the restriction."
            )
        self.intro.setText(text.replace("%1", _who(contact)))
        self.add_reason(self.tr("Reason"))
        self.save_button.setText(self.tr("Lift restriction") if lifting else self.tr("Restrict"))
        self.reason.setFocus()  # the one thing to type: the cursor starts there

    def work(self) -> tuple[Any, ...]:
        return (
            privacy.set_restricted,
            self.ctx.database,
            self.ctx.identity,
            self.contact.id,
            self.restrict,
            self.reason.toPlainText(),
        )


class ObjectionDialog(_ContactDialog):
    """Record the contact's objection to news e-mails (Art. 21), or withdraw it."""

    def __init__(self, ctx: AppContext, contact: ContactView, parent: QWidget | None = None):
        withdrawing = contact.news_objection
        title = (
            self.tr("Withdraw objection to news")
            if withdrawing
            else self.tr("Record objection to news")
        )
        super().__init__(ctx, contact, title, parent)
        self.objects = not withdrawing
        if withdrawing:
            text = self.tr("%1 wants BoWebb's news e-mails again: withdraw the objection.")
        else:
            text = self.tr(
                "%1 objects to BoWebb's news e-mails (GDPR Art. 21): news notice exports will "
                "leave them out."
            )
        self.intro.setText(text.replace("%1", _who(contact)))
        self.contract_note = QLabel(
            self.tr(
                "Service-disruption notices still go out to them: they are part of the "
                "contract with their company, not marketing."
            )
        )
        self.contract_note.setWordWrap(True)
        self.form.addRow(self.contract_note)
        done = self.tr("Withdraw objection") if withdrawing else self.tr("Record")
        self.save_button.setText(done)

    def work(self) -> tuple[Any, ...]:
        return (
            privacy.set_news_objection,
            self.ctx.database,
            self.ctx.identity,
            self.contact.id,
            self.objects,
        )


class RectifyDialog(_ContactDialog):
    """Correct a contact's name, e-mail, phone or role (Art. 16), with the reason."""

    def __init__(self, ctx: AppContext, contact: ContactView, parent: QWidget | None = None):
        super().__init__(ctx, contact, self.tr("Correct contact"), parent)
        self.intro.setText(
            self.tr(
                "Correct %1's data at the person's request (GDPR Art. 16). The old and new "
                "values and your reason are kept in the session log's erasable part."
            ).replace("%1", contact.name)
        )
        self.name = QLineEdit(contact.name)
        self.email = QLineEdit(contact.email)
        self.phone = QLineEdit(phone_text(contact.phone) if contact.phone else "")
        self.title = QLineEdit(contact.title or "")
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("E-mail"), self.email)
        self.form.addRow(self.tr("Phone"), self.phone)
        self.form.addRow(self.tr("Role"), self.title)
        self.add_reason(self.tr("Reason"))
        note = QLabel(reminder())
        note.setWordWrap(True)
        self.form.addRow(note)
        self.save_button.setText(self.tr("Save correction"))
        # The reason was built first: Tab still goes top to bottom, starting at the name.
        tab_order(self.name, self.email, self.phone, self.title, self.reason, self.buttons)
        self.name.setFocus()

    def work(self) -> tuple[Any, ...]:
        data = ContactInput(
            name=self.name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            title=self.title.text(),
        )
        return (
            privacy.rectify_contact_input,
            self.ctx.database,
            self.ctx.identity,
            self.contact,
            data,
            self.reason.toPlainText(),
        )
