"""The review's privileges, enforced by PostgreSQL: an agent reads only the summaries of
sessions they ran and cannot add a review; a lead reads all and can."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bowebb_console.domain.errors import ShownError
from bowebb_console.services import review
from bowebb_console.services.database import Database, Identity
from bowebb_console.store.db import users
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.chain import LogWriteError, append_event
from bowebb_console.store.review.queries import FlagLimits, ReviewFilter
from bowebb_console.store.review.queries import fetch_page as store_fetch_page
from tests.store.log.test_chain_pg import refused
from tests.store.log_helpers import add_customer, full_session

PASSWORD = "correct horse battery"
LEAD = Identity(user="lead", role="lead", dialect="postgresql")


def fetch_page(engine, flt, limits):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return store_fetch_page(conn, flt, limits)


def add_review(engine, su: str, action: str, comment: str, identity=LEAD):  # type: ignore[no-untyped-def]
    return review.add_review(Database(engine), identity, su, action, comment)


@pytest.fixture
def people(pg_db):  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    names = {r: pg_db.login_name(r) for r in ("agent", "agent2", "lead")}
    with admin.begin() as conn:
        for key, name in names.items():
            users.add_user(conn, name, "lead" if key == "lead" else "agent", PASSWORD)
    engines = {k: make_engine(pg_db.url_for(n, PASSWORD)) for k, n in names.items()}
    customer, contact = add_customer(admin)  # agents do not record DPAs
    mine = full_session(Database(engines["agent"]), customer, contact)
    theirs = full_session(Database(engines["agent2"]), customer, contact)
    yield names, engines, mine, theirs
    for engine in engines.values():
        engine.dispose()
    admin.dispose()


def test_agent_reads_only_own_summaries(people) -> None:  # type: ignore[no-untyped-def]
    _names, engines, mine, theirs = people
    rows = fetch_page(engines["agent"], ReviewFilter(), FlagLimits())
    assert [r.session_uuid for r in rows] == [mine]
    with engines["agent"].connect() as conn:
        seen = conn.execute(text("SELECT session_uuid FROM session_summary")).scalars().all()
    assert seen == [mine]
    lead_rows = fetch_page(engines["lead"], ReviewFilter(), FlagLimits())
    assert {r.session_uuid for r in lead_rows} == {mine, theirs}


def test_nobody_writes_the_summary_directly(people) -> None:  # type: ignore[no-untyped-def]
    engines = people[1]
    for who in ("agent", "lead"):
        msg = refused(engines[who], "UPDATE session_summary SET reviewed = true")
        assert "permission denied" in msg
        msg = refused(engines[who], "DELETE FROM session_summary")
        assert "permission denied" in msg


def test_only_leads_add_reviews(people) -> None:  # type: ignore[no-untyped-def]
    names, engines, mine, theirs = people
    agent = Identity(user=names["agent"], role="agent", dialect="postgresql")
    with pytest.raises(ShownError) as refused_by_service:
        add_review(engines["agent"], mine, "reviewed", "looks fine to me", identity=agent)
    assert refused_by_service.value.code == "review.not_lead"
    # A client that claims to be a lead is refused by the database all the same.
    with pytest.raises(ShownError) as refused_by_server:
        add_review(engines["agent"], mine, "reviewed", "looks fine to me")
    assert refused_by_server.value.code == "log.refused"
    assert "only team leads and admins" in refused_by_server.value.params["detail"]
    # Not through the service either: the trigger refuses the raw event.
    with pytest.raises(LogWriteError, match="only team leads and admins"):
        append_event(Database(engines["agent"]), "review_added", mine, {"action": "reviewed"})
    add_review(engines["lead"], theirs, "flagged", "Consent wording unclear")
    [row] = fetch_page(engines["lead"], ReviewFilter(flagged=True), FlagLimits())
    assert row.session_uuid == theirs and row.flags == ("follow_up",)
    # The agent who ran it sees the mark on their own session only.
    [own] = fetch_page(engines["agent2"], ReviewFilter(), FlagLimits())
    assert own.followup and own.last_reviewer == names["lead"]
    assert fetch_page(engines["agent"], ReviewFilter(flagged=True), FlagLimits()) == []


def test_agents_cannot_read_review_payloads(people) -> None:  # type: ignore[no-untyped-def]
    _names, engines, mine, _theirs = people
    add_review(engines["lead"], mine, "flagged", "Samtal med kunden om samtycket")
    query = (
        "SELECT e.kind, p.payload FROM log_event e LEFT JOIN log_payload p ON p.seq = e.seq "
        "WHERE e.session_uuid = :su ORDER BY e.seq"
    )
    with engines["agent"].connect() as conn:
        rows = conn.execute(text(query), {"su": mine}).all()
    assert rows[-1] == ("review_added", None)  # the event is there, its comment is not
    assert all(payload is not None for kind, payload in rows[:-1])
    with engines["lead"].connect() as conn:
        assert "Samtal" in conn.execute(text(query), {"su": mine}).all()[-1][1]
    # The chain still verifies for everyone (an unreadable payload counts as erased).
    from bowebb_console.store.log.verify import verify_log

    assert verify_log(Database(engines["agent"])).ok and verify_log(Database(engines["lead"])).ok


def test_summary_functions_belong_to_the_log_writer(pg_db) -> None:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    with admin.connect() as conn:
        owners = dict(
            conn.execute(
                text(
                    "SELECT proname, proowner::regrole::text FROM pg_proc WHERE proname IN "
                    "('log_event_fill', 'session_summary_apply', 'session_summary_erased')"
                )
            ).all()
        )
    admin.dispose()
    assert set(owners.values()) == {f"{pg_db.role_prefix}_log_writer"} and len(owners) == 3
