"""Migration 0023: ``session_summary`` is partitioned so that the wipe rewrites only the
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

from bowebb_console.services import erasure as service
from bowebb_console.store.db import schema
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.erasure.person import ErasurePlan, PersonQuery
from bowebb_console.store.erasure.requests import NewRequest
from tests.store.erasure_helpers import (
    EMAIL,
    NAME,
    _event,
    _session,
    found_in_bytes,
    pg_relation_bytes,
    plant_person,
)
from tests.store.security.conftest import Logins, refused, run

TODAY = dt.date(2026, 11, 26)
PART = "session_summary_h00"


def _partitions(engine: Engine) -> dict[str, int]:
    """Each partition of session_summary and its file's number."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.relname, c.relfilenode FROM pg_inherits i JOIN pg_class c "
                "ON c.oid = i.inhrelid WHERE i.inhparent = 'session_summary'::regclass"
            )
        ).all()
    return {str(r[0]): int(r[1]) for r in rows}


def _due(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(text("SELECT relname FROM erasure_wipe_due")).scalars())


def test_no_login_reaches_a_partition_or_the_wipe_list(logins: Logins) -> None:
    assert len(_partitions(logins.root)) == 32
    for who in ("agent", "lead", "admin"):
        engine = logins[who]
        for statement in (
            f"SELECT * FROM public.{PART}",
            f"UPDATE public.{PART} SET search_text = ''",
            f"DELETE FROM public.{PART}",
            f"INSERT INTO public.{PART} (session_uuid, first_seq, last_seq, opened_at, agent, "
            "consent_actor, state) VALUES ('x', 1, 1, 'x', 'x', 'x', 'x')",
            "SELECT * FROM public.erasure_wipe_due",
            "INSERT INTO public.erasure_wipe_due (relname) VALUES ('x')",
            "DELETE FROM public.erasure_wipe_due",
            f"ALTER TABLE public.{PART} SET UNLOGGED",
        ):
            message = refused(engine, statement)
            assert "denied" in message or "must be owner" in message, (who, statement)
    for who in ("agent", "lead"):
        message = refused(logins[who], "SELECT public.erasure_rewrite_due('session_summary')")
        assert "denied" in message or "only admins" in message
    # An admin runs it, for this table only.
    assert run(logins["admin"], "SELECT public.erasure_rewrite_due('session_summary')")
    assert "not rewritten" in refused(logins["admin"], "SELECT public.erasure_rewrite_due('log_payload')")


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
    run(root, "UPDATE session_summary SET search_text = search_text || 'more' WHERE "
        "session_uuid = :s", s=session)
    assert _due(root) == set()
    run(root, "UPDATE session_summary SET search_text = '' WHERE session_uuid = :s", s=session)
    assert _due(root) == {part}
    run(root, "DELETE FROM erasure_wipe_due")
    # Moved to another customer's partition: the rows it left behind are due.
    other = next(
        c for c in range(customer + 1, customer + 200)
        if run(root, "SELECT satisfies_hash_partition('session_summary'::regclass, 32, "
               "CAST(right(:p, 2) AS integer), CAST(:c AS integer))", p=part, c=c)[0][0] is False
    )
    run(root, "UPDATE session_summary SET customer_id = :c WHERE session_uuid = :s",
        c=other, s=session)
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
    before = _partitions(root)
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
    assert "session_summary" in done.scrub.rewritten and done.scrub.pending == ()
    after = _partitions(root)
    rewritten = {p for p in before if before[p] != after[p]}
    assert rewritten and rewritten <= held
    assert len(rewritten) < len(before)
    assert _due(root) == set()
    assert found_in_bytes(pg_relation_bytes(root, ["session_summary"])) == []


@pytest.mark.parametrize("down", ["0022"])
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
    assert len(_partitions(root)) == 32
    # The log still folds into it: a new session (INSERT), consented again (UPDATE).
    with Database(root).transaction() as conn:
        session = _session(conn, planted.customer_id, planted.contact_id, "T-9", "x", "phone")
        _event(conn, session, "consent_recorded", customer_id=planted.customer_id,
               contact_id=planted.contact_id, session_kind="remote_control", outcome="agreed",
               channel="phone", agreed_at="2026-11-02T10:00:00+00:00", reference="T-9",
               scope="control", purpose="again")
    assert run(root, "SELECT state, search_text FROM session_summary WHERE session_uuid = :s",
               s=session) == [("open", "x\nagain")]
    assert run(root, "SELECT count(DISTINCT session_uuid) = count(*) FROM session_summary") == [
        (True,)
    ]
    # The agents still read only their own, through the parent.
    assert run(logins["agent"], "SELECT count(*) FROM session_summary") == [(0,)]
