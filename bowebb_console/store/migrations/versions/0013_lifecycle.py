"""The customer lifecycle, computed by the database in one place (issue 14, items 1-4).

- ``lifecycle_setting``: one row for the whole database: the grace period after termination
  (30-3650 days, default 90), the trial period (7-365 days, default 30) and the session-log
  retention (365-36500 days, default 1095). Everyone reads it; on PostgreSQL only admins may
  change it (grants in store.db.grants), and the CHECKs hold for every role.
- ``customer.grace_period_days``: the grace period used for this customer's date, kept with it.
- A trigger on ``customer`` (both databases) derives the lifecycle columns whenever status,
  ``terminated_on`` or ``trial_registered_on`` change, whoever writes them (dialog, import,
  wizard, CLI or a direct UPDATE):
  terminated -> ``terminated_on`` (today when missing) + grace = ``hard_delete_due``;
  trial -> ``trial_registered_on`` + trial period + grace = ``hard_delete_due`` (a lapsed
  trial that was never converted is due like a terminated customer);
  active -> no termination, no date (reactivation and conversion clear them).
  A write to ``hard_delete_due`` or ``grace_period_days`` alone is put back: the date is the
  database's, never a client's. PostgreSQL does it in a BEFORE trigger (after customer_guard,
  by name); SQLite, whose BEFORE triggers cannot change NEW, in AFTER triggers that UPDATE the
  row only when it differs from what it should be (so the recursion ends).

PostgreSQL's ``erasure_delete`` (migration 0009) lets a customer go by its approved purge when
it is terminated *or a trial* with a hard-delete date (a lapsed trial is purged like a
terminated customer); the downgrade restores 0009's body.

Existing rows are backfilled: a terminated customer keeps a date it had (its grace recorded
as the difference), one without a date gets one; active customers lose stale dates; trials
get theirs.

Revision ID: 0013
Revises: 0011 (the lead re-chains)
Create Date: 2026-12-06
"""

import datetime as dt
import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
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


_TERMINATED_ONLY = "c.status <> 'terminated'"
_TERMINATED_OR_TRIAL = "c.status NOT IN ('terminated', 'trial')"


def _erasure_delete(*, trials: bool) -> str:
    """0009's erasure_delete, as CREATE OR REPLACE; with ``trials`` a lapsed trial may go too."""
    body: str = _migration("0009_records.py")._PG_ERASURE_DELETE
    assert _TERMINATED_ONLY in body
    body = body.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    return body.replace(_TERMINATED_ONLY, _TERMINATED_OR_TRIAL) if trials else body


_PG_LIFECYCLE = rf"""
CREATE FUNCTION public.customer_lifecycle() RETURNS trigger
LANGUAGE plpgsql {SEARCH_PATH} AS $$
DECLARE
    s public.lifecycle_setting%ROWTYPE;
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.status IS NOT DISTINCT FROM OLD.status
       AND NEW.terminated_on IS NOT DISTINCT FROM OLD.terminated_on
       AND NEW.trial_registered_on IS NOT DISTINCT FROM OLD.trial_registered_on THEN
        NEW.hard_delete_due := OLD.hard_delete_due;
        NEW.grace_period_days := OLD.grace_period_days;
        RETURN NEW;
    END IF;
    SELECT * INTO s FROM public.lifecycle_setting WHERE id = 1;
    IF NEW.status = 'terminated' THEN
        NEW.terminated_on := COALESCE(NEW.terminated_on, current_date);
        NEW.grace_period_days := s.grace_period_days;
        NEW.hard_delete_due := NEW.terminated_on + s.grace_period_days;
    ELSIF NEW.status = 'trial' AND NEW.trial_registered_on IS NOT NULL THEN
        NEW.terminated_on := NULL;
        NEW.grace_period_days := s.grace_period_days;
        NEW.hard_delete_due :=
            NEW.trial_registered_on + s.trial_period_days + s.grace_period_days;
    ELSE
        NEW.terminated_on := NULL;
        NEW.grace_period_days := NULL;
        NEW.hard_delete_due := NULL;
    END IF;
    RETURN NEW;
END $$
"""

# SQLite: what the row should hold, as SQL over NEW, with the setting's grace (or ``grace``).
_SETTING = "(SELECT {col} FROM lifecycle_setting WHERE id = 1)"
_GRACE_NOW = _SETTING.format(col="grace_period_days")
_TRIAL_NOW = _SETTING.format(col="trial_period_days")
_DATED = (
    "(NEW.status = 'terminated' OR (NEW.status = 'trial' AND NEW.trial_registered_on IS NOT NULL))"
)
_TERM = (
    "(CASE WHEN NEW.status = 'terminated' THEN COALESCE(NEW.terminated_on, date('now')) "
    "ELSE NULL END)"
)
_GRACE = f"(CASE WHEN {_DATED} THEN {_GRACE_NOW} ELSE NULL END)"


def _due(grace: str) -> str:
    return (
        f"(CASE WHEN NEW.status = 'terminated' THEN date({_TERM}, '+' || {grace} || ' days') "
        "WHEN NEW.status = 'trial' AND NEW.trial_registered_on IS NOT NULL THEN "
        f"date(NEW.trial_registered_on, '+' || ({_TRIAL_NOW} + {grace}) || ' days') "
        "ELSE NULL END)"
    )


