"""Pieces the erasure wizards share: a customer picker loaded off the GUI thread, and the
role and error texts."""

from __future__ import annotations

import datetime as dt
import weakref
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget, QWizardPage

from bowebb_console.ui.kit.context import AppContext

CONTEXT = "Erasure"


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def from_date(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def error_text(exc: BaseException) -> str:
    """A failure the user can act on: the store's own message, or the database's refusal."""
    message = getattr(exc, "message", None)
    if isinstance(message, str):
        return message
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = detail[0] if detail else type(exc).__name__
    if "permission denied" in first or "only an admin" in first:
        return QCoreApplication.translate(
            "Erasure", "The database refused: your role may not do this (erasure is for admins)."
        )
    if "four eyes" in first:
        return QCoreApplication.translate(
            "Erasure", "A second person, not the one who requested the purge, must approve it."
        )
    return QCoreApplication.translate(
        "Erasure", "The database refused or did not answer: %1"
    ).replace("%1", first[:200])


def load_customers(ctx: AppContext) -> list[Any]:
    from bowebb_console.store.erasure.purge import customer_choices

    return customer_choices(ctx.database)


class CustomerPicker(QComboBox):
    """An editable combo of all customers (type to filter); ``customer_id`` is the choice."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[Any] = []
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.lineEdit().setPlaceholderText(self.tr("Type a few letters of the company name"))
        self.setEnabled(False)
        ctx.runner.start(
            load_customers, ctx, tag=f"erasure.customers.{id(self)}", on_result=self._loaded
        )

    def _loaded(self, rows: list[Any]) -> None:
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
    def customer(self) -> Any | None:
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
