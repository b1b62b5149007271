"""Issue 13, item 13: one login cannot stall every writer. A real agent login turns off its
own idle timeout, inserts one event and sits on the chain head; another agent's note is
refused within the 10 s the issue asks for, naming that login, and a team lead ends the
session (the retry then succeeds). The times asserted are generous upper bounds of the
requirement, not measurements (those are in benchmarks/)."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, text

from bowebb_console.domain.errors import ShownError
from bowebb_console.services import blockers
from bowebb_console.services import sessions as session_service
from bowebb_console.services.database import transaction
from bowebb_console.store.db.blockers import backend_pid
from bowebb_console.store.db.connect import Database, postgres_identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.chain import LogWriteError, event_by_uuid, write_event
from bowebb_console.store.sessions import events as sessions
from tests.store.log_helpers import add_customer, consent
from tests.store.security.conftest import EVENT_SQL, event_params, raw_event_refused, run

REQUIRED_S = 10.0  # issue 13: saved or refused with a clear message within 10 s


def hold_chain_head(conn: Connection) -> int:
    """What the hostile login types in psql: no idle limit for itself, BEGIN, one event,
    and then nothing. Returns its backend's pid; the transaction stays open."""
    conn.exec_driver_sql("SET idle_in_transaction_session_timeout = 0")  # BEGINs too
    conn.execute(text(EVENT_SQL), event_params("note_added", str(uuid.uuid4()), {"note": "x"}))
    return backend_pid(conn)


