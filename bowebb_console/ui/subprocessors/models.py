"""Table models of the Sub-processors screen: thin adapters over the service's frozen rows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from bowebb_console.domain.subprocessor_flags import severity
from bowebb_console.ui.i18n import sub_processor_status_text
from bowebb_console.ui.kit.rows import Column, Index, RowTableModel, iso_date
from bowebb_console.ui.subprocessors.common import (
    change_kind_text,
    flags_summary,
    iso,
    language,
    status_text,
)

if TYPE_CHECKING:  # the row types, named as strings in the generic bases below
    from bowebb_console.services.subprocessors import (  # noqa: F401
        ChecklistEntry,
        CustomerWithoutDpa,
        EvidenceInfo,
        Objection,
        PlannedChange,
        RegisterRow,
    )


class RegisterModel(RowTableModel["RegisterRow"]):
    CONTEXT = "RegisterModel"
    COL_NAME, COL_SERVICE, COL_LOCATIONS, COL_STORAGE = range(4)
    COL_DPA, COL_REVIEW, COL_STATUS, COL_FLAGS, COL_FLAG_TEXT = range(4, 9)
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("RegisterModel", "Sub-processor"),
            lambda r: r.record.name,
            lambda r: r.record.name,
        ),
        Column(
            QT_TRANSLATE_NOOP("RegisterModel", "Service"),
            lambda r: r.record.service,
            lambda r: r.record.service,
        ),
        Column(
            QT_TRANSLATE_NOOP("RegisterModel", "Processing"),
            lambda r: r.record.locations,
            lambda r: r.record.locations,
        ),
        Column(
            QT_TRANSLATE_NOOP("RegisterModel", "Storage"),
            lambda r: r.record.storage_locations,
            lambda r: r.record.storage_locations,
        ),
        Column(
            QT_TRANSLATE_NOOP("RegisterModel", "DPA signed"),
            lambda r: iso_date(r.record.dpa_signed_on),
            lambda r: r.record.dpa_signed_on,
        ),
        Column(
            QT_TRANSLATE_NOOP("RegisterModel", "Next review"),
            lambda r: iso_date(r.record.next_review_on),
            lambda r: r.record.next_review_on,
        ),
        Column(
            QT_TRANSLATE_NOOP("RegisterModel", "Status"),
            lambda r: sub_processor_status_text(r.record.status),
            lambda r: r.record.status,
        ),
        # The number of flags, sorted by the worst flag first (a breach before an old review).
        Column(
            QT_TRANSLATE_NOOP("RegisterModel", "Flags"),
            lambda r: str(len(r.flags)),
            lambda r: severity(r.flags),
        ),
        Column(
            QT_TRANSLATE_NOOP("RegisterModel", "What is flagged"),
            lambda r: flags_summary(r.flags),
            lambda r: flags_summary(r.flags),
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The flag columns in red when a sub-processor has a flag, so gaps stand out.
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if (
                index.column() in (self.COL_FLAGS, self.COL_FLAG_TEXT)
                and self.row_at(index.row()).flags
            ):
                return QColor("#b00020")
            return None
        return super().data(index, role)


class ChecklistModel(RowTableModel["ChecklistEntry"]):
    CONTEXT = "ChecklistModel"
    COL_ARTICLE, COL_ITEM, COL_STATUS, COL_EVIDENCE, COL_BY, COL_AT = range(6)
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("ChecklistModel", "Article"),
            lambda e: e.item.article,
            lambda e: e.item.article,
        ),
        Column(
            QT_TRANSLATE_NOOP("ChecklistModel", "Requirement"),
            lambda e: e.item.text(language()),
            lambda e: e.item.key,
        ),
        Column(
            QT_TRANSLATE_NOOP("ChecklistModel", "Status"),
            lambda e: status_text(e.status),
            lambda e: e.status,
        ),
        Column(
            QT_TRANSLATE_NOOP("ChecklistModel", "Evidence"),
            lambda e: e.evidence,
            lambda e: e.evidence,
        ),
        Column(
            QT_TRANSLATE_NOOP("ChecklistModel", "Assessed by"),
            lambda e: e.assessed_by or "",
            lambda e: e.assessed_by,
        ),
        Column(
            QT_TRANSLATE_NOOP("ChecklistModel", "Assessed"),
            lambda e: iso(e.assessed_at),
            lambda e: e.assessed_at,
        ),
    )


class EvidenceModel(RowTableModel["EvidenceInfo"]):
    CONTEXT = "EvidenceModel"
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("EvidenceModel", "File"), lambda f: f.file_name, lambda f: f.file_name
        ),
        Column(
            QT_TRANSLATE_NOOP("EvidenceModel", "Item"),
            lambda f: f.item_key or "",
            lambda f: f.item_key,
        ),
        Column(
            QT_TRANSLATE_NOOP("EvidenceModel", "Size (bytes)"),
            lambda f: f"{f.size:,}".replace(",", " "),
            lambda f: f.size,
        ),
        Column(
            QT_TRANSLATE_NOOP("EvidenceModel", "SHA-256"), lambda f: f.sha256, lambda f: f.sha256
        ),
        Column(
            QT_TRANSLATE_NOOP("EvidenceModel", "Added by"),
            lambda f: f.added_by,
            lambda f: f.added_by,
        ),
        Column(
            QT_TRANSLATE_NOOP("EvidenceModel", "Added"),
            lambda f: iso(f.added_at),
            lambda f: f.added_at,
        ),
    )


class NoDpaModel(RowTableModel["CustomerWithoutDpa"]):
    CONTEXT = "NoDpaModel"
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("NoDpaModel", "Org. number"),
            lambda c: c.org_number,
            lambda c: c.org_number,
        ),
        Column(QT_TRANSLATE_NOOP("NoDpaModel", "Customer"), lambda c: c.name, lambda c: c.name),
        Column(
            QT_TRANSLATE_NOOP("NoDpaModel", "Customer since"),
            lambda c: iso_date(c.customer_since),
            lambda c: c.customer_since,
        ),
    )


class ChangesModel(RowTableModel["PlannedChange"]):
    CONTEXT = "ChangesModel"
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("ChangesModel", "Takes effect"),
            lambda c: iso_date(c.planned_on),
            lambda c: c.planned_on,
        ),
        Column(
            QT_TRANSLATE_NOOP("ChangesModel", "Kind"),
            lambda c: change_kind_text(c.kind),
            lambda c: c.kind,
        ),
        Column(
            QT_TRANSLATE_NOOP("ChangesModel", "Sub-processor"),
            lambda c: c.sub_processor_name or "",
            lambda c: c.sub_processor_name,
        ),
        Column(
            QT_TRANSLATE_NOOP("ChangesModel", "Customers notified"),
            lambda c: iso_date(c.customers_notified_on),
            lambda c: c.customers_notified_on,
        ),
        Column(
            QT_TRANSLATE_NOOP("ChangesModel", "Objections until"),
            lambda c: iso_date(c.objection_window_ends),
            lambda c: c.objection_window_ends,
        ),
        Column(
            QT_TRANSLATE_NOOP("ChangesModel", "Objections"),
            lambda c: str(len(c.objections)),
            lambda c: len(c.objections),
        ),
        Column(
            QT_TRANSLATE_NOOP("ChangesModel", "Change"),
            lambda c: c.description,
            lambda c: c.description,
        ),
    )


class ObjectionsModel(RowTableModel["Objection"]):
    CONTEXT = "ObjectionsModel"
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("ObjectionsModel", "Received"),
            lambda o: iso_date(o.received_on),
            lambda o: o.received_on,
        ),
        Column(
            QT_TRANSLATE_NOOP("ObjectionsModel", "Customer"),
            lambda o: o.customer_name,
            lambda o: o.customer_name,
        ),
        Column(
            QT_TRANSLATE_NOOP("ObjectionsModel", "Org. number"),
            lambda o: o.org_number,
            lambda o: o.org_number,
        ),
        Column(QT_TRANSLATE_NOOP("ObjectionsModel", "Note"), lambda o: o.note, lambda o: o.note),
    )
