"""The session log on PostgreSQL as agents use it: what the server refuses, who it records,
a stalled client, and many writers at once."""

from __future__ import annotations

import multiprocessing as mp
import threading
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bowebb_console.store.db import users
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.chain import LogWriteError, append_event, log_head
from bowebb_console.store.log.verify import verify_log
from tests.store.log_helpers import add_customer, as_superuser, full_session, problem

PASSWORD = "correct horse battery"
ZERO = "0" * 64


@pytest.fixture
def agent(pg_db):  # type: ignore[no-untyped-def]
    """(admin engine, agent login name, agent engine) on a database with one session."""
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    name = pg_db.login_name("agent")
    with admin.begin() as conn:
        users.add_user(conn, name, "agent", PASSWORD)
    engine = make_engine(pg_db.url_for(name, PASSWORD))
    customer, contact = add_customer(admin)  # agents do not record DPAs
    full_session(Database(engine), customer, contact)
    yield admin, name, engine
    engine.dispose()
    admin.dispose()


def refused(engine, statement: str, **params: object) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(DBAPIError) as info, engine.begin() as conn:
        conn.execute(text(statement), params)
    return str(info.value.orig)


def insert_sql(extra_cols: str = "", extra_vals: str = "") -> str:
    return (
        f"INSERT INTO log_event (event_uuid, session_uuid, kind, payload_commitment{extra_cols})"
        f" VALUES (:eu, :su, 'note_added', :c{extra_vals})"
    )


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE log_event SET kind = 'x' WHERE seq = 1",
        "DELETE FROM log_event WHERE seq = 5",
        "TRUNCATE log_event CASCADE",
        "UPDATE log_chain_head SET seq = 0",
        "DELETE FROM log_payload",
        "UPDATE log_payload SET payload = '{}'",
    ],
)
def test_agent_cannot_change_the_log(agent, statement: str) -> None:  # type: ignore[no-untyped-def]
    _, _, engine = agent
    assert "permission denied" in refused(engine, statement)
    assert verify_log(Database(engine)).ok


@pytest.mark.parametrize(
    ("cols", "vals"),
    [
        (", actor", ", 'boss'"),
        (", at", ", '2020-01-01T00:00:00.000000Z'"),
        (", seq", ", 99"),
        (", prev_hash", f", '{ZERO}'"),
        (", hash", f", '{ZERO}'"),
    ],
)
def test_agent_cannot_supply_server_columns(agent, cols: str, vals: str) -> None:  # type: ignore[no-untyped-def]
    _, _, engine = agent
    message = refused(
        engine, insert_sql(cols, vals), eu=str(uuid.uuid4()), su=str(uuid.uuid4()), c="a" * 64
    )
    assert "permission denied" in message


def test_owner_is_stopped_by_the_guard_triggers(agent) -> None:  # type: ignore[no-untyped-def]
    admin, _, _ = agent
    for statement in (
        "UPDATE log_event SET kind = 'x'",
        "DELETE FROM log_event",
        "TRUNCATE log_event CASCADE",
    ):
        assert "append-only" in refused(admin, statement)
    # Even the owner's own values are overwritten by the trigger.
    with admin.begin() as conn:
        conn.execute(
            text(insert_sql(", actor, seq", ", 'boss', 1")),
            {"eu": str(uuid.uuid4()), "su": str(uuid.uuid4()), "c": "a" * 64},
        )
        row = conn.execute(text("SELECT seq, actor FROM log_event ORDER BY seq DESC")).first()
    assert row is not None and row.seq == 8 and row.actor != "boss"


def test_actor_is_the_login_despite_set_role_and_application_name(agent, pg_db) -> None:  # type: ignore[no-untyped-def]
    _, name, _ = agent
    spoof = make_engine(pg_db.url_for(name, PASSWORD) + "?application_name=admin")
    with spoof.begin() as conn:
        conn.execute(text(f'SET ROLE "{pg_db.role_prefix}_agent"'))
        conn.execute(text("SET application_name = 'someone_else'"))
        conn.execute(
            text(insert_sql()), {"eu": str(uuid.uuid4()), "su": str(uuid.uuid4()), "c": "b" * 64}
        )
        actor = conn.execute(text("SELECT actor FROM log_event ORDER BY seq DESC")).scalar()
    spoof.dispose()
    assert actor == name
    with agent[2].connect() as conn:
        actors = set(
            conn.execute(
                text("SELECT DISTINCT actor FROM log_event WHERE kind NOT LIKE '%\\_changed'")
            ).scalars()
        )
    assert actors == {name}  # (the customer and contact were recorded by the setup's login)


