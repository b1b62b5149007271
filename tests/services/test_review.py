"""services.review on real databases (SQLite and PostgreSQL): the session list, review marks
and their rules, the export (verified and logged before any file is written), the log's
integrity, and failures as ShownErrors with codes."""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bowebb_console.domain.errors import ShownError
from bowebb_console.domain.hashchain import VerifyResult
from bowebb_console.services import review
from bowebb_console.services.database import Database, Identity
from bowebb_console.services.review import FlagLimits, ReviewFilter, SessionQuery
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log import verify as store_verify
from bowebb_console.store.models import LogEvent
from tests.store.log_helpers import (
    add_customer,
    as_superuser,
    consent,
    full_session,
    plant_payloads,
)

LEAD = Identity(user="lead", role="lead", dialect="")
AGENT = Identity(user="agent", role="agent", dialect="")


@pytest.fixture
def db(any_db_url: str) -> Iterator[Database]:
    database = Database(make_engine(any_db_url))
    yield database
    database.dispose()


@pytest.fixture
def two_sessions(db: Database) -> tuple[str, str]:
    """A finished session (five events) and a refused consent, of one customer."""
    customer, contact = add_customer(db.engine)
    done = full_session(db, customer, contact)
    refused = consent(db, customer, contact, outcome="refused").session_uuid
    return done, refused


def _exports(db: Database) -> int:
    with db.engine.connect() as conn:
        query = select(func.count()).select_from(LogEvent).where(LogEvent.kind == review.EXPORTED)
        return int(conn.execute(query).scalar_one())


def test_list_pages_counts_agents_and_week(db: Database, two_sessions: tuple[str, str]) -> None:
    done, refused = two_sessions
    query = SessionQuery()
    total, rows = review.first_page(db, query, limit=1)
    assert total == 2 and [r.session_uuid for r in rows] == [refused]  # the newest first
    assert [r.session_uuid for r in review.sessions_page(db, query, after=rows[0].key)] == [done]
    assert review.first_page(db, query, limit=10) == (2, review.sessions_page(db, query))
    assert review.count_sessions(db, ReviewFilter(reviewed=True), FlagLimits()) == 0
    assert len(review.agents(db)) == 1
    today = dt.datetime.now(dt.UTC).date()
    week = review.week_overview(db, today - dt.timedelta(days=today.weekday()), FlagLimits())
    assert week.total == 2 and week.per_day[today] == 2


def test_review_rules_by_code(db: Database, two_sessions: tuple[str, str]) -> None:
    done, _refused = two_sessions
    cases = [
        (AGENT, done, "reviewed", "", "review.not_lead"),
        (LEAD, done, "approved", "x", "review.bad_action"),
        (LEAD, done, "flagged", "  ", "review.comment_needed"),
        (LEAD, str(uuid.uuid4()), "reviewed", "", "review.no_session"),
    ]
    for identity, su, action, comment, code in cases:
        with pytest.raises(ShownError) as raised:
            review.add_review(db, identity, su, action, comment)
        assert raised.value.code == code
    event = review.add_review(db, LEAD, done, "flagged", " Ring kunden ")
    assert event.kind == review.REVIEW
    assert event.payload == {"action": "flagged", "comment": "Ring kunden"}
    [row] = review.sessions_page(db, SessionQuery(ReviewFilter(flagged=True)))
    assert row.session_uuid == done and "follow_up" in row.flags


def test_timeline_names_the_contact(db: Database, two_sessions: tuple[str, str]) -> None:
    done, _refused = two_sessions
    found = review.session_timeline(db, done)
    assert found.events[0].kind == "consent_recorded"
    assert len(found.events) == 5 and found.customer_name == "Testbolaget AB"
    assert "Eva Ek" in found.contacts.values()
    assert review.session_events(db, done) == list(found.events)


def test_csv_export_is_verified_and_logged_first(
    db: Database, two_sessions: tuple[str, str], tmp_path: Path
) -> None:
    done, _refused = two_sessions
    totals: list[int] = []
    out = tmp_path / "review.csv"
    query = SessionQuery(ReviewFilter(kind="remote_control"))
    exported = review.export_sessions(db, query, "csv", out, total=totals.append)
    assert exported is not None and exported.count == 2
    header = exported.header
    assert totals == [header.head_seq] and header.verified_ok
    event = header.event
    assert event.kind == review.EXPORTED and event.seq == header.head_seq + 1
    assert event.payload == {
        "format": "csv",
        "filter": "kind=remote_control",
        "rows": 2,
        "head_seq": header.head_seq,
        "head": header.head_hash,
        "verified": True,
    }
    lines = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert lines[0][:2] == ["session", "start"]  # without a format from the UI: codes
    assert "chain intact" in header.verification
    assert done in {line[0] for line in lines[1:]}
    assert review.verify_log(db).ok  # the export's own event is in the chain


