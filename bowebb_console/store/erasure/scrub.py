"""Physical erasure: after the deletes commit, make the deleted bytes leave the files.

SQLite (secure_delete is on for every connection, see engine.py, so freed cells and pages are
zeroed): FTS5 keeps a deleted row's trigrams in old segments until 'optimize' merges them
(SQLite 3.40 has no FTS5 secure-delete), and the WAL keeps old page images until a
``wal_checkpoint(TRUNCATE)`` empties it.

PostgreSQL: DELETE only marks tuples dead and even VACUUM may leave their bytes in a page
(measured), so the touched tables are rewritten (heap, indexes and TOAST get new files; the
old ones are truncated at commit). VACUUM FULL is not enough on its own: it copies deleted
rows that an open transaction anywhere in the cluster could still see (measured), so the
rewrite is an ``ALTER TABLE ... ALTER COLUMN ... TYPE`` to the same type, which copies only
the rows visible now (see ``_rewrite``). It runs after the commit, on an autocommit
connection, through ``erasure_rewrite`` (migration 0009), which runs as the tables' owner
for any admin; only when that cannot run (a lock held too long, say) does a table come back
``pending``, and an admin runs ``bowebb-console erasure compact`` later. ``log_payload`` and
``session_summary`` are partitioned (migration 0025): ``erasure_rewrite_due`` rewrites only
the partitions the database marked as having lost data, so a wipe costs what held the erased
rows, not the whole log. The server's WAL
segments and archives keep the old bytes for their retention window (README, "Erasure and backups").
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import SQLITE_BUSY_TIMEOUT_S

REWRITE_ATTEMPTS = 10
CHECKPOINT_ATTEMPTS = 8
CHECKPOINT_WAIT_MS = 250
REWRITE_WAIT_S = 0.1

# Tables that hold rows of one customer, and the column naming the customer. The purge
# deletes from each one that exists (a feature with such a table adds it here). ``contact``
# goes with its customer too (FK cascade) but is listed so the dry run can count it.
CUSTOMER_TABLES: list[tuple[str, str]] = [
    ("contact", "customer_id"),
    ("sftp_profile", "customer_id"),
]


def existing_tables(conn: Connection) -> set[str]:
    if conn.dialect.name == "sqlite":
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
    else:
        rows = conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        )
    return {str(r[0]) for r in rows}


@dataclass(frozen=True)
class ScrubResult:
    rewritten: tuple[str, ...]  # tables whose files no longer hold the deleted bytes
    pending: tuple[str, ...]  # PostgreSQL tables this login may not rewrite (owner's job)


def erasable_tables(conn: Connection) -> set[str]:
    """What ``erasure compact`` rewrites: every table an erasure or a purge deletes from."""
    present = existing_tables(conn)
    return {"customer", "log_payload", "session_summary"} | {
        t for t, _ in CUSTOMER_TABLES if t in present
    }


def scrub(db: Database, tables: set[str]) -> ScrubResult:
    """Run after the erasing transaction committed, on connections of its own (the SQLite
    checkpoint and the PostgreSQL rewrite cannot run inside a transaction)."""
    if not tables:
        return ScrubResult((), ())
    if "log_payload" in tables:
        # An erased payload's text lived on in its session's summary row (blanked by the
        # trigger, but the old row versions keep it until the table is rewritten).
        tables = tables | {"session_summary"}
    if db.dialect == "sqlite":
        return _scrub_sqlite(db.engine, tables)
    return _scrub_postgres(db.engine, tables)


def _scrub_sqlite(engine: Engine, tables: set[str]) -> ScrubResult:
    with engine.begin() as conn:
        for fts in ("customer_fts", "contact_fts"):
            conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('optimize')"))
    if _checkpoint(engine):
        return ScrubResult(tuple(sorted(tables)), ())
    return ScrubResult((), tuple(sorted(tables)))


def _checkpoint(engine: Engine) -> bool:
    """Copy every WAL frame back into the file and empty the WAL (outside a transaction).
    A reader holding an older snapshot (another window, a backup tool) blocks it: SQLite then
    answers busy and the erased rows stay in the main file, so it is retried a while and
    otherwise reported (the tables come back ``pending``; ``erasure compact`` later)."""
    with engine.connect() as conn:
        conn.exec_driver_sql(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
        try:
            for attempt in range(CHECKPOINT_ATTEMPTS):
                busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()[0]
                if not busy:
                    return True
                time.sleep(CHECKPOINT_WAIT_MS / 1000 * (attempt + 1) / CHECKPOINT_ATTEMPTS)
            return False
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")


def _scrub_postgres(engine: Engine, tables: set[str]) -> ScrubResult:
    """Each table is rewritten by ``erasure_rewrite`` (migration 0009), which runs as the
    tables' owner and lets admins call it; a login that may not (or an older schema, or a
    table it does not rewrite) falls back to doing it itself when it owns the table, else the
    table stays ``pending`` for ``erasure compact``."""
    done, pending = [], []
    autocommit = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    with autocommit as conn, _no_statement_limit(conn):
        for table in sorted(tables):
            due = table in PARTITIONED and _rewrite_due_by_function(conn, table)
            if due or _rewrite_by_function(conn, table):  # (analyzes, since migration 0012)
                done.append(table)
            elif _owns(conn, table) and _rewrite(conn, table):
                done.append(table)
                conn.execute(text(f'ANALYZE "{table}"'))
            else:
                pending.append(table)
    return ScrubResult(tuple(done), tuple(pending))


# PostgreSQL tables partitioned so that the wipe rewrites only the partitions that held
# erased text (migration 0025): ``erasure_rewrite_due`` rewrites the partitions its trigger
# marked, and nothing else.
PARTITIONED = {"session_summary", "log_payload"}


def _rewrite_due_by_function(conn: Connection, table: str) -> bool:
    if (
        conn.execute(text("SELECT to_regprocedure('public.erasure_rewrite_due(text)')")).scalar()
        is None
    ):
        return False
    try:
        conn.execute(text("SELECT public.erasure_rewrite_due(:t)"), {"t": table})
        return True
    except DBAPIError:
        return False  # not an admin: the whole table, the ways below


def _rewrite_by_function(conn: Connection, table: str) -> bool:
    if (
        conn.execute(text("SELECT to_regprocedure('public.erasure_rewrite(text)')")).scalar()
        is None
    ):
        return False
    try:
        return bool(conn.execute(text("SELECT public.erasure_rewrite(:t)"), {"t": table}).scalar())
    except DBAPIError:
        return False  # not an admin, or not a table it rewrites: the owner's way below


def _owns(conn: Connection, table: str) -> bool:
    return bool(
        conn.execute(
            text(
                "SELECT r.rolsuper OR pg_has_role(session_user, c.relowner, 'USAGE') "
                "FROM pg_class c, pg_roles r WHERE c.oid = CAST(:t AS regclass) "
                "AND r.rolname = session_user"
            ),
            {"t": table},
        ).scalar()
    )


@contextmanager
def _no_statement_limit(conn: Connection) -> Iterator[None]:
    """A rewrite of a big table takes longer than an interactive statement may (engine.py);
    the lock limit stays: a rewrite queued behind a lock makes everyone queue behind it."""
    conn.exec_driver_sql("SET statement_timeout = 0")
    try:
        yield
    finally:
        conn.exec_driver_sql("RESET statement_timeout")


# A column rewritten to itself forces a rewrite of the whole table and its indexes.
_SAME_VALUE = {
    "integer": '"{c}" + 0',
    "bigint": '"{c}" + 0',
    "smallint": '"{c}" + 0',
    "text": "\"{c}\" || ''",
    "character varying": "\"{c}\" || ''",
    "bytea": "\"{c}\" || ''::bytea",
}


def _rewrite_column(conn: Connection, table: str) -> tuple[str, str, str] | None:
    """A column of ``table`` in no index or constraint, its type, and a same-value expression."""
    rows = conn.execute(
        text(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), "
            "format_type(a.atttypid, NULL) FROM pg_attribute a "
            "WHERE a.attrelid = CAST(:t AS regclass) AND a.attnum > 0 AND NOT a.attisdropped "
            "AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid "
            "  AND a.attnum = ANY(i.indkey)) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = a.attrelid "
            "  AND a.attnum = ANY(k.conkey)) "
            "ORDER BY a.attnum"
        ),
        {"t": table},
    )
    for name, full_type, base_type in rows:
        if base_type in _SAME_VALUE:
            return str(name), str(full_type), _SAME_VALUE[base_type].format(c=name)
    return None


_KEPT = re.compile(r"(\d+) dead row versions cannot be removed yet")


def _rewrite(conn: Connection, table: str) -> bool:
    """Rewrite ``table`` so that deleted rows' bytes leave its files.

    VACUUM FULL copies "recently dead" tuples along while any snapshot in the cluster could
    still see them (measured: one open transaction in another database is enough), so the
    table is rewritten by ALTER TABLE ... TYPE ... USING, which copies only the rows visible
    now. Only a table with no suitable column falls back to VACUUM FULL, retried while rows
    are still held; False: still held (run ``erasure compact`` later)."""
    column = _rewrite_column(conn, table)
    if column is not None:
        name, type_, expr = column
        conn.execute(
            text(f'ALTER TABLE "{table}" ALTER COLUMN "{name}" TYPE {type_} USING ({expr})')
        )
        return True
    notices: list[str] = []
    raw: Any = conn.connection.driver_connection
    handler = lambda diag: notices.append(str(diag.message_detail or ""))  # noqa: E731
    raw.add_notice_handler(handler)
    try:
        for attempt in range(REWRITE_ATTEMPTS):
            notices.clear()
            conn.execute(text(f'VACUUM (FULL, VERBOSE) "{table}"'))
            kept = sum(int(m.group(1)) for n in notices for m in _KEPT.finditer(n))
            if kept == 0:
                return True
            time.sleep(REWRITE_WAIT_S * (attempt + 1))
        return False
    finally:
        raw.remove_notice_handler(handler)
