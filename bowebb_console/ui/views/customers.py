"""Customers: the customer list with its total count, loaded off the GUI thread.

Search, the customer card and its contacts come with the lookup issue; this screen already
shows what is in the database so an agent can see the console is connected to the right one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.list_frame import ListFrame
from bowebb_console.ui.models.customers import CustomerTableModel

LIMIT = 500


def load_customers(ctx: AppContext, limit: int = LIMIT) -> tuple[int, list]:
    """Runs on a worker: one session for the task, plain rows out."""
    from bowebb_console.store.customers.listing import count_customers, list_customers

    with ctx.database.session() as session:
        return count_customers(session), list_customers(session, limit=limit)


class CustomersView(QWidget):
    TAG = "customers.list"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CustomerTableModel(self)
        self.frame = ListFrame(self.tr("Customers"), self.model)
        self.frame.refresh_button.setText(self.tr("Refresh"))
        self.frame.refresh_button.clicked.connect(self.reload)
        self.table = self.frame.table
        self.total: int | None = None
        self.loading = False
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CustomerTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame)
        self.reload()

    def reload(self) -> None:
        self.loading = True
        self.frame.refresh_button.setEnabled(False)
        self.frame.count_label.setText(self.tr("Loading…"))
        self.ctx.runner.start(
            load_customers,
            self.ctx,
            tag=self.TAG,
            on_result=self._loaded,
            on_error=self._failed,
            on_finished=self._done,
        )

    def _loaded(self, result: tuple[int, list]) -> None:
        total, rows = result
        self.total = total
        self.model.set_rows(rows)
        self.frame.clear_error()
        if len(rows) < total:
            text = self.tr("Showing %1 of %2 customers").replace("%1", str(len(rows)))
            self.frame.count_label.setText(text.replace("%2", str(total)))
        else:
            self.frame.count_label.setText(self.tr("%n customer(s)", "", total))
        self.table.resizeColumnsToContents()

    def _failed(self, exc: BaseException) -> None:
        self.frame.count_label.clear()
        self.frame.show_error(
            self.tr(
                "The customers could not be loaded (%1). Check the connection and press Refresh."
            ).replace("%1", type(exc).__name__)
        )

    def _done(self) -> None:
        self.loading = False
        self.frame.refresh_button.setEnabled(True)
