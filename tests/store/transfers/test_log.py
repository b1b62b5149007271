"""File transfers in the session log, on both dialects: only inside a file-transfer session with
an allowed purpose; one event per record, file names in the payload only; host-key events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import text

from bowebb_console.services.sessions import session_events
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.sessions import events as sessions
from bowebb_console.store.transfers import log as transfer_log
from tests.store.log_helpers import add_customer


@pytest.fixture
def db(any_db_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(any_db_url)
    yield engine
    engine.dispose()


@dataclass(frozen=True)
class Record:  # the shape of sftp.transfer.TransferRecord
    direction: str = "upload"
    remote_path: str = "/in/Lönefil oktober.csv"
    local_name: str = "Lönefil oktober.csv"
    size: int = 1234
    sha256: str | None = "ab" * 32
    host_key_fingerprint: str = "SHA256:abc"
    resumed_from: int | None = None
    duration_s: float = 0.5
    result: str = "ok"
    reason: str | None = None
    error_kind: str | None = None
    bytes_transferred: int = 1234
    started_at: dt.datetime = dt.datetime(2026, 11, 26, tzinfo=dt.UTC)


def transfer_session(
    db, *, purpose_kind: str | None = "support", scope: str = "file_transfer", start: bool = True
) -> str:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(db)
    event = sessions.record_consent(
        db, customer_id=customer, contact_id=contact, session_kind="file_transfer",
        outcome="agreed", channel="phone", agreed_at=dt.datetime.now(dt.UTC),
        reference="T-77", scope=scope, purpose="Send the SIE file",
        purpose_kind=purpose_kind, purpose_reference="T-77" if purpose_kind else "",
    )  # fmt: skip
    if start:
        sessions.start_session(db, event.session_uuid, tool="other")
    return event.session_uuid


def test_purpose_kind_is_validated(db) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(db)
    common = dict(
        customer_id=customer, contact_id=contact, session_kind="file_transfer", outcome="agreed",
        channel="phone", agreed_at=dt.datetime.now(dt.UTC), reference="T-1",
        scope="file_transfer", purpose="x",
    )  # fmt: skip
    with pytest.raises(sessions.SessionError, match="purpose of a file transfer"):
        sessions.record_consent(db, purpose_kind="curiosity", **common)  # type: ignore[arg-type]
    with pytest.raises(sessions.SessionError, match="order reference"):
        sessions.record_consent(db, purpose_kind="purchased_service", **common)  # type: ignore[arg-type]


def test_one_event_per_record_names_in_payload_only(db) -> None:  # type: ignore[no-untyped-def]
    su = transfer_session(db)
    (allowed,) = transfer_log.open_transfer_sessions(db)
    assert (allowed.session_uuid, allowed.purpose_kind, allowed.purpose_reference) == (
        su, "support", "T-77",
    )  # fmt: skip
    transfer_log.log_file_transferred(db, su, Record())
    transfer_log.log_file_transferred(db, su, Record(result="cancelled", sha256=None,
                                                     reason="Cancelled by the user."))  # fmt: skip
    (ok, cancelled) = transfer_log.transfers_of(db, su)
    assert ok["sha256"] == "ab" * 32 and ok["local_name"] == "Lönefil oktober.csv"
    assert ok["host_key_fingerprint"] == "SHA256:abc" and ok["result"] == "ok"
    assert cancelled["result"] == "cancelled" and cancelled["sha256"] is None
    with db.connect() as conn:
        columns = conn.execute(text("SELECT * FROM log_event")).all()
    assert "Lönefil" not in repr(columns)
    assert verify_log(db).ok


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"purpose_kind": None}, "purpose the policy allows"),
        ({"scope": "control"}, "does not cover file transfers"),
        ({"start": False}, "not started"),
    ],
)
def test_transfers_refused_outside_an_allowed_session(db, kw, message) -> None:  # type: ignore[no-untyped-def]
    su = transfer_session(db, **kw)
    with pytest.raises(transfer_log.TransferNotAllowed, match=message):
        transfer_log.check_transfer_session(db, su)
    assert transfer_log.open_transfer_sessions(db) == []


def test_ended_session_refuses_and_remote_control_is_not_listed(db) -> None:  # type: ignore[no-untyped-def]
    su = transfer_session(db)
    transfer_log.check_transfer_session(db, su)
    sessions.end_session(db, su, "done", "resolved")
    with pytest.raises(transfer_log.TransferNotAllowed, match="ended"):
        transfer_log.check_transfer_session(db, su)


def test_host_key_events(db) -> None:  # type: ignore[no-untyped-def]
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
    from sqlalchemy.orm import Session

    from bowebb_console.store.db import users
    from bowebb_console.store.db.setup import init_database
    from bowebb_console.store.transfers import host_keys

    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    name = pg_db.login_name("agent")
    with admin.begin() as conn:
        users.add_user(conn, name, "agent", "correct horse battery")
    agent = make_engine(pg_db.url_for(name, "correct horse battery"))
    try:
        su = transfer_session(agent)
        with Session(agent) as s:
            row = host_keys.pin_key(
                s, "sftp.example.se", 22, "ssh-ed25519", "SHA256:first", "AAAA",
                actor="ignored", role="ignored",
            )  # fmt: skip
            pinned = transfer_log.log_host_key_pinned(agent, su, row)
            with pytest.raises(host_keys.HostKeyStoreError) as info:
                host_keys.replace_key(
                    s, "sftp.example.se", 22, "SHA256:first", "ssh-ed25519", "SHA256:second",
                    "BBBB", actor="ignored", role="lead",
                )  # fmt: skip
        assert info.value.kind == "not_allowed"
        event = transfer_log.log_file_transferred(agent, su, Record())
        assert pinned.actor == event.actor == name and row.pinned_by == name
        kinds = [e.kind for e in session_events(Database(agent), su)]
        assert kinds == ["consent_recorded", "session_started", "host_key_pinned",
                         "file_transferred"]  # fmt: skip
        assert verify_log(admin).ok
    finally:
        agent.dispose()
        admin.dispose()
