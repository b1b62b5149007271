"""Ending a session that blocks others (issue 13, item 13), for team leads and admins.

A write that waited too long for another session's lock is refused with ``db.locked``, whose
values name that session (login, pid, since). Where such a refusal is shown, a lead or admin
also gets "End that session": :func:`end_blocker` asks first (naming the login), then ends it
through ``services.blockers`` in a background task. :class:`BlockersDialog` (File menu) lists
every session others wait for, with the same action. The database checks the role too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain.errors import ShownError
from bowebb_console.services import blockers
from bowebb_console.services.blockers import Blocker
from bowebb_console.ui.kit.errors import error_text

if TYPE_CHECKING:
    from bowebb_console.ui.kit.context import AppContext


def can_end(ctx: AppContext, exc: BaseException) -> bool:
    """Whether ``exc`` names a blocking session this user may end from the console."""
    return (
        isinstance(exc, ShownError)
        and exc.code == "db.locked"
        and bool(exc.params.get("pid"))
        and ctx.is_lead
        and not ctx.is_sqlite
    )


def end_blocker(
    ctx: AppContext,
    pid: int,
    login: str,
    owner: QWidget,
    on_done: Callable[[str], None],
) -> None:
    """Ask, then end session ``pid`` of ``login`` off the GUI thread; ``on_done`` gets the
    sentence to show (ended, or why not). Nothing happens when the user says no."""

    def answered(yes: bool) -> None:
        if not yes:
            return
        ctx.runner.start(
            blockers.end_session,
            ctx.database,
            pid,
            tag=f"blockers.end.{id(owner)}",
            on_result=lambda ended: on_done(
                QCoreApplication.translate(
                    "Blockers", "The session of %1 was ended; its unsaved work was undone."
                ).replace("%1", ended)
            ),
            on_error=lambda exc: on_done(error_text(exc)),
            owner=owner,
        )

    ctx.prompts.confirm(
        QCoreApplication.translate("Blockers", "End that session?"),
        QCoreApplication.translate(
            "Blockers",
            "End the database session of the login %1 (session %2)? Whatever that session "
            "has not saved yet is undone, and the program using it has to connect again.",
        )
        .replace("%1", login)
        .replace("%2", str(pid)),
        answered,
        ok_text=QCoreApplication.translate("Blockers", "End that session"),
    )


class BlockersDialog(QDialog):
    """Every session others wait for, with who waits; a lead or admin ends one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.found: list[Blocker] = []
        self.setWindowTitle(self.tr("Sessions blocking others"))
        self.resize(820, 360)
        intro = QLabel(
            self.tr(
                "Sessions that hold a lock other people wait for. Ending one undoes what it "
                "has not saved; its owner has to connect again."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Login"),
                self.tr("State"),
                self.tr("Since"),
                self.tr("Program"),
                self.tr("Waiting"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.end_button = QPushButton(self.tr("End that session…"))
        self.end_button.setEnabled(False)
        self.end_button.clicked.connect(self.end_selected)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.end_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.status.setText(self.tr("Looking…"))
        self.ctx.runner.start(
            blockers.list_blockers,
            self.ctx.database,
            tag=f"blockers.list.{id(self)}",
            on_result=self._show,
            on_error=lambda exc: self.status.setText(error_text(exc)),
            owner=self,
        )

    def _show(self, found: list[Blocker]) -> None:
        self.found = found
        self.table.setRowCount(0)
        for blocker in found:
            row = self.table.rowCount()
            self.table.insertRow(row)
            waiting = ", ".join(dict.fromkeys(blocker.waiting_logins))
            for column, value in enumerate(
                (blocker.login, blocker.state, blocker.since_text(), blocker.application, waiting)
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, blocker.pid)
                self.table.setItem(row, column, item)
        self.status.setText(
            self.tr("No session is holding a lock that others wait for.") if not found else ""
        )
        self._selected()

    def _selected(self) -> None:
        self.end_button.setEnabled(self.current() is not None)

    def current(self) -> Blocker | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.found[rows.pop()] if len(rows) == 1 else None

    def end_selected(self) -> None:
        blocker = self.current()
        if blocker is not None:
            end_blocker(self.ctx, blocker.pid, blocker.login, self, self._ended)

    def _ended(self, text: str) -> None:
        self.status.setText(text)
        self.refresh_button.setEnabled(True)
        self.ctx.runner.start(
            blockers.list_blockers,
            self.ctx.database,
            tag=f"blockers.list.{id(self)}",
            on_result=lambda found: (self._show(found), self.status.setText(text)),
            on_error=lambda exc: self.status.setText(error_text(exc)),
            owner=self,
        )