def test_stalled_writer_does_not_block_others(agent, pg_db) -> None:  # type: ignore[no-untyped-def]
    admin, name, engine = agent
    with admin.begin() as conn:
        conn.execute(text(f'ALTER ROLE "{name}" SET idle_in_transaction_session_timeout = 500'))
    stalled = make_engine(pg_db.url_for(name, PASSWORD), pool_pre_ping=False)
    conn = stalled.connect()
    stalled_uuid = str(uuid.uuid4())
    conn.execute(text(insert_sql()), {"eu": stalled_uuid, "su": str(uuid.uuid4()), "c": "c" * 64})
    # `conn` now holds the chain head's row lock and goes silent (a frozen client).
    done: list[int] = []
    writer = threading.Thread(
        target=lambda: done.append(
            append_event(Database(engine), "note_added", str(uuid.uuid4()), {"note": "x"}).seq
        )
    )
    writer.start()
    writer.join(timeout=60)
    assert done == [8]  # the server ended the stalled transaction; the other writer went on
    with pytest.raises(DBAPIError):
        conn.commit()
    conn.close()
    stalled.dispose()
    with engine.connect() as c:
        assert (
            c.execute(
                text("SELECT 1 FROM log_event WHERE event_uuid = :u"), {"u": stalled_uuid}
            ).first()
            is None
        )
    assert verify_log(Database(engine)).ok


def _write_many(url: str, count: int, errors: mp.Queue) -> None:  # type: ignore[type-arg]
    db = Database(make_engine(url))
    try:
        for i in range(count):
            append_event(db, "note_added", str(uuid.uuid4()), {"note": f"n{i}"})
    except Exception as exc:  # reported to the test, which fails on any
        errors.put(repr(exc))
    finally:
        db.dispose()


def test_eight_writers_keep_one_contiguous_chain(agent, pg_db) -> None:  # type: ignore[no-untyped-def]
    _, name, engine = agent
    ctx = mp.get_context("spawn")
    errors: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    url = pg_db.url_for(name, PASSWORD)
    procs = [ctx.Process(target=_write_many, args=(url, 500, errors)) for _ in range(8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=240)
    assert [p.exitcode for p in procs] == [0] * 8
    assert errors.empty()
    result = verify_log(Database(engine))
    assert result.ok and result.events == 7 + 4000
    with engine.connect() as conn:
        assert log_head(conn).seq == 4007


def test_lowered_head_stops_writes_and_verify_names_it(agent) -> None:  # type: ignore[no-untyped-def]
    admin, _, engine = agent
    as_superuser(admin, "UPDATE log_chain_head SET seq = 5")
    with pytest.raises(LogWriteError):  # the trigger hands out seq 6 again
        append_event(Database(engine), "note_added", str(uuid.uuid4()), {"note": "x"})
    assert problem(Database(engine)) == ("head", 7)


def test_raised_head_is_named_and_stops_the_next_write(agent) -> None:  # type: ignore[no-untyped-def]
    admin, _, engine = agent
    as_superuser(admin, "UPDATE log_chain_head SET seq = 9")
    assert problem(Database(engine)) == ("head", 7)
    # The database refuses to link a new event to a head that is not the last event's.
    with pytest.raises(LogWriteError) as refused:
        append_event(Database(engine), "note_added", str(uuid.uuid4()), {"note": "x"})
    assert "chain head does not match" in refused.value.message
    assert problem(Database(engine)) == ("head", 7)


def test_changed_head_hash_is_named_and_stops_the_next_write(agent) -> None:  # type: ignore[no-untyped-def]
    admin, _, engine = agent
    as_superuser(admin, "UPDATE log_chain_head SET hash = :h", h="f" * 64)
    assert problem(Database(engine)) == ("head", 7)
    with pytest.raises(LogWriteError) as refused:
        append_event(Database(engine), "note_added", str(uuid.uuid4()), {"note": "x"})
    assert "chain head does not match" in refused.value.message
    assert problem(Database(engine)) == ("head", 7)  # nothing linked to the garbage
