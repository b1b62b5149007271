"""Migration 0005 on a register with data: existing sub-processors keep everything, count as
still receiving data, keep their CHECK constraint; it downgrades and upgrades again."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from bowebb_console.store.db import schema
from bowebb_console.store.db.engine import make_engine

BEFORE = "0004"  # 0005's down revision on this branch


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    if request.param == "sqlite":
        return sqlite_url
    return str(request.getfixturevalue("pg_db").admin_url_str)


def test_upgrade_keeps_the_register_and_downgrades(empty_url: str) -> None:
    engine = make_engine(empty_url)
    schema.upgrade(engine, BEFORE)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sub_processor (name, service, data_categories, locations, status,"
                " version) VALUES ('Hall AB', 'Hosting', 'Contacts', 'SE,DE', 'active', 3)"
            )
        )
    schema.upgrade(engine)
    with engine.begin() as conn:
        row = conn.execute(
            text(
                "SELECT name, locations, version, storage_locations, receiving_data, contact "
                "FROM sub_processor"
            )
        ).one()
        assert tuple(row) == ("Hall AB", "SE,DE", 3, "", True, None)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text("UPDATE sub_processor SET status = 'paused'"))
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), BEFORE)
    tables = set(inspect(engine).get_table_names())
    assert "dpa_checklist_item" not in tables and "sub_processor_change" not in tables
    columns = {c["name"] for c in inspect(engine).get_columns("sub_processor")}
    assert "receiving_data" not in columns
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text("UPDATE sub_processor SET status = 'paused'"))
    schema.upgrade(engine)
    with engine.connect() as conn:
        assert schema.current_revision(conn) == schema.HEAD
        assert conn.execute(text("SELECT count(*) FROM sub_processor")).scalar() == 1
    engine.dispose()
