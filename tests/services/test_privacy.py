"""Access requests (Art. 15): a person planted in every place is found in every place, the
export names nobody else, and answering is logged with the exports' hashes only."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select

from bowebb_console.domain.errors import ShownError
from bowebb_console.services import privacy
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.models import ErasureRequest, LogEvent, LogPayload
from tests.store.erasure_helpers import EMAIL, NAME, PHONE
from tests.store.privacy_helpers import FILE_NAME, OTHERS, plant_everywhere

TODAY = dt.date(2026, 12, 6)
ADMIN = Identity("tester", "admin", "sqlite")


@pytest.mark.parametrize(
    "query",
    [
        privacy.PersonQuery(email=EMAIL.upper()),
        privacy.PersonQuery(phone="070-987 12 34"),
        privacy.PersonQuery(name=NAME),
    ],
    ids=["email", "phone", "name"],
)
def test_access_export_lists_every_place_and_nobody_else(
    any_db_url: str, tmp_path: Path, query: privacy.PersonQuery
) -> None:
    engine = make_engine(any_db_url)
    everywhere = plant_everywhere(engine, tmp_path)
    db = Database(engine)
    done = privacy.answer_access_request(
        db,
        ADMIN,
        query,
        privacy.NewRequest(dt.date(2026, 12, 1), "email"),
        tmp_path / "out",
        today=TODAY,
        journal_file=everywhere.journal,
    )
    raw = done.json_path.read_bytes()
    report = json.loads(raw)
    planted = everywhere.planted
    # Contacts at both customers, with their details.
    assert {c["contact_id"] for c in report["contacts"]} == {
        planted.contact_id,
        planted.other_contact_id,
    }
    assert {c["customer"] for c in report["contacts"]} == {
        "Vindelkraft Ödmjuk AB",
        "Annat Bolag AB",
    }
    assert PHONE in {c["phone"] for c in report["contacts"]}
    # Both consents they gave (remote control and file transfer), and the file in theirs.
    assert sorted(c["reference"] for c in report["consents"]) == ["T-1", "T-3"]
    assert [t["local_name"] for t in report["transfers"]] == [FILE_NAME]
    # The notes that mention them (name and phone; e-mail in another customer's session).
    notes = [e["payload"].get("note", "") for e in report["log_entries"]]
    assert any("070-987 12 34" in n for n in notes) and any(EMAIL in n for n in notes)
    assert any(e["kind"] == "contact_changed" for e in report["log_entries"])
    assert len(report["notice_exports"]) == 1
    assert [p["profile_id"] for p in report["sftp_profiles"]] == [everywhere.profile_id]
    assert [h["reference"] for h in report["erasure_history"]] == ["ER-2026-ZEBULONX"]
    # Nothing about the other person, in either file.
    text = raw.decode()
    pdf_text = "\n".join(p.extract_text() for p in pypdf.PdfReader(done.pdf_path).pages)
    for other in OTHERS:
        assert other.lower() not in text.lower(), other
        assert other.lower() not in pdf_text.lower(), other
    assert f'"contact_id": {planted.bystander_id},' not in text
    assert "Consents given (2)" in pdf_text and NAME in pdf_text
    # The request: received, due a month later, answered; the log holds the hash only.
    with db.transaction(write=False) as conn:
        row = conn.execute(
            select(ErasureRequest.kind, ErasureRequest.status, ErasureRequest.due_on).where(
                ErasureRequest.reference == done.reference
            )
        ).one()
        assert tuple(row) == ("access", "done", dt.date(2027, 1, 1))
        payload = conn.execute(
            select(LogPayload.payload)
            .join(LogEvent, LogEvent.seq == LogPayload.seq)
            .where(LogEvent.kind == "privacy_access_answered")
        ).scalar_one()
    assert verify_log(db).ok
    logged = json.loads(payload)
    assert logged["json_sha256"] == hashlib.sha256(raw).hexdigest() == done.json_sha256
    assert logged["pdf_sha256"] == hashlib.sha256(done.pdf_path.read_bytes()).hexdigest()
    assert EMAIL not in payload and NAME not in payload and "Zebulon" not in payload
    assert sorted(p.name for p in done.json_path.parent.iterdir()) == sorted(
        [done.json_path.name, done.pdf_path.name]
    )
    engine.dispose()


def test_empty_query_and_unwritable_folder_are_refused(sqlite_url: str, tmp_path: Path) -> None:
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    db = Database(engine)
    request = privacy.NewRequest(dt.date(2026, 12, 1), "email")
    with pytest.raises(ShownError) as empty:
        privacy.answer_access_request(
            db, ADMIN, privacy.PersonQuery(), request, tmp_path, today=TODAY
        )
    assert empty.value.code == "erasure.query_empty"
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ShownError) as unwritable:
        privacy.answer_access_request(
            db, ADMIN, privacy.PersonQuery(email=EMAIL), request, blocker / "out", today=TODAY
        )
    assert unwritable.value.code == "privacy.out_unwritable"
    with pytest.raises(ShownError) as future:
        privacy.answer_access_request(
            db,
            ADMIN,
            privacy.PersonQuery(email=EMAIL),
            privacy.NewRequest(TODAY + dt.timedelta(days=1), "email"),
            tmp_path / "out",
            today=TODAY,
        )
    assert future.value.code == "erasure.received_in_future"
    assert not any((tmp_path / "out").iterdir())  # nothing half-written
    with db.transaction(write=False) as conn:  # and no request recorded
        assert conn.execute(select(ErasureRequest.id)).first() is None
    engine.dispose()


def test_rectify_contact_corrects_and_logs_why_on_both_databases(any_db_url: str) -> None:
    """Art. 16: the fields change (search keys too), the reason and the fields are logged,
    a stale version or no change is refused and changes nothing."""
    from bowebb_console.store.customers.search import search_customers
    from bowebb_console.store.models import Contact
    from tests.store.log_helpers import add_customer

    engine = make_engine(any_db_url)
    db = Database(engine)
    customer, eva = add_customer(engine)
    version = privacy.rectify_contact(
        db, ADMIN, eva, 1, {"name": "Eva Berg", "email": "eva.berg@example.se"}, "Ärende 9"
    )
    assert version == 2
    with db.transaction(write=False) as conn:
        row = conn.execute(
            select(Contact.name, Contact.email, Contact.email_folded, Contact.version).where(
                Contact.id == eva
            )
        ).one()
        assert tuple(row) == ("Eva Berg", "eva.berg@example.se", "eva.berg@example.se", 2)
        assert eva in {h.contact_id for h in search_customers(conn, "Eva Berg")}
        [payload] = conn.execute(
            select(LogPayload.payload)
            .join(LogEvent, LogEvent.seq == LogPayload.seq)
            .where(LogEvent.kind == "privacy_rectified")
        ).scalars()
    assert json.loads(payload) == {
        "contact_id": eva,
        "customer_id": customer,
        "reason": "Ärende 9",
        "fields": ["email", "name"],
    }
    for version_, changes, reason, code in (
        (1, {"title": "VD"}, "Ärende 9", "privacy.stale"),  # someone saved in between
        (2, {"name": "Eva Berg"}, "Ärende 9", "privacy.nothing_changed"),
        (2, {"title": "VD"}, "  ", "privacy.reason_missing"),
        (2, {"org_number": "x"}, "Ärende 9", "privacy.not_rectifiable"),
    ):
        with pytest.raises(ShownError) as refused:
            privacy.rectify_contact(db, ADMIN, eva, version_, changes, reason)
        assert refused.value.code == code
    with db.transaction(write=False) as conn:
        assert conn.execute(select(Contact.title).where(Contact.id == eva)).scalar_one() is None
    assert verify_log(db).ok
    engine.dispose()


def test_dashboard_lists_requests_restrictions_and_the_retention(any_db_url: str) -> None:
    from bowebb_console.services import retention
    from tests.store.log_helpers import add_customer

    engine = make_engine(any_db_url)
    db = Database(engine)
    _, eva = add_customer(engine, dpa=False)
    reference = privacy.save_access_request(
        db, privacy.NewRequest(TODAY - dt.timedelta(days=40), "email"), TODAY
    )
    privacy.set_restricted(db, ADMIN, eva, True, "Ärende 7")
    board = privacy.load_dashboard(db, ADMIN, TODAY)
    [request] = board.requests
    assert (request.reference, request.kind, request.is_overdue(TODAY)) == (
        reference,
        "access",
        True,
    )
    assert [(m.contact_id, m.restricted, m.news_objection) for m in board.marked] == [
        (eva, True, False)
    ]
    assert [c.name for c in board.without_dpa] == ["Testbolaget AB"]
    assert board.retention is None
    # A retention run that erased something is the last run shown.
    far = dt.datetime.now(dt.UTC) + dt.timedelta(days=5000)
    run = retention.run_retention(db, ADMIN, now=far)
    assert run.erased
    board = privacy.load_dashboard(db, ADMIN, TODAY)
    assert board.retention is not None and board.retention.payloads == run.erased
    with pytest.raises(ShownError) as agent:
        privacy.load_dashboard(db, Identity("agent1", "agent", "sqlite"), TODAY)
    assert agent.value.code == "privacy.admin_only"
    engine.dispose()
