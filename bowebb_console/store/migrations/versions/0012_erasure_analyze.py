"""Erasure: the wipe refreshes the planner's statistics of the tables it rewrites (issue 14).

``erasure_rewrite`` (migration 0009) rewrites an erased table's files as its owner; the
statistics PostgreSQL gathered before (``pg_statistic``, shown in ``pg_stats``: most common
values, histogram bounds) still held the erased values of the columns that gather them (a
purged customer's name, a sole trader's org number). The function now runs ``ANALYZE`` on the
table after the rewrite, as the owner, so the statistics are of the rows left. SQLite keeps
no such statistics of values (``sqlite_stat1`` holds counts only).

Revision ID: 0012
Revises: 0011 (the lead re-chains)
Create Date: 2026-12-06
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_PATH = "SET search_path = pg_catalog, public, pg_temp"

# A frozen copy of 0009's function with the ANALYZE added (migrations never import today's
# code).
_PG_ERASURE_REWRITE = rf"""
CREATE OR REPLACE FUNCTION public.erasure_rewrite(tbl text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    col record;
BEGIN
    IF NOT public.bowebb_role('admin') THEN
        RAISE EXCEPTION 'only admins wipe erased data' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF tbl NOT IN ('customer', 'contact', 'sftp_profile', 'log_payload', 'session_summary',
                   'erasure_certificate', 'purge_approval', 'erasure_request', 'notice_export')
    THEN
        RAISE EXCEPTION '% is not rewritten this way', tbl
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS full_type,
           pg_catalog.format_type(a.atttypid, NULL) AS base_type INTO col
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = ('public.' || pg_catalog.quote_ident(tbl))::regclass
      AND a.attnum > 0 AND NOT a.attisdropped
      AND pg_catalog.format_type(a.atttypid, NULL)
          IN ('integer', 'bigint', 'smallint', 'text', 'character varying', 'bytea')
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = a.attrelid
                      AND a.attnum = ANY(i.indkey))
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conrelid = a.attrelid
                      AND a.attnum = ANY(k.conkey))
    ORDER BY a.attnum LIMIT 1;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    EXECUTE pg_catalog.format('ALTER TABLE public.%I ALTER COLUMN %I TYPE %s USING (%s)',
        tbl, col.name, col.full_type,
        CASE WHEN col.base_type IN ('integer', 'bigint', 'smallint')
             THEN pg_catalog.format('%I + 0', col.name)
             WHEN col.base_type = 'bytea' THEN pg_catalog.format('%I || ''''::bytea', col.name)
             ELSE pg_catalog.format('%I || ''''', col.name) END);
    -- The statistics gathered before held the erased values: gather them again.
    EXECUTE pg_catalog.format('ANALYZE public.%I', tbl);
    RETURN true;
END $$
"""


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"bowebb_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_ERASURE_REWRITE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        body: str = _migration("0009_records.py")._PG_ERASURE_REWRITE
        op.execute(body.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
