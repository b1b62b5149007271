"""An inserted batch's recorded-change payload written as text, without jsonb (issue 17).

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-07

PostgreSQL only; ``record_change`` (0023, 0027) is patched by its live text, as 0027 does,
and keeps its owner and fixed ``search_path``. For an INSERT into ``customer`` or ``contact``
it built the event's rows as json, cast them to jsonb, then took the jsonb apart again for
the customer and contact ids and cast the whole object back to text: at 60,000 rows (a 13 MB
payload) 1.4 s for the rows and 1.2 s for the rest, of a statement's 4.2 s of recording
(docs/performance.md). Now one query over the inserted rows writes the payload's text from
json directly: ``{"contact_ids":[...],"customer_ids":[...],"op":"insert","rows":[...],
"table":"contact"}``, its keys in sorted order as the SQLite side writes them.

The same event, read as JSON: the same rows (each row's JSON as before, built once), in id
order; the distinct customer ids in ascending order (a null first, as jsonb sorts it); the
contact ids in row order; no event when no row has a recorded value. Only the text's
spacing and key order differ (json's ``" : "`` inside the rows), which nothing reads: every
reader parses the payload (``test_changes`` compares the two databases' events parsed), and
the commitment is over the stored text, whatever it is. Updates, deletes and the other
tables are recorded as before.

``log_payload.payload`` is also compressed with lz4 instead of pglz (where the server has
lz4: PostgreSQL 14 and newer, built with it, as Debian's and the official images are; on
the parent and each of its partitions, migration 0025):
a 9 MB payload went into the table in ~45 ms instead of ~190 ms, 2% larger. Only the
values written from now on; old ones stay as they are and read as before (each value
records its own method). Downgrade: pglz again.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0029"
down_revision: str | None = "0028"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INSERT_OLD = (
    "            EXECUTE pg_catalog.format('SELECT pg_catalog.json_agg(r ORDER BY i)::jsonb "
    "FROM (SELECT n.id AS i, pg_catalog.json_build_object(''id'', n.id, ''customer_id'', "
    "n.%1$I, ''before'', ''{}''::json, ''after'', pg_catalog.json_strip_nulls("
    "pg_catalog.json_build_object(%2$s))) AS r FROM new_rows n OFFSET 0) d "
    "WHERE (r OPERATOR(pg_catalog.->) ''after'')::text <> ''{}''', customer_col, pairs_new)\n"
    "                INTO changed;\n"
)
_INSERT_NEW = (
    "            -- 0029: the payload's text is built of json directly (no jsonb round trip).\n"
    "            EXECUTE pg_catalog.format('SELECT %3$s OPERATOR(pg_catalog.||) "
    "''\"customer_ids\":'' "
    "OPERATOR(pg_catalog.||) pg_catalog.json_agg(DISTINCT c ORDER BY c NULLS FIRST)::text "
    "OPERATOR(pg_catalog.||) '',\"op\":\"insert\",\"rows\":'' OPERATOR(pg_catalog.||) "
    "pg_catalog.json_agg(r ORDER BY i)::text OPERATOR(pg_catalog.||) '',\"table\":'' "
    "OPERATOR(pg_catalog.||) pg_catalog.to_json(%4$L::text)::text "
    "OPERATOR(pg_catalog.||) ''}'' "
    "FROM (SELECT n.id AS i, n.%1$I AS c, pg_catalog.json_build_object(''id'', n.id, "
    "''customer_id'', n.%1$I, ''before'', ''{}''::json, ''after'', "
    "pg_catalog.json_strip_nulls(pg_catalog.json_build_object(%2$s))) AS r "
    "FROM new_rows n OFFSET 0) d "
    "WHERE (r OPERATOR(pg_catalog.->) ''after'')::text <> ''{}''', customer_col, pairs_new, "
    "CASE WHEN TG_TABLE_NAME = 'contact' THEN '''{\"contact_ids\":'' OPERATOR(pg_catalog.||) "
    "pg_catalog.json_agg(i ORDER BY i)::text OPERATOR(pg_catalog.||) '','''"
    " ELSE '''{''' END, TG_TABLE_NAME)\n"
    "                INTO body;\n"
)
_BODY_OLD = """    IF changed IS NULL THEN
        RETURN NULL;
    END IF;
    body := (pg_catalog.jsonb_build_object("""
_BODY_NEW = """    IF body IS NOT NULL THEN
        NULL;  -- 0029: an insert's payload text is written above
    ELSIF changed IS NULL THEN
        RETURN NULL;
    ELSE
    body := (pg_catalog.jsonb_build_object("""
_BODY_END_OLD = """           ELSE '{}'::jsonb END)::text;
"""
_BODY_END_NEW = """           ELSE '{}'::jsonb END)::text;
    END IF;
"""
_PAIRS = ((_INSERT_OLD, _INSERT_NEW), (_BODY_OLD, _BODY_NEW), (_BODY_END_OLD, _BODY_END_NEW))


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"bowebb_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _patch(pairs: Sequence[tuple[str, str]]) -> None:
    body = str(
        op.get_bind()
        .execute(sa.text("SELECT pg_get_functiondef('public.record_change()'::regprocedure)"))
        .scalar_one()
    )
    for old, new in pairs:
        assert body.count(old) == 1, "record_change is not as expected: update 0029"
        body = body.replace(old, new)
    _migration("0009_records.py")._as_owner_of("record_change", body)


def _lz4() -> bool:
    """The server can compress with lz4 (the setting lists it among its values)."""
    return bool(
        op.get_bind()
        .execute(
            sa.text(
                "SELECT 'lz4' = ANY(enumvals) FROM pg_catalog.pg_settings "
                "WHERE name = 'default_toast_compression'"
            )
        )
        .scalar()
    )


def _compression(method: str) -> None:
    """The parent (for partitions made later) and each partition (where the values are
    stored): SET COMPRESSION does not recurse."""
    partitions = op.get_bind().execute(
        sa.text(
            "SELECT c.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c "
            "ON c.oid = i.inhrelid WHERE i.inhparent = 'public.log_payload'::regclass "
            "ORDER BY 1"
        )
    )
    for table in ["log_payload", *(str(r[0]) for r in partitions)]:
        op.execute(f"ALTER TABLE public.{table} ALTER COLUMN payload SET COMPRESSION {method}")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _patch(_PAIRS)
        if _lz4():
            _compression("lz4")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _patch([(new, old) for old, new in reversed(_PAIRS)])
        _compression("pglz")
