"""Issue 14: the purge and the person's erasure leave nothing behind in every path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from bowebb_console.services import erasure as service
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.erasure.person import ErasurePlan, PersonQuery
from bowebb_console.store.erasure.purge import PurgeError
from bowebb_console.store.erasure.requests import NewRequest
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.review.fold import rebuild_summaries
from tests.store.erasure_helpers import (
    COMPANY,
    EMAIL,
    NAME,
    SECRETS,
    _event,
    _session,
    found_in_bytes,
    pg_relation_bytes,
    plant_person,
    sqlite_files,
)

TODAY = dt.date(2026, 11, 26)
ADMIN = Identity("alice", "admin", "sqlite")
# Notes of the purged customer's session that name nobody: the person's erasure keeps them,
# the customer's purge must not.
PLAIN_NOTES = ("Skrivaren Brotherhood-QX77 bytte toner", "Routern Kvarnfalk-R9 startades om")


def _scan(url: str, needles: tuple[str, ...]) -> list[str]:
    if url.startswith("sqlite"):
        return found_in_bytes([p.read_bytes() for p in sqlite_files(url)], needles)
    admin = make_engine(url)
    try:
        blobs = pg_relation_bytes(admin, ["log_payload", "session_summary", "contact"])
    finally:
        admin.dispose()
    return found_in_bytes(blobs, needles)


def _add_notes(engine: Engine, customer_id: int, contact_id: int) -> None:
    """A second session of the person at ``customer_id``: plain notes and a tool payload."""
    with Database(engine).transaction() as conn:
        session = _session(conn, customer_id, contact_id, "T-3", "router", "phone")
        for note in PLAIN_NOTES:
            _event(conn, session, "note_added", note=note)
        _event(conn, session, "session_ended", summary="toner", outcome="resolved")


def _erase_person(db: Database, journal: Path, query: PersonQuery) -> None:
    found = service.find_person(db, query)
    plan = ErasurePlan(
        request=NewRequest(TODAY, "email"),
        identity_check="call_back",
        query=query,
        contact_actions={c.id: "erase" for c in found.contacts},
        payload_seqs=tuple(p.seq for p in found.payloads),
        profiles=found.profiles,
    )
    service.erase_person(db, ADMIN, journal, plan, today=TODAY)


def _purge(engine: Engine, db: Database, journal: Path, customer_id: int) -> None:
    approval = service.request_purge(db, ADMIN, customer_id, TODAY)
    if engine.dialect.name == "sqlite":
        service.approve_purge(db, approval.id, approver="bob")
    else:  # the admin URL is root: a second login approves
        from tests.store.erasure.test_purge import _approve

        _approve(engine, approval.id)
    service.run_purge(db, ADMIN, journal, approval.id, COMPANY, today=TODAY)


def test_purge_after_erasure_and_rebuild_finds_the_sessions(
    any_db_url: str, tmp_path: Path
) -> None:
    """Item 5: the person's erasure removed the consent payload (and a review rebuild ran):
    the purge still finds the customer's session and takes its remaining notes."""
    engine = make_engine(any_db_url)
    db = Database(engine)
    planted = plant_person(engine, hard_delete_due=TODAY - dt.timedelta(days=1))
    _add_notes(engine, planted.customer_id, planted.contact_id)
    journal = tmp_path / "journal.jsonl"
    _erase_person(db, journal, PersonQuery(email=EMAIL, phone="+46709871234", name=NAME))
    rebuild_summaries(engine)
    plan = service.plan_purge(db, planted.customer_id, TODAY)
    assert len(plan.payload_seqs) >= len(PLAIN_NOTES) + 1  # the notes and the session's end
    _purge(engine, db, journal, planted.customer_id)
    assert verify_log(db).ok
    engine.dispose()
    assert _scan(any_db_url, PLAIN_NOTES) == []
    assert _scan(any_db_url, (COMPANY, *SECRETS[:2])) == []


# Item 6: the number as people write it in notes, and the surname alone.
PHONE_NOTES = (
    "Ring 070-987 12 34 efter lunch",
    "Nytt nummer: +46 70 987 12 34",
    "sms till 0709871234",
    "växel 0046 (0)70-987 1234",
)
NOT_THE_NUMBER = ("Order 070-987 12 345 skickad", "Kvitto 1070-987 12 34")
SURNAME_NOTE = "Fru Quixtrapp ringde om fakturan"


