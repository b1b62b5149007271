"""Form building blocks for the lookup dialogs: fields with an inline message beside them,
and the checks the UI makes itself (translated) before anything reaches the service.

The service validates again; its refusals carry codes, shown translated (``errors.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain.contact_info import clean_name, normalise_email, normalise_phone
from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.orgnr import digits_for_search, luhn_valid, parse_orgnr
from bowebb_console.ui.customers.errors import shown_text


def check_org_number(text: str) -> str | None:
    """None if valid, else the message to show beside the field."""
    try:
        parse_orgnr(text)
        return None
    except ValidationError as exc:
        if not text.strip():
            return QCoreApplication.translate(
                "FieldChecks", "Enter the organisation number (NNNNNN-NNNN)."
            )
        digits = digits_for_search(text)
        if digits is None:
            return QCoreApplication.translate(
                "FieldChecks", "An organisation number has only digits and a dash (NNNNNN-NNNN)."
            )
        if len(digits) != 10:
            return QCoreApplication.translate(
                "FieldChecks", "An organisation number has ten digits (NNNNNN-NNNN); this has %1."
            ).replace("%1", str(len(digits)))
        if not luhn_valid(digits):
            return QCoreApplication.translate(
                "FieldChecks", "The check digit is wrong: check the number for a typo."
            )
        return shown_text(exc)


def check_required_name(text: str, field: str) -> str | None:
    if not text.strip():
        if field == "company_name":
            return QCoreApplication.translate("FieldChecks", "Enter the company name.")
        return QCoreApplication.translate("FieldChecks", "Enter the contact's name.")
    try:
        clean_name(text, field)
    except ValidationError as exc:
        return shown_text(exc)
    return None


def check_email(text: str) -> str | None:
    if not text.strip():
        return QCoreApplication.translate(
            "FieldChecks", "Enter an e-mail address: every contact needs one."
        )
    try:
        normalise_email(text)
    except ValidationError as exc:
        return shown_text(exc)
    return None


def check_phone(text: str) -> tuple[str | None, str | None]:
    """(error, E.164 form); a blank phone is fine (optional)."""
    if not text.strip():
        return None, None
    try:
        return None, normalise_phone(text)
    except ValidationError as exc:
        return shown_text(exc), None


def parse_date(text: str) -> tuple[str | None, dt.date | None]:
    """(error, date); blank means no date."""
    if not text.strip():
        return None, None
    try:
        return None, dt.date.fromisoformat(text.strip())
    except ValueError:
        return QCoreApplication.translate("FieldChecks", "Write the date as YYYY-MM-DD."), None


def field_error() -> QLabel:
    """What is wrong with one field, in red under it; hidden while nothing is."""
    message = QLabel()
    message.setObjectName("fieldError")
    message.setStyleSheet("color: #b3261e;")
    message.setWordWrap(True)
    message.setTextFormat(Qt.TextFormat.PlainText)
    message.hide()
    return message


def outcome_label(name: str) -> QLabel:
    """A dialog's line that says how its work went (plain text: it may quote a file name)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def file_row(
    name: str, on_choose: Callable[[], None]
) -> tuple[QLineEdit, QPushButton, QHBoxLayout]:
    """A file name, typed or picked with "Choose…" (``on_choose`` asks ``ctx.prompts``)."""
    path = QLineEdit()
    path.setObjectName(name)
    choose = QPushButton(QCoreApplication.translate("FileRow", "Choose…"))
    choose.clicked.connect(on_choose)
    row = QHBoxLayout()
    row.addWidget(path, 1)
    row.addWidget(choose)
    return path, choose, row


class Form(QWidget):
    """A QFormLayout whose fields each carry a message line underneath (hidden when empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = field_error()
        hint = QLabel()
        hint.setObjectName("fieldHint")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.hide()
        column.addWidget(message)
        column.addWidget(hint)
        self.layout_.addRow(label, box)
        self.fields[key] = widget
        self.messages[key] = message
        self.hints[key] = hint
        return widget

    def line(self, key: str, label: str, text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(key)
        self.add(key, label, edit)
        return edit

    def text(self, key: str) -> str:
        widget = self.fields[key]
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def set_message(self, key: str, text: str | None) -> None:
        label = self.messages.get(key)
        if label is None:
            return
        label.setText(text or "")
        label.setVisible(bool(text))

    def set_hint(self, key: str, text: str | None) -> None:
        label = self.hints[key]
        label.setText(text or "")
        label.setVisible(bool(text))

    def message(self, key: str) -> str:
        label = self.messages[key]
        return label.text() if label.isVisibleTo(self) else ""

    def clear_messages(self) -> None:
        for key in self.messages:
            self.set_message(key, None)

    def has_messages(self) -> bool:
        return any(label.text() for label in self.messages.values())
