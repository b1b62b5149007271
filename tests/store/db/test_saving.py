"""A save whose connection drops: the outcome is found out by re-reading, never guessed."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bowebb_console.store.db.connect import open_database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.saving import SaveOutcome, save_and_confirm
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.models import Customer


def _exists(org: str):  # type: ignore[no-untyped-def]
    return lambda s: (
        s.execute(select(Customer.id).where(Customer.org_number == org)).first() is not None
    )


def _add(conn, name: str) -> None:  # type: ignore[no-untyped-def]
    with Session(bind=conn) as session:
        session.add(Customer(org_number="5566809827", name=name, status="active"))
        session.flush()


def test_connection_killed_before_commit_is_reported_not_saved(pg_db) -> None:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    db, _ = open_database(pg_db.admin_url_str)
    killer = make_engine(pg_db.admin_url_str)

    def write(conn):  # type: ignore[no-untyped-def]
        with Session(bind=conn) as session:
            session.add(Customer(org_number="5566809827", name="Lost AB", status="active"))
            session.flush()
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
        with killer.connect() as k:  # the network drops, the server ends the session
            k.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})

    assert save_and_confirm(db, write, _exists("5566809827")) is SaveOutcome.NOT_SAVED
    assert (
        save_and_confirm(
            db,
            lambda conn: _add(conn, "Kept AB"),
            _exists("5566809827"),
        )
        is SaveOutcome.SAVED
    )
    killer.dispose()
    db.dispose()


def test_other_errors_are_not_swallowed(sqlite_url: str) -> None:
    from sqlalchemy.exc import IntegrityError

    db, _ = open_database(sqlite_url)
    add = lambda conn: _add(conn, "A AB")  # noqa: E731
    assert save_and_confirm(db, add, _exists("5566809827")) is SaveOutcome.SAVED
    with pytest.raises(IntegrityError):
        save_and_confirm(db, add, _exists("5566809827"))
    db.dispose()
