"""Session lists: a customer's past sessions (for the customer card) and the timeline window
any listed session opens as."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services import sessions
from bowebb_console.services.sessions import SessionListRow
from bowebb_console.ui.kit.rows import ROW_ROLE, SortProxy
from bowebb_console.ui.kit.timeline import SessionTimeline
from bowebb_console.ui.kit.widgets import fit_columns, read_only_table
from bowebb_console.ui.sessions.errors import session_error
from bowebb_console.ui.sessions.models import SessionListModel

if TYPE_CHECKING:
    from bowebb_console.ui.kit.context import AppContext


def session_table(model: SessionListModel, parent: QWidget | None = None) -> QTableView:
    proxy = SortProxy(parent)
    proxy.setSourceModel(model)
    table = read_only_table(proxy, parent)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    table.horizontalHeader().setStretchLastSection(True)
    # Columns fitted to the first 40 rows, not all of them: each cell read crosses into
    # Python, and fitting 100+ rows cost the Sessions screen ~40 ms (issue 18, item 15).
    table.horizontalHeader().setResizeContentsPrecision(40)
    return table


def set_rows_keeping(
    table: QTableView, model: SessionListModel, rows: list[SessionListRow]
) -> None:
    """Show ``rows`` and keep the selected session selected where it is still listed."""
    kept = selected_row(table)
    model.set_rows(rows)
    if kept is None:
        return
    proxy = table.model()
    for i in range(proxy.rowCount()):
        row = proxy.index(i, 0).data(ROW_ROLE)
        if row is not None and row.summary.session_uuid == kept.summary.session_uuid:
            table.selectRow(i)
            return


def selected_row(table: QTableView) -> SessionListRow | None:
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    return rows[0].data(ROW_ROLE) if rows else None


def open_timeline(ctx: AppContext, session_uuid: str, parent: QWidget | None) -> QDialog:
    """A session's timeline in a window (non-blocking)."""
    window = QDialog(parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.setWindowTitle(QCoreApplication.translate("SessionWindows", "Session timeline"))
    timeline = SessionTimeline(ctx, session_uuid, window)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(window.reject)
    layout = QVBoxLayout(window)
    layout.addWidget(timeline, 1)
    layout.addWidget(buttons)
    window.resize(640, 520)
    window.timeline = timeline  # type: ignore[attr-defined]
    window.show()
    return window


class CustomerSessionsPanel(QWidget):
    """``CustomerSessionsPanel(ctx, customer_id)``: the customer's sessions, newest first;
    double-click or "Open timeline" shows one. ``reload()`` after a new session."""

    def __init__(
        self,
        ctx: AppContext,
        customer_id: int,
        parent: QWidget | None = None,
        *,
        open_fn: Callable[[AppContext, str, QWidget | None], Any] = open_timeline,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self._open_fn = open_fn
        self.model = SessionListModel(self)
        self.table = session_table(self.model, self)
        # Enter on a row opens it, and so does a double-click (both emit activated)
        self.table.activated.connect(self._open_index)
        self.table.setAccessibleName(self.tr("Sessions"))
        self.status = QLabel(self.tr("Loading sessions…"))
        self.status.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open timeline"))
        self.open_button.clicked.connect(self.open_selected)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        ctx.changes.sessions_changed.connect(self._sessions_changed)
        self.reload()

    def reload(self) -> None:
        self.ctx.runner.start(
            sessions.customer_sessions,
            self.ctx.database,
            self.customer_id,
            tag=f"sessions.customer.{id(self)}",
            on_result=self._loaded,
            on_error=self._failed,
            owner=self,
        )

    def _sessions_changed(self, _session_uuid: str, _what: str) -> None:
        self.reload()

    def _loaded(self, rows: list[SessionListRow]) -> None:
        set_rows_keeping(self.table, self.model, rows)
        self.status.setText(
            self.tr("%Ln session(s)", "", len(rows)) if rows else self.tr("No sessions yet.")
        )
        fit_columns(self.table)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(
            self.tr("The sessions could not be loaded (%1).").replace(
                "%1", session_error(exc).rstrip(".")
            )
        )

    def _open_index(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self._open_fn(self.ctx, row.summary.session_uuid, self)

    def open_selected(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self._open_fn(self.ctx, row.summary.session_uuid, self)
