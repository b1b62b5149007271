"""Recorded-change events of customers and contacts built set-based (issue 17: imports).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06

PostgreSQL only. 0009's ``record_change`` statement trigger called ``change_row`` (a SQL
function with a fixed ``search_path``, so never inlined) once per changed row: 5,000 imported
contacts took 1.2 s in the trigger against 0.3 s for the insert itself, the bulk of a large
import. For ``customer`` and ``contact`` the trigger now builds the same rows with one
statement over the transition tables (its column list from the trigger's own arguments, as
before); every other table keeps ``change_row``. The payload is the same value: ``id``,
``customer_id``, and the tracked columns that changed (an insert: those with a value; a
delete: likewise, before), compared column by column (text, dates and integers: equal as SQL
values exactly when equal as JSON). ``tests/store/log/test_changes.py`` checks that
multi-row statements record the same payloads as SQLite's notes (``change_row``'s rule).
The function keeps its owner (the log writer), ``SECURITY DEFINER`` and its fixed
``search_path``; SQLite is unchanged (its row triggers note the changes, store.log.changes).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"bowebb_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The rows of one statement, for tables whose tracked columns are plain scalars and which have
# an ``id`` (customer: also the customer id) or ``customer_id`` column; inserts and deletes
# are built as json (cheaper to build) and turned into the same jsonb value once. %1$s: the
# customer-id column; %2$s/%3$s: 'col', n.col / 'col', o.col pairs; %4$s: the unchanged
# columns' names (CASE ... END, NULL when changed); %5$s: "any column changed".
_FAST_INSERT = (
    "SELECT pg_catalog.json_agg(r ORDER BY i)::jsonb FROM ("
    "SELECT n.id AS i, pg_catalog.json_build_object('id', n.id, 'customer_id', n.%1$I, "
    "'before', '{}'::json, 'after', pg_catalog.json_strip_nulls("
    "pg_catalog.json_build_object(%2$s))) AS r FROM new_rows n) d "
    "WHERE (r OPERATOR(pg_catalog.->) 'after')::text <> '{}'"
)
_FAST_DELETE = (
    "SELECT pg_catalog.json_agg(r ORDER BY i)::jsonb FROM ("
    "SELECT o.id AS i, pg_catalog.json_build_object('id', o.id, 'customer_id', o.%1$I, "
    "'before', pg_catalog.json_strip_nulls(pg_catalog.json_build_object(%3$s)), "
    "'after', '{}'::json) AS r FROM old_rows o) d "
    "WHERE (r OPERATOR(pg_catalog.->) 'before')::text <> '{}'"
)
_FAST_UPDATE = (
    "SELECT pg_catalog.jsonb_agg(r ORDER BY (r ->> 'id')::bigint) FROM ("
    "SELECT pg_catalog.jsonb_build_object('id', n.id, 'customer_id', n.%1$I, "
    "'before', pg_catalog.jsonb_build_object(%3$s) OPERATOR(pg_catalog.-) "
    "pg_catalog.array_remove(ARRAY[%4$s]::text[], NULL), "
    "'after', pg_catalog.jsonb_build_object(%2$s) OPERATOR(pg_catalog.-) "
    "pg_catalog.array_remove(ARRAY[%4$s]::text[], NULL)) AS r "
    "FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE %5$s) d"
)


def _record_change(m9: ModuleType) -> str:
    old: str = m9._PG_RECORD_CHANGE
    head, _, rest = old.partition("    IF TG_OP = 'INSERT' THEN\n")
    original, marker, tail = rest.partition("    IF changed IS NULL THEN\n")
    assert marker and original, "0009's record_change is not as expected"
    fast = f"""    IF TG_TABLE_NAME IN ('customer', 'contact') THEN
        SELECT pg_catalog.string_agg(pg_catalog.format('%L, n.%I', c, c), ', '),
               pg_catalog.string_agg(pg_catalog.format('%L, o.%I', c, c), ', '),
               pg_catalog.string_agg(pg_catalog.format(
                   'CASE WHEN o.%I IS NOT DISTINCT FROM n.%I THEN %L END', c, c, c), ', '),
               pg_catalog.string_agg(pg_catalog.format('o.%I IS DISTINCT FROM n.%I', c, c),
                                     ' OR ')
          INTO pairs_new, pairs_old, same_cols, any_changed
          FROM pg_catalog.unnest(cols) c;
        customer_col := CASE WHEN TG_TABLE_NAME = 'customer' THEN 'id' ELSE 'customer_id' END;
        IF TG_OP = 'INSERT' THEN
            EXECUTE pg_catalog.format({_sql(_FAST_INSERT)}, customer_col, pairs_new)
                INTO changed;
        ELSIF TG_OP = 'UPDATE' THEN
            EXECUTE pg_catalog.format({_sql(_FAST_UPDATE)}, customer_col, pairs_new, pairs_old,
                                      same_cols, any_changed)
                INTO changed;
        ELSE
            EXECUTE pg_catalog.format({_sql(_FAST_DELETE)}, customer_col, pairs_new, pairs_old)
                INTO changed;
        END IF;
    ELSIF TG_OP = 'INSERT' THEN
"""
    head = head.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    declare = "    new_seq bigint;\n"
    assert declare in head
    head = head.replace(
        declare,
        declare + "    pairs_new text;\n    pairs_old text;\n    same_cols text;\n"
        "    any_changed text;\n    customer_col text;\n",
    )
    return head + fast + original + marker + tail


def _sql(statement: str) -> str:
    """A SQL string literal inside the function body."""
    return "'" + statement.replace("'", "''") + "'"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    m9 = _migration("0009_records.py")
    m9._as_owner_of("record_change", _record_change(m9))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    m9 = _migration("0009_records.py")
    body = m9._PG_RECORD_CHANGE.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    m9._as_owner_of("record_change", body)
