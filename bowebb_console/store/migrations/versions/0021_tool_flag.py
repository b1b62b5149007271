"""The lead's review flags a start with a flagged remote tool (issue 15, item 7).

A session started with a remote tool whose sub-processor entry is flagged carries a logged
``tool_flag_reason`` (migration 0018), as a start without a signed DPA carries
``dpa_missing_reason``. ``session_summary.tool_flagged`` records it the way ``dpa_missing``
does, so the Review screen can flag and filter such sessions:

- PostgreSQL: ``session_summary_apply`` (0007, owned by the log writer) sets it on
  ``session_started``; patched by its live text, next to ``dpa_missing``.
- SQLite: the ``session_summary_apply`` trigger, re-created from its live text the same way.
- Existing sessions are back-filled from their start payloads (an erased payload stays unflagged,
  as ``dpa_missing`` does).

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PG_DPA = "dpa_missing = (p ? 'dpa_missing_reason')"
_PG_BOTH = _PG_DPA + ", tool_flagged = (p ? 'tool_flag_reason')"
_SQLITE_DPA = "dpa_missing = json_type(NEW.payload, '$.dpa_missing_reason') IS NOT NULL"
_SQLITE_BOTH = (
    _SQLITE_DPA + ",\n                tool_flagged = json_type(NEW.payload, '$.tool_flag_reason') "
    "IS NOT NULL"
)


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"bowebb_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pg_apply() -> str:
    return str(
        op.get_bind()
        .execute(
            sa.text("SELECT pg_get_functiondef('public.session_summary_apply()'::regprocedure)")
        )
        .scalar_one()
    )


def _sqlite_trigger() -> str:
    return str(
        op.get_bind()
        .execute(
            sa.text(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                "AND name = 'session_summary_apply'"
            )
        )
        .scalar_one()
    )


def _replace(old: str, new: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        body = _pg_apply()
        assert body.count(old) == 1, "session_summary_apply changed: update 0021"
        _migration("0009_records.py")._as_owner_of("session_summary_apply", body.replace(old, new))
    else:
        body = _sqlite_trigger()
        assert body.count(old) == 1, "session_summary_apply changed: update 0021"
        op.execute("DROP TRIGGER session_summary_apply")
        op.execute(body.replace(old, new))


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.execute("ALTER TABLE session_summary ADD COLUMN tool_flagged BOOLEAN DEFAULT false NOT NULL")
    if dialect == "postgresql":
        _replace(_PG_DPA, _PG_BOTH)
        reason = "(p.payload::jsonb ? 'tool_flag_reason')"
    else:
        _replace(_SQLITE_DPA, _SQLITE_BOTH)
        reason = "json_type(p.payload, '$.tool_flag_reason') IS NOT NULL"
    op.execute(
        "UPDATE session_summary SET tool_flagged = true WHERE session_uuid IN ("
        "SELECT e.session_uuid FROM log_event e JOIN log_payload p ON p.seq = e.seq "
        f"WHERE e.kind = 'session_started' AND {reason})"
    )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        _replace(_PG_BOTH, _PG_DPA)
    else:
        _replace(_SQLITE_BOTH, _SQLITE_DPA)
    op.execute("ALTER TABLE session_summary DROP COLUMN tool_flagged")
