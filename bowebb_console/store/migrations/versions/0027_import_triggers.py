"""Cheaper per-row trigger work for bulk writes of customers and contacts (issue 17: imports).

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07

PostgreSQL only; every function is patched by its live text (as 0021 and 0024 do) and keeps
its owner, ``SECURITY DEFINER`` (where it had it) and fixed ``search_path``. Nothing is
allowed or refused that was not before: each change only skips work whose result the
function does not use. Measured with auto_explain's nested statements and track_functions
for 5,000 new customers (docs/performance.md, CSV import):

- ``customer_guard`` (0013) asked ``bowebb_role('admin')`` and ``bowebb_role('lead')``
  (``pg_has_role`` over the app's roles) for every row, 60 us a row: now only for a row the
  guard would refuse without them (a hard-delete date, a terminated customer, a DPA, a
  status change other than trial -> active). The same rows are refused, with the same
  messages, for the same logins.
- ``customer_lifecycle`` (0013) read ``lifecycle_setting`` for every inserted or changed row:
  now only for the rows whose dates it computes from it (terminated; trial with a
  registration date). An active customer's dates are cleared as before.
- ``session_summary_apply`` (0007) parsed every payload as jsonb before looking at the
  event's kind: a 5,000-row change event's payload (~1 MB) was parsed for nothing. It now
  parses only for the kinds it summarises (customer and contact changes are not).
- ``record_change`` (0023): the insert and delete rows were built twice per row (the
  sub-select was flattened into its filter): ``OFFSET 0`` keeps the sub-select, so each row's
  JSON is built once. Same rows, same order, same payload.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_GUARD_OLD = """    IF public.bowebb_role('admin') THEN
        RETURN NEW;
    END IF;
    lead := public.bowebb_role('lead');
    IF TG_OP = 'INSERT' THEN
        IF NEW.hard_delete_due IS NOT NULL THEN
            RAISE EXCEPTION 'only admins set a hard-delete date'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT lead AND (NEW.status NOT IN ('trial', 'active') OR NEW.terminated_on IS NOT NULL
                         OR NEW.dpa_signed_on IS NOT NULL OR NEW.dpa_version IS NOT NULL
                         OR NEW.dpa_reference IS NOT NULL) THEN
            RAISE EXCEPTION 'only team leads and admins record a DPA or a terminated customer'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF NOT lead AND NEW.status IS DISTINCT FROM OLD.status
          AND NOT (OLD.status = 'trial' AND NEW.status = 'active') THEN
        RAISE EXCEPTION 'only team leads and admins terminate or reactivate a customer'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
"""
# 0027: the roles are asked only for a row that needs them (a bulk insert of ordinary
# customers asked twice per row); the same rows are refused for the same logins.
_GUARD_NEW = """    -- 0027: the roles are asked only for a row the guard would otherwise refuse.
    IF TG_OP = 'INSERT' THEN
        IF NEW.hard_delete_due IS NOT NULL THEN
            IF public.bowebb_role('admin') THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'only admins set a hard-delete date'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NEW.status NOT IN ('trial', 'active') OR NEW.terminated_on IS NOT NULL
            OR NEW.dpa_signed_on IS NOT NULL OR NEW.dpa_version IS NOT NULL
            OR NEW.dpa_reference IS NOT NULL) THEN
            IF public.bowebb_role('admin') THEN
                RETURN NEW;
            END IF;
            lead := public.bowebb_role('lead');
            IF NOT lead THEN
                RAISE EXCEPTION 'only team leads and admins record a DPA or a terminated customer'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
    ELSIF NEW.status IS DISTINCT FROM OLD.status
          AND NOT (OLD.status = 'trial' AND NEW.status = 'active') THEN
        IF public.bowebb_role('admin') THEN
            RETURN NEW;
        END IF;
        lead := public.bowebb_role('lead');
        IF NOT lead THEN
            RAISE EXCEPTION 'only team leads and admins terminate or reactivate a customer'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
"""

_LIFECYCLE_OLD = """    SELECT * INTO s FROM public.lifecycle_setting WHERE id = 1;
    IF NEW.status = 'terminated' THEN
"""
_LIFECYCLE_NEW = """    -- 0027: the setting is read only for the rows whose dates use it.
    IF NEW.status = 'terminated'
       OR (NEW.status = 'trial' AND NEW.trial_registered_on IS NOT NULL) THEN
        SELECT * INTO s FROM public.lifecycle_setting WHERE id = 1;
    END IF;
    IF NEW.status = 'terminated' THEN
"""

_APPLY_DECLARE_OLD = "    p jsonb := NEW.payload::jsonb;\n"
_APPLY_DECLARE_NEW = "    p jsonb;\n"
_APPLY_SELECT = (
    "    SELECT seq, session_uuid, kind, actor, at INTO e FROM public.log_event "
    "WHERE seq = NEW.seq;\n"
)
_APPLY_PARSE = """    -- 0027: change events' payloads (~1 MB in an import) are not summarised.
    IF e.kind NOT IN ('customer_changed', 'contact_changed') THEN
        p := NEW.payload::jsonb;
    END IF;
"""

_RECORD_PAIRS = (
    (
        "FROM new_rows n) d WHERE (r OPERATOR(pg_catalog.->) ''after'')",
        "FROM new_rows n OFFSET 0) d WHERE (r OPERATOR(pg_catalog.->) ''after'')",
    ),
    (
        "FROM old_rows o) d WHERE (r OPERATOR(pg_catalog.->) ''before'')",
        "FROM old_rows o OFFSET 0) d WHERE (r OPERATOR(pg_catalog.->) ''before'')",
    ),
)


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"bowebb_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _definition(function: str) -> str:
    return str(
        op.get_bind()
        .execute(sa.text(f"SELECT pg_get_functiondef('public.{function}()'::regprocedure)"))
        .scalar_one()
    )


def _patch(function: str, pairs: Sequence[tuple[str, str]]) -> None:
    body = _definition(function)
    for old, new in pairs:
        assert body.count(old) == 1, f"{function} is not as expected: update 0027"
        body = body.replace(old, new)
    _migration("0009_records.py")._as_owner_of(function, body)


def _pairs(reverse: bool) -> dict[str, list[tuple[str, str]]]:
    pairs = {
        "customer_guard": [(_GUARD_OLD, _GUARD_NEW)],
        "customer_lifecycle": [(_LIFECYCLE_OLD, _LIFECYCLE_NEW)],
        "session_summary_apply": [
            (_APPLY_DECLARE_OLD, _APPLY_DECLARE_NEW),
            (_APPLY_SELECT, _APPLY_SELECT + _APPLY_PARSE),
        ],
        "record_change": list(_RECORD_PAIRS),
    }
    if reverse:
        return {f: [(new, old) for old, new in reversed(p)] for f, p in pairs.items()}
    return pairs


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for function, pairs in _pairs(reverse=False).items():
        _patch(function, pairs)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for function, pairs in _pairs(reverse=True).items():
        _patch(function, pairs)
