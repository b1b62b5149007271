"""``bowebb-console db blockers [--end PID]`` against real PostgreSQL logins (issue 13,
item 13): a lead lists who blocks whom and ends the blocker; an agent is refused clearly."""

from __future__ import annotations

import threading
import time
import uuid

import pytest

from bowebb_console.cli import main
from bowebb_console.store.log.chain import LogWriteError, append_event
from tests.store.security.conftest import PASSWORD
from tests.store.security.test_blockers import hold_chain_head


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_lead_lists_and_ends_the_blocker(pg_db, logins, capsys) -> None:  # type: ignore[no-untyped-def]
    lead_url = pg_db.url_for(logins.names["lead"], PASSWORD)
    agent_url = pg_db.url_for(logins.names["agent"], PASSWORD)
    code, out, _ = run(capsys, "db", "blockers", "--db", lead_url)
    assert code == 0 and "no session is holding a lock" in out

    hostile = logins["agent2"].connect()
    outcome: dict[str, object] = {}

    def waiter() -> None:
        try:
            outcome["event"] = append_event(logins["agent"], "note_added", str(uuid.uuid4()), {})
        except LogWriteError as exc:  # pragma: no cover - shown by the assertion
            outcome["error"] = exc

    try:
        pid = hold_chain_head(hostile)
        thread = threading.Thread(target=waiter, daemon=True)
        thread.start()
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline:
            code, out, _ = run(capsys, "db", "blockers", "--db", lead_url)
            if str(pid) in out:
                break
            time.sleep(0.05)
        assert code == 0
        row = next(line for line in out.splitlines() if line.startswith(f"{pid}\t"))
        assert logins.names["agent2"] in row and "idle in transaction" in row
        assert logins.names["agent"] in row  # who waits

        code, out, err = run(capsys, "db", "blockers", "--db", agent_url, "--end", str(pid))
        assert code == 1 and "Only team leads and admins" in err

        code, out, err = run(capsys, "db", "blockers", "--db", lead_url, "--end", str(pid))
        assert (code, err) == (0, "")
        assert f"ended session {pid} (login {logins.names['agent2']})" in out
        thread.join(10)
        assert "event" in outcome, outcome  # the waiting writer went on

        code, _, err = run(capsys, "db", "blockers", "--db", lead_url, "--end", str(pid))
        assert code == 1 and "no such session" in err
    finally:
        hostile.invalidate()
        hostile.close()


def test_sqlite_has_no_sessions_to_end(sqlite_url, capsys) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    code, _, err = run(capsys, "db", "blockers", "--db", sqlite_url)
    assert code == 1 and "SQLite database has no sessions" in err
