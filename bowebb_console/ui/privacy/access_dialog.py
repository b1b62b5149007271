"""An access request (GDPR Art. 15, with Art. 20 portability), from receipt to its answer.

A new request: the date it arrived and how; "Save as received" records it (it is then listed
with its one-month deadline, and can be extended like an erasure request). The person's
e-mail, phone or name are typed when answering and are only searched for, never stored with
the request. "Find" shows the contacts found, to check it is the right person; "Export and
mark answered" writes the PDF and JSON export into the chosen folder off the GUI thread,
closes the request as answered and logs the files' SHA-256 (never their content).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain import erasure as rules
from bowebb_console.services import privacy
from bowebb_console.services.privacy import (
    AccessDone,
    ContactPlace,
    NewRequest,
    PersonQuery,
    RequestView,
)
from bowebb_console.ui.erasure.common import from_date, to_date
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.formats import phone as phone_text
from bowebb_console.ui.kit.guard import InputGuard, enter_runs, primary_button
from bowebb_console.ui.kit.widgets import error_label
from bowebb_console.ui.privacy.errors import shown


class AccessDialog(QDialog):
    saved = Signal(str)  # the reference of a request saved as received
    answered = Signal(object)  # AccessDone

    def __init__(
        self,
        ctx: AppContext,
        request: RequestView | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request = request
        self.today = today
        self.folder: Path | None = None
        self.busy = False
        self.exported: AccessDone | None = None
        self.setWindowTitle(
            self.tr("New access request")
            if request is None
            else self.tr("Access request %1").replace("%1", request.reference)
        )

        receipt = QGroupBox(self.tr("The request"))
        form = QFormLayout(receipt)
        self.received = QDateEdit(from_date(today))
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.received.setMaximumDate(from_date(today))
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
        form.addRow(self.tr("Received on"), self.received)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Answer due"), self.due)
        if request is not None:
            self.received.setDate(from_date(request.received_on))
            self.channel.setCurrentIndex(self.channel.findData(request.channel))
            self.received.setEnabled(False)
            self.channel.setEnabled(False)
        self.received.dateChanged.connect(self._update_due)

        who = QGroupBox(self.tr("The person"))
        people = QFormLayout(who)
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.name = QLineEdit()
        people.addRow(self.tr("E-mail"), self.email)
        people.addRow(self.tr("Phone"), self.phone)
        people.addRow(self.tr("Name"), self.name)
        note = QLabel(
            self.tr(
                "Searched for at every customer, in the session log, consents, transfers, "
                "notice exports and SFTP profiles; never stored with the request. Check the "
                "person's identity before answering."
            )
        )
        note.setWordWrap(True)
        people.addRow(note)
        self.find_button = QPushButton(self.tr("Find"))
        self.found = QListWidget()
        self.found.setAccessibleName(self.tr("Contacts found"))
        self.found.setMaximumHeight(110)
        self.found_label = QLabel()
        people.addRow(self.find_button, self.found_label)
        people.addRow(self.found)

        out = QGroupBox(self.tr("The answer"))
        out_row = QHBoxLayout(out)
        self.folder_label = QLabel(self.tr("No folder chosen"))
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_label.setWordWrap(True)
        self.folder_button = QPushButton(self.tr("Choose folder…"))
        out_row.addWidget(self.folder_label, 1)
        out_row.addWidget(self.folder_button)

        self.error_label = error_label()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save as received"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.setVisible(request is None)
        self.answer_button = self.buttons.addButton(
            self.tr("Export and mark answered"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(receipt)
        layout.addWidget(who)
        layout.addWidget(out)
        layout.addWidget(self.error_label)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.find_button.clicked.connect(self.find)
        self.folder_button.clicked.connect(self.choose_folder)
        self.save_button.clicked.connect(self.save_received)
        self.answer_button.clicked.connect(self.answer)
        self._update_due()
        # Enter in a person's field finds them; elsewhere it saves a new request or answers
        # an open one, never Close; Esc asks before losing what was typed (issue 18).
        for edit in (self.email, self.phone, self.name):
            enter_runs(edit, self.find)
        primary_button(self, self.save_button if request is None else self.answer_button)
        self.guard = InputGuard(self, ctx.prompts)

    def reject(self) -> None:
        if not self.busy:
            self.guard.reject(lambda: QDialog.reject(self))

    # -- input ---------------------------------------------------------------------------

    def _update_due(self) -> None:
        if self.request is not None:
            due = self.request.effective_due
            text = due.isoformat()
            if self.request.is_overdue(self.today):
                text = self.tr("%1 (overdue)").replace("%1", text)
                self.due.setStyleSheet("color: #b00020;")
        else:
            text = rules.answer_due(to_date(self.received.date())).isoformat()
        self.due.setText(text)

    def query(self) -> PersonQuery:
        return PersonQuery(
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            name=self.name.text().strip(),
        )

    def new_request(self) -> NewRequest:
        return NewRequest(to_date(self.received.date()), str(self.channel.currentData()))

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.error_label.setText(shown(exc))
        self.error_label.show()

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.find_button, self.save_button, self.answer_button):
            button.setEnabled(not busy and self.exported is None)
        self.folder_button.setEnabled(not busy and self.exported is None)

    def _clear(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
        self.message.clear()

    # -- find ----------------------------------------------------------------------------

    def find(self) -> None:
        self._clear()
        self._busy(True)
        self.ctx.runner.start(
            privacy.find_contacts,
            self.ctx.database,
            self.query(),
            tag="privacy.find",
            owner=self,
            on_result=self._found,
            on_error=self._failed,
        )

    def _found(self, contacts: list[ContactPlace]) -> None:
        self._busy(False)
        self.found.clear()
        for c in contacts:
            parts = [c.name, c.email, phone_text(c.phone)]
            self.found.addItem(
                self.tr("%1 at %2")
                .replace("%1", " · ".join(p for p in parts if p))
                .replace("%2", c.customer_name)
            )
        self.found_label.setText(self.tr("%Ln contact(s) found", "", len(contacts)))

    # -- save / answer -------------------------------------------------------------------

    def save_received(self) -> None:
        if self.request is not None:
            return
        self._clear()
        self._busy(True)
        self.ctx.runner.start(
            privacy.save_access_request,
            self.ctx.database,
            self.new_request(),
            self.today,
            owner=self,
            on_result=self._saved,
            on_error=self._failed,
        )

    def _saved(self, reference: str) -> None:
        self._busy(False)
        self.guard.mark()
        self.saved.emit(reference)
        self.accept()

    def choose_folder(self) -> None:
        self.ctx.prompts.ask_path(
            self.tr("Folder for the export"),
            self.set_folder,
            save=False,
            folder=True,
            suggested=str(Path.home()),
        )

    def set_folder(self, path: Path) -> None:
        self.folder = path
        self.folder_label.setText(str(path))

    def answer(self) -> None:
        self._clear()
        if self.folder is None:
            self.error_label.setText(self.tr("Choose the folder for the export first."))
            self.error_label.show()
            return
        request: int | NewRequest = (
            self.request.id if self.request is not None else self.new_request()
        )
        self._busy(True)
        self.message.setText(self.tr("Exporting…"))
        self.ctx.runner.start(
            privacy.answer_access_request,
            self.ctx.database,
            self.ctx.identity,
            self.query(),
            request,
            self.folder,
            today=self.today,
            journal_dir=self.ctx.paths.journal_dir,
            owner=self,
            on_result=self._answered,
            on_error=self._answer_failed,
        )

    def _answer_failed(self, exc: BaseException) -> None:
        self.message.clear()
        self._failed(exc)

    def _answered(self, done: AccessDone) -> None:
        self.exported = done
        self._busy(False)
        self.close_button.setText(self.tr("Done"))
        self.guard.mark()  # nothing left to lose: Enter and Esc close
        primary_button(self, self.close_button)
        self.message.setText(
            self.tr(
                "Answered: %1 and %2 are in %3. The request is closed; the export's SHA-256 "
                "(%4) is in the session log."
            )
            .replace("%1", done.pdf_path.name)
            .replace("%2", done.json_path.name)
            .replace("%3", str(done.pdf_path.parent))
            .replace("%4", done.json_sha256[:16] + "…")
        )
        self.answered.emit(done)
