"""Opening a database for the app: connect, check the schema, find out who we are.

The embedded SQLite database upgrades itself (after copying the file); a client of the
shared PostgreSQL only checks the schema revision and refuses a mismatch — the admin
upgrades. Every failure becomes a ConnectError whose ``kind`` the UI translates.
"""

from __future__ import annotations

import datetime as dt
import getpass
import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from bowebb_console.store.db import schema
from bowebb_console.store.db.blockers import watching
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.errors import (
    ConnectError,
    connect_error,
    first_line,
    is_lock_wait,
    locked_error,
)
from bowebb_console.store.db.grants import ADMIN, ROLES, group_role
from bowebb_console.store.db.setup import role_prefix
from bowebb_console.store.db.urls import DatabaseUrlError, display_url, parse_database_url
from bowebb_console.store.erasure.written import prune_upgrade_copies

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Identity:
    user: str
    role: str  # agent | lead | admin
    dialect: str  # sqlite | postgresql


class Database:
    """An engine plus a session factory; one ORM session per task, never shared across threads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url: URL = engine.url.set(password=None)
        self.dialect: str = engine.dialect.name
        self.display: str = display_url(engine.url)
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Connection]:
        """One transaction on one connection, committed when the block ends (rolled back on
        an exception). Services own it and hand ``conn`` to the store. On SQLite a writing
        transaction begins IMMEDIATE: the log's chain end is read and then extended, and a
        deferred BEGIN could lose that race to another writer.

        A lock wait that gives up (lock_timeout; SQLite's busy timeout) leaves as a
        ``db.locked`` ShownError naming the session that held the lock (store.db.blockers);
        the transaction was rolled back, so nothing of it was saved."""
        with self.engine.connect() as conn:
            if write and self.dialect == "sqlite":
                conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with watching(conn) as watch:
                try:
                    with conn.begin():
                        yield conn
                except DBAPIError as exc:
                    if is_lock_wait(exc):
                        raise locked_error(exc, watch.holders if watch else ()) from exc
                    raise

    def dispose(self) -> None:
        self.engine.dispose()


def password_account(url: str, user: str) -> str:
    """The keyring account for a database login: no secret in it, stable across runs."""
    parsed = parse_database_url(url)
    return f"db:{user}@{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database}"


def _check_schema(conn: Connection) -> None:
    state = schema.schema_state(conn)
    if state is schema.SchemaState.MISSING:
        raise ConnectError(
            "schema_missing",
            "This database is not set up for BoWebb Console; an admin runs "
            "`bowebb-console db init`.",
        )
    if state is schema.SchemaState.OLDER:
        raise ConnectError(
            "schema_older",
            "The database schema is older than this app; an admin runs "
            "`bowebb-console db upgrade`.",
        )
    if state is schema.SchemaState.NEWER:
        raise ConnectError(
            "schema_newer", "The database schema is newer than this app; install the update."
        )


def postgres_identity(conn: Connection) -> Identity:
    """The acting user is the server's session_user, never a name the client sends."""
    user = conn.execute(text("SELECT session_user")).scalar_one()
    superuser = conn.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = session_user")
    ).scalar()
    prefix = role_prefix(conn)
    found = None
    for role in ROLES:  # ascending privilege: the highest membership wins
        member = conn.execute(
            text("SELECT pg_has_role(session_user, :g, 'MEMBER')"),
            {"g": group_role(prefix, role)},
        ).scalar()
        if member:
            found = role
    if found is None and superuser:
        found = ADMIN
    if found is None:
        raise ConnectError(
            "no_role",
            f"The login {user!r} has no BoWebb role (agent, lead or admin); ask an admin.",
        )
    return Identity(user=str(user), role=found, dialect="postgresql")


def open_database(
    url: str, *, user: str | None = None, password: str | None = None
) -> tuple[Database, Identity]:
    """Open ``url`` for the app. Blocking: call from a worker, never the GUI thread."""
    try:
        parsed = parse_database_url(url)
    except DatabaseUrlError as exc:
        # ``reason`` (url.*) lets the UI say why in the reader's language.
        raise ConnectError(
            "bad_url", exc.message, exc.message, {**exc.params, "reason": exc.code}
        ) from None
    if user:
        parsed = parsed.set(username=user)
    if parsed.get_backend_name() == "sqlite":
        return _open_sqlite(parsed)
    return _open_postgres(parsed, password)


def _open_postgres(url: URL, password: str | None) -> tuple[Database, Identity]:
    engine = make_engine(url, password=password)
    try:
        with engine.connect() as conn:
            _check_schema(conn)
            identity = postgres_identity(conn)
    except ConnectError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise connect_error(exc) from None
    return Database(engine), identity


def verify_password(url: str, user: str, password: str) -> None:
    """Check a password by opening (and closing) a fresh connection: the idle lock's check."""
    check_connection(parse_database_url(url).set(username=user), password=password)


def check_connection(url: str | URL, *, password: str | None = None) -> None:
    """Open (and close) one connection to ``url``; a failure is a ConnectError, so a wrong
    password or an unreachable server reads the same in the CLI as at sign-in."""
    engine = make_engine(url, password=password)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        raise connect_error(exc) from None
    finally:
        engine.dispose()


def backup_before_upgrade(path: Path, revision: str | None) -> Path:
    """Copy the SQLite file (and its WAL) aside before migrating it. The copy is deleted by
    a purge and after ``PRE_UPGRADE_COPY_DAYS`` (store.erasure.written)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-{revision or 'none'}-{stamp}")
    shutil.copy2(path, target)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    return target


def _open_sqlite(url: URL) -> tuple[Database, Identity]:
    path = Path(url.database or "")
    try:
        engine = make_engine(url)
        with engine.connect() as conn:
            state = schema.schema_state(conn)
            revision = schema.current_revision(conn)
        if state is schema.SchemaState.NEWER:
            engine.dispose()
            raise ConnectError(
                "schema_newer", "This database file was written by a newer version; update the app."
            )
        if state is not schema.SchemaState.CURRENT:
            saved = None
            if state is schema.SchemaState.OLDER and path.exists():
                saved = backup_before_upgrade(path, revision)
                log.info("copied the database to %s before upgrading", saved.name)
            from alembic.util import CommandError

            from bowebb_console.store.db.setup import init_database

            try:
                init_database(url.render_as_string(hide_password=False))
            except CommandError:
                kept = f" A copy from before the upgrade is kept as {saved.name}." if saved else ""
                message = f"The database file could not be upgraded to this version.{kept}"
                raise ConnectError("other", message, message) from None
    except ConnectError:
        raise
    except DBAPIError as exc:
        raise _unopened(first_line(exc)) from None
    except OSError as exc:
        raise _unopened(str(exc.strerror)) from None
    # Copies from before upgrades hold every customer: they age out (store.erasure.written).
    for gone in prune_upgrade_copies(path):
        log.info("deleted the pre-upgrade copy %s (older than its retention)", gone.name)
    return Database(engine), Identity(user=getpass.getuser(), role=ADMIN, dialect="sqlite")


def _unopened(detail: str) -> ConnectError:
    return ConnectError("other", f"The database file cannot be opened: {detail}", detail)
