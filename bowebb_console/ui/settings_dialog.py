"""Settings: database URL, language, idle lock, and the review's limits for automatic flags.

The grace period, trial period and session-log retention are the database's, one for every
workstation: admins change them in the lifecycle dialog (ui/lifecycle.py).

Saved with ``config.save_settings``; a refused value is shown inline and the dialog stays open
with everything typed. A new database URL or language takes effect at the next start (the
dialog says so); the idle lock applies at once.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.config import Paths, Settings, save_settings
from bowebb_console.domain.errors import ShownError
from bowebb_console.ui.kit.errors import error_text
from bowebb_console.ui.kit.widgets import spin_box
from bowebb_console.ui.review.settings import ReviewLimitFields
from bowebb_console.ui.shell_errors import TEXTS


def _has_password(url: str) -> bool:
    try:
        return bool(urlsplit(url).password)
    except ValueError:
        return False


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    box = spin_box(low, high, value, suffix)
    box.setAccelerated(True)
    return box


class SettingsDialog(QDialog):
    saved = Signal(object)  # the new Settings

    def __init__(self, paths: Paths, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(620)
        self.paths = paths
        self.original = settings
        self.restart_needed = False

        self.url_edit = QLineEdit(settings.database_url)
        self.url_edit.setPlaceholderText(self.tr("Empty: the embedded database on this computer"))
        self.url_edit.setToolTip(
            self.tr(
                "For the team's shared database, e.g. postgresql://anna@db.example.se/bowebb. "
                "Never put the password in the URL: it is kept in the system keyring."
            )
        )
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("System language"), "")
        self.language_combo.addItem("Svenska", "sv")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.idle_spin = _spin(1, 480, settings.idle_lock_minutes, self.tr(" min"))
        self.review_limits = ReviewLimitFields(settings)  # its strings are the review part's

        self.message_label = QLabel()
        self.message_label.setObjectName("errorText")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.hide()
        self.restart_label = QLabel(
            self.tr("A new database or language takes effect when you restart the console.")
        )
        self.restart_label.setObjectName("hintText")
        self.restart_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Database URL:"), self.url_edit)
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow(self.tr("Lock after inactivity:"), self.idle_spin)
        for label, widget in self.review_limits.rows():
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.restart_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    def edited(self) -> Settings:
        return dataclasses.replace(
            self.original,
            database_url=self.url_edit.text().strip(),
            language=str(self.language_combo.currentData() or ""),
            idle_lock_minutes=self.idle_spin.value(),
            **self.review_limits.values(),
            extra=dict(self.original.extra),
        )

    def save(self) -> None:
        new = self.edited()
        try:
            save_settings(self.paths, new)
        except ValueError as exc:  # SettingsError, DatabaseUrlError: the message is for people
            self._refused(new, exc)
            return
        except OSError as exc:
            self.message_label.setText(
                self.tr("The settings file could not be written: %1").replace(
                    "%1", exc.strerror or str(exc)
                )
            )
            self.message_label.show()
            return
        self.restart_needed = (
            new.database_url != self.original.database_url or new.language != self.original.language
        )
        self.saved.emit(new)
        self.accept()

    def _refused(self, new: Settings, exc: ValueError) -> None:
        # Point at the field: the URL is the only one the spin boxes cannot keep in range.
        url_only = dataclasses.replace(Settings(), database_url=new.database_url)
        try:
            url_only.validate()
        except ValueError:
            lead, field = self.tr("The database URL was not saved:"), self.url_edit
        else:
            lead, field = self.tr("The settings were not saved:"), None
        # A refused URL is translated by its code; the settings' own rules speak English.
        detail = error_text(exc, TEXTS) if isinstance(exc, ShownError) else str(exc)
        if field is not None and _has_password(new.database_url):
            detail = self.tr(
                "Remove the password from the URL; the console asks for it when you sign in "
                "and can keep it in the system keyring."
            )
        self.message_label.setText(f"{lead} {detail}")
        self.message_label.show()
        if field is not None:
            field.setFocus()
