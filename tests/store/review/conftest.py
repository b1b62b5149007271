"""Shared by the review store tests: an initialised database of each dialect, and review
marks written the way the screen writes them (through services.review, as a lead)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine

from bowebb_console.services import review
from bowebb_console.services.database import Database, Identity
from bowebb_console.store.db.engine import make_engine

LEAD = Identity(user="lead", role="lead", dialect="")


@pytest.fixture
def engine(any_db_url: str) -> Iterator[Engine]:
    engine = make_engine(any_db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def db(engine: Engine) -> Database:
    """The same database as ``engine``, as the store's log writers take it."""
    return Database(engine)


@pytest.fixture
def review_as_lead() -> Callable[[Engine, str, str, str], object]:
    """``review_as_lead(engine, session_uuid, action, comment)``"""

    def add(engine: Engine, session_uuid: str, action: str, comment: str) -> object:
        return review.add_review(Database(engine), LEAD, session_uuid, action, comment)

    return add
