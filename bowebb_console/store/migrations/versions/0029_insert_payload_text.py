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
    "            -- 0029: the payload's text straight from json (no jsonb round trip).\n"
    "            EXECUTE pg_catalog.format('SELECT %3$s OPERATOR(pg_catalog.||) ''\"customer_ids\":'' "
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


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _patch(_PAIRS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _patch([(new, old) for old, new in reversed(_PAIRS)])
