"""Table models of the Erasure screen: requests (open, overdue, closed) and certificates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from bowebb_console.ui.kit.rows import Column, RowTableModel, iso_date

STATUS = {
    "open": QT_TRANSLATE_NOOP("ErasureModels", "open"),
    "forwarded": QT_TRANSLATE_NOOP("ErasureModels", "forwarded to the customer"),
    "done": QT_TRANSLATE_NOOP("ErasureModels", "erased"),
    "refused": QT_TRANSLATE_NOOP("ErasureModels", "refused"),
}
OVERDUE = QT_TRANSLATE_NOOP("ErasureModels", "OVERDUE")
ANSWERED = QT_TRANSLATE_NOOP("ErasureModels", "answered")
EXTENDED = QT_TRANSLATE_NOOP("ErasureModels", "open (extended)")
REQUEST_KIND = {
    "erasure": QT_TRANSLATE_NOOP("ErasureModels", "erasure (Art. 17)"),
    "access": QT_TRANSLATE_NOOP("ErasureModels", "access (Art. 15)"),
}
KIND = {
    "person": QT_TRANSLATE_NOOP("ErasureModels", "erasure request"),
    "customer": QT_TRANSLATE_NOOP("ErasureModels", "hard delete of a customer"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("ErasureModels", text)


def status_text(row: Any, today: dt.date) -> str:
    if row.is_overdue(today):
        return _t(OVERDUE)
    if row.status == "open" and row.extended_to:
        return _t(EXTENDED)
    if row.status == "done" and getattr(row, "kind", "") == "access":
        return _t(ANSWERED)
    return _t(STATUS.get(row.status, row.status))


class RequestTableModel(RowTableModel[Any]):
    CONTEXT = "ErasureModels"
    today = dt.date.today()
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("ErasureModels", "Reference"),
            lambda r: r.reference,
            lambda r: r.reference,
        ),
        Column(
            QT_TRANSLATE_NOOP("ErasureModels", "Received"),
            lambda r: iso_date(r.received_on),
            lambda r: r.received_on,
        ),
        Column(
            QT_TRANSLATE_NOOP("ErasureModels", "Due"),
            lambda r: iso_date(r.effective_due),
            lambda r: r.effective_due,
        ),
        Column(
            QT_TRANSLATE_NOOP("ErasureModels", "Status"),
            lambda r: status_text(r, RequestTableModel.today),
            lambda r: (r.status != "open", r.effective_due),
        ),
        Column(
            QT_TRANSLATE_NOOP("ErasureModels", "Closed"),
            lambda r: iso_date(r.closed_on),
            lambda r: r.closed_on,
        ),
        Column(
            QT_TRANSLATE_NOOP("ErasureModels", "Request"),
            lambda r: _t(REQUEST_KIND.get(r.kind, r.kind)),
            lambda r: r.kind,
        ),
    )

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            if row.is_overdue(self.today):
                from PySide6.QtGui import QColor

                return QColor("#b00020")
        return super().data(index, role)


class CertificateTableModel(RowTableModel[Any]):
    CONTEXT = "ErasureModels"
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("ErasureModels", "Reference"),
            lambda r: r.reference,
            lambda r: r.reference,
        ),
        Column(
            QT_TRANSLATE_NOOP("ErasureModels", "Issued"),
            lambda r: iso_date(r.issued_on),
            lambda r: r.issued_on,
        ),
        Column(
            QT_TRANSLATE_NOOP("ErasureModels", "Kind"),
            lambda r: _t(KIND.get(r.kind, r.kind)),
            lambda r: r.kind,
        ),
        Column(
            QT_TRANSLATE_NOOP("ErasureModels", "Performed by role"),
            lambda r: r.performed_by_role,
            lambda r: r.performed_by_role,
        ),
    )
