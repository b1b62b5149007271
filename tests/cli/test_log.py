"""`verify-log` and `log-head` as an admin or lead runs them."""

from __future__ import annotations

import pytest

from bowebb_console.cli import main
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from tests.store.log_helpers import add_customer, as_superuser, full_session, plant_payloads


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_log_and_log_head(any_db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "verify-log", "--db", any_db_url)
    assert (code, out) == (0, f"0 events, chain intact, head {'0' * 64}\n")
    engine = make_engine(any_db_url)
    full_session(Database(engine), *add_customer(engine))
    code, out, _ = run(capsys, "log-head", "--db", any_db_url)
    head = out.split()[0]
    assert code == 0 and out == f"{head} seq 7\n"  # the customer and contact recorded too
    code, out, _ = run(capsys, "verify-log", "--db", any_db_url, "--anchor", head)
    assert (code, out) == (0, f"7 events, chain intact, head {head}\n")

    as_superuser(engine, "UPDATE log_event SET actor = 'mallory' WHERE seq = 2")
    code, out, err = run(capsys, "verify-log", "--db", any_db_url)
    assert code == 1 and out == ""
    assert "chain broken at seq 2: changed" in err
    engine.dispose()


def test_anchor_of_removed_events_fails(any_db_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(any_db_url)
    full_session(Database(engine), *add_customer(engine))
    head = run(capsys, "log-head", "--db", any_db_url)[1].split()[0]
    as_superuser(
        engine,
        "DELETE FROM log_payload WHERE seq = 7",
        "DELETE FROM log_event WHERE seq = 7",
    )
    code, _, err = run(capsys, "verify-log", "--db", any_db_url)
    assert code == 1 and "chain broken at seq 7: missing" in err  # the head row still says 7
    with engine.connect() as conn:
        sixth = conn.exec_driver_sql("SELECT hash FROM log_event WHERE seq = 6").scalar_one()
    as_superuser(engine, "UPDATE log_chain_head SET seq = 6, hash = :h", h=sixth)
    engine.dispose()
    assert run(capsys, "verify-log", "--db", any_db_url)[0] == 0
    code, _, err = run(capsys, "verify-log", "--db", any_db_url, "--anchor", head)
    assert code == 1 and "anchor" in err
    code, _, err = run(capsys, "verify-log", "--db", any_db_url, "--anchor", "nothex")
    assert code == 1 and "--anchor" in err


def test_review_rebuild(any_db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    engine = make_engine(any_db_url)
    full_session(Database(engine), *add_customer(engine))
    as_superuser(engine, "DELETE FROM session_summary")  # lost, e.g. by a partial restore
    code, out, _ = run(capsys, "review-rebuild", "--db", any_db_url)
    assert (code, out) == (0, "1 session summaries rebuilt from the log\n")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM session_summary").scalar() == 1
    engine.dispose()


def test_review_rebuild_counts_payloads_that_are_no_object(
    any_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(any_db_url)
    full_session(Database(engine), *add_customer(engine))
    plant_payloads(engine, "UPDATE log_payload SET payload = '[1,2]' WHERE seq = 5")
    code, out, _ = run(capsys, "review-rebuild", "--db", any_db_url)
    assert code == 0
    assert out.splitlines() == [
        "1 session summaries rebuilt from the log",
        "1 payload(s) skipped: not a JSON object, treated as erased (the log was written "
        "around its rules; run verify-log)",
    ]
    engine.dispose()
