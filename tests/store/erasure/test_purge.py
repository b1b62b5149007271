"""The hard delete of a customer due for deletion: four eyes, typed name, all or nothing."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError

from bowebb_console.domain.errors import ShownError
from bowebb_console.services import erasure as service
from bowebb_console.store.db import users
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database, role_prefix
from bowebb_console.store.erasure import purge
from bowebb_console.store.erasure.certificates import certificate_pdf
from bowebb_console.store.erasure.journal import Journal
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.models import Contact, Customer, LogPayload, PurgeApproval
from tests.store.erasure_helpers import (
    COMPANY,
    RECORDED_CUSTOMER,
    SECRETS,
    found_in_bytes,
    pg_relation_bytes,
    plant_person,
    sqlite_files,
)

TODAY = dt.date(2026, 11, 26)
PASSWORD = "correct horse battery"
ALICE = Identity("alice", "admin", "sqlite")


def _db(engine: Engine) -> Database:
    return Database(engine)


def _counts(engine, customer_id: int) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return (
            conn.execute(select(func.count()).where(Customer.id == customer_id)).scalar_one(),
            conn.execute(
                select(func.count()).where(Contact.customer_id == customer_id)
            ).scalar_one(),
            conn.execute(select(func.count()).select_from(LogPayload)).scalar_one(),
        )


def _approver(engine):  # type: ignore[no-untyped-def]
    """SQLite: a typed second name. PostgreSQL: a second login (a lead) of its own."""
    if engine.dialect.name == "sqlite":
        return engine, "bob"
    with engine.begin() as conn:
        prefix = role_prefix(conn)
        name = f"{prefix}_lead_{uuid.uuid4().hex[:6]}"
        users.add_user(conn, name, "lead", PASSWORD)
    return make_engine(engine.url.set(username=name, password=PASSWORD)), None


def _approve(engine, approval_id: int) -> None:  # type: ignore[no-untyped-def]
    other, name = _approver(engine)
    service.approve_purge(_db(other), approval_id, approver=name)
    if other is not engine:
        other.dispose()


def _approved(engine, customer_id: int) -> int:  # type: ignore[no-untyped-def]
    approval = service.request_purge(_db(engine), ALICE, customer_id, TODAY)
    _approve(engine, approval.id)
    return approval.id


def _code(exc: pytest.ExceptionInfo[ShownError]) -> str:
    return exc.value.code


def test_purge_not_due_is_refused(any_db_url: str) -> None:
    engine = make_engine(any_db_url)
    db = _db(engine)
    planted = plant_person(engine, hard_delete_due=TODAY + dt.timedelta(days=1))
    with pytest.raises(purge.PurgeError, match="not due") as caught:
        service.plan_purge(db, planted.customer_id, TODAY)
    assert _code(caught) == "erasure.not_due"
    assert caught.value.params == {"due": (TODAY + dt.timedelta(days=1)).isoformat()}
    with pytest.raises(purge.PurgeError, match="not due"):
        service.request_purge(db, ALICE, planted.customer_id, TODAY)
    with pytest.raises(purge.PurgeError, match="not due") as caught:
        service.plan_purge(db, planted.other_customer_id, TODAY)  # never terminated
    assert _code(caught) == "erasure.not_terminated"
    engine.dispose()


def test_dry_run_changes_nothing(any_db_url: str) -> None:
    engine = make_engine(any_db_url)
    db = _db(engine)
    planted = plant_person(engine, hard_delete_due=TODAY)
    before = _counts(engine, planted.customer_id)
    plan = service.plan_purge(db, planted.customer_id, TODAY)
    assert dict(plan.rows)["contact"] == 1 and len(plan.payload_seqs) == 4 + RECORDED_CUSTOMER
    assert _counts(engine, planted.customer_id) == before
    assert [d.id for d in service.due_customers(db, TODAY)] == [planted.customer_id]
    engine.dispose()


def test_purge_removes_the_customer_everywhere(any_db_url: str, tmp_path: Path) -> None:
    engine = make_engine(any_db_url)
    db = _db(engine)
    planted = plant_person(engine, hard_delete_due=TODAY - dt.timedelta(days=3))
    journal = tmp_path / "journal.jsonl"
    approval = service.request_purge(db, ALICE, planted.customer_id, TODAY)
    with pytest.raises(purge.PurgeError, match="approved") as caught:
        service.run_purge(db, ALICE, journal, approval.id, COMPANY, today=TODAY)
    assert _code(caught) == "erasure.not_approved"
    if not any_db_url.startswith("postgresql"):
        with pytest.raises(purge.PurgeError, match="second person") as caught:
            service.approve_purge(db, approval.id, approver="alice")
        assert _code(caught) == "erasure.four_eyes"
    _approve(engine, approval.id)
    with pytest.raises(purge.PurgeError, match="does not match") as caught:
        service.run_purge(db, ALICE, journal, approval.id, "Fel Bolag AB", today=TODAY)
    assert _code(caught) == "erasure.name_mismatch"
    payloads_before = _counts(engine, planted.customer_id)[2]
    done = service.run_purge(
        db, ALICE, journal, approval.id, " vindelkraft ödmjuk ab ", today=TODAY
    )
    with engine.connect() as conn:
        pdf = certificate_pdf(conn, done.certificate_id)
    assert pdf is not None
    pdf_text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert done.reference in pdf_text and "grace period" in pdf_text
    for value in (COMPANY, "Ödmjuk", "Vindelkraft", "5591234567", "559123-4567", *SECRETS):
        assert value.lower() not in pdf_text.lower()
    assert done.scrub.pending == ()
    customer, contacts, payloads = _counts(engine, planted.customer_id)
    assert (customer, contacts) == (0, 0)
    assert payloads == payloads_before - 4 - RECORDED_CUSTOMER + 1  # its own erasure event
    assert verify_log(_db(engine)).ok
    with engine.connect() as conn:
        assert (
            conn.execute(
                select(PurgeApproval.status).where(PurgeApproval.id == approval.id)
            ).scalar()
            == "done"
        )
        # The other customer's session (which mentions the person in a note) is untouched.
        assert (
            conn.execute(
                select(func.count()).where(Customer.id == planted.other_customer_id)
            ).scalar()
            == 1
        )
    engine.dispose()
    needles = (COMPANY, "Ödmjuk", "5591234567")
    if any_db_url.startswith("sqlite"):
        assert found_in_bytes([p.read_bytes() for p in sqlite_files(any_db_url)], needles) == []
    else:
        admin = make_engine(any_db_url)
        blobs = pg_relation_bytes(admin, ["customer", "contact", "log_payload"])
        admin.dispose()
        assert found_in_bytes(blobs, needles) == []
    # SECRETS of the person at the other customer remain (not this purge's business).
    assert SECRETS


def test_interrupted_purge_leaves_everything(any_db_url: str, tmp_path: Path) -> None:
    engine = make_engine(any_db_url)
    planted = plant_person(engine, hard_delete_due=TODAY)
    approval_id = _approved(engine, planted.customer_id)
    before = _counts(engine, planted.customer_id)

    def drop(step: str, conn) -> None:  # type: ignore[no-untyped-def]
        if step != "contact":
            return
        if conn.dialect.name == "postgresql":
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
            with make_engine(any_db_url).connect() as other:
                other.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
                other.commit()
        else:
            conn.connection.driver_connection.close()

    journal = Journal(tmp_path / "j.jsonl")
    with pytest.raises(DBAPIError), _db(engine).transaction() as conn:
        purge.run_purge(
            conn, journal, approval_id, COMPANY, role="admin", today=TODAY, on_step=drop
        )
    engine.dispose()
    engine = make_engine(any_db_url)
    assert _counts(engine, planted.customer_id) == before
    assert verify_log(_db(engine)).ok
    # and the approved purge can still run to the end
    service.run_purge(_db(engine), ALICE, journal.path, approval_id, COMPANY, today=TODAY)
    assert _counts(engine, planted.customer_id)[:2] == (0, 0)
    engine.dispose()


def test_replay_after_restore_purges_again(sqlite_url: str, tmp_path: Path) -> None:
    import shutil

    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    planted = plant_person(engine, hard_delete_due=TODAY)
    approval_id = _approved(engine, planted.customer_id)
    engine.dispose()
    db = Path(sqlite_url.removeprefix("sqlite:///"))
    shutil.copy2(db, tmp_path / "backup")
    engine = make_engine(sqlite_url)
    journal = tmp_path / "j.jsonl"
    service.run_purge(_db(engine), ALICE, journal, approval_id, COMPANY, today=TODAY)
    engine.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copy2(tmp_path / "backup", db)
    engine = make_engine(sqlite_url)
    assert _counts(engine, planted.customer_id)[0] == 1
    result = service.replay_journal(_db(engine), journal)
    assert result.customers == 1 and result.payloads == 4 + RECORDED_CUSTOMER
    assert _counts(engine, planted.customer_id)[:2] == (0, 0)
    assert verify_log(_db(engine)).ok
    engine.dispose()


@pytest.fixture
def logins(pg_db):  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    names = {}
    with admin.begin() as conn:
        for role in ("agent", "lead", "admin", "admin2"):
            names[role] = pg_db.login_name(role)
            users.add_user(conn, names[role], role.rstrip("2"), PASSWORD)
    planted = plant_person(admin, hard_delete_due=TODAY)
    admin.dispose()
    engines = {k: make_engine(pg_db.url_for(v, PASSWORD)) for k, v in names.items()}
    yield names, engines, planted
    for engine in engines.values():
        engine.dispose()


def test_pg_four_eyes_and_admin_only(logins, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    names, engines, planted = logins
    dbs = {k: _db(e) for k, e in engines.items()}
    who = {k: Identity(names[k], k.rstrip("2"), "postgresql") for k in names}
    journal = tmp_path / "j.jsonl"
    for role in ("agent", "lead"):
        with pytest.raises(ShownError) as caught:
            service.request_purge(dbs[role], who[role], planted.customer_id, TODAY)
        assert _code(caught) == "db.permission"
    approval = service.request_purge(
        dbs["admin"], Identity("forged", "admin", "postgresql"), planted.customer_id, TODAY
    )
    assert approval.started_by == names["admin"]  # the server's session_user, not "forged"
    with pytest.raises(purge.PurgeError) as caught:
        service.approve_purge(dbs["admin"], approval.id)
    assert _code(caught) == "erasure.four_eyes"
    with pytest.raises(ShownError) as caught:
        service.approve_purge(dbs["agent"], approval.id)
    assert _code(caught) == "db.permission"
    approved = service.approve_purge(dbs["lead"], approval.id, approver="forged")
    assert approved.approved_by == names["lead"]
    for role in ("agent", "lead"):
        with pytest.raises(ShownError) as caught:
            service.run_purge(dbs[role], who[role], journal, approval.id, COMPANY, today=TODAY)
        assert _code(caught) == "db.permission"
        for statement in (
            "DELETE FROM contact",
            "DELETE FROM log_payload",
            "DELETE FROM erasure_certificate",
            "DELETE FROM erasure_request",
        ):
            with engines[role].connect() as conn, pytest.raises(DBAPIError, match="permission"):
                conn.execute(text(statement))
    # A person's erasure is refused for agents and leads too, and leaves nothing behind.
    from bowebb_console.store.erasure.person import ErasurePlan, PersonQuery
    from bowebb_console.store.erasure.requests import NewRequest

    query = PersonQuery(name="Zebulon Quixtrapp")
    found = service.find_person(dbs["lead"], query)
    plan = ErasurePlan(
        request=NewRequest(TODAY, "email"),
        identity_check="call_back",
        query=query,
        contact_actions={c.id: "erase" for c in found.contacts},
        payload_seqs=tuple(p.seq for p in found.payloads),
    )
    for role in ("agent", "lead"):
        with pytest.raises(ShownError) as caught:
            service.erase_person(dbs[role], who[role], journal, plan, today=TODAY)
        assert _code(caught) == "db.permission"
    assert len(service.find_person(dbs["agent"], query).contacts) == 2
    with engines["agent"].begin() as conn:  # recording a request as it comes in is for all
        conn.execute(
            text(
                "INSERT INTO erasure_request (reference, received_on, channel, due_on, status, "
                "version) VALUES ('ER-X', :d, 'email', :d2, 'open', 1)"
            ),
            {"d": TODAY, "d2": TODAY + dt.timedelta(days=31)},
        )
    done = service.run_purge(
        dbs["admin2"], who["admin2"], journal, approval.id, COMPANY, today=TODAY
    )
    # An admin login does not own the tables, yet wipes them: erasure_rewrite runs as owner.
    assert done.scrub.pending == ()
    assert set(done.scrub.rewritten) >= {"customer", "contact", "log_payload"}
    with engines["agent"].connect() as conn:
        assert (
            conn.execute(select(func.count()).where(Customer.id == planted.customer_id)).scalar()
            == 0
        )
