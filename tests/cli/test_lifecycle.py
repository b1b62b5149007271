"""``lifecycle show|set``, ``retention run [--dry-run]`` and ``purge-due`` with a lapsed trial
from the command line: SQLite, and real PostgreSQL logins (an agent may not change the
setting nor apply the retention; an admin may)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from bowebb_console.cli import main
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from tests.store.erasure_helpers import plant_person
from tests.store.log_helpers import lifecycle_events
from tests.store.security.conftest import PASSWORD


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_lifecycle_show_and_set(sqlite_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    init_database(sqlite_url)
    code, out, _ = run(capsys, "lifecycle", "show", "--db", sqlite_url)
    assert code == 0 and "grace period:          90 days" in out
    assert "session-log retention: 1095 days" in out
    code, _, err = run(capsys, "lifecycle", "set", "--grace-days", "0", "--db", sqlite_url)
    assert code == 1 and "grace period must be between 30 and 3650 days" in err
    code, out, _ = run(
        capsys, "lifecycle", "set", "--grace-days", "60", "--trial-days", "14", "--db", sqlite_url
    )
    assert code == 0 and "grace period:          60 days" in out
    assert "trial period:          14 days" in out and "1095 days" in out
    # One chained event for the change (migration 0024); the refused one left none.
    engine = make_engine(sqlite_url)
    [(_actor, change)] = lifecycle_events(engine)
    assert change == {
        "before": {"grace_period_days": 90, "trial_period_days": 30},
        "after": {"grace_period_days": 60, "trial_period_days": 14},
    }
    code, _, _ = run(capsys, "lifecycle", "set", "--grace-days", "60", "--db", sqlite_url)
    assert code == 0 and len(lifecycle_events(engine)) == 1  # nothing changed: no event
    engine.dispose()
    code, out, _ = run(capsys, "verify-log", "--db", sqlite_url)
    assert code == 0


def test_retention_run_and_a_lapsed_trial_in_purge_due(sqlite_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    planted = plant_person(engine)
    with engine.begin() as conn:  # a trial registered long ago, never converted
        conn.execute(
            text(
                "UPDATE customer SET status = 'trial', trial_registered_on = :d, "
                "customer_since = NULL WHERE id = :c"
            ),
            {"d": dt.date.today() - dt.timedelta(days=365), "c": planted.other_customer_id},
        )
    engine.dispose()
    code, out, _ = run(capsys, "purge-due", "--db", sqlite_url)
    assert code == 0 and f"{planted.other_customer_id}\t" in out and "Annat Bolag AB" in out
    code, out, _ = run(capsys, "retention", "run", "--dry-run", "--db", sqlite_url)
    assert code == 0 and "0 log payloads" in out and "dry run: nothing was changed" in out
    code, out, _ = run(capsys, "retention", "run", "--db", sqlite_url)
    assert code == 0 and "nothing was changed" in out
    code, out, _ = run(capsys, "verify-log", "--db", sqlite_url)
    assert code == 0


def test_on_postgresql_only_an_admin_changes_it(pg_db, logins, capsys) -> None:  # type: ignore[no-untyped-def]
    agent_url = pg_db.url_for(logins.names["agent"], PASSWORD)
    admin_url = pg_db.url_for(logins.names["admin"], PASSWORD)
    code, out, _ = run(capsys, "lifecycle", "show", "--db", agent_url)
    assert code == 0 and "90 days" in out  # everyone reads it
    code, _, err = run(capsys, "lifecycle", "set", "--grace-days", "30", "--db", agent_url)
    assert code == 1 and "Only an admin" in err
    code, _, err = run(capsys, "retention", "run", "--db", agent_url)
    assert code == 1 and "Only an admin" in err
    code, out, _ = run(capsys, "lifecycle", "set", "--grace-days", "30", "--db", admin_url)
    assert code == 0 and "grace period:          30 days" in out
    # The admin's change is one chained event naming the admin's login (migration 0024).
    assert lifecycle_events(logins.root) == [
        (
            logins.names["admin"],
            {"before": {"grace_period_days": 90}, "after": {"grace_period_days": 30}},
        )
    ]
    code, out, _ = run(capsys, "retention", "run", "--db", admin_url)
    assert code == 0 and "nothing was changed" in out


def test_on_postgresql_journal_set_is_one_event_by_the_admin(
    pg_db, logins, capsys, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    agent_url = pg_db.url_for(logins.names["agent"], PASSWORD)
    admin_url = pg_db.url_for(logins.names["admin"], PASSWORD)
    shared = tmp_path / "delad"
    code, _, err = run(capsys, "journal", "set", str(shared), "--db", agent_url)
    assert code == 1 and "Only an admin" in err
    assert lifecycle_events(logins.root) == []
    code, out, _ = run(capsys, "journal", "set", str(shared), "--db", admin_url)
    assert code == 0 and "set for this database" in out
    assert lifecycle_events(logins.root) == [
        (
            logins.names["admin"],
            {"before": {"erasure_journal_dir": ""}, "after": {"erasure_journal_dir": str(shared)}},
        )
    ]
    code, _, _ = run(capsys, "verify-log", "--db", admin_url)
    assert code == 0
