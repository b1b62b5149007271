"""Table models for the Customers and Sub-processors screens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from bowebb_console.ui.i18n import customer_status_text, sub_processor_status_text
from bowebb_console.ui.kit.rows import Column, RowTableModel, iso_date

if TYPE_CHECKING:
    from bowebb_console.store.customers.listing import CustomerRow

RIGHT = Qt.AlignmentFlag.AlignRight


def _dpa(row: CustomerRow) -> str:
    if row.dpa_signed_on is None:
        return QCoreApplication.translate("CustomerTableModel", "not signed")
    return row.dpa_signed_on.isoformat()


class CustomerTableModel(RowTableModel["CustomerRow"]):
    CONTEXT = "CustomerTableModel"
    COL_ORG, COL_NAME, COL_STATUS, COL_DPA, COL_HARD_DELETE, COL_CONTACTS = range(6)
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("CustomerTableModel", "Org. number"),
            lambda r: r.org_number,
            lambda r: r.org_number,
        ),
        Column(QT_TRANSLATE_NOOP("CustomerTableModel", "Name"), lambda r: r.name, lambda r: r.name),
        Column(
            QT_TRANSLATE_NOOP("CustomerTableModel", "Status"),
            lambda r: customer_status_text(r.status),
            lambda r: r.status,
        ),
        Column(
            QT_TRANSLATE_NOOP("CustomerTableModel", "DPA signed"),
            _dpa,
            lambda r: r.dpa_signed_on,
        ),
        Column(
            QT_TRANSLATE_NOOP("CustomerTableModel", "Hard delete due"),
            lambda r: iso_date(r.hard_delete_due),
            lambda r: r.hard_delete_due,
        ),
        Column(
            QT_TRANSLATE_NOOP("CustomerTableModel", "Contacts"),
            lambda r: str(r.contact_count),
            lambda r: r.contact_count,
            RIGHT,
        ),
    )


class SubProcessorTableModel(RowTableModel["SubProcessorRow"]):
    CONTEXT = "SubProcessorTableModel"
    COL_NAME, COL_SERVICE, COL_LOCATIONS, COL_DPA, COL_REVIEW, COL_STATUS = range(6)
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("SubProcessorTableModel", "Sub-processor"),
            lambda r: r.name,
            lambda r: r.name,
        ),
        Column(
            QT_TRANSLATE_NOOP("SubProcessorTableModel", "Service"),
            lambda r: r.service,
            lambda r: r.service,
        ),
        Column(
            QT_TRANSLATE_NOOP("SubProcessorTableModel", "Processing location"),
            lambda r: r.locations,
            lambda r: r.locations,
        ),
        Column(
            QT_TRANSLATE_NOOP("SubProcessorTableModel", "DPA signed"),
            lambda r: (
                iso_date(r.dpa_signed_on)
                or QCoreApplication.translate("SubProcessorTableModel", "not signed")
            ),
            lambda r: r.dpa_signed_on,
        ),
        Column(
            QT_TRANSLATE_NOOP("SubProcessorTableModel", "Next review"),
            lambda r: iso_date(r.next_review_on),
            lambda r: r.next_review_on,
        ),
        Column(
            QT_TRANSLATE_NOOP("SubProcessorTableModel", "Status"),
            lambda r: sub_processor_status_text(r.status),
            lambda r: r.status,
        ),
    )
