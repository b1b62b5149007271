"""Writing and reading the session log (see DESIGN.md and domain.hashchain).

``log_event`` writes one event and its payload in one transaction, together with whatever the
caller's ``build`` reads and writes on that connection first (the rules of a session step, a
new contact). PostgreSQL fills the chained columns in its trigger; on SQLite they are computed
here, inside BEGIN IMMEDIATE, the only place the application does so. A retry with the same
``event_uuid`` never logs twice (``build`` is not even run again), and a COMMIT whose outcome is
unknown is settled by re-reading that UUID on a fresh connection. Logging fails closed: any
failure raises LogWriteError, and callers do not go ahead.

The writers take the Database: they open their own connections, since the re-read after a
lost COMMIT needs a second one. The readers take the caller's Connection.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ARRAY,
    Connection,
    RootTransaction,
    Select,
    String,
    any_,
    bindparam,
    insert,
    select,
    text,
)
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from bowebb_console.domain import hashchain
from bowebb_console.domain.errors import ShownError
from bowebb_console.store.db.blockers import Watch, watching
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.errors import driver_code, first_line, is_lock_wait, locked_error
from bowebb_console.store.models import LogEvent, LogPayload

UNREACHABLE = "log.unreachable"  # no connection: nothing was sent
REFUSED = "log.refused"  # a rule of the log or the database said no
NOT_LOGGED = "log.not_logged"  # the write failed, and the re-read found nothing
UNKNOWN_OUTCOME = "log.unknown_outcome"  # the COMMIT's answer was lost, and so was the re-read
LOCKED = "db.locked"  # another session held the log's lock past our lock timeout: not logged


class LogWriteError(ShownError):
    """The event was not logged (or it is unknown whether it was). ``params``: ``detail``
    (the server's first line) and ``cause`` (its ``db.*`` code); see the codes above."""

    @property
    def unknown(self) -> bool:
        """Whether the event may have been logged after all: retry with the same UUID."""
        return self.code == UNKNOWN_OUTCOME


def _failed(code: str, exc: BaseException) -> LogWriteError:
    detail = first_line(exc)
    message = {
        UNREACHABLE: f"The database cannot be reached ({detail}); nothing was logged or started.",
        REFUSED: f"The event was refused: {detail}",
        NOT_LOGGED: f"The event could not be logged ({detail}); nothing was started.",
        UNKNOWN_OUTCOME: "The database did not answer, and it is not known whether the event "
        "was logged; nothing was started. Try again when the database answers.",
    }[code]
    return LogWriteError(code, message, {"detail": detail, "cause": driver_code(exc)})


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


@dataclass(frozen=True)
class NewEvent:
    """What ``build`` returns: the event to log."""

    kind: str
    session_uuid: str
    payload: dict[str, Any]


def local_actor() -> str:
    return getpass.getuser().replace("|", "_")


def append_event(
    db: Database,
    kind: str,
    session_uuid: str,
    payload: dict[str, Any],
    event_uuid: str | None = None,
    *,
    actor: str | None = None,
) -> EventRow:
    """Log one event; returns it as stored. ``actor`` is used on SQLite only (on PostgreSQL
    the server records ``session_user``)."""
    event = NewEvent(kind, str(uuid.UUID(session_uuid)), payload)
    hashchain.check_fields(kind, actor or "server")
    hashchain.canonical_payload(payload)  # not serialisable: refused before connecting
    return log_event(db, lambda _conn: event, event_uuid, actor=actor)


def log_event(
    db: Database,
    build: Callable[[Connection], NewEvent],
    event_uuid: str | None = None,
    *,
    actor: str | None = None,
) -> EventRow:
    """Log the event ``build(conn)`` returns, in one transaction with what ``build`` did on
    ``conn`` (a failed write rolls both back). ``build`` may raise to refuse; it is not run
    when ``event_uuid`` is logged already (a retry): that event is returned."""
    event_uuid = str(uuid.UUID(event_uuid)) if event_uuid else str(uuid.uuid4())
    try:
        conn = db.engine.connect()
    except DBAPIError as exc:
        raise _failed(UNREACHABLE, exc) from None  # nothing was sent: the outcome is known
    watch: Watch | None = None
    try:
        with conn, watching(conn) as watch, _begin(conn):
            existing = event_by_uuid(conn, event_uuid)
            if existing is not None:  # a retry of a write that did commit
                return existing
            event = build(conn)
            hashchain.check_fields(event.kind, actor or "server")
            session_uuid = str(uuid.UUID(event.session_uuid))
            canonical = hashchain.canonical_payload(event.payload)
            write_event(conn, event.kind, session_uuid, event_uuid, canonical, actor)
            row = event_by_uuid(conn, event_uuid)
            assert row is not None
        return row
    except IntegrityError as exc:
        # A concurrent retry of the same UUID, or a rule of the log (e.g. no consent).
        again = _reread(db, event_uuid)
        if again is not None:
            return again
        raise _failed(REFUSED, exc) from None
    except DBAPIError as exc:
        if is_lock_wait(exc):
            locked = _locked(exc, watch)
            if locked is not None:
                raise locked from None
        if not (exc.connection_invalidated or isinstance(exc, OperationalError)):
            raise _failed(REFUSED, exc) from None
        try:
            again = _reread(db, event_uuid)
        except DBAPIError:
            raise _failed(UNKNOWN_OUTCOME, exc) from None
        if again is not None:
            return again
        raise _failed(NOT_LOGGED, exc) from None


def _locked(exc: DBAPIError, watch: Watch | None) -> LogWriteError | None:
    """Another session held the log's lock (the chain head, or SQLite's file) past our lock
    timeout: nothing was logged (the wait was cancelled before any COMMIT), and the refusal
    names who held it. None: the timeout was no lock wait (the usual path decides)."""
    shown = locked_error(exc, watch.holders if watch else ())
    if shown.code != "db.locked":
        return None
    return LogWriteError(shown.code, shown.message, {**shown.params, "cause": shown.code})


def _begin(conn: Connection) -> RootTransaction:
    if conn.dialect.name == "sqlite":
        # Take the write lock before reading the chain's end (see engine.py).
        conn.execution_options(sqlite_begin="IMMEDIATE")
    return conn.begin()


# A connection's ``info`` key holding a time for the changes chained at its COMMIT (see
# ``changes.chain_pending``): the demo's customers were "created" before its sessions.
BACKDATE = "bowebb.log_at"


def write_event(
    conn: Connection,
    kind: str,
    session_uuid: str,
    event_uuid: str,
    canonical: str,
    actor: str | None,
    *,
    at: dt.datetime | None = None,
) -> None:
    """Insert one event and its payload on ``conn``, inside the caller's transaction (on
    SQLite that transaction must have begun IMMEDIATE: the chain is read, then extended).

    ``at``: an earlier time to stamp, for demo data filled as if it had been logged over
    weeks (SQLite only, never before the previous event; PostgreSQL's trigger always stamps
    its own clock, so there the demo's events carry the time of the fill)."""
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
        last = _last(conn)
        seq, prev, last_at = (last[0] + 1, last[1], last[2]) if last else (1, hashchain.GENESIS, "")
        # Never before the previous event (verify-log checks it): a clock set back by the
        # system stamps the previous time instead.
        stamp = max(hashchain.format_at(min(at, _now()) if at else _now()), last_at)
        values |= {
            "seq": seq,
            "actor": who,
            "at": stamp,
            "prev_hash": prev,
            "hash": hashchain.event_hash(
                seq, event_uuid, session_uuid, kind, who, stamp, commitment, prev
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


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _reread(db: Database, event_uuid: str) -> EventRow | None:
    """The event logged under ``event_uuid``, read on a fresh connection (the one that wrote
    it may be gone)."""
    with db.engine.connect() as conn:
        return event_by_uuid(conn, event_uuid)


def _event_query() -> Select[*tuple[Any, ...]]:
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


def _to_row(r: Sequence[Any]) -> EventRow:
    payload = json.loads(r[9]) if r[9] is not None else None
    return EventRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], payload)


def event_by_uuid(conn: Connection, event_uuid: str) -> EventRow | None:
    """The event logged under ``event_uuid``, if any."""
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
        if conn.dialect.name == "postgresql":  # one array parameter: one statement text
            uuids = bindparam("uuids", list(session_uuids), type_=ARRAY(String))
            query = _event_query().where(LogEvent.session_uuid == any_(uuids))
        else:
            query = _event_query().where(LogEvent.session_uuid.in_(session_uuids))
        for r in conn.execute(query.order_by(LogEvent.seq)):
            grouped[r[2]].append(_to_row(r))
    return grouped


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str


def log_head(conn: Connection) -> Head:
    """The last event's position and hash, for anchoring outside the database."""
    last = _last(conn)
    return Head(last[0], last[1]) if last else Head(0, hashchain.GENESIS)


def _last(conn: Connection) -> tuple[int, str, str] | None:
    """The chain's end: the last event's seq, hash and time."""
    last = conn.execute(
        select(LogEvent.seq, LogEvent.hash, LogEvent.at).order_by(LogEvent.seq.desc()).limit(1)
    ).first()
    return (int(last[0]), str(last[1]), str(last[2])) if last else None
