"""Helpers for the session-log tests: a customer, a short session, SQL as a superuser."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from sqlalchemy import Engine, text

from bowebb_console.store.db.connect import Database
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.sessions import events as sessions

SQLITE_GUARDS = (
    "log_event_no_update",
    "log_event_no_delete",
    "log_event_link",
    "log_event_head",
    "log_payload_no_update",
    "log_event_fields",
    "log_payload_check",
)


def add_customer(engine: Engine, *, dpa: bool = True, org: str = "5560360793") -> tuple[int, int]:
    """A customer with one contact; returns (customer_id, contact_id)."""
    with engine.begin() as conn:
        cid = conn.execute(
            text(
                "INSERT INTO customer (org_number, name, status, dpa_signed_on, version) "
                "VALUES (:o, 'Testbolaget AB', 'active', :d, 1) RETURNING id"
            ),
            {"o": org, "d": dt.date(2025, 1, 1) if dpa else None},
        ).scalar_one()
        contact = conn.execute(
            text(
                "INSERT INTO contact (customer_id, name, email, version) "
                "VALUES (:c, 'Eva Ek', 'eva@example.se', 1) RETURNING id"
            ),
            {"c": cid},
        ).scalar_one()
    return int(cid), int(contact)


def consent(db: Database, customer: int, contact: int, outcome: str = "agreed", **kw: Any):  # type: ignore[no-untyped-def]
    return sessions.record_consent(
        db,
        customer_id=customer,
        contact_id=contact,
        session_kind="remote_control",
        outcome=outcome,
        channel="phone",
        agreed_at=dt.datetime.now(dt.UTC),
        reference="T-1234",
        scope="control",
        purpose="Printer setup",
        **kw,
    )


def transfer_consent(db: Database, customer: int, contact: int, **kw: Any):  # type: ignore[no-untyped-def]
    """An agreed file-transfer consent with a purpose the policy allows."""
    return sessions.record_consent(
        db,
        customer_id=customer,
        contact_id=contact,
        session_kind="file_transfer",
        outcome="agreed",
        channel="phone",
        agreed_at=dt.datetime.now(dt.UTC),
        reference="T-1234",
        scope="file_transfer",
        purpose="Payroll import",
        purpose_kind="support",
        purpose_reference="T-1234",
        **kw,
    )


def full_session(db: Database, customer: int, contact: int) -> str:
    """Five events: consent, start, two notes, end."""
    su = consent(db, customer, contact).session_uuid
    sessions.start_session(db, su, tool="AnyDesk", tool_session_id="123 456 789")
    sessions.add_note(db, su, "Customer sees the error dialog")
    sessions.add_note(db, su, "Driver reinstalled")
    sessions.end_session(db, su, "Printing works again", "resolved")
    return su


def as_superuser(engine: Engine, *statements: str, **params: Any) -> None:
    """What someone with full access to the database could do, the guards switched off."""
    if engine.dialect.name == "sqlite":
        # A plain connection: no foreign keys, no guard triggers.
        raw = sqlite3.connect(str(engine.url.database))
        with raw:
            for trigger in SQLITE_GUARDS:
                raw.execute(f"DROP TRIGGER IF EXISTS {trigger}")
            for statement in statements:
                raw.execute(statement, params)
        raw.close()
        return
    with engine.begin() as conn:
        conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        for statement in statements:
            conn.execute(text(statement), params)


# On PostgreSQL a CHECK keeps payloads JSON objects even with the triggers off (migration 0008):
# an owner must drop it first to plant one that is not.
DROP_PAYLOAD_OBJECT_CHECK = (
    "ALTER TABLE log_payload DROP CONSTRAINT IF EXISTS ck_log_payload_object"
)


# The customer-id expression index (migration 0015) reads every payload as JSON, so it refuses
# text that is none: an owner drops it too before planting such a payload.
DROP_PAYLOAD_CUSTOMER_INDEX = "DROP INDEX IF EXISTS ix_log_payload_customer"


def plant_payloads(engine: Engine, *statements: str, **params: Any) -> None:
    """As :func:`as_superuser`, for payloads that are no JSON object."""
    if engine.dialect.name == "postgresql":
        statements = (DROP_PAYLOAD_OBJECT_CHECK, *statements)
    as_superuser(engine, DROP_PAYLOAD_CUSTOMER_INDEX, *statements, **params)


def problem(db: Database) -> tuple[str, int]:
    """The first problem verify-log names, as (kind, seq); parallel slices must agree."""
    result = verify_log(db)
    assert not result.ok and result.problem is not None
    parallel = verify_log(db, workers=3, min_parallel=1)
    assert parallel.problem == result.problem
    return result.problem.kind, result.problem.seq


class LostAck:
    """Wraps conn.begin(): the COMMIT runs (or not), then the connection 'drops'."""

    def __init__(self, real, commit: bool) -> None:  # type: ignore[no-untyped-def]
        self.real, self.commit = real, commit

    def __enter__(self):  # type: ignore[no-untyped-def]
        self.tx = self.real.__enter__()
        return self.tx

    def __exit__(self, *exc):  # type: ignore[no-untyped-def]
        from sqlalchemy.exc import OperationalError

        if exc[0] is not None:
            return self.real.__exit__(*exc)
        if self.commit:
            self.tx.commit()
        else:
            self.tx.rollback()
        raise OperationalError("COMMIT", {}, Exception("server closed the connection"))


def lifecycle_events(engine: Engine) -> list[tuple[str, dict[str, Any] | None]]:
    """The ``lifecycle_changed`` events (migration 0024) in order: actor and the changed row's
    ``before``/``after`` (None when the payload was erased)."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT e.actor, p.payload FROM log_event e "
                "LEFT JOIN log_payload p ON p.seq = e.seq "
                "WHERE e.kind = 'lifecycle_changed' ORDER BY e.seq"
            )
        ).all()
    found: list[tuple[str, dict[str, Any] | None]] = []
    for actor, payload in rows:
        if payload is None:
            found.append((str(actor), None))
            continue
        body = json.loads(payload)
        assert body["table"] == "lifecycle_setting" and len(body["rows"]) == 1, body
        row = body["rows"][0]
        found.append((str(actor), {"before": row["before"], "after": row["after"]}))
    return found
