"""The sub-processor register and its DPA checklists (policy clauses 8 and 10).

Only admins change the register: on PostgreSQL the GRANTs refuse everyone else, and that
refusal arrives here as :class:`RegisterRefused`. Every change is written together with a
chained log event (``register_changed``, ``checklist_changed``, ``evidence_added``) in one
transaction, so a change is never saved without its record. Each sub-processor's events share
one session UUID (uuid5 of its id), so its history reads as one session of the log.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from bowebb_console.domain import checklist as cl
from bowebb_console.domain.countries import parse_locations
from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.domain.subprocessor_flags import Flag, RegisterFacts, flags_for
from bowebb_console.store.log.chain import engine_of, local_actor, write_event
from bowebb_console.store.models import (
    NAME_MAX,
    Customer,
    CustomerStatus,
    DpaChecklistItem,
    SubProcessor,
)

CATEGORIES_MAX = 4000
LOG_NAMESPACE = uuid.UUID("6f1d8a52-5b0e-4c8e-9a43-2f6f0b7c9e11")
EDITABLE = (
    "name",
    "registration_number",
    "service",
    "data_categories",
    "locations",
    "storage_locations",
    "contact",
    "dpa_reference",
    "dpa_signed_on",
    "next_review_on",
    "status",
    "ended_on",
    "receiving_data",
)


class RegisterRefused(PermissionError):
    """The database refused the change (only admins keep the register)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StaleRegisterEdit(RuntimeError):
    """Someone else saved this sub-processor since it was loaded; the input is kept."""


@dataclass(frozen=True)
class SubProcessorInput:
    name: str
    service: str
    registration_number: str = ""
    data_categories: str = ""
    locations: str = ""  # processing, "SE,DE"
    storage_locations: str = ""
    contact: str = ""
    dpa_reference: str = ""
    dpa_signed_on: dt.date | None = None
    next_review_on: dt.date | None = None
    status: str = "active"
    ended_on: dt.date | None = None
    receiving_data: bool = True


@dataclass(frozen=True)
class SubProcessorRecord(SubProcessorInput):
    id: int = 0
    version: int = 0


@dataclass(frozen=True)
class RegisterRow:
    record: SubProcessorRecord
    statuses: dict[str, str]  # item key → status
    flags: tuple[Flag, ...]


@dataclass(frozen=True)
class ChecklistEntry:
    item: cl.ChecklistItem
    status: str
    evidence: str
    assessed_by: str | None
    assessed_at: dt.datetime | None


@dataclass(frozen=True)
class CustomerWithoutDpa:
    id: int
    org_number: str
    name: str
    customer_since: dt.date | None
    dpa_version: str | None


def log_session_uuid(sub_processor_id: int) -> str:
    return str(uuid.uuid5(LOG_NAMESPACE, f"sub_processor:{sub_processor_id}"))


def _clean(text: str | None, field: str, limit: int, *, required: bool = False) -> str:
    value = " ".join((text or "").split())
    if required and not value:
        raise ValidationError(field, "This field is required.")
    if len(value) > limit:
        raise ValidationError(field, f"Too long (at most {limit} characters).")
    return value


def validate(inp: SubProcessorInput) -> dict[str, Any]:
    """The values to store, normalised; ValidationError names the first bad field."""
    if inp.status not in ("active", "ended"):
        raise ValidationError("status", "The status must be active or ended.")
    locations = parse_locations(inp.locations, "locations")
    if not locations:
        raise ValidationError("locations", "Give at least one processing location (e.g. SE).")
    storage = parse_locations(inp.storage_locations, "storage_locations")
    if inp.status == "active" and inp.ended_on is not None:
        raise ValidationError("ended_on", "An active sub-processor has no end date.")
    if inp.status == "ended" and inp.ended_on is None:
        raise ValidationError("ended_on", "Give the date the sub-processor ended.")
    if len((inp.data_categories or "").strip()) > CATEGORIES_MAX:
        raise ValidationError("data_categories", f"Too long (at most {CATEGORIES_MAX} characters).")
    if inp.dpa_signed_on and inp.dpa_signed_on > dt.date.today():
        raise ValidationError("dpa_signed_on", "The DPA signing date is in the future.")
    return {
        "name": _clean(inp.name, "name", NAME_MAX, required=True),
        "registration_number": _clean(inp.registration_number, "registration_number", 40) or None,
        "service": _clean(inp.service, "service", 200, required=True),
        "data_categories": (inp.data_categories or "").strip(),
        "locations": ",".join(locations),
        "storage_locations": ",".join(storage),
        "contact": _clean(inp.contact, "contact", 200) or None,
        "dpa_reference": _clean(inp.dpa_reference, "dpa_reference", 200) or None,
        "dpa_signed_on": inp.dpa_signed_on,
        "next_review_on": inp.next_review_on,
        "status": inp.status,
        "ended_on": inp.ended_on,
        "receiving_data": bool(inp.receiving_data),
    }


