"""File transfers and host-key decisions as events in the session log.

Transfers happen only inside an open file-transfer session whose latest consent was agreed with
scope ``file_transfer`` and a purpose the policy allows (a purchased service with its order
reference, or support with its ticket reference): ``check_transfer_session`` says so or raises
TransferNotAllowed (a code per reason). Each engine TransferRecord becomes exactly one
``file_transferred`` event; file names and paths are personal-ish data, so they live in the
(erasable) payload, never in log_event columns. Logging fails closed: LogWriteError reaches the
caller, which stops the queue and tells the agent.

Reads take the caller's ``conn``; writes go through ``append_event``, which opens its own
connections (it re-reads by the event's UUID after a lost COMMIT), so they take the Database.
The store does not import sftp/ (layers): records and host-key rows are read by attribute.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, select

from bowebb_console.domain.errors import ShownError
from bowebb_console.store.db.connect import Database
from bowebb_console.store.log.chain import (
    EventRow,
    append_event,
    read_session_events,
    read_sessions_events,
)
from bowebb_console.store.models import Customer, LogEvent
from bowebb_console.store.sessions.events import (
    CONSENT,
    ENDED,
    ENDED_LATE,
    STARTED,
    TRANSFER_PURPOSES,
)

FILE_TRANSFERRED = "file_transferred"
HOST_KEY_PINNED = "host_key_pinned"
HOST_KEY_APPROVED = "host_key_approved"
HOST_KEY_REPLACED = "host_key_replaced"
RESULTS = ("ok", "failed", "cancelled")


class TransferNotAllowed(ShownError):
    """The session does not allow file transfers; ``code`` (``transfers.*``) says why."""


@dataclass(frozen=True)
class TransferSession:
    session_uuid: str
    customer_id: int
    agent: str
    started_at: str
    purpose: str
    purpose_kind: str  # purchased_service | support
    purpose_reference: str  # the order or ticket reference
    customer_name: str = ""


def _transfer_session(events: list[EventRow]) -> TransferSession:
    """The session's rules for transfers, from its events (ascending seq)."""
    kinds = {e.kind for e in events}
    consents = [e for e in events if e.kind == CONSENT]
    if not consents:
        raise TransferNotAllowed("transfers.no_consent", "This session has no recorded agreement.")
    consent = consents[-1].payload
    if consent is None:
        raise TransferNotAllowed(
            "transfers.consent_erased", "The agreement of this session was erased."
        )
    if consent.get("outcome") != "agreed":
        raise TransferNotAllowed(
            "transfers.consent_refused",
            "The customer did not agree: no files can be transferred.",
        )
    if consent.get("session_kind") != "file_transfer" or consent.get("scope") != "file_transfer":
        raise TransferNotAllowed(
            "transfers.wrong_scope",
            "The agreement of this session does not cover file transfers; record a new "
            "agreement for a file-transfer session.",
        )
    kind = consent.get("purpose_kind")
    reference = str(consent.get("purpose_reference") or "").strip()
    if kind not in TRANSFER_PURPOSES or not reference:
        raise TransferNotAllowed(
            "transfers.no_purpose",
            "The agreement does not name a purpose the policy allows for file transfers: "
            "a purchased service with its order reference, or support with its ticket reference.",
        )
    started = next((e for e in events if e.kind == STARTED), None)
    if started is None:
        raise TransferNotAllowed("transfers.not_started", "This session has not started.")
    if kinds & {ENDED, ENDED_LATE}:
        raise TransferNotAllowed("transfers.ended", "This session has ended; start a new one.")
    return TransferSession(
        session_uuid=events[0].session_uuid,
        customer_id=int(consent["customer_id"]),
        agent=events[0].actor,
        started_at=started.at,
        purpose=str(consent.get("purpose") or ""),
        purpose_kind=str(kind),
        purpose_reference=reference,
    )


def check_transfer_session(conn: Connection, session_uuid: str) -> TransferSession:
    """Raise TransferNotAllowed unless files may be transferred in this session now."""
    events = read_session_events(conn, session_uuid)
    if not events:
        raise TransferNotAllowed("transfers.no_session", "This session does not exist.")
    return _transfer_session(events)


