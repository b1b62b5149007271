"""Migration 0003 on a database with data: existing rows get folded keys and are searchable;
it downgrades and upgrades again cleanly."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text

from bowebb_console.store.customers.search import search_customers
from bowebb_console.store.db import schema
from bowebb_console.store.db.engine import make_engine


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    if request.param == "sqlite":
        return sqlite_url
    return str(request.getfixturevalue("pg_db").admin_url_str)


def test_upgrade_backfills_and_downgrades(empty_url: str) -> None:
    engine = make_engine(empty_url)
    schema.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO customer (id, org_number, name, status, version) "
                "VALUES (1, '5566809827', 'ÅKESSON AB', 'active', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO contact (customer_id, name, email, version) "
                "VALUES (1, 'Örjan Ärlig', 'Orjan@Akesson.se', 1)"
            )
        )
    schema.upgrade(engine)
    with engine.connect() as s:
        assert [h.match_kind for h in search_customers(s, "åkesson")] == ["prefix"]
        assert search_customers(s, "akesson")[0].name == "ÅKESSON AB"  # 0011: name_plain
        assert search_customers(s, "orjan@akesson.se")[0].match_kind == "email_exact"
        assert search_customers(s, "ärlig")[0].matched_contact == "Örjan Ärlig <Orjan@Akesson.se>"
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0001")
    with engine.connect() as conn:
        assert "notice_export" not in inspect(conn).get_table_names()
        assert "name_folded" not in {c["name"] for c in inspect(conn).get_columns("customer")}
    schema.upgrade(engine)
    with engine.connect() as s:
        assert search_customers(s, "ÅKE")[0].name == "ÅKESSON AB"
    engine.dispose()
