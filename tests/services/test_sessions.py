"""services.sessions on both dialects: consent then start as one retry-safe step, the steps of
a running session, the lists and the timeline, and failures as coded errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from bowebb_console.domain.errors import ShownError
from bowebb_console.services import sessions
from bowebb_console.services.database import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log import chain
from bowebb_console.store.log.verify import verify_log
from tests.store.log_helpers import add_customer, full_session


@pytest.fixture
def db(any_db_url: str):  # type: ignore[no-untyped-def]
    database = Database(make_engine(any_db_url))
    yield database
    database.dispose()


@pytest.fixture
def me(db: Database) -> Identity:
    return Identity(user=getpass.getuser(), role="agent", dialect=db.dialect)


def _consent(customer: int, contact: int | None, **kw) -> sessions.Consent:  # type: ignore[no-untyped-def]
    return sessions.Consent(
        customer_id=customer,
        session_kind="remote_control",
        outcome=kw.pop("outcome", "agreed"),
        channel="phone",
        agreed_at=dt.datetime.now(dt.UTC),
        contact_id=contact,
        reference="T-1",
        scope="control",
        purpose="Printer",
        **kw,
    )


def _begin(db, me, consent_, start=True, **uuids):  # type: ignore[no-untyped-def]
    ids = {k: str(uuid.uuid4()) for k in ("consent_uuid", "session_uuid", "start_uuid")}
    ids |= uuids
    begun = sessions.begin_session(
        db, me, consent_, start=sessions.Start("AnyDesk", "1") if start else None, **ids
    )
    return begun, ids


# Events of sessions, not the recorded changes to customers and contacts (migration 0009).
SESSION_EVENTS = (
    "SELECT count(*) FROM log_event "
    "WHERE kind NOT IN ('customer_changed', 'contact_changed', 'profile_changed')"
)


def _count(db: Database, sql: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


def test_begin_twice_logs_once_and_adds_a_new_caller_once(db, me) -> None:  # type: ignore[no-untyped-def]
    customer, _ = add_customer(db.engine)
    caller = sessions.NewCaller("Nils Nyström", "nils@example.se")
    first, ids = _begin(db, me, _consent(customer, None, new_caller=caller))
    again, _ = _begin(db, me, _consent(customer, None, new_caller=caller), **ids)  # a retry
    assert first == again and first.started is not None
    assert first.consent.session_uuid == first.started.session_uuid == ids["session_uuid"]
    assert _count(db, SESSION_EVENTS) == 2
    assert _count(db, "SELECT count(*) FROM contact WHERE email = 'nils@example.se'") == 1
    if db.dialect == "sqlite":  # single-user mode: the local user is recorded
        assert first.consent.actor == chain.local_actor()
    assert verify_log(db).ok


def test_a_failed_consent_adds_no_caller_and_its_retry_adds_one(db, me, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Bug fixed while moving: the new caller was committed before the consent was logged,
    so a retry after a failed log write added the caller a second time."""
    customer, _ = add_customer(db.engine)
    caller = sessions.NewCaller("Nils Nyström", "nils@example.se")
    real_write = chain.write_event

    def dropped(*_a):  # type: ignore[no-untyped-def]
        raise OperationalError("INSERT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(chain, "write_event", dropped)
    with pytest.raises(sessions.LogWriteError) as info:
        _begin(db, me, _consent(customer, None, new_caller=caller))
    assert info.value.code == "log.not_logged"
    assert _count(db, "SELECT count(*) FROM contact WHERE email = 'nils@example.se'") == 0
    monkeypatch.setattr(chain, "write_event", real_write)
    begun, _ = _begin(db, me, _consent(customer, None, new_caller=caller))
    assert begun.started is not None
    assert _count(db, "SELECT count(*) FROM contact WHERE email = 'nils@example.se'") == 1


def test_refused_is_recorded_and_not_started(db, me) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(db.engine)
    begun, ids = _begin(db, me, _consent(customer, contact, outcome="refused"))
    assert begun.started is None and begun.consent.payload["outcome"] == "refused"
    events = sessions.session_events(db, ids["session_uuid"])
    assert [e.kind for e in events] == ["consent_recorded"]


def test_rules_refuse_with_a_code_and_log_nothing(db, me) -> None:  # type: ignore[no-untyped-def]
    no_dpa, contact = add_customer(db.engine, dpa=False)
    with pytest.raises(sessions.SessionError) as info:
        _begin(db, me, _consent(no_dpa, contact))  # no reason for the missing DPA
    assert info.value.code == "sessions.need_dpa_reason"
    assert _count(db, "SELECT count(*) FROM log_event WHERE kind = 'session_started'") == 0
    transfer = dataclasses.replace(
        _consent(no_dpa, contact), session_kind="file_transfer", purpose_kind="support"
    )
    with pytest.raises(sessions.SessionError) as info:
        _begin(db, me, transfer, start=False)
    assert info.value.code == "sessions.need_ticket_reference"
    assert _count(db, SESSION_EVENTS) == 1  # the first consent only
    with pytest.raises(sessions.SessionError) as info:
        sessions.consent_party(db, 999_999)
    assert info.value.code == "sessions.customer_gone"


def test_steps_of_a_running_session_retry_with_the_same_uuid(db, me) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(db.engine)
    _, ids = _begin(db, me, _consent(customer, contact))
    su = ids["session_uuid"]
    note, tool, end = (str(uuid.uuid4()) for _ in range(3))
    n = sessions.add_note(db, me, su, "Retried", event_uuid=note)
    assert sessions.add_note(db, me, su, "Retried", event_uuid=note) == n
    t = sessions.record_tool(db, me, su, "RustDesk", " 42 ", event_uuid=tool)
    assert t.payload == {"tool": "RustDesk", "tool_session_id": "42"}
    e = sessions.end_session(db, me, su, "Done", "resolved", event_uuid=end)
    assert sessions.end_session(db, me, su, "Done", "resolved", event_uuid=end) == e
    with pytest.raises(sessions.SessionError) as info:  # a new step after the end
        sessions.add_note(db, me, su, "Too late", event_uuid=str(uuid.uuid4()))
    assert info.value.code == "sessions.already_ended"
    assert len(sessions.session_events(db, su)) == 5


def test_lists_timeline_and_a_session_closed_late(db, me) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(db.engine)
    done = full_session(db, customer, contact)
    begun, ids = _begin(db, me, _consent(customer, contact))
    su = ids["session_uuid"]
    me = dataclasses.replace(me, user=begun.started.actor)  # PostgreSQL: the login's name
    lists = sessions.session_lists(db, me, 10)
    assert [r.summary.session_uuid for r in lists.open] == [su]
    assert [r.summary.session_uuid for r in lists.recent] == [su, done]
    assert lists.recent[0].customer_name == "Testbolaget AB"
    rows = sessions.customer_sessions(db, customer)
    assert [r.summary.state for r in rows] == ["open", "ended"]
    line = sessions.timeline(db, done)
    assert len(line.events) == 5 and line.contacts == {contact: "Eva Ek"}
    sessions.end_late(db, me, su, "Console crashed", "aborted", event_uuid=str(uuid.uuid4()))
    assert sessions.session_lists(db, me, 10).open == []
    party = sessions.consent_party(db, customer)
    assert party.name == "Testbolaget AB" and [c.id for c in party.contacts] == [contact]


def test_find_customers(db) -> None:  # type: ignore[no-untyped-def]
    customer, _ = add_customer(db.engine)
    (hit,) = sessions.find_customers(db, "556036-0793")
    assert hit.customer_id == customer and hit.dpa_signed


def test_reads_fail_as_coded_errors_and_a_step_fails_closed() -> None:
    db = Database(make_engine("postgresql://nobody@127.0.0.1:1/none"))
    me = Identity(user="nobody", role="agent", dialect="postgresql")
    try:
        with pytest.raises(ShownError) as read:
            sessions.session_lists(db, me)
        assert read.value.code == "db.unreachable"
        with pytest.raises(sessions.LogWriteError) as write:
            sessions.add_note(db, me, str(uuid.uuid4()), "x", event_uuid=str(uuid.uuid4()))
        assert write.value.code == "log.unreachable" and not write.value.unknown
    finally:
        db.dispose()
