"""Issue 15, item 5: the record of processing is the database's, seeded with BoWebb's
processings; every change is a chained event with before/after in the erasable payload."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from bowebb_console.services import admin, processing
from bowebb_console.services.database import Identity
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.verify import verify_log


def _changes(engine):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return [
            json.loads(r[0])
            for r in conn.execute(
                text(
                    "SELECT p.payload FROM log_event e JOIN log_payload p ON p.seq = e.seq "
                    "WHERE e.kind = 'processing_changed' ORDER BY e.seq"
                )
            )
        ]


def test_seeded_edited_and_logged(any_db_url: str) -> None:
    engine = make_engine(any_db_url)
    db = Database(engine)
    dialect = engine.dialect.name
    boss = Identity(user="root", role="admin", dialect=dialect)
    record = processing.record(db)
    names = [p.name for p in record.processings]
    assert names[:2] == ["Kundkontakter", "Testkonton"]
    assert "Fjärrsessioner (sessionslogg)" in names
    contacts = record.processings[0]
    assert contacts.lifecycle == ("grace_period_days",)
    assert "6.1 b" in contacts.legal_basis and "EU" in contacts.transfers
    assert record.processings[1].lifecycle == ("trial_period_days", "grace_period_days")
    assert record.lifecycle.grace_period_days == 90
    assert not _changes(engine)  # the seed is not an admin's change

    changed = processing.ProcessingInput(
        **{k: getattr(contacts, k) for k in ("name", "legal_basis", "data_subjects")},
        purpose="Support och driftinformation",
        data_categories=contacts.data_categories,
        recipients=contacts.recipients,
        transfers=contacts.transfers,
        retention=contacts.retention,
        lifecycle=contacts.lifecycle,
        security=contacts.security,
        position=contacts.position,
    )
    processing.save(db, boss, changed, processing_id=contacts.id, version=contacts.version)
    [event] = _changes(engine)
    assert event["table"] == "processing" and event["op"] == "update"
    [row] = event["rows"]
    assert row["before"] == {"purpose": contacts.purpose}
    assert row["after"] == {"purpose": "Support och driftinformation"}
    # A stale save is refused, nothing is logged.
    with pytest.raises(processing.StaleProcessingEdit):
        processing.save(db, boss, changed, processing_id=contacts.id, version=contacts.version)
    # Not an admin: refused before the database is asked.
    lead = Identity(user="root", role="lead", dialect=dialect)
    with pytest.raises(Exception, match="Only an admin"):
        processing.save(db, lead, changed, processing_id=contacts.id)
    # The lifecycle is read with the record: never a copy.
    admin.set_lifecycle(db, boss, admin.Lifecycle(120, 14, 2000))
    assert processing.record(db).lifecycle == admin.Lifecycle(120, 14, 2000)
    assert len(_changes(engine)) == 1
    assert verify_log(db).ok
    engine.dispose()
