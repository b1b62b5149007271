"""Issue 14: personal columns leave no values in ``pg_stats``. PostgreSQL shows every login
the most common values and histogram bounds of the columns it may read; an erased e-mail
stayed there until the next ANALYZE happened to drop it. The personal columns now gather no
statistics (SET STATISTICS 0), and the migration drops what was gathered before."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from bowebb_console.store.db import schema
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.sessions import events as sessions
from tests.store.security.conftest import run

PLANTED = "planted"


def _plant_contacts(engine, count: int = 200) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        cid = conn.execute(
            text(
                "INSERT INTO customer (org_number, name, name_folded, status, dpa_signed_on, "
                "version) VALUES ('5560360793', 'Testbolaget AB', 'testbolaget ab', 'active', "
                "current_date, 1) RETURNING id"
            )
        ).scalar_one()
        for i in range(count):
            conn.execute(
                text(
                    "INSERT INTO contact (customer_id, name, name_folded, email, email_folded, "
                    "phone, title, version) VALUES (:c, 'Planted Person', 'planted person', "
                    ":e, :e, '+46701234567', 'Planted title', 1)"
                ),
                {"c": cid, "e": f"{PLANTED}.person@example.se" if i % 2 else f"{PLANTED}@x.se"},
            )
            conn.execute(
                text(
                    "INSERT INTO sftp_profile (customer_id, name, host, port, username, "
                    "auth_kind, remote_dir, version) VALUES (:c, :n, 'planted.example.se', 22, "
                    "'planted_user', 'password', '/planted', 1)"
                ),
                {"c": cid, "n": f"p{i}"},
            )


def _leaked(engine) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT tablename, attname, concat(most_common_vals::text, "
                "histogram_bounds::text, most_common_elems::text) FROM pg_stats "
                "WHERE schemaname = 'public'"
            )
        ).all()
    # ANALYZE did run: other columns have rows. (contact has row-level security since
    # migration 0016, so pg_stats shows a login none of its columns at all.)
    assert any(t == "sftp_profile" for t, _, _ in rows)
    return [(t, c) for t, c, values in rows if PLANTED in values.lower()]


def test_an_agent_finds_no_personal_value_in_pg_stats(logins) -> None:  # type: ignore[no-untyped-def]
    _plant_contacts(logins.root)
    agent = logins["agent"]
    customer = run(agent, "SELECT min(id) FROM customer")[0][0]
    contact = run(agent, "SELECT min(id) FROM contact")[0][0]
    for _ in range(20):  # the same purpose and note again and again: a most common value
        su = sessions.record_consent(
            agent,
            customer_id=customer,
            contact_id=contact,
            session_kind="remote_control",
            outcome="agreed",
            channel="phone",
            agreed_at=dt.datetime.now(dt.UTC),
            reference="T-1",
            scope="control",
            purpose="Planted purpose",
        ).session_uuid
        sessions.start_session(agent, su, tool="AnyDesk")
        sessions.add_note(agent, su, "Planted note")
    run(logins.root, "ANALYZE")
    assert _leaked(agent) == []
    # Still none after an erasure rewrote a table (ALTER ... TYPE keeps the target).
    run(logins.root, "ALTER TABLE contact ALTER COLUMN title TYPE varchar(100) USING (title)")
    run(logins.root, "ANALYZE")
    assert _leaked(agent) == []


def test_the_migration_drops_statistics_gathered_before(pg_db) -> None:  # type: ignore[no-untyped-def]
    root = make_engine(pg_db.admin_url_str)
    schema.upgrade(root, "0006")
    _plant_contacts(root)
    run(root, "ANALYZE")
    assert ("contact", "email") in _leaked(root)  # what an agent read before 0008
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)  # to head
    assert _leaked(root) == []
    run(root, "ANALYZE")
    assert _leaked(root) == []
    root.dispose()
