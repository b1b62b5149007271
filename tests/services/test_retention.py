"""The session-log retention (issue 14, item 4), on SQLite and PostgreSQL: payloads older than
the database's retention are erased, the events stay and the chain verifies, the run is
logged, a second run changes nothing, and the erased bytes are gone from the files."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from bowebb_console.domain.errors import ShownError
from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.services import admin, retention
from bowebb_console.services.database import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.chain import write_event
from bowebb_console.store.log.verify import verify_log
from tests.store.erasure_helpers import (
    found_in_bytes,
    pg_relation_bytes,
    plant_person,
    sqlite_files,
)

ADMIN = Identity("alice", "admin", "sqlite")
MARK = "Retentionsmarkering Xyloqvist 4471"


@pytest.fixture
def db(any_db_url: str) -> Iterator[Database]:
    database = Database(make_engine(any_db_url))
    plant_person(database.engine)
    with database.engine.begin() as conn:
        write_event(
            conn,
            "note_added",
            str(uuid.uuid4()),
            str(uuid.uuid4()),
            canonical_payload({"note": MARK}),
            "tester",
        )
    yield database
    database.dispose()


def _events(db: Database) -> list[tuple[int, str, str]]:
    with db.engine.connect() as conn:
        return [
            (int(r[0]), str(r[1]), str(r[2]))
            for r in conn.execute(text("SELECT seq, at, kind FROM log_event ORDER BY seq"))
        ]


def _payload_seqs(db: Database) -> set[int]:
    with db.engine.connect() as conn:
        return {int(s) for s in conn.execute(text("SELECT seq FROM log_payload")).scalars()}


def _at(value: str) -> dt.datetime:
    return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


def _file_bytes(db: Database, url: str) -> list[bytes]:
    if db.dialect == "sqlite":
        return [p.read_bytes() for p in sqlite_files(url)]
    return pg_relation_bytes(db.engine, ["log_payload"])


def test_nothing_is_due_on_a_fresh_log_and_nothing_changes(db: Database) -> None:
    before = _events(db)
    assert retention.plan_retention(db).payload_seqs == ()
    done = retention.run_retention(db, ADMIN)
    assert (done.reference, done.erased, done.plan.retention_days) == (None, 0, 1095)
    assert _events(db) == before  # not even an event


def test_only_payloads_older_than_the_retention_go(db: Database) -> None:
    events = _events(db)
    middle = events[len(events) // 2]
    # "Now" is exactly the retention after the middle event: what came before it is older.
    now = _at(middle[1]) + dt.timedelta(days=1095)
    older = {seq for seq, at, _ in events if at < middle[1]}
    assert older and older != {seq for seq, _, _ in events}
    assert set(retention.plan_retention(db, now).payload_seqs) == older
    done = retention.run_retention(db, ADMIN, now)
    assert done.erased == len(older)
    assert _payload_seqs(db).isdisjoint(older)
    assert {seq for seq, _, _ in events} - older <= _payload_seqs(db)


def test_a_run_erases_logs_verifies_and_is_idempotent(db: Database, any_db_url: str) -> None:
    assert found_in_bytes(_file_bytes(db, any_db_url), (MARK,))  # the planted note is there
    admin.set_lifecycle(db, ADMIN, admin.Lifecycle(90, 30, 400))  # the database's value counts
    before = _events(db)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=401)
    assert len(retention.plan_retention(db, later).payload_seqs) == len(before)
    done = retention.run_retention(db, ADMIN, later)
    assert done.reference is not None and done.reference.startswith("RT-")
    assert done.erased == len(before) and done.plan.retention_days == 400
    after = _events(db)
    assert after[: len(before)] == before  # every event stays
    [(last_seq, _, kind)] = after[len(before) :]  # and one more: the run, logged
    assert kind == "erasure_performed"
    with db.engine.connect() as conn:
        [payload] = conn.execute(text("SELECT payload FROM log_payload")).scalars()
    logged = json.loads(payload)
    assert logged["scope"] == "retention" and logged["payloads"] == len(before)
    assert logged["reference"] == done.reference and logged["retention_days"] == 400
    assert _payload_seqs(db) == {last_seq}
    result = verify_log(db)
    assert result.ok, result
    assert not found_in_bytes(_file_bytes(db, any_db_url), (MARK,))
    # Again: nothing more is due (its own record is kept), nothing changes.
    again = retention.run_retention(db, ADMIN, later)
    assert (again.reference, again.erased) == (None, 0)
    assert _events(db) == after


def test_only_an_admin_applies_it(db: Database) -> None:
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=2000)
    with pytest.raises(ShownError) as caught:
        retention.run_retention(db, Identity("bo", "lead", db.dialect), later)
    assert caught.value.code == "retention.admin_only"
    assert retention.plan_retention(db, later).payload_seqs  # nothing was erased
