"""Qt models of the Transfers screen: the remote folder listing and the transfer queue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from bowebb_console.services.transfers import RemoteEntry
from bowebb_console.ui.kit.rows import Column, HeaderedModel, RowTableModel

Index = QModelIndex | QPersistentModelIndex
CTX = "TransfersModels"


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def shown_name(name: str) -> str:
    """A hostile name as it is, with control characters made visible (not rewritten)."""
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return name.encode("unicode_escape").decode("ascii")
    return name


def _kind(e: RemoteEntry) -> str:
    if e.refused is not None:
        return QCoreApplication.translate("TransfersModels", "Refused: %1").replace("%1", e.refused)
    if e.is_symlink:
        return QCoreApplication.translate("TransfersModels", "Link (not followed)")
    if e.is_dir:
        return QCoreApplication.translate("TransfersModels", "Folder")
    return QCoreApplication.translate("TransfersModels", "File")


def _mtime(e: RemoteEntry) -> str:
    return dt.datetime.fromtimestamp(e.mtime).strftime("%Y-%m-%d %H:%M") if e.mtime else ""


class RemoteModel(RowTableModel[RemoteEntry]):
    CONTEXT = CTX
    COL_NAME, COL_KIND, COL_SIZE, COL_MTIME = range(4)
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("TransfersModels", "Name"),
            lambda e: shown_name(e.name),
            lambda e: e.name,
        ),
        Column(
            QT_TRANSLATE_NOOP("TransfersModels", "Type"), _kind, lambda e: (not e.is_dir, e.name)
        ),
        Column(
            QT_TRANSLATE_NOOP("TransfersModels", "Size"),
            lambda e: "" if e.is_dir else human_size(e.size),
            lambda e: e.size,
            Qt.AlignmentFlag.AlignRight,
        ),
        Column(QT_TRANSLATE_NOOP("TransfersModels", "Modified"), _mtime, lambda e: e.mtime),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        refused = index.isValid() and self.row_at(index.row()).refused is not None
        if role == Qt.ItemDataRole.ForegroundRole and refused:
            return QColor("#b00020")
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return _kind(self.row_at(index.row()))  # the whole reason, however narrow
        return super().data(index, role)


@dataclass(frozen=True)
class QueueRow:
    key: tuple[int, int]  # (batch id, job index); refused planning rows get negative indexes
    direction: str
    name: str
    size: int
    done: int = 0
    state: str = "queued"  # queued | running | ok | failed | cancelled
    detail: str = ""  # reason, or the SHA-256 when ok


STATES = {
    "queued": QT_TRANSLATE_NOOP("TransfersModels", "Queued"),
    "running": QT_TRANSLATE_NOOP("TransfersModels", "Transferring"),
    "ok": QT_TRANSLATE_NOOP("TransfersModels", "Done, verified"),
    "failed": QT_TRANSLATE_NOOP("TransfersModels", "Failed"),
    "cancelled": QT_TRANSLATE_NOOP("TransfersModels", "Cancelled"),
}
DIRECTIONS = {
    "upload": QT_TRANSLATE_NOOP("TransfersModels", "Upload"),
    "download": QT_TRANSLATE_NOOP("TransfersModels", "Download"),
}


class QueueModel(HeaderedModel):
    CONTEXT = CTX
    COL_DIRECTION, COL_NAME, COL_SIZE, COL_PROGRESS, COL_STATE, COL_DETAIL = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("TransfersModels", "Direction"),
        QT_TRANSLATE_NOOP("TransfersModels", "File"),
        QT_TRANSLATE_NOOP("TransfersModels", "Size"),
        QT_TRANSLATE_NOOP("TransfersModels", "Progress"),
        QT_TRANSLATE_NOOP("TransfersModels", "State"),
        QT_TRANSLATE_NOOP("TransfersModels", "Details"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[QueueRow] = []
        self._where: dict[tuple[int, int], int] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def headers(self) -> Sequence[str]:
        return self.HEADERS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.rows[index.row()]
        col = index.column()
        if col == self.COL_DIRECTION:
            return QCoreApplication.translate(CTX, DIRECTIONS.get(r.direction, r.direction))
        if col == self.COL_NAME:
            return shown_name(r.name)
        if col == self.COL_SIZE:
            return human_size(r.size)
        if col == self.COL_PROGRESS:
            return f"{percent(r.done, r.size)} %"
        if col == self.COL_STATE:
            return QCoreApplication.translate(CTX, STATES[r.state])
        return r.detail

    def add(self, rows: list[QueueRow]) -> None:
        if not rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        for i, row in enumerate(rows):
            self._where[row.key] = first + i
            self.rows.append(row)
        self.endInsertRows()

    def update(self, key: tuple[int, int], **changes: Any) -> None:
        i = self._where.get(key)
        if i is None:
            return
        self.rows[i] = replace(self.rows[i], **changes)
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.HEADERS) - 1))

    def row_of(self, key: tuple[int, int]) -> QueueRow | None:
        i = self._where.get(key)
        return None if i is None else self.rows[i]

    def clear_finished(self) -> None:
        self.beginResetModel()
        self.rows = [r for r in self.rows if r.state in ("queued", "running")]
        self._where = {r.key: i for i, r in enumerate(self.rows)}
        self.endResetModel()


def percent(done: int, total: int) -> int:
    return 100 if total <= 0 else min(100, int(done * 100 / total))
