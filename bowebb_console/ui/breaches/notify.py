"""Notify the customers a breach affected (Art. 34) through the recorded notice export: the
lead finds and picks the affected customers, the console writes the e-mail addresses of their
contacts to a CSV file (restricted contacts left out; an objection to news does not hold a
breach notice back — it is a legal duty), records the export with a reason naming the breach
and fills the breach's notification of customers from it (``services.breaches.notify_customers``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain.errors import ValidationError
from bowebb_console.services import breaches as service
from bowebb_console.services import customers
from bowebb_console.services.breaches import BreachRecord, Notified
from bowebb_console.services.customers import ResultRow
from bowebb_console.ui.breaches.errors import shown
from bowebb_console.ui.breaches.models import local
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.export import csv_delimiter
from bowebb_console.ui.kit.guard import InputGuard, enter_runs, primary_button
from bowebb_console.ui.kit.widgets import error_label


class NotifyCustomersDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        record: BreachRecord,
        on_done: Callable[[int, Notified], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record = record
        self.on_done = on_done
        self.busy = False
        self.searching = False
        self.setWindowTitle(self.tr("Notify affected customers"))
        self.setMinimumWidth(720)
        intro = QLabel(
            self.tr(
                "Pick the customers this breach affected. Their contacts' e-mail addresses are "
                "exported to a CSV file for the notice, the export is recorded (who, when, how "
                "many) and the breach's notification of customers is filled in from it. "
                "Restricted contacts are left out. An objection to news does not stop a breach "
                "notice: informing those affected is a legal duty (GDPR Art. 34)."
            )
        )
        intro.setWordWrap(True)
        what = QLabel(
            self.tr("Breach discovered %1: %2")
            .replace("%1", local(record.discovered_at))
            .replace("%2", " ".join(record.description.split())[:200])
        )
        what.setWordWrap(True)
        what.setTextFormat(Qt.TextFormat.PlainText)
        self.affected_text = QLabel(record.customers_affected or "–")
        self.affected_text.setWordWrap(True)
        self.affected_text.setTextFormat(Qt.TextFormat.PlainText)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Company, org. number, contact or e-mail"))
        enter_runs(self.search, self.find)  # Enter searches, it does not export as well
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.find)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_button)
        self.results = QListWidget()
        self.results.setMaximumHeight(110)
        self.results.itemDoubleClicked.connect(lambda _i: self.add())
        self.results.activated.connect(lambda _i: self.add())  # Enter on a result adds it
        self.add_button = QPushButton(self.tr("Add to the affected"))
        self.add_button.clicked.connect(self.add)
        self.chosen = QListWidget()
        self.chosen.setMaximumHeight(90)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        self.how = QLineEdit(self.tr("E-mail to the customers' contacts (notice export)"))

        form = QFormLayout()
        form.addRow(self.tr("Customers affected (as described)"), self.affected_text)
        form.addRow(self.tr("Find customers"), search_row)
        form.addRow("", self.results)
        form.addRow("", self.add_button)
        form.addRow(self.tr("Affected customers to notify"), self.chosen)
        form.addRow("", self.remove_button)
        form.addRow(self.tr("How"), self.how)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("Export and record…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        # Enter exports (never Cancel); Esc asks before losing the customers picked (issue 18).
        primary_button(self, self.export_button)
        self.guard = InputGuard(self, ctx.prompts, ignore=(self.search,), extra=self.chosen_ids)

    def reject(self) -> None:
        if not self.busy:
            self.guard.reject(lambda: QDialog.reject(self))

    # -- picking ---------------------------------------------------------------------------

    def find(self) -> None:
        text = self.search.text().strip()
        if not text or self.searching:
            return
        self.searching = True
        self.ctx.runner.start(
            customers.lookup,
            self.ctx.database,
            text,
            owner=self,
            on_result=self._found,
            on_error=self._failed,
            on_finished=self._searched,
        )

    def _found(self, answer: tuple[str, list[ResultRow]]) -> None:
        self.results.clear()
        seen: set[int] = set()
        for row in answer[1]:
            if row.customer_id in seen:
                continue
            seen.add(row.customer_id)
            item = QListWidgetItem(f"{row.name} ({row.org_number})")
            item.setData(Qt.ItemDataRole.UserRole, row.customer_id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _searched(self) -> None:
        self.searching = False

    def chosen_ids(self) -> list[int]:
        return [
            int(self.chosen.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.chosen.count())
        ]

    def add(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        if int(item.data(Qt.ItemDataRole.UserRole)) not in self.chosen_ids():
            copy = QListWidgetItem(item.text())
            copy.setData(Qt.ItemDataRole.UserRole, item.data(Qt.ItemDataRole.UserRole))
            self.chosen.addItem(copy)

    def remove(self) -> None:
        row = self.chosen.currentRow()
        if row >= 0:
            self.chosen.takeItem(row)

    # -- export ----------------------------------------------------------------------------

    def reason(self) -> str:
        """Names the breach by its discovery time, not its description: the export record
        is kept unchanged for good, and a description may name a person."""
        return self.tr("Breach notice (GDPR Art. 34): the breach discovered %1").replace(
            "%1", local(self.record.discovered_at)
        )

    def submit(self) -> None:
        if self.busy:
            return
        if not self.chosen_ids():
            self.show_error(self.tr("Pick the affected customers first."))
            return
        self.ctx.prompts.ask_path(
            self.tr("Save the breach notice recipients"),
            self.export_to,
            save=True,
            name_filter=self.tr("CSV files (*.csv)"),
            suggested=f"breach-notice-{dt.date.today().isoformat()}.csv",
        )

    def export_to(self, path: Path) -> None:
        self.busy = True
        self.export_button.setEnabled(False)
        self.ctx.runner.start(
            service.notify_customers,
            self.ctx.database,
            self.ctx.identity,
            self.record.id,
            self.chosen_ids(),
            path,
            version=self.record.version,
            reason=self.reason(),
            how=self.how.text(),
            columns=(self.tr("E-mail"), self.tr("Contact"), self.tr("Company")),
            delimiter=csv_delimiter(),
            owner=self,
            on_result=self._done,
            on_error=self._failed,
            on_finished=self._finished,
        )

    def _done(self, result: Notified) -> None:
        self.error_label.hide()
        if self.on_done is not None:
            self.on_done(self.record.id, result)
        self.accept()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError) and not isinstance(exc, ValidationError):
            self.show_error(
                self.tr("The file could not be written: %1").replace("%1", exc.strerror or "")
            )
            return
        self.show_error(shown(exc))

    def _finished(self) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
