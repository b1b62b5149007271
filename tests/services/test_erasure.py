"""services.erasure: every refusal carries its code, nothing is changed when a step is
refused, and the small workflows (requests, certificates, termination) do what they say.
The big flows (erasure down to the file bytes, purge, replay) are in tests/store/erasure/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from bowebb_console.domain.errors import ShownError
from bowebb_console.services import admin, erasure
from bowebb_console.services.database import Database, Identity
from bowebb_console.services.erasure import ErasurePlan, NewRequest, PersonQuery
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.models import Contact
from tests.store.erasure_helpers import COMPANY, EMAIL, Planted, plant_person

TODAY = dt.date(2026, 11, 26)
ADMIN = Identity("alice", "admin", "sqlite")


@pytest.fixture
def planted(any_db_url: str) -> Iterator[tuple[Database, Planted]]:
    db = Database(make_engine(any_db_url))
    yield db, plant_person(db.engine, hard_delete_due=TODAY)
    db.dispose()


@pytest.fixture
def sqlite_planted(sqlite_url: str) -> Iterator[tuple[Database, Planted]]:
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    db = Database(make_engine(sqlite_url))
    yield db, plant_person(db.engine, hard_delete_due=TODAY)
    db.dispose()


def _contacts(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Contact)).scalar_one())


def _plan(db: Database) -> ErasurePlan:
    query = PersonQuery(email=EMAIL)
    found = erasure.find_person(db, query)
    return ErasurePlan(
        request=NewRequest(TODAY, "email"),
        identity_check="reply_from_address",
        query=query,
        contact_actions={c.id: "erase" for c in found.contacts},
        payload_seqs=tuple(p.seq for p in found.payloads),
    )


def test_an_unwritable_journal_erases_nothing(
    sqlite_planted: tuple[Database, Planted], tmp_path: Path
) -> None:
    db, _ = sqlite_planted
    (tmp_path / "file").write_text("not a directory")
    before = _contacts(db)
    with pytest.raises(erasure.JournalError) as caught:
        erasure.erase_person(db, ADMIN, tmp_path / "file" / "j.jsonl", _plan(db), today=TODAY)
    assert caught.value.code == "erasure.journal_unwritable"
    assert caught.value.params["path"] == str(tmp_path / "file" / "j.jsonl")
    assert _contacts(db) == before
    assert erasure.list_requests(db) == []


def test_replay_refuses_a_missing_or_damaged_journal(
    sqlite_planted: tuple[Database, Planted], tmp_path: Path
) -> None:
    db, _ = sqlite_planted
    journal = tmp_path / "j.jsonl"
    with pytest.raises(erasure.JournalError) as caught:
        erasure.replay_journal(db, journal)
    assert caught.value.code == "erasure.journal_missing"
    erasure.erase_person(db, ADMIN, journal, _plan(db), today=TODAY)
    journal.write_text(journal.read_text() + "{not json\n")
    with pytest.raises(erasure.JournalError) as caught:
        erasure.replay_journal(db, journal)
    # The erasure wrote two lines (its entry, pending before the COMMIT, and the done mark).
    assert (caught.value.code, caught.value.params["line"]) == ("erasure.journal_unreadable", "3")


def test_requests_open_forward_extend(planted: tuple[Database, Planted]) -> None:
    db, p = planted
    received = TODAY - dt.timedelta(days=3)
    reference = erasure.save_open_request(db, NewRequest(received, "letter"), TODAY)
    (row,) = erasure.list_requests(db, open_only=True)
    assert (row.reference, row.due_on) == (reference, dt.date(2026, 12, 23))
    with pytest.raises(ShownError) as caught:
        erasure.extend_request(db, row.id, "  ", TODAY)
    assert caught.value.code == "erasure.extension_reason"
    with pytest.raises(ShownError) as caught:
        erasure.extend_request(db, row.id, "many", dt.date(2027, 1, 1))
    assert caught.value.code == "erasure.extension_too_late"
    extended = erasure.extend_request(db, row.id, " many requests ", TODAY)
    assert (extended.extended_to, extended.extension_reason) == (
        dt.date(2027, 2, 23),
        "many requests",
    )
    assert erasure.forward_request(
        db, ADMIN, row.id, p.other_customer_id, identity_check="call_back", today=TODAY
    ) == (reference)
    assert erasure.list_requests(db, open_only=True) == []
    with pytest.raises(ShownError) as caught:  # closed now
        erasure.forward_request(
            db, ADMIN, row.id, p.other_customer_id, identity_check="", today=TODAY
        )
    assert caught.value.code == "erasure.request_closed"
    with pytest.raises(ShownError) as caught:
        erasure.save_open_request(db, NewRequest(TODAY + dt.timedelta(days=1), "email"), TODAY)
    assert caught.value.code == "erasure.received_in_future"
    with pytest.raises(ShownError) as caught:
        erasure.find_person(db, PersonQuery())
    assert caught.value.code == "erasure.query_empty"


def test_certificates_listed_and_saved(
    sqlite_planted: tuple[Database, Planted], tmp_path: Path
) -> None:
    db, _ = sqlite_planted
    done = erasure.erase_person(db, ADMIN, tmp_path / "j.jsonl", _plan(db), today=TODAY)
    lists = erasure.erasure_lists(db)
    assert [r.reference for r in lists.requests] == [done.reference]
    assert [(c.reference, c.performed_by_role) for c in lists.certificates] == [
        (done.reference, "admin")
    ]
    saved = erasure.save_certificate_pdf(db, done.certificate_id, tmp_path / "c.pdf")
    assert saved.read_bytes().startswith(b"%PDF")
    with pytest.raises(ShownError) as caught:
        erasure.save_certificate_pdf(db, done.certificate_id, tmp_path / "no" / "c.pdf")
    assert caught.value.code == "erasure.file_unwritable"
    with pytest.raises(ShownError) as caught:
        erasure.save_certificate_pdf(db, 999, tmp_path / "c.pdf")
    assert caught.value.code == "erasure.certificate_missing"


def test_termination_and_the_purge_requests(planted: tuple[Database, Planted]) -> None:
    db, p = planted
    # The grace period is the database's (one setting), not the caller's.
    admin.set_lifecycle(db, ADMIN, admin.Lifecycle(30, 30, 1095))
    assert erasure.set_termination(db, p.other_customer_id, TODAY) == dt.date(2026, 12, 26)
    with pytest.raises(erasure.PurgeError) as caught:
        erasure.set_termination(db, 999_999, TODAY)
    assert caught.value.code == "erasure.customer_missing"
    choices = {c.id: c for c in erasure.customer_choices(db)}
    assert choices[p.other_customer_id].hard_delete_due == dt.date(2026, 12, 26)
    assert erasure.purge_state(db, p.customer_id, TODAY).approval is None
    approval = erasure.request_purge(db, ADMIN, p.customer_id, TODAY)
    state = erasure.purge_state(db, p.customer_id, TODAY)
    assert state.approval == approval and state.plan.customer_name == COMPANY
    with pytest.raises(erasure.PurgeError) as caught:
        erasure.request_purge(db, ADMIN, p.customer_id, TODAY)
    assert caught.value.code == "erasure.purge_waiting"
    if db.dialect == "sqlite":
        erasure.approve_purge(db, approval.id, approver="bob")
        with pytest.raises(erasure.PurgeError) as caught:
            erasure.approve_purge(db, approval.id, approver="carl")
        assert caught.value.code == "erasure.not_waiting"
    with pytest.raises(erasure.PurgeError) as caught:
        erasure.approve_purge(db, 999_999, approver="bob")
    assert (caught.value.code, caught.value.params) == (
        "erasure.no_purge_request",
        {"id": "999999"},
    )


def test_guidance_is_logged_without_personal_data(planted: tuple[Database, Planted]) -> None:
    db, p = planted
    erasure.log_guidance(db, ADMIN, p.customer_id, ["b", "a"], ["a"])
    with db.engine.connect() as conn:
        payload = conn.execute(
            text(
                "SELECT p.payload FROM log_payload p JOIN log_event e ON e.seq = p.seq "
                "WHERE e.kind = 'erasure_guidance_given'"
            )
        ).scalar_one()
    assert payload == (
        f'{{"confirmed_done":["a"],"customer_id":{p.customer_id},"topics":["a","b"]}}'
    )


def test_identity_and_compact(any_db_url: str) -> None:
    db = Database(make_engine(any_db_url))
    try:
        identity = erasure.identity_of(db)
        assert identity.role == "admin" and identity.dialect == db.dialect
        result = erasure.compact(db)
        assert {"customer", "log_payload", "contact"} <= set(result.rewritten)
        assert result.pending == ()
    finally:
        db.dispose()
