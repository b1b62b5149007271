"""The breach register (GDPR Art. 33/34): record, edit and close breaches, each change with
its chained event (``breach_recorded``, ``breach_changed``, ``breach_closed``) in the caller's
transaction; what changed (before/after) goes in the erasable payload. Each breach's events
share one session UUID (uuid5 of its id), so its history reads as one session of the log.

On PostgreSQL the ``breach_guard`` trigger (migration 0014) and the GRANTs decide who may do
what and set who recorded and who closed; on SQLite (single user) the app sets them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Connection, insert, select, update

from bowebb_console.domain.breaches import IMY_DECISIONS
from bowebb_console.domain.errors import ShownError, ValidationError
from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.store.log.chain import local_actor, write_event
from bowebb_console.store.models import Breach

LOG_NAMESPACE = uuid.UUID("0b3f0e4e-3c55-4b52-9a3b-5f2de7a6c1a8")
TEXT_MAX = 4000
SHORT_MAX = 100


class StaleBreachEdit(ShownError):
    """Someone else saved this breach since it was loaded."""

    def __init__(self) -> None:
        super().__init__(
            "breaches.stale_edit",
            "Someone else changed this breach since you opened it; your input is kept — "
            "reload and apply it again.",
        )


@dataclass(frozen=True)
class BreachInput:
    discovered_at: dt.datetime | None
    description: str
    categories: str = ""
    people_approx: int | None = None
    customers_affected: str = ""
    measures: str = ""
    imy_decision: str = "undecided"  # undecided | notify | not_notify
    imy_reference: str = ""
    imy_notified_on: dt.date | None = None
    imy_reason: str = ""
    notified_customers: str = ""
    notified_on: dt.date | None = None
    notified_count: int | None = None
    notified_how: str = ""


EDITABLE = tuple(f.name for f in fields(BreachInput))


@dataclass(frozen=True)
class BreachRecord(BreachInput):
    id: int = 0
    status: str = "open"
    recorded_by: str = ""
    recorded_at: dt.datetime | None = None
    closed_by: str | None = None
    closed_at: dt.datetime | None = None
    version: int = 0


def log_session_uuid(breach_id: int) -> str:
    return str(uuid.uuid5(LOG_NAMESPACE, f"breach:{breach_id}"))


def _text(value: str | None, field: str, limit: int, *, required: bool = False) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(field, "This field is required.", "breaches.required")
    if len(text) > limit:
        raise ValidationError(
            field, f"Too long (at most {limit} characters).", "breaches.too_long", {"limit": limit}
        )
    return text


def _aware(value: dt.datetime) -> dt.datetime:
    """In UTC: SQLite keeps a datetime's wall clock without its offset."""
    return (value if value.tzinfo is not None else value.astimezone()).astimezone(dt.UTC)


def _utc(value: Any) -> Any:
    """A time read back: SQLite's are naive UTC."""
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def validate(inp: BreachInput, now: dt.datetime) -> dict[str, Any]:
    """The values to store; ValidationError names the first bad field."""
    if inp.discovered_at is None:
        raise ValidationError(
            "discovered_at", "Give when the breach was discovered.", "breaches.required"
        )
    discovered = _aware(inp.discovered_at)
    if discovered > now + dt.timedelta(minutes=5):
        raise ValidationError(
            "discovered_at", "The discovery time is in the future.", "breaches.future"
        )
    if inp.imy_decision not in IMY_DECISIONS:
        raise ValidationError("imy_decision", "Unknown decision.", "breaches.bad_decision")
    for field, number in (
        ("people_approx", inp.people_approx),
        ("notified_count", inp.notified_count),
    ):
        if number is not None and number < 0:
            raise ValidationError(field, "A number of 0 or more.", "breaches.negative")
    values: dict[str, Any] = {
        "discovered_at": discovered,
        "description": _text(inp.description, "description", TEXT_MAX, required=True),
        "categories": _text(inp.categories, "categories", TEXT_MAX),
        "people_approx": inp.people_approx,
        "customers_affected": _text(inp.customers_affected, "customers_affected", TEXT_MAX),
        "measures": _text(inp.measures, "measures", TEXT_MAX),
        "imy_decision": inp.imy_decision,
        "imy_reference": _text(inp.imy_reference, "imy_reference", SHORT_MAX) or None,
        "imy_notified_on": inp.imy_notified_on,
        "imy_reason": _text(inp.imy_reason, "imy_reason", TEXT_MAX),
        "notified_customers": _text(inp.notified_customers, "notified_customers", TEXT_MAX),
        "notified_on": inp.notified_on,
        "notified_count": inp.notified_count,
        "notified_how": _text(inp.notified_how, "notified_how", TEXT_MAX),
    }
    if inp.imy_decision == "notify" and not (values["imy_reference"] and inp.imy_notified_on):
        raise ValidationError(
            "imy_reference",
            "Notifying IMY needs IMY's reference and the date it was notified.",
            "breaches.imy_incomplete",
        )
    if inp.imy_decision == "not_notify" and not values["imy_reason"]:
        raise ValidationError(
            "imy_reason", "Say why IMY is not notified.", "breaches.imy_no_reason"
        )
    for day, field in ((inp.imy_notified_on, "imy_notified_on"), (inp.notified_on, "notified_on")):
        if day is not None and day < discovered.astimezone().date():
            raise ValidationError(
                field, "The date is before the breach was discovered.", "breaches.before_discovery"
            )
    notified = (values["notified_customers"], inp.notified_on, inp.notified_count)
    if any(v not in (None, "") for v in notified) and not all(
        v not in (None, "") for v in notified
    ):
        raise ValidationError(
            "notified_customers",
            "A notification of customers needs who, when and how many.",
            "breaches.notified_incomplete",
        )
    return values


