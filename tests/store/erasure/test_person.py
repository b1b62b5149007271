"""A person's erasure: found everywhere, erased everywhere (down to the file bytes), certified
with no personal data, journalled outside the database, and replayed after a restore."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import func, select, text

from bowebb_console.domain.errors import ValidationError
from bowebb_console.services import erasure as service
from bowebb_console.store.customers.search import search_customers
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.erasure.certificates import certificate_pdf, list_certificates
from bowebb_console.store.erasure.person import (
    ErasurePlan,
    Findings,
    PersonQuery,
    find_person,
)
from bowebb_console.store.erasure.requests import NewRequest, list_requests
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.models import Contact, LogPayload
from tests.store.erasure_helpers import (
    EMAIL,
    NAME,
    SECRETS,
    found_in_bytes,
    pg_relation_bytes,
    plant_person,
    recorded_contacts,
    sqlite_files,
)

TODAY = dt.date(2026, 11, 26)
QUERY = PersonQuery(email=EMAIL, phone="070-987 12 34", name=NAME)
ADMIN = Identity("tester", "admin", "sqlite")


def _find(db: Database, query: PersonQuery = QUERY) -> Findings:
    with db.transaction(write=False) as conn:
        return find_person(conn, query)


def _plan(findings, **kw) -> ErasurePlan:  # type: ignore[no-untyped-def]
    return ErasurePlan(
        request=NewRequest(dt.date(2026, 11, 20), "email"),
        identity_check="reply_from_address",
        query=QUERY,
        contact_actions={c.id: "erase" for c in findings.contacts},
        payload_seqs=tuple(p.seq for p in findings.payloads),
        holds=("bookkeeping",),
        **kw,
    )


def test_find_person_finds_every_place(any_db_url: str) -> None:
    engine = make_engine(any_db_url)
    planted = plant_person(engine)
    found = _find(Database(engine))
    assert {c.id for c in found.contacts} == {planted.contact_id, planted.other_contact_id}
    kinds = sorted(p.kind for p in found.payloads)
    # their consent (by contact id), the note with the name and phone, the note with the e-mail
    assert [k for k in kinds if k != "contact_changed"] == [
        "consent_recorded",
        "note_added",
        "note_added",
    ]
    # ...and the recorded creation of their contact rows (migration 0009)
    assert kinds.count("contact_changed") == recorded_contacts(engine)
    assert planted.bystander_id not in {c.id for c in found.contacts}
    engine.dispose()


@pytest.fixture
def open_transaction_elsewhere(any_db_url: str):  # type: ignore[no-untyped-def]
    """PostgreSQL: a transaction with an xid, open in another database of the cluster during
    the test. It holds back the xmin horizon, and VACUUM FULL would keep deleted rows."""
    if not any_db_url.startswith("postgresql"):
        yield
        return
    other = make_engine(any_db_url.rsplit("/", 1)[0] + "/test")
    with other.connect() as conn:
        conn.execute(text("SELECT txid_current()"))
        yield
        conn.rollback()
    other.dispose()


def test_erasure_leaves_no_bytes_and_the_log_verifies(
    any_db_url: str, tmp_path: Path, open_transaction_elsewhere: None
) -> None:
    engine = make_engine(any_db_url)
    db = Database(engine)
    planted = plant_person(engine)
    journal = tmp_path / "journal.jsonl"
    done = service.erase_person(db, ADMIN, journal, _plan(_find(db)), today=TODAY)
    assert done.contacts_erased == 2 and done.payloads_erased == 3 + recorded_contacts(engine)
    assert done.scrub.pending == ()
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Contact)).scalar() == 1
        assert conn.execute(select(func.count()).select_from(LogPayload)).scalar() > 0
        assert [r.reference for r in list_requests(conn)] == [done.reference]
        assert list_requests(conn)[0].status == "done"
        pdf = certificate_pdf(conn, done.certificate_id)
        assert [c.reference for c in list_certificates(conn)] == [done.reference]
    with engine.connect() as conn:
        assert search_customers(conn, "Quixtrapp") == []
        assert search_customers(conn, EMAIL) == []
    result = verify_log(db)
    assert result.ok, result.report()
    assert result.erased_payloads == 3 + recorded_contacts(engine)
    # The certificate names nothing of the person or the customer.
    assert pdf is not None
    pdf_text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert done.reference in pdf_text and "bokföringslagen" in pdf_text
    for value in (*SECRETS, "Vindelkraft", "559123", str(planted.customer_id) + " "):
        assert value.lower() not in pdf_text.lower()
    # The journal holds ids and hashes only.
    line = journal.read_text()
    assert found_in_bytes([line.encode()]) == []
    engine.dispose()
    if any_db_url.startswith("sqlite"):
        blobs = [p.read_bytes() for p in sqlite_files(any_db_url)]
        assert found_in_bytes(blobs) == []
        wal = Path(any_db_url.removeprefix("sqlite:///") + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0
    else:
        admin = make_engine(any_db_url)
        blobs = pg_relation_bytes(admin, ["contact", "log_payload", "customer"])
        admin.dispose()
        assert blobs and found_in_bytes(blobs) == []


def test_without_scrub_the_bytes_stay(sqlite_url: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The control experiment: the scan does see the person when the WAL is not emptied."""
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    db = Database(engine)
    plant_person(engine)
    from bowebb_console.store.erasure.scrub import ScrubResult

    monkeypatch.setattr(service, "scrub", lambda d, t: ScrubResult((), ()))
    service.erase_person(db, ADMIN, tmp_path / "j.jsonl", _plan(_find(db)), today=TODAY)
    # Old page images stay in the WAL until a checkpoint empties it.
    assert found_in_bytes([p.read_bytes() for p in sqlite_files(sqlite_url)]) != []
    engine.dispose()


