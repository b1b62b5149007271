"""The transfer store tests' database (each dialect) and a consented file-transfer session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.sessions import events as sessions
from tests.store.log_helpers import add_customer


@pytest.fixture
def db(any_db_url: str) -> Iterator[Database]:
    database = Database(make_engine(any_db_url))
    yield database
    database.dispose()


@dataclass(frozen=True)
class Record:  # the shape of sftp.queue.TransferRecord
    direction: str = "upload"
    remote_path: str = "/in/Lönefil oktober.csv"
    local_name: str = "Lönefil oktober.csv"
    size: int = 1234
    sha256: str | None = "ab" * 32
    host_key_fingerprint: str = "SHA256:abc"
    resumed_from: int | None = None
    duration_s: float = 0.5
    result: str = "ok"
    reason: str | None = None
    error_kind: str | None = None
    bytes_transferred: int = 1234
    started_at: dt.datetime = dt.datetime(2026, 11, 26, tzinfo=dt.UTC)


def transfer_session(
    db: Database,
    *,
    purpose_kind: str | None = "support",
    scope: str = "file_transfer",
    start: bool = True,
    outcome: str = "agreed",
    owner: Database | None = None,
) -> str:
    """A consented file-transfer session (started unless ``start`` is False); ``owner``
    records the customer when ``db`` is an agent's login (agents do not record DPAs)."""
    customer, contact = add_customer((owner or db).engine)
    event = sessions.record_consent(
        db, customer_id=customer, contact_id=contact, session_kind="file_transfer",
        outcome=outcome, channel="phone", agreed_at=dt.datetime.now(dt.UTC),
        reference="T-77", scope=scope, purpose="Send the SIE file",
        purpose_kind=purpose_kind, purpose_reference="T-77" if purpose_kind else "",
    )  # fmt: skip
    if start:
        sessions.start_session(db, event.session_uuid, tool="other")
    return event.session_uuid
