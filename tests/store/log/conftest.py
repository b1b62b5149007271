"""The session-log store tests' shared database."""

from __future__ import annotations

import pytest

from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from tests.store.log_helpers import add_customer, full_session


@pytest.fixture
def logged(any_db_url: str):  # type: ignore[no-untyped-def]
    """A database whose log holds a customer and its contact, recorded (two events), and two
    finished sessions (ten events): twelve events."""
    db = Database(make_engine(any_db_url))
    customer, contact = add_customer(db.engine)
    full_session(db, customer, contact)
    full_session(db, customer, contact)
    yield db
    db.dispose()
