"""``verify-log``: stream the whole log through domain.hashchain.verify_chain.

Rows come straight from the driver in batches (a server-side cursor on PostgreSQL), in the
column order verify_chain expects, so a million events verify in seconds and in little memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from bowebb_console.domain.hashchain import ChainRow, VerifyResult, verify_chain
from bowebb_console.store.session_log import _engine

_QUERY = (
    "SELECT e.seq, e.event_uuid, e.session_uuid, e.kind, e.actor, e.at, e.payload_commitment, "
    "e.prev_hash, e.hash, p.salt, p.payload "
    "FROM log_event e LEFT JOIN log_payload p ON p.event_uuid = e.event_uuid ORDER BY e.seq"
)
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
            # A named cursor streams from the server; one snapshot for the whole run.
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor = raw.cursor(name="bowebb_verify_log")
            cursor.itersize = BATCH
        else:
            cursor = raw.cursor()
        try:
            cursor.execute(_QUERY)
            return verify_chain(_rows(cursor), anchor=anchor, progress=progress, cancel=cancel)
        finally:
            cursor.close()


def _rows(cursor: Any) -> Iterator[ChainRow]:
    while True:
        batch = cursor.fetchmany(BATCH)
        if not batch:
            return
        if batch[0][9] is not None and not isinstance(batch[0][9], bytes):
            # psycopg returns bytea as memoryview; hashlib wants bytes for salt + payload.
            batch = [(*r[:9], bytes(r[9]) if r[9] is not None else None, r[10]) for r in batch]
        yield from batch