@pytest.fixture
def dbs(logins) -> Iterator[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """A Database and Identity per login, as the app opens them."""
    opened: dict[str, Any] = {}
    for who, engine in logins.engines.items():
        db = Database(make_engine(engine.url))
        with db.engine.connect() as conn:
            opened[who] = (db, postgres_identity(conn))
    yield opened
    for db, _ in opened.values():
        db.dispose()


@pytest.fixture
def session_of_agent(logins) -> str:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(logins.root)  # agents do not record DPAs
    su = consent(logins["agent"], customer, contact).session_uuid
    sessions.start_session(logins["agent"], su, tool="AnyDesk")
    return su


def test_an_idle_blocker_is_named_within_the_limit_and_a_lead_ends_it(
    logins, dbs, session_of_agent
) -> None:  # type: ignore[no-untyped-def]
    agent_db, agent = dbs["agent"]
    lead_db, _ = dbs["lead"]
    hostile = logins["agent2"].connect()
    try:
        pid = hold_chain_head(hostile)
        note_uuid = str(uuid.uuid4())
        started = time.monotonic()
        with pytest.raises(LogWriteError) as info:
            session_service.add_note(
                agent_db, agent, session_of_agent, "Printer fixed", event_uuid=note_uuid
            )
        assert time.monotonic() - started < REQUIRED_S
        refusal = info.value
        assert refusal.code == "db.locked" and not refusal.unknown
        assert refusal.params["login"] == logins.names["agent2"]
        assert refusal.params["pid"] == str(pid)
        assert refusal.params["variant"] == "named" and refusal.params["since"] != "?"
        assert logins.names["agent2"] in refusal.message
        with agent_db.engine.connect() as conn:
            assert event_by_uuid(conn, note_uuid) is None  # nothing was logged

        # While a second note waits, the lead sees who blocks whom, and ends the blocker.
        waiting: dict[str, Any] = {}
        second = threading.Thread(
            target=_add_note, args=(agent_db, agent, session_of_agent, waiting), daemon=True
        )
        second.start()
        listed = _wait_for_blockers(lead_db)
        assert [(b.pid, b.login) for b in listed] == [(pid, logins.names["agent2"])]
        assert listed[0].state == "idle in transaction"
        assert listed[0].waiting_logins == (logins.names["agent"],)
        assert blockers.end_session(lead_db, pid) == logins.names["agent2"]
        second.join(REQUIRED_S)
        assert waiting.get("event") is not None, waiting  # the waiting note went through
        # The refused note, retried under its UUID, is logged now.
        again = session_service.add_note(
            agent_db, agent, session_of_agent, "Printer fixed", event_uuid=note_uuid
        )
        assert again.payload == {"note": "Printer fixed"}
        assert blockers.list_blockers(lead_db) == []
        # The ending is in the log: who ended whose session (leads and admins only).
        [(actor, payload)] = run(
            logins.root,
            "SELECT e.actor, p.payload FROM log_event e JOIN log_payload p ON p.seq = e.seq "
            "WHERE e.kind = 'backend_ended'",
        )
        assert actor == logins.names["lead"]
        assert json.loads(payload) == {"pid": pid, "login": logins.names["agent2"]}
        assert "only team leads" in raw_event_refused(
            logins["agent"], "backend_ended", str(uuid.uuid4()), {"pid": 1}
        )
    finally:
        hostile.invalidate()
        hostile.close()


def _add_note(db: Database, identity: Any, su: str, out: dict[str, Any]) -> None:
    try:
        out["event"] = session_service.add_note(
            db, identity, su, "Second note", event_uuid=str(uuid.uuid4())
        )
    except ShownError as exc:  # pragma: no cover - reported by the assertion
        out["error"] = exc


def _wait_for_blockers(db: Database) -> list[blockers.Blocker]:
    deadline = time.monotonic() + 4
    while time.monotonic() < deadline:
        found = blockers.list_blockers(db)
        if found and found[0].waiting_logins:
            return found
        time.sleep(0.05)
    return blockers.list_blockers(db)


def test_any_write_transaction_names_the_blocker(logins, dbs) -> None:  # type: ignore[no-untyped-def]
    """Not only the log writer: a service's own transaction gives up the same way."""
    agent_db, _ = dbs["agent"]
    hostile = logins["lead"].connect()
    try:
        pid = hold_chain_head(hostile)
        started = time.monotonic()
        with pytest.raises(ShownError) as info, transaction(agent_db) as conn:
            write_event(
                conn, "note_added", str(uuid.uuid4()), str(uuid.uuid4()), '{"note":"x"}', None
            )
        assert time.monotonic() - started < REQUIRED_S
        assert info.value.code == "db.locked"
        assert (info.value.params["login"], info.value.params["pid"]) == (
            logins.names["lead"],
            str(pid),
        )
    finally:
        hostile.invalidate()
        hostile.close()


def test_a_long_running_statement_is_named_too(logins, dbs, session_of_agent) -> None:  # type: ignore[no-untyped-def]
    """Not idle but busy: the hostile login runs a statement that does not end."""
    agent_db, agent = dbs["agent"]
    hostile = logins["agent2"].connect()
    try:
        pid = hold_chain_head(hostile)
        sleeper = threading.Thread(
            target=_sleep_in, args=(hostile,), daemon=True
        )  # its own statement_timeout off, as a hostile client would
        sleeper.start()
        with pytest.raises(LogWriteError) as info:
            session_service.add_note(
                agent_db, agent, session_of_agent, "Busy", event_uuid=str(uuid.uuid4())
            )
        assert info.value.code == "db.locked" and info.value.params["pid"] == str(pid)
        assert blockers.end_session(dbs["admin"][0], pid) == logins.names["agent2"]
        sleeper.join(REQUIRED_S)
        session_service.add_note(
            agent_db, agent, session_of_agent, "Busy", event_uuid=str(uuid.uuid4())
        )
    finally:
        hostile.invalidate()
        hostile.close()


def _sleep_in(conn: Connection) -> None:
    try:
        conn.exec_driver_sql("SET statement_timeout = 0")
        conn.exec_driver_sql("SELECT pg_sleep(60)")
    except Exception:
        pass


def test_only_leads_and_admins_end_and_only_bowebb_logins(logins, dbs) -> None:  # type: ignore[no-untyped-def]
    agent_db, _ = dbs["agent"]
    lead_db, _ = dbs["lead"]
    other = logins["agent2"].connect()
    root = logins.root.connect()
    mine = lead_db.engine.connect()
    try:
        target = backend_pid(other)
        with pytest.raises(ShownError) as info:
            blockers.end_session(agent_db, target)
        assert info.value.code == "blockers.not_allowed"
        with pytest.raises(ShownError) as info:
            blockers.list_blockers(agent_db)
        assert info.value.code == "blockers.not_allowed"
        # An agent may not ask who blocks another login's session either.
        with pytest.raises(Exception, match="only your own"), agent_db.engine.connect() as c:
            c.execute(text("SELECT * FROM bowebb_blockers_of(:p)"), {"p": target}).all()
        for pid, code in (
            (backend_pid(root), "blockers.not_bowebb"),  # a superuser
            (backend_pid(mine), "blockers.own_session"),
            (2_000_000_000, "blockers.no_session"),
        ):
            with pytest.raises(ShownError) as info:
                blockers.end_session(lead_db, pid)
            assert info.value.code == code, pid
        # A lead ending another lead's or an agent's session works.
        assert blockers.end_session(lead_db, target) == logins.names["agent2"]
    finally:
        for conn in (other, root, mine):
            conn.invalidate()
            conn.close()


def test_every_connection_has_lock_and_statement_limits(dbs) -> None:  # type: ignore[no-untyped-def]
    agent_db, _ = dbs["agent"]
    with agent_db.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == "5s"
        assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "30s"
        assert conn.exec_driver_sql("SHOW idle_in_transaction_session_timeout").scalar() == "1min"


def test_db_init_as_a_createrole_owner_can_end_sessions(pg_db) -> None:  # type: ignore[no-untyped-def]
    """Production runs ``db init`` as the database's owner with CREATEROLE, not as a
    superuser: the session guard still gets what it needs (PostgreSQL 15 lets CREATEROLE
    grant the predefined roles), and a lead ends an agent's session."""
    from bowebb_console.store.db import users
    from bowebb_console.store.db.setup import init_database
    from tests.store.security.conftest import PASSWORD

    owner = pg_db.login_name("owner")
    root = make_engine(pg_db.admin_url_str)
    with root.begin() as conn:
        conn.exec_driver_sql(f"CREATE ROLE \"{owner}\" LOGIN CREATEROLE PASSWORD '{PASSWORD}'")
        conn.exec_driver_sql(f'ALTER DATABASE "{pg_db.name}" OWNER TO "{owner}"')
    root.dispose()
    owner_url = pg_db.url_for(owner, PASSWORD)
    init_database(owner_url, role_prefix=pg_db.role_prefix)
    init_database(owner_url, role_prefix=pg_db.role_prefix)  # safe to re-run, as the owner
    agent_name, lead_name = pg_db.login_name("agent"), pg_db.login_name("lead")
    owner_engine = make_engine(owner_url)
    with owner_engine.begin() as conn:
        users.add_user(conn, agent_name, "agent", PASSWORD)
        users.add_user(conn, lead_name, "lead", PASSWORD)
        # The owner joined the NOLOGIN roles only for the hand-overs.
        member_of = conn.execute(
            text("SELECT count(*) FROM pg_auth_members WHERE member = CAST(:o AS regrole)"),
            {"o": owner},
        ).scalar()
        assert member_of == 0
    owner_engine.dispose()
    agent = make_engine(pg_db.url_for(agent_name, PASSWORD))
    lead = Database(make_engine(pg_db.url_for(lead_name, PASSWORD)))
    victim = agent.connect()
    try:
        pid = backend_pid(victim)
        assert blockers.end_session(lead, pid) == agent_name
    finally:
        victim.invalidate()
        victim.close()
        agent.dispose()
        lead.dispose()


def test_blocker_functions_fix_their_search_path_and_ignore_shadows(logins) -> None:  # type: ignore[no-untyped-def]
    """Item 9's rule for 0010's functions: a temporary pg_roles saying "superuser", an
    app_meta naming another prefix and a pg_stat_activity of one's own fool none of them."""
    from tests.store.security.test_shadowing import FIXED, UNQUALIFIED

    with logins.root.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT proname, proconfig, prosrc FROM pg_proc WHERE proname IN "
                "('bowebb_blockers_of', 'bowebb_blockers', 'bowebb_end_backend')"
            )
        ).all()
    assert {r.proname for r in rows} == {
        "bowebb_blockers_of",
        "bowebb_blockers",
        "bowebb_end_backend",
    }
    for name, config, source in rows:
        assert config and set(config) <= FIXED, name
        assert UNQUALIFIED.findall(source) == [], name
    other = logins["agent2"].connect()
    try:
        target = backend_pid(other)
        with logins["agent"].connect() as conn:
            conn.execute(text("CREATE TEMP TABLE pg_roles AS SELECT * FROM pg_catalog.pg_roles"))
            conn.execute(text("UPDATE pg_temp.pg_roles SET rolsuper = true"))
            conn.execute(text("CREATE TEMP TABLE app_meta (key text, value text)"))
            conn.execute(text("INSERT INTO pg_temp.app_meta VALUES ('role_prefix', 'x')"))
            conn.execute(
                text(
                    "CREATE TEMP TABLE pg_stat_activity AS "
                    "SELECT * FROM pg_catalog.pg_stat_activity"
                )
            )
            conn.execute(text("UPDATE pg_temp.pg_stat_activity SET usename = session_user"))
            conn.commit()
            for statement in (
                "SELECT public.bowebb_end_backend(:p)",
                "SELECT * FROM public.bowebb_blockers_of(:p)",
                "SELECT * FROM public.bowebb_blockers()",
            ):
                with pytest.raises(Exception, match="only"), conn.begin():
                    conn.execute(text(statement), {"p": target})
        assert not other.closed
        other.exec_driver_sql("SELECT 1")  # still alive
    finally:
        other.invalidate()
        other.close()


def test_what_an_ordinary_login_sees_of_other_sessions(logins) -> None:  # type: ignore[no-untyped-def]
    """Why the listing needs a SECURITY DEFINER function: another login's state and
    transaction start are hidden from an ordinary login (its user name and pid are not)."""
    other = logins["agent2"].connect()
    try:
        target = backend_pid(other)
        with logins["agent"].connect() as conn:
            row = conn.execute(
                text("SELECT usename, state, xact_start FROM pg_stat_activity WHERE pid = :p"),
                {"p": target},
            ).one()
        assert row.usename == logins.names["agent2"]
        assert (row.state, row.xact_start) == (None, None)
    finally:
        other.invalidate()
        other.close()
