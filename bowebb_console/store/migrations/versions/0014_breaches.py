"""The breach register (GDPR Art. 33/34; issue 15, item 4).

Revision ID: 0014
Revises: 0011 (re-pointed at merge)
Create Date: 2026-12-06

``breach``: one personal-data breach, from its discovery (the 72-hour clock for notifying IMY
runs from ``discovered_at``) through the decision on notifying IMY and the notification of
the affected customers, to its closing. Every change is written with a chained event
(``breach_recorded``, ``breach_changed``, ``breach_closed``; details in the erasable payload).

PostgreSQL (the boundary): agents have no privilege on the table (store.db.grants); the
``breach_guard`` trigger lets team leads and admins record and edit an open breach, sets
``recorded_by``/``closed_by`` from ``session_user`` whatever the client sends, and lets only
admins close, reopen or change a closed breach. ``log_event_fill`` (0009's rules, replaced
here) accepts the three kinds: recording and changing from leads and admins, closing from
admins only. Merge note: if another new migration replaces ``log_event_fill`` too, compose
the kind lists (see ``_fill_rules``).
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_PATH = "SET search_path = pg_catalog, public, pg_temp"


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"bowebb_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_PG_BREACH_GUARD = rf"""
CREATE FUNCTION public.breach_guard() RETURNS trigger
LANGUAGE plpgsql {SEARCH_PATH} AS $$
DECLARE
    is_admin boolean := public.bowebb_role('admin');
BEGIN
    IF NOT (is_admin OR public.bowebb_role('lead')) THEN
        RAISE EXCEPTION 'only team leads and admins record breaches'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status IS DISTINCT FROM 'open' THEN
            RAISE EXCEPTION 'a breach is recorded open; admins close it'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.recorded_by := session_user;
        NEW.recorded_at := current_timestamp;
        NEW.closed_by := NULL;
        NEW.closed_at := NULL;
        RETURN NEW;
    END IF;
    IF NOT is_admin AND (OLD.status = 'closed' OR NEW.status IS DISTINCT FROM OLD.status) THEN
        RAISE EXCEPTION 'only admins close a breach or change a closed one'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.recorded_by := OLD.recorded_by;
    NEW.recorded_at := OLD.recorded_at;
    IF NEW.status = 'closed' AND OLD.status = 'open' THEN
        NEW.closed_by := session_user;
        NEW.closed_at := current_timestamp;
    ELSIF NEW.status = 'open' THEN
        NEW.closed_by := NULL;
        NEW.closed_at := NULL;
    ELSE
        NEW.closed_by := OLD.closed_by;
        NEW.closed_at := OLD.closed_at;
    END IF;
    RETURN NEW;
END $$
"""

BREACH_KINDS = "'breach_recorded', 'breach_changed', 'breach_closed'"
_KIND_LIST_END = "'contact_changed', 'profile_changed', 'backend_ended')"
_UNKNOWN_CHECK = "    IF NOT (NEW.kind IN ('consent_recorded',"
_BREACH_RULES = """    IF NEW.kind IN ('breach_recorded', 'breach_changed') AND NOT is_lead THEN
        RAISE EXCEPTION 'only team leads and admins may log %', NEW.kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.kind = 'breach_closed' AND NOT is_admin THEN
        RAISE EXCEPTION 'only admins may log %', NEW.kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
"""


def _fill_rules(rules: str) -> str:
    """0009's rules with the breach kinds known and their writers checked."""
    assert rules.count(_KIND_LIST_END) == 1 and rules.count(_UNKNOWN_CHECK) == 1, (
        "0009's kind rules changed: update 0014"
    )
    rules = rules.replace(
        _KIND_LIST_END, _KIND_LIST_END[:-1] + ",\n" + " " * 25 + BREACH_KINDS + ")"
    )
    return rules.replace(_UNKNOWN_CHECK, _BREACH_RULES + _UNKNOWN_CHECK)


def _fill(with_breaches: bool) -> None:
    m7 = _migration("0007_review.py")
    m8 = _migration("0008_boundary.py")
    m9 = _migration("0009_records.py")
    rules = m9._fill_rules(m8._FILL_RULES)
    if with_breaches:
        rules = _fill_rules(rules)
    m7._replace_fill(rules + m8._fill_rest(m7._FILL_REST))


def upgrade() -> None:
    op.create_table(
        "breach",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("discovered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("categories", sa.Text(), nullable=False, server_default=""),
        sa.Column("people_approx", sa.Integer()),
        sa.Column("customers_affected", sa.Text(), nullable=False, server_default=""),
        sa.Column("measures", sa.Text(), nullable=False, server_default=""),
        sa.Column("imy_decision", sa.String(12), nullable=False, server_default="undecided"),
        sa.Column("imy_reference", sa.String(100)),
        sa.Column("imy_notified_on", sa.Date()),
        sa.Column("imy_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("notified_customers", sa.Text(), nullable=False, server_default=""),
        sa.Column("notified_on", sa.Date()),
        sa.Column("notified_count", sa.Integer()),
        sa.Column("notified_how", sa.Text(), nullable=False, server_default=""),
        sa.Column("status", sa.String(8), nullable=False, server_default="open"),
        sa.Column("recorded_by", sa.String(128), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by", sa.String(128)),
        sa.Column("closed_at", sa.DateTime(timezone=True)),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.CheckConstraint("status IN ('open', 'closed')", name="status"),
        sa.CheckConstraint(
            "imy_decision IN ('undecided', 'notify', 'not_notify')", name="imy_decision"
        ),
        sa.CheckConstraint("people_approx IS NULL OR people_approx >= 0", name="people"),
        sa.CheckConstraint("notified_count IS NULL OR notified_count >= 0", name="notified"),
    )
    op.create_index("ix_breach_status", "breach", ["status"])
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_PG_BREACH_GUARD)
    op.execute(
        "CREATE TRIGGER breach_guard BEFORE INSERT OR UPDATE ON breach "
        "FOR EACH ROW EXECUTE FUNCTION public.breach_guard()"
    )
    _fill(with_breaches=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _fill(with_breaches=False)
        op.execute("DROP TRIGGER IF EXISTS breach_guard ON breach")
        op.execute("DROP FUNCTION IF EXISTS public.breach_guard()")
    op.drop_index("ix_breach_status", "breach")
    op.drop_table("breach")