def _derive(name: str, event: str, when: str) -> str:
    differs = (
        f"NEW.terminated_on IS NOT {_TERM} OR NEW.grace_period_days IS NOT {_GRACE} "
        f"OR NEW.hard_delete_due IS NOT {_due(_GRACE)}"
    )
    return (
        f"CREATE TRIGGER {name} AFTER {event} ON customer WHEN {when}({differs}) BEGIN "
        f"UPDATE customer SET terminated_on = {_TERM}, grace_period_days = {_GRACE}, "
        f"hard_delete_due = {_due(_GRACE)} WHERE id = NEW.id; END"
    )


_SQLITE_TRIGGERS = (
    _derive("customer_lifecycle_insert", "INSERT", ""),
    # A lifecycle change (the nested UPDATE fires this once more, then nothing differs).
    _derive(
        "customer_lifecycle_update",
        "UPDATE OF status, terminated_on, trial_registered_on",
        "(NEW.status IS NOT OLD.status OR NEW.terminated_on IS NOT OLD.terminated_on "
        "OR NEW.trial_registered_on IS NOT OLD.trial_registered_on) AND ",
    ),
    # Writing the date or the grace directly: only what the derivation itself would write.
    "CREATE TRIGGER customer_lifecycle_guard BEFORE UPDATE OF hard_delete_due, "
    "grace_period_days ON customer WHEN "
    f"(NEW.grace_period_days IS NOT OLD.grace_period_days AND NEW.grace_period_days IS NOT "
    f"{_GRACE}) OR NEW.hard_delete_due IS NOT {_due('NEW.grace_period_days')} BEGIN "
    "SELECT RAISE(ABORT, 'the hard-delete date is derived by the database'); END",
)


def _backfill() -> None:
    """Existing customers: keep a terminated customer's own date, give the others theirs
    (the defaults of this revision: grace 90 days, trial 30 days)."""
    conn = op.get_bind()
    customer = sa.table(
        "customer",
        sa.column("id", sa.Integer()),
        sa.column("status", sa.String()),
        sa.column("trial_registered_on", sa.Date()),
        sa.column("terminated_on", sa.Date()),
        sa.column("hard_delete_due", sa.Date()),
        sa.column("grace_period_days", sa.Integer()),
    )
    rows = conn.execute(
        sa.select(
            customer.c.id,
            customer.c.status,
            customer.c.trial_registered_on,
            customer.c.terminated_on,
            customer.c.hard_delete_due,
        ).where(
            (customer.c.status != "active")
            | customer.c.hard_delete_due.is_not(None)
            | customer.c.terminated_on.is_not(None)
        )
    ).all()
    grace = dt.timedelta(days=90)
    for cid, status, trial_on, term_on, due in rows:
        values: dict[str, object]
        if status == "terminated":
            term_on = term_on or (due - grace if due is not None else dt.date.today())
            used = (due - term_on).days if due is not None else 90
            values = {
                "terminated_on": term_on,
                "grace_period_days": used,
                "hard_delete_due": term_on + dt.timedelta(days=used),
            }
        elif status == "trial" and trial_on is not None:
            values = {
                "terminated_on": None,
                "grace_period_days": 90,
                "hard_delete_due": trial_on + dt.timedelta(days=30) + grace,
            }
        else:
            values = {"terminated_on": None, "grace_period_days": None, "hard_delete_due": None}
        conn.execute(customer.update().where(customer.c.id == cid).values(**values))


def upgrade() -> None:
    op.create_table(
        "lifecycle_setting",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("grace_period_days", sa.Integer(), nullable=False, server_default="90"),
        sa.Column("trial_period_days", sa.Integer(), nullable=False, server_default="30"),
        sa.Column("log_retention_days", sa.Integer(), nullable=False, server_default="1095"),
        sa.CheckConstraint("id = 1", name="one_row"),
        sa.CheckConstraint("grace_period_days BETWEEN 30 AND 3650", name="grace"),
        sa.CheckConstraint("trial_period_days BETWEEN 7 AND 365", name="trial"),
        sa.CheckConstraint("log_retention_days BETWEEN 365 AND 36500", name="log"),
    )
    op.execute("INSERT INTO lifecycle_setting (id) VALUES (1)")
    op.add_column("customer", sa.Column("grace_period_days", sa.Integer(), nullable=True))
    _backfill()
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_LIFECYCLE)
        op.execute(_erasure_delete(trials=True))
        op.execute(
            "CREATE TRIGGER customer_lifecycle BEFORE INSERT OR UPDATE ON customer "
            "FOR EACH ROW EXECUTE FUNCTION public.customer_lifecycle()"
        )
    else:
        for statement in _SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS customer_lifecycle ON customer")
        op.execute("DROP FUNCTION IF EXISTS public.customer_lifecycle()")
        op.execute(_erasure_delete(trials=False))
    else:
        op.execute("DROP TRIGGER IF EXISTS customer_lifecycle_guard")
        op.execute("DROP TRIGGER IF EXISTS customer_lifecycle_update")
        op.execute("DROP TRIGGER IF EXISTS customer_lifecycle_insert")
    # Native DROP COLUMN on both (SQLite >= 3.35; no trigger names the column any more).
    op.execute("ALTER TABLE customer DROP COLUMN grace_period_days")
    op.drop_table("lifecycle_setting")