@contextmanager
def writing(db: Any) -> Iterator[Connection]:
    """One transaction for the change and its log event; database refusals translated."""
    engine = engine_of(db)
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                conn.execution_options(sqlite_begin="IMMEDIATE")  # the log's chain is extended
            with conn.begin():
                yield conn
    except DBAPIError as exc:
        detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200]
        if "permission denied" in detail.lower():
            raise RegisterRefused(
                "The database refused the change: only admins keep the sub-processor register."
            ) from None
        if isinstance(exc, IntegrityError) and "name" in detail.lower():
            raise ValidationError("name", "A sub-processor with this name exists.") from None
        raise


def log_change(
    conn: Connection, kind: str, sp_id: int, payload: dict[str, Any], actor: str | None
) -> None:
    write_event(
        conn, kind, log_session_uuid(sp_id), str(uuid.uuid4()), canonical_payload(payload), actor
    )


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def save_sub_processor(
    db: Any,
    inp: SubProcessorInput,
    *,
    sp_id: int | None = None,
    version: int | None = None,
    actor: str | None = None,
) -> int:
    """Add (``sp_id`` None) or change a sub-processor; returns its id. ``version`` is the one
    loaded: a newer saved version raises StaleRegisterEdit. ``actor``: SQLite only."""
    values = validate(inp)
    with writing(db) as conn:
        if sp_id is None:
            new_id = conn.execute(
                insert(SubProcessor).values(**values, version=1).returning(SubProcessor.id)
            ).scalar_one()
            changes = {k: [None, _json(v)] for k, v in values.items() if v not in (None, "")}
            log_change(
                conn,
                "register_changed",
                new_id,
                {"action": "added", "sub_processor_id": new_id, "changes": changes},
                actor,
            )
            return int(new_id)
        cols = [getattr(SubProcessor, k) for k in EDITABLE]
        old = conn.execute(
            select(SubProcessor.version, *cols).where(SubProcessor.id == sp_id)
        ).first()
        if old is None or (version is not None and old[0] != version):
            raise StaleRegisterEdit(
                "Someone else changed or removed this sub-processor since you opened it; "
                "your input is kept — reload and apply it again."
            )
        before = dict(zip(EDITABLE, old[1:], strict=True))
        changes = {k: [_json(before[k]), _json(v)] for k, v in values.items() if before[k] != v}
        if changes:
            done = conn.execute(
                update(SubProcessor)
                .where(SubProcessor.id == sp_id, SubProcessor.version == old[0])
                .values(**values, version=old[0] + 1)
            )
            if done.rowcount != 1:
                raise StaleRegisterEdit("Someone else saved this sub-processor at the same time.")
            log_change(
                conn,
                "register_changed",
                sp_id,
                {"action": "changed", "sub_processor_id": sp_id, "changes": changes},
                actor,
            )
        return sp_id


