"""Support sessions (remote control, file transfer) as events in the session log.

A session has no table of its own: its state is derived from its events, so the log stays
the one source of truth. Consent comes first (``record_consent``); ``start_session`` refuses
without an agreed consent (and the database refuses too), and, for a customer with no signed
DPA, without a typed reason, which is logged. Personal data (caller, notes) goes into payloads
only; event columns hold ids and kinds.

Each step checks its rules inside the transaction that logs it (``chain.log_event``), so a
new caller becomes a contact only together with the consent that names them, and a retry of
a step that was logged after all returns that event instead of being refused as a repeat.
The steps take the Database (log_event opens its own connections); the reads take a Connection.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    String,
    any_,
    bindparam,
    case,
    func,
    insert,
    literal_column,
    select,
    text,
)

from bowebb_console.domain.errors import ShownError
from bowebb_console.domain.subprocessor_flags import tool_flags
from bowebb_console.store.db.connect import Database
from bowebb_console.store.log.chain import (
    EventRow,
    NewEvent,
    log_event,
    read_session_events,
)
from bowebb_console.store.models import Contact, Customer, LogEvent, LogPayload
from bowebb_console.store.models.review import SessionSummaryRow
from bowebb_console.store.subprocessors.register import remote_tool_entries

# The payload's customer id, written exactly as its index (migration 0015) is, so both
# databases read the index and not the whole log. Literal text: a bound JSON path would not
# match the index expression.
_SQLITE_PAYLOAD_CUSTOMER = "json_extract(log_payload.payload, '$.customer_id')"

SESSION_KINDS = ("remote_control", "file_transfer")
CHANNELS = ("phone", "email", "chat", "ticket", "in_person")
SCOPES = ("view_only", "control", "file_transfer")
CONSENT_OUTCOMES = ("agreed", "refused", "no_answer")
# The two purposes the policy allows for file transfers (clause 7), each bound to a reference.
TRANSFER_PURPOSES = ("purchased_service", "support")  # order reference | ticket reference
END_OUTCOMES = ("resolved", "partly_resolved", "not_resolved", "escalated", "aborted")
TOOLS = ("TeamViewer", "AnyDesk", "Quick Assist", "RustDesk", "Chrome Remote Desktop", "other")

CONSENT, STARTED, NOTE, TOOL = "consent_recorded", "session_started", "note_added", "tool_recorded"
ENDED, ENDED_LATE = "session_ended", "session_ended_late"


class SessionError(ShownError, ValueError):
    """A session step the rules do not allow: ``code`` says which (``sessions.no_consent``,
    ...), ``message`` in plain English. Transfers' TransferNotAllowed extends it."""

    def __init__(
        self,
        message: str,
        code: str = "sessions.not_allowed",
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(code, message, params)


@dataclass(frozen=True)
class NewCaller:
    """A caller who is not a contact yet: added to the customer's contacts with the consent."""

    name: str
    email: str
    phone: str | None = None


@dataclass(frozen=True)
class SessionSummary:
    session_uuid: str
    customer_id: int | None
    session_kind: str | None
    consent_outcome: str | None
    state: str  # refused | consented | open | ended | ended_late
    agent: str  # who recorded the consent
    consent_at: str
    started_at: str | None
    ended_at: str | None
    outcome: str | None


def _need(value: object, code: str, what: str) -> None:
    """``code``: sessions.need_<code>; ``what`` names it in the English message."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise SessionError(f"{what} is required.", f"sessions.need_{code}")


def _one_of(value: str, allowed: tuple[str, ...], field: str, what: str) -> None:
    if value not in allowed:
        raise SessionError(
            f"{what} must be one of: {', '.join(allowed)}.",
            "sessions.invalid_choice",
            {"field": field, "value": value},
        )


def customer_gone() -> SessionError:
    return SessionError("The customer does not exist (any more).", "sessions.customer_gone")


def record_consent(
    db: Database,
    *,
    customer_id: int,
    session_kind: str,
    outcome: str,
    channel: str,
    agreed_at: dt.datetime,
    contact_id: int | None = None,
    new_caller: NewCaller | None = None,
    reference: str = "",
    scope: str | None = None,
    purpose: str = "",
    purpose_kind: str | None = None,
    purpose_reference: str = "",
    session_uuid: str | None = None,
    event_uuid: str | None = None,
    actor: str | None = None,
) -> EventRow:
    """Log who agreed (or refused, or did not answer), how, when, to what and why.

    ``purpose_kind`` (one of TRANSFER_PURPOSES) with ``purpose_reference`` (the order or ticket
    reference) binds a file-transfer session to a purpose the policy allows; without them the
    consent is logged as before, and store.transfers.log refuses transfers in that session.
    A new caller is added as a contact in the same transaction as the consent."""
    _one_of(session_kind, SESSION_KINDS, "session_kind", "The session kind")
    _one_of(outcome, CONSENT_OUTCOMES, "outcome", "The outcome")
    _one_of(channel, CHANNELS, "channel", "The channel")
    if agreed_at.tzinfo is None:
        raise SessionError("The time of the agreement needs a time zone.", "sessions.no_time_zone")
    if (contact_id is None) == (new_caller is None):
        raise SessionError(
            "Choose the contact who answered, or name a new caller.", "sessions.choose_contact"
        )
    if outcome == "agreed":
        _need(reference, "reference", "A reference (ticket number or message id)")
        _need(scope, "scope", "The scope")
        _need(purpose, "purpose", "The purpose")
    if scope is not None:
        _one_of(scope, SCOPES, "scope", "The scope")
    if purpose_kind is not None:
        _one_of(purpose_kind, TRANSFER_PURPOSES, "purpose_kind", "The purpose of a file transfer")
        what = "order" if purpose_kind == "purchased_service" else "ticket"
        _need(purpose_reference, f"{what}_reference", f"The {what} reference")
    if new_caller is not None:
        _need(new_caller.name, "caller_name", "The caller's name")
        _need(new_caller.email, "caller_email", "The caller's e-mail")
    payload: dict[str, Any] = {
        "customer_id": customer_id,
        "contact_id": contact_id,
        "session_kind": session_kind,
        "outcome": outcome,
        "channel": channel,
        "agreed_at": agreed_at.astimezone(dt.UTC).isoformat(),
        "reference": reference.strip(),
        "scope": scope,
        "purpose": purpose.strip(),
    }
    if purpose_kind is not None:  # only then: older consents keep their exact payload
        payload |= {"purpose_kind": purpose_kind, "purpose_reference": purpose_reference.strip()}
    su = session_uuid or str(uuid.uuid4())

    def build(conn: Connection) -> NewEvent:
        return NewEvent(CONSENT, su, payload | {"contact_id": _who(conn, payload, new_caller)})

    return log_event(db, build, event_uuid, actor=actor)


def _who(conn: Connection, payload: dict[str, Any], new_caller: NewCaller | None) -> int:
    """The contact who answered: checked to be the customer's, or the new caller, added."""
    customer_id = payload["customer_id"]
    if conn.execute(select(Customer.id).where(Customer.id == customer_id)).first() is None:
        raise customer_gone()
    if new_caller is not None:
        return _add_caller(conn, customer_id, new_caller)
    contact_id = payload["contact_id"]
    mine = select(Contact.restricted).where(
        Contact.id == contact_id, Contact.customer_id == customer_id
    )
    row = conn.execute(mine).first()
    if row is None:
        raise SessionError(
            "That contact does not belong to this customer.", "sessions.contact_elsewhere"
        )
    if row[0]:  # Art. 18 (migration 0016; the database refuses it too)
        raise SessionError(
            "This contact's data is restricted: an admin must lift the restriction before a "
            "session is recorded with them.",
            "sessions.contact_restricted",
        )
    return int(contact_id)


def _add_caller(conn: Connection, customer_id: int, caller: NewCaller) -> int:
    return int(
        conn.execute(
            insert(Contact)
            .values(
                customer_id=customer_id,
                name=caller.name.strip(),
                email=caller.email.strip(),
                phone=caller.phone,
                version=1,
            )
            .returning(Contact.id)
        ).scalar_one()
    )


def _customer_of(events: list[EventRow]) -> int | None:
    for e in events:
        if e.kind == CONSENT and e.payload is not None:
            return int(e.payload["customer_id"])
    return None


def start_session(
    db: Database,
    session_uuid: str,
    *,
    tool: str,
    tool_session_id: str = "",
    dpa_missing_reason: str = "",
    tool_flag_reason: str = "",
    event_uuid: str | None = None,
    actor: str | None = None,
) -> EventRow:
    """Start after an agreed consent. Raises SessionError (rules) or LogWriteError (not
    logged: the session must not start). A remote tool whose register entry is flagged (or
    missing) needs ``tool_flag_reason`` (issue 15, item 7)."""

    def build(conn: Connection) -> NewEvent:
        events = read_session_events(conn, session_uuid)
        consents = [e for e in events if e.kind == CONSENT]
        if not consents:
            raise SessionError(
                "Record the customer's agreement before starting.", "sessions.no_consent"
            )
        if (consents[-1].payload or {}).get("outcome") != "agreed":
            raise SessionError(
                "The customer did not agree: the session cannot start.", "sessions.refused_consent"
            )
        if any(e.kind == STARTED for e in events):
            raise SessionError("This session has already started.", "sessions.already_started")
        customer_id = _customer_of(events)
        dpa = conn.execute(select(Customer.dpa_signed_on).where(Customer.id == customer_id)).first()
        if dpa is None:
            raise customer_gone()
        # A file transfer runs inside the console, not in a remote tool: it names none.
        payload: dict[str, Any] = (
            {"tool": tool, "tool_session_id": tool_session_id.strip()} if tool else {}
        )
        if dpa[0] is None:
            if not dpa_missing_reason.strip():
                raise SessionError(
                    "This customer has no signed DPA: type the reason for starting anyway.",
                    "sessions.need_dpa_reason",
                )
            payload["dpa_missing_reason"] = dpa_missing_reason.strip()
        if tool:
            entries = remote_tool_entries(conn)
            if tool_flags(entries.get(tool), bool(entries)):
                if not tool_flag_reason.strip():
                    raise SessionError(
                        "The remote tool's entry in the sub-processor register is flagged: "
                        "type the reason for using it anyway.",
                        "sessions.need_tool_reason",
                    )
                payload["tool_flag_reason"] = tool_flag_reason.strip()
        return NewEvent(STARTED, session_uuid, payload)

    return log_event(db, build, event_uuid, actor=actor)


def _step(
    db: Database,
    kind: str,
    session_uuid: str,
    payload: dict[str, Any],
    event_uuid: str | None,
    actor: str | None,
) -> EventRow:
    """Log a step of a running session: refused unless it has started and not ended."""

    def build(conn: Connection) -> NewEvent:
        kinds = {e.kind for e in read_session_events(conn, session_uuid)}
        if STARTED not in kinds:
            raise SessionError("This session has not started.", "sessions.not_started")
        if kinds & {ENDED, ENDED_LATE}:
            raise SessionError("This session has already ended.", "sessions.already_ended")
        return NewEvent(kind, session_uuid, payload)

    return log_event(db, build, event_uuid, actor=actor)


def add_note(
    db: Database,
    session_uuid: str,
    note: str,
    *,
    event_uuid: str | None = None,
    actor: str | None = None,
) -> EventRow:
    _need(note, "note", "The note")
    return _step(db, NOTE, session_uuid, {"note": note.strip()}, event_uuid, actor)


def record_tool(
    db: Database,
    session_uuid: str,
    tool: str,
    tool_session_id: str,
    *,
    event_uuid: str | None = None,
    actor: str | None = None,
) -> EventRow:
    payload = {"tool": tool, "tool_session_id": tool_session_id.strip()}
    return _step(db, TOOL, session_uuid, payload, event_uuid, actor)


def end_session(
    db: Database,
    session_uuid: str,
    summary: str,
    outcome: str,
    *,
    event_uuid: str | None = None,
    actor: str | None = None,
) -> EventRow:
    _need(summary, "summary", "The summary")
    return _end(db, ENDED, session_uuid, summary, outcome, event_uuid, actor)


def end_late(
    db: Database,
    session_uuid: str,
    summary: str,
    outcome: str,
    *,
    event_uuid: str | None = None,
    actor: str | None = None,
) -> EventRow:
    """Close a session left open (crash, power cut): its events stay; this one says so."""
    return _end(db, ENDED_LATE, session_uuid, summary, outcome, event_uuid, actor)


def _end(
    db: Database,
    kind: str,
    session_uuid: str,
    summary: str,
    outcome: str,
    event_uuid: str | None,
    actor: str | None,
) -> EventRow:
    _one_of(outcome, END_OUTCOMES, "outcome", "The outcome")
    payload = {"summary": summary.strip(), "outcome": outcome}
    return _step(db, kind, session_uuid, payload, event_uuid, actor)


# The kinds whose payload a summary reads (``summarise``, ``_customer_of``).
_SUMMARY_PAYLOADS = (CONSENT, ENDED, ENDED_LATE)


def _summaries(conn: Connection, session_uuids: list[str]) -> list[SessionSummary]:
    """The sessions' summaries, folded from their events as ``summarise`` does, reading
    only what it uses: no hashes, and the payload (JSON) of consents and ends only. The
    lists show up to a few hundred sessions (thousands of events): each column and each
    payload parsed per event was most of the lists' time at a million events."""
    if not session_uuids:
        return []
    payload = case((LogEvent.kind.in_(_SUMMARY_PAYLOADS), LogPayload.payload), else_=None)
    query = select(LogEvent.session_uuid, LogEvent.kind, LogEvent.actor, LogEvent.at, payload)
    query = query.outerjoin(LogPayload, LogPayload.seq == LogEvent.seq)
    if conn.dialect.name == "postgresql":  # one array parameter: one statement text
        uuids = bindparam("uuids", list(session_uuids), type_=ARRAY(String))
        query = query.where(LogEvent.session_uuid == any_(uuids))
    else:
        query = query.where(LogEvent.session_uuid.in_(session_uuids))
    grouped: dict[str, list[EventRow]] = {su: [] for su in session_uuids}
    for su, kind, actor, at, raw in conn.execute(query.order_by(LogEvent.seq)):
        body = json.loads(raw) if raw is not None else None
        # a lean EventRow: summarise reads the session, kind, actor, time and payload only
        grouped[su].append(EventRow(0, "", su, kind, actor, at, "", "", "", body))
    return [summarise(grouped[su]) for su in session_uuids if grouped[su]]


def summarise(events: list[EventRow]) -> SessionSummary:
    """A session's state, derived from its events (ascending seq)."""
    first = events[0]
    consent = next((e for e in reversed(events) if e.kind == CONSENT), None)
    cp = (consent.payload or {}) if consent else {}
    started = next((e for e in events if e.kind == STARTED), None)
    ended = next((e for e in events if e.kind in (ENDED, ENDED_LATE)), None)
    if ended is not None:
        state = "ended" if ended.kind == ENDED else "ended_late"
    elif started is not None:
        state = "open"
    else:
        state = "consented" if cp.get("outcome") == "agreed" else "refused"
    return SessionSummary(
        session_uuid=first.session_uuid,
        customer_id=_customer_of(events),
        session_kind=cp.get("session_kind"),
        consent_outcome=cp.get("outcome"),
        state=state,
        agent=first.actor,
        consent_at=first.at,
        started_at=started.at if started else None,
        ended_at=ended.at if ended else None,
        outcome=(ended.payload or {}).get("outcome") if ended else None,
    )


def open_sessions(conn: Connection, actor: str | None = None) -> list[SessionSummary]:
    """Sessions started and never ended (a crash, a power cut): shown at the next start.

    Read from ``session_summary`` alone (derived from the log by triggers, the same fold as
    ``summarise``) through its (agent, state) index: one query, neither the log nor its
    payloads read, however large the log and however many sessions were left open."""
    s = SessionSummaryRow
    query = select(
        s.session_uuid,
        s.customer_id,
        s.session_kind,
        s.consent_outcome,
        s.consent_actor,
        s.opened_at,
        s.started_at,
    ).where(s.state == "open")
    if actor is not None:
        query = query.where(s.agent == actor)
    return [
        SessionSummary(
            session_uuid=str(r.session_uuid),
            customer_id=r.customer_id,
            session_kind=r.session_kind,
            consent_outcome=r.consent_outcome,
            state="open",
            agent=r.consent_actor,
            consent_at=r.opened_at,
            started_at=r.started_at,
            ended_at=None,
            outcome=None,
        )
        for r in conn.execute(query.order_by(s.first_seq))
    ]


def sessions_for_customer(
    conn: Connection, customer_id: int, limit: int = 200
) -> list[SessionSummary]:
    """The customer's sessions, newest first (found through their consent payloads, by the
    payload's customer-id index)."""
    if conn.dialect.name == "postgresql":
        # As the tables' owner (migration 0017): under the payload's row-level security an
        # agent's own query could not use the index and scanned every consent.
        found = [
            str(r[0])
            for r in conn.execute(
                text("SELECT session_uuid FROM public.customer_sessions(:c, :n)"),
                {"c": customer_id, "n": limit},
            )
        ]
        return _summaries(conn, found)
    match: ColumnElement[bool] = literal_column(_SQLITE_PAYLOAD_CUSTOMER) == customer_id
    query = (
        select(LogEvent.session_uuid, func.max(LogEvent.seq))
        .join(LogPayload, LogPayload.seq == LogEvent.seq)
        .where(LogEvent.kind == CONSENT, match)
        .group_by(LogEvent.session_uuid)
        .order_by(func.max(LogEvent.seq).desc())
        .limit(limit)
    )
    found = [str(r[0]) for r in conn.execute(query)]
    return _summaries(conn, found)


def recent_sessions(conn: Connection, limit: int = 100) -> list[SessionSummary]:
    """The newest sessions in the log (by their first consent), newest first."""
    found = conn.execute(
        select(LogEvent.session_uuid)
        .where(LogEvent.kind == CONSENT)
        .order_by(LogEvent.seq.desc())
        .limit(limit * 2)  # a session may hold a second consent (asked again)
    ).scalars()
    return _summaries(conn, list(dict.fromkeys(found))[:limit])
