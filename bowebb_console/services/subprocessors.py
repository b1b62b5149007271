"""Sub-processors (policy clauses 8 and 10): the register with its flags, each one's DPA
checklist and evidence files, planned changes under GDPR Art. 28(2) with the customers'
objections and the notice export, the customers without a signed DPA (for leads), and the
text of the register's and a checklist's exports.

Only admins change the register. On PostgreSQL the GRANTs refuse everyone else, and that
refusal leaves here as :class:`RegisterRefused` (``subprocessors.refused``). Every change is
written with its chained log event in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from bowebb_console.domain import checklist as cl
from bowebb_console.domain.errors import ShownError, ValidationError
from bowebb_console.domain.orgnr import parse_orgnr
from bowebb_console.domain.subprocessor_flags import Flag, flags_for
from bowebb_console.services import customers
from bowebb_console.services.database import Database, Identity, transaction
from bowebb_console.store.subprocessors import changes as store_changes
from bowebb_console.store.subprocessors import evidence as store_evidence
from bowebb_console.store.subprocessors import export as store_export
from bowebb_console.store.subprocessors import register as store_register
from bowebb_console.store.subprocessors.changes import Objection, PlannedChange
from bowebb_console.store.subprocessors.evidence import EVIDENCE_MAX_BYTES, EvidenceInfo
from bowebb_console.store.subprocessors.register import (
    ChecklistEntry,
    CustomerWithoutDpa,
    RegisterRow,
    StaleRegisterEdit,
    SubProcessorInput,
    SubProcessorRecord,
)

__all__ = [
    "EVIDENCE_MAX_BYTES",
    "Changes",
    "ChecklistEntry",
    "CustomerWithoutDpa",
    "Detail",
    "EvidenceInfo",
    "Objection",
    "PlannedChange",
    "RegisterRefused",
    "RegisterRow",
    "StaleRegisterEdit",
    "SubProcessorInput",
    "SubProcessorRecord",
    "add_evidence",
    "add_planned_change",
    "attach_evidence",
    "checklist_csv",
    "checklist_html",
    "customers_without_dpa",
    "evidence_content",
    "export_change_recipients",
    "list_changes",
    "list_evidence",
    "list_register",
    "load_detail",
    "record_objection",
    "register_csv",
    "register_html",
    "save_evidence_copy",
    "save_sub_processor",
    "set_checklist_item",
]

NOTICE_REASON_MAX = 500


class RegisterRefused(ShownError):
    """The database refused the change: only admins keep the register."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "subprocessors.refused",
            "The database refused the change: only admins keep the sub-processor register.",
            {"detail": detail},
        )


@dataclass(frozen=True)
class Detail:
    """One sub-processor as its detail panel shows it."""

    record: SubProcessorRecord
    entries: tuple[ChecklistEntry, ...]
    evidence: tuple[EvidenceInfo, ...]
    flags: tuple[Flag, ...]


@dataclass(frozen=True)
class Changes:
    """The planned changes, and the sub-processors a new one may concern (id, name)."""

    changes: tuple[PlannedChange, ...]
    sub_processors: tuple[tuple[int, str], ...]


@contextmanager
def _writing(db: Database) -> Iterator[Connection]:
    """A change of the register and its log event in one transaction; the server's refusal
    of a role that may not change it becomes RegisterRefused."""
    try:
        with transaction(db) as conn:
            yield conn
    except ShownError as exc:
        if exc.code == "db.permission":
            raise RegisterRefused(exc.params.get("detail", "")) from exc
        raise


def _file_error(code: str, exc: OSError) -> ShownError:
    verb = "read" if code == "subprocessors.file_unreadable" else "written"
    reason = exc.strerror or ""
    return ShownError(code, f"The file could not be {verb}: {reason}", {"reason": reason})


# -- the register -----------------------------------------------------------------------------


def list_register(db: Database, today: dt.date | None = None) -> list[RegisterRow]:
    """Every sub-processor with its checklist statuses and flags (as of ``today``)."""
    with transaction(db, write=False) as conn:
        return store_register.list_register(conn, today or dt.date.today())


def load_detail(db: Database, sp_id: int, today: dt.date | None = None) -> Detail | None:
    """One sub-processor with its checklist, evidence files and flags; None: it is gone."""
    with transaction(db, write=False) as conn:
        record = store_register.get_record(conn, sp_id)
        if record is None:
            return None
        entries = store_register.checklist_entries(conn, sp_id)
        evidence = store_evidence.list_evidence(conn, sp_id)
    statuses = {e.item.key: e.status for e in entries}
    facts = store_register.facts_of(record, statuses)
    flags = flags_for(facts, cl.load_checklist(), today or dt.date.today())
    return Detail(record, tuple(entries), tuple(evidence), flags)


def save_sub_processor(
    db: Database,
    identity: Identity,
    inp: SubProcessorInput,
    *,
    sp_id: int | None = None,
    version: int | None = None,
) -> int:
    """Add (``sp_id`` None) or change a sub-processor; returns its id. ``version`` is the one
    the user loaded: if someone saved since, StaleRegisterEdit and nothing changes."""
    with _writing(db) as conn:
        return store_register.save_sub_processor(
            conn, inp, sp_id=sp_id, version=version, actor=identity.user
        )


def set_checklist_item(
    db: Database, identity: Identity, sp_id: int, item_key: str, status: str, evidence: str = ""
) -> None:
    """Record one checklist item's status and evidence note."""
    with _writing(db) as conn:
        store_register.set_checklist_item(
            conn, sp_id, item_key, status, evidence, actor=identity.user
        )


def customers_without_dpa(db: Database) -> list[CustomerWithoutDpa]:
    """Active customers with no signed DPA (policy clause 6), for leads to chase."""
    with transaction(db, write=False) as conn:
        return store_register.customers_without_dpa(conn)


