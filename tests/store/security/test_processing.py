"""Issue 15, item 5: the record of processing is kept by admins only, and every change is a
chained event the database writes itself. Each attempt is a real login sending plain SQL."""

from __future__ import annotations

import json
import uuid

import pytest

from bowebb_console.domain.errors import ShownError
from bowebb_console.services import processing
from bowebb_console.services.database import Identity
from bowebb_console.store.db.connect import Database
from bowebb_console.store.log.verify import verify_log
from tests.store.security.conftest import raw_event_refused, refused, run

UPDATE = "UPDATE processing SET purpose = 'Allt möjligt' WHERE name = 'Kundkontakter'"
INSERT = "INSERT INTO processing (name, position) VALUES ('Marknadsföring', 99)"
DELETE = "DELETE FROM processing WHERE name = 'Testkonton'"


def test_only_admins_keep_the_record(logins) -> None:  # type: ignore[no-untyped-def]
    for who in ("agent", "lead"):
        # Everyone reads it (About shows it to all).
        assert run(logins[who], "SELECT count(*) FROM processing")[0][0] == 7
        for statement in (UPDATE, INSERT, DELETE):
            assert "permission denied" in refused(logins[who], statement), (who, statement)
    # The admin changes it; the database records who and what, before and after.
    admin = logins["admin"]
    run(admin, UPDATE)
    run(admin, INSERT)
    rows = run(
        logins["lead"],
        "SELECT e.actor, p.payload FROM log_event e JOIN log_payload p ON p.seq = e.seq "
        "WHERE e.kind = 'processing_changed' ORDER BY e.seq",
    )
    assert [r[0] for r in rows] == [logins.names["admin"]] * 2
    update, insert = (json.loads(r[1]) for r in rows)
    assert update["op"] == "update" and update["rows"][0]["after"] == {"purpose": "Allt möjligt"}
    assert "Fjärrsessioner" not in json.dumps(update)  # only what changed
    assert insert["op"] == "insert" and insert["rows"][0]["after"]["name"] == "Marknadsföring"
    # Nobody writes such an event by hand, not even an admin.
    message = raw_event_refused(admin, "processing_changed", str(uuid.uuid4()), {})
    assert "recorded by the database itself" in message
    assert verify_log(admin).ok


def test_the_service_as_real_logins(logins) -> None:  # type: ignore[no-untyped-def]
    """The app's own path: the admin's save is logged; a lead whose client skipped the role
    check is refused by the database."""
    admin_db = Database(logins["admin"])
    record = processing.record(admin_db)
    trial = next(p for p in record.processings if p.name == "Testkonton")
    edit = processing.ProcessingInput(
        name=trial.name, purpose="Prova tjänsten", lifecycle=trial.lifecycle, position=1
    )
    boss = Identity(user=logins.names["admin"], role="admin", dialect="postgresql")
    processing.save(admin_db, boss, edit, processing_id=trial.id, version=trial.version)
    assert processing.record(Database(logins["agent"])).processings[0].purpose == "Prova tjänsten"
    pretender = Identity(user=logins.names["lead"], role="admin", dialect="postgresql")
    with pytest.raises(ShownError) as refusal:  # the database's refusal, as the UI gets it
        processing.save(Database(logins["lead"]), pretender, edit, processing_id=trial.id)
    assert refusal.value.code == "db.permission"
