"""Migration 0025: ``session_summary`` is partitioned so that the wipe rewrites only the
partitions that held erased text. Attacked as real logins: no login reaches a partition or
the list of partitions due a rewrite directly, and only admins run the rewrite. Then the
wipe itself: it rewrites exactly the partitions that lost text (new files), leaves the others'
files alone, and what it rewrote holds no erased value; and the migration keeps the rows in
both directions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from bowebb_console.services import erasure as service
from bowebb_console.store.db import schema
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.erasure.person import ErasurePlan, PersonQuery
from bowebb_console.store.erasure.requests import NewRequest
from bowebb_console.store.log.verify import verify_log
from tests.store.erasure_helpers import (
    EMAIL,
    NAME,
    _event,
    _session,
    found_in_bytes,
    pg_relation_bytes,
    plant_person,
)
from tests.store.security.conftest import (
    EVENT_SQL,
    PAYLOAD_SQL,
    Logins,
    event_params,
    raw_event,
    refused,
    run,
)
from tests.store.security.test_log_payload import _session_with_note

TODAY = dt.date(2026, 11, 26)
PARTS = ("session_summary_h00", "log_payload_h00")


def _partitions(engine: Engine, table: str = "session_summary") -> dict[str, int]:
    """Each partition of ``table`` and its file's number."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.relname, c.relfilenode FROM pg_inherits i JOIN pg_class c "
                "ON c.oid = i.inhrelid WHERE i.inhparent = CAST(:t AS regclass)"
            ),
            {"t": table},
        ).all()
    return {str(r[0]): int(r[1]) for r in rows}


def _due(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(text("SELECT relname FROM erasure_wipe_due")).scalars())


def test_no_login_reaches_a_partition_or_the_wipe_list(logins: Logins) -> None:
    assert len(_partitions(logins.root)) == len(_partitions(logins.root, "log_payload")) == 16
    for who in ("agent", "lead", "admin"):
        engine = logins[who]
        for part in PARTS:
            for statement in (
                f"SELECT * FROM public.{part}",
                f"UPDATE public.{part} SET seq = seq",
                f"DELETE FROM public.{part}",
                f"INSERT INTO public.{part} (seq) VALUES (1)",
                f"ALTER TABLE public.{part} SET UNLOGGED",
                f"TRUNCATE public.{part}",
            ):
                message = refused(
                    engine,
                    statement.replace("seq", "first_seq", 2)
                    if part.startswith("session")
                    else statement,
                )
                assert "denied" in message or "must be owner" in message, (who, statement)
        for statement in (
            "SELECT * FROM public.erasure_wipe_due",
            "INSERT INTO public.erasure_wipe_due (relname) VALUES ('x')",
            "DELETE FROM public.erasure_wipe_due",
        ):
            message = refused(engine, statement)
            assert "denied" in message, (who, statement)
    for who in ("agent", "lead"):
        for table in ("session_summary", "log_payload"):
            message = refused(logins[who], f"SELECT public.erasure_rewrite_due('{table}')")
            assert "denied" in message or "only admins" in message
    # An admin runs it, for these two tables only.
    for table in ("session_summary", "log_payload"):
        assert run(logins["admin"], f"SELECT public.erasure_rewrite_due('{table}')")
    assert "not rewritten" in refused(
        logins["admin"], "SELECT public.erasure_rewrite_due('contact')"
    )


def test_one_payload_per_event_though_the_key_includes_the_customer(logins: Logins) -> None:
    """The primary key is (seq, customer_id): a second payload for the same event with
    another partition key is refused by log_payload_one, even in the event's transaction."""
    agent = logins["agent"]
    su, _ = _session_with_note(agent, logins.root)
    params = event_params("note_added", su, {"note": "once"})
    with pytest.raises(DBAPIError) as info, agent.begin() as conn:
        seq = conn.execute(text(EVENT_SQL), params).scalar_one()
        conn.execute(text(PAYLOAD_SQL), params | {"seq": seq})
        conn.execute(
            text(
                "INSERT INTO public.log_payload (seq, salt, payload, customer_id) "
                "VALUES (:seq, :salt, :payload, 424242)"
            ),
            params | {"seq": seq},
        )
    assert "has its payload already" in str(info.value.orig)
    # The ordinary write: one payload, in the partition of its session's customer.
    raw_event(agent, "note_added", su, {"note": "twice"})
    with logins.root.connect() as conn:
        where = conn.execute(
            text(
                "SELECT p.customer_id = s.customer_id FROM log_payload p "
                "JOIN log_event e ON e.seq = p.seq JOIN session_summary s "
                "ON s.session_uuid = e.session_uuid WHERE e.seq = (SELECT max(seq) FROM log_event)"
            )
        ).scalar_one()
    assert where is True
    assert verify_log(logins["lead"]).ok


def test_the_trigger_marks_a_partition_only_when_text_leaves_it(logins: Logins) -> None:
    root = logins.root
    plant_person(root)
    with root.connect() as conn:
        session, customer, part = conn.execute(
            text(
                "SELECT session_uuid, customer_id, tableoid::regclass::text FROM session_summary "
                "ORDER BY first_seq LIMIT 1"
            )
        ).one()
    assert _due(root) == set()  # the log's own updates only append
    run(
        root,
        "UPDATE session_summary SET search_text = search_text || 'more' WHERE session_uuid = :s",
        s=session,
    )
    assert _due(root) == set()
    run(root, "UPDATE session_summary SET search_text = '' WHERE session_uuid = :s", s=session)
    assert _due(root) == {part}
    run(root, "DELETE FROM erasure_wipe_due")
    # Moved to another customer's partition: the rows it left behind are due.
    other = next(
        c
        for c in range(customer + 1, customer + 200)
        if run(
            root,
            "SELECT satisfies_hash_partition('session_summary'::regclass, 16, "
            "CAST(right(:p, 2) AS integer), CAST(:c AS integer))",
            p=part,
            c=c,
        )[0][0]
        is False
    )
    run(
        root,
        "UPDATE session_summary SET customer_id = :c WHERE session_uuid = :s",
        c=other,
        s=session,
    )
    assert part in _due(root)
    run(root, "DELETE FROM erasure_wipe_due")
    run(root, "DELETE FROM session_summary WHERE session_uuid = :s", s=session)
    assert len(_due(root)) == 1