def _json(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _log(
    conn: Connection, kind: str, breach_id: int, payload: dict[str, Any], actor: str | None
) -> None:
    write_event(
        conn,
        kind,
        log_session_uuid(breach_id),
        str(uuid.uuid4()),
        canonical_payload(payload),
        actor,
    )


def record_breach(
    conn: Connection, inp: BreachInput, *, now: dt.datetime, actor: str | None = None
) -> int:
    """A new, open breach; returns its id. ``actor``: SQLite only (PostgreSQL: session_user)."""
    values = validate(inp, now)
    who = (actor or local_actor()) if conn.dialect.name == "sqlite" else ""
    new_id = int(
        conn.execute(
            insert(Breach)
            .values(**values, status="open", recorded_by=who, recorded_at=now, version=1)
            .returning(Breach.id)
        ).scalar_one()
    )
    changes = {k: [None, _json(v)] for k, v in values.items() if v not in (None, "")}
    _log(conn, "breach_recorded", new_id, {"breach_id": new_id, "changes": changes}, actor)
    return new_id


def _current(conn: Connection, breach_id: int, version: int | None) -> Any:
    row = conn.execute(select(Breach.__table__).where(Breach.id == breach_id)).mappings().first()
    if row is None or (version is not None and row["version"] != version):
        raise StaleBreachEdit()
    return row


def _update(conn: Connection, breach_id: int, old_version: int, values: dict[str, Any]) -> None:
    done = conn.execute(
        update(Breach)
        .where(Breach.id == breach_id, Breach.version == old_version)
        .values(**values, version=old_version + 1)
    )
    if done.rowcount != 1:
        raise StaleBreachEdit()


def change_breach(
    conn: Connection,
    breach_id: int,
    inp: BreachInput,
    *,
    version: int | None,
    now: dt.datetime,
    actor: str | None = None,
) -> bool:
    """Save the user's changes; False when nothing changed (nothing is logged then)."""
    values = validate(inp, now)
    old = _current(conn, breach_id, version)
    changes = {k: [_json(old[k]), _json(v)] for k, v in values.items() if _json(old[k]) != _json(v)}
    if not changes:
        return False
    _update(conn, breach_id, old["version"], values)
    _log(conn, "breach_changed", breach_id, {"breach_id": breach_id, "changes": changes}, actor)
    return True


def close_breach(
    conn: Connection,
    breach_id: int,
    *,
    version: int | None,
    now: dt.datetime,
    actor: str | None = None,
) -> None:
    old = _current(conn, breach_id, version)
    if old["status"] == "closed":
        raise StaleBreachEdit()
    values: dict[str, Any] = {"status": "closed"}
    if conn.dialect.name == "sqlite":
        values |= {"closed_by": actor or local_actor(), "closed_at": now}
    _update(conn, breach_id, old["version"], values)
    _log(conn, "breach_closed", breach_id, {"breach_id": breach_id}, actor)


def _record(row: Any) -> BreachRecord:
    return BreachRecord(**{f.name: _utc(row[f.name]) for f in fields(BreachRecord)})


def list_breaches(conn: Connection) -> list[BreachRecord]:
    """Open breaches first, then newest discovery first."""
    rows = conn.execute(
        select(Breach.__table__).order_by(Breach.status.desc(), Breach.discovered_at.desc())
    ).mappings()
    return [_record(r) for r in rows]


def get_breach(conn: Connection, breach_id: int) -> BreachRecord | None:
    row = conn.execute(select(Breach.__table__).where(Breach.id == breach_id)).mappings().first()
    return _record(row) if row is not None else None


def record_notification(
    conn: Connection,
    breach_id: int,
    *,
    version: int | None,
    customers: str,
    on: dt.date,
    count: int,
    how: str,
    export_reason: str,
    now: dt.datetime,
    actor: str | None = None,
) -> None:
    """Fill the breach's notification of customers (who, when, how many, how) from a notice
    export made in the same transaction; the ``breach_changed`` event names the export (its
    reason and count), which links the two in the log."""
    old = _current(conn, breach_id, version)
    current = _record(old)
    inp = BreachInput(
        **{f.name: getattr(current, f.name) for f in fields(BreachInput)}
        | {"notified_customers": customers, "notified_on": on, "notified_count": count}
        | {"notified_how": how}
    )
    values = validate(inp, now)
    changes = {k: [_json(old[k]), _json(v)] for k, v in values.items() if _json(old[k]) != _json(v)}
    _update(conn, breach_id, old["version"], values)
    payload = {
        "breach_id": breach_id,
        "changes": changes,
        "notice_export": {"reason": export_reason, "recipients": count},
    }
    _log(conn, "breach_changed", breach_id, payload, actor)
