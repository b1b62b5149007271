"""Migration 0024 on both databases: a change of the lifecycle setting is a chained
``lifecycle_changed`` event (SQLite: chained at COMMIT; PostgreSQL: by the database), the
log still verifies, and the migration goes down and up again cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine, text

from bowebb_console.store.db import schema
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.verify import verify_log
from tests.store.log_helpers import lifecycle_events


def _recorders(engine: Engine) -> int:
    """How many triggers record the setting's changes."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            sql = (
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'lifecycle_setting'"
            )
        else:
            sql = (
                "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal "
                "AND tgrelid = 'lifecycle_setting'::regclass"
            )
        return int(conn.execute(text(sql)).scalar_one())


def _patched(engine: Engine) -> tuple[bool, bool]:
    """PostgreSQL: log_event_fill knows the kind; record_change exempts only the erasable
    tables inside an erasure."""
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT (SELECT position('lifecycle_changed' in prosrc) > 0 FROM pg_proc "
                "        WHERE proname = 'log_event_fill'), "
                "(SELECT position('TG_TABLE_NAME IN (''customer'', ''contact'', ''sftp_profile'')' "
                "        in prosrc) > 0 FROM pg_proc "
                " WHERE proname = 'record_change')"
            )
        ).one()
    return bool(row[0]), bool(row[1])


def _set(engine: Engine, sql: str) -> None:
    with engine.begin() as conn:
        conn.execute(text(sql))


def test_a_direct_update_is_chained_and_the_migration_goes_down_and_up(any_db_url: str) -> None:
    engine = make_engine(any_db_url)
    pg = engine.dialect.name == "postgresql"
    try:
        assert _recorders(engine) == 3
        if pg:
            assert _patched(engine) == (True, True)
        _set(engine, "UPDATE lifecycle_setting SET grace_period_days = 60")
        _set(engine, "UPDATE lifecycle_setting SET grace_period_days = 60")  # no change
        [(_actor, change)] = lifecycle_events(engine)
        assert change == {"before": {"grace_period_days": 90}, "after": {"grace_period_days": 60}}
        assert verify_log(Database(engine)).ok

        with engine.begin() as conn:
            command.downgrade(schema.alembic_config(conn), "0023")
        assert _recorders(engine) == 0
        if pg:
            assert _patched(engine) == (False, False)
        _set(engine, "UPDATE lifecycle_setting SET grace_period_days = 70")
        assert len(lifecycle_events(engine)) == 1  # 0023 did not record it
        assert verify_log(Database(engine)).ok  # the earlier event still verifies

        schema.upgrade(engine)
        assert _recorders(engine) == 3
        if pg:
            assert _patched(engine) == (True, True)
        _set(engine, "UPDATE lifecycle_setting SET trial_period_days = 20")
        assert [c for _a, c in lifecycle_events(engine)][-1] == {
            "before": {"trial_period_days": 30},
            "after": {"trial_period_days": 20},
        }
        assert verify_log(Database(engine)).ok
    finally:
        engine.dispose()
