"""Issue 13, items 3-6: who may write which event kind, into whose session, and what every
chained field may hold. Each attack is plain SQL as a real login (what psql would send);
the app's own calls stay allowed."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.chain import append_event
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.sessions import events as sessions
from tests.store.log_helpers import add_customer, consent, transfer_consent
from tests.store.security.conftest import (
    EVENT_SQL,
    event_params,
    raw_event,
    raw_event_refused,
    refused,
    summary,
)

FILE = {"direction": "upload", "remote_path": "/in/lön.csv", "size": 10, "result": "ok"}


@pytest.fixture
def open_session(logins):  # type: ignore[no-untyped-def]
    """agent's started remote-control session and a consented, not started one."""
    customer, contact = add_customer(logins.root)
    started = consent(logins["agent"], customer, contact).session_uuid
    sessions.start_session(logins["agent"], started, tool="AnyDesk")
    waiting = consent(logins["agent"], customer, contact).session_uuid
    return customer, contact, started, waiting


STEPS = [
    ("note_added", {"note": "I was here"}),
    ("tool_recorded", {"tool": "AnyDesk", "tool_session_id": "1"}),
    ("session_ended", {"summary": "Closed by someone else", "outcome": "aborted"}),
    ("session_ended_late", {"summary": "Closed by someone else", "outcome": "aborted"}),
    ("session_started", {"tool": "AnyDesk", "tool_session_id": ""}),
    ("consent_recorded", {"customer_id": 1, "outcome": "agreed"}),
]


@pytest.mark.parametrize(("kind", "payload"), STEPS)
def test_another_agent_cannot_write_into_a_session(logins, open_session, kind, payload) -> None:  # type: ignore[no-untyped-def]
    _, _, started, waiting = open_session
    before = summary(logins["agent"], started)
    for su in (started, waiting):
        message = raw_event_refused(logins["agent2"], kind, su, payload)
        assert "belongs to" in message or "has not started" in message
    assert summary(logins["agent"], started) == before
    assert summary(logins["lead"], waiting)["agent"] == logins.names["agent"]
    # The owner still can (the waiting session can still be started by them).
    sessions.start_session(logins["agent"], waiting, tool="AnyDesk")
    sessions.add_note(logins["agent"], started, "Mine")


def test_file_transferred_of_another_agent_is_refused(logins) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(logins.root)
    su = transfer_consent(logins["agent"], customer, contact).session_uuid
    sessions.start_session(logins["agent"], su, tool="other")
    assert "belongs to" in raw_event_refused(logins["agent2"], "file_transferred", su, FILE)
    assert summary(logins["lead"], su)["files"] == 0
    raw_event(logins["agent"], "file_transferred", su, FILE)  # the owner's transfer
    assert summary(logins["lead"], su)["files"] == 1


def test_leads_review_and_end_late_but_do_not_take_over(logins, open_session) -> None:  # type: ignore[no-untyped-def]
    _, _, started, _ = open_session
    lead = logins["lead"]
    raw_event(lead, "review_added", started, {"action": "reviewed", "comment": "ok"})
    assert "belongs to" in raw_event_refused(lead, "note_added", started, {"note": "x"})
    raw_event(lead, "session_ended_late", started, {"summary": "Left open", "outcome": "aborted"})
    assert summary(lead, started)["state"] == "ended_late"
    assert "has ended" in raw_event_refused(logins["agent"], "note_added", started, {"note": "x"})
    # A review needs a session that exists.
    assert "does not exist" in raw_event_refused(lead, "review_added", str(uuid.uuid4()), {})


ROLE_RULES = [
    # (kind, the lowest role that may log it)
    ("review_added", "lead"),
    ("review_exported", "lead"),
    ("erasure_forwarded", "lead"),
    ("host_key_approved", "lead"),
    ("host_key_replaced", "lead"),
    ("purge_performed", "admin"),
    ("register_changed", "admin"),
    ("checklist_changed", "admin"),
    ("evidence_added", "admin"),
]


@pytest.mark.parametrize(("kind", "lowest"), ROLE_RULES)
def test_every_kind_has_a_role_rule(logins, open_session, kind: str, lowest: str) -> None:  # type: ignore[no-untyped-def]
    _, _, started, _ = open_session
    su = started if kind == "review_added" else str(uuid.uuid4())
    payload = {"action": "reviewed", "comment": ""} if kind == "review_added" else {"ref": "x"}
    below = ["agent"] if lowest == "lead" else ["agent", "lead"]
    for who in below:
        assert "only" in raw_event_refused(logins[who], kind, su, payload)
    raw_event(logins[lowest], kind, su, payload)
    assert verify_log(logins["lead"]).ok


def test_erasure_performed_is_written_only_by_an_erasure(logins) -> None:  # type: ignore[no-untyped-def]
    """Not by any role on its own (migration 0009): tests/store/security/test_records.py
    shows the erasure that may."""
    for who in ("agent", "lead", "admin"):
        message = raw_event_refused(logins[who], "erasure_performed", str(uuid.uuid4()), {})
        assert "only" in message


@pytest.mark.parametrize("kind", ["host_key_pinned", "erasure_guidance_given"])
def test_agents_keep_their_own_kinds(logins, kind: str) -> None:  # type: ignore[no-untyped-def]
    raw_event(logins["agent"], kind, str(uuid.uuid4()), {"host": "sftp.example.se"})


