"""The sub-processors service on real databases: each call owns its transaction, failures
leave as ShownErrors with codes, PostgreSQL refuses everyone but admins, and evidence files
are checked against their SHA-256 on the way out."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bowebb_console.domain import checklist as cl
from bowebb_console.domain.errors import ShownError, ValidationError
from bowebb_console.domain.orgnr import make_orgnr
from bowebb_console.domain.subprocessor_flags import FlagKind
from bowebb_console.services import subprocessors as service
from bowebb_console.services.database import Database, Identity
from bowebb_console.store.db import users
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.chain import read_session_events
from bowebb_console.store.models import Customer, DpaChecklistItem, NoticeExport
from bowebb_console.store.subprocessors.register import log_session_uuid

TODAY = dt.date(2026, 11, 26)
ANNA = Identity("anna", "admin", "sqlite")
HOSTING = service.SubProcessorInput(
    name="Hosting AB",
    service="Hosting",
    locations="SE",
    dpa_reference="UB-1",
    dpa_signed_on=dt.date(2025, 3, 1),
    next_review_on=dt.date(2027, 3, 1),
)


@pytest.fixture
def db(any_db_url: str) -> Iterator[Database]:
    database = Database(make_engine(any_db_url))
    yield database
    database.dispose()


def add_customer(db: Database, n: int, status: str = "active") -> Customer:
    with Session(db.engine, expire_on_commit=False) as s, s.begin():
        customer = Customer(
            org_number=make_orgnr(f"55600001{n}").digits, name=f"Kund {n} AB", status=status
        )
        s.add(customer)
    return customer


def test_save_load_and_flags(db: Database) -> None:
    sp_id = service.save_sub_processor(db, ANNA, HOSTING)
    [row] = service.list_register(db, TODAY)
    assert row.record.id == sp_id and [f.kind for f in row.flags] == [FlagKind.CHECKLIST_GAP]
    for key in cl.load_checklist().keys:
        service.set_checklist_item(db, ANNA, sp_id, key, cl.YES, "clause 4")
    detail = service.load_detail(db, sp_id, TODAY)
    assert detail is not None and detail.flags == () and detail.record.name == "Hosting AB"
    assert {e.status for e in detail.entries} == {cl.YES} and detail.evidence == ()
    assert service.load_detail(db, sp_id + 1) is None
    moved = service.SubProcessorInput(**{**HOSTING.__dict__, "locations": "SE,US"})
    service.save_sub_processor(db, ANNA, moved, sp_id=sp_id, version=1)
    [row] = service.list_register(db, TODAY)
    assert [f.kind for f in row.flags] == [FlagKind.OUTSIDE_EU_EEA]


def test_a_stale_edit_is_refused_by_code_and_changes_nothing(db: Database) -> None:
    sp_id = service.save_sub_processor(db, ANNA, HOSTING)
    first = service.SubProcessorInput(**{**HOSTING.__dict__, "service": "Hosting and mail"})
    service.save_sub_processor(db, ANNA, first, sp_id=sp_id, version=1)
    second = service.SubProcessorInput(**{**HOSTING.__dict__, "service": "Backups"})
    with pytest.raises(service.StaleRegisterEdit) as info:
        service.save_sub_processor(db, ANNA, second, sp_id=sp_id, version=1)
    assert info.value.code == "subprocessors.stale_edit"
    [row] = service.list_register(db, TODAY)
    assert (row.record.service, row.record.version) == ("Hosting and mail", 2)
    with db.engine.connect() as conn:
        assert len(read_session_events(conn, log_session_uuid(sp_id))) == 2


def test_evidence_from_a_file_and_a_checked_copy(db: Database, tmp_path: Path) -> None:
    sp_id = service.save_sub_processor(db, ANNA, HOSTING)
    source = tmp_path / "signed DPA.pdf"
    source.write_bytes(b"%PDF-1.4 signed")
    info = service.attach_evidence(db, ANNA, sp_id, source, item_key="art28_2")
    assert info.file_name == "signed DPA.pdf" and info.item_key == "art28_2"
    assert service.list_evidence(db, sp_id) == [info]
    assert service.evidence_content(db, info.id) == source.read_bytes()
    copy = tmp_path / "copy.pdf"
    assert service.save_evidence_copy(db, info.id, copy) == info.sha256
    assert copy.read_bytes() == source.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    with pytest.raises(ShownError) as gone:
        service.evidence_content(db, info.id + 1)
    assert gone.value.code == "subprocessors.evidence_gone"
    with pytest.raises(ShownError) as unwritable:
        service.save_evidence_copy(db, info.id, tmp_path / "no such folder" / "copy.pdf")
    assert unwritable.value.code == "subprocessors.file_unwritable"
    assert unwritable.value.params["reason"]


def test_a_stored_file_that_no_longer_matches_its_hash_is_not_handed_out(
    sqlite_url: str, tmp_path: Path
) -> None:
    init_database(sqlite_url)
    db = Database(make_engine(sqlite_url))
    sp_id = service.save_sub_processor(db, ANNA, HOSTING)
    info = service.add_evidence(db, ANNA, sp_id, "dpa.pdf", b"the signed text")
    with db.engine.begin() as conn:  # bytes changed behind the register's back
        conn.execute(text("UPDATE sub_processor_evidence SET content = :c"), {"c": b"other"})
    with pytest.raises(ShownError) as info_error:
        service.save_evidence_copy(db, info.id, tmp_path / "copy.pdf")
    assert info_error.value.code == "subprocessors.evidence_altered"
    assert not (tmp_path / "copy.pdf").exists()
    db.dispose()


def test_too_large_or_unreadable_files_are_refused_before_reading(
    db: Database, tmp_path: Path
) -> None:
    sp_id = service.save_sub_processor(db, ANNA, HOSTING)
    big = tmp_path / "scan.pdf"
    with big.open("wb") as f:
        f.truncate(service.EVIDENCE_MAX_BYTES + 1)  # sparse: nothing of it is read
    with pytest.raises(ValidationError) as too_big:
        service.attach_evidence(db, ANNA, sp_id, big)
    assert too_big.value.code == "subprocessors.evidence_too_large"
    with pytest.raises(ShownError) as missing:
        service.attach_evidence(db, ANNA, sp_id, tmp_path / "gone.pdf")
    assert missing.value.code == "subprocessors.file_unreadable"
    assert service.list_evidence(db, sp_id) == []


def test_planned_change_objection_and_notice_export(db: Database, tmp_path: Path) -> None:
    sp_id = service.save_sub_processor(db, ANNA, HOSTING)
    customer = add_customer(db, 1)
    change_id = service.add_planned_change(
        db,
        ANNA,
        kind="replacement",
        description="Hosting moves to Norrhall",
        planned_on=TODAY + dt.timedelta(days=60),
        sub_processor_id=sp_id,
        customers_notified_on=TODAY,
        objection_window_ends=TODAY + dt.timedelta(days=30),
    )
    with pytest.raises(ValidationError) as bad:
        service.record_objection(db, ANNA, change_id, "556000-0000", TODAY)
    assert bad.value.code == "subprocessors.bad_org_number"
    with pytest.raises(ValidationError) as unknown:
        service.record_objection(db, ANNA, change_id, make_orgnr("556000019").formatted, TODAY)
    assert unknown.value.code == "subprocessors.unknown_customer"
    org = f"{customer.org_number[:6]}-{customer.org_number[6:]}"
    service.record_objection(db, ANNA, change_id, org, TODAY, "No thanks")
    listing = service.list_changes(db)
    assert listing.sub_processors == ((sp_id, "Hosting AB"),)
    [change] = listing.changes
    assert [o.customer_id for o in change.objections] == [customer.id]

    out = tmp_path / "recipients.csv"
    assert service.export_change_recipients(db, ANNA, change, out) == 0  # no contacts
    assert next(csv.reader(out.open(encoding="utf-8-sig"))) == [
        "email",
        "contact_name",
        "company_name",
    ]
    with Session(db.engine) as s:
        reasons = s.scalars(select(NoticeExport.reason)).all()
    assert reasons == [f"Planned sub-processor change #{change.id}: Hosting moves to Norrhall"]


def test_customers_without_dpa_and_exports(db: Database) -> None:
    add_customer(db, 2)
    add_customer(db, 3, status="trial")
    assert [c.name for c in service.customers_without_dpa(db)] == ["Kund 2 AB"]
    sp_id = service.save_sub_processor(db, ANNA, HOSTING)
    rows = service.list_register(db, TODAY)
    assert service.register_csv(rows, "sv").splitlines()[0].startswith("Underbiträde;")
    assert "Hosting AB" in service.register_html(rows, TODAY, "en")
    detail = service.load_detail(db, sp_id, TODAY)
    assert detail is not None
    assert len(service.checklist_csv(detail, "en").splitlines()) == 11
    assert "Art. 28(4)" in service.checklist_html(detail, TODAY, "en")


# -- PostgreSQL: only admins change the register ------------------------------------------

PASSWORD = "correct horse battery"


@pytest.fixture
def pg_logins(pg_db) -> Iterator[tuple[dict[str, str], dict[str, Database]]]:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    names = {}
    with admin.begin() as conn:
        for role in ("agent", "lead", "admin"):
            names[role] = pg_db.login_name(role)
            users.add_user(conn, names[role], role, PASSWORD)
    admin.dispose()
    dbs = {k: Database(make_engine(pg_db.url_for(v, PASSWORD))) for k, v in names.items()}
    yield names, dbs
    for d in dbs.values():
        d.dispose()


@pytest.mark.parametrize("role", ["agent", "lead"])
def test_agents_and_leads_read_but_postgresql_refuses_changes(pg_logins, role: str) -> None:  # type: ignore[no-untyped-def]
    names, dbs = pg_logins
    sp_id = service.save_sub_processor(
        dbs["admin"], Identity(names["admin"], "admin", "pg"), HOSTING
    )
    mine, me = dbs[role], Identity(names[role], role, "postgresql")
    assert [r.record.name for r in service.list_register(mine)] == ["Hosting AB"]
    attempts = [
        lambda: service.save_sub_processor(
            mine, me, service.SubProcessorInput(**{**HOSTING.__dict__, "name": "X"})
        ),
        lambda: service.save_sub_processor(
            mine,
            me,
            service.SubProcessorInput(**{**HOSTING.__dict__, "locations": "US"}),
            sp_id=sp_id,
            version=1,
        ),
        lambda: service.set_checklist_item(mine, me, sp_id, "art28_2", cl.YES),
        lambda: service.add_evidence(mine, me, sp_id, "a.pdf", b"x"),
        lambda: service.add_planned_change(
            mine, me, kind="addition", description="x", planned_on=TODAY
        ),
    ]
    for attempt in attempts:
        with pytest.raises(service.RegisterRefused) as info:
            attempt()
        assert info.value.code == "subprocessors.refused"
        assert "permission denied" in info.value.params["detail"]
    for statement in (
        "UPDATE sub_processor SET locations = 'SE'",
        "DELETE FROM dpa_checklist_item",
        "UPDATE sub_processor_evidence SET sha256 = repeat('0', 64)",
        "DELETE FROM sub_processor_change",
        "DELETE FROM sub_processor_objection",
    ):
        with mine.engine.connect() as conn, pytest.raises(Exception, match="permission denied"):
            conn.execute(text(statement))
    assert [r.record.locations for r in service.list_register(mine)] == ["SE"]


def test_postgresql_records_who_assessed_whatever_the_client_sends(pg_logins) -> None:  # type: ignore[no-untyped-def]
    names, dbs = pg_logins
    admin = dbs["admin"]
    someone_else = Identity("someone-else", "admin", "postgresql")
    sp_id = service.save_sub_processor(admin, someone_else, HOSTING)
    service.set_checklist_item(admin, someone_else, sp_id, "art28_2", cl.YES)
    with admin.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE dpa_checklist_item SET assessed_by = 'forged', "
                "assessed_at = '2000-01-01' WHERE item_key = 'art28_2'"
            )
        )
    with Session(admin.engine) as s:
        item = s.query(DpaChecklistItem).one()
        assert item.assessed_by == names["admin"]
        assert item.assessed_at.year >= 2026
    info = service.add_evidence(admin, someone_else, sp_id, "a.pdf", b"x")
    assert info.added_by == names["admin"]
    with admin.engine.connect() as conn:
        assert read_session_events(conn, log_session_uuid(sp_id))[-1].actor == names["admin"]
