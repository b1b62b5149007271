"""File transfers in the session log, on both dialects: only inside a file-transfer session with
an allowed purpose; one event per record, file names in the payload only; host-key events."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from bowebb_console.services.sessions import session_events
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.sessions import events as sessions
from bowebb_console.store.transfers import log as transfer_log
from tests.store.log_helpers import add_customer
from tests.store.transfers.conftest import Record, transfer_session


def test_purpose_kind_is_validated(db: Database) -> None:
    customer, contact = add_customer(db.engine)
    common = dict(
        customer_id=customer, contact_id=contact, session_kind="file_transfer", outcome="agreed",
        channel="phone", agreed_at=dt.datetime.now(dt.UTC), reference="T-1",
        scope="file_transfer", purpose="x",
    )  # fmt: skip
    with pytest.raises(sessions.SessionError, match="purpose of a file transfer"):
        sessions.record_consent(db, purpose_kind="curiosity", **common)  # type: ignore[arg-type]
    with pytest.raises(sessions.SessionError, match="order reference"):
        sessions.record_consent(db, purpose_kind="purchased_service", **common)  # type: ignore[arg-type]


def test_one_event_per_record_names_in_payload_only(db: Database) -> None:
    su = transfer_session(db)
    with db.transaction(write=False) as conn:
        (allowed,) = transfer_log.open_transfer_sessions(conn)
    assert (allowed.session_uuid, allowed.purpose_kind, allowed.purpose_reference) == (
        su, "support", "T-77",
    )  # fmt: skip
    assert allowed.customer_name == "Testbolaget AB"
    transfer_log.log_file_transferred(db, su, Record())
    transfer_log.log_file_transferred(db, su, Record(result="cancelled", sha256=None,
                                                     reason="Cancelled by the user."))  # fmt: skip
    with db.transaction(write=False) as conn:
        (ok, cancelled) = transfer_log.transfers_of(conn, su)
        columns = conn.execute(text("SELECT * FROM log_event")).all()
    assert ok["sha256"] == "ab" * 32 and ok["local_name"] == "Lönefil oktober.csv"
    assert ok["host_key_fingerprint"] == "SHA256:abc" and ok["result"] == "ok"
    assert cancelled["result"] == "cancelled" and cancelled["sha256"] is None
    assert "Lönefil" not in repr(columns)
    assert verify_log(db).ok


@pytest.mark.parametrize(
    ("kw", "code"),
    [
        ({"purpose_kind": None}, "transfers.no_purpose"),
        ({"scope": "control"}, "transfers.wrong_scope"),
        ({"start": False}, "transfers.not_started"),
        ({"outcome": "refused", "start": False}, "transfers.consent_refused"),
    ],
)
def test_transfers_refused_outside_an_allowed_session(db: Database, kw, code) -> None:  # type: ignore[no-untyped-def]
    su = transfer_session(db, **kw)
    with db.transaction(write=False) as conn:
        with pytest.raises(transfer_log.TransferNotAllowed) as info:
            transfer_log.check_transfer_session(conn, su)
        assert transfer_log.open_transfer_sessions(conn) == []
    assert info.value.code == code


def test_ended_or_unknown_session_refuses(db: Database) -> None:
    su = transfer_session(db)
    with db.transaction(write=False) as conn:
        transfer_log.check_transfer_session(conn, su)
    sessions.end_session(db, su, "done", "resolved")
    with db.transaction(write=False) as conn:
        with pytest.raises(transfer_log.TransferNotAllowed) as ended:
            transfer_log.check_transfer_session(conn, su)
        with pytest.raises(transfer_log.TransferNotAllowed) as unknown:
            transfer_log.check_transfer_session(conn, "6c1f7b1e-0000-4000-8000-000000000000")
    assert (ended.value.code, unknown.value.code) == ("transfers.ended", "transfers.no_session")


def test_host_key_events(db: Database) -> None:
    from bowebb_console.store.transfers.host_keys import PinnedKeyRow

    su = transfer_session(db)
    now = dt.datetime.now(dt.UTC)
    row = PinnedKeyRow(1, "sftp.example.se", 22, "ssh-ed25519", "SHA256:new", "AAAA", "anna",
                       now, None, None, None, None)  # fmt: skip
    pinned = transfer_log.log_host_key_pinned(db, su, row)
    assert pinned.payload == {
        "host": "sftp.example.se", "port": 22, "key_type": "ssh-ed25519",
        "fingerprint": "SHA256:new", "pinned_by": "anna", "approved": False,
    }  # fmt: skip
    approved = transfer_log.log_host_key_approved(db, None, row)
    assert approved.kind == "host_key_approved" and approved.session_uuid != su
    replaced = transfer_log.log_host_key_replaced(db, su, "SHA256:old", row)
    assert replaced.payload is not None and replaced.payload["old_fingerprint"] == "SHA256:old"
    assert verify_log(db).ok


def test_agent_login_on_postgresql(pg_db) -> None:  # type: ignore[no-untyped-def]
    """As an agent: pin a first key and log it, log transfers (the server names the actor);
    replacing the key is refused by the database, and nothing is logged for it."""
    from bowebb_console.store.db import users
    from bowebb_console.store.db.setup import init_database
    from bowebb_console.store.transfers import host_keys

    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = Database(make_engine(pg_db.admin_url_str))
    name = pg_db.login_name("agent")
    with admin.engine.begin() as conn:
        users.add_user(conn, name, "agent", "correct horse battery")
    agent = Database(make_engine(pg_db.url_for(name, "correct horse battery")))
    try:
        su = transfer_session(agent, owner=admin)
        with agent.transaction() as conn:
            row = host_keys.pin_key(
                conn, "sftp.example.se", 22, "ssh-ed25519", "SHA256:first", "AAAA",
                actor="ignored", role="ignored",
            )  # fmt: skip
        pinned = transfer_log.log_host_key_pinned(agent, su, row)
        with pytest.raises(host_keys.HostKeyStoreError) as info, agent.transaction() as conn:
            host_keys.replace_key(
                conn, "sftp.example.se", 22, "SHA256:first", "ssh-ed25519", "SHA256:second",
                "BBBB", actor="ignored", role="lead",
            )  # fmt: skip
        assert (info.value.kind, info.value.code) == ("not_allowed", "hostkey.replace_not_allowed")
        event = transfer_log.log_file_transferred(agent, su, Record())
        assert pinned.actor == event.actor == name and row.pinned_by == name
        kinds = [e.kind for e in session_events(agent, su)]
        assert kinds == ["consent_recorded", "session_started", "host_key_pinned",
                         "file_transferred"]  # fmt: skip
        assert verify_log(admin).ok
    finally:
        agent.dispose()
        admin.dispose()
