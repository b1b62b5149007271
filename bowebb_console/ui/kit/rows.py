"""A thin ``QAbstractTableModel`` over a list of frozen row dataclasses.

Each subclass declares its columns (translatable header, how to display, what to sort by).
``SORT_ROLE`` carries the raw value for a ``QSortFilterProxyModel`` (dates sort as dates, not
as text) and ``ROW_ROLE`` the row object itself, for views that act on a selection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

R = TypeVar("R")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str  # marked with QT_TRANSLATE_NOOP in the subclass's context
    display: Callable[[R], str]
    sort_key: Callable[[R], Any]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


def iso_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class HeaderedModel(QAbstractTableModel):
    """Translated column headers, whatever holds the rows (a list, lazy pages, a live queue):
    subclasses name the ``CONTEXT`` and return the untranslated ``headers()``."""

    CONTEXT = "RowTableModel"  # translation context of the headers

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.headers()[section])
        return None


class RowTableModel(HeaderedModel, Generic[R]):
    COLUMNS: Sequence[Column[Any]] = ()

    def headers(self) -> Sequence[str]:
        return [c.header for c in self.COLUMNS]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def rows(self) -> list[R]:
        """The rows shown, in model order (a copy)."""
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        # asked for with every index the view makes: no list of headers built each time
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks for eight roles per cell (font, colours, check state, size...) and
        # each ask crosses into Python: the ones no column answers return first.
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort_key(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        return None


_ANSWERED = frozenset(
    {Qt.ItemDataRole.DisplayRole, SORT_ROLE, ROW_ROLE, Qt.ItemDataRole.TextAlignmentRole}
)


class SortProxy(QSortFilterProxyModel):
    """Sorts on ``SORT_ROLE``; ``None`` (no date) sorts last."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: Index, right: Index) -> bool:
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        if a is None or b is None:
            return a is not None and b is None
        if isinstance(a, str) and isinstance(b, str):
            return _collate(a) < _collate(b)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


_SWEDISH_TAIL = {"å": "{1", "ä": "{2", "ö": "{3", "æ": "{2", "ø": "{3"}


def _collate(text: str) -> str:
    """Case-folded Swedish order: … x y z å ä ö (``{`` sorts after ``z``)."""
    return "".join(_SWEDISH_TAIL.get(ch, ch) for ch in text.casefold())
