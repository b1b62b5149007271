"""``verify-log``: stream the whole log through domain.hashchain.verify_chain.

Events and payloads are read as two streams in ``seq`` order (no join: measured 3x faster),
straight from the driver in batches (server-side cursors on PostgreSQL, in one read-only
snapshot), so a million events verify in seconds and in little memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from bowebb_console.domain.hashchain import VerifyResult, verify_chain
from bowebb_console.store.session_log import _engine

EVENTS = (
    "SELECT seq, event_uuid, session_uuid, kind, actor, at, payload_commitment, prev_hash, hash "
    "FROM log_event ORDER BY seq"
)
PAYLOADS = "SELECT seq, salt, payload FROM log_payload ORDER BY seq"
BATCH = 20_000


def verify_log(
    db: Any,
    anchor: str | None = None,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> VerifyResult:
    """Recompute the whole chain; the result names the first problem, if any."""
    engine = _engine(db)
    if anchor is not None:
        anchor = anchor.strip().lower()
    with engine.connect() as conn:
        raw: Any = conn.connection.dbapi_connection
        if engine.dialect.name == "postgresql":
            # Named cursors stream from the server; both read the same snapshot.
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            events, payloads = raw.cursor(name="bowebb_log_ev"), raw.cursor(name="bowebb_log_pl")
        else:
            conn.exec_driver_sql("SELECT 1")  # our BEGIN: both cursors share one snapshot
            events, payloads = raw.cursor(), raw.cursor()
        try:
            events.execute(EVENTS)
            payloads.execute(PAYLOADS)
            return verify_chain(
                _batches(events),
                _batches(payloads, salt_bytes=True),
                anchor=anchor,
                progress=progress,
                cancel=cancel,
            )
        finally:
            events.close()
            payloads.close()


def _batches(cursor: Any, *, salt_bytes: bool = False) -> Iterator[Any]:
    while True:
        batch = cursor.fetchmany(BATCH)
        if not batch:
            return
        if salt_bytes and not isinstance(batch[0][1], bytes):
            # psycopg returns bytea as memoryview; hashlib wants bytes for salt + payload.
            batch = [(r[0], bytes(r[1]), r[2]) for r in batch]
        yield from batch
