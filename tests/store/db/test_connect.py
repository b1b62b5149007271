"""Opening a database: every failure a person can meet gets its own kind and message."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bowebb_console.store.db import schema, users
from bowebb_console.store.db.connect import open_database, verify_password
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.errors import ConnectError
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.db.urls import parse_database_url

PASSWORD = "correct horse battery"


def kind_of(url: str, **kw) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ConnectError) as info:
        open_database(url, **kw)
    assert "battery" not in info.value.message  # the password never appears in a message
    assert info.value.code == f"connect.{info.value.kind}"  # what the UI translates
    return info.value.kind


@pytest.mark.parametrize(
    "url", ["", "not a url", "mysql://host/db", "postgresql://host", "postgresql://h:99999/db"]
)
def test_malformed_urls(url: str) -> None:
    assert kind_of(url) == "bad_url"


def test_a_malformed_url_says_why_in_its_detail() -> None:
    with pytest.raises(ConnectError) as info:
        open_database("postgresql://host")
    assert info.value.params["detail"] == "The PostgreSQL URL names no database (…/bowebb)."


def test_unreachable_server() -> None:
    from tests.conftest import free_port

    assert (
        kind_of(f"postgresql://x@127.0.0.1:{free_port()}/bowebb", password=PASSWORD)
        == "unreachable"
    )


def test_database_missing(pg_available) -> None:  # type: ignore[no-untyped-def]
    if not pg_available:
        pytest.skip("PostgreSQL not reachable")
    from tests.conftest import PG_ADMIN_URL

    url = parse_database_url(PG_ADMIN_URL).set(database="no_such_bowebb_db")
    assert kind_of(url.render_as_string(hide_password=False)) == "database_missing"


def test_schema_missing_on_an_empty_database(pg_db) -> None:  # type: ignore[no-untyped-def]
    assert kind_of(pg_db.admin_url_str) == "schema_missing"


def test_schema_newer_and_older(pg_db, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    engine = make_engine(pg_db.admin_url_str)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dcafe'"))
    assert kind_of(pg_db.admin_url_str) == "schema_newer"
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE alembic_version SET version_num = :r"), {"r": schema.head_revision()}
        )
    engine.dispose()
    # The app gaining a migration the database has not run yet: the admin must upgrade.
    monkeypatch.setattr(schema, "head_revision", lambda: "9999")
    assert kind_of(pg_db.admin_url_str) == "schema_older"


def test_role_missing_and_identity(pg_db) -> None:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    agent, lonely = pg_db.login_name("agent"), pg_db.login_name("lonely")
    with admin.begin() as conn:
        users.add_user(conn, agent, "agent", PASSWORD)
        conn.execute(text(f'CREATE ROLE "{lonely}" LOGIN'))
        conn.execute(text(f'GRANT CONNECT ON DATABASE "{pg_db.name}" TO "{lonely}"'))
        conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{lonely}"'))
        conn.execute(text(f'GRANT SELECT ON alembic_version, app_meta TO "{lonely}"'))
    admin.dispose()
    base = pg_db.url_for("placeholder").replace("placeholder@", "")
    assert kind_of(base, user=lonely, password=PASSWORD) == "no_role"
    db, identity = open_database(base, user=agent, password=PASSWORD)
    assert (identity.user, identity.role, identity.dialect) == (agent, "agent", "postgresql")
    assert "battery" not in db.display and agent in db.display
    db.dispose()


def test_wrong_password_and_disabled_login(pg_scram: str) -> None:
    """Against a private cluster that really checks passwords (SCRAM)."""
    import uuid

    name = f"bowebb_test_{uuid.uuid4().hex[:8]}"
    dbname = f"bowebb_scram_{uuid.uuid4().hex[:8]}"
    server = make_engine(pg_scram, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{dbname}"'))
    admin_url = (
        parse_database_url(pg_scram).set(database=dbname).render_as_string(hide_password=False)
    )
    init_database(admin_url, role_prefix="scramt")
    admin = make_engine(admin_url)
    with admin.begin() as conn:
        users.add_user(conn, name, "lead", PASSWORD)
    url = parse_database_url(admin_url).set(username=None, password=None).render_as_string()
    try:
        assert kind_of(url, user=name, password="wrong password!") == "auth_failed"
        assert kind_of(url, user="nobody_here", password=PASSWORD) == "auth_failed"
        db, identity = open_database(url, user=name, password=PASSWORD)
        assert identity.role == "lead"
        verify_password(url, name, PASSWORD)
        with pytest.raises(ConnectError) as info:
            verify_password(url, name, "wrong password!")
        assert info.value.kind == "auth_failed"
        with admin.begin() as conn:
            assert users.disable_user(conn, name) >= 1  # the open pooled connection is ended
        assert kind_of(url, user=name, password=PASSWORD) == "login_disabled"
        db.dispose()
    finally:
        admin.dispose()
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
            for r in ("agent", "lead", "admin"):
                conn.execute(text(f'DROP ROLE IF EXISTS "scramt_{r}"'))
        server.dispose()


def test_sqlite_opens_creates_and_backs_up_before_upgrade(sqlite_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, identity = open_database(sqlite_url)
    assert identity.role == "admin" and identity.dialect == "sqlite"
    db.dispose()
    # Pretend the file was written by an older version: opening upgrades it, after a copy.
    engine = make_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE sub_processor"))
        conn.execute(text("UPDATE alembic_version SET version_num = 'base0'"))
    engine.dispose()
    import bowebb_console.store.db.schema as sch

    original = sch.known_revisions
    try:
        sch.known_revisions = lambda: original() | {"base0"}  # type: ignore[assignment]
        with pytest.raises(ConnectError) as info:
            # 'base0' is not a real revision: Alembic cannot migrate from it, and says so.
            open_database(sqlite_url)
        assert "copy from before the upgrade is kept" in info.value.message
        assert info.value.params["detail"] == info.value.message  # shown under the kind's text
    finally:
        sch.known_revisions = original  # type: ignore[assignment]
    backups = [
        p
        for p in (tmp_path / "data").glob("test.sqlite3.before-base0-*")
        if not p.name.endswith("-wal")
    ]
    assert len(backups) == 1


def test_pre_ping_survives_a_server_side_disconnect(pg_db) -> None:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    db, _ = open_database(pg_db.admin_url_str)
    with db.session() as s:
        pid = s.execute(text("SELECT pg_backend_pid()")).scalar()
    killer = make_engine(pg_db.admin_url_str)
    with killer.connect() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
    killer.dispose()
    with db.session() as s:  # the pool notices the dead connection and reconnects silently
        assert s.execute(text("SELECT 1")).scalar() == 1
    db.dispose()
