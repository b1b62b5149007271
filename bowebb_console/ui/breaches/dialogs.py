"""Record or edit one breach (team leads and admins): when it was discovered, what happened,
who and what it concerns, the measures, the decision on notifying IMY and the notification of
the affected customers. Saving runs on the task runner; a refusal or a bad field is said
inside the dialog and everything typed stays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain.errors import ValidationError
from bowebb_console.services import breaches as service
from bowebb_console.services.breaches import BreachInput, BreachRecord
from bowebb_console.ui.breaches.errors import shown
from bowebb_console.ui.breaches.models import local
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.events import reminder
from bowebb_console.ui.kit.guard import InputGuard, primary_button
from bowebb_console.ui.kit.widgets import error_label


def parse_time(text: str, field: str) -> dt.datetime | None:
    """Local ``YYYY-MM-DD HH:MM`` → an aware time; empty → None."""
    value = text.strip()
    if not value:
        return None
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d %H:%M").astimezone()
    except ValueError:
        raise ValidationError(
            field, "Write the time as YYYY-MM-DD HH:MM.", "breaches.bad_time"
        ) from None


def parse_date(text: str, field: str) -> dt.date | None:
    value = text.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, "Write the date as YYYY-MM-DD.", "breaches.bad_date") from None


def parse_count(text: str, field: str) -> int | None:
    value = text.strip().replace(" ", "")
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise ValidationError(field, "Write a whole number.", "breaches.bad_number") from None


def _text_box(height: int = 56) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)
    return box


class BreachDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        record: BreachRecord | None = None,
        on_saved: Callable[[int], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record = record
        self.on_saved = on_saved
        self.saving = False
        self.setWindowTitle(self.tr("Edit breach") if record else self.tr("Record a breach"))
        self.discovered_at = QLineEdit()
        self.discovered_at.setPlaceholderText(self.tr("YYYY-MM-DD HH:MM (local time)"))
        self.description = _text_box(80)
        self.categories = _text_box()
        self.people_approx = QLineEdit()
        self.customers_affected = _text_box()
        self.measures = _text_box()
        self.imy_decision = QComboBox()
        self.imy_decision.addItem(self.tr("Not decided yet"), "undecided")
        self.imy_decision.addItem(self.tr("IMY notified"), "notify")
        self.imy_decision.addItem(self.tr("IMY not notified (say why)"), "not_notify")
        self.imy_reference = QLineEdit()
        self.imy_notified_on = QLineEdit()
        self.imy_reason = _text_box()
        self.notified_customers = _text_box()
        self.notified_on = QLineEdit()
        self.notified_count = QLineEdit()
        self.notified_how = QLineEdit()
        for edit in (self.imy_notified_on, self.notified_on):
            edit.setPlaceholderText("YYYY-MM-DD")
        self.error_label = error_label()

        what = QFormLayout()
        what.addRow(self.tr("Discovered at"), self.discovered_at)
        what.addRow(self.tr("What happened"), self.description)
        what.addRow(self.tr("Categories of people and data"), self.categories)
        what.addRow(self.tr("Approx. number of people"), self.people_approx)
        what.addRow(self.tr("Customers affected"), self.customers_affected)
        what.addRow(self.tr("Measures taken"), self.measures)
        imy = QFormLayout()
        imy.addRow(self.tr("Decision"), self.imy_decision)
        imy.addRow(self.tr("IMY's reference"), self.imy_reference)
        imy.addRow(self.tr("Notified on"), self.imy_notified_on)
        imy.addRow(self.tr("Why not"), self.imy_reason)
        imy_box = QGroupBox(self.tr("Notification of IMY (within 72 hours of discovery)"))
        imy_box.setLayout(imy)
        told = QFormLayout()
        told.addRow(self.tr("Who was notified"), self.notified_customers)
        told.addRow(self.tr("When"), self.notified_on)
        told.addRow(self.tr("How many"), self.notified_count)
        told.addRow(self.tr("How"), self.notified_how)
        told_box = QGroupBox(self.tr("Notification of the affected customers"))
        told_box.setLayout(told)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(reminder())
        note.setWordWrap(True)
        # Two columns: the breach on the left, the notifications on the right (one column
        # is taller than a 1366x768 laptop's screen in Swedish).
        right = QVBoxLayout()
        right.addWidget(imy_box)
        right.addWidget(told_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(what, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        if record is not None:
            self._fill(record)
        else:
            self.discovered_at.setText(dt.datetime.now().strftime("%Y-%m-%d %H:%M"))
        # Enter saves, never Cancel; Esc asks before losing what was typed (issue 18).
        primary_button(self, self.save_button)
        self.guard = InputGuard(self, ctx.prompts)

    def reject(self) -> None:
        if not self.saving:
            self.guard.reject(lambda: QDialog.reject(self))

    def _fill(self, r: BreachRecord) -> None:
        self.discovered_at.setText(local(r.discovered_at))
        self.description.setPlainText(r.description)
        self.categories.setPlainText(r.categories)
        self.people_approx.setText("" if r.people_approx is None else str(r.people_approx))
        self.customers_affected.setPlainText(r.customers_affected)
        self.measures.setPlainText(r.measures)
        self.imy_decision.setCurrentIndex(max(0, self.imy_decision.findData(r.imy_decision)))
        self.imy_reference.setText(r.imy_reference or "")
        self.imy_notified_on.setText(r.imy_notified_on.isoformat() if r.imy_notified_on else "")
        self.imy_reason.setPlainText(r.imy_reason)
        self.notified_customers.setPlainText(r.notified_customers)
        self.notified_on.setText(r.notified_on.isoformat() if r.notified_on else "")
        self.notified_count.setText("" if r.notified_count is None else str(r.notified_count))
        self.notified_how.setText(r.notified_how)

    def _field_names(self) -> dict[str, str]:
        return {
            "discovered_at": self.tr("Discovered at"),
            "description": self.tr("What happened"),
            "categories": self.tr("Categories of people and data"),
            "people_approx": self.tr("Approx. number of people"),
            "customers_affected": self.tr("Customers affected"),
            "measures": self.tr("Measures taken"),
            "imy_decision": self.tr("Decision"),
            "imy_reference": self.tr("IMY's reference"),
            "imy_notified_on": self.tr("Notified on"),
            "imy_reason": self.tr("Why not"),
            "notified_customers": self.tr("Who was notified"),
            "notified_on": self.tr("When"),
            "notified_count": self.tr("How many"),
            "notified_how": self.tr("How"),
        }

    def show_error(self, field: str, message: str) -> None:
        label = self._field_names().get(field)
        self.error_label.setText(f"{label}: {message}" if label else message)
        self.error_label.show()

    def collect(self) -> BreachInput:
        return BreachInput(
            discovered_at=parse_time(self.discovered_at.text(), "discovered_at"),
            description=self.description.toPlainText(),
            categories=self.categories.toPlainText(),
            people_approx=parse_count(self.people_approx.text(), "people_approx"),
            customers_affected=self.customers_affected.toPlainText(),
            measures=self.measures.toPlainText(),
            imy_decision=str(self.imy_decision.currentData()),
            imy_reference=self.imy_reference.text(),
            imy_notified_on=parse_date(self.imy_notified_on.text(), "imy_notified_on"),
            imy_reason=self.imy_reason.toPlainText(),
            notified_customers=self.notified_customers.toPlainText(),
            notified_on=parse_date(self.notified_on.text(), "notified_on"),
            notified_count=parse_count(self.notified_count.text(), "notified_count"),
            notified_how=self.notified_how.text(),
        )

    def submit(self) -> None:
        if self.saving:
            return
        try:
            inp = self.collect()
        except ValidationError as exc:
            self.show_error(exc.field, shown(exc))
            return
        self.saving = True
        self.save_button.setEnabled(False)
        callbacks = {
            "owner": self,
            "on_result": self._saved,
            "on_error": self._failed,
            "on_finished": self._done,
        }
        db, who = self.ctx.database, self.ctx.identity
        if self.record is None:
            self.ctx.runner.start(service.record_breach, db, who, inp, **callbacks)
        else:
            self.ctx.runner.start(
                service.change_breach, db, who, self.record.id, inp,
                version=self.record.version, **callbacks,
            )  # fmt: skip

    def _saved(self, result: object) -> None:
        self.error_label.hide()
        breach_id = self.record.id if self.record is not None else int(str(result))
        if self.on_saved is not None:
            self.on_saved(breach_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        field = exc.field if isinstance(exc, ValidationError) else ""
        self.show_error(field, shown(exc))

    def _done(self) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
