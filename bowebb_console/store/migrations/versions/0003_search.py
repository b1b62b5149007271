"""Customer search: folded search keys, full-text indexes, and the notice-export record.

SQLite: FTS5 trigram tables with external content (the text stays in ``customer``/``contact``
only; the index holds trigrams and row ids), kept in sync by triggers on insert, update and
delete. A deleted row's trigrams are unreachable at once and physically gone after
``store.search.compact_search_index`` (FTS5 'optimize'), which erasure runs: SQLite 3.40 has
no FTS5 secure-delete. Plain indexes on the folded columns serve short prefix look-ups.

PostgreSQL: pg_trgm GIN indexes (substring and fuzzy) and ``text_pattern_ops`` btrees (prefix
LIKE, independent of the database collation) on the same folded columns.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


def fold(text: str | None) -> str:
    """A frozen copy of domain.search_text.fold as of this revision (a migration never
    imports today's code): NFKC, case-folded, whitespace runs collapsed."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(unicodedata.normalize("NFC", folded).split())


revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (FTS table, content table, indexed columns)
SQLITE_FTS = (
    ("customer_fts", "customer", ("name_folded", "org_number")),
    ("contact_fts", "contact", ("name_folded", "email_folded", "phone")),
)

PG_INDEXES = (
    "CREATE INDEX ix_customer_name_trgm ON customer USING gin (name_folded gin_trgm_ops)",
    "CREATE INDEX ix_customer_name_prefix ON customer (name_folded text_pattern_ops)",
    "CREATE INDEX ix_customer_org_prefix ON customer (org_number text_pattern_ops)",
    "CREATE INDEX ix_customer_org_trgm ON customer USING gin (org_number gin_trgm_ops)",
    "CREATE INDEX ix_contact_name_trgm ON contact USING gin (name_folded gin_trgm_ops)",
    "CREATE INDEX ix_contact_name_prefix ON contact (name_folded text_pattern_ops)",
    "CREATE INDEX ix_contact_email_trgm ON contact USING gin (email_folded gin_trgm_ops)",
    "CREATE INDEX ix_contact_email_prefix ON contact (email_folded text_pattern_ops)",
    "CREATE INDEX ix_contact_phone_prefix ON contact (phone text_pattern_ops)",
)

SQLITE_INDEXES = (
    "CREATE INDEX ix_customer_name_folded ON customer (name_folded)",
    "CREATE INDEX ix_contact_name_folded ON contact (name_folded)",
    "CREATE INDEX ix_contact_email_folded ON contact (email_folded)",
    "CREATE INDEX ix_contact_phone ON contact (phone)",
)


def _sqlite_fts() -> list[str]:
    statements = []
    for fts, table, cols in SQLITE_FTS:
        col_list = ", ".join(cols)
        new = ", ".join(f"new.{c}" for c in cols)
        old = ", ".join(f"old.{c}" for c in cols)
        # case_sensitive 0 folds Unicode too; the columns are folded already, this is a
        # second line of defence for text written around the ORM.
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


def _backfill() -> None:
    """Fold the existing rows' names and addresses (Python folding: see domain.search_text)."""
    bind = op.get_bind()
    customer = sa.table("customer", sa.column("id"), sa.column("name"), sa.column("name_folded"))
    contact = sa.table(
        "contact",
        sa.column("id"),
        sa.column("name"),
        sa.column("name_folded"),
        sa.column("email"),
        sa.column("email_folded"),
    )
    rows = bind.execute(sa.select(customer.c.id, customer.c.name)).all()
    if rows:
        bind.execute(
            customer.update()
            .where(customer.c.id == sa.bindparam("b_id"))
            .values(name_folded=sa.bindparam("b_name")),
            [{"b_id": r.id, "b_name": fold(r.name)} for r in rows],
        )
    people = bind.execute(sa.select(contact.c.id, contact.c.name, contact.c.email)).all()
    if people:
        bind.execute(
            contact.update()
            .where(contact.c.id == sa.bindparam("b_id"))
            .values(name_folded=sa.bindparam("b_name"), email_folded=sa.bindparam("b_email")),
            [{"b_id": r.id, "b_name": fold(r.name), "b_email": fold(r.email)} for r in people],
        )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    # Plain ADD COLUMN (no batch copy): SQLite allows NOT NULL with a constant default.
    for table, column, length in (
        ("customer", "name_folded", 400),
        ("contact", "name_folded", 400),
        ("contact", "email_folded", 508),
    ):
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} VARCHAR({length}) NOT NULL DEFAULT ''")
    _backfill()

    op.create_table(
        "notice_export",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "actor",
            sa.String(128),
            nullable=False,
            server_default=sa.text("session_user") if dialect == "postgresql" else None,
        ),
        sa.Column(
            "exported_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.current_timestamp(),
            nullable=False,
        ),
        sa.Column("recipient_count", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.CheckConstraint("recipient_count >= 0", name="recipient_count"),
        sa.CheckConstraint("length(reason) > 0", name="reason"),
    )

    if dialect == "postgresql":
        for statement in PG_INDEXES:
            op.execute(statement)
        # The actor is the server's session_user whatever the client sends (DESIGN.md).
        op.execute(
            """
            CREATE FUNCTION notice_export_actor() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.actor := session_user;
                NEW.exported_at := current_timestamp;
                RETURN NEW;
            END $$
            """
        )
        op.execute(
            "CREATE TRIGGER notice_export_actor BEFORE INSERT ON notice_export "
            "FOR EACH ROW EXECUTE FUNCTION notice_export_actor()"
        )
    else:
        for statement in SQLITE_INDEXES:
            op.execute(statement)
        for statement in _sqlite_fts():
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS notice_export_actor ON notice_export")
        op.execute("DROP FUNCTION IF EXISTS notice_export_actor()")
        for statement in PG_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {statement.split()[2]}")
    else:
        for fts, _table, _cols in SQLITE_FTS:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
        for statement in SQLITE_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {statement.split()[2]}")
    op.drop_table("notice_export")
    with op.batch_alter_table("contact") as batch:
        batch.drop_column("email_folded")
        batch.drop_column("name_folded")
    with op.batch_alter_table("customer") as batch:
        batch.drop_column("name_folded")
