"""services.admin: opening a database for the app, setting one up, and people's logins.

Every failure is a ShownError with a code (``connect.*``, ``url.*``, ``setup.*``,
``users.*``, ``db.*``); real SQLite and PostgreSQL databases throughout.
"""

from __future__ import annotations

import pytest

from bowebb_console.domain.errors import ShownError
from bowebb_console.services import admin
from tests.conftest import free_port

PASSWORD = "correct horse battery"


def code_of(work, *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ShownError) as info:
        work(*args, **kwargs)
    assert "battery" not in info.value.message  # never a password in a message
    assert "Error" not in info.value.message  # nor a driver's class name
    return info.value.code


def test_embedded_database_opens_upgraded_as_its_single_admin(sqlite_url: str) -> None:
    status = admin.schema_status(sqlite_url)
    assert (status.revision, status.state, status.current) == (None, "missing", False)
    database, identity = admin.open_database(sqlite_url)  # SQLite sets itself up
    database.dispose()
    assert (identity.role, identity.dialect) == ("admin", "sqlite")
    status = admin.schema_status(sqlite_url)
    assert status.current and status.revision == status.head


def test_init_and_upgrade_report_the_revision(sqlite_url: str) -> None:
    revision = admin.init_database(sqlite_url)
    assert admin.init_database(sqlite_url) == revision  # safe to re-run
    assert admin.upgrade_database(sqlite_url) == revision == admin.schema_status(sqlite_url).head


def test_failures_carry_codes(sqlite_url: str) -> None:
    unreachable = f"postgresql://x@127.0.0.1:{free_port()}/bowebb"
    assert code_of(admin.open_database, unreachable, password=PASSWORD) == "connect.unreachable"
    assert code_of(admin.upgrade_database, unreachable) == "connect.unreachable"
    assert code_of(admin.open_database, "mysql://h/db") == "connect.bad_url"
    assert code_of(admin.init_database, "mysql://h/db") == "url.unsupported"
    assert code_of(admin.schema_status, "postgresql://h") == "url.no_database"
    assert code_of(admin.init_database, sqlite_url, role_prefix="Bad Prefix") == "setup.bad_prefix"
    assert code_of(admin.upgrade_database, sqlite_url) == "setup.not_initialised"
    assert code_of(admin.list_users, sqlite_url) == "users.not_postgresql"
    assert code_of(admin.check_user_name, "Bad Name") == "users.bad_name"
    assert code_of(admin.check_user_name, "pg_x") == "users.reserved_name"
    assert code_of(admin.check_password, "short") == "users.short_password"


def test_a_bad_url_is_named_but_never_shows_a_password() -> None:
    assert admin.display_url("postgresql://anna:hemligt@db.example.se/bowebb") == (
        "postgresql://anna@db.example.se/bowebb"
    )
    assert admin.display_url("sqlite:////tmp/x.sqlite3") == "SQLite: /tmp/x.sqlite3"
    assert admin.display_url("mysql://anna:hemligt@db/x") == "db/x"
    account = admin.password_account("postgresql://db.example.se:5433/bowebb", "anna")
    assert account == "db:anna@db.example.se:5433/bowebb"


def test_logins_lifecycle(pg_db) -> None:  # type: ignore[no-untyped-def]
    url = pg_db.admin_url_str
    admin.init_database(url, role_prefix=pg_db.role_prefix)
    anna = pg_db.login_name("anna")
    admin.add_user(url, anna, "agent", PASSWORD)
    assert code_of(admin.add_user, url, anna, "agent", PASSWORD) == "users.exists"
    assert [(u.name, u.role, u.can_login) for u in admin.list_users(url)] == [(anna, "agent", True)]
    login_url = pg_db.url_for("x").replace("x@", "", 1)
    database, identity = admin.open_database(login_url, user=anna, password=PASSWORD)
    database.dispose()
    assert (identity.user, identity.role, identity.dialect) == (anna, "agent", "postgresql")

    admin.set_role(url, anna, "lead")
    admin.set_password(url, anna, PASSWORD + " 2")
    database, identity = admin.open_database(login_url, user=anna, password=PASSWORD + " 2")
    database.dispose()
    assert identity.role == "lead"
    assert admin.disable_user(url, anna) == 0
    assert code_of(admin.open_database, login_url, user=anna, password=PASSWORD + " 2") == (
        "connect.login_disabled"
    )
    admin.enable_user(url, anna)
    assert admin.list_users(url)[0].can_login
    assert code_of(admin.set_role, url, pg_db.login_name("nobody"), "agent") == "users.unknown"


def test_an_agent_may_not_manage_logins(pg_db) -> None:  # type: ignore[no-untyped-def]
    admin.init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    agent = pg_db.login_name("agent")
    admin.add_user(pg_db.admin_url_str, agent, "agent", PASSWORD)
    as_agent = pg_db.url_for(agent, PASSWORD)
    eve = pg_db.login_name("eve")
    assert code_of(admin.add_user, as_agent, eve, "admin", PASSWORD) == "users.refused"


def test_a_driver_error_after_connecting_is_a_db_code(pg_db) -> None:  # type: ignore[no-untyped-def]
    # Not initialised: the role prefix's table is missing, which the server reports.
    assert code_of(admin.list_users, pg_db.admin_url_str).startswith("db.")
