"""``verify-log``: stream the whole log through domain.hashchain.verify_chain.

Events and payloads are read as two streams in ``seq`` order (no join: measured 3x faster),
straight from the driver in batches (server-side cursors on PostgreSQL, in one read-only
snapshot), so a million events verify in seconds and in little memory.

With ``workers > 1`` the chain is cut into slices verified in parallel processes; the parent
checks the links between slices. Any problem found that way is re-checked by one sequential
pass, so the report names exactly the first problem either way.

The slice that ends the chain also reads the chain-head row in its snapshot: writers take the
next seq and link from it, so it must equal the last event (a changed head would make the
next event link to garbage; a lowered seq would stop every write).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, text

from bowebb_console.domain.hashchain import (
    GENESIS,
    NO_HEAD_ROW,
    Problem,
    VerifyResult,
    verify_chain,
)
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine, no_statement_timeout
from bowebb_console.store.db.errors import raw_cursor_errors

EVENTS = (
    "SELECT seq, event_uuid, session_uuid, kind, actor, at, payload_commitment, prev_hash, hash "
    "FROM log_event WHERE seq BETWEEN {lo} AND {hi} ORDER BY seq"
)
PAYLOADS = "SELECT seq, salt, payload FROM log_payload WHERE seq BETWEEN {lo} AND {hi} ORDER BY seq"
HEAD = "SELECT seq, hash FROM log_chain_head WHERE id = 1"
BATCH = 20_000
PARALLEL_FROM = 200_000  # below this, starting processes costs more than it saves
LAST = 2**63 - 1


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def verify_log(
    db: Database,
    anchor: str | None = None,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    *,
    workers: int = 1,
    min_parallel: int = PARALLEL_FROM,
) -> VerifyResult:
    """Recompute the whole chain; the result names the first problem, if any.

    Takes the Database, not a connection: it opens its own read-only snapshot, and with
    ``workers > 1`` one connection per worker process."""
    if anchor is not None:
        anchor = anchor.strip().lower()
    if workers > 1:
        with db.engine.connect() as conn:
            last = int(
                conn.execute(text("SELECT coalesce(max(seq), 0) FROM log_event")).scalar_one()
            )
        if last >= max(min_parallel, workers):
            result = _verify_parallel(db, last, workers, anchor)
            if result.ok:
                return result
    return _verify_slice(db, 1, LAST, (GENESIS, ""), anchor, progress, cancel)


def _verify_slice(
    db: Database,
    lo: int,
    hi: int,
    before: tuple[str, str],
    anchor: str | None,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> VerifyResult:
    """Verify seq ``lo``..``hi``, trusting ``before`` (the link and time of event ``lo - 1``;
    the caller checks it against the previous slice). ``hi == LAST`` ends the chain: the
    chain-head row is checked against its last event, in the same snapshot."""
    with db.engine.connect() as conn:
        raw: Any = conn.connection.dbapi_connection
        if conn.dialect.name == "postgresql":
            # Named cursors stream from the server; all three read the same snapshot.
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            no_statement_timeout(conn)  # a long log streams for minutes, batch by batch
            events, payloads = raw.cursor(name="bowebb_log_ev"), raw.cursor(name="bowebb_log_pl")
        else:
            conn.exec_driver_sql("SELECT 1")  # our BEGIN: the reads below share one snapshot
            events, payloads = raw.cursor(), raw.cursor()
        head = _head_row(conn) if hi == LAST else None
        try:
            # Raw cursors: a connection dropped mid-stream maps like any driver error.
            with raw_cursor_errors("verify-log"):
                events.execute(EVENTS.format(lo=int(lo), hi=int(hi)))
                payloads.execute(PAYLOADS.format(lo=int(lo), hi=int(hi)))
                return verify_chain(
                    _batches(events),
                    _batches(payloads, salt_bytes=True),
                    anchor=anchor,
                    progress=progress,
                    cancel=cancel,
                    first_seq=lo,
                    first_prev=before[0],
                    first_at=before[1],
                    head=head,
                )
        finally:
            events.close()
            payloads.close()


def _head_row(conn: Connection) -> tuple[int, str]:
    row = conn.exec_driver_sql(HEAD).first()
    return (int(row[0]), str(row[1])) if row is not None else NO_HEAD_ROW


def _before(conn: Connection, seq: int) -> tuple[str, str]:
    """The stored link of event ``seq`` and the time of event ``seq - 1`` ("" when none)."""
    link = conn.execute(text("SELECT prev_hash FROM log_event WHERE seq = :s"), {"s": seq})
    at = conn.execute(text("SELECT at FROM log_event WHERE seq = :s"), {"s": seq - 1})
    return str(link.scalar() or ""), str(at.scalar() or "")


def _slice_worker(url: str, lo: int, hi: int, anchor: str | None) -> tuple[VerifyResult, str]:
    db = Database(make_engine(url, poolclass=None))
    try:
        with db.engine.connect() as conn:
            first_prev, prev_at = _before(conn, lo)
        return _verify_slice(db, lo, hi, (first_prev or GENESIS, prev_at), anchor), first_prev
    finally:
        db.dispose()


def _verify_parallel(db: Database, last: int, workers: int, anchor: str | None) -> VerifyResult:
    size = -(-last // workers)
    bounds = [(lo, lo + size - 1) for lo in range(1, last + 1, size)]
    # The last slice reads to the end (events written meanwhile too) and checks the head.
    bounds[-1] = (bounds[-1][0], LAST)
    url = db.engine.url.render_as_string(hide_password=False)  # to the children by pipe, not argv
    ctx = multiprocessing.get_context("spawn")  # never fork a process that may run Qt
    with ProcessPoolExecutor(len(bounds) - 1, mp_context=ctx) as pool:
        futures = [pool.submit(_slice_worker, url, lo, hi, anchor) for lo, hi in bounds[1:]]
        first = _verify_slice(db, bounds[0][0], bounds[0][1], (GENESIS, ""), anchor)
        parts = [(first, GENESIS)] + [f.result() for f in futures]
    events, erased, seen_anchor, prev = 0, 0, anchor is None, GENESIS
    for result, first_prev in parts:
        bad = result.problem is not None and result.problem.kind != "anchor"
        if bad or first_prev != prev:
            return replace(result, problem=result.problem or _link_problem())
        events += result.events
        erased += result.erased_payloads
        seen_anchor = seen_anchor or result.problem is None
        prev = result.head
    final = parts[-1][0]
    return VerifyResult(
        events, final.head_seq, final.head, erased, None if seen_anchor else final.problem
    )


def _link_problem() -> Problem:
    return Problem("broken_link", 0, "found in parallel; re-checked sequentially")


def _batches(cursor: Any, *, salt_bytes: bool = False) -> Iterator[Any]:
    while True:
        batch = cursor.fetchmany(BATCH)
        if not batch:
            return
        if salt_bytes and not isinstance(batch[0][1], bytes):
            # psycopg returns bytea as memoryview; hashlib wants bytes for salt + payload.
            batch = [(r[0], bytes(r[1]), r[2]) for r in batch]
        yield from batch
