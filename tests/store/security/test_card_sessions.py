"""Issue 18, item 15: the customer card's sessions read by index for every login. Under the
payload's row-level security an agent's own query could not use the customer-id index
(about 3 s with a million events); migration 0017's ``customer_sessions`` runs it as the
tables' owner and returns only consent session UUIDs, which every login reads anyway."""

from __future__ import annotations

from sqlalchemy import text

from bowebb_console.store.db.connect import Database
from bowebb_console.store.sessions import events as sessions
from tests.store.log_helpers import add_customer, consent, full_session


def test_an_agent_reads_a_customers_sessions_through_the_owners_function(logins) -> None:  # type: ignore[no-untyped-def]
    agent, agent2 = Database(logins["agent"]), Database(logins["agent2"])
    customer, contact = add_customer(logins["lead"])  # a DPA is a lead's to record
    other, other_contact = add_customer(logins["lead"], org="5560160680")
    first = full_session(agent, customer, contact)
    second = consent(agent2, customer, contact).session_uuid  # another agent's
    consent(agent2, other, other_contact)
    for login in ("agent", "agent2", "lead", "admin"):
        with logins[login].connect() as conn:
            found = [s.session_uuid for s in sessions.sessions_for_customer(conn, customer)]
        assert found == [second, first], login
    with logins.root.connect() as conn:
        definer, config = conn.execute(
            text(
                "SELECT prosecdef, proconfig FROM pg_proc "
                "WHERE oid = 'public.customer_sessions(integer, integer)'::regprocedure"
            )
        ).one()
    assert definer and config == ["search_path=pg_catalog, public, pg_temp"]
    # Only the UUIDs and the newest consent's place in the log: nothing else comes back.
    with logins["agent"].connect() as conn:
        row = conn.execute(text("SELECT * FROM public.customer_sessions(:c, 5)"), {"c": customer})
        assert list(row.keys()) == ["session_uuid", "last_seq"]
    with logins.root.connect() as conn:
        public = conn.execute(
            text(
                "SELECT has_function_privilege('public', "
                "'public.customer_sessions(integer, integer)', 'EXECUTE')"
            )
        ).scalar()
    assert public is False  # only the group roles may call it
