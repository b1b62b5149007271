"""Create and edit dialogs: company, contact, trial registration.

Each dialog checks its fields inline (messages beside them), saves on ``ctx.runner`` and
keeps everything typed whatever happens: a refused stale save (someone else saved first)
names what changed, shows the saved values beside the fields and offers "Reload and
re-apply", which takes the newer version as the base and leaves the typed input in place.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services import customers
from bowebb_console.services.customers import (
    ContactInput,
    ContactView,
    CustomerInput,
    CustomerView,
    InputErrors,
    Saved,
    SaveUnknown,
    StaleEdit,
    TrialInput,
)
from bowebb_console.ui.customers import forms
from bowebb_console.ui.customers.errors import field_name, shown_text
from bowebb_console.ui.i18n import customer_status_text
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.formats import phone


class EditDialog(QDialog):
    """The shared save flow; subclasses build the form and say how to validate and save."""

    saved = Signal(object)  # the CustomerView / ContactView written
    STORE_FIELDS: dict[str, str] = {}  # store field name -> form key, where they differ

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saving = False
        self.loaded: Any = None
        self.form = forms.Form()
        self.banner = QLabel()
        self.banner.setObjectName("dialogBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet(
            "background: #fff4ce; border: 1px solid #d9a300; border-radius: 4px; padding: 6px;"
        )
        self.banner.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.reload_button = QPushButton(self.tr("Reload and re-apply"))
        self.buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.reload_button.hide()  # only after a refused stale save (addButton shows it)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.reload_button.clicked.connect(self.reload_and_reapply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    # -- subclass hooks ---------------------------------------------------------------------
    def validate(self) -> bool:
        raise NotImplementedError

    def start_save(self) -> None:
        raise NotImplementedError

    def reload_loaded(self) -> Any:  # (worker function, args) for reload_and_reapply
        raise NotImplementedError

    # -- flow -------------------------------------------------------------------------------
    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
        self.fit()

    def fit(self) -> None:
        """Grow to show every message (wrapped labels do not resize a dialog by themselves)."""
        width = self.width()
        self.adjustSize()
        self.resize(max(width, self.width()), self.height())

    def save(self) -> None:
        if self.saving:
            return
        self.show_banner("")
        if not self.validate():
            self.fit()
            return
        self._busy(True)
        self.start_save()

    def run(self, fn: Any, *args: Any) -> None:
        self.ctx.runner.start(
            fn, self.ctx.database, *args, on_result=self._done, on_error=self._failed, owner=self
        )

    def _busy(self, busy: bool) -> None:
        self.saving = busy
        self.save_button.setEnabled(not busy)
        self.reload_button.setEnabled(not busy)

    def _done(self, result: Saved[Any]) -> None:
        self._busy(False)
        if result.ok:
            self.saved.emit(result.view)
            self.accept()
            return
        self.show_banner(
            self.tr(
                "The connection to the database was lost and your change was NOT saved. "
                "Everything you typed is still here: save again when the database answers."
            )
        )

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, InputErrors):
            for error in exc.errors:
                key = self.STORE_FIELDS.get(error.field, error.field)
                if key in self.form.messages:
                    self.form.set_message(key, shown_text(error))
                else:
                    self.show_banner(shown_text(error))
            self.fit()
        elif isinstance(exc, StaleEdit):
            self._stale(exc)
        elif isinstance(exc, SaveUnknown):  # a lost COMMIT that could not be checked
            self.show_banner(shown_text(exc))
        else:
            self.show_banner(
                self.tr("Could not save: %1 Everything you typed is still here.").replace(
                    "%1", shown_text(exc)
                )
            )

    def _stale(self, exc: StaleEdit) -> None:
        if exc.current is None:
            self.show_banner(
                self.tr(
                    "Someone else deleted this record while you were editing it. Nothing was "
                    "saved; your input is still here to copy."
                )
            )
            self.save_button.setEnabled(False)
            return
        names = ", ".join(field_name(f) for f in exc.changed) or self.tr("nothing visible")
        self.show_banner(
            self.tr(
                "Someone else saved this record while you were editing it (changed: %1). "
                "Nothing was overwritten and your input is still here. Their values are shown "
                "under the fields; press “Reload and re-apply” to save yours over them."
            ).replace("%1", names)
        )
        for key in exc.changed:
            form_key = self.STORE_FIELDS.get(key, key)
            if form_key in self.form.hints:
                value = getattr(exc.current, key)
                shown = customer_status_text(value) if key == "status" else value
                self.form.set_hint(
                    form_key,
                    self.tr("Now saved: %1").replace("%1", "" if shown is None else str(shown)),
                )
        self.stale_changed = exc.changed
        self.reload_button.show()

    def reload_and_reapply(self) -> None:
        """Take the newer saved version as the base; the typed input stays as it is."""
        fn, arg = self.reload_loaded()
        self._busy(True)
        self.ctx.runner.start(
            fn,
            self.ctx.database,
            arg,
            on_result=self._reloaded,
            on_error=self._failed,
            owner=self,
        )

    def _reloaded(self, current: Any) -> None:
        self._busy(False)
        if current is None:
            self._stale(StaleEdit("record", (), None, None))
            return
        self.loaded = current
        self.reload_button.hide()
        self.show_banner(
            self.tr(
                "Reloaded the version saved by someone else. Your input is still in the "
                "fields: check it, then Save."
            )
        )


class CustomerDialog(EditDialog):
    """A new company (``loaded`` None) or an edit of one."""

    def __init__(
        self, ctx: AppContext, loaded: CustomerView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.loaded = loaded
        self.setWindowTitle(self.tr("Edit company") if loaded else self.tr("New customer"))
        self.org = self.form.line("org_number", self.tr("Organisation number"))
        self.org.setPlaceholderText("NNNNNN-NNNN")
        self.name = self.form.line("name", self.tr("Company name"))
        self.status = QComboBox()
        self.status.setObjectName("status")
        for value in ("trial", "active", "terminated"):
            self.status.addItem(customer_status_text(value), value)
        self.form.add("status", self.tr("Status"), self.status)
        self.dpa = self.form.line("dpa_signed_on", self.tr("DPA signed on"))
        self.dpa.setPlaceholderText(self.tr("YYYY-MM-DD, empty if not signed"))
        if loaded is not None:
            self.org.setText(loaded.org_number)
            self.name.setText(loaded.name)
            self.status.setCurrentIndex(self.status.findData(loaded.status))
            self.dpa.setText(loaded.dpa_signed_on.isoformat() if loaded.dpa_signed_on else "")
        else:
            self.status.setCurrentIndex(self.status.findData("active"))
        if not ctx.is_lead:
            self._limit_to_agent(loaded)
        self.org.editingFinished.connect(
            lambda: self.form.set_message("org_number", forms.check_org_number(self.org.text()))
        )

    def _limit_to_agent(self, loaded: CustomerView | None) -> None:
        """What the database lets an agent change (migration 0009): no DPA date, no
        terminating or reactivating; a trial may become a customer. Said, not hidden."""
        self.dpa.setReadOnly(True)
        self.dpa.setPlaceholderText("")
        self.dpa.setToolTip(self.tr("Team leads and admins record the DPA."))
        allowed = {"trial", "active"} if loaded is None or loaded.status == "trial" else set()
        for index in reversed(range(self.status.count())):
            value = self.status.itemData(index)
            if value not in allowed and not (loaded is not None and value == loaded.status):
                self.status.removeItem(index)
        self.status.setEnabled(self.status.count() > 1)
        self.status.setToolTip(self.tr("Team leads and admins terminate or reactivate customers."))

    def validate(self) -> bool:
        f = self.form
        f.set_message("org_number", forms.check_org_number(self.org.text()))
        f.set_message("name", forms.check_required_name(self.name.text(), "company_name"))
        error, _ = forms.parse_date(self.dpa.text())
        f.set_message("dpa_signed_on", error)
        f.set_message("status", None)
        return not f.has_messages()

    def input(self) -> CustomerInput:
        _, signed = forms.parse_date(self.dpa.text())
        return CustomerInput(
            org_number=self.org.text(),
            name=self.name.text(),
            status=str(self.status.currentData()),
            dpa_signed_on=signed,
        )

    def start_save(self) -> None:
        if self.loaded is None:
            self.run(customers.create_customer, self.input())
        else:
            self.run(customers.update_customer, self.loaded, self.input())

    def reload_loaded(self) -> Any:
        return customers.get_customer, self.loaded.id


class ContactDialog(EditDialog):
    """A new contact of ``customer_id`` (``loaded`` None) or an edit of one."""

    def __init__(
        self,
        ctx: AppContext,
        customer_id: int,
        loaded: ContactView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.customer_id = customer_id
        self.loaded = loaded
        self.setWindowTitle(self.tr("Edit contact") if loaded else self.tr("New contact"))
        self.name = self.form.line("name", self.tr("Name"))
        self.email = self.form.line("email", self.tr("E-mail"))
        self.phone = self.form.line("phone", self.tr("Phone"))
        self.phone.setPlaceholderText("070-123 45 67")
        self.title_edit = self.form.line("title", self.tr("Role"))
        self.title_edit.setPlaceholderText(self.tr("e.g. CEO, IT manager"))
        if loaded is not None:
            self.name.setText(loaded.name)
            self.email.setText(loaded.email)
            self.phone.setText(phone(loaded.phone))  # as people write it; saved as E.164
            self.title_edit.setText(loaded.title or "")
        self.email.editingFinished.connect(self._check_email)
        self.phone.editingFinished.connect(self._check_phone)

    def _check_email(self) -> None:
        self.form.set_message("email", forms.check_email(self.email.text()))

    def _check_phone(self) -> None:
        error, e164 = forms.check_phone(self.phone.text())
        self.form.set_message("phone", error)
        hint = self.tr("Saved as %1").replace("%1", e164) if e164 else None
        self.form.set_hint("phone", hint)

    def validate(self) -> bool:
        self.form.set_message("name", forms.check_required_name(self.name.text(), "contact_name"))
        self._check_email()
        self._check_phone()
        self.form.set_message("title", None)
        return not self.form.has_messages()

    def input(self) -> ContactInput:
        return ContactInput(
            name=self.name.text(),
            email=self.email.text(),
            phone=self.phone.text() or None,
            title=self.title_edit.text() or None,
        )

    def start_save(self) -> None:
        if self.loaded is None:
            self.run(customers.add_contact, self.customer_id, self.input())
        else:
            self.run(customers.update_contact, self.loaded, self.input())

    def reload_loaded(self) -> Any:
        return customers.get_contact, self.loaded.id


class TrialDialog(EditDialog):
    """A trial registration: the prospect company and the one person who registered."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Register a trial account"))
        self.org = self.form.line("org_number", self.tr("Organisation number"))
        self.org.setPlaceholderText("NNNNNN-NNNN")
        self.company = self.form.line("company_name", self.tr("Company name"))
        self.contact = self.form.line("contact_name", self.tr("Contact name"))
        self.email = self.form.line("email", self.tr("E-mail"))
        self.phone = self.form.line("phone", self.tr("Phone"))
        self.org.editingFinished.connect(
            lambda: self.form.set_message("org_number", forms.check_org_number(self.org.text()))
        )

    def validate(self) -> bool:
        f = self.form
        f.set_message("org_number", forms.check_org_number(self.org.text()))
        f.set_message(
            "company_name", forms.check_required_name(self.company.text(), "company_name")
        )
        f.set_message(
            "contact_name", forms.check_required_name(self.contact.text(), "contact_name")
        )
        f.set_message("email", forms.check_email(self.email.text()))
        f.set_message("phone", forms.check_phone(self.phone.text())[0])
        return not f.has_messages()

    def input(self) -> TrialInput:
        contact = ContactInput(self.contact.text(), self.email.text(), self.phone.text() or None)
        return TrialInput(self.org.text(), self.company.text(), contact)

    def start_save(self) -> None:
        self.run(customers.register_trial, self.input())

    def reload_loaded(self) -> Any:  # a new record is never stale
        raise NotImplementedError
