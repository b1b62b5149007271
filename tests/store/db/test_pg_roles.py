"""Roles are enforced by PostgreSQL itself: what a role may not do, the server refuses."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bowebb_console.store.db import users
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database

PASSWORD = "correct horse battery"


@pytest.fixture
def logins(pg_db):  # type: ignore[no-untyped-def]
    """An initialised database with one login per role plus one with no role."""
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    names = {}
    with admin.begin() as conn:
        for role in ("agent", "lead", "admin"):
            names[role] = pg_db.login_name(role)
            users.add_user(conn, names[role], role, PASSWORD)
        names["none"] = pg_db.login_name("norole")
        conn.execute(text(f'CREATE ROLE "{names["none"]}" LOGIN'))
    admin.dispose()
    engines = {k: make_engine(pg_db.url_for(v, PASSWORD)) for k, v in names.items()}
    yield names, engines
    for engine in engines.values():
        engine.dispose()


def refused(engine, statement: str, params: dict | None = None) -> str:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        with pytest.raises(DBAPIError) as info:
            conn.execute(text(statement), params or {})
            conn.commit()
        return str(info.value.orig)


def allowed(engine, statement: str, params: dict | None = None):  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        return conn.execute(text(statement), params or {})


ADMIN_ONLY = [
    "CREATE ROLE intruder LOGIN",
    "ALTER TABLE customer ADD COLUMN x int",
    "DROP TABLE contact",
    "CREATE TABLE public.mine (x int)",
    "DELETE FROM customer",
    "INSERT INTO sub_processor (name, service, data_categories, locations, status, version) "
    "VALUES ('X', 'x', '', 'SE', 'active', 1)",
    "UPDATE app_meta SET value = 'x'",
    "UPDATE alembic_version SET version_num = 'x'",
]


@pytest.mark.parametrize("role", ["agent", "lead"])
@pytest.mark.parametrize("statement", ADMIN_ONLY)
def test_agent_and_lead_are_refused_by_the_server(logins, role: str, statement: str) -> None:  # type: ignore[no-untyped-def]
    _, engines = logins
    message = refused(engines[role], statement)
    assert "permission denied" in message or "must be owner" in message


@pytest.mark.parametrize("role", ["agent", "lead", "admin"])
def test_no_role_can_grant_to_others(logins, pg_db, role: str) -> None:  # type: ignore[no-untyped-def]
    names, engines = logins
    with engines[role].begin() as conn:
        # Without the grant option PostgreSQL only warns; what counts is that nothing changed.
        conn.execute(text(f'GRANT SELECT ON customer TO "{names["none"]}"'))
    with engines["agent"].connect() as conn:
        assert not conn.execute(
            text("SELECT has_table_privilege(:u, 'customer', 'SELECT')"), {"u": names["none"]}
        ).scalar()
    message = refused(engines[role], f'GRANT "{pg_db.role_prefix}_admin" TO "{names[role]}"')
    assert "permission denied" in message or "must have admin option" in message


def test_agent_can_do_its_work(logins) -> None:  # type: ignore[no-untyped-def]
    _, engines = logins
    allowed(
        engines["agent"],
        "INSERT INTO customer (org_number, name, status, version) "
        "VALUES ('5566809827', 'Test AB', 'active', 1)",
    )
    allowed(engines["agent"], "UPDATE customer SET name = 'Test 2 AB'")
    assert allowed(engines["agent"], "SELECT count(*) FROM sub_processor").scalar() == 0


def test_admin_keeps_the_register_and_may_delete(logins) -> None:  # type: ignore[no-untyped-def]
    _, engines = logins
    allowed(
        engines["admin"],
        "INSERT INTO sub_processor (name, service, data_categories, locations, status, version) "
        "VALUES ('Hosting AB', 'hosting', '', 'SE', 'active', 1)",
    )
    allowed(engines["admin"], "DELETE FROM sub_processor")
    message = refused(engines["admin"], "CREATE ROLE intruder2 LOGIN")
    assert "permission denied" in message


def test_login_without_group_cannot_even_connect(logins) -> None:  # type: ignore[no-untyped-def]
    _, engines = logins
    with pytest.raises(DBAPIError, match="permission denied for database"):
        engines["none"].connect()
