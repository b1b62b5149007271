"""SQLite's contact search index without the phone column (issue 17: imports).

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-07

``contact_fts`` (migrations 0003, 0011) indexed ``name_plain``, ``email_folded`` and
``phone``, but no search reads its phone trigrams: phone numbers are matched by prefix on
``ix_contact_phone`` (store.customers.search, ``_fts_fields``). They were about a fifth of the
index, written for every new or changed contact and indexed again by every bulk import. The
table is made again with the two columns searched and rebuilt from ``contact`` (an external
content table: nothing but the index is stored); a phone change no longer touches it.
PostgreSQL: nothing to do (its trigram indexes are per column already).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0028"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_COLUMNS = ("name_plain", "email_folded")
OLD_COLUMNS = ("name_plain", "email_folded", "phone")


def _contact_fts(cols: tuple[str, ...]) -> list[str]:
    """The table, its three triggers (as 0011 made them) and its rebuild."""
    col_list = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    return [
        "DROP TRIGGER IF EXISTS contact_fts_ai",
        "DROP TRIGGER IF EXISTS contact_fts_ad",
        "DROP TRIGGER IF EXISTS contact_fts_au",
        "DROP TABLE IF EXISTS contact_fts",
        f"CREATE VIRTUAL TABLE contact_fts USING fts5({col_list}, content='contact', "
        "content_rowid='id', tokenize='trigram case_sensitive 0')",
        "CREATE TRIGGER contact_fts_ai AFTER INSERT ON contact BEGIN "
        f"INSERT INTO contact_fts(rowid, {col_list}) VALUES (new.id, {new}); END",
        "CREATE TRIGGER contact_fts_ad AFTER DELETE ON contact BEGIN "
        f"INSERT INTO contact_fts(contact_fts, rowid, {col_list}) VALUES ('delete', old.id, "
        f"{old}); END",
        f"CREATE TRIGGER contact_fts_au AFTER UPDATE OF {col_list} ON contact BEGIN "
        f"INSERT INTO contact_fts(contact_fts, rowid, {col_list}) VALUES ('delete', old.id, "
        f"{old}); INSERT INTO contact_fts(rowid, {col_list}) VALUES (new.id, {new}); END",
        "INSERT INTO contact_fts(contact_fts) VALUES ('rebuild')",
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return
    for statement in _contact_fts(NEW_COLUMNS):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return
    for statement in _contact_fts(OLD_COLUMNS):
        op.execute(statement)
