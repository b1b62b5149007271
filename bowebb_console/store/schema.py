"""Schema revisions through Alembic, run programmatically (no alembic.ini on users' machines)."""

from __future__ import annotations

import enum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# SQLite FTS5 tables (and their shadow tables) made by migration 0003: not ORM models.
SEARCH_INDEX_TABLES = ("customer_fts", "contact_fts")


def is_model_table(name: str | None) -> bool:
    """False for the full-text index tables, which compare_metadata must not report."""
    return not (name or "").startswith(SEARCH_INDEX_TABLES)


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return MigrationContext.configure(connection).get_current_revision()


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
    """Bring the schema to ``revision``; each migration step runs in the transaction."""
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
