"""The breach list: one row per breach, with its 72-hour clock (overdue in red)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from bowebb_console.domain.breaches import hours_and_minutes
from bowebb_console.services.breaches import BreachRecord, clock_of
from bowebb_console.ui.kit.rows import Column, Index, RowTableModel

C = "BreachModel"

STATUS = {
    "open": QT_TRANSLATE_NOOP("BreachModel", "open"),
    "closed": QT_TRANSLATE_NOOP("BreachModel", "closed"),
}
DECISIONS = {
    "undecided": QT_TRANSLATE_NOOP("BreachModel", "not decided"),
    "notify": QT_TRANSLATE_NOOP("BreachModel", "IMY notified"),
    "not_notify": QT_TRANSLATE_NOOP("BreachModel", "IMY not notified"),
}
OVERDUE = QT_TRANSLATE_NOOP("BreachModel", "overdue by %1 h %2 min")
LEFT = QT_TRANSLATE_NOOP("BreachModel", "%1 h %2 min left")
RED = QColor("#b00020")


def _tr(text: str) -> str:
    return QCoreApplication.translate(C, text)


def local(value: dt.datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def clock_text(record: BreachRecord, now: dt.datetime | None = None) -> str:
    """ "41 h 20 min left", "overdue by 3 h 5 min", or the decision once recorded."""
    clock = clock_of(record, now)
    if clock is None:
        return _tr(STATUS["closed"])
    if not clock.running:
        return _tr(DECISIONS.get(record.imy_decision, record.imy_decision))
    hours, minutes = hours_and_minutes(clock.remaining)
    template = _tr(OVERDUE if clock.overdue else LEFT)
    return template.replace("%1", str(hours)).replace("%2", str(minutes))


def overdue(record: BreachRecord) -> bool:
    clock = clock_of(record)
    return clock is not None and clock.overdue


def _notified(r: BreachRecord) -> str:
    if r.notified_on is None:
        return ""
    return f"{r.notified_on.isoformat()} ({r.notified_count})"


class BreachModel(RowTableModel[BreachRecord]):
    CONTEXT = C
    COL_DISCOVERED, COL_CLOCK, COL_STATUS, COL_WHAT, COL_PEOPLE, COL_IMY, COL_NOTIFIED = range(7)
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("BreachModel", "Discovered"),
            lambda r: local(r.discovered_at),
            lambda r: r.discovered_at,
        ),
        Column(
            QT_TRANSLATE_NOOP("BreachModel", "72-hour clock (IMY)"),
            clock_text,
            lambda r: clock_of(r).remaining if clock_of(r) else dt.timedelta.max,  # type: ignore[union-attr]
        ),
        Column(
            QT_TRANSLATE_NOOP("BreachModel", "Status"),
            lambda r: _tr(STATUS.get(r.status, r.status)),
            lambda r: r.status,
        ),
        Column(
            QT_TRANSLATE_NOOP("BreachModel", "What happened"),
            lambda r: " ".join(r.description.split())[:120],
            lambda r: r.description,
        ),
        Column(
            QT_TRANSLATE_NOOP("BreachModel", "People (approx.)"),
            lambda r: "" if r.people_approx is None else str(r.people_approx),
            lambda r: r.people_approx,
            Qt.AlignmentFlag.AlignRight,
        ),
        Column(
            QT_TRANSLATE_NOOP("BreachModel", "IMY"),
            lambda r: _tr(DECISIONS.get(r.imy_decision, r.imy_decision)),
            lambda r: r.imy_decision,
        ),
        Column(
            QT_TRANSLATE_NOOP("BreachModel", "Customers notified"),
            _notified,
            lambda r: r.notified_on,
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and overdue(self.row_at(index.row()))
        ):
            return QBrush(RED)
        return super().data(index, role)
