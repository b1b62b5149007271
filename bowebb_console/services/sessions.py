"""Consent-first support sessions: the consent party, begin (consent, then start), notes, the
remote tool, the end (also late, for a session a crash left open), the lists and a timeline.

Logging fails closed. Nothing is reported as logged until the event is in the log: each step
returns the stored :class:`EventRow` or raises :class:`LogWriteError` (``log.*``) or
:class:`SessionError` (``sessions.*``). The caller keeps one event UUID per step and passes it
again on a retry, so a step is never logged twice; after a lost COMMIT the store re-reads that
UUID and the answer is saved, not saved (``log.not_logged``), or not known
(``log.unknown_outcome``: try again with the same UUID). Reads raise ``db.*`` ShownErrors.

The acting user comes from the signed-in :class:`Identity`: on SQLite (single-user) the local
user is recorded; on PostgreSQL the server records ``session_user`` itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bowebb_console.services import customers
from bowebb_console.services.database import Database, Identity, transaction
from bowebb_console.store.customers.search import SearchHit
from bowebb_console.store.log.chain import (
    EventRow,
    LogWriteError,
    local_actor,
    read_session_events,
)
from bowebb_console.store.sessions import desk
from bowebb_console.store.sessions import events as store
from bowebb_console.store.sessions.desk import (
    ConsentParty,
    ContactChoice,
    SessionListRow,
    Timeline,
)
from bowebb_console.store.sessions.events import NewCaller, SessionError, SessionSummary

__all__ = [
    "Begun",
    "Consent",
    "ConsentParty",
    "ContactChoice",
    "EventRow",
    "LogWriteError",
    "NewCaller",
    "SearchHit",
    "SessionError",
    "SessionListRow",
    "SessionLists",
    "SessionSummary",
    "Start",
    "Timeline",
    "actor_name",
    "add_note",
    "begin_session",
    "consent_party",
    "customer_sessions",
    "end_late",
    "end_session",
    "find_customers",
    "record_tool",
    "session_events",
    "session_lists",
    "timeline",
]


@dataclass(frozen=True)
class Consent:
    """What the consent dialog collects (see ``store.sessions.events.record_consent``)."""

    customer_id: int
    session_kind: str
    outcome: str
    channel: str
    agreed_at: dt.datetime
    contact_id: int | None = None
    new_caller: NewCaller | None = None
    reference: str = ""
    scope: str | None = None
    purpose: str = ""
    purpose_kind: str | None = None  # a file transfer's purpose (policy clause 7)
    purpose_reference: str = ""


@dataclass(frozen=True)
class Start:
    tool: str
    tool_session_id: str = ""
    dpa_missing_reason: str = ""  # required when the customer has no signed DPA
    tool_flag_reason: str = ""  # required when the tool's register entry is flagged or missing


@dataclass(frozen=True)
class Begun:
    consent: EventRow
    started: EventRow | None  # None: refused or no answer, recorded and not started


@dataclass(frozen=True)
class SessionLists:
    open: list[SessionListRow]  # this agent's sessions a crash left open
    recent: list[SessionListRow]  # the newest sessions, newest first


def _acting_user(identity: Identity) -> str | None:
    """The actor the store records on SQLite (single-user mode: the local user); None on
    PostgreSQL, where the server records session_user itself."""
    return local_actor() if identity.dialect == "sqlite" else None


def actor_name(identity: Identity) -> str:
    """How this agent appears in the log's ``actor`` column."""
    return _acting_user(identity) or identity.user


def consent_party(db: Database, customer_id: int) -> ConsentParty:
    """The customer and its contacts, for the consent dialog (SessionError: gone)."""
    with transaction(db, write=False) as conn:
        return desk.consent_party(conn, customer_id)


def find_customers(db: Database, text: str, limit: int = 20) -> list[SearchHit]:
    """The customers a session can be started for, ranked (the customer search)."""
    return customers.search_customers(db, text, limit=limit)


