"""Every change of the lifecycle setting is a chained ``lifecycle_changed`` event (issue 14,
found by an audit): the grace period, the trial period, the session-log retention and the
erasure journal's place (``lifecycle_setting``, migrations 0013 and 0019).

An auditor reads in the log who changed which of them, from what to what, and when. The
change is recorded by the database itself, like customer edits and the record of processing
(migrations 0009 and 0018), with the changed columns before and after in the erasable
payload (the values are not personal data; one mechanism for every recorded change):

- PostgreSQL: 0009's ``record_change`` statement triggers on ``lifecycle_setting``, so no
  UPDATE (the store's, the CLI's, a plain one in psql) commits without its event.
  ``record_change`` skips the statements of an erasure (their values must not survive in a
  payload); that exemption now holds only for the erasable tables (customer, contact,
  sftp_profile), so an admin cannot slip a setting change past the log inside an erasure
  (patched by its live text). ``log_event_fill`` accepts ``lifecycle_changed`` only from the
  trigger and only for admins (patched by its live text, as 0018 and 0020 do).
- SQLite: ``pending_change`` row triggers, chained at COMMIT by store.log.changes (always
  noted, an erasure's transaction included).

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KIND = "lifecycle_changed"
TRACKED = (
    "grace_period_days",
    "trial_period_days",
    "log_retention_days",
    "erasure_journal_dir",
)
OPS = {
    "insert": "NEW TABLE AS new_rows",
    "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "delete": "OLD TABLE AS old_rows",
}

# log_event_fill: the kind is known, written by the trigger only, for admins only.
_KIND_CHECK = "    IF NOT (NEW.kind IN ('privacy_access_answered',"
_WITH_KIND = f"    IF NOT (NEW.kind = '{KIND}' OR NEW.kind IN ('privacy_access_answered',"
_RULE = f"""    -- 0024: the lifecycle setting's changes are recorded by the database, for admins.
    IF NEW.kind = '{KIND}' AND pg_catalog.pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'changes to the lifecycle settings are recorded by the database '
            'itself' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.kind = '{KIND}' AND NOT is_admin THEN
        RAISE EXCEPTION 'only admins may log %', NEW.kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
"""

# record_change: an erasure's statements go unrecorded only on the erasable tables.
_ERASURE_SKIP = "    IF EXISTS (SELECT 1 FROM public.erasure_xact x WHERE x.xact ="
_ERASABLE_SKIP = (
    "    IF TG_TABLE_NAME IN ('customer', 'contact', 'sftp_profile')\n"
    "       AND EXISTS (SELECT 1 FROM public.erasure_xact x WHERE x.xact ="
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
        .execute(sa.text(f"SELECT pg_get_functiondef('{function}'::regprocedure)"))
        .scalar_one()
    )


def _sqlite_triggers() -> list[str]:
    """0009's row triggers for the one setting row (no customer: customer_id NULL). No
    erasure exemption: nothing an erasure does changes the setting."""

    def row(alias: str) -> str:
        pairs = ", ".join(f"'{c}', {alias}.{c}" for c in TRACKED)
        return f"json_object('id', {alias}.id, {pairs})"

    made = []
    for op_, before, after, ref in (
        ("insert", "NULL", row("NEW"), "NEW"),
        ("update", row("OLD"), row("NEW"), "NEW"),
        ("delete", row("OLD"), "NULL", "OLD"),
    ):
        made.append(
            f"CREATE TRIGGER lifecycle_setting_{op_}_noted AFTER {op_.upper()} "
            "ON lifecycle_setting BEGIN "
            "INSERT INTO pending_change (tbl, op, row_id, customer_id, before, after) "
            f"VALUES ('lifecycle_setting', '{op_}', {ref}.id, NULL, {before}, {after}); END"
        )
    return made


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for statement in _sqlite_triggers():
            op.execute(statement)
        return
    m9 = _migration("0009_records.py")
    record = _definition("public.record_change()")
    assert record.count(_ERASURE_SKIP) == 1, "record_change changed: update 0024"
    m9._as_owner_of("record_change", record.replace(_ERASURE_SKIP, _ERASABLE_SKIP))
    fill = _definition("public.log_event_fill()")
    assert fill.count(_KIND_CHECK) == 1, "log_event_fill's kind check changed: update 0024"
    m9._as_owner_of("log_event_fill", fill.replace(_KIND_CHECK, _RULE + _WITH_KIND))
    args = f"'{KIND}', '{','.join(TRACKED)}'"
    for op_, referencing in OPS.items():
        op.execute(
            f"CREATE TRIGGER lifecycle_setting_{op_}_recorded AFTER {op_.upper()} "
            f"ON lifecycle_setting REFERENCING {referencing} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION public.record_change({args})"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for op_ in OPS:
            op.execute(f"DROP TRIGGER IF EXISTS lifecycle_setting_{op_}_noted")
        return
    for op_ in OPS:
        op.execute(f"DROP TRIGGER IF EXISTS lifecycle_setting_{op_}_recorded ON lifecycle_setting")
    m9 = _migration("0009_records.py")
    fill = _definition("public.log_event_fill()")
    if _RULE in fill:
        m9._as_owner_of("log_event_fill", fill.replace(_RULE + _WITH_KIND, _KIND_CHECK))
    record = _definition("public.record_change()")
    if _ERASABLE_SKIP in record:
        m9._as_owner_of("record_change", record.replace(_ERASABLE_SKIP, _ERASURE_SKIP))
