"""Dialogs of the Transfers screen: profile, password, host key confirmation and warning,
keys waiting for a lead's approval. All non-blocking (``open()``), results by signal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services.transfers import PinnedKeyRow, ProfileRow
from bowebb_console.ui.kit.prompts import Prompts


def _mono(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ProfileDialog(QDialog):
    """Create or edit a connection profile; ``submitted`` is emitted with the form values.

    The key file is chosen through ``prompts.ask_path``. The view saves the values on a
    worker and calls ``show_error`` (the dialog stays open, nothing typed is lost) or
    ``accept``."""

    submitted = Signal(dict)

    def __init__(
        self, row: ProfileRow | None, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connection profile"))
        self.row = row
        self.prompts = prompts
        self.name = QLineEdit(row.name if row else "")
        self.host = QLineEdit(row.host if row else "")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(row.port if row else 22)
        self.user = QLineEdit(row.username if row else "")
        self.auth = QComboBox()
        self.auth.addItem(self.tr("Password"), "password")
        self.auth.addItem(self.tr("Private key file"), "key")
        self.auth.setCurrentIndex(1 if row and row.auth_kind == "key" else 0)
        self.key_path = QLineEdit(row.key_path or "" if row else "")
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self._choose_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_path, 1)
        key_row.addWidget(self.browse)
        self.remote_dir = QLineEdit(row.remote_dir if row else "")
        self.remote_dir.setPlaceholderText(self.tr("Empty: the account's home folder"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Host"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Sign in with"), self.auth)
        form.addRow(self.tr("Private key file"), key_row)
        form.addRow(self.tr("Remote start folder"), self.remote_dir)
        note = QLabel(
            self.tr(
                "Passwords and key passphrases are asked for when connecting and kept only "
                "in the system keyring if you choose to remember them."
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.auth.currentIndexChanged.connect(self._auth_changed)
        self._auth_changed()

    def _auth_changed(self) -> None:
        is_key = self.auth.currentData() == "key"
        self.key_path.setEnabled(is_key)
        self.browse.setEnabled(is_key)

    def _choose_key(self) -> None:
        start = str(Path(self.key_path.text()).parent) if self.key_path.text() else ""
        self.prompts.ask_path(
            self.tr("Private key file"),
            lambda path: self.key_path.setText(str(path)),
            save=False,
            suggested=start,
        )

    def fields(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "host": self.host.text().strip(),
            "port": self.port.value(),
            "username": self.user.text().strip(),
            "auth_kind": self.auth.currentData(),
            "key_path": self.key_path.text().strip() or None,
            "remote_dir": self.remote_dir.text().strip(),
        }

    def _submit(self) -> None:
        values = self.fields()
        if not values["name"] or not values["username"]:
            self.show_error(self.tr("Give the profile a name and a user name."))
            return
        self.error.clear()
        self.submitted.emit(values)

    def show_error(self, text: str) -> None:
        self.error.setText(text)


class SecretDialog(QDialog):
    """Asks for a password or key passphrase; offers to remember it in the keyring."""

    def __init__(self, what: str, can_remember: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to the server"))
        self.label = QLabel(what)
        self.label.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember in the system keyring"))
        self.remember.setEnabled(can_remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.label, self.secret, self.remember, buttons):
            layout.addWidget(w)


class FingerprintDialog(QDialog):
    """First contact: the key type and SHA256 fingerprint, to compare with the customer."""

    def __init__(
        self,
        host: str,
        port: int,
        key_type: str,
        fp: str,
        pending: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Confirm the server's fingerprint"))
        intro = QLabel(
            self.tr(
                "This is the first connection to %1. Ask the customer to read out the "
                "fingerprint of the server's host key (for example from ssh-keygen -lf) and "
                "compare it with the one below, character by character."
            ).replace("%1", f"{host}:{port}")
        )
        intro.setWordWrap(True)
        self.key_type = _mono(key_type)
        self.fingerprint = _mono(fp)
        after = QLabel(
            self.tr("When you confirm, the key is pinned for the whole team and the pin is logged.")
            if not pending
            else self.tr(
                "When you confirm, the key is pinned and logged, and waits for a team lead's "
                "approval before files can be transferred."
            )
        )
        after.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Key type"), self.key_type)
        form.addRow(self.tr("Fingerprint"), self.fingerprint)
        buttons = QDialogButtonBox()
        self.confirm_button = buttons.addButton(
            self.tr("The fingerprints match: confirm"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("They differ: cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(after)
        layout.addWidget(buttons)


class KeyChangedDialog(QDialog):
    """A pinned key changed: say what changed; only leads and admins may replace it."""

    def __init__(
        self,
        host: str,
        port: int,
        old_fp: str,
        new_type: str,
        new_fp: str,
        can_replace: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Warning: the server's host key has changed"))
        text = QLabel(
            self.tr(
                "The host key of %1 is not the one pinned for the team. This can mean that "
                "someone is intercepting the connection, or that the server was reinstalled. "
                "Nothing was sent and nothing was transferred."
            ).replace("%1", f"{host}:{port}")
        )
        text.setWordWrap(True)
        form = QFormLayout()
        self.old = _mono(old_fp)
        self.new = _mono(f"{new_type} {new_fp}")
        form.addRow(self.tr("Pinned fingerprint"), self.old)
        form.addRow(self.tr("Fingerprint now presented"), self.new)
        advice = QLabel(
            self.tr("Only a team lead or admin can replace the pinned key, after checking it.")
            if not can_replace
            else self.tr(
                "Replace the pinned key only after the customer has confirmed the new "
                "fingerprint. The replacement is logged."
            )
        )
        advice.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.replace_button: QPushButton | None = None
        if can_replace:
            self.replace_button = buttons.addButton(
                self.tr("Replace pinned key"), QDialogButtonBox.ButtonRole.AcceptRole
            )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(advice)
        layout.addWidget(buttons)


class PendingKeysDialog(QDialog):
    """For leads: pins waiting for approval; for admins also the team setting."""

    approve_requested = Signal(int)
    setting_changed = Signal(bool)

    def __init__(
        self,
        rows: list[PinnedKeyRow],
        required: bool,
        is_admin: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Host keys waiting for approval"))
        self.list = QListWidget()
        self.set_rows(rows)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.clicked.connect(self._approve)
        self.require = QCheckBox(self.tr("New host keys need a team lead's approval"))
        self.require.setChecked(required)
        self.require.setEnabled(is_admin)
        self.require.toggled.connect(self.setting_changed)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.approve_button)
        layout.addWidget(self.require)
        layout.addWidget(close)

    def set_rows(self, rows: list[PinnedKeyRow]) -> None:
        self.list.clear()
        for r in rows:
            item = QListWidgetItem(
                f"{r.host}:{r.port}  {r.key_type}  {r.fingerprint}  ({r.pinned_by})"
            )
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)

    def _approve(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.approve_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