def begin_session(
    db: Database,
    identity: Identity,
    consent: Consent,
    *,
    consent_uuid: str,
    session_uuid: str,
    start: Start | None,
    start_uuid: str,
) -> Begun:
    """Record the consent (once: a retry finds it by ``consent_uuid``), then, when it was
    agreed and ``start`` is given, start the session (once, by ``start_uuid``)."""
    actor = _acting_user(identity)
    logged = store.record_consent(
        db,
        customer_id=consent.customer_id,
        session_kind=consent.session_kind,
        outcome=consent.outcome,
        channel=consent.channel,
        agreed_at=consent.agreed_at,
        contact_id=consent.contact_id,
        new_caller=consent.new_caller,
        reference=consent.reference,
        scope=consent.scope,
        purpose=consent.purpose,
        purpose_kind=consent.purpose_kind,
        purpose_reference=consent.purpose_reference,
        session_uuid=session_uuid,
        event_uuid=consent_uuid,
        actor=actor,
    )
    if start is None or (logged.payload or {}).get("outcome") != "agreed":
        return Begun(logged, None)
    started = store.start_session(
        db,
        logged.session_uuid,
        tool=start.tool,
        tool_session_id=start.tool_session_id,
        dpa_missing_reason=start.dpa_missing_reason,
        tool_flag_reason=start.tool_flag_reason,
        event_uuid=start_uuid,
        actor=actor,
    )
    return Begun(logged, started)


def add_note(
    db: Database, identity: Identity, session_uuid: str, note: str, *, event_uuid: str
) -> EventRow:
    return store.add_note(
        db, session_uuid, note, event_uuid=event_uuid, actor=_acting_user(identity)
    )


def record_tool(
    db: Database,
    identity: Identity,
    session_uuid: str,
    tool: str,
    tool_session_id: str,
    *,
    event_uuid: str,
) -> EventRow:
    return store.record_tool(
        db, session_uuid, tool, tool_session_id, event_uuid=event_uuid,
        actor=_acting_user(identity),
    )  # fmt: skip


def end_session(
    db: Database,
    identity: Identity,
    session_uuid: str,
    summary: str,
    outcome: str,
    *,
    event_uuid: str,
) -> EventRow:
    return store.end_session(
        db, session_uuid, summary, outcome, event_uuid=event_uuid, actor=_acting_user(identity)
    )


def end_late(
    db: Database,
    identity: Identity,
    session_uuid: str,
    summary: str,
    outcome: str,
    *,
    event_uuid: str,
) -> EventRow:
    """Close a session a crash left open: its events stay, and this one says so."""
    return store.end_late(
        db, session_uuid, summary, outcome, event_uuid=event_uuid, actor=_acting_user(identity)
    )


def session_lists(db: Database, identity: Identity, limit: int = 100) -> SessionLists:
    """This agent's open sessions (to continue or close late) and the newest sessions."""
    with transaction(db, write=False) as conn:
        opened, recent = desk.with_names_many(
            conn,
            store.open_sessions(conn, actor_name(identity)),
            store.recent_sessions(conn, limit),
        )
    return SessionLists(opened, recent)


def customer_sessions(db: Database, customer_id: int, limit: int = 200) -> list[SessionListRow]:
    """A customer's sessions, newest first (the customer card)."""
    with transaction(db, write=False) as conn:
        return desk.with_names(conn, store.sessions_for_customer(conn, customer_id, limit))


def timeline(db: Database, session_uuid: str) -> Timeline:
    """A session's events with the contact and customer names its payloads refer to."""
    with transaction(db, write=False) as conn:
        return desk.timeline(conn, session_uuid)


def session_events(db: Database, session_uuid: str) -> list[EventRow]:
    """A session's events in log order."""
    with transaction(db, write=False) as conn:
        return read_session_events(conn, session_uuid)
