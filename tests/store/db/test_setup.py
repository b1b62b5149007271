"""Schema set-up on both dialects: init is idempotent, and the ORM matches the migrations."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from bowebb_console.store.db import schema
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.schema import is_model_table
from bowebb_console.store.db.setup import init_database, role_prefix
from bowebb_console.store.models import Base


def test_init_is_idempotent_and_at_head(any_db_url: str) -> None:
    # any_db_url already ran init once; a second run must change nothing and not fail.
    assert init_database(any_db_url, **_prefix_kw(any_db_url)) == schema.head_revision()
    engine = make_engine(any_db_url)
    with engine.connect() as conn:
        assert schema.schema_state(conn) is schema.SchemaState.CURRENT
        tables = set(inspect(conn).get_table_names())
        assert {"customer", "contact", "sub_processor", "app_meta", "alembic_version"} <= tables
    engine.dispose()


def _prefix_kw(url: str) -> dict[str, str]:
    if url.startswith("sqlite"):
        return {}
    engine = make_engine(url)
    with engine.connect() as conn:
        prefix = role_prefix(conn)
    engine.dispose()
    return {"role_prefix": prefix}


def test_models_match_migrations(any_db_url: str) -> None:
    engine = make_engine(any_db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={"include_name": lambda name, kind, _p: kind != "table" or is_model_table(name)},
        )
        diffs = compare_metadata(context, Base.metadata)
    engine.dispose()
    # Index/constraint naming differences are not schema differences; columns and tables are.
    relevant = [
        d for d in diffs if d[0] in ("add_table", "remove_table", "add_column", "remove_column")
    ]
    assert relevant == []


def test_sqlite_engine_settings(sqlite_url: str) -> None:
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1
    engine.dispose()


def test_postgres_database_settings(pg_db) -> None:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    engine = make_engine(pg_db.admin_url_str)
    with engine.connect() as conn:
        exts = set(conn.execute(text("SELECT extname FROM pg_extension")).scalars())
        assert {"pg_trgm", "pgcrypto"} <= exts
        # A fresh connection picks up the per-database idle-in-transaction timeout.
        assert conn.execute(text("SHOW idle_in_transaction_session_timeout")).scalar() == "1min"
        groups = set(
            conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
                {"p": pg_db.role_prefix + "%"},
            ).scalars()
        )
        roles = ("agent", "lead", "admin", "log_writer", "session_guard")
        assert groups == {f"{pg_db.role_prefix}_{r}" for r in roles}
        # The log's trigger function belongs to a NOLOGIN role that nobody is a member of.
        writer = f"{pg_db.role_prefix}_log_writer"
        assert not conn.execute(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"), {"r": writer}
        ).scalar()
        assert not conn.execute(
            text("SELECT count(*) FROM pg_auth_members WHERE roleid = CAST(:r AS regrole)"),
            {"r": writer},
        ).scalar()
        owner = conn.execute(
            text("SELECT proowner::regrole::text FROM pg_proc WHERE proname = 'log_event_fill'")
        ).scalar()
        assert owner == writer
        # The blocker functions (migration 0010) belong to the NOLOGIN session guard, member
        # of no person, which holds just what they need.
        guard = f"{pg_db.role_prefix}_session_guard"
        owners = set(
            conn.execute(
                text(
                    "SELECT proowner::regrole::text FROM pg_proc WHERE proname IN "
                    "('bowebb_blockers_of', 'bowebb_blockers', 'bowebb_end_backend')"
                )
            ).scalars()
        )
        assert owners == {guard}
        assert not conn.execute(
            text("SELECT count(*) FROM pg_auth_members WHERE roleid = CAST(:r AS regrole)"),
            {"r": guard},
        ).scalar()
        held = conn.execute(
            text(
                "SELECT array_agg(r.rolname ORDER BY r.rolname) FROM pg_auth_members m "
                "JOIN pg_roles r ON r.oid = m.roleid WHERE m.member = CAST(:g AS regrole)"
            ),
            {"g": guard},
        ).scalar()
        assert held == ["pg_read_all_stats", "pg_signal_backend"]
    engine.dispose()


def test_init_refuses_a_different_prefix(pg_db) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from bowebb_console.store.db.setup import SetupError

    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    with pytest.raises(SetupError, match="role prefix") as info:
        init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix + "x")
    assert info.value.code == "setup.prefix_mismatch"
    assert info.value.params == {"existing": pg_db.role_prefix, "prefix": pg_db.role_prefix + "x"}
    # Refused before anything was made: no role of the other prefix on the server (roles are
    # the whole server's; the database's own cleanup would not find them).
    engine = make_engine(pg_db.admin_url_str)
    with engine.connect() as conn:
        left = conn.execute(
            text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :p)"),
            {"p": pg_db.role_prefix + "x_"},
        ).all()
    engine.dispose()
    assert left == []


def test_head_constant_matches_the_migrations() -> None:
    # schema.HEAD lets start-up skip importing Alembic; it must name the real newest migration.
    assert schema.migrations_head() == schema.HEAD