def test_anonymise_keeps_the_row_without_the_person(any_db_url: str, tmp_path: Path) -> None:
    engine = make_engine(any_db_url)
    db = Database(engine)
    planted = plant_person(engine)
    found = _find(db)
    plan = ErasurePlan(
        request=NewRequest(dt.date(2026, 11, 20), "phone"),
        identity_check="call_back",
        query=QUERY,
        contact_actions={planted.contact_id: "anonymise", planted.other_contact_id: "erase"},
        payload_seqs=tuple(p.seq for p in found.payloads),
    )
    done = service.erase_person(db, ADMIN, tmp_path / "j.jsonl", plan, today=TODAY)
    assert done.contacts_anonymised == 1
    with engine.connect() as conn:
        row = conn.execute(
            select(Contact.name, Contact.email, Contact.phone).where(
                Contact.id == planted.contact_id
            )
        ).one()
    assert NAME not in row[0] and row[1].endswith("@invalid.invalid") and row[2] is None
    engine.dispose()


def test_identity_check_is_required(any_db_url: str, tmp_path: Path) -> None:
    engine = make_engine(any_db_url)
    plant_person(engine)
    plan = ErasurePlan(request=NewRequest(TODAY, "email"), identity_check=" ", query=QUERY)
    with pytest.raises(ValidationError) as caught:
        service.erase_person(Database(engine), ADMIN, tmp_path / "j.jsonl", plan, today=TODAY)
    assert caught.value.code == "erasure.identity_unchecked"
    assert not (tmp_path / "j.jsonl").exists()  # refused before anything was touched
    engine.dispose()


def _copy_sqlite(url: str, target: Path) -> str:
    src = Path(url.removeprefix("sqlite:///"))
    shutil.copy2(src, target)
    wal = src.with_name(src.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    return str(target)


def test_replay_after_restore_erases_again(any_db_url: str, tmp_path: Path) -> None:
    engine = make_engine(any_db_url)
    plant_person(engine)
    journal = tmp_path / "journal.jsonl"
    if any_db_url.startswith("sqlite"):
        engine.dispose()
        backup = _copy_sqlite(any_db_url, tmp_path / "backup.sqlite3")
        engine = make_engine(any_db_url)
    else:
        backup_name = any_db_url.rsplit("/", 1)[1] + "_bak"
        engine.dispose()
        with make_engine(
            any_db_url.rsplit("/", 1)[0] + "/test", isolation_level="AUTOCOMMIT"
        ).connect() as c:
            c.execute(
                text(f'CREATE DATABASE "{backup_name}" TEMPLATE "{any_db_url.rsplit("/", 1)[1]}"')
            )
        engine = make_engine(any_db_url)
    db = Database(engine)
    service.erase_person(db, ADMIN, journal, _plan(_find(db)), today=TODAY)
    engine.dispose()
    # Restore the backup over the database.
    if any_db_url.startswith("sqlite"):
        path = Path(any_db_url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        _copy_sqlite(f"sqlite:///{backup}", path)
        restored_url = any_db_url
    else:
        restored_url = any_db_url.rsplit("/", 1)[0] + "/" + backup_name
    restored = Database(make_engine(restored_url))
    try:
        assert _find(restored).contacts  # the backup brought the person back
        result = service.replay_journal(restored, journal)
        assert result.contacts == 2 and result.payloads == 3 + recorded_contacts(engine)
        again = _find(restored)
        assert again.contacts == () and again.payloads == ()
        assert verify_log(restored).ok
        assert service.replay_journal(restored, journal).references == ()  # idempotent
    finally:
        restored.dispose()
        if not any_db_url.startswith("sqlite"):
            with make_engine(
                any_db_url.rsplit("/", 1)[0] + "/test", isolation_level="AUTOCOMMIT"
            ).connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{backup_name}" WITH (FORCE)'))
