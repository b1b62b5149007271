"""Migration 0007 on a log with sessions: the summary is built from the existing log; it
downgrades (the log trigger back to 0002's body) and upgrades again."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text

from bowebb_console.store.db import schema
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.review.queries import FlagLimits, ReviewFilter, fetch_page
from tests.store.log_helpers import add_customer, full_session


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    if request.param == "sqlite":
        return sqlite_url
    return str(request.getfixturevalue("pg_db").admin_url_str)


def _fill_source(engine) -> str:  # type: ignore[no-untyped-def]
    if engine.dialect.name != "postgresql":
        return ""
    with engine.connect() as conn:
        return str(
            conn.execute(
                text("SELECT prosrc FROM pg_proc WHERE proname = 'log_event_fill'")
            ).scalar()
        )


def _make_me_a_lead(engine, prefix: str) -> None:  # type: ignore[no-untyped-def]
    """The trigger lets only leads add reviews: this test's login becomes one (its roles go
    with the test database's prefix)."""
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO app_meta(key, value) VALUES ('role_prefix', :p)"), {"p": prefix}
        )
        conn.execute(text(f'CREATE ROLE "{prefix}_lead" NOLOGIN'))
        conn.execute(text(f'GRANT "{prefix}_lead" TO CURRENT_USER'))


def _rows(engine):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return fetch_page(conn, ReviewFilter(), FlagLimits())


def test_upgrade_summarises_the_existing_log(  # type: ignore[no-untyped-def]
    empty_url: str, request: pytest.FixtureRequest, review_as_lead
) -> None:
    engine = make_engine(empty_url)
    # A log written by today's code (it reads columns later revisions add), then taken back
    # to before the review tables: 0007 must summarise what it finds there.
    schema.upgrade(engine)
    if engine.dialect.name == "postgresql":
        # Recording a customer's DPA and adding reviews are a lead's: this test's own roles,
        # never whatever roles of the default prefix the server happens to have.
        _make_me_a_lead(engine, request.getfixturevalue("pg_db").role_prefix)
    su = full_session(Database(engine), *add_customer(engine))
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0005")
    before = _fill_source(engine)
    schema.upgrade(engine)
    [row] = _rows(engine)
    assert (row.session_uuid, row.state, row.agent) == (su, "ended", row.consent_actor)
    assert "review_added" in _fill_source(engine) or engine.dialect.name == "sqlite"
    review_as_lead(engine, su, "reviewed", "ok")
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0005")
    with engine.connect() as conn:
        assert "session_summary" not in inspect(conn).get_table_names()
    assert _fill_source(engine) == before  # 0002's trigger body, unchanged
    schema.upgrade(engine)
    full_session(Database(engine), *add_customer(engine, org="5566809827"))  # the log still works
    rows = _rows(engine)
    assert len(rows) == 2 and {r.reviewed for r in rows} == {True, False}
    engine.dispose()
