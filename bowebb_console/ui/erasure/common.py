"""Pieces the erasure wizards share: a customer picker loaded off the GUI thread, date
conversion, and a page that holds its wizard weakly."""

from __future__ import annotations

import datetime as dt
import weakref
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QVBoxLayout, QWidget, QWizardPage

from bowebb_console.services.erasure import CustomerChoice, customer_choices
from bowebb_console.ui.kit.context import AppContext


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def from_date(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


class CustomerPicker(QComboBox):
    """An editable combo of all customers (type to filter); ``customer_id`` is the choice."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[CustomerChoice] = []
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.lineEdit().setPlaceholderText(self.tr("Type a few letters of the company name"))
        self.setEnabled(False)
        ctx.runner.start(
            customer_choices,
            ctx.database,
            tag=f"erasure.customers.{id(self)}",
            on_result=self._loaded,
            owner=self,
        )

    def _loaded(self, rows: list[CustomerChoice]) -> None:
        self.rows = rows
        self.clear()
        for row in rows:
            self.addItem(row.name, row.id)
        self.setCurrentIndex(-1)
        self.setEnabled(True)
        self.loaded.emit()

    def choose(self, customer_id: int) -> None:
        index = self.findData(customer_id)
        self.setCurrentIndex(index)

    @property
    def customer(self) -> CustomerChoice | None:
        index = self.currentIndex()
        if index < 0 or self.currentText() != self.itemText(index):
            return None
        return self.rows[index]


class WizardPage(QWizardPage):
    """A page that reaches its wizard through a weak reference: no Python reference cycle,
    so a closed wizard is freed by reference counting on the GUI thread, never by the cyclic
    collector on a worker thread (which crashed Qt, measured in the tests)."""

    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self._wizard_ref = weakref.ref(wizard)

    @property
    def w(self) -> Any:
        return self._wizard_ref()


def label(text: str = "") -> QLabel:
    shown = QLabel(text)
    shown.setWordWrap(True)
    return shown


class ResultPage(QWizardPage):
    """The last page of every erasure wizard: what was done."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.setTitle(self.tr("Done"))
        self.text = label(text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)  # the text at the top, as on the other pages
