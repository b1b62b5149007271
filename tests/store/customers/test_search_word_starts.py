"""Latency work on search (issue 17, migration 0026), on both dialects: the contains tier
matches word starts from btree indexes, and the typo tier looks next to the query first.

No timing here: what is asserted is what is found, and which indexes and statements the
search uses (the benchmark measures the time, docs/performance.md)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

from bowebb_console.store.customers.search import SearchHit, search_customers
from bowebb_console.store.db import schema
from bowebb_console.store.db.engine import make_engine
from tests.store.customers.builders import company

WORD_INDEXES = {
    "ix_customer_name_w2",
    "ix_customer_name_w3",
    "ix_customer_name_w4",
    "ix_contact_name_w2",
    "ix_contact_name_w3",
    "ix_contact_email_domain",
}


@pytest.fixture
def engine(any_db_url: str) -> Iterator[Engine]:
    engine = make_engine(any_db_url)
    with Session(engine) as session, session.begin():
        session.add_all(
            [
                company("Sundqvist Bygg AB", ("Anna Berg", "anna@sundqvist.se")),
                company("Stahl & Jonsson Bygg AB", ("Per Stahl", "per@stahljonsson.se")),
                company("Zetterlund Måleri AB", ("Eva Maria Lind", "eva@zetterlund.se")),
                company("Rosén Konsult AB", ("Said Rosén", "said@rosenkonsult.se")),
                company("Roos Data HB", ("Said Roos", "said@roosdata.se")),
                company("Hjalmarsson El AB", ("Lucas Hjalmarsson", "lucas@hjalmarssonel.se")),
            ]
        )
    yield engine
    engine.dispose()


def search(engine: Engine, q: str) -> list[SearchHit]:
    with engine.connect() as conn:
        return search_customers(conn, q, 50)


def kinds(engine: Engine, q: str) -> dict[str, str]:
    return {h.name: h.match_kind for h in search(engine, q)}


@pytest.mark.parametrize(
    ("q", "want"),
    [
        ("berg", "Sundqvist Bygg AB"),  # a surname: the contact's second word
        ("bygg", "Sundqvist Bygg AB"),  # a company's second word
        ("jonsson bygg", "Stahl & Jonsson Bygg AB"),  # from its third word ("&" is one)
        ("bygg ab", "Stahl & Jonsson Bygg AB"),  # from its fourth word
        ("lind", "Zetterlund Måleri AB"),  # a contact's third word
        ("maria li", "Zetterlund Måleri AB"),  # from the second word on, partly typed
        ("sundqvist.se", "Sundqvist Bygg AB"),  # an address's domain
        ("roosda", "Roos Data HB"),  # the domain, partly typed
    ],
)
def test_word_starts_are_contains_hits(engine: Engine, q: str, want: str) -> None:
    assert kinds(engine, q)[want] == "contains"


def test_inside_a_word_is_left_to_the_typo_tier(engine: Engine) -> None:
    # Not a word start: no contains hit, but the typo tier finds it at distance 0.
    hits = search(engine, "lund mål")
    assert (hits[0].name, hits[0].match_kind) == ("Zetterlund Måleri AB", "fuzzy")
    assert search(engine, "qvist bygg")[0].name == "Sundqvist Bygg AB"


def test_the_contains_tier_reads_the_word_indexes(engine: Engine) -> None:
    statements: list[tuple[str, object]] = []

    def keep(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        search(engine, "berg")
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    contains = [(s, p) for s, p in statements if "'contains' AS kind" in s]
    assert len(contains) == 1
    statement, parameters = contains[0]
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            # A handful of rows: the planner would scan them; ask it whether it can use
            # the indexes at all.
            conn.execute(text("SET enable_seqscan = off"))
            conn.execute(text("SET enable_bitmapscan = off"))
            plan = conn.exec_driver_sql("EXPLAIN " + statement, parameters).scalars().all()  # type: ignore[arg-type]
        else:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()  # type: ignore[arg-type]
            plan = [str(r[-1]) for r in rows]
    used = {name for name in WORD_INDEXES if any(name in line for line in plan)}
    assert used == WORD_INDEXES, plan
    assert not any("fts" in line.lower() or "Seq Scan" in line for line in plan), plan


def test_a_name_begun_by_others_skips_the_piecewise_typo_scan(engine: Engine) -> None:
    statements: list[str] = []

    def keep(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", keep)
    try:
        hits = search(engine, "Lucas Hjal")  # typed partly: begins "Lucas Hjalmarsson"
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    assert hits[0].name == "Hjalmarsson El AB"
    fuzzy = [s for s in statements if "'fuzzy' AS kind" in s or " MATCH " in s]
    # Only the look next to the query (index ranges), no trigram pieces.
    assert fuzzy and not any(" MATCH " in s or "LIKE" in s for s in fuzzy)


def test_a_typo_that_begins_another_name_still_finds_the_one_meant(engine: Engine) -> None:
    # "Said Ros" begins "Said Rosén" but may be "Said Roos" mistyped: both are listed.
    names = [h.name for h in search(engine, "Said Ros")]
    assert names[:2] == ["Rosén Konsult AB", "Roos Data HB"]
    # Typed whole with the typo late in the name: found next to it in the index.
    assert search(engine, "Lucas Hjalmarssin")[0].name == "Hjalmarsson El AB"
    # A typo early in the name: not next to it; the piece-wise scan still finds it.
    assert search(engine, "Lucas Hjelmarsson")[0].name == "Hjalmarsson El AB"


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    if request.param == "sqlite":
        return sqlite_url
    return str(request.getfixturevalue("pg_db").admin_url_str)


def _indexes(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            found = conn.execute(text("SELECT indexname FROM pg_indexes")).scalars()
        else:
            found = conn.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'index'")
            ).scalars()
        return set(found) & WORD_INDEXES


def test_migration_adds_and_removes_the_word_indexes(empty_url: str) -> None:
    engine = make_engine(empty_url)
    schema.upgrade(engine, "0025")
    with Session(engine) as session, session.begin():
        session.add(company("Sundqvist Bygg AB", ("Anna Berg", "anna@sundqvist.se")))
    schema.upgrade(engine)
    assert _indexes(engine) == WORD_INDEXES
    assert kinds(engine, "berg")["Sundqvist Bygg AB"] == "contains"  # existing rows
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0025")
    assert _indexes(engine) == set()
    schema.upgrade(engine)
    assert _indexes(engine) == WORD_INDEXES
    engine.dispose()


def test_pg_word_indexes_keep_no_statistics(pg_db) -> None:  # type: ignore[no-untyped-def]
    """The indexes hold surnames and domains: ANALYZE gathers nothing of them
    (pg_statistic), like the personal columns they are made of (migrations 0008, 0019)."""
    engine = make_engine(pg_db.admin_url_str)
    schema.upgrade(engine)
    with Session(engine) as session, session.begin():
        session.add_all(
            company(f"Planted {i} Bygg AB", ("Anna Plantedsson", f"anna{i}@planted.se"))
            for i in range(300)
        )
    with engine.begin() as conn:
        conn.execute(text("ANALYZE customer"))
        conn.execute(text("ANALYZE contact"))
        targets: dict[str, int] = dict(
            conn.execute(
                text(
                    "SELECT c.relname, a.attstattarget FROM pg_class c "
                    "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = 1 "
                    "WHERE c.relname = ANY(:n)"
                ),
                {"n": sorted(WORD_INDEXES)},
            ).all()
        )
        gathered = conn.execute(
            text(
                "SELECT count(*) FROM pg_statistic s JOIN pg_class c ON c.oid = s.starelid "
                "WHERE c.relname = ANY(:n)"
            ),
            {"n": sorted(WORD_INDEXES)},
        ).scalar_one()
    assert targets == dict.fromkeys(WORD_INDEXES, 0)
    assert gathered == 0
    # Still none after the erasure's rewrite of the table (a same-type ALTER, 0009/0012).
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE contact ALTER COLUMN title TYPE varchar(100) USING (title)"))
        conn.execute(text("ANALYZE contact"))
        gathered = conn.execute(
            text(
                "SELECT count(*) FROM pg_statistic s JOIN pg_class c ON c.oid = s.starelid "
                "WHERE c.relname = ANY(:n)"
            ),
            {"n": sorted(WORD_INDEXES)},
        ).scalar_one()
    assert gathered == 0
    engine.dispose()


def test_a_short_text_inside_a_word_is_found_when_nothing_begins_with_it(
    engine: Engine,
) -> None:
    # Too short for the typo tier's pieces, and no name or word begins with it: the last
    # scan of the trigram indexes finds it inside the word.
    hits = search(engine, "qvist")
    assert (hits[0].name, hits[0].match_kind) == ("Sundqvist Bygg AB", "contains")
    assert kinds(engine, "etterl")["Zetterlund Måleri AB"] == "contains"
    assert [h.name for h in search(engine, "lmars")] == ["Hjalmarsson El AB"]
    # Something begins it: only that is listed ("rose" is inside no other name).
    assert [h.name for h in search(engine, "rose")] == ["Rosén Konsult AB"]
    assert search(engine, "xqzvy") == []
