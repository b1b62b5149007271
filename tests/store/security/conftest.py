"""Attacks as real logins: one PostgreSQL database, two agents, a lead, an admin, each with
their own login in the group roles, plus the superuser that set it up (``root``)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from bowebb_console.domain import hashchain
from bowebb_console.store.db import users
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database

PASSWORD = "correct horse battery"
ROLES = {"agent": "agent", "agent2": "agent", "lead": "lead", "admin": "admin"}


@dataclass
class Logins:
    names: dict[str, str]
    engines: dict[str, Engine]
    root: Engine  # the superuser: setup, and detection tests

    def __getitem__(self, who: str) -> Engine:
        return self.engines[who]


@pytest.fixture
def logins(pg_db) -> Iterator[Logins]:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    root = make_engine(pg_db.admin_url_str)
    names = {who: pg_db.login_name(who) for who in ROLES}
    with root.begin() as conn:
        for who, role in ROLES.items():
            users.add_user(conn, names[who], role, PASSWORD)
    engines = {who: make_engine(pg_db.url_for(n, PASSWORD)) for who, n in names.items()}
    yield Logins(names, engines, root)
    for engine in engines.values():
        engine.dispose()
    root.dispose()


def refused(engine: Engine, *statements: str, **params: Any) -> str:
    """Run ``statements`` in one transaction as ``engine``'s login; the server must refuse
    (at the latest at COMMIT). Returns its message."""
    with pytest.raises(DBAPIError) as info, engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement), params)
    return str(info.value.orig)


def run(engine: Engine, *statements: str, **params: Any) -> list[Any]:
    """Run ``statements`` in one committed transaction; the last one's rows, if any."""
    rows: list[Any] = []
    with engine.begin() as conn:
        for statement in statements:
            result = conn.execute(text(statement), params)
            rows = list(result) if result.returns_rows else []
    return rows


EVENT_SQL = (
    "INSERT INTO public.log_event (event_uuid, session_uuid, kind, payload_commitment) "
    "VALUES (:eu, :su, :kind, :c) RETURNING seq"
)
PAYLOAD_SQL = "INSERT INTO public.log_payload (seq, salt, payload) VALUES (:seq, :salt, :payload)"


def event_params(kind: str, session_uuid: str, payload: dict[str, Any]) -> dict[str, Any]:
    """What a psql user types for an event and its payload (a matching commitment)."""
    canonical = hashchain.canonical_payload(payload)
    salt = hashchain.new_salt()
    return {
        "eu": str(uuid.uuid4()),
        "su": session_uuid,
        "kind": kind,
        "c": hashchain.payload_commitment(salt, canonical.encode()),
        "salt": salt,
        "payload": canonical,
    }


def raw_event(engine: Engine, kind: str, session_uuid: str, payload: dict[str, Any]) -> int:
    """An event and its payload by hand, in one transaction (raises when refused)."""
    params = event_params(kind, session_uuid, payload)
    with engine.begin() as conn:
        seq = conn.execute(text(EVENT_SQL), params).scalar_one()
        conn.execute(text(PAYLOAD_SQL), params | {"seq": seq})
    return int(seq)


def erase_by_hand(engine: Engine, table: str, ids: list[int]) -> None:
    """What an admin types in psql to erase: the erasure functions and the erasure's event,
    in one transaction (migration 0009 refuses any other way)."""
    params = event_params("erasure_performed", str(uuid.uuid4()), {"reference": "E-TEST"})
    with engine.begin() as conn:
        conn.execute(text("SELECT public.erasure_begin()"))
        erase = text("SELECT public.erasure_delete(:t, CAST(:ids AS bigint[]))")
        conn.execute(erase, {"t": table, "ids": ids})
        seq = conn.execute(text(EVENT_SQL), params).scalar_one()
        conn.execute(text(PAYLOAD_SQL), params | {"seq": seq})


def raw_event_refused(engine: Engine, kind: str, session_uuid: str, payload: dict[str, Any]) -> str:
    with pytest.raises(DBAPIError) as info:
        raw_event(engine, kind, session_uuid, payload)
    return str(info.value.orig)


def summary(engine: Engine, session_uuid: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT * FROM session_summary WHERE session_uuid = :s"), {"s": session_uuid}
        ).first()
    return dict(row._mapping) if row is not None else None


def payload_of(engine: Engine, seq: int) -> dict[str, Any] | None:
    with engine.connect() as conn:
        found = conn.execute(
            text("SELECT payload FROM log_payload WHERE seq = :s"), {"s": seq}
        ).scalar()
    return json.loads(found) if found is not None else None


def logged(engine: Engine, kind: str, key: str, statement: str, **params: Any) -> list[Any]:
    """``statement`` and its chained event naming the row (``{key: id}``; the id is ``i`` or
    the statement's first returned value) in one transaction, as the store does (migration
    0020 refuses the COMMIT of a breach or privacy change without its event)."""
    with engine.begin() as conn:
        result = conn.execute(text(statement), params)
        rows = list(result) if result.returns_rows else []
        ident = params["i"] if "i" in params else rows[0][0]
        event = event_params(kind, str(uuid.uuid4()), {key: ident})
        seq = conn.execute(text(EVENT_SQL), event).scalar_one()
        conn.execute(text(PAYLOAD_SQL), event | {"seq": seq})
    return rows