def test_the_wipe_rewrites_only_the_partitions_that_held_the_person(
    logins: Logins, tmp_path: Path
) -> None:
    root, admin = logins.root, logins["admin"]
    planted = plant_person(root)
    with root.connect() as conn:
        held = set(
            conn.execute(
                text(
                    "SELECT DISTINCT tableoid::regclass::text FROM session_summary "
                    "WHERE customer_id IN (:a, :b)"
                ),
                {"a": planted.customer_id, "b": planted.other_customer_id},
            ).scalars()
        )
        payloads_held = set(
            conn.execute(
                text(
                    "SELECT DISTINCT tableoid::regclass::text FROM log_payload "
                    "WHERE customer_id IN (0, :a, :b)"
                ),
                {"a": planted.customer_id, "b": planted.other_customer_id},
            ).scalars()
        )
    before = _partitions(root)
    payloads_before = _partitions(root, "log_payload")
    query = PersonQuery(email=EMAIL, phone="+46709871234", name=NAME)
    found = service.find_person(Database(admin), query)
    done = service.erase_person(
        Database(admin),
        Identity(logins.names["admin"], "admin", "postgresql"),
        tmp_path / "journal.jsonl",
        ErasurePlan(
            request=NewRequest(TODAY, "email"),
            identity_check="call_back",
            query=query,
            contact_actions={c.id: "erase" for c in found.contacts},
            payload_seqs=tuple(p.seq for p in found.payloads),
        ),
        today=TODAY,
    )
    assert {"session_summary", "log_payload"} <= set(done.scrub.rewritten)
    assert done.scrub.pending == ()
    after = _partitions(root)
    rewritten = {p for p in before if before[p] != after[p]}
    assert rewritten and rewritten <= held
    assert len(rewritten) < len(before)
    # The payloads: only the partitions they were in (their sessions' customers', and that
    # of no customer: first consents and recorded changes), the others' files untouched.
    payloads_after = _partitions(root, "log_payload")
    moved = {p for p in payloads_before if payloads_before[p] != payloads_after[p]}
    assert moved and moved <= payloads_held
    assert len(moved) < len(payloads_before)
    assert _due(root) == set()
    assert found_in_bytes(pg_relation_bytes(root, ["session_summary", "log_payload"])) == []


@pytest.mark.parametrize("down", ["0024"])
def test_the_migration_keeps_the_summaries_both_ways(logins: Logins, down: str) -> None:
    root = logins.root
    planted = plant_person(root)

    def rows() -> list[tuple[object, ...]]:
        return run(root, "SELECT * FROM session_summary ORDER BY first_seq")

    kept = rows()
    assert kept
    with root.begin() as conn:
        command.downgrade(schema.alembic_config(conn), down)
    assert rows() == kept
    assert run(
        root,
        "SELECT relkind, (SELECT count(*) FROM pg_policies WHERE tablename = 'session_summary')"
        " FROM pg_class WHERE oid = 'session_summary'::regclass",
    ) == [("r", 2)]
    with root.begin() as conn:
        command.upgrade(schema.alembic_config(conn), "head")
    assert rows() == kept
    assert len(_partitions(root)) == 16
    # The log still folds into it: a new session (INSERT), consented again (UPDATE).
    with Database(root).transaction() as conn:
        session = _session(conn, planted.customer_id, planted.contact_id, "T-9", "x", "phone")
        _event(
            conn,
            session,
            "consent_recorded",
            customer_id=planted.customer_id,
            contact_id=planted.contact_id,
            session_kind="remote_control",
            outcome="agreed",
            channel="phone",
            agreed_at="2026-11-02T10:00:00+00:00",
            reference="T-9",
            scope="control",
            purpose="again",
        )
    assert run(
        root, "SELECT state, search_text FROM session_summary WHERE session_uuid = :s", s=session
    ) == [("open", "x\nagain")]
    assert run(root, "SELECT count(DISTINCT session_uuid) = count(*) FROM session_summary") == [
        (True,)
    ]
    # The agents still read only their own, through the parent.
    assert run(logins["agent"], "SELECT count(*) FROM session_summary") == [(0,)]


def test_most_partitions_due_rewrite_the_table_once(logins: Logins) -> None:
    """More than a quarter of the partitions due (a review rebuild deletes every row): one
    rewrite of the whole table instead of two of each, and every mark cleared."""
    root = logins.root
    before = _partitions(root)
    run(
        root,
        "INSERT INTO erasure_wipe_due SELECT relname FROM pg_class WHERE relname "
        "LIKE 'session_summary_h%' AND relname < 'session_summary_h10' AND relkind = 'r'",
    )
    assert run(logins["admin"], "SELECT public.erasure_rewrite_due('session_summary')") == [
        (["session_summary"],)
    ]
    after = _partitions(root)
    assert all(before[p] != after[p] for p in before)
    assert _due(root) == set()
