"""Schema revisions through Alembic, run programmatically (no alembic.ini on users' machines).

Start-up only needs to know whether the database is at this app's revision; that is one
SELECT against ``HEAD``. Alembic itself (slow to import) is loaded only to migrate or when the
revision differs. A test keeps ``HEAD`` equal to the migrations' real head.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"
HEAD = "0030"  # the newest revision in migrations/versions
# SQLite FTS5 tables (and their shadow tables) made by migration 0003: not ORM models.
SEARCH_INDEX_TABLES = ("customer_fts", "contact_fts")
# PostgreSQL: the partitions of session_summary and log_payload (migration 0025), parts of
# the model tables.
PARTITION_TABLES = ("session_summary_h", "log_payload_h")


def is_model_table(name: str | None) -> bool:
    """False for the full-text index tables and the partitions, which compare_metadata must
    not report."""
    return not (name or "").startswith(SEARCH_INDEX_TABLES + PARTITION_TABLES)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    return HEAD


def migrations_head() -> str:
    """The head as Alembic sees it in migrations/versions (slow: loads every migration)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else None


class SchemaState(enum.Enum):
    CURRENT = "current"
    MISSING = "missing"  # not a BoWebb database (yet)
    OLDER = "older"  # the admin must run `db upgrade`
    NEWER = "newer"  # this app is older than the database: update the app


def schema_state(connection: Connection) -> SchemaState:
    rev = current_revision(connection)
    if rev is None:
        return SchemaState.MISSING
    if rev == head_revision():
        return SchemaState.CURRENT
    if rev in known_revisions():
        return SchemaState.OLDER
    return SchemaState.NEWER


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``, all steps in one transaction."""
    from alembic import command

    from bowebb_console.store.db.engine import no_statement_timeout

    with engine.begin() as conn:
        # A migration may rewrite a big table; its lock waits stay limited (engine.py).
        no_statement_timeout(conn)
        command.upgrade(alembic_config(conn), revision)
