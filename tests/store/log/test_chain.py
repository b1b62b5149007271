"""The session log on both dialects: writing, verifying, and every kind of tampering caught."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from bowebb_console.domain import hashchain
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.chain import (
    Head,
    LogWriteError,
    append_event,
    event_by_uuid,
    log_head,
)
from bowebb_console.store.log.verify import verify_log
from tests.store.log_helpers import LostAck, as_superuser, problem


def head(db: Database) -> Head:
    with db.engine.connect() as conn:
        return log_head(conn)


def test_intact_chain_verifies_and_matches_python(logged) -> None:  # type: ignore[no-untyped-def]
    result = verify_log(logged)
    last = head(logged)
    assert verify_log(logged, workers=3, min_parallel=1) == result
    assert result.ok and result.events == 12 and last.seq == 12
    assert result.report() == f"12 events, chain intact, head {last.hash}"
    with logged.engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM log_event ORDER BY seq")).mappings().all()
    prev = hashchain.GENESIS
    for r in rows:  # on PostgreSQL the trigger made these: byte-identical to the Python side
        assert r["prev_hash"] == prev
        assert len(r["at"]) == 27 and r["at"].endswith("Z")
        assert r["hash"] == hashchain.event_hash(
            r["seq"], r["event_uuid"], r["session_uuid"], r["kind"], r["actor"], r["at"],
            r["payload_commitment"], r["prev_hash"],
        )  # fmt: skip
        prev = r["hash"]


def test_edited_column_is_caught(logged) -> None:  # type: ignore[no-untyped-def]
    as_superuser(logged.engine, "UPDATE log_event SET kind = 'session_ended' WHERE seq = 4")
    assert problem(logged) == ("changed", 4)


def test_edited_and_rehashed_event_is_caught(logged) -> None:  # type: ignore[no-untyped-def]
    with logged.engine.connect() as conn:
        r = conn.execute(text("SELECT * FROM log_event WHERE seq = 4")).mappings().one()
    forged = hashchain.event_hash(
        4, r["event_uuid"], r["session_uuid"], r["kind"], "mallory", r["at"],
        r["payload_commitment"], r["prev_hash"],
    )  # fmt: skip
    as_superuser(
        logged.engine, "UPDATE log_event SET actor = 'mallory', hash = :h WHERE seq = 4", h=forged
    )
    assert problem(logged) == ("changed", 4)


def test_deleted_event_is_caught(logged) -> None:  # type: ignore[no-untyped-def]
    as_superuser(
        logged.engine,
        "DELETE FROM log_payload WHERE seq = 6",
        "DELETE FROM log_event WHERE seq = 6",
    )
    assert problem(logged) == ("missing", 6)


def test_inserted_event_is_caught(logged) -> None:  # type: ignore[no-untyped-def]
    with logged.engine.connect() as conn:
        r = conn.execute(text("SELECT * FROM log_event WHERE seq = 4")).mappings().one()
    eu, commitment = str(uuid.uuid4()), "ab" * 32
    forged = hashchain.event_hash(
        5, eu, r["session_uuid"], "note_added", r["actor"], r["at"], commitment, r["hash"]
    )
    as_superuser(
        logged.engine,
        *(
            f"UPDATE {t} SET seq = seq + {d} WHERE seq >= {w}"
            for t in ("log_event", "log_payload")
            for d, w in ((1000, 5), (-999, 1000))
        ),
        "INSERT INTO log_event (seq, event_uuid, session_uuid, kind, actor, at, "
        "payload_commitment, prev_hash, hash) VALUES (5, :eu, :su, 'note_added', :a, :at, :c, "
        ":p, :h)",
        eu=eu, su=r["session_uuid"], a=r["actor"], at=r["at"], c=commitment, p=r["hash"],
        h=forged,
    )  # fmt: skip
    assert problem(logged) == ("inserted", 5)


def test_swapped_events_are_caught(logged) -> None:  # type: ignore[no-untyped-def]
    as_superuser(
        logged.engine,
        *(
            f"UPDATE {t} SET seq = {b} WHERE seq = {a}"
            for t in ("log_event", "log_payload")
            for a, b in ((3, 1000), (4, 3), (1000, 4))
        ),
    )
    assert problem(logged) == ("reordered", 3)


def test_changed_payload_is_caught(logged) -> None:  # type: ignore[no-untyped-def]
    as_superuser(
        logged.engine,
        "UPDATE log_payload SET payload = replace(payload, 'Driver', 'Nothing') WHERE seq = 11",
    )
    assert problem(logged) == ("payload", 11)


def test_erased_payload_still_verifies(logged) -> None:  # type: ignore[no-untyped-def]
    with logged.engine.begin() as conn:  # the admin's erasure: payload rows may be deleted
        conn.execute(text("DELETE FROM log_payload WHERE seq = 3"))
    result = verify_log(logged)
    assert result.ok and result.erased_payloads == 1


def test_truncated_tail_is_caught_by_an_anchor(logged) -> None:  # type: ignore[no-untyped-def]
    anchor = head(logged).hash
    assert verify_log(logged, anchor=anchor).ok
    as_superuser(
        logged.engine,
        "DELETE FROM log_payload WHERE seq >= 9",
        "DELETE FROM log_event WHERE seq >= 9",
    )
    assert problem(logged) == ("missing", 9)  # the chain head row still names seq 12...
    with logged.engine.connect() as conn:
        eighth = conn.execute(text("SELECT hash FROM log_event WHERE seq = 8")).scalar()
    as_superuser(logged.engine, "UPDATE log_chain_head SET seq = 8, hash = :h", h=eighth)
    assert verify_log(logged).ok  # ...but with it set back, a shorter chain is valid alone...
    result = verify_log(logged, anchor=anchor)  # ...but not against the exported head
    assert result.problem is not None and result.problem.kind == "anchor"
    assert verify_log(logged, anchor=anchor, workers=3, min_parallel=1) == result
    with logged.engine.connect() as conn:  # an older anchor, in any slice, is found
        early = conn.execute(text("SELECT hash FROM log_event WHERE seq = 2")).scalar()
    assert verify_log(logged, anchor=early, workers=3, min_parallel=1).ok


def test_update_and_delete_refused_by_the_database(logged) -> None:  # type: ignore[no-untyped-def]
    for statement in (
        "UPDATE log_event SET kind = 'x' WHERE seq = 1",
        "DELETE FROM log_event WHERE seq = 10",
        "UPDATE log_payload SET payload = '{}'",
    ):
        with pytest.raises(DBAPIError), logged.engine.begin() as conn:
            conn.execute(text(statement))
    assert verify_log(logged).ok


def test_retry_with_same_uuid_logs_once(logged) -> None:  # type: ignore[no-untyped-def]
    su, eu = str(uuid.uuid4()), str(uuid.uuid4())
    first = append_event(logged, "note_added", su, {"note": "x"}, eu)
    again = append_event(logged, "note_added", su, {"note": "x"}, eu)
    with logged.engine.connect() as conn:
        assert first == again == event_by_uuid(conn, eu)
    assert head(logged).seq == 13


def test_unreachable_database_fails_closed() -> None:
    """Nothing answers: the caller gets LogWriteError (and so does not start the session)."""
    db = Database(make_engine("postgresql://nobody@127.0.0.1:1/none"))
    with pytest.raises(LogWriteError) as info:
        append_event(db, "note_added", str(uuid.uuid4()), {"note": "x"})
    assert "nothing was logged" in info.value.message and not info.value.unknown
    assert info.value.code == "log.unreachable" and info.value.params["detail"]
    db.dispose()


@pytest.mark.parametrize("committed", [True, False])
def test_lost_commit_acknowledgement_is_settled_by_rereading(
    logged, monkeypatch, committed: bool
) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.log import chain as session_log

    real_begin = session_log._begin
    monkeypatch.setattr(session_log, "_begin", lambda c: LostAck(real_begin(c), committed))
    eu = str(uuid.uuid4())
    if committed:
        row = append_event(logged, "note_added", str(uuid.uuid4()), {"note": "x"}, eu)
        assert row.event_uuid == eu and row.seq == 13
    else:
        with pytest.raises(LogWriteError, match="could not be logged") as info:
            append_event(logged, "note_added", str(uuid.uuid4()), {"note": "x"}, eu)
        assert not info.value.unknown and info.value.code == "log.not_logged"
    monkeypatch.setattr(session_log, "_begin", real_begin)
    # A retry with the same UUID never logs twice.
    append_event(logged, "note_added", str(uuid.uuid4()), {"note": "x"}, eu)
    assert head(logged).seq == 13 and verify_log(logged).ok


def test_unknown_outcome_when_the_reread_fails_too(logged, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.log import chain

    def no_answer(_db, _event_uuid):  # type: ignore[no-untyped-def]
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    real_begin = chain._begin
    monkeypatch.setattr(chain, "_begin", lambda c: LostAck(real_begin(c), True))
    monkeypatch.setattr(chain, "_reread", no_answer)
    su, eu = str(uuid.uuid4()), str(uuid.uuid4())
    with pytest.raises(LogWriteError) as info:
        append_event(logged, "note_added", su, {"note": "x"}, eu)
    assert info.value.unknown and info.value.code == "log.unknown_outcome"
    assert info.value.params["cause"] == "db.unreachable"
    monkeypatch.undo()
    # It did commit: the retry with the same UUID finds it and logs nothing new.
    assert append_event(logged, "note_added", su, {"note": "x"}, eu).seq == 13
    assert head(logged).seq == 13


def _contacts(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM contact")).scalar_one())


def test_what_build_wrote_rolls_back_with_a_failed_write(logged, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """log_event: the step's own writes and the event commit together or not at all, and a
    retry of a logged event does not run the step again."""
    from bowebb_console.store.log import chain

    su, eu = str(uuid.uuid4()), str(uuid.uuid4())

    def build(conn):  # type: ignore[no-untyped-def]
        conn.execute(
            text(
                "INSERT INTO contact (customer_id, name, email, version) "
                "SELECT min(id), 'Nils', 'nils@example.se', 1 FROM customer"
            )
        )
        return chain.NewEvent("note_added", su, {"note": "x"})

    def refused(*_a):  # type: ignore[no-untyped-def]
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    before = _contacts(logged)
    monkeypatch.setattr(chain, "write_event", refused)
    with pytest.raises(LogWriteError) as info:
        chain.log_event(logged, build, eu)
    assert info.value.code == "log.not_logged" and _contacts(logged) == before
    monkeypatch.undo()
    first = chain.log_event(logged, build, eu)
    assert chain.log_event(logged, build, eu) == first
    # build's contact is recorded too (migration 0009): two events
    assert _contacts(logged) == before + 1 and head(logged).seq == 14


def test_sqlite_insert_or_replace_is_refused(sqlite_url: str) -> None:
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    db = Database(make_engine(sqlite_url))
    append_event(db, "note_added", str(uuid.uuid4()), {"note": "first"})
    append_event(db, "note_added", str(uuid.uuid4()), {"note": "second"})
    with db.engine.connect() as conn:
        r = conn.execute(text("SELECT * FROM log_event WHERE seq = 1")).mappings().one()
    db.dispose()
    raw = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    cols = ", ".join(r.keys())
    for seq, eu in ((1, r["event_uuid"]), (3, r["event_uuid"]), (1, str(uuid.uuid4()))):
        values = {**r, "seq": seq, "event_uuid": eu, "kind": "session_ended"}
        with pytest.raises(sqlite3.DatabaseError):
            raw.execute(
                f"INSERT OR REPLACE INTO log_event ({cols}) VALUES "
                f"({', '.join('?' for _ in values)})",
                list(values.values()),
            )
    raw.close()
    db = Database(make_engine(sqlite_url))
    assert verify_log(db).ok and head(db).seq == 2
    db.dispose()


def test_downgrade_and_upgrade_from_0001(any_db_url: str) -> None:
    """A database at 0001 (before the log) upgrades with `db upgrade`, grants included."""
    from alembic import command

    from bowebb_console.store.db import schema
    from bowebb_console.store.db.setup import upgrade_database

    engine = make_engine(any_db_url)
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0001")
        assert schema.current_revision(conn) == "0001"
    assert upgrade_database(any_db_url) == schema.head_revision()
    db = Database(engine)
    append_event(db, "note_added", str(uuid.uuid4()), {"note": "after upgrade"})
    assert verify_log(db).ok and head(db).seq == 1
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            owner = conn.execute(
                text("SELECT proowner::regrole::text FROM pg_proc WHERE proname = 'log_event_fill'")
            ).scalar()
        assert owner is not None and owner.endswith("_log_writer")
    engine.dispose()


def test_sqlite_writer_never_dates_an_event_before_the_last(sqlite_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The system clock set back between two writes: the event keeps the previous time."""
    import datetime as dt

    from bowebb_console.store.db.setup import init_database
    from bowebb_console.store.log import chain

    init_database(sqlite_url)
    db = Database(make_engine(sqlite_url))
    first = append_event(db, "note_added", str(uuid.uuid4()), {"note": "x"})
    monkeypatch.setattr(chain, "_now", lambda: dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    second = append_event(db, "note_added", str(uuid.uuid4()), {"note": "y"})
    assert second.at == first.at
    assert verify_log(db).ok
    db.dispose()