def _session_with_notes(engine: Engine, customer_id: int, contact_id: int, notes) -> None:  # type: ignore[no-untyped-def]
    with Database(engine).transaction() as conn:
        session = _session(conn, customer_id, contact_id, "T-4", "mail", "phone")
        for note in notes:
            _event(conn, session, "note_added", note=note)
        _event(conn, session, "session_ended", summary="klart", outcome="resolved")


def test_find_matches_the_phone_however_written_and_lists_the_surname_as_possible(
    any_db_url: str, tmp_path: Path
) -> None:
    engine = make_engine(any_db_url)
    db = Database(engine)
    planted = plant_person(engine)
    notes = (*PHONE_NOTES, *NOT_THE_NUMBER, SURNAME_NOTE)
    # In the other customer's session, with the bystander as the caller: only text finds them.
    _session_with_notes(engine, planted.other_customer_id, planted.bystander_id, notes)
    with engine.connect() as conn:
        seq_of = {
            note: conn.execute(
                text("SELECT seq FROM log_payload WHERE payload LIKE :n"),
                {"n": f"%{note.replace('(', '_').replace(')', '_')}%"},
            ).scalar_one()
            for note in notes
        }
    for phone in ("0709871234", "070-987 12 34", "+46 70 987 12 34"):
        found = service.find_person(db, PersonQuery(phone=phone))
        seqs = {p.seq for p in found.payloads}
        assert {seq_of[n] for n in PHONE_NOTES} <= seqs, phone
        assert not {seq_of[n] for n in NOT_THE_NUMBER} & seqs, phone
        assert not any(p.possible for p in found.payloads)
    found = service.find_person(db, PersonQuery(name="Ada Quixtrapp"))
    possible = {p.seq for p in found.payloads if p.possible}
    assert seq_of[SURNAME_NOTE] in possible
    # Searching the full name, the full name's mentions are certain, the surname's possible.
    by_name = service.find_person(db, PersonQuery(name=NAME)).payloads
    assert seq_of[SURNAME_NOTE] in {p.seq for p in by_name if p.possible}
    assert any(not p.possible for p in by_name)
    engine.dispose()


def test_erased_phone_notes_do_not_come_back_with_a_review_rebuild(
    any_db_url: str, tmp_path: Path
) -> None:
    engine = make_engine(any_db_url)
    db = Database(engine)
    planted = plant_person(engine)
    _session_with_notes(engine, planted.other_customer_id, planted.bystander_id, PHONE_NOTES)
    query = PersonQuery(phone="070 987 12 34")
    _erase_person(db, tmp_path / "journal.jsonl", query)
    rebuild_summaries(engine)
    assert service.find_person(db, query).payloads == ()
    with engine.connect() as conn:
        texts = conn.execute(text("SELECT search_text FROM session_summary")).scalars().all()
    assert not any("987" in t for t in texts)
    # and the next wipe leaves no copy in the files
    service.compact(db)
    engine.dispose()
    assert _scan(any_db_url, ("987 12 34", "987 1234", "0709871234")) == []


# Item 12.
def test_sqlite_four_eyes_compares_names_as_one_person(sqlite_url: str) -> None:
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    db = Database(engine)
    planted = plant_person(engine, hard_delete_due=TODAY)
    approval = service.request_purge(
        db, Identity("root", "admin", "sqlite"), planted.customer_id, TODAY
    )
    for same in (" Root ", "ROOT", "root\t", "Root"):
        with pytest.raises(PurgeError) as caught:
            service.approve_purge(db, approval.id, approver=same)
        assert caught.value.code == "erasure.four_eyes"
    approved = service.approve_purge(db, approval.id, approver="  Berit   Lind ")
    assert approved.approved_by == "Berit Lind"
    engine.dispose()


