"""Opening a database, setting one up, and the PostgreSQL logins of the people who use it.

The app's start-up, sign-in and idle lock open and check databases here; ``bowebb-console db``
and ``bowebb-console user`` run the admin's side. Every failure is a ShownError: a failure to
connect is a ConnectError (``connect.<kind>``, the same words as at sign-in), a refused URL a
DatabaseUrlError (``url.*``), setup and login rules SetupError (``setup.*``) and UserError
(``users.*``), and any other driver error ``db.*``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from bowebb_console.services import database
from bowebb_console.services.database import Database, Identity, transaction
from bowebb_console.store.db import connect, schema, setup, users
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.errors import ConnectError, driver_error
from bowebb_console.store.db.grants import ADMIN, DEFAULT_PREFIX, ROLES
from bowebb_console.store.db.lifecycle import (
    GRACE_MAX,
    GRACE_MIN,
    RETENTION_MAX,
    RETENTION_MIN,
    TRIAL_MAX,
    TRIAL_MIN,
    Lifecycle,
    LifecycleError,
    read_lifecycle,
)
from bowebb_console.store.db.lifecycle import write_lifecycle as _write_lifecycle
from bowebb_console.store.db.setup import SetupError
from bowebb_console.store.db.urls import DatabaseUrlError, parse_database_url
from bowebb_console.store.db.users import UserError, UserInfo

__all__ = [
    "GRACE_MAX",
    "GRACE_MIN",
    "RETENTION_MAX",
    "RETENTION_MIN",
    "ROLES",
    "TRIAL_MAX",
    "TRIAL_MIN",
    "ConnectError",
    "Database",
    "DatabaseUrlError",
    "Identity",
    "Lifecycle",
    "LifecycleError",
    "SchemaStatus",
    "SetupError",
    "UserError",
    "UserInfo",
    "add_user",
    "check_password",
    "check_user_name",
    "disable_user",
    "display_url",
    "enable_user",
    "init_database",
    "lifecycle",
    "list_users",
    "open_database",
    "password_account",
    "schema_status",
    "set_lifecycle",
    "set_password",
    "set_role",
    "upgrade_database",
    "verify_password",
]

T = TypeVar("T")


# -- the app: open, sign in, unlock ----------------------------------------------------------
def open_database(
    url: str, *, user: str | None = None, password: str | None = None
) -> tuple[Database, Identity]:
    """Open ``url`` for the app and find out who is signed in (see services.database)."""
    return database.open_database(url, user=user, password=password)


def verify_password(url: str, user: str, password: str) -> None:
    """The idle lock's check: a fresh connection with this password, or a ConnectError."""
    connect.verify_password(url, user, password)


def password_account(url: str, user: str) -> str:
    """The keyring account for a database login (no secret in it, stable across runs)."""
    return connect.password_account(url, user)


def display_url(url: str) -> str:
    """``url`` without any password, for the window title and messages; even a malformed
    URL shows only what follows its last ``@``."""
    from bowebb_console.store.db.urls import display_url as store_display

    try:
        return store_display(url)
    except DatabaseUrlError:
        return url.rsplit("@", 1)[-1]


# -- db init / upgrade / status --------------------------------------------------------------
def init_database(url: str, *, role_prefix: str = DEFAULT_PREFIX) -> str:
    """Create or complete a BoWebb database (safe to re-run); the schema revision in force."""
    connect.check_connection(url)
    return _mapped(lambda: setup.init_database(url, role_prefix=role_prefix))


def upgrade_database(url: str) -> str:
    """Migrate to this app's schema and re-apply the GRANTs; the schema revision in force."""
    connect.check_connection(url)
    return _mapped(lambda: setup.upgrade_database(url))


@dataclass(frozen=True)
class SchemaStatus:
    revision: str | None  # None: not a BoWebb database (yet)
    state: str  # current | missing | older | newer
    head: str  # this app's revision

    @property
    def current(self) -> bool:
        return self.state == schema.SchemaState.CURRENT.value


def schema_status(url: str) -> SchemaStatus:
    """The database's schema revision against this app's."""
    connect.check_connection(url)

    def read() -> SchemaStatus:
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                state = schema.schema_state(conn)
                return SchemaStatus(schema.current_revision(conn), state.value, schema.HEAD)
        finally:
            engine.dispose()

    return _mapped(read)


# -- PostgreSQL logins -----------------------------------------------------------------------
def check_user_name(name: str) -> str:
    return users.check_user_name(name)


def check_password(password: str) -> str:
    return users.check_password(password)


def add_user(url: str, name: str, role: str, password: str) -> None:
    users.check_user_name(name)
    users.check_password(password)
    with _admin_transaction(url) as conn:
        users.add_user(conn, name, role, password)


def list_users(url: str) -> list[UserInfo]:
    with _admin_transaction(url) as conn:
        return users.list_users(conn)


def set_role(url: str, name: str, role: str) -> None:
    with _admin_transaction(url) as conn:
        users.set_role(conn, name, role)


def set_password(url: str, name: str, password: str) -> None:
    with _admin_transaction(url) as conn:
        users.set_password(conn, name, password)


def disable_user(url: str, name: str) -> int:
    """Refuse new logins and end the user's open connections; how many were ended."""
    with _admin_transaction(url) as conn:
        return users.disable_user(conn, name)


def enable_user(url: str, name: str) -> None:
    with _admin_transaction(url) as conn:
        users.enable_user(conn, name)


@contextmanager
def _admin_transaction(url: str) -> Iterator[Connection]:
    """One transaction on a PostgreSQL connection of the admin's own login."""
    parsed = parse_database_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise UserError(
            "users.not_postgresql", "users are PostgreSQL logins: use a postgresql:// URL"
        )
    connect.check_connection(parsed)
    engine = make_engine(parsed)
    try:
        with engine.begin() as conn:
            yield conn
    except DBAPIError as exc:
        raise driver_error(exc) from exc
    finally:
        engine.dispose()


def _mapped(work: Callable[[], T]) -> T:
    try:
        return work()
    except DBAPIError as exc:
        raise driver_error(exc) from exc


# -- the customer lifecycle (one setting for the whole database) ----------------------------
def lifecycle(db: Database) -> Lifecycle:
    """The grace period, trial period and session-log retention the database holds."""
    with transaction(db, write=False) as conn:
        return read_lifecycle(conn)


def set_lifecycle(db: Database, identity: Identity, value: Lifecycle) -> Lifecycle:
    """Admins only (on PostgreSQL the grants refuse everyone else too)."""
    if identity.role != ADMIN:
        raise LifecycleError(
            "lifecycle.admin_only", "Only an admin may change the lifecycle settings."
        )
    with transaction(db) as conn:
        return _write_lifecycle(conn, value)
