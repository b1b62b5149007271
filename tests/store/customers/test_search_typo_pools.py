"""The typo tier's candidate pools for a mistyped company name (SQLite: one FTS5 scan of
all pieces but one, split into the alternatives in Python) are the ones the separate FTS5
ANDs gave, in the same order; and the company is found on both dialects."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

import bowebb_console.store.customers.search as search_module
from bowebb_console.domain.orgnr import make_orgnr
from bowebb_console.domain.search_text import plain
from bowebb_console.store.customers.search import (
    _alternatives,
    _one_scan,
    _SqliteSearcher,
    fts_phrase,
    search_customers,
)
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.models import Customer

TOWNS = ("Piteå", "Luleå", "Umeå", "Kalix", "Boden", "Arvidsjaur", "Haparanda", "Skellefteå")
TRADES = ("Transport", "Transportservice", "Snickeri", "Bygg")
SUFFIXES = ("AB", "HB", "Ekonomisk förening")


def _names() -> list[str]:
    names = [f"{t} {d} {s}" for t in TOWNS for d in TRADES for s in SUFFIXES]
    # Look-alikes of the long name the tests mistype, and a name holding digits.
    names += ["Palmkvist Snickeri Ekonomisk förening", "Palmqvist Snickeri AB"]
    names += ["Palmkvist Städ Ekonomisk förening", "Palm 5566 Transport AB"]
    return names


def _customers() -> list[Customer]:
    return [
        Customer(org_number=make_orgnr(f"55{6000000 + i * 7:07d}").digits, name=name)
        for i, name in enumerate(_names())
    ]


@pytest.fixture
def engine(any_db_url: str) -> Iterator[Engine]:
    engine = make_engine(any_db_url)
    with Session(engine) as session, session.begin():
        session.add_all(_customers())
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Iterator[Engine]:
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    with Session(engine) as session, session.begin():
        session.add_all(_customers())
    yield engine
    engine.dispose()


@pytest.mark.parametrize(
    ("q", "want"),
    [
        ("Palmkvist Snickeri Ekomonisk förening", "Palmkvist Snickeri Ekonomisk förening"),
        ("Palmkvist Snickerj Ekonomisk förening", "Palmkvist Snickeri Ekonomisk förening"),
        ("Pitea Transpont AB", "Piteå Transport AB"),
        ("Skelleftea Bygg Ekonomisk forenimg", "Skellefteå Bygg Ekonomisk förening"),
    ],
)
def test_a_mistyped_company_name_is_found(engine: Engine, q: str, want: str) -> None:
    with engine.connect() as conn:
        assert search_customers(conn, q, 10)[0].name == want


def _pools_by_and(conn: Connection, alternatives: list[list[str]]) -> list[tuple[int, str]]:
    """What the typo tier read before: each alternative's FTS5 AND, its first FUZZY_POOL
    rows, alternatives in order (a name keeps the place it was first read in)."""
    found: dict[int, str] = {}
    for pieces in alternatives:
        rows = conn.exec_driver_sql(
            "SELECT m.id, b.name_plain FROM (SELECT rowid AS id FROM customer_fts WHERE "
            "customer_fts MATCH ? LIMIT ?) AS m JOIN customer b ON b.id = m.id",
            (" AND ".join(fts_phrase(p) for p in pieces), search_module.FUZZY_POOL),
        )
        for id_, text in rows:
            found[int(id_)] = str(text)
    return list(found.items())


QUERIES = [
    "Palmkvist Snickeri Ekomonisk förening",  # one piece rare, the others common
    "Pitea Transpont AB",
    "Lulea Transportservice HB",  # spelled right: every name holding all pieces
    "Transport Ekonomisk forening",  # no piece rare: every pool is full
    "Palm 5566 Transpxrt AB",  # a piece of digits in a name
    "5560 Kalix Bygg AB",  # a piece of digits found in org numbers only (a column of FTS5)
    "Kalix Bygg Ekonomisk fxrening",
]


@pytest.mark.parametrize("q", QUERIES)
@pytest.mark.parametrize(("pool", "scan"), [(600, 1000), (5, 7), (3, 4)])
def test_one_scan_gives_the_pools_of_the_separate_ands(
    sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch, q: str, pool: int, scan: int
) -> None:
    # Small pools and scans: most pools fill, scans stop and go on after their last name.
    monkeypatch.setattr(search_module, "FUZZY_POOL", pool)
    monkeypatch.setattr(search_module, "FUZZY_UNION", scan)
    alternatives = _alternatives(plain(q))
    assert _one_scan(alternatives)
    with sqlite_engine.connect() as conn:
        got = _SqliteSearcher(conn, 50)._company_pools(alternatives)
        assert list(got.items()) == _pools_by_and(conn, alternatives)
    assert got


def test_pieces_one_scan_cannot_match_as_fts5_does_keep_the_separate_ands() -> None:
    assert not _one_scan(_alternatives("palmkvist snickeri"[:7]))  # two pieces
    assert _one_scan(_alternatives("palmkvist snickeri"))
    # A letter fold() leaves as it is (not ASCII): FTS5 folds its case by its own table.
    assert not _one_scan(_alternatives("москва логистик ab"))


def test_a_name_beyond_ascii_is_still_found(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        session.add(Customer(org_number=make_orgnr("556999001").digits, name="Москва Логистик AB"))
    with engine.connect() as conn:
        assert search_customers(conn, "Москва Логистмк AB", 10)[0].name == "Москва Логистик AB"
