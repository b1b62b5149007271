"""What every service shares: the database handle, who is signed in, and one transaction.

A service opens the transaction with :func:`transaction`, hands ``conn`` to the store and
returns frozen rows; driver errors leave it as :class:`ShownError` with a ``db.*`` code
(mapped once, in ``store/db/errors.py``), so no caller ever sees a driver exception.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from bowebb_console.domain.errors import ShownError
from bowebb_console.store.db import schema
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.errors import driver_error

__all__ = ["Database", "Identity", "open_current", "open_database", "transaction"]


def open_database(
    url: str, *, user: str | None = None, password: str | None = None
) -> tuple[Database, Identity]:
    """Open ``url`` for the app and find out who is signed in. Blocking: call from a worker.
    The embedded SQLite upgrades itself; a PostgreSQL at another schema is refused. (Here,
    not only in services.admin: start-up then does not import the user administration and its
    PostgreSQL driver.)"""
    from bowebb_console.store.db import connect

    return connect.open_database(url, user=user, password=password)


@contextmanager
def transaction(db: Database, *, write: bool = True) -> Iterator[Connection]:
    """One transaction (IMMEDIATE on SQLite when ``write``), committed at the end of the block;
    a driver error inside it or at COMMIT becomes a ShownError."""
    try:
        with db.transaction(write=write) as conn:
            yield conn
    except DBAPIError as exc:
        raise driver_error(exc) from exc


def open_current(url: str) -> Database:
    """A database for a command-line tool, refused unless it is at this app's schema."""
    db = Database(make_engine(url))
    try:
        with db.engine.connect() as conn:
            state = schema.schema_state(conn)
    except DBAPIError as exc:
        db.dispose()
        raise driver_error(exc) from exc
    if state is not schema.SchemaState.CURRENT:
        db.dispose()
        raise ShownError(
            "db.schema_not_current",
            "the database is not at this app's schema: run `db init` or `db upgrade`",
        )
    return db