def test_sqlite_wipe_reports_a_reader_holding_a_snapshot(sqlite_url: str, tmp_path: Path) -> None:
    """The WAL checkpoint cannot finish while another connection reads an older snapshot:
    the erasure says the files are not wiped yet, and ``compact`` wipes them afterwards."""
    import sqlite3

    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    db = Database(engine)
    plant_person(engine)
    with engine.connect() as conn:  # the person now sits in the main file
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = sqlite_url.removeprefix("sqlite:///")
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM log_payload").fetchone()[0] > 0
    query = PersonQuery(email=EMAIL, phone="+46709871234", name=NAME)
    found = service.find_person(db, query)
    done = service.erase_person(
        db,
        ADMIN,
        tmp_path / "journal.jsonl",
        ErasurePlan(
            request=NewRequest(TODAY, "email"),
            identity_check="call_back",
            query=query,
            contact_actions={c.id: "erase" for c in found.contacts},
            payload_seqs=tuple(p.seq for p in found.payloads),
        ),
        today=TODAY,
    )
    assert done.scrub.rewritten == ()
    assert "log_payload" in done.scrub.pending and "contact" in done.scrub.pending
    # The person is still in the main file: reporting "rewritten" would have been a lie.
    assert found_in_bytes([Path(path).read_bytes()], (EMAIL,)) != []
    reader.execute("COMMIT")
    reader.close()
    result = service.compact(db)
    assert result.pending == () and "log_payload" in result.rewritten
    engine.dispose()
    assert found_in_bytes([p.read_bytes() for p in sqlite_files(sqlite_url)]) == []


def test_notice_export_in_the_same_second_as_the_contact_is_found(any_db_url: str) -> None:
    engine = make_engine(any_db_url)
    planted = plant_person(engine)
    with engine.begin() as conn:
        # Same second as the contact's creation, as the server's clock writes both.
        conn.execute(
            text(
                "INSERT INTO notice_export (actor, exported_at, recipient_count, reason) "
                "SELECT 'tester', created_at, 3, 'driftstörning' FROM contact WHERE id = :c"
            ),
            {"c": planted.contact_id},
        )
        conn.execute(
            text(
                "INSERT INTO notice_export (actor, exported_at, recipient_count, reason) "
                "VALUES ('tester', :at, 2, 'older')"
            ),
            {"at": dt.datetime(2020, 1, 1, tzinfo=dt.UTC)},
        )
    found = service.find_person(Database(engine), PersonQuery(email=EMAIL))
    counts = [e.recipient_count for e in found.exports]
    assert 3 in counts
    if engine.dialect.name == "sqlite":  # PostgreSQL's trigger stamps every export "now"
        assert counts == [3]
    engine.dispose()


# Item 7: a sole trader's org number is the person's personnummer.
SOLE_TRADER_NR = "8507099805"


def _sole_trader(engine: Engine, name: str = "Quixtrapp Konsult") -> int:
    from sqlalchemy import insert

    from bowebb_console.store.models import Contact, Customer

    with engine.begin() as conn:
        customer = conn.execute(
            insert(Customer)
            .values(org_number=SOLE_TRADER_NR, name=name, status="active", version=1)
            .returning(Customer.id)
        ).scalar_one()
        conn.execute(
            insert(Contact).values(
                customer_id=customer, name=NAME, email="zq@quixtrapp-konsult.se", version=1
            )
        )
    return int(customer)


def test_erasing_the_person_lists_their_sole_trader_masked(any_db_url: str) -> None:
    engine = make_engine(any_db_url)
    db = Database(engine)
    plant_person(engine)
    trader = _sole_trader(engine)
    found = service.find_person(db, PersonQuery(email="zq@quixtrapp-konsult.se"))
    assert [(t.id, t.org_masked) for t in found.sole_traders] == [(trader, "850709-****")]
    # found by the name too, and organisations (planted ones included) are not listed
    by_name = service.find_person(db, PersonQuery(name=NAME))
    assert [t.id for t in by_name.sole_traders] == [trader]
    assert SOLE_TRADER_NR not in repr(found) and "850709-9805" not in repr(found)
    engine.dispose()


def test_org_number_masking() -> None:
    from bowebb_console.domain.orgnr import make_orgnr, masked

    assert masked("850709-9805") == "850709-****" == masked(SOLE_TRADER_NR)
    assert masked("556680-9827") == "556680-9827"
    assert make_orgnr("556680982").masked == "556680-9827"
    assert masked("") == ""