# -- evidence files ---------------------------------------------------------------------------


def add_evidence(
    db: Database,
    identity: Identity,
    sp_id: int,
    file_name: str,
    content: bytes,
    *,
    item_key: str | None = None,
) -> EvidenceInfo:
    """Store a file (signed DPA, audit report) with its SHA-256 and size."""
    with _writing(db) as conn:
        return store_evidence.add_evidence(
            conn, sp_id, file_name, content, item_key=item_key, actor=identity.user
        )


def attach_evidence(
    db: Database, identity: Identity, sp_id: int, path: Path, *, item_key: str | None = None
) -> EvidenceInfo:
    """Attach the file at ``path``; one too large is refused before it is read into memory."""
    try:
        store_evidence.check_evidence_size(path.stat().st_size)
        content = path.read_bytes()
    except OSError as exc:
        raise _file_error("subprocessors.file_unreadable", exc) from exc
    return add_evidence(db, identity, sp_id, path.name, content, item_key=item_key)


def list_evidence(db: Database, sp_id: int) -> list[EvidenceInfo]:
    with transaction(db, write=False) as conn:
        return store_evidence.list_evidence(conn, sp_id)


def evidence_content(db: Database, evidence_id: int) -> bytes:
    """A stored file, refused unless it still has the SHA-256 recorded when it was added."""
    with transaction(db, write=False) as conn:
        found = store_evidence.evidence_file(conn, evidence_id)
    if found is None:
        raise ShownError("subprocessors.evidence_gone", "This evidence file no longer exists.")
    content, sha256 = found
    if hashlib.sha256(content).hexdigest() != sha256:
        raise ShownError(
            "subprocessors.evidence_altered",
            "The stored file no longer matches the SHA-256 recorded when it was added.",
        )
    return content


def save_evidence_copy(db: Database, evidence_id: int, path: Path) -> str:
    """Write a stored file to ``path`` (temporary name, then rename), read the copy back and
    check its SHA-256; returns the SHA-256."""
    content = evidence_content(db, evidence_id)
    expected = hashlib.sha256(content).hexdigest()
    tmp = path.with_name(f".{path.name}.part")
    try:
        tmp.write_bytes(content)
        os.replace(tmp, path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _file_error("subprocessors.file_unwritable", exc) from exc
    if digest != expected:
        raise ShownError(
            "subprocessors.copy_mismatch", "The copy does not match the stored SHA-256."
        )
    return digest


# -- planned changes (Art. 28(2)) -------------------------------------------------------------


def list_changes(db: Database) -> Changes:
    """The planned changes with their objections, and the sub-processors by name."""
    with transaction(db, write=False) as conn:
        changes = store_changes.list_planned_changes(conn)
        names = store_register.sub_processor_names(conn)
    return Changes(tuple(changes), tuple(names))


def add_planned_change(
    db: Database,
    identity: Identity,
    *,
    kind: str,
    description: str,
    planned_on: dt.date | None,
    sub_processor_id: int | None = None,
    customers_notified_on: dt.date | None = None,
    objection_window_ends: dt.date | None = None,
) -> int:
    """Record an intended addition or replacement; returns its id."""
    with _writing(db) as conn:
        return store_changes.add_planned_change(
            conn,
            kind=kind,
            description=description,
            planned_on=planned_on,
            sub_processor_id=sub_processor_id,
            customers_notified_on=customers_notified_on,
            objection_window_ends=objection_window_ends,
            actor=identity.user,
        )


def record_objection(
    db: Database,
    identity: Identity,
    change_id: int,
    org_number: str,
    received_on: dt.date | None,
    note: str = "",
) -> int:
    """Record a customer's objection (the customer found by its organisation number)."""
    try:
        digits = parse_orgnr(org_number).digits
    except ValidationError as exc:
        raise ValidationError(
            "customer",
            "This is not a valid organisation number (NNNNNN-NNNN).",
            "subprocessors.bad_org_number",
        ) from exc
    with _writing(db) as conn:
        customer = store_changes.customer_by_org_number(conn, digits)
        if customer is None:
            raise ValidationError(
                "customer",
                "No customer has this organisation number.",
                "subprocessors.unknown_customer",
            )
        return store_changes.record_objection(
            conn, change_id, customer, received_on, note, actor=identity.user
        )


def export_change_recipients(
    db: Database, identity: Identity, change: PlannedChange, path: Path
) -> int:
    """The customers to tell of ``change``: the recorded service-notice export. The file
    appears only after the record of the export is committed; returns the count."""
    reason = f"Planned sub-processor change #{change.id}: {change.description}"
    try:
        return customers.export_notices(
            db, path, reason=reason[:NOTICE_REASON_MAX], local_user=identity.user
        )
    except OSError as exc:
        raise _file_error("subprocessors.file_unwritable", exc) from exc


# -- exports ----------------------------------------------------------------------------------


def register_csv(rows: Sequence[RegisterRow], lang: str) -> str:
    out = io.StringIO()
    store_export.register_csv(rows, out, lang)
    return out.getvalue()


def register_html(rows: Sequence[RegisterRow], today: dt.date, lang: str) -> str:
    """The register as HTML, for the GUI to print to PDF."""
    return store_export.register_html(rows, today, lang)


def checklist_csv(detail: Detail, lang: str) -> str:
    out = io.StringIO()
    store_export.checklist_csv(detail.record, detail.entries, out, lang)
    return out.getvalue()


def checklist_html(detail: Detail, today: dt.date, lang: str) -> str:
    """One sub-processor's checklist, flags and evidence files as HTML, for a PDF."""
    return store_export.checklist_html(
        detail.record, detail.entries, detail.evidence, detail.flags, today, lang
    )
