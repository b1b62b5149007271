"""Sign-in to the shared PostgreSQL database: user name, password, "Remember password".

The dialog never blocks: opening the database (and saving the password in the keyring) runs
on the task runner, and every failure is shown inline, translated by its code
(``connect.<kind>``), with what the user typed kept. ``open_fn`` is injectable so tests can
pass a function raising any kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain.errors import ShownError
from bowebb_console.ui.kit.tasks import TaskRunner
from bowebb_console.ui.shell_errors import connect_error_text

if TYPE_CHECKING:
    from bowebb_console.credentials import CredentialStore
    from bowebb_console.services.database import Database, Identity

OpenFn = Callable[..., "tuple[Database, Identity]"]


@dataclass(frozen=True)
class SignedIn:
    database: Database
    identity: Identity
    user: str
    saved_in: str  # "keyring" | "memory" | "error" | "" (not asked to remember)
    detail: str  # backend name (keyring) or the credential error's message


def sign_in(
    open_fn: OpenFn,
    url: str,
    user: str,
    password: str,
    remember: bool,
    credentials: CredentialStore | None,
) -> SignedIn:
    """Runs on a worker: open the database, then remember (or forget) the password."""
    database, identity = open_fn(url, user=user, password=password)
    saved_in, detail = "", ""
    if credentials is not None:
        from bowebb_console.credentials import CredentialError
        from bowebb_console.services.admin import password_account

        account = password_account(url, user)
        try:
            if remember:
                result = credentials.store(account, password)
                saved_in, detail = result.location, result.backend_name
            else:
                credentials.delete(account)
        except CredentialError as exc:
            saved_in, detail = "error", str(exc)
    return SignedIn(database, identity, user, saved_in, detail)


def default_open_fn(*args: Any, **kwargs: Any) -> tuple[Database, Identity]:
    from bowebb_console.services.database import open_database

    return open_database(*args, **kwargs)


class SignInDialog(QDialog):
    def __init__(
        self,
        url: str,
        display: str,
        *,
        runner: TaskRunner,
        open_fn: OpenFn = default_open_fn,
        credentials: CredentialStore | None = None,
        user: str = "",
        remember: bool = False,
        message: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in — BoWebb Console"))
        self.setMinimumWidth(440)
        self.url = url
        self.runner = runner
        self.open_fn = open_fn
        self.credentials = credentials
        self.signed_in: SignedIn | None = None
        self.busy = False

        intro = QLabel(self.tr("Sign in with your own database login."))
        intro.setWordWrap(True)
        self.database_label = QLabel(display)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user_edit = QLineEdit(user)
        self.user_edit.setObjectName("user")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(self.tr("Remember password"))
        self.remember_check.setChecked(remember)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setObjectName("hintText")
        if credentials is not None and credentials.secure:
            self.remember_check.setToolTip(
                self.tr("The password is kept in %1.").replace("%1", credentials.backend_name)
            )
        else:
            self.keyring_note.setText(
                self.tr(
                    "No secure system keyring is available: a remembered password is kept only "
                    "until you quit."
                )
            )
        self.keyring_note.setVisible(bool(self.keyring_note.text()))
        self.message_label = QLabel()
        self.message_label.setObjectName("errorText")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Database:"), self.database_label)
        form.addRow(self.tr("User name:"), self.user_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow("", self.remember_check)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.show_message(message)
        (self.password_edit if user else self.user_edit).setFocus()

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def submit(self) -> None:
        if self.busy:
            return
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not user or not password:
            self.show_message(self.tr("Enter your user name and password."))
            return
        self._set_busy(True)
        self.show_message(self.tr("Connecting…"))
        self.runner.start(
            sign_in,
            self.open_fn,
            self.url,
            user,
            password,
            self.remember_check.isChecked(),
            self.credentials,
            tag="sign_in",
            on_result=self._succeeded,
            on_error=self._failed,
            on_finished=lambda: self._set_busy(False),
        )

    def _succeeded(self, result: SignedIn) -> None:
        self.signed_in = result
        self.password_edit.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.show_message(connect_error_text(exc))
        if not isinstance(exc, ShownError):  # a bug, not a sign-in problem: the crash dialog
            raise exc
        about_user = exc.code in ("connect.no_role", "connect.login_disabled")
        target = self.user_edit if about_user else self.password_edit
        target.setFocus()
        target.selectAll()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.user_edit, self.password_edit, self.remember_check):
            widget.setEnabled(not busy)
        self.sign_in_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def reject(self) -> None:
        if not self.busy:  # a running attempt finishes first; it is short (connect timeout)
            super().reject()
