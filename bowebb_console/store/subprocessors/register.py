"""The sub-processor register and its DPA checklists (policy clauses 8 and 10).

Only admins change the register: on PostgreSQL the GRANTs refuse everyone else (the service
turns that refusal into ``subprocessors.refused``). Every change is written together with a
chained log event (``register_changed``, ``checklist_changed``, ``evidence_added``) in the
caller's transaction, so a change is never saved without its record. Each sub-processor's
events share one session UUID (uuid5 of its id), so its history reads as one session of the log.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from bowebb_console.domain import checklist as cl
from bowebb_console.domain.countries import parse_locations
from bowebb_console.domain.errors import ShownError, ValidationError
from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.domain.subprocessor_flags import (
    Flag,
    RegisterFacts,
    ToolEntry,
    flags_for,
)
from bowebb_console.store.db.errors import driver_code
from bowebb_console.store.log.chain import local_actor, write_event
from bowebb_console.store.models import (
    NAME_MAX,
    Customer,
    CustomerStatus,
    DpaChecklistItem,
    SubProcessor,
)

CATEGORIES_MAX = 4000
EVIDENCE_NOTE_MAX = 2000
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
    "remote_tool",
)
REMOTE_TOOL_MAX = 40


class StaleRegisterEdit(ShownError):
    """Someone else saved (or removed) this sub-processor since it was loaded."""

    def __init__(self) -> None:
        super().__init__(
            "subprocessors.stale_edit",
            "Someone else changed or removed this sub-processor since you opened it; "
            "your input is kept — reload and apply it again.",
        )


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
    remote_tool: str = ""  # the remote-control tool this entry covers ("AnyDesk"), or ""


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
        raise ValidationError(field, "This field is required.", "subprocessors.required")
    if len(value) > limit:
        raise too_long(field, limit)
    return value


def too_long(field: str, limit: int) -> ValidationError:
    return ValidationError(
        field,
        f"Too long (at most {limit} characters).",
        "subprocessors.too_long",
        {"limit": limit},
    )


def validate(inp: SubProcessorInput) -> dict[str, Any]:
    """The values to store, normalised; ValidationError names the first bad field."""
    if inp.status not in ("active", "ended"):
        raise ValidationError(
            "status", "The status must be active or ended.", "subprocessors.bad_status"
        )
    locations = parse_locations(inp.locations, "locations")
    if not locations:
        raise ValidationError(
            "locations",
            "Give at least one processing location (e.g. SE).",
            "subprocessors.no_location",
        )
    storage = parse_locations(inp.storage_locations, "storage_locations")
    if inp.status == "active" and inp.ended_on is not None:
        raise ValidationError(
            "ended_on", "An active sub-processor has no end date.", "subprocessors.active_ended_on"
        )
    if inp.status == "ended" and inp.ended_on is None:
        raise ValidationError(
            "ended_on", "Give the date the sub-processor ended.", "subprocessors.no_ended_on"
        )
    if len((inp.data_categories or "").strip()) > CATEGORIES_MAX:
        raise too_long("data_categories", CATEGORIES_MAX)
    if inp.dpa_signed_on and inp.dpa_signed_on > dt.date.today():
        raise ValidationError(
            "dpa_signed_on",
            "The DPA signing date is in the future.",
            "subprocessors.dpa_in_future",
        )
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
        "remote_tool": _clean(inp.remote_tool, "remote_tool", REMOTE_TOOL_MAX) or None,
    }


def _execute(conn: Connection, statement: Any) -> Any:
    """Insert or update a sub-processor: a unique-key conflict is its name (its one unique
    key besides the id)."""
    try:
        return conn.execute(statement)
    except IntegrityError as exc:
        if driver_code(exc) == "db.conflict":
            raise ValidationError(
                "name", "A sub-processor with this name exists.", "subprocessors.name_exists"
            ) from exc
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
    conn: Connection,
    inp: SubProcessorInput,
    *,
    sp_id: int | None = None,
    version: int | None = None,
    actor: str | None = None,
) -> int:
    """Add (``sp_id`` None) or change a sub-processor; returns its id. ``version`` is the one
    loaded: a newer saved version raises StaleRegisterEdit. ``actor``: SQLite only."""
    values = validate(inp)
    _tool_free(conn, values["remote_tool"], sp_id)
    if sp_id is None:
        return _add(conn, values, actor)
    return _change(conn, sp_id, version, values, actor)


def _tool_free(conn: Connection, tool: str | None, sp_id: int | None) -> None:
    """A remote-control tool is covered by one entry at most."""
    if tool is None:
        return
    other = conn.execute(
        select(SubProcessor.id).where(
            SubProcessor.remote_tool == tool, SubProcessor.id != (sp_id or -1)
        )
    ).first()
    if other is not None:
        raise ValidationError(
            "remote_tool",
            "Another sub-processor already covers this remote tool.",
            "subprocessors.tool_taken",
        )


def remote_tool_entries(conn: Connection) -> dict[str, ToolEntry]:
    """The register entries remote-control tools are linked to, by tool (issue 15, item 7)."""
    rows = conn.execute(
        select(
            SubProcessor.remote_tool,
            SubProcessor.id,
            SubProcessor.name,
            SubProcessor.dpa_signed_on,
            SubProcessor.locations,
            SubProcessor.storage_locations,
            SubProcessor.status,
        ).where(SubProcessor.remote_tool.is_not(None))
    ).all()
    return {
        str(r[0]): ToolEntry(
            tool=str(r[0]),
            sub_processor_id=int(r[1]),
            name=str(r[2]),
            dpa_signed_on=r[3],
            locations=tuple(
                dict.fromkeys(c for c in f"{r[4] or ''},{r[5] or ''}".split(",") if c.strip())
            ),
            status=str(r[6]),
        )
        for r in rows
    }


def _add(conn: Connection, values: dict[str, Any], actor: str | None) -> int:
    statement = insert(SubProcessor).values(**values, version=1).returning(SubProcessor.id)
    new_id = int(_execute(conn, statement).scalar_one())
    changes = {k: [None, _json(v)] for k, v in values.items() if v not in (None, "")}
    payload = {"action": "added", "sub_processor_id": new_id, "changes": changes}
    log_change(conn, "register_changed", new_id, payload, actor)
    return new_id


def _change(
    conn: Connection, sp_id: int, version: int | None, values: dict[str, Any], actor: str | None
) -> int:
    cols = [getattr(SubProcessor, k) for k in EDITABLE]
    old = conn.execute(select(SubProcessor.version, *cols).where(SubProcessor.id == sp_id)).first()
    if old is None or (version is not None and old[0] != version):
        raise StaleRegisterEdit()
    before = dict(zip(EDITABLE, old[1:], strict=True))
    changes = {k: [_json(before[k]), _json(v)] for k, v in values.items() if before[k] != v}
    if changes:
        done = _execute(
            conn,
            update(SubProcessor)
            .where(SubProcessor.id == sp_id, SubProcessor.version == old[0])
            .values(**values, version=old[0] + 1),
        )
        if done.rowcount != 1:  # someone saved it at the same time
            raise StaleRegisterEdit()
        payload = {"action": "changed", "sub_processor_id": sp_id, "changes": changes}
        log_change(conn, "register_changed", sp_id, payload, actor)
    return sp_id


def set_checklist_item(
    conn: Connection,
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
    item = checklist.item(item_key)
    if item is None:
        raise not_an_item(item_key)
    if status not in cl.STATUSES:
        raise ValidationError(
            "status",
            "The status must be yes, no, partly or not assessed.",
            "subprocessors.bad_item_status",
        )
    evidence = (evidence or "").strip()
    if len(evidence) > EVIDENCE_NOTE_MAX:
        raise ValidationError(
            "evidence",
            f"The evidence note is too long (at most {EVIDENCE_NOTE_MAX}).",
            "subprocessors.note_too_long",
            {"limit": EVIDENCE_NOTE_MAX},
        )
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
        "article": item.article,
        "status": [before[0], status],
        "evidence": [before[1], evidence],
    }
    log_change(conn, "checklist_changed", sp_id, payload, actor)


def not_an_item(item_key: str) -> ValidationError:
    return ValidationError(
        "item_key",
        f"{item_key!r} is not an item of the checklist.",
        "subprocessors.not_an_item",
        {"item": item_key},
    )


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# -- reading ----------------------------------------------------------------------------------


def _record(row: Any) -> SubProcessorRecord:
    values = {k: getattr(row, k) for k in EDITABLE}
    for k in ("registration_number", "contact", "dpa_reference", "remote_tool"):
        values[k] = values[k] or ""
    return SubProcessorRecord(**values, id=row.id, version=row.version)


def _statuses(conn: Connection) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    q = select(
        DpaChecklistItem.sub_processor_id, DpaChecklistItem.item_key, DpaChecklistItem.status
    )
    for sp_id, key, status in conn.execute(q):
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


def list_register(conn: Connection, today: dt.date) -> list[RegisterRow]:
    """Every sub-processor with its checklist statuses and flags (flags as of ``today``)."""
    checklist = cl.load_checklist()
    statuses = _statuses(conn)
    rows = []
    for sp in conn.execute(select(SubProcessor.__table__).order_by(SubProcessor.name)):
        record = _record(sp)
        mine = statuses.get(record.id, {})
        rows.append(RegisterRow(record, mine, flags_for(facts_of(record, mine), checklist, today)))
    return rows


def get_record(conn: Connection, sp_id: int) -> SubProcessorRecord | None:
    row = conn.execute(select(SubProcessor.__table__).where(SubProcessor.id == sp_id)).first()
    return _record(row) if row is not None else None


def sub_processor_names(conn: Connection) -> list[tuple[int, str]]:
    """(id, name) of every sub-processor, by name: what a planned change may concern."""
    rows = conn.execute(select(SubProcessor.id, SubProcessor.name).order_by(SubProcessor.name))
    return [(int(i), str(n)) for i, n in rows]


def checklist_entries(conn: Connection, sp_id: int) -> list[ChecklistEntry]:
    """Every item of the checklist in its order; unassessed items as "not_assessed"."""
    i = DpaChecklistItem
    saved = {
        r.item_key: r
        for r in conn.execute(
            select(i.item_key, i.status, i.evidence, i.assessed_by, i.assessed_at).where(
                i.sub_processor_id == sp_id
            )
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


def customers_without_dpa(conn: Connection) -> list[CustomerWithoutDpa]:
    """Active customers with no signed DPA (policy clause 6), for leads to chase."""
    rows = conn.execute(
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
