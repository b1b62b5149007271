"""Review summaries on both dialects: derived by triggers, equal to a rebuild from the log,
filtered, sorted and paged in the database; review marks; automatic flags; the overview."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select, text

from bowebb_console.demo.sessions import fill_demo_sessions
from bowebb_console.store.log.chain import append_event
from bowebb_console.store.models import SessionSummaryRow
from bowebb_console.store.review.fold import Rebuilt, rebuild_summaries
from bowebb_console.store.review.queries import (
    FlagLimits,
    ReviewFilter,
    count_sessions,
    fetch_page,
    week_overview,
)
from bowebb_console.store.sessions import events as sessions
from tests.store.log_helpers import add_customer, consent, full_session, transfer_consent

LIMITS = FlagLimits()


def _table(engine):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        rows = conn.execute(select(SessionSummaryRow.__table__).order_by("first_seq"))
        return [dict(r._mapping) for r in rows]


def read_page(engine, *args, **kw):  # type: ignore[no-untyped-def]
    """``fetch_page`` on a connection of its own (each read sees what was written before)."""
    with engine.connect() as conn:
        return fetch_page(conn, *args, **kw)


def count(engine, *args):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return count_sessions(conn, *args)


def overview(engine, *args):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return week_overview(conn, *args)


def _demo(engine) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.demo.fill import fill_demo

    fill_demo(engine, companies=60, contacts=120)


def test_rebuild_equals_the_triggers(engine, db, review_as_lead) -> None:  # type: ignore[no-untyped-def]
    _demo(engine)
    customer, contact = add_customer(engine, dpa=False, org="5566809827")
    su = transfer_consent(db, customer, contact).session_uuid
    sessions.start_session(db, su, tool="AnyDesk", dpa_missing_reason="Brådskande")
    append_event(db, "file_transferred", su, {"name": "lön.xlsx", "size": 1234, "sha256": "a"})
    failed = {"name": "x.zip", "size": 99, "status": "failed", "reason": "connection lost"}
    append_event(db, "file_transferred", su, failed)  # logged, but not a file transferred
    sessions.end_late(db, su, "Crash", "aborted")
    review_as_lead(engine, su, "flagged", "Ring kunden")
    incremental = _table(engine)
    assert len(incremental) > 50
    assert rebuild_summaries(engine) == Rebuilt(len(incremental), 0)
    assert _table(engine) == incremental
    row = next(r for r in incremental if r["session_uuid"] == su)
    assert (row["files"], row["bytes"], row["state"]) == (1, 1234, "ended_late")
    assert row["dpa_missing"] and row["followup"] and not row["reviewed"]


def test_filters_sorting_and_keyset_pages(engine) -> None:  # type: ignore[no-untyped-def]
    _demo(engine)
    everything = ReviewFilter()
    total = count(engine, everything, LIMITS)
    for sort in ("start", "agent", "customer", "duration", "flags"):
        for descending in (True, False):
            seen, after = [], None
            while True:
                page = read_page(
                    engine, everything, LIMITS, sort, descending, after=after, limit=37
                )
                if not page:
                    break
                seen += page
                after = page[-1].key
            assert len(seen) == total
            assert len({r.session_uuid for r in seen}) == total
            keys = [r.key for r in seen]
            assert keys == sorted(keys, reverse=descending)
            # The same rows read from the end, and backwards from a key.
            tail = read_page(engine, everything, LIMITS, sort, descending, from_end=True, limit=5)
            assert [r.session_uuid for r in tail] == [r.session_uuid for r in seen[-5:]]
            back = read_page(engine, everything, LIMITS, sort, descending, before=keys[40], limit=3)
            assert [r.key for r in back] == keys[37:40]
    agent = seen[0].agent
    only = read_page(engine, ReviewFilter(agent=agent), LIMITS, limit=1000)
    assert only and {r.agent for r in only} == {agent}
    assert count(engine, ReviewFilter(agent=agent), LIMITS) == len(only)
    late = read_page(engine, ReviewFilter(flagged=True), LIMITS, limit=1000)
    assert late and all(r.flags for r in late)
    assert count(engine, ReviewFilter(flagged=False), LIMITS) == total - len(late)
    # The demo's Quick Assist starts carry a logged reason: its register entry is flagged.
    assert {"ended_late", "no_dpa", "tool_flagged"} <= {f for r in late for f in r.flags}
    today = dt.datetime.now(dt.UTC).date()
    weeks_ago = today - dt.timedelta(weeks=9)  # the demo's sessions: the last eight weeks
    assert count(engine, ReviewFilter(date_from=weeks_ago, date_to=today), LIMITS) == total
    assert count(engine, ReviewFilter(date_to=weeks_ago - dt.timedelta(days=1)), LIMITS) == 0
    # By day: on SQLite the demo's log is dated over those weeks (PostgreSQL stamps the fill).
    on_today = count(engine, ReviewFilter(date_from=today, date_to=today), LIMITS)
    before = count(engine, ReviewFilter(date_to=today - dt.timedelta(days=1)), LIMITS)
    assert on_today + before == total
    assert (before > total // 2) if engine.dialect.name == "sqlite" else before == 0


def test_search_customer_and_text(engine, db) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(engine)
    su = full_session(db, customer, contact)
    other = consent(db, customer, contact, outcome="refused").session_uuid
    assert [r.session_uuid for r in _find(engine, text="REINSTALLED")] == [su]
    assert [r.session_uuid for r in _find(engine, text="printing works")] == [su]
    assert _find(engine, text="100%") == []  # wildcards are literal
    # A note with Swedish capitals is found in lower case (and the other way round).
    su3 = consent(db, customer, contact).session_uuid
    sessions.start_session(db, su3, tool="AnyDesk")
    sessions.add_note(db, su3, "Ärendet ÖVERLÄMNAT till Åsa")
    for term in ("ärendet", "överlämnat", "ÅSA"):
        assert [r.session_uuid for r in _find(engine, text=term)] == [su3], term
    assert len(_find(engine, customer="testbolaget")) == 3
    assert len(_find(engine, customer="556036")) == 3
    assert _find(engine, customer="nobody") == []
    with pytest.MonkeyPatch.context() as mp:  # the many-customers plan gives the same rows
        mp.setattr("bowebb_console.store.review.queries.MANY_CUSTOMERS", 0)
        assert len(_find(engine, customer="testbolaget")) == 3
    assert [r.session_uuid for r in _find(engine, kind="remote_control", reviewed=False)] == [
        su3,
        other,
        su,
    ]


def _find(engine, **kw):  # type: ignore[no-untyped-def]
    return read_page(engine, ReviewFilter(**kw), LIMITS, limit=100)


def test_review_marks_and_flags(engine, db, review_as_lead) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(engine)
    su = full_session(db, customer, contact)
    review_as_lead(engine, su, "flagged", "Check the consent")
    [row] = _find(engine)
    assert row.flags == ("follow_up",) and not row.reviewed
    review_as_lead(engine, su, "reviewed", "OK after call")
    [row] = _find(engine, reviewed=True)
    assert row.flags == () and row.reviewed
    # Tight limits flag the same session as long and with many files.
    tight = FlagLimits(max_seconds=-1, max_files=-1, max_bytes=10**12)
    [row] = read_page(engine, ReviewFilter(), tight)
    assert row.flags == ("too_long", "many_files")
    # Consent recorded by someone else than the one who ran it (SQLite: actors are given).
    if engine.dialect.name == "sqlite":
        su2 = consent(db, customer, contact, actor="anna").session_uuid
        sessions.start_session(db, su2, tool="AnyDesk", actor="erik")
        row = next(r for r in _find(engine) if r.session_uuid == su2)
        assert row.flags == ("consent_other_agent",) and row.agent == "erik"


def test_week_overview(engine) -> None:  # type: ignore[no-untyped-def]
    _demo(engine)
    today = dt.datetime.now(dt.UTC).date()
    monday = today - dt.timedelta(days=today.weekday())
    # The demo's sessions: over eight weeks on SQLite, at the fill on PostgreSQL.
    for week in (monday, monday - dt.timedelta(days=14)):
        view = overview(engine, week, LIMITS)
        sunday = week + dt.timedelta(days=6)
        total = count(engine, ReviewFilter(date_from=week, date_to=sunday), LIMITS)
        assert view.total == total == sum(view.per_day.values()) == sum(view.per_agent.values())
        if engine.dialect.name == "postgresql":
            assert view.total == (count(engine, ReviewFilter(), LIMITS) if week == monday else 0)
    assert view.total > 0 or engine.dialect.name == "postgresql"
    view = overview(engine, monday, LIMITS) if engine.dialect.name == "postgresql" else view
    flt = ReviewFilter(date_from=view.week_start, date_to=view.week_start + dt.timedelta(days=6))
    assert view.unreviewed == count(engine, replace(flt, reviewed=False), LIMITS)
    assert view.flagged == count(engine, replace(flt, flagged=True), LIMITS)
    everything = count(engine, ReviewFilter(), LIMITS)
    assert 0 < count(engine, ReviewFilter(reviewed=False), LIMITS) < everything  # reviews


@pytest.mark.parametrize("hours", [13, -11])
def test_week_overview_counts_days_in_the_readers_zone(engine, hours: int) -> None:  # type: ignore[no-untyped-def]
    """A session is counted on the day it started where the reader is, not in UTC."""
    _demo(engine)
    zone = dt.timezone(dt.timedelta(hours=hours))
    starts = [
        dt.datetime.fromisoformat(str(r["opened_at"]).replace("Z", "+00:00"))
        for r in _table(engine)
    ]
    local_days = [
        (s if s.tzinfo else s.replace(tzinfo=dt.UTC)).astimezone(zone).date() for s in starts
    ]
    day = max(local_days)
    monday = day - dt.timedelta(days=day.weekday())
    view = overview(engine, monday, LIMITS, zone)
    for d in view.days:
        assert view.per_day[d] == local_days.count(d), d
    assert view.total == sum(1 for d in local_days if monday <= d < monday + dt.timedelta(7))


def test_erasing_a_payload_blanks_the_search_copy(engine, db) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(engine)
    su = full_session(db, customer, contact)
    with engine.begin() as conn:
        seq = conn.execute(
            text("SELECT max(seq) FROM log_event WHERE kind = 'note_added'")
        ).scalar_one()
        conn.execute(text("DELETE FROM log_payload WHERE seq = :s"), {"s": seq})
    assert _find(engine, text="Printer") == []
    assert fill_demo_sessions(engine) == 0  # the log is not empty: no demo added
    assert [r.session_uuid for r in _find(engine)] == [su]
