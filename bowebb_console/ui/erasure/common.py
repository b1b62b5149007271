"""Pieces the erasure wizards share: a customer picker loaded off the GUI thread, date
conversion, and a page that holds its wizard weakly."""

from __future__ import annotations

import datetime as dt
import weakref
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from bowebb_console.domain.orgnr import OrgNumber
from bowebb_console.services.erasure import CustomerChoice, customer_choices
from bowebb_console.ui.i18n import customer_status_text
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
            self.addItem(choice_text(row), row.id)
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


def choice_text(row: CustomerChoice) -> str:
    """A picker line: the name, then what tells near-identical names apart."""
    org = OrgNumber(row.org_number).formatted if len(row.org_number) == 10 else row.org_number
    return f"{row.name} — {org} · {customer_status_text(row.status)}"


class WizardPage(QWizardPage):
    """A page that reaches its wizard through a weak reference: no Python reference cycle,
    so a closed wizard is freed by reference counting on the GUI thread, never by the cyclic
    collector on a worker thread (which crashed Qt, measured in the tests)."""

    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self._wizard_ref = weakref.ref(wizard)
        self._intro: QLabel | None = None

    def setSubTitle(self, subTitle: str) -> None:
        """The subtitle as a wrapped line at the top of the page: the wizard's own header
        cut long ones mid-sentence."""
        if self._intro is None:
            self._intro = label()
            self._intro.setObjectName("hintText")
        self._intro.setText(subTitle)

    def subTitle(self) -> str:
        return self._intro.text() if self._intro is not None else ""

    def event(self, event: QEvent) -> bool:
        # Placed once the page is built and handed to its wizard (before the wizard sizes
        # itself), or at the latest when it is first shown.
        if event.type() in (QEvent.Type.ParentChange, QEvent.Type.Show):
            self._place_intro()
        return super().event(event)

    def _place_intro(self) -> None:
        intro, layout = self._intro, self.layout()
        if intro is None or intro.parentWidget() is not None:
            return
        if isinstance(layout, QFormLayout):
            layout.insertRow(0, intro)
        elif isinstance(layout, QBoxLayout):
            layout.insertWidget(0, intro)

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