def test_unknown_kinds_are_refused_for_everyone(logins) -> None:  # type: ignore[no-untyped-def]
    for who in ("agent", "admin"):
        message = raw_event_refused(logins[who], "made_up", str(uuid.uuid4()), {})
        assert "unknown event kind" in message
    with pytest.raises(DBAPIError, match="unknown event kind"), logins.root.begin() as conn:
        conn.execute(text(EVENT_SQL), event_params("made_up", str(uuid.uuid4()), {}))


# --- item 5: files and DPAs ---------------------------------------------------------------


def test_file_transferred_needs_a_running_file_transfer_session(logins) -> None:  # type: ignore[no-untyped-def]
    agent = logins["agent"]
    customer, contact = add_customer(logins.root)
    assert "does not exist" in raw_event_refused(agent, "file_transferred", str(uuid.uuid4()), FILE)
    # Remote control: agreed and started, but not for files.
    remote = consent(agent, customer, contact).session_uuid
    sessions.start_session(agent, remote, tool="AnyDesk")
    assert "file-transfer consent" in raw_event_refused(agent, "file_transferred", remote, FILE)
    # A file-transfer consent without a purpose the policy allows.
    bare = sessions.record_consent(
        agent,
        customer_id=customer,
        contact_id=contact,
        session_kind="file_transfer",
        outcome="agreed",
        channel="phone",
        agreed_at=dt.datetime.now(dt.UTC),
        reference="T-1",
        scope="file_transfer",
        purpose="x",
    ).session_uuid
    sessions.start_session(agent, bare, tool="other")
    assert "file-transfer consent" in raw_event_refused(agent, "file_transferred", bare, FILE)
    # Agreed with a purpose, but not started; then started; then ended.
    su = transfer_consent(agent, customer, contact).session_uuid
    assert "has not started" in raw_event_refused(agent, "file_transferred", su, FILE)
    sessions.start_session(agent, su, tool="other")
    raw_event(agent, "file_transferred", su, FILE)
    sessions.end_session(agent, su, "Done", "resolved")
    assert "has ended" in raw_event_refused(agent, "file_transferred", su, FILE)
    assert verify_log(agent).ok


def test_starting_without_a_dpa_needs_a_reason(logins) -> None:  # type: ignore[no-untyped-def]
    agent = logins["agent"]
    customer, contact = add_customer(logins.root, dpa=False)
    su = consent(agent, customer, contact).session_uuid
    start = {"tool": "AnyDesk", "tool_session_id": ""}
    assert "no signed DPA" in raw_event_refused(agent, "session_started", su, start)
    blank = start | {"dpa_missing_reason": "  "}
    assert "no signed DPA" in raw_event_refused(agent, "session_started", su, blank)
    # Without any payload: refused at COMMIT.
    message = refused(agent, EVENT_SQL, **event_params("session_started", su, start))
    assert "needs its payload" in message
    raw_event(agent, "session_started", su, start | {"dpa_missing_reason": "Payroll stopped"})
    assert summary(agent, su)["dpa_missing"] is True


# --- item 6: every chained field is checked -------------------------------------------------

BAD_FIELDS = [
    {"su": "not-a-uuid"},
    {"su": "6F1C1A3E-3F5E-4A8E-9A57-0C9F4C1D2B7E"},  # upper case is another text
    {"eu": "6f1c1a3e-3f5e-4a8e-9a57-0c9f4c1d2|7e"},
    {"c": "A" * 64},
]


@pytest.mark.parametrize("bad", BAD_FIELDS)
def test_malformed_fields_are_refused(logins, bad) -> None:  # type: ignore[no-untyped-def]
    params = event_params("note_added", str(uuid.uuid4()), {"note": "x"}) | bad
    assert "check constraint" in refused(logins["agent"], EVENT_SQL, **params)


def test_superuser_cannot_move_bytes_between_fields_without_dropping_checks(logins) -> None:  # type: ignore[no-untyped-def]
    """A superuser with every trigger off still meets the CHECKs: moving a ``|`` between
    kind and session_uuid (same hash line) is refused; dropping the CHECKs is what is left,
    and that is a DDL change an auditor sees (docs/security.md)."""
    raw_event(logins["agent"], "host_key_pinned", str(uuid.uuid4()), {})
    with pytest.raises(DBAPIError, match="check constraint"), logins.root.begin() as conn:
        conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        conn.execute(
            text(
                "UPDATE log_event SET kind = 'host_key_pinned|' || left(session_uuid, 8), "
                "session_uuid = substr(session_uuid, 10) WHERE seq = 1"
            )
        )
    assert verify_log(logins["agent"]).ok


def test_sqlite_checks_the_fields_too(sqlite_url: str) -> None:
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    with pytest.raises(DBAPIError, match="malformed"), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO log_event VALUES (1, :eu, 'not-a-uuid', 'note_added', 'me', "
                "'2026-12-06T10:00:00.000000Z', :h, :z, :h)"
            ),
            {"eu": str(uuid.uuid4()), "h": "a" * 64, "z": "0" * 64},
        )
    for kind, su in (("note|added", str(uuid.uuid4())), ("note_added", "x" * 36)):
        with pytest.raises(ValueError):
            append_event(engine, kind, su, {"note": "x"}, actor="me")
    append_event(engine, "note_added", str(uuid.uuid4()), {"note": "x"}, actor="me")
    assert verify_log(engine).ok
    engine.dispose()
