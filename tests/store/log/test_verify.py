"""verify-log on both dialects beyond the links: the chain-head row writers take the next
position from, and time that never goes backwards along the chain."""

from __future__ import annotations

from sqlalchemy import text

from bowebb_console.domain import hashchain
from bowebb_console.store.db.connect import Database
from bowebb_console.store.log.verify import verify_log
from tests.store.log_helpers import as_superuser, problem


def rows(db: Database) -> list[dict]:  # type: ignore[type-arg]
    with db.engine.connect() as conn:
        result = conn.execute(text("SELECT * FROM log_event ORDER BY seq")).mappings()
        return [dict(r) for r in result]


def rewrite_from(db: Database, seq: int, **changes: str) -> None:
    """A superuser's rewrite: change event ``seq``, re-hash it and every later event with
    fresh links, and set the chain-head row to the new end (only an anchor could tell)."""
    events = rows(db)
    prev = events[seq - 2]["hash"] if seq > 1 else hashchain.GENESIS
    statements, params = [], {}
    for r in events[seq - 1 :]:
        if r["seq"] == seq:
            r |= changes
        r["prev_hash"] = prev
        r["hash"] = prev = hashchain.event_hash(
            r["seq"], r["event_uuid"], r["session_uuid"], r["kind"], r["actor"], r["at"],
            r["payload_commitment"], r["prev_hash"],
        )  # fmt: skip
        n = r["seq"]
        statements.append(
            f"UPDATE log_event SET actor = :a{n}, at = :at{n}, prev_hash = :p{n}, hash = :h{n} "
            f"WHERE seq = {n}"
        )
        params |= {f"a{n}": r["actor"], f"at{n}": r["at"], f"p{n}": r["prev_hash"]}
        params[f"h{n}"] = r["hash"]
    statements.append("UPDATE log_chain_head SET seq = :hs, hash = :hh")
    as_superuser(db.engine, *statements, hs=events[-1]["seq"], hh=prev, **params)


def test_head_hash_changed_is_named(logged) -> None:  # type: ignore[no-untyped-def]
    as_superuser(logged.engine, "UPDATE log_chain_head SET hash = :h", h="f" * 64)
    assert problem(logged) == ("head", 12)
    assert "its hash" in str(verify_log(logged).problem)


def test_head_seq_lowered_is_named(logged) -> None:  # type: ignore[no-untyped-def]
    as_superuser(logged.engine, "UPDATE log_chain_head SET seq = 7")
    assert problem(logged) == ("head", 12)
    assert "lowered" in str(verify_log(logged).problem)


def test_head_seq_raised_is_named(logged) -> None:  # type: ignore[no-untyped-def]
    as_superuser(logged.engine, "UPDATE log_chain_head SET seq = 14")
    assert problem(logged) == ("head", 12)
    assert "raised" in str(verify_log(logged).problem)


def test_head_row_deleted_is_named(logged) -> None:  # type: ignore[no-untyped-def]
    as_superuser(logged.engine, "DELETE FROM log_chain_head")
    assert problem(logged) == ("head", 12)
    assert "missing" in str(verify_log(logged).problem)


def test_time_moved_backwards_is_named(logged) -> None:  # type: ignore[no-untyped-def]
    events = rows(logged)
    assert [r["at"] for r in events] == sorted(r["at"] for r in events)
    rewrite_from(logged, 6, at="2020-01-01T00:00:00.000000Z")
    assert problem(logged) == ("time", 6)
    assert "before event 5" in str(verify_log(logged).problem)


def test_last_event_dated_back_is_named(logged) -> None:  # type: ignore[no-untyped-def]
    rewrite_from(logged, 12, at="2020-01-01T00:00:00.000000Z")
    assert problem(logged) == ("time", 12)


def test_a_consistent_rewrite_still_verifies(logged) -> None:  # type: ignore[no-untyped-def]
    """The rewrite helper itself leaves a valid chain and head: only time gave it away."""
    anchor = rows(logged)[-1]["hash"]
    rewrite_from(logged, 6, actor="mallory")
    assert verify_log(logged).ok
    assert problem_with_anchor(logged, anchor) == ("anchor", 12)


def problem_with_anchor(db: Database, anchor: str) -> tuple[str, int]:
    result = verify_log(db, anchor=anchor)
    assert result.problem is not None
    assert verify_log(db, anchor=anchor, workers=3, min_parallel=1) == result
    return result.problem.kind, result.problem.seq
