"""Support sessions through the service, on both dialects: consent first, DPA reason, notes,
ending (also late), and the customer's list of sessions."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.chain import LogWriteError, append_event, read_session_events
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.sessions import events as sessions
from tests.store.log_helpers import add_customer, consent, full_session


@pytest.fixture
def db(any_db_url: str) -> Iterator[Database]:
    database = Database(make_engine(any_db_url))
    yield database
    database.dispose()


def _events(db, su: str):  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return read_session_events(conn, su)


def _for_customer(db, customer: int):  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return sessions.sessions_for_customer(conn, customer)


def _open(db):  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return sessions.open_sessions(conn)


def test_session_flow_and_timeline(db) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(db.engine)
    su = full_session(db, customer, contact)
    timeline = _events(db, su)
    assert [e.kind for e in timeline] == [
        "consent_recorded", "session_started", "note_added", "note_added", "session_ended",
    ]  # fmt: skip
    assert timeline[0].payload is not None and timeline[0].payload["reference"] == "T-1234"
    (summary,) = _for_customer(db, customer)
    assert (summary.state, summary.outcome, summary.session_kind) == (
        "ended", "resolved", "remote_control",
    )  # fmt: skip
    assert _for_customer(db, customer + 1) == []
    assert verify_log(db).ok


def test_no_start_without_agreed_consent(db) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(db.engine)
    with pytest.raises(sessions.SessionError, match="Record the customer's agreement") as info:
        sessions.start_session(db, str(uuid.uuid4()), tool="AnyDesk")
    assert info.value.code == "sessions.no_consent"
    for outcome in ("refused", "no_answer"):
        su = consent(db, customer, contact, outcome=outcome).session_uuid
        with pytest.raises(sessions.SessionError, match="did not agree") as refused:
            sessions.start_session(db, su, tool="AnyDesk")
        assert refused.value.code == "sessions.refused_consent"
        # The database refuses too, whatever a client skips.
        with pytest.raises(LogWriteError, match="consent") as logged:
            append_event(db, "session_started", su, {"tool": "AnyDesk"})
        assert logged.value.code == "log.refused" and "consent" in logged.value.params["detail"]
    with pytest.raises(LogWriteError, match="consent"):
        append_event(db, "session_started", str(uuid.uuid4()), {"tool": "AnyDesk"})
    states = {s.state for s in _for_customer(db, customer)}
    assert states == {"refused"}


def test_agreement_needs_its_details(db) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(db.engine)
    with pytest.raises(sessions.SessionError, match="reference") as info:
        sessions.record_consent(
            db, customer_id=customer, contact_id=contact, session_kind="remote_control",
            outcome="agreed", channel="phone", agreed_at=dt.datetime.now(dt.UTC),
            reference=" ", scope="control", purpose="x",
        )  # fmt: skip
    assert info.value.code == "sessions.need_reference"
    with pytest.raises(sessions.SessionError, match="channel"):
        sessions.record_consent(
            db, customer_id=customer, contact_id=contact, session_kind="remote_control",
            outcome="refused", channel="pigeon", agreed_at=dt.datetime.now(dt.UTC),
        )  # fmt: skip


def test_named_caller_becomes_a_contact(db) -> None:  # type: ignore[no-untyped-def]
    customer, _ = add_customer(db.engine)
    event = sessions.record_consent(
        db, customer_id=customer, new_caller=sessions.NewCaller("Per Persson", "per@example.se"),
        session_kind="file_transfer", outcome="agreed", channel="chat",
        agreed_at=dt.datetime.now(dt.UTC), reference="chat-77", scope="file_transfer",
        purpose="Send the SIE file",
    )  # fmt: skip
    assert event.payload is not None
    with db.engine.connect() as conn:
        name = conn.execute(
            text("SELECT name FROM contact WHERE id = :i"), {"i": event.payload["contact_id"]}
        ).scalar()
    assert name == "Per Persson"
    # Personal data stays out of the chained columns.
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM log_event")).mappings().all()
    # The consent and the recorded creations (migration 0009): the customer, its contact, and
    # the named caller's new contact.
    assert sorted(r["kind"] for r in rows) == [
        "consent_recorded",
        "contact_changed",
        "contact_changed",
        "customer_changed",
    ]
    assert not any("Per" in str(v) for row in rows for v in row.values())


def test_missing_dpa_needs_a_reason_which_is_logged(db) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(db.engine, dpa=False)
    su = consent(db, customer, contact).session_uuid
    with pytest.raises(sessions.SessionError, match="DPA"):
        sessions.start_session(db, su, tool="TeamViewer")
    started = sessions.start_session(
        db, su, tool="TeamViewer", dpa_missing_reason="Payroll run blocked today"
    )
    assert started.payload == {
        "tool": "TeamViewer",
        "tool_session_id": "",
        "dpa_missing_reason": "Payroll run blocked today",
    }
    with pytest.raises(sessions.SessionError, match="already started"):
        sessions.start_session(db, su, tool="TeamViewer", dpa_missing_reason="x")


def test_open_session_is_found_and_ended_late(db) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(db.engine)
    su = consent(db, customer, contact, actor="anna").session_uuid
    sessions.start_session(db, su, tool="Quick Assist", actor="anna")
    sessions.add_note(db, su, "Working on it", actor="anna")
    # ...the workstation loses power here; at the next start:
    (open_,) = _open(db)
    assert open_.session_uuid == su and open_.state == "open"
    sessions.end_late(db, su, "Power cut; the customer's issue was solved", "resolved")
    assert _open(db) == []
    kinds = [e.kind for e in _events(db, su)]
    assert kinds[-1] == "session_ended_late" and "note_added" in kinds
    with pytest.raises(sessions.SessionError, match="already ended") as info:
        sessions.add_note(db, su, "late note")
    assert info.value.code == "sessions.already_ended"


def test_demo_sessions_are_a_valid_varied_log(db) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.demo.fill import fill_demo

    summary = fill_demo(db.engine, companies=300, contacts=600)
    assert summary.sessions == 300
    result = verify_log(db)
    assert result.ok and result.events > 600
    with db.engine.connect() as conn:
        kinds = dict(conn.execute(text("SELECT kind, count(*) FROM log_event GROUP BY kind")).all())
        reasons = conn.execute(
            text("SELECT count(*) FROM log_payload WHERE payload LIKE '%dpa_missing_reason%'")
        ).scalar()
    assert kinds["consent_recorded"] == 300 + 25  # + demo_transfers' file-transfer sessions
    assert kinds["file_transferred"] > 0 and kinds["host_key_pinned"] > 0
    assert 0 < kinds["session_started"] < 300  # some refused or unanswered
    assert kinds["session_ended_late"] > 0 and kinds["note_added"] > 0
    assert reasons
    assert _open(db)
    assert fill_demo(db.engine, companies=10, contacts=10).skipped
