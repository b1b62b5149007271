"""Writing and reading the session log (see DESIGN.md and domain.hashchain).

``append_event`` writes one event and its payload in one transaction. PostgreSQL fills the
chained columns in its trigger; on SQLite they are computed here, inside BEGIN IMMEDIATE, the
only place the application does so. A retry with the same ``event_uuid`` never logs twice, and
a COMMIT whose outcome is unknown is settled by re-reading that UUID on a fresh connection.
Logging fails closed: any failure raises LogWriteError, and callers do not go ahead.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from bowebb_console.domain import hashchain
from bowebb_console.store.models import LogEvent, LogPayload


class LogWriteError(RuntimeError):
    """The event was not logged (or it is unknown whether it was); ``message`` can be shown."""

    def __init__(self, message: str, *, unknown: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.unknown = unknown


@dataclass(frozen=True)
class EventRow:
    seq: int
    event_uuid: str
    session_uuid: str
    kind: str
    actor: str
    at: str
    payload_commitment: str
    prev_hash: str
    hash: str
    payload: dict[str, Any] | None  # None: erased


def engine_of(db: Any) -> Engine:
    """Accept an Engine or anything with an ``engine`` (store.connect.Database)."""
    engine = db if isinstance(db, Engine) else getattr(db, "engine", None)
    if not isinstance(engine, Engine):
        raise TypeError("expected an Engine or a Database")
    return engine


def local_actor() -> str:
    return getpass.getuser().replace("|", "_")


def append_event(
    db: Any,
    kind: str,
    session_uuid: str,
    payload: dict[str, Any],
    event_uuid: str | None = None,
    *,
    actor: str | None = None,
) -> EventRow:
    """Log one event; returns it as stored. ``actor`` is used on SQLite only (on PostgreSQL
    the server records ``session_user``)."""
    engine = engine_of(db)
    event_uuid = str(uuid.UUID(event_uuid)) if event_uuid else str(uuid.uuid4())
    session_uuid = str(uuid.UUID(session_uuid))
    canonical = hashchain.canonical_payload(payload)
    hashchain.check_fields(kind, actor or "server")
    try:
        conn = engine.connect()
    except DBAPIError as exc:
        # Nothing was sent: the outcome is known.
        raise LogWriteError(
            f"The database cannot be reached ({_reason(exc)}); nothing was logged or started."
        ) from None
    try:
        with conn, _begin(conn):
            existing = _read_event(conn, event_uuid)
            if existing is not None:  # a retry of a write that did commit
                return existing
            write_event(conn, kind, session_uuid, event_uuid, canonical, actor)
            row = _read_event(conn, event_uuid)
            assert row is not None
        return row
    except IntegrityError as exc:
        # A concurrent retry of the same UUID, or a rule of the log (e.g. no consent).
        again = _reread(engine, event_uuid)
        if again is not None:
            return again
        raise LogWriteError(f"The event was refused: {_reason(exc)}") from None
    except DBAPIError as exc:
        if not (exc.connection_invalidated or isinstance(exc, OperationalError)):
            raise LogWriteError(f"The event was refused: {_reason(exc)}") from None
        try:
            again = _reread(engine, event_uuid)
        except DBAPIError:
            raise LogWriteError(
                "The database did not answer, and it is not known whether the event was "
                "logged; nothing was started. Try again when the database answers.",
                unknown=True,
            ) from None
        if again is not None:
            return again
        raise LogWriteError(
            f"The event could not be logged ({_reason(exc)}); nothing was started."
        ) from None


def _begin(conn: Connection) -> Any:
    if conn.dialect.name == "sqlite":
        # Take the write lock before reading the chain's end (see engine.py).
        conn.execution_options(sqlite_begin="IMMEDIATE")
    return conn.begin()


def _reason(exc: BaseException) -> str:
    lines = str(getattr(exc, "orig", exc) or exc).strip().splitlines()
    return lines[0][:300] if lines else type(exc).__name__


def write_event(
    conn: Connection,
    kind: str,
    session_uuid: str,
    event_uuid: str,
    canonical: str,
    actor: str | None,
) -> None:
    """Insert one event and its payload on ``conn``, inside the caller's transaction (on
    SQLite that transaction must have begun IMMEDIATE: the chain is read, then extended)."""
    salt = hashchain.new_salt()
    commitment = hashchain.payload_commitment(salt, canonical.encode())
    values: dict[str, Any] = {
        "event_uuid": event_uuid,
        "session_uuid": session_uuid,
        "kind": kind,
        "payload_commitment": commitment,
    }
    if conn.dialect.name == "sqlite":
        # The one place the application computes chained values (PostgreSQL: the trigger).
        who = actor or local_actor()
        hashchain.check_fields(kind, who)
        last = conn.execute(
            select(LogEvent.seq, LogEvent.hash).order_by(LogEvent.seq.desc()).limit(1)
        ).first()
        seq, prev = (last[0] + 1, last[1]) if last else (1, hashchain.GENESIS)
        at = hashchain.format_at(dt.datetime.now(dt.UTC))
        values |= {
            "seq": seq,
            "actor": who,
            "at": at,
            "prev_hash": prev,
            "hash": hashchain.event_hash(
                seq, event_uuid, session_uuid, kind, who, at, commitment, prev
            ),
        }
    # Plain SQL: the ORM table would warn that the primary key (filled by PostgreSQL's
    # trigger) is missing.
    columns = ", ".join(values)
    seq = conn.execute(
        text(
            f"INSERT INTO log_event ({columns}) VALUES ({', '.join(':' + c for c in values)}) "
            "RETURNING seq"
        ),
        values,
    ).scalar_one()
    conn.execute(insert(LogPayload).values(seq=seq, salt=salt, payload=canonical))


def _reread(engine: Engine, event_uuid: str) -> EventRow | None:
    with engine.connect() as conn:
        return _read_event(conn, event_uuid)


def _event_query() -> Any:
    return select(
        LogEvent.seq,
        LogEvent.event_uuid,
        LogEvent.session_uuid,
        LogEvent.kind,
        LogEvent.actor,
        LogEvent.at,
        LogEvent.payload_commitment,
        LogEvent.prev_hash,
        LogEvent.hash,
        LogPayload.payload,
    ).outerjoin(LogPayload, LogPayload.seq == LogEvent.seq)


def _to_row(r: Any) -> EventRow:
    payload = json.loads(r[9]) if r[9] is not None else None
    return EventRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], payload)


def _read_event(conn: Connection, event_uuid: str) -> EventRow | None:
    r = conn.execute(_event_query().where(LogEvent.event_uuid == event_uuid)).first()
    return _to_row(r) if r is not None else None


def read_session_events(conn: Connection, session_uuid: str) -> list[EventRow]:
    rows = conn.execute(
        _event_query().where(LogEvent.session_uuid == session_uuid).order_by(LogEvent.seq)
    )
    return [_to_row(r) for r in rows]


def read_sessions_events(conn: Connection, session_uuids: list[str]) -> dict[str, list[EventRow]]:
    """Events of many sessions in one query, grouped by session, each in seq order."""
    grouped: dict[str, list[EventRow]] = {su: [] for su in session_uuids}
    if session_uuids:
        query = _event_query().where(LogEvent.session_uuid.in_(session_uuids))
        for r in conn.execute(query.order_by(LogEvent.seq)):
            grouped[r[2]].append(_to_row(r))
    return grouped


def event_by_uuid(db: Any, event_uuid: str) -> EventRow | None:
    """What the UI re-reads before saying "saved" or "not saved"."""
    return _reread(engine_of(db), event_uuid)


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str


def log_head(db: Any) -> Head:
    """The last event's position and hash, for anchoring outside the database."""
    with engine_of(db).connect() as conn:
        last = conn.execute(
            select(LogEvent.seq, LogEvent.hash).order_by(LogEvent.seq.desc()).limit(1)
        ).first()
        if last is None:
            return Head(0, hashchain.GENESIS)
        return Head(int(last[0]), str(last[1]))
