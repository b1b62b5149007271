"""Issue 13, items 1 and 2: a payload goes into the log only with its event (same
transaction, same writer) and only when it matches the event's commitment. PostgreSQL as
real logins; SQLite (one user: integrity) with the same attacks in plain SQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bowebb_console.domain import hashchain
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.sessions import events as sessions
from tests.store.log_helpers import add_customer, consent
from tests.store.security.conftest import (
    EVENT_SQL,
    PAYLOAD_SQL,
    erase_by_hand,
    event_params,
    payload_of,
    raw_event,
    refused,
    run,
    summary,
)

SQLITE_PAYLOAD = PAYLOAD_SQL.replace("public.", "")
SECRET = "Kundens lösenord är hunter2"


def _session_with_note(engine, owner=None):  # type: ignore[no-untyped-def]
    customer, contact = add_customer(owner or engine)  # agents do not record DPAs
    su = consent(engine, customer, contact).session_uuid
    sessions.start_session(engine, su, tool="AnyDesk")
    note = sessions.add_note(engine, su, SECRET)
    return su, note.seq


@pytest.mark.parametrize("who", ["agent", "lead", "admin"])
def test_an_erased_payload_cannot_be_put_back(logins, who: str) -> None:  # type: ignore[no-untyped-def]
    su, seq = _session_with_note(logins["agent"], logins.root)
    # Before the erasure the agent keeps the salt and the text...
    [(salt, kept)] = run(
        logins["agent"], "SELECT salt, payload FROM log_payload WHERE seq = :s", s=seq
    )
    erase_by_hand(logins["admin"], "log_payload", [seq])
    assert SECRET not in summary(logins["admin"], su)["search_text"]
    # ...and afterwards tries to put them back, as themself or as anyone else.
    message = refused(logins[who], PAYLOAD_SQL, seq=seq, salt=salt, payload=kept)
    assert "only together with its event" in message
    assert payload_of(logins["admin"], seq) is None
    assert SECRET not in summary(logins["admin"], su)["search_text"]
    result = verify_log(logins["admin"])
    assert result.ok and result.erased_payloads == 1


def test_a_payload_cannot_be_added_later_or_by_another_login(logins) -> None:  # type: ignore[no-untyped-def]
    params = event_params("note_added", "6f1c1a3e-3f5e-4a8e-9a57-0c9f4c1d2b7e", {"note": "x"})
    [(seq,)] = run(logins["agent"], EVENT_SQL, **params)  # an event with no payload, committed
    for who in ("agent", "agent2", "admin"):
        message = refused(logins[who], PAYLOAD_SQL, **params | {"seq": seq})
        assert "only together with its event" in message
    assert verify_log(logins["agent"]).ok


def test_a_junk_payload_is_refused_and_the_log_stays_intact(logins) -> None:  # type: ignore[no-untyped-def]
    agent = logins["agent"]
    _session_with_note(agent, logins.root)
    params = event_params("note_added", "6f1c1a3e-3f5e-4a8e-9a57-0c9f4c1d2b7e", {"note": "x"})
    with pytest.raises(DBAPIError) as info, agent.begin() as conn:
        seq = conn.execute(text(EVENT_SQL), params).scalar_one()
        junk = params | {"seq": seq, "payload": '{"note":"something else"}'}
        conn.execute(text(PAYLOAD_SQL), junk)
    assert "does not match the commitment" in str(info.value.orig)
    # Another salt with the same text does not match either.
    bad_salt = params | {"salt": hashchain.new_salt()}
    with pytest.raises(DBAPIError, match="does not match"), agent.begin() as conn:
        seq = conn.execute(
            text(EVENT_SQL), bad_salt | {"eu": "0a1b2c3d-0000-4000-8000-000000000001"}
        ).scalar_one()
        conn.execute(text(PAYLOAD_SQL), bad_salt | {"seq": seq})
    # The honest way still works, and the log verifies for everyone.
    raw_event(agent, "note_added", "6f1c1a3e-3f5e-4a8e-9a57-0c9f4c1d2b7e", {"note": "x"})
    assert verify_log(logins["lead"]).ok


def test_sqlite_payloads_only_for_the_newest_event_and_matching(sqlite_url: str) -> None:
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    su, seq = _session_with_note(engine)
    with engine.connect() as conn:
        salt, kept = conn.execute(
            text("SELECT salt, payload FROM log_payload WHERE seq = :s"), {"s": seq}
        ).one()
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM log_payload WHERE seq = :s"), {"s": seq})
    sessions.end_session(engine, su, "Done", "resolved")  # the erased note is no longer the newest
    with pytest.raises(DBAPIError, match="only with the newest event"), engine.begin() as conn:
        conn.execute(text(SQLITE_PAYLOAD), {"seq": seq, "salt": salt, "payload": kept})
    # A junk payload for the newest event: its commitment does not match.
    with engine.connect() as conn:
        newest = conn.execute(text("SELECT max(seq) FROM log_event")).scalar_one()
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM log_payload WHERE seq = :s"), {"s": newest})
    with pytest.raises(DBAPIError, match="does not match"), engine.begin() as conn:
        conn.execute(text(SQLITE_PAYLOAD), {"seq": newest, "salt": salt, "payload": '{"x":1}'})
    result = verify_log(engine)
    assert result.ok and result.erased_payloads == 2
    engine.dispose()


def test_a_payload_is_a_json_object_even_for_the_owner(pg_db) -> None:  # type: ignore[no-untyped-def]
    """Item 8: readers and review-rebuild expect an object; the database keeps it so, even
    for someone who switched the triggers off (only dropping the CHECK gets past it)."""
    from sqlalchemy.exc import IntegrityError

    from bowebb_console.store.db.connect import Database
    from bowebb_console.store.db.engine import make_engine
    from bowebb_console.store.db.setup import init_database
    from tests.store.log_helpers import add_customer, as_superuser, full_session

    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    engine = make_engine(pg_db.admin_url_str)
    try:
        full_session(Database(engine), *add_customer(engine))
        for odd in ("[1,2]", '"x"', "3"):
            with pytest.raises(IntegrityError):
                as_superuser(engine, "UPDATE log_payload SET payload = :p WHERE seq = 3", p=odd)
    finally:
        engine.dispose()


def test_sqlite_refuses_a_payload_that_is_no_object(sqlite_url: str) -> None:
    """The SQLite counterpart of item 8: the writer's payload must be a JSON object."""
    import uuid

    from bowebb_console.store.db.connect import Database
    from bowebb_console.store.log.chain import write_event

    init_database(sqlite_url)
    db = Database(make_engine(sqlite_url))
    try:
        for odd in ("[1,2]", '"x"', "not json"):
            with pytest.raises(DBAPIError), db.transaction() as conn:
                su, eu = str(uuid.uuid4()), str(uuid.uuid4())
                write_event(conn, "note_added", su, eu, odd, "agent")
        assert verify_log(db).ok
    finally:
        db.dispose()
