"""Issue 14, item 10: the journal line is on disk (pending) before the erasure commits. A
process killed (kill -9) between the COMMIT and the journal's done mark leaves a pending line,
and replay after restoring a backup still purges the customer; on the live database replay
finds the erasure committed and marks the line done."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from bowebb_console.services import erasure as service
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.erasure.journal import Journal
from bowebb_console.store.models import Customer
from tests.store.erasure.test_replay_kinds import _snapshot
from tests.store.erasure_helpers import COMPANY, plant_person

TODAY = dt.date(2026, 11, 26)
ADMIN = Identity("alice", "admin", "sqlite")

CHILD = """
import datetime as dt, sys
from pathlib import Path
from bowebb_console.services import erasure
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.db.engine import make_engine
url, journal, approval = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
erasure.run_purge(Database(make_engine(url)), Identity("alice", "admin", "sqlite"), journal,
                  approval, sys.argv[4], today=dt.date(2026, 11, 26))
"""


def _customers(url: str, customer_id: int) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(
                conn.execute(select(func.count()).where(Customer.id == customer_id)).scalar_one()
            )
    finally:
        engine.dispose()


def _approved(url: str, customer_id: int) -> int:
    from tests.store.erasure.test_purge import _approve

    engine = make_engine(url)
    db = Database(engine)
    approval = service.request_purge(db, ADMIN, customer_id, TODAY)
    if engine.dialect.name == "sqlite":
        service.approve_purge(db, approval.id, approver="bob")
    else:
        _approve(engine, approval.id)
    engine.dispose()
    return approval.id


def test_killed_between_commit_and_done_mark(any_db_url: str, tmp_path: Path) -> None:
    engine = make_engine(any_db_url)
    planted = plant_person(engine, hard_delete_due=TODAY)
    engine.dispose()
    approval_id = _approved(any_db_url, planted.customer_id)
    journal = tmp_path / "journal.jsonl"
    flag = tmp_path / "committed.flag"
    with _snapshot(any_db_url, tmp_path) as backup_url:  # the backup, taken before the purge
        env = {
            **os.environ,
            service.PAUSE_ENV: str(flag),
            "PYTHONPATH": os.pathsep.join(sys.path),
        }
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, any_db_url, str(journal), str(approval_id), COMPANY],
            env=env,
        )
        try:
            deadline = time.monotonic() + 60
            while not flag.exists():
                assert child.poll() is None, "the purge ended before its pause"
                assert time.monotonic() < deadline, "the purge never reached its pause"
                time.sleep(0.05)
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.wait(30)
        assert child.returncode == -signal.SIGKILL
        # Committed, and the journal holds the line (pending: no done mark was written).
        assert _customers(any_db_url, planted.customer_id) == 0
        lines = [json.loads(x) for x in journal.read_text(encoding="utf-8").splitlines()]
        assert [x.get("state") for x in lines] == ["pending"]
        reference = lines[0]["reference"]
        assert Journal(journal).pending() == {reference}
        # Restoring the backup brings the customer back; replay takes it away again.
        assert _customers(backup_url, planted.customer_id) == 1
        restored = make_engine(backup_url)
        result = service.replay_journal(Database(restored), journal)
        restored.dispose()
        assert result.customers == 1 and result.unresolved == (reference,)
        assert _customers(backup_url, planted.customer_id) == 0
        assert Journal(journal).pending() == {reference}  # the backup could not tell
    # On the live database the certificate shows it committed: the line is marked done.
    live = make_engine(any_db_url)
    result = service.replay_journal(Database(live), journal)
    live.dispose()
    assert result.resolved == (reference,) and result.customers == 0
    assert Journal(journal).pending() == set()


def test_a_torn_last_line_is_ignored(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.jsonl")
    journal.path.write_text('{"reference":"PU-1","on":"2026-11-26"', encoding="utf-8")
    assert journal.entries() == [] and journal.pending() == set()
