"""Remote tools are processors too (issue 15, item 7).

- ``sub_processor.remote_tool``: the remote-control tool an entry of the register covers, as
  the consent dialog names it ("AnyDesk"); unique, empty for every other sub-processor.
- PostgreSQL: ``log_payload_check`` (0008/0009, patched here by its live text) refuses a
  ``session_started`` payload naming a tool whose entry is flagged — no signed DPA, a
  processing or storage location outside the EU (EEA-only countries too), or ended — or a
  tool no entry covers once the register links any tool, unless the payload carries a
  non-blank ``tool_flag_reason``: the same way ``dpa_missing_reason`` is required for a
  customer with no signed DPA. The rule is ``domain.subprocessor_flags.tool_flags``; the
  log writer reads the register's columns it needs (store.db.grants.LOG_WRITER_READS).
  SQLite (single user) keeps the rule in the application (store.sessions.events).

Revision ID: 0017
Revises: 0016 (the lead re-chains)
Create Date: 2026-12-06
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"bowebb_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# domain.countries.EU_MEMBERS as of this migration (a migration keeps its own copy).
EU_MEMBERS = """AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"""
_EU = ", ".join(f"'{c}'" for c in EU_MEMBERS.split(" "))
_END = "    RETURN NEW;\nEND"
_TOOL_RULE = f"""    -- Issue 15, item 7 (0017): a flagged remote tool needs a logged reason.
    IF e.kind = 'session_started'
       AND coalesce(NEW.payload::jsonb ->> 'tool', '') <> ''
       AND pg_catalog.btrim(coalesce(NEW.payload::jsonb ->> 'tool_flag_reason', '')) = ''
       AND (EXISTS (SELECT 1 FROM public.sub_processor s
                    WHERE s.remote_tool = NEW.payload::jsonb ->> 'tool'
                    AND (s.dpa_signed_on IS NULL OR s.status = 'ended'
                         OR EXISTS (SELECT 1 FROM pg_catalog.unnest(pg_catalog.string_to_array(
                                        s.locations || ',' || s.storage_locations, ','))
                                        AS l(code)
                                    WHERE pg_catalog.btrim(l.code) <> ''
                                    AND pg_catalog.upper(pg_catalog.btrim(l.code))
                                        <> ALL (ARRAY[{_EU}]))))
            OR (NOT EXISTS (SELECT 1 FROM public.sub_processor s
                            WHERE s.remote_tool = NEW.payload::jsonb ->> 'tool')
                AND EXISTS (SELECT 1 FROM public.sub_processor s
                            WHERE s.remote_tool IS NOT NULL))) THEN
        RAISE EXCEPTION 'the remote tool % is flagged in the sub-processor register: %',
            NEW.payload::jsonb ->> 'tool', 'starting needs a reason'
            USING ERRCODE = 'check_violation';
    END IF;
"""


def _payload_check() -> str:
    return str(
        op.get_bind()
        .execute(sa.text("SELECT pg_get_functiondef('public.log_payload_check()'::regprocedure)"))
        .scalar_one()
    )


def upgrade() -> None:
    op.add_column("sub_processor", sa.Column("remote_tool", sa.String(40)))
    op.create_index("ix_sub_processor_remote_tool", "sub_processor", ["remote_tool"], unique=True)
    if op.get_bind().dialect.name == "postgresql":
        body = _payload_check()
        assert body.count(_END) == 1, "log_payload_check changed: update 0017"
        _migration("0009_records.py")._as_owner_of(
            "log_payload_check", body.replace(_END, _TOOL_RULE + _END)
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        body = _payload_check()
        if _TOOL_RULE in body:
            _migration("0009_records.py")._as_owner_of(
                "log_payload_check", body.replace(_TOOL_RULE, "")
            )
    op.drop_index("ix_sub_processor_remote_tool", "sub_processor")
    with op.batch_alter_table("sub_processor") as batch:
        batch.drop_column("remote_tool")
