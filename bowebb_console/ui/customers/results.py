"""The results list: company, org number, status, DPA badge and the contact that matched."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from bowebb_console.domain.orgnr import masked
from bowebb_console.services.customer_list import ResultRow
from bowebb_console.ui.i18n import CUSTOMER_STATUS, customer_status_text
from bowebb_console.ui.kit.rows import Column, Index, RowTableModel

CONTEXT = "ResultsModel"


def dpa_badge(signed: bool) -> str:
    if signed:
        return QCoreApplication.translate("ResultsModel", "signed")
    return QCoreApplication.translate("ResultsModel", "missing")


def matched_text(row: ResultRow) -> str:
    """The contact that matched; a restricted one (only leads and admins see it) marked."""
    if not row.matched_contact:
        return ""
    if row.matched_restricted:
        return QCoreApplication.translate("ResultsModel", "%1 (restricted)").replace(
            "%1", row.matched_contact
        )
    return row.matched_contact


def column_texts() -> dict[int, list[str]]:
    """Every text the Org. number, Status and DPA columns can show (their widths come from
    these, not from the rows: issue 18, item 12)."""
    return {
        ResultsModel.COL_ORG: [f"{d * 6}-{d * 4}" for d in "0123456789"] + ["000000-****"],
        ResultsModel.COL_STATUS: [customer_status_text(code) for code in CUSTOMER_STATUS],
        ResultsModel.COL_DPA: [dpa_badge(True), dpa_badge(False)],
    }


class ResultsModel(RowTableModel[ResultRow]):
    CONTEXT = CONTEXT
    COL_NAME, COL_ORG, COL_STATUS, COL_DPA, COL_CONTACT = range(5)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("ResultsModel", "Company"), lambda r: r.name, lambda r: r.name),
        Column(
            QT_TRANSLATE_NOOP("ResultsModel", "Org. number"),
            lambda r: masked(r.org_number),  # a sole trader's is a personnummer: the card has it
            lambda r: r.org_number,
        ),
        Column(
            QT_TRANSLATE_NOOP("ResultsModel", "Status"),
            lambda r: customer_status_text(r.status),
            lambda r: r.status,
        ),
        Column(
            QT_TRANSLATE_NOOP("ResultsModel", "DPA"),
            lambda r: dpa_badge(r.dpa_signed),
            lambda r: r.dpa_signed,
        ),
        Column(
            QT_TRANSLATE_NOOP("ResultsModel", "Matched contact"),
            lambda r: matched_text(r),
            lambda r: r.matched_contact or "",
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The badge is coloured as well as worded (never colour alone).
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            if index.column() == self.COL_DPA:
                return QBrush(QColor("#1b7f3b" if row.dpa_signed else "#b3261e"))
            if index.column() == self.COL_STATUS and row.status == "terminated":
                return QBrush(QColor("#6b6b6b"))
        return super().data(index, role)
