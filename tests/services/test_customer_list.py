"""The lookup's first page read with the standard library's sqlite3 at start-up (issue 18,
item 12) is exactly what the normal path (SQLAlchemy) shows: same rows, same order, same
texts, and the true number of customers; it gives up (None) rather than guess."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bowebb_console.services import customer_list, customers
from bowebb_console.services.customer_list import embedded_path, first_page
from bowebb_console.services.database import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database


@pytest.fixture
def demo_db(sqlite_url: str) -> Iterator[Database]:
    from bowebb_console.demo.fill import fill_demo

    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    fill_demo(engine, companies=120, contacts=240)
    with engine.begin() as conn:  # names that sort by byte, case and accent, and a tie
        conn.execute(
            text(
                "UPDATE customer SET name = CASE id % 5 WHEN 0 THEN 'Åkesson AB' "
                "WHEN 1 THEN 'akesson ab' WHEN 2 THEN 'Zeta AB' ELSE name END "
                "WHERE id <= 15"
            )
        )
    database = Database(engine)
    yield database
    database.dispose()


@pytest.mark.parametrize("limit", [200, 20, 120])
def test_first_page_is_what_the_lookup_shows(
    demo_db: Database, sqlite_url: str, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(customer_list, "BROWSE_LIMIT", limit)
    page = first_page(sqlite_url)
    assert page is not None
    query, rows = customers.lookup(demo_db, "")
    assert query == ""
    assert page.rows == rows  # frozen ResultRows: every field, in the same order
    assert len(rows) == min(limit, 120)
    assert page.total == customers.count_customers(demo_db) == 120  # not the page size


def test_first_page_sees_a_committed_change(demo_db: Database, sqlite_url: str) -> None:
    with demo_db.engine.begin() as conn:
        conn.execute(text("UPDATE customer SET dpa_signed_on = NULL WHERE id = 1"))
        conn.execute(text("UPDATE customer SET name = '  Aaa först' WHERE id = 1"))
    page = first_page(sqlite_url)
    assert page is not None
    assert page.rows[0].customer_id == 1 and page.rows[0].name == "  Aaa först"
    assert page.rows[0].dpa_signed is False
    assert page.rows == customers.lookup(demo_db, "")[1]


def test_no_first_page_without_a_readable_embedded_database(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert first_page(f"sqlite:///{missing}") is None
    assert not missing.exists()  # never created by the read
    assert first_page(f"sqlite:///{tmp_path}") is None  # a directory
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    assert first_page(f"sqlite:///{empty}") is None  # no tables yet: the normal path creates them
    assert first_page("postgresql://db.example.se/bowebb") is None
    assert first_page("sqlite://") is None  # in memory
    assert first_page(f"sqlite:///{empty}?mode=ro") is None  # options: the normal path's


def test_embedded_path_reads_the_url_as_sqlalchemy_does(tmp_path: Path) -> None:
    from sqlalchemy.engine import make_url

    for url in (
        f"sqlite:///{tmp_path / 'a b' / 'console.sqlite3'}",
        "sqlite:///relative/console.sqlite3",
        "SQLite:///C:/Users/agent/console.sqlite3",
    ):
        assert str(embedded_path(url)) == str(Path(make_url(url).database or ""))
