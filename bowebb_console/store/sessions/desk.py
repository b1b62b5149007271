"""What the Sessions screen reads and does beyond store.sessions: the party who can agree,
session lists with customer names, and consent + start as one retry-safe step.

``begin_session`` is what the consent dialog calls. It is safe to call again with the same
event UUIDs after any failure: an already logged consent is found by its UUID and not logged
(or its new caller added as a contact) twice, and ``append_event`` never logs an event twice.
Every database failure comes out as LogWriteError, so the caller has one thing to show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from bowebb_console.domain.orgnr import OrgNumber
from bowebb_console.store.log.chain import (
    EventRow,
    LogWriteError,
    engine_of,
    event_by_uuid,
    read_sessions_events,
)
from bowebb_console.store.models import Contact, Customer, LogEvent
from bowebb_console.store.sessions import events as sessions


@dataclass(frozen=True)
class ContactChoice:
    id: int
    name: str
    email: str


@dataclass(frozen=True)
class ConsentParty:
    """A customer as the consent dialog needs it."""

    customer_id: int
    name: str
    org_number: str  # NNNNNN-NNNN
    dpa_signed_on: dt.date | None
    contacts: tuple[ContactChoice, ...]


@dataclass(frozen=True)
class SessionListRow:
    summary: sessions.SessionSummary
    customer_name: str  # "" when the customer is gone (hard-deleted)


@dataclass(frozen=True)
class Begun:
    consent: EventRow
    started: EventRow | None  # None: refused or no answer, recorded and not started


def _down(exc: DBAPIError) -> LogWriteError:
    first = (str(getattr(exc, "orig", exc)) or type(exc).__name__).strip().splitlines()
    reason = first[0][:300] if first else type(exc).__name__
    return LogWriteError(
        f"The database cannot be reached ({reason}); nothing was logged or started."
    )


def consent_party(db: Any, customer_id: int) -> ConsentParty:
    with engine_of(db).connect() as conn:
        row = conn.execute(
            select(Customer.name, Customer.org_number, Customer.dpa_signed_on).where(
                Customer.id == customer_id
            )
        ).first()
        if row is None:
            raise sessions.SessionError("The customer does not exist (any more).")
        contacts = conn.execute(
            select(Contact.id, Contact.name, Contact.email)
            .where(Contact.customer_id == customer_id)
            .order_by(Contact.name, Contact.id)
        ).all()
    return ConsentParty(
        customer_id,
        row[0],
        OrgNumber(row[1]).formatted,
        row[2],
        tuple(ContactChoice(int(c[0]), c[1], c[2]) for c in contacts),
    )


def begin_session(
    db: Any,
    *,
    consent: dict[str, Any],
    consent_uuid: str,
    session_uuid: str,
    start: dict[str, Any] | None,
    start_uuid: str,
    actor: str | None = None,
) -> Begun:
    """Record the consent (unless already logged under ``consent_uuid``), then, when it was
    agreed and ``start`` is given, start the session. Raises SessionError or LogWriteError."""
    try:
        logged = event_by_uuid(db, consent_uuid)
        if logged is None:
            logged = sessions.record_consent(
                db, session_uuid=session_uuid, event_uuid=consent_uuid, actor=actor, **consent
            )
        if start is None or (logged.payload or {}).get("outcome") != "agreed":
            return Begun(logged, None)
        started = sessions.start_session(
            db, session_uuid, event_uuid=start_uuid, actor=actor, **start
        )
        return Begun(logged, started)
    except DBAPIError as exc:  # raised before append_event took over (the reads)
        raise _down(exc) from None


def checked(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a store call with database failures turned into LogWriteError (for the UI)."""
    try:
        return fn(*args, **kwargs)
    except DBAPIError as exc:
        raise _down(exc) from None


def _with_names(db: Any, found: list[sessions.SessionSummary]) -> list[SessionListRow]:
    ids = {s.customer_id for s in found if s.customer_id is not None}
    names: dict[int, str] = {}
    if ids:
        with engine_of(db).connect() as conn:
            rows = conn.execute(select(Customer.id, Customer.name).where(Customer.id.in_(ids)))
            names = {int(r[0]): str(r[1]) for r in rows}
    return [SessionListRow(s, names.get(s.customer_id or -1, "")) for s in found]


def open_session_rows(db: Any, actor: str | None) -> list[SessionListRow]:
    return _with_names(db, sessions.open_sessions(db, actor))


def customer_session_rows(db: Any, customer_id: int, limit: int = 200) -> list[SessionListRow]:
    return _with_names(db, sessions.sessions_for_customer(db, customer_id, limit))


def recent_session_rows(db: Any, limit: int = 100) -> list[SessionListRow]:
    """The newest sessions in the log (by their first consent), newest first."""
    with engine_of(db).connect() as conn:
        found = conn.execute(
            select(LogEvent.session_uuid)
            .where(LogEvent.kind == sessions.CONSENT)
            .order_by(LogEvent.seq.desc())
            .limit(limit * 2)  # a session may hold a second consent (asked again)
        ).scalars()
        unique = list(dict.fromkeys(found))[:limit]
        grouped = read_sessions_events(conn, unique)
    summaries = [sessions.summarise(grouped[su]) for su in unique if grouped[su]]
    return _with_names(db, summaries)


@dataclass(frozen=True)
class Timeline:
    events: tuple[EventRow, ...]
    contacts: dict[int, str]  # contact id -> name, for the consent events (gone: absent)
    customer_name: str


def timeline(db: Any, session_uuid: str) -> Timeline:
    """A session's events with the names its consent payloads refer to by id."""
    events = sessions.session_timeline(db, session_uuid)
    ids = {
        int(e.payload["contact_id"])
        for e in events
        if e.payload and e.payload.get("contact_id") is not None
    }
    customer = next(
        (e.payload.get("customer_id") for e in events if e.payload and "customer_id" in e.payload),
        None,
    )
    names: dict[int, str] = {}
    customer_name = ""
    with engine_of(db).connect() as conn:
        if ids:
            rows = conn.execute(select(Contact.id, Contact.name).where(Contact.id.in_(ids)))
            names = {int(r[0]): str(r[1]) for r in rows}
        if customer is not None:
            customer_name = str(
                conn.execute(select(Customer.name).where(Customer.id == int(customer))).scalar()
                or ""
            )
    return Timeline(tuple(events), names, customer_name)
