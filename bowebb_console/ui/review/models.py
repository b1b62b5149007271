"""A table model over every filtered session, loaded a page at a time off the GUI thread.

``rowCount`` is the filtered total (one COUNT query); rows arrive in pages of ``PAGE`` and at
most ``MAX_PAGES`` pages are kept (least recently shown dropped), so memory stays flat however
far the lead scrolls. A page is read by keyset from a neighbouring page's boundary key when
one is known (scrolling), else by OFFSET from the nearer end (a jump). Sorting and filtering
are the database's: ``sort()`` starts a new query. A row not loaded yet shows "…".
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from bowebb_console.services import review
from bowebb_console.services.review import SessionQuery
from bowebb_console.ui.kit.errors import error_text
from bowebb_console.ui.kit.rows import HeaderedModel
from bowebb_console.ui.review import texts
from bowebb_console.ui.review.errors import TEXTS

if TYPE_CHECKING:
    from bowebb_console.services.review import ReviewRow
    from bowebb_console.ui.kit.context import AppContext

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE = 100
MAX_PAGES = 12


class ReviewTableModel(HeaderedModel):
    CONTEXT = "ReviewColumns"
    COLUMNS = texts.COLUMNS
    SORTS = review.SORTS  # one per column, in column order
    loaded = Signal(int)  # the total, after a new query's first page
    failed = Signal(str)  # what went wrong, translated

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = SessionQuery()
        self.total = 0
        self.generation = 0
        self.pages: OrderedDict[int, list[ReviewRow]] = OrderedDict()
        self.first_key: dict[int, Any] = {}
        self.last_key: dict[int, Any] = {}
        self.pending: set[int] = set()
        self.ready = False

    # --- queries ------------------------------------------------------------------------

    def set_query(self, query: SessionQuery) -> None:
        """Start over with a new filter or sort; the view shows nothing until it answers."""
        self.query = query
        self.generation += 1
        self.beginResetModel()
        self.total = 0
        self._forget()
        self.ready = False
        self.endResetModel()
        gen = self.generation
        self.ctx.runner.start(
            review.first_page,
            self.ctx.database,
            query,
            PAGE,
            tag="review.first",
            owner=self,
            on_result=lambda result: self._first(gen, result),
            on_error=lambda exc: self._failed(gen, exc),
        )

    def refresh(self) -> None:
        """Re-read after a change (a review mark): same query, fresh rows."""
        self.set_query(self.query)

    def _forget(self) -> None:
        self.pages.clear()
        self.first_key.clear()
        self.last_key.clear()
        self.pending.clear()

    def _first(self, gen: int, result: tuple[int, list[ReviewRow]]) -> None:
        if gen != self.generation:
            return
        total, rows = result
        self.beginResetModel()
        self.total = total
        self._store(0, rows)
        self.ready = True
        self.endResetModel()
        self.loaded.emit(total)

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen == self.generation:
            self.failed.emit(error_text(exc, TEXTS))

    def _store(self, page: int, rows: list[ReviewRow]) -> None:
        self.pages[page] = rows
        self.pages.move_to_end(page)
        if rows:
            self.first_key[page], self.last_key[page] = rows[0].key, rows[-1].key
        while len(self.pages) > MAX_PAGES:
            self.pages.popitem(last=False)

    def _request(self, page: int) -> None:
        if page in self.pending or not self.ready:
            return
        self.pending.add(page)
        gen = self.generation
        self.ctx.runner.start(
            review.sessions_page,
            self.ctx.database,
            self.query,
            owner=self,
            **self._how(page),
            on_result=lambda rows: self._page(gen, page, rows),
            on_error=lambda exc: self._failed(gen, exc),
        )

    def _how(self, page: int) -> dict[str, Any]:
        start, end = page * PAGE, min((page + 1) * PAGE, self.total)
        if page - 1 in self.last_key:
            return {"after": self.last_key[page - 1], "limit": PAGE}
        if page + 1 in self.first_key:
            return {"before": self.first_key[page + 1], "limit": end - start}
        if start > self.total // 2:  # nearer the end: OFFSET counted from there
            return {"from_end": True, "offset": self.total - end, "limit": end - start}
        return {"offset": start, "limit": PAGE}

    def _page(self, gen: int, page: int, rows: list[ReviewRow]) -> None:
        if gen != self.generation:
            return
        self.pending.discard(page)
        self._store(page, rows)
        first = page * PAGE
        last = min(first + PAGE, self.total) - 1
        if last >= first:
            right = self.columnCount() - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, right))

    # --- Qt -----------------------------------------------------------------------------

    def row_at(self, row: int) -> ReviewRow | None:
        rows = self.pages.get(row // PAGE)
        if rows is None or row % PAGE >= len(rows):
            return None
        return rows[row % PAGE]

    def loaded_rows(self) -> int:
        return sum(len(rows) for rows in self.pages.values())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.total

    def headers(self) -> Sequence[str]:
        return self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        page = index.row() // PAGE
        rows = self.pages.get(page)
        if rows is None:
            self._request(page)
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        self.pages.move_to_end(page)
        if index.row() % PAGE >= len(rows):
            return None
        row = rows[index.row() % PAGE]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts.cell(row, index.column())
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == len(self.COLUMNS) - 1:
            return QColor("#b3261e") if row.flags else None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(self.COLUMNS) - 1:
            return "\n".join(texts.flag_text(f) for f in row.flags) or None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORTS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self.query, sort=self.SORTS[column], descending=descending))
