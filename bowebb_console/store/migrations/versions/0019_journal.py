"""The erasure journal's one place, and no erased values in the planner's statistics (issue 14).

- ``lifecycle_setting.erasure_journal_dir``: the folder of the erasure journal for this
  database, one for every workstation (empty: not set). On PostgreSQL only admins may change
  it (the table's grants, store.db.grants) and an erasure or purge is refused while it is not
  set; on SQLite an empty value means the console's default folder (config.Paths.journal_dir,
  never the database file's own folder). The CHECK keeps it an absolute path of sane length.
- PostgreSQL's ``pg_statistic`` kept the values ANALYZE had sampled (most common values,
  histogram bounds) of the erasable tables' text columns; the wipe's ANALYZE (migration 0012)
  replaced them, but the replaced catalog rows stayed in pg_statistic's files. The text-like
  columns of every table the wipe rewrites now gather no value statistics (``SET STATISTICS
  0``): their values never reach the catalog. (The one expression index on them,
  ``ix_log_payload_customer``, holds customer ids only and keeps its statistics.) Statistics
  gathered before this migration are removed when it runs as a superuser (otherwise the guide
  tells the DBA how; docs/guide-admins.md, "Upgrades").

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables erasure_rewrite (migration 0012) rewrites: their values are the erased ones.
ERASABLE = (
    "customer",
    "contact",
    "sftp_profile",
    "log_payload",
    "session_summary",
    "erasure_certificate",
    "purge_approval",
    "erasure_request",
    "notice_export",
)

_PG_NO_VALUE_STATISTICS = r"""
DO $$
DECLARE
    c record;
    su boolean := (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user);
BEGIN
    FOR c IN
        SELECT cl.relname, a.attname, a.attnum, cl.oid
        FROM pg_catalog.pg_class cl
        JOIN pg_catalog.pg_attribute a ON a.attrelid = cl.oid
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        WHERE cl.relnamespace = 'public'::regnamespace AND cl.relkind IN ('r', 'p')
          AND cl.relname = ANY(:tables)
          AND a.attnum > 0 AND NOT a.attisdropped
          AND t.typcategory IN ('S', 'U', 'A')
    LOOP
        EXECUTE format('ALTER TABLE public.%I ALTER COLUMN %I SET STATISTICS 0',
                       c.relname, c.attname);
        IF su THEN
            DELETE FROM pg_catalog.pg_statistic WHERE starelid = c.oid AND staattnum = c.attnum;
        END IF;
    END LOOP;
END $$
"""

_PG_DEFAULT_STATISTICS = _PG_NO_VALUE_STATISTICS.replace("SET STATISTICS 0", "SET STATISTICS -1")


def _tables_array() -> str:
    return "ARRAY[" + ", ".join(f"'{t}'" for t in ERASABLE) + "]::name[]"


def upgrade() -> None:
    op.add_column(
        "lifecycle_setting",
        sa.Column("erasure_journal_dir", sa.Text(), nullable=False, server_default=""),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE lifecycle_setting ADD CONSTRAINT journal_dir CHECK ("
            "erasure_journal_dir = '' OR (length(erasure_journal_dir) <= 1000 AND "
            "erasure_journal_dir ~ '^(/|[A-Za-z]:[\\\\/]|\\\\\\\\)'))"
        )
        op.execute(_PG_NO_VALUE_STATISTICS.replace(":tables", _tables_array()))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            _PG_DEFAULT_STATISTICS.replace(":tables", _tables_array()).replace(
                "IF su THEN", "IF false THEN"
            )
        )
        op.execute("ALTER TABLE lifecycle_setting DROP CONSTRAINT journal_dir")
    op.execute("ALTER TABLE lifecycle_setting DROP COLUMN erasure_journal_dir")
