"""The privacy dashboard's lines: one per thing an admin must act on, each naming the place
where it is handled (a screen and a record there), overdue ones in red.

:func:`dashboard_lines` turns the service's :class:`~bowebb_console.services.privacy.Dashboard`
into :class:`Line` rows with translated texts; the table model only shows them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from bowebb_console.domain.subprocessor_flags import FlagKind
from bowebb_console.services.privacy import Dashboard, RequestView
from bowebb_console.ui.breaches.models import clock_text, overdue
from bowebb_console.ui.kit.formats import local_time
from bowebb_console.ui.kit.rows import Column, Index, RowTableModel

C = "PrivacyModel"
RED = QColor("#b00020")
SHOWN_PER_AREA = 5  # long lists (customers without a DPA) show their first few and a count

# Where each line is handled: a navigation key of the main window ("privacy": this screen's
# own access-request dialog; "lifecycle": the File menu's lifecycle dialog).
PLACES = {
    "privacy": QT_TRANSLATE_NOOP("PrivacyModel", "Privacy (this screen)"),
    "erasure": QT_TRANSLATE_NOOP("PrivacyModel", "Erasure"),
    "breaches": QT_TRANSLATE_NOOP("PrivacyModel", "Breaches"),
    "sub_processors": QT_TRANSLATE_NOOP("PrivacyModel", "Sub-processors"),
    "customers": QT_TRANSLATE_NOOP("PrivacyModel", "Customers"),
    "lifecycle": QT_TRANSLATE_NOOP("PrivacyModel", "File → Lifecycle"),
}
AREAS = {
    "access": QT_TRANSLATE_NOOP("PrivacyModel", "Access request"),
    "erasure": QT_TRANSLATE_NOOP("PrivacyModel", "Erasure request"),
    "breach": QT_TRANSLATE_NOOP("PrivacyModel", "Breach"),
    "sub_processor": QT_TRANSLATE_NOOP("PrivacyModel", "Sub-processor"),
    "no_dpa": QT_TRANSLATE_NOOP("PrivacyModel", "Customer without DPA"),
    "purge": QT_TRANSLATE_NOOP("PrivacyModel", "Purge due"),
    "restricted": QT_TRANSLATE_NOOP("PrivacyModel", "Restricted contact"),
    "objection": QT_TRANSLATE_NOOP("PrivacyModel", "Objection to news"),
    "retention": QT_TRANSLATE_NOOP("PrivacyModel", "Log retention"),
}
FLAGS = {
    FlagKind.OUTSIDE_EU_EEA: QT_TRANSLATE_NOOP("PrivacyModel", "outside the EU/EEA"),
    FlagKind.EEA_NOT_EU: QT_TRANSLATE_NOOP("PrivacyModel", "outside the EU (EEA)"),
    FlagKind.ENDED_RECEIVING: QT_TRANSLATE_NOOP("PrivacyModel", "ended but still receiving data"),
    FlagKind.NO_DPA: QT_TRANSLATE_NOOP("PrivacyModel", "no DPA"),
    FlagKind.CHECKLIST_GAP: QT_TRANSLATE_NOOP("PrivacyModel", "gaps in the DPA checklist"),
    FlagKind.REVIEW_OVERDUE: QT_TRANSLATE_NOOP("PrivacyModel", "review overdue"),
}


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(C, text, None, n)


@dataclass(frozen=True)
class Line:
    area: str  # a key of AREAS
    what: str  # translated
    deadline: str  # translated: a date, a clock, or empty
    late: bool  # shown in red
    place: str  # a key of PLACES
    record: int = 0  # the id the place selects (0: none)
    request: RequestView | None = None  # access requests: handled in this screen's dialog

    @property
    def place_text(self) -> str:
        return _tr(PLACES[self.place])


class DashboardModel(RowTableModel[Line]):
    CONTEXT = C
    COL_AREA, COL_WHAT, COL_DEADLINE, COL_PLACE = range(4)
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("PrivacyModel", "Area"),
            lambda r: _tr(AREAS[r.area]),
            lambda r: r.area,
        ),
        Column(QT_TRANSLATE_NOOP("PrivacyModel", "What"), lambda r: r.what, lambda r: r.what),
        Column(
            QT_TRANSLATE_NOOP("PrivacyModel", "Deadline"),
            lambda r: r.deadline,
            lambda r: (not r.late, r.deadline),
        ),
        Column(
            QT_TRANSLATE_NOOP("PrivacyModel", "Handled in"),
            lambda r: r.place_text,
            lambda r: r.place,
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and self.row_at(index.row()).late
        ):
            return QBrush(RED)
        return super().data(index, role)

    def _due(self, request: RequestView, today: dt.date) -> str:
        due = request.effective_due.isoformat()
        if request.is_overdue(today):
            days = (today - request.effective_due).days
            return self.tr("%1, overdue by %Ln day(s)", "", days).replace("%1", due)
        if request.extended_to:
            return self.tr("%1 (extended)").replace("%1", due)
        return due

    def _more(self, area: str, left: int, place: str) -> Line:
        return Line(
            area,
            self.tr("… and %Ln more", "", left),
            "",
            False,
            place,
        )

    def lines_for(self, board: Dashboard, today: dt.date) -> list[Line]:
        """The lines, most urgent area first: requests and breaches (with deadlines), then the
        register's flags, DPAs, purges, restricted contacts and objections, the retention."""
        lines: list[Line] = []
        for r in board.requests:
            access = r.kind == "access"
            what = (
                self.tr("Access request %1, received %2")
                if access
                else self.tr("Erasure request %1, received %2")
            )
            lines.append(
                Line(
                    "access" if access else "erasure",
                    what.replace("%1", r.reference).replace("%2", r.received_on.isoformat()),
                    self._due(r, today),
                    r.is_overdue(today),
                    "privacy" if access else "erasure",
                    r.id,
                    r if access else None,
                )
            )
        for b in board.breaches:
            summary = " ".join(b.description.split())[:80]
            lines.append(
                Line(
                    "breach",
                    self.tr("Discovered %1: %2")
                    .replace("%1", b.discovered_at.astimezone().strftime("%Y-%m-%d %H:%M"))
                    .replace("%2", summary),
                    clock_text(b),
                    overdue(b),
                    "breaches",
                    b.id,
                )
            )
        for row in board.flagged:
            words = ", ".join(_tr(FLAGS.get(f.kind, str(f.kind))) for f in row.flags)
            lines.append(
                Line(
                    "sub_processor",
                    f"{row.record.name}: {words}",
                    "",
                    False,
                    "sub_processors",
                    row.record.id,
                )
            )
        for c in board.without_dpa[:SHOWN_PER_AREA]:
            lines.append(Line("no_dpa", f"{c.name} ({c.org_number})", "", False, "customers", c.id))
        if len(board.without_dpa) > SHOWN_PER_AREA:
            lines.append(self._more("no_dpa", len(board.without_dpa) - SHOWN_PER_AREA, "customers"))
        for p in board.purges_due[:SHOWN_PER_AREA]:
            lines.append(
                Line(
                    "purge",
                    p.name,
                    p.hard_delete_due.isoformat(),
                    p.hard_delete_due < today,
                    "erasure",
                )
            )
        if len(board.purges_due) > SHOWN_PER_AREA:
            lines.append(self._more("purge", len(board.purges_due) - SHOWN_PER_AREA, "erasure"))
        for m in board.marked:
            what = f"{m.name} ({m.customer_name})"
            if m.restricted:
                lines.append(Line("restricted", what, "", False, "customers", m.customer_id))
            if m.news_objection:
                lines.append(Line("objection", what, "", False, "customers", m.customer_id))
        run = board.retention
        if run is None:
            text = self.tr("No retention run has erased anything yet.")
        else:
            text = self.tr("Last run %1 erased %Ln payload(s)", "", run.payloads).replace(
                "%1", local_time(run.at)
            )
        lines.append(Line("retention", text, "", False, "lifecycle"))
        return lines
