"""The customer lifecycle for the whole database: grace period, trial period, log retention.

One setting for every workstation (``services.admin.lifecycle``): everyone may look, only an
admin may change it (the service checks, and on PostgreSQL the grants refuse everyone else).
Read and saved off the GUI thread; a refused value is said in the dialog, which keeps what was
typed. Customers already dated keep their date; the new values count from the next change.
The erasure journal's folder is the database's too (``services.erasure.set_journal_place``):
shown here, and changed by an admin (checked writable before it is saved).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services import admin, erasure
from bowebb_console.services.admin import (
    GRACE_MAX,
    GRACE_MIN,
    RETENTION_MAX,
    RETENTION_MIN,
    TRIAL_MAX,
    TRIAL_MIN,
    Lifecycle,
)
from bowebb_console.services.database import Database
from bowebb_console.ui.erasure.errors import TEXTS as ERASURE_TEXTS
from bowebb_console.ui.kit.errors import error_text
from bowebb_console.ui.kit.guard import InputGuard, primary_button
from bowebb_console.ui.kit.widgets import spin_box

if TYPE_CHECKING:
    from bowebb_console.ui.kit.context import AppContext

TEXTS: dict[str, str] = {
    "lifecycle.admin_only": QT_TRANSLATE_NOOP(
        "Errors", "Only an admin may change the lifecycle settings."
    ),
    "lifecycle.grace": QT_TRANSLATE_NOOP(
        "Errors", "The grace period must be between %(min)s and %(max)s days."
    ),
    "lifecycle.trial": QT_TRANSLATE_NOOP(
        "Errors", "The trial period must be between %(min)s and %(max)s days."
    ),
    "lifecycle.retention": QT_TRANSLATE_NOOP(
        "Errors", "The session-log retention must be between %(min)s and %(max)s days."
    ),
}


def _load(db: Database, default_dir: Path) -> tuple[Lifecycle, erasure.JournalPlace]:
    return admin.lifecycle(db), erasure.journal_place(db, default_dir)


class LifecycleDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Lifecycle"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "These periods hold for the whole database, on every workstation. A terminated "
                "customer is hard deleted when its grace period has passed; a trial account "
                "that is not made a customer within the trial period is hard deleted a grace "
                "period after that. Customers already dated keep their date."
            )
        )
        intro.setWordWrap(True)
        days = self.tr(" days")
        self.grace_spin = spin_box(GRACE_MIN, GRACE_MAX, 90, days)
        self.trial_spin = spin_box(TRIAL_MIN, TRIAL_MAX, 30, days)
        self.retention_spin = spin_box(RETENTION_MIN, RETENTION_MAX, 1095, days)
        self.journal_edit = QLineEdit()
        self.journal_edit.setEnabled(False)
        self.journal_edit.setPlaceholderText(self.tr("Not set: erasures are refused"))
        self.journal_edit.setToolTip(
            self.tr(
                "A folder every admin's computer reaches by the same path, backed up apart "
                "from the database. Erasures are written to the journal there, and a replay "
                "after a restore reads it there."
            )
        )
        self.journal_shown = ""
        self.message_label = QLabel(self.tr("Reading the settings from the database…"))
        self.message_label.setObjectName("errorText")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("Grace period after termination:"), self.grace_spin)
        form.addRow(self.tr("Trial period:"), self.trial_spin)
        form.addRow(self.tr("Session-log retention:"), self.retention_spin)
        form.addRow(self.tr("Erasure journal folder:"), self.journal_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # until the database's values are shown
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.is_admin = ctx.identity.role == "admin"
        for spin in self.spins():
            spin.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        # Enter saves, never Cancel; Esc asks before losing a changed period (issue 18).
        primary_button(self, self.save_button)
        self.guard = InputGuard(self, ctx.prompts)
        self.saved: Lifecycle | None = None
        ctx.runner.start(
            _load,
            ctx.database,
            ctx.paths.journal_dir,
            tag="lifecycle.load",
            on_result=self._loaded,
            on_error=self._failed,
            owner=self,
        )

    def spins(self) -> tuple[QWidget, ...]:
        return (self.grace_spin, self.trial_spin, self.retention_spin, self.journal_edit)

    def _loaded(self, loaded: tuple[Lifecycle, erasure.JournalPlace]) -> None:
        value, place = loaded
        self.journal_shown = str(place.file.parent) if place.file is not None else ""
        self.journal_edit.setText(self.journal_shown)
        self.grace_spin.setValue(value.grace_period_days)
        self.trial_spin.setValue(value.trial_period_days)
        self.retention_spin.setValue(value.log_retention_days)
        for spin in self.spins():
            spin.setEnabled(self.is_admin)
        self.save_button.setEnabled(self.is_admin)
        self.message_label.setText(
            "" if self.is_admin else self.tr("Only an admin may change these settings.")
        )
        self.guard.mark()

    def reject(self) -> None:
        self.guard.reject(lambda: QDialog.reject(self))

    def _failed(self, exc: BaseException) -> None:
        self.message_label.setText(error_text(exc, TEXTS | ERASURE_TEXTS))
        self.save_button.setEnabled(self.is_admin and self.grace_spin.isEnabled())

    def value(self) -> Lifecycle:
        return Lifecycle(
            self.grace_spin.value(), self.trial_spin.value(), self.retention_spin.value()
        )

    def save(self) -> None:
        self.save_button.setEnabled(False)
        self.message_label.setText(self.tr("Saving…"))
        self.ctx.runner.start(
            admin.set_lifecycle,
            self.ctx.database,
            self.ctx.identity,
            self.value(),
            tag="lifecycle.save",
            on_result=self._saved,
            on_error=self._failed,
            owner=self,
        )

    def _saved(self, value: Lifecycle) -> None:
        self.saved = value
        folder = self.journal_edit.text().strip()
        if not folder or folder == self.journal_shown:
            self.accept()
            return
        self.ctx.runner.start(
            erasure.set_journal_place,
            self.ctx.database,
            self.ctx.identity,
            folder,
            tag="lifecycle.journal",
            on_result=lambda _place: self.accept(),
            on_error=self._failed,
            owner=self,
        )
