"""store.session_desk on both dialects: consent + start as one retry-safe step, the lists."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import text

from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.sessions import desk as session_desk
from bowebb_console.store.sessions import events as sessions
from tests.store.log_helpers import add_customer, consent, full_session


@pytest.fixture
def db(any_db_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(any_db_url)
    yield engine
    engine.dispose()


def _request(customer: int, contact: int | None, **consent_kw):  # type: ignore[no-untyped-def]
    values = {
        "customer_id": customer,
        "session_kind": "remote_control",
        "outcome": "agreed",
        "channel": "phone",
        "agreed_at": dt.datetime.now(dt.UTC),
        "contact_id": contact,
        "reference": "T-1",
        "scope": "control",
        "purpose": "Printer",
    } | consent_kw
    return {
        "consent": values,
        "consent_uuid": str(uuid.uuid4()),
        "session_uuid": str(uuid.uuid4()),
        "start": {"tool": "AnyDesk", "tool_session_id": "1", "dpa_missing_reason": ""},
        "start_uuid": str(uuid.uuid4()),
    }


def test_begin_twice_logs_once_and_adds_a_new_caller_once(db) -> None:  # type: ignore[no-untyped-def]
    customer, _contact = add_customer(db)
    request = _request(
        customer, None, new_caller=sessions.NewCaller("Nils Nyström", "nils@example.se")
    )
    first = session_desk.begin_session(db, **request)
    again = session_desk.begin_session(db, **request)  # a retry after an unknown outcome
    assert first == again and first.started is not None
    with db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM log_event")).scalar() == 2
        assert (
            conn.execute(text("SELECT count(*) FROM contact WHERE email = 'nils@example.se'"))
            .scalar()
        ) == 1  # fmt: skip
    assert verify_log(db).ok


def test_refused_is_recorded_and_not_started(db) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(db)
    request = _request(customer, contact, outcome="refused")
    begun = session_desk.begin_session(db, **request)
    assert begun.started is None and begun.consent.payload["outcome"] == "refused"
    assert [e.kind for e in sessions.session_timeline(db, request["session_uuid"])] == [
        "consent_recorded"
    ]


def test_party_lists_and_timeline(db) -> None:  # type: ignore[no-untyped-def]
    no_dpa, _ = add_customer(db, dpa=False, org="5560160680")
    party = session_desk.consent_party(db, no_dpa)
    assert party.dpa_signed_on is None and party.org_number == "556016-0680"
    assert [c.name for c in party.contacts] == ["Eva Ek"]
    customer, contact = add_customer(db)
    assert session_desk.consent_party(db, customer).dpa_signed_on is not None
    done = full_session(db, customer, contact)
    su = consent(db, customer, contact).session_uuid
    sessions.start_session(db, su, tool="AnyDesk", actor="anna")
    recent = session_desk.recent_session_rows(db, 10)
    assert [r.summary.session_uuid for r in recent] == [su, done]
    assert recent[0].customer_name == "Testbolaget AB"
    assert [r.summary.state for r in session_desk.customer_session_rows(db, customer)] == [
        "open",
        "ended",
    ]
    line = session_desk.timeline(db, done)
    assert len(line.events) == 5 and line.contacts == {contact: "Eva Ek"}
    with pytest.raises(sessions.SessionError):
        session_desk.consent_party(db, 999_999)


def test_steps_retried_with_the_same_uuid_return_the_logged_event(db) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(db)
    su = consent(db, customer, contact).session_uuid
    start, note, end = (str(uuid.uuid4()) for _ in range(3))
    first = sessions.start_session(db, su, tool="AnyDesk", event_uuid=start)
    assert sessions.start_session(db, su, tool="AnyDesk", event_uuid=start) == first
    n = sessions.add_note(db, su, "Retried", event_uuid=note)
    assert sessions.add_note(db, su, "Retried", event_uuid=note) == n
    e = sessions.end_session(db, su, "Done", "resolved", event_uuid=end)
    assert sessions.end_session(db, su, "Done", "resolved", event_uuid=end) == e
    with pytest.raises(sessions.SessionError):  # a new step on an ended session is refused
        sessions.add_note(db, su, "Too late")
    assert len(sessions.session_timeline(db, su)) == 4