def open_transfer_sessions(conn: Connection, actor: str | None = None) -> list[TransferSession]:
    """Open sessions (started, not ended) in which files may be transferred, oldest first,
    each with its customer's name."""
    ended = select(LogEvent.session_uuid).where(LogEvent.kind.in_((ENDED, ENDED_LATE)))
    query = select(LogEvent.session_uuid).where(
        LogEvent.kind == STARTED, LogEvent.session_uuid.not_in(ended)
    )
    if actor is not None:
        query = query.where(LogEvent.actor == actor)
    out = []
    found = list(conn.execute(query.order_by(LogEvent.seq)).scalars())
    for events in read_sessions_events(conn, found).values():
        try:
            out.append(_transfer_session(events))
        except TransferNotAllowed:
            continue  # a remote-control session, or one without an allowed purpose
    ids = {t.customer_id for t in out}
    names = dict(conn.execute(select(Customer.id, Customer.name).where(Customer.id.in_(ids))).all())
    return [replace(t, customer_name=str(names.get(t.customer_id, "?"))) for t in out]


def transfer_payload(record: Any) -> dict[str, Any]:
    """The payload of one file_transferred event, from an sftp.queue.TransferRecord."""
    if record.result not in RESULTS:
        raise ValueError(f"unknown transfer result {record.result!r}")
    return {
        "direction": record.direction,
        "remote_path": record.remote_path,
        "local_name": record.local_name,
        "size": int(record.size),
        "sha256": record.sha256,
        "host_key_fingerprint": record.host_key_fingerprint,
        "resumed_from": record.resumed_from,
        "duration_s": round(float(record.duration_s), 3),
        "result": record.result,
        "reason": record.reason,
        "error_kind": record.error_kind,
        "bytes_transferred": int(record.bytes_transferred),
        "started_at": record.started_at.isoformat(),
    }


def log_file_transferred(
    db: Database, session_uuid: str, record: Any, *, actor: str | None = None
) -> EventRow:
    """One event per file. Raises LogWriteError when it cannot be written (fail closed)."""
    return append_event(db, FILE_TRANSFERRED, session_uuid, transfer_payload(record), actor=actor)


def _key_payload(row: Any) -> dict[str, Any]:
    return {
        "host": row.host,
        "port": int(row.port),
        "key_type": row.key_type,
        "fingerprint": row.fingerprint,
        "pinned_by": row.pinned_by,
        "approved": row.approved_by is not None,
    }


def log_host_key_pinned(
    db: Database, session_uuid: str, row: Any, *, actor: str | None = None
) -> EventRow:
    """After store.host_keys.pin_key: who confirmed which key, and whether it awaits approval."""
    return append_event(db, HOST_KEY_PINNED, session_uuid, _key_payload(row), actor=actor)


def log_host_key_approved(
    db: Database, session_uuid: str | None, row: Any, *, actor: str | None = None
) -> EventRow:
    """A lead's approval; outside a session it is logged as a session of its own."""
    payload = _key_payload(row) | {"approved_by": row.approved_by}
    su = session_uuid or str(uuid.uuid4())
    return append_event(db, HOST_KEY_APPROVED, su, payload, actor=actor)


def log_host_key_replaced(
    db: Database,
    session_uuid: str | None,
    old_fingerprint: str,
    row: Any,
    *,
    actor: str | None = None,
) -> EventRow:
    payload = _key_payload(row) | {"old_fingerprint": old_fingerprint}
    su = session_uuid or str(uuid.uuid4())
    return append_event(db, HOST_KEY_REPLACED, su, payload, actor=actor)


def transfers_of(conn: Connection, session_uuid: str) -> list[dict[str, Any]]:
    """The session's file_transferred payloads in order (erased ones left out)."""
    events = read_session_events(conn, session_uuid)
    return [e.payload for e in events if e.kind == FILE_TRANSFERRED and e.payload is not None]
