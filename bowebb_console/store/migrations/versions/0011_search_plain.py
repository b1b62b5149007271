"""Search: a diacritic-insensitive key beside the folded one (issue 17).

``customer.name_plain`` and ``contact.name_plain`` hold the name folded *and* stripped of
diacritics (``domain.search_text.plain``: å, ä → a, ö → o, é → e ...), so ``Angstrom Optik``
finds "Ångström Optik AB" and ``Wall Sjostrom`` finds "Wall Sjöström". Search matches names
on this key and ranks the exact spelling (``name_folded``) first.

The name indexes move to the new key: SQLite's FTS5 trigram tables are re-made over
``name_plain`` (same table names, so erasure's 'optimize' is unchanged) and the plain btree
indexes follow; PostgreSQL gets pg_trgm GIN and ``text_pattern_ops`` indexes on
``name_plain`` in place of those on ``name_folded`` (which search no longer reads).
``contact.name_plain`` is personal data: like the other personal columns (migration 0008) it
gathers no planner statistics on PostgreSQL.

Existing rows are backfilled in batches (keyset by id), never all at once.

Revision ID: 0011
Revises: 0010 (the lead re-chains)
Create Date: 2026-12-06
"""

import importlib.util
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000

# A frozen copy of domain.search_text.plain as of this revision: a migration never imports
# today's code, whose folding may change after this backfill ran.
_EXTRA = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ŋ": "n"}
)


def plain(text: str | None) -> str:
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = " ".join(unicodedata.normalize("NFC", folded).split())
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"bowebb_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The erasure's anonymisation (migration 0009) overwrites the new key too, or an anonymised
# name would stay findable.
_ANONYMISED = "email_folded = values_ ->> 'email_folded',"
_ANONYMISED_PLAIN = _ANONYMISED + " name_plain = values_ ->> 'name_plain',"


def _anonymise(with_plain: bool) -> str:
    body: str = _migration("0009_records.py")._PG_ERASURE_ANONYMISE
    assert body.count(_ANONYMISED) == 1, "0009's anonymisation changed: update 0011"
    body = body.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    return body.replace(_ANONYMISED, _ANONYMISED_PLAIN) if with_plain else body


SQLITE_FTS = (
    ("customer_fts", "customer", ("name_plain", "org_number")),
    ("contact_fts", "contact", ("name_plain", "email_folded", "phone")),
)
OLD_SQLITE_FTS = (
    ("customer_fts", "customer", ("name_folded", "org_number")),
    ("contact_fts", "contact", ("name_folded", "email_folded", "phone")),
)
SQLITE_INDEXES = (
    "CREATE INDEX ix_customer_name_plain ON customer (name_plain)",
    "CREATE INDEX ix_contact_name_plain ON contact (name_plain)",
)
OLD_SQLITE_INDEXES = (
    "CREATE INDEX ix_customer_name_folded ON customer (name_folded)",
    "CREATE INDEX ix_contact_name_folded ON contact (name_folded)",
)
PG_INDEXES = (
    "CREATE INDEX ix_customer_name_plain_trgm ON customer USING gin (name_plain gin_trgm_ops)",
    "CREATE INDEX ix_customer_name_plain_prefix ON customer (name_plain text_pattern_ops)",
    "CREATE INDEX ix_contact_name_plain_trgm ON contact USING gin (name_plain gin_trgm_ops)",
    "CREATE INDEX ix_contact_name_plain_prefix ON contact (name_plain text_pattern_ops)",
)
OLD_PG_INDEXES = (
    "CREATE INDEX ix_customer_name_trgm ON customer USING gin (name_folded gin_trgm_ops)",
    "CREATE INDEX ix_customer_name_prefix ON customer (name_folded text_pattern_ops)",
    "CREATE INDEX ix_contact_name_trgm ON contact USING gin (name_folded gin_trgm_ops)",
    "CREATE INDEX ix_contact_name_prefix ON contact (name_folded text_pattern_ops)",
)


def _fts(tables: tuple[tuple[str, str, tuple[str, ...]], ...]) -> list[str]:
    statements = []
    for fts, table, cols in tables:
        col_list = ", ".join(cols)
        new = ", ".join(f"new.{c}" for c in cols)
        old = ", ".join(f"old.{c}" for c in cols)
        statements += [
            f"CREATE VIRTUAL TABLE {fts} USING fts5({col_list}, content='{table}', "
            f"content_rowid='id', tokenize='trigram case_sensitive 0')",
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.id, {new}); END",
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.id, {old}); END",
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {col_list} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.id, {new}); END",
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        ]
    return statements


def _drop_fts() -> None:
    for fts, _table, _cols in SQLITE_FTS:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")


def _backfill(table: str) -> None:
    bind = op.get_bind()
    t = sa.table(table, sa.column("id"), sa.column("name"), sa.column("name_plain"))
    last = 0
    while True:
        rows = bind.execute(
            sa.select(t.c.id, t.c.name).where(t.c.id > last).order_by(t.c.id).limit(BATCH)
        ).all()
        if not rows:
            return
        bind.execute(
            t.update().where(t.c.id == sa.bindparam("b_id")).values(name_plain=sa.bindparam("b")),
            [{"b_id": r.id, "b": plain(r.name)} for r in rows],
        )
        last = rows[-1].id


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in ("customer", "contact"):
        op.execute(f"ALTER TABLE {table} ADD COLUMN name_plain VARCHAR(400) NOT NULL DEFAULT ''")
    if dialect == "postgresql":
        op.execute("ALTER TABLE contact ALTER COLUMN name_plain SET STATISTICS 0")
        for statement in OLD_PG_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {statement.split()[2]}")
    else:
        _drop_fts()
        for statement in OLD_SQLITE_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {statement.split()[2]}")
    for table in ("customer", "contact"):
        _backfill(table)
    if dialect == "postgresql":
        for statement in PG_INDEXES:
            op.execute(statement)
        op.execute(_anonymise(with_plain=True))
    else:
        for statement in SQLITE_INDEXES:
            op.execute(statement)
        for statement in _fts(SQLITE_FTS):
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(_anonymise(with_plain=False))
        for statement in PG_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {statement.split()[2]}")
        for statement in OLD_PG_INDEXES:
            op.execute(statement)
    else:
        _drop_fts()
        for statement in SQLITE_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {statement.split()[2]}")
        for statement in OLD_SQLITE_INDEXES:
            op.execute(statement)
        for statement in _fts(OLD_SQLITE_FTS):
            op.execute(statement)
    for table in ("contact", "customer"):  # SQLite >= 3.35 drops an unindexed column in place
        op.execute(f"ALTER TABLE {table} DROP COLUMN name_plain")
