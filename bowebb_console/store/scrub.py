"""Physical erasure: after the deletes commit, make the deleted bytes leave the files.

SQLite (secure_delete is on for every connection, see engine.py, so freed cells and pages are
zeroed): FTS5 keeps a deleted row's trigrams in old segments until 'optimize' merges them
(SQLite 3.40 has no FTS5 secure-delete), and the WAL keeps old page images until a
``wal_checkpoint(TRUNCATE)`` empties it.

PostgreSQL: DELETE only marks tuples dead and even VACUUM may leave their bytes in a page
(measured), so the touched tables are rewritten with VACUUM FULL, which also rebuilds their
indexes and TOAST. VACUUM cannot run inside a transaction, so this runs after the commit, on
an autocommit connection, and needs the table owner's rights (or superuser). A login without
them gets the tables back as ``pending``: the database owner then runs
``bowebb-console erasure compact``. The server's WAL segments and archives keep the old bytes
for their retention window (README, "Erasure and backups").
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, text

REWRITE_ATTEMPTS = 20
REWRITE_WAIT_S = 0.1

# Tables that hold rows of one customer, and the column naming the customer. The purge
# deletes from each one that exists (later features add theirs, e.g. the SFTP connection
# profiles: ("sftp_profile", "customer_id")). ``contact`` goes with its customer too (FK
# cascade) but is listed so the dry run can count it.
CUSTOMER_TABLES: list[tuple[str, str]] = [
    ("contact", "customer_id"),
    ("sftp_profile", "customer_id"),
]


def register_customer_table(table: str, column: str = "customer_id") -> None:
    """Add a per-customer table to the purge (for features merged later)."""
    if (table, column) not in CUSTOMER_TABLES:
        CUSTOMER_TABLES.append((table, column))


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


def scrub(engine: Engine, tables: set[str]) -> ScrubResult:
    """Run after the erasing transaction committed."""
    if not tables:
        return ScrubResult((), ())
    if engine.dialect.name == "sqlite":
        return _scrub_sqlite(engine, tables)
    return _scrub_postgres(engine, tables)


def _scrub_sqlite(engine: Engine, tables: set[str]) -> ScrubResult:
    with engine.begin() as conn:
        for fts in ("customer_fts", "contact_fts"):
            conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('optimize')"))
    with engine.connect() as conn:
        # Outside a transaction: the checkpoint copies every frame back and empties the WAL.
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return ScrubResult(tuple(sorted(tables)), ())


def _scrub_postgres(engine: Engine, tables: set[str]) -> ScrubResult:
    done, pending = [], []
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in sorted(tables):
            may = conn.execute(
                text(
                    "SELECT r.rolsuper OR pg_has_role(session_user, c.relowner, 'USAGE') "
                    "FROM pg_class c, pg_roles r WHERE c.oid = CAST(:t AS regclass) "
                    "AND r.rolname = session_user"
                ),
                {"t": table},
            ).scalar()
            if may and _rewrite(conn, table):
                done.append(table)
            else:
                pending.append(table)
    return ScrubResult(tuple(done), tuple(pending))


_KEPT = re.compile(r"(\d+) dead row versions cannot be removed yet")


def _rewrite(conn: Connection, table: str) -> bool:
    """VACUUM FULL until no deleted row is copied along. A tuple deleted while another
    transaction's snapshot can still see it (autovacuum's ANALYZE, a long report) is
    "recently dead" and VACUUM FULL copies it into the new file (measured), so retry
    until that transaction is gone. False: still held after the wait (run compact later)."""
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
