"""store.sessions.desk on both dialects: the consent party, names for lists, a timeline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.sessions import desk
from bowebb_console.store.sessions import events as sessions
from tests.store.log_helpers import add_customer, consent, full_session


@pytest.fixture
def db(any_db_url: str) -> Iterator[Database]:
    database = Database(make_engine(any_db_url))
    yield database
    database.dispose()


def test_consent_party(db) -> None:  # type: ignore[no-untyped-def]
    no_dpa, _ = add_customer(db.engine, dpa=False, org="5560160680")
    customer, _ = add_customer(db.engine)
    with db.engine.connect() as conn:
        party = desk.consent_party(conn, no_dpa)
        assert party.dpa_signed_on is None and party.org_number == "556016-0680"
        assert [c.name for c in party.contacts] == ["Eva Ek"]
        assert desk.consent_party(conn, customer).dpa_signed_on is not None
        with pytest.raises(sessions.SessionError) as info:
            desk.consent_party(conn, 999_999)
    assert info.value.code == "sessions.customer_gone"


def test_lists_with_names_and_a_timeline(db) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(db.engine)
    done = full_session(db, customer, contact)
    su = consent(db, customer, contact).session_uuid
    started = sessions.start_session(db, su, tool="AnyDesk", actor="anna")  # SQLite only
    with db.engine.connect() as conn:
        recent = desk.with_names(conn, sessions.recent_sessions(conn, 10))
        assert [r.summary.session_uuid for r in recent] == [su, done]
        assert recent[0].customer_name == "Testbolaget AB"
        (opened,) = sessions.open_sessions(conn, started.actor)
        assert opened.session_uuid == su and sessions.open_sessions(conn, "bertil") == []
        mine = sessions.sessions_for_customer(conn, customer)
        assert [s.state for s in mine] == ["open", "ended"]
        line = desk.timeline(conn, done)
    assert len(line.events) == 5 and line.contacts == {contact: "Eva Ek"}
    assert line.customer_name == "Testbolaget AB"