def set_checklist_item(
    db: Any,
    sp_id: int,
    item_key: str,
    status: str,
    evidence: str = "",
    *,
    actor: str | None = None,
    checklist: cl.Checklist | None = None,
) -> None:
    """Record one item's assessment. Who and when: the server on PostgreSQL (session_user)."""
    checklist = checklist or cl.load_checklist()
    if checklist.item(item_key) is None:
        raise ValidationError("item_key", f"{item_key!r} is not an item of the checklist.")
    if status not in cl.STATUSES:
        raise ValidationError("status", "The status must be yes, no, partly or not assessed.")
    evidence = (evidence or "").strip()
    if len(evidence) > 2000:
        raise ValidationError("evidence", "The evidence note is too long (at most 2000).")
    with writing(db) as conn:
        values: dict[str, Any] = {"status": status, "evidence": evidence}
        if conn.dialect.name == "sqlite":
            values |= {"assessed_by": actor or local_actor(), "assessed_at": utcnow()}
        existing = conn.execute(
            select(DpaChecklistItem.id, DpaChecklistItem.status, DpaChecklistItem.evidence).where(
                DpaChecklistItem.sub_processor_id == sp_id, DpaChecklistItem.item_key == item_key
            )
        ).first()
        if existing is None:
            conn.execute(
                insert(DpaChecklistItem).values(sub_processor_id=sp_id, item_key=item_key, **values)
            )
            before: tuple[str | None, str | None] = (None, None)
        else:
            conn.execute(
                update(DpaChecklistItem).where(DpaChecklistItem.id == existing[0]).values(**values)
            )
            before = (existing[1], existing[2])
        payload = {
            "sub_processor_id": sp_id,
            "item": item_key,
            "article": checklist.item(item_key).article,  # type: ignore[union-attr]
            "status": [before[0], status],
            "evidence": [before[1], evidence],
        }
        log_change(conn, "checklist_changed", sp_id, payload, actor)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# -- reading ----------------------------------------------------------------------------------


def _record(row: Any) -> SubProcessorRecord:
    values = {k: getattr(row, k) for k in EDITABLE}
    for k in ("registration_number", "contact", "dpa_reference"):
        values[k] = values[k] or ""
    return SubProcessorRecord(**values, id=row.id, version=row.version)


def _statuses(session: Session) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    q = select(
        DpaChecklistItem.sub_processor_id, DpaChecklistItem.item_key, DpaChecklistItem.status
    )
    for sp_id, key, status in session.execute(q):
        out.setdefault(sp_id, {})[key] = status
    return out


def facts_of(record: SubProcessorInput, statuses: dict[str, str]) -> RegisterFacts:
    return RegisterFacts(
        status=record.status,
        dpa_signed_on=record.dpa_signed_on,
        next_review_on=record.next_review_on,
        processing_locations=parse_locations(record.locations),
        storage_locations=parse_locations(record.storage_locations),
        receiving_data=record.receiving_data,
        item_statuses=statuses,
    )


def list_register(session: Session, today: dt.date) -> list[RegisterRow]:
    """Every sub-processor with its checklist statuses and flags (flags as of ``today``)."""
    checklist = cl.load_checklist()
    statuses = _statuses(session)
    rows = []
    for sp in session.scalars(select(SubProcessor).order_by(SubProcessor.name)):
        record = _record(sp)
        mine = statuses.get(sp.id, {})
        rows.append(RegisterRow(record, mine, flags_for(facts_of(record, mine), checklist, today)))
    return rows


def get_record(session: Session, sp_id: int) -> SubProcessorRecord | None:
    sp = session.get(SubProcessor, sp_id)
    return _record(sp) if sp is not None else None


def checklist_entries(session: Session, sp_id: int) -> list[ChecklistEntry]:
    """Every item of the checklist in its order; unassessed items as "not_assessed"."""
    saved = {
        r.item_key: r
        for r in session.scalars(
            select(DpaChecklistItem).where(DpaChecklistItem.sub_processor_id == sp_id)
        )
    }
    out = []
    for item in cl.load_checklist().items:
        r = saved.get(item.key)
        if r is None:
            out.append(ChecklistEntry(item, cl.NOT_ASSESSED, "", None, None))
        else:
            out.append(ChecklistEntry(item, r.status, r.evidence, r.assessed_by, r.assessed_at))
    return out


def customers_without_dpa(session: Session) -> list[CustomerWithoutDpa]:
    """Active customers with no signed DPA (policy clause 6), for leads to chase."""
    rows = session.execute(
        select(
            Customer.id,
            Customer.org_number,
            Customer.name,
            Customer.customer_since,
            Customer.dpa_version,
        )
        .where(Customer.status == CustomerStatus.ACTIVE.value, Customer.dpa_signed_on.is_(None))
        .order_by(Customer.name, Customer.id)
    )
    return [CustomerWithoutDpa(r[0], f"{r[1][:6]}-{r[1][6:]}", r[2], r[3], r[4]) for r in rows]


def record_as_dict(record: SubProcessorRecord) -> dict[str, Any]:
    return {k: _json(v) for k, v in asdict(record).items()}