def test_pdf_export_hands_each_session(
    db: Database, two_sessions: tuple[str, str], tmp_path: Path
) -> None:
    seen = []

    def write_pdf(path, header, sections):  # type: ignore[no-untyped-def]
        seen.extend(row.session_uuid for row in sections)
        path.write_text("pdf")
        assert header.query_filter == SessionQuery().flt  # the PDF says it in words
        return len(seen)

    out = tmp_path / "r.pdf"
    exported = review.export_sessions(db, SessionQuery(), "pdf", out, write_pdf=write_pdf)
    assert exported is not None and exported.count == 2
    assert len(set(seen)) == 2


def test_cancelled_export_writes_and_logs_nothing(
    db: Database, two_sessions: tuple[str, str], tmp_path: Path
) -> None:
    before = review.log_head(db)
    out = tmp_path / "review.csv"
    with pytest.MonkeyPatch.context() as mp:  # a log too short to reach Cancel's first poll
        mp.setattr(store_verify, "verify_log", lambda db, **kw: _cancelled())
        assert review.export_sessions(db, SessionQuery(), "csv", out) is None
    assert review.log_head(db) == before and not out.exists()


def test_a_file_that_cannot_be_written_is_said_by_code(
    db: Database, two_sessions: tuple[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "no such folder" / "review.csv"
    with pytest.raises(ShownError) as raised:
        review.export_sessions(db, SessionQuery(), "csv", out)
    assert raised.value.code == "review.write_failed"
    assert raised.value.params["path"] == str(out)
    assert _exports(db) == 1  # logged before writing: the attempt stays on record


def test_check_log_reports_the_total_then_names_the_problem(
    db: Database, two_sessions: tuple[str, str]
) -> None:
    totals: list[int] = []
    done_counts: list[int] = []
    result = review.check_log(db, total=totals.append, progress=done_counts.append)
    # two sessions, and the customer and contact recorded (migration 0009)
    assert result.ok and totals == [8] == [result.events]
    assert review.log_head(db).seq == 8
    as_superuser(db.engine, "UPDATE log_event SET actor = 'someone.else' WHERE seq = 2")
    problem = review.check_log(db).problem
    assert problem is not None and (problem.kind, problem.seq) == ("changed", 2)


def test_rebuild_summaries(db: Database, two_sessions: tuple[str, str]) -> None:
    assert review.rebuild_summaries(db) == review.Rebuilt(sessions=2, skipped=0)


def test_rebuild_treats_a_payload_that_is_no_object_as_erased(
    db: Database, two_sessions: tuple[str, str]
) -> None:
    """Valid JSON but not an object (and broken text), put there around the log's rules:
    the rebuild finishes, folds them like erased payloads, and counts them."""
    done, _ = two_sessions
    odd = {4: "not json", 5: "[1,2]", 6: '"x"', 7: "3"}  # start, two notes, end
    plant_payloads(
        db.engine,
        *(f"UPDATE log_payload SET payload = :p{seq} WHERE seq = {seq}" for seq in odd),
        **{f"p{seq}": text for seq, text in odd.items()},
    )
    assert review.rebuild_summaries(db) == review.Rebuilt(sessions=2, skipped=4)
    row = next(r for r in review.sessions_page(db, SessionQuery()) if r.session_uuid == done)
    assert row.state == "consented" and row.notes == 0  # as if those payloads were erased


def _cancelled() -> VerifyResult:
    return VerifyResult(3, 3, "0" * 64, 0, None, cancelled=True)


def test_an_unreachable_database_is_a_db_code() -> None:
    gone = Database(make_engine("postgresql+psycopg://nobody@127.0.0.1:9/nothing"))
    try:
        for call in (
            lambda: review.verify_log(gone),
            lambda: review.log_head(gone),
            lambda: review.agents(gone),
        ):
            with pytest.raises(ShownError) as raised:
                call()
            assert raised.value.code == "db.unreachable"
    finally:
        gone.dispose()
