"""``purge-due`` and ``erasure replay`` from the command line (SQLite; PostgreSQL roles are
tested in tests/store/test_purge.py)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from bowebb_console.cli import main
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from tests.store.erasure_helpers import COMPANY, plant_person


@pytest.fixture
def due_db(sqlite_url: str):  # type: ignore[no-untyped-def]
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    planted = plant_person(engine, hard_delete_due=dt.date.today() - dt.timedelta(days=1))
    engine.dispose()
    return sqlite_url, planted


def test_purge_due_four_eyes_flow_and_replay(due_db, tmp_path: Path, capsys, fresh_paths) -> None:  # type: ignore[no-untyped-def]
    url, planted = due_db
    db = Path(url.removeprefix("sqlite:///"))
    assert main(["purge-due", "--db", url, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"customer {planted.customer_id}" in out and "contact: 1" in out
    assert "dry run: nothing was changed" in out
    assert main(["purge-due", "request", str(planted.customer_id), "--db", url]) == 0
    assert "purge-due approve 1" in capsys.readouterr().out
    assert main(["purge-due", "run", "1", "--db", url, "--confirm", COMPANY]) == 1
    assert "not been approved" in capsys.readouterr().err
    assert main(["purge-due", "approve", "1", "--db", url]) == 1  # no second name
    assert "second person" in capsys.readouterr().err
    assert main(["purge-due", "approve", "1", "--db", url, "--approver", "Bo Bengtsson"]) == 0
    shutil.copy2(db, tmp_path / "backup.sqlite3")  # an admin's backup, before the purge
    assert main(["purge-due", "run", "1", "--db", url, "--confirm", "Annat Bolag AB"]) == 1
    assert "does not match" in capsys.readouterr().err
    assert main(["purge-due", "run", "1", "--db", url, "--confirm", COMPANY]) == 0
    assert "purged for good" in capsys.readouterr().out
    journal = fresh_paths.journal_dir / "erasure-journal.jsonl"  # not beside the db file
    assert journal.exists() and COMPANY not in journal.read_text()
    assert main(["purge-due", "--db", url]) == 0
    assert "no customer is due" in capsys.readouterr().out
    # Restore the backup; the replay removes the customer again.
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copy2(tmp_path / "backup.sqlite3", db)
    assert main(["purge-due", "--db", url]) == 0
    assert COMPANY in capsys.readouterr().out
    assert main(["erasure", "replay", "--db", url]) == 0
    assert "1 customer(s)" in capsys.readouterr().out
    assert main(["purge-due", "--db", url]) == 0
    assert "no customer is due" in capsys.readouterr().out
    assert main(["verify-log", "--db", url]) == 0


def test_replay_without_journal_says_so(due_db, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, _ = due_db
    missing = tmp_path / "nope.jsonl"
    assert main(["erasure", "replay", "--db", url, "--journal", str(missing)]) == 1
    assert "No erasure journal" in capsys.readouterr().err


def test_erasure_compact(any_db_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["erasure", "compact", "--db", any_db_url]) == 0
    out = capsys.readouterr().out
    assert "rewritten:" in out and "customer" in out and "log_payload" in out
