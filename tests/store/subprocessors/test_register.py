"""The sub-processor register in the store: changes with their log events, checklist,
evidence, planned changes and exports, each on the caller's transaction. (Who may change the
register is the service's and the server's business: tests/services/test_subprocessors.py.)"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session

from bowebb_console.domain import checklist as cl
from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.orgnr import make_orgnr
from bowebb_console.domain.subprocessor_flags import FlagKind
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.chain import read_session_events
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.models import Customer
from bowebb_console.store.subprocessors import changes, export
from bowebb_console.store.subprocessors import evidence as ev
from bowebb_console.store.subprocessors import register as sp

TODAY = dt.date(2026, 11, 26)
HOSTING = sp.SubProcessorInput(
    name="Hosting AB",
    service="Hosting",
    locations="se",
    storage_locations="DE",
    dpa_reference="UB-1",
    dpa_signed_on=dt.date(2025, 3, 1),
    next_review_on=dt.date(2027, 3, 1),
)


@pytest.fixture
def db(any_db_url: str) -> Iterator[Database]:
    database = Database(make_engine(any_db_url))
    yield database
    database.dispose()


def write(db: Database, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """``fn(conn, ...)`` in one writing transaction, as a service runs it."""
    with db.transaction() as conn:
        return fn(conn, *args, **kwargs)


def read(db: Database, fn: Any, *args: Any) -> Any:
    with db.transaction(write=False) as conn:
        return fn(conn, *args)


def events(db: Database, sp_id: int) -> list[Any]:
    return list(read(db, read_session_events, sp.log_session_uuid(sp_id)))


def register(db: Database) -> list[sp.RegisterRow]:
    return list(read(db, sp.list_register, TODAY))


def test_add_and_change_are_logged_with_what_changed(db: Database) -> None:
    sp_id = write(db, sp.save_sub_processor, HOSTING, actor="anna")
    record = read(db, sp.get_record, sp_id)
    assert record is not None and record.locations == "SE" and record.version == 1
    changed = sp.SubProcessorInput(**{**HOSTING.__dict__, "locations": "SE,US"})
    write(db, sp.save_sub_processor, changed, sp_id=sp_id, version=1, actor="anna")
    log = events(db, sp_id)
    assert [e.kind for e in log] == ["register_changed", "register_changed"]
    assert log[0].payload["action"] == "added"
    assert log[1].payload["changes"] == {"locations": ["SE", "SE,US"]}
    [row] = register(db)
    assert [f.kind for f in row.flags] == [FlagKind.OUTSIDE_EU_EEA, FlagKind.CHECKLIST_GAP]
    assert verify_log(db).ok


def test_stale_edit_is_refused(db: Database) -> None:
    sp_id = write(db, sp.save_sub_processor, HOSTING, actor="anna")
    other = sp.SubProcessorInput(**{**HOSTING.__dict__, "service": "x"})
    write(db, sp.save_sub_processor, other, sp_id=sp_id, version=1, actor="anna")
    with pytest.raises(sp.StaleRegisterEdit, match="your input is kept") as info:
        write(db, sp.save_sub_processor, HOSTING, sp_id=sp_id, version=1, actor="anna")
    assert info.value.code == "subprocessors.stale_edit"
    assert read(db, sp.get_record, sp_id).service == "x"


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"name": "  "}, "name", "subprocessors.required"),
        ({"name": "x" * 300}, "name", "subprocessors.too_long"),
        ({"status": "paused"}, "status", "subprocessors.bad_status"),
        ({"locations": ""}, "locations", "subprocessors.no_location"),
        ({"locations": "SE,Sverige"}, "locations", "countries.unknown"),
        ({"storage_locations": "ZZ"}, "storage_locations", "countries.unknown"),
        ({"ended_on": dt.date(2026, 1, 1)}, "ended_on", "subprocessors.active_ended_on"),
        ({"status": "ended"}, "ended_on", "subprocessors.no_ended_on"),
        ({"data_categories": "x" * 4001}, "data_categories", "subprocessors.too_long"),
        (
            {"dpa_signed_on": dt.date.today() + dt.timedelta(days=3)},
            "dpa_signed_on",
            "subprocessors.dpa_in_future",
        ),
    ],
)
def test_bad_input_names_the_field_and_its_code(
    db: Database, change: dict[str, Any], field: str, code: str
) -> None:
    with pytest.raises(ValidationError) as info:
        write(db, sp.save_sub_processor, sp.SubProcessorInput(**{**HOSTING.__dict__, **change}))
    assert (info.value.field, info.value.code) == (field, code)
    assert register(db) == []


def test_a_bad_country_code_carries_the_code_typed() -> None:
    with pytest.raises(ValidationError) as info:
        sp.validate(sp.SubProcessorInput(**{**HOSTING.__dict__, "locations": "SE, xx"}))
    assert info.value.params == {"code": "xx"}


def test_duplicate_name_is_a_validation_error(db: Database) -> None:
    write(db, sp.save_sub_processor, HOSTING, actor="anna")
    with pytest.raises(ValidationError, match="exists") as info:
        write(db, sp.save_sub_processor, HOSTING, actor="anna")
    assert (info.value.field, info.value.code) == ("name", "subprocessors.name_exists")
    assert len(register(db)) == 1


def test_renaming_onto_another_name_is_a_validation_error(db: Database) -> None:
    write(db, sp.save_sub_processor, HOSTING, actor="anna")
    other = sp.SubProcessorInput(**{**HOSTING.__dict__, "name": "Mail AB"})
    sp_id = write(db, sp.save_sub_processor, other, actor="anna")
    with pytest.raises(ValidationError) as info:
        write(db, sp.save_sub_processor, HOSTING, sp_id=sp_id, version=1, actor="anna")
    assert info.value.code == "subprocessors.name_exists"


def test_checklist_items_are_recorded_and_logged(db: Database) -> None:
    sp_id = write(db, sp.save_sub_processor, HOSTING, actor="anna")
    for key in cl.load_checklist().keys:
        write(db, sp.set_checklist_item, sp_id, key, cl.YES, "clause 4", actor="anna")
    [row] = register(db)
    assert row.flags == ()
    write(db, sp.set_checklist_item, sp_id, "art28_2", cl.PARTLY, "only notice", actor="anna")
    [row] = register(db)
    assert [f.kind for f in row.flags] == [FlagKind.CHECKLIST_GAP]
    entries = read(db, sp.checklist_entries, sp_id)
    entry = next(e for e in entries if e.item.key == "art28_2")
    assert (entry.status, entry.evidence) == (cl.PARTLY, "only notice")
    assert entry.assessed_by and entry.assessed_at is not None
    last = events(db, sp_id)[-1]
    assert last.kind == "checklist_changed"
    assert last.payload["status"] == ["yes", "partly"]
    assert last.payload["article"] == "Art. 28(2)"
    with pytest.raises(ValidationError, match="not an item") as info:
        write(db, sp.set_checklist_item, sp_id, "art99", cl.YES)
    assert info.value.code == "subprocessors.not_an_item"
    with pytest.raises(ValidationError, match="status") as info:
        write(db, sp.set_checklist_item, sp_id, "art28_2", "maybe")
    assert info.value.code == "subprocessors.bad_item_status"
    with pytest.raises(ValidationError) as info:
        write(db, sp.set_checklist_item, sp_id, "art28_2", cl.YES, "x" * 2001)
    assert (info.value.code, info.value.params) == (
        "subprocessors.note_too_long",
        {"limit": "2000"},
    )


def test_evidence_is_stored_with_hash_and_size_and_capped(db: Database) -> None:
    sp_id = write(db, sp.save_sub_processor, HOSTING, actor="anna")
    content = b"%PDF-1.4 signed dpa"
    info = write(db, ev.add_evidence, sp_id, "/tmp/x/signed DPA.pdf", content, item_key="art28_2")
    assert info.file_name == "signed DPA.pdf"
    assert (info.sha256, info.size) == (hashlib.sha256(content).hexdigest(), len(content))
    assert read(db, ev.evidence_file, info.id) == (content, info.sha256)
    assert read(db, ev.evidence_file, info.id + 1) is None
    assert read(db, ev.list_evidence, sp_id) == [info]
    assert events(db, sp_id)[-1].payload["sha256"] == info.sha256
    with pytest.raises(ValidationError, match="at most 20 MB") as too_big:
        write(db, ev.add_evidence, sp_id, "big.pdf", b"\0" * (ev.EVIDENCE_MAX_BYTES + 1))
    assert too_big.value.code == "subprocessors.evidence_too_large"
    assert too_big.value.params == {"size_mb": "20.0", "max_mb": "20"}
    with pytest.raises(ValidationError) as nameless:
        write(db, ev.add_evidence, sp_id, " / ", b"x")
    assert nameless.value.code == "subprocessors.no_file"


def add_customer(db: Database, n: int, status: str, signed: dt.date | None) -> int:
    with Session(db.engine) as s, s.begin():
        c = Customer(
            org_number=make_orgnr(f"55600001{n}").digits,
            name=f"Kund {n} AB",
            status=status,
            dpa_signed_on=signed,
        )
        s.add(c)
        s.flush()
        return c.id


def test_active_customers_without_a_signed_dpa(db: Database) -> None:
    add_customer(db, 1, "active", dt.date(2024, 1, 1))
    missing = add_customer(db, 2, "active", None)
    add_customer(db, 3, "trial", None)
    add_customer(db, 4, "terminated", None)
    rows = read(db, sp.customers_without_dpa)
    assert [r.id for r in rows] == [missing]
    assert rows[0].org_number.count("-") == 1


def test_planned_change_and_objection(db: Database) -> None:
    sp_id = write(db, sp.save_sub_processor, HOSTING, actor="anna")
    customer = add_customer(db, 5, "active", None)
    assert read(db, changes.customer_by_org_number, make_orgnr("556000015").digits) == customer
    assert read(db, changes.customer_by_org_number, "0000000000") is None
    with pytest.raises(ValidationError, match="before the change") as info:
        write(
            db,
            changes.add_planned_change,
            kind="addition",
            description="New mail",
            planned_on=TODAY,
            customers_notified_on=TODAY,
            objection_window_ends=TODAY + dt.timedelta(days=1),
        )
    assert info.value.code == "subprocessors.window_after_change"
    change_id = write(
        db,
        changes.add_planned_change,
        kind="replacement",
        description="Hosting moves",
        planned_on=TODAY + dt.timedelta(days=60),
        sub_processor_id=sp_id,
        customers_notified_on=TODAY,
        objection_window_ends=TODAY + dt.timedelta(days=30),
        actor="anna",
    )
    write(db, changes.record_objection, change_id, customer, TODAY, "No thanks", actor="anna")
    [change] = read(db, changes.list_planned_changes)
    assert change.sub_processor_name == "Hosting AB" and change.window_open(TODAY)
    assert [o.customer_id for o in change.objections] == [customer]
    assert read(db, sp.sub_processor_names) == [(sp_id, "Hosting AB")]
    payloads = [e.payload["action"] for e in events(db, sp_id)]
    assert payloads[-2:] == ["change_planned", "objection_recorded"]
    other = write(
        db,
        changes.add_planned_change,
        kind="addition",
        description="New sub-processor",
        planned_on=TODAY,
        actor="a",
    )
    new = next(c for c in read(db, changes.list_planned_changes) if c.id == other)
    assert new.sub_processor_name is None
    assert len(read(db, read_session_events, changes.change_log_session(new))) == 1
    with pytest.raises(ValidationError) as gone:
        write(db, changes.record_objection, other + 1, customer, TODAY)
    assert gone.value.code == "subprocessors.change_gone"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"kind": "removal"}, "subprocessors.bad_change_kind"),
        ({"description": ""}, "subprocessors.no_description"),
        ({"planned_on": None}, "subprocessors.no_planned_on"),
        (
            {"customers_notified_on": None, "objection_window_ends": TODAY},
            "subprocessors.window_without_notice",
        ),
        (
            {"objection_window_ends": TODAY - dt.timedelta(days=1)},
            "subprocessors.window_before_notice",
        ),
    ],
)
def test_a_planned_change_is_checked(kwargs: dict[str, Any], code: str) -> None:
    values: dict[str, Any] = {
        "kind": "addition",
        "description": "New mail",
        "planned_on": TODAY + dt.timedelta(days=60),
        "notified_on": TODAY,
        "window_ends": TODAY + dt.timedelta(days=30),
    }
    renames = {"customers_notified_on": "notified_on", "objection_window_ends": "window_ends"}
    values |= {renames.get(k, k): v for k, v in kwargs.items()}
    with pytest.raises(ValidationError) as info:
        changes.check_change(**values)
    assert info.value.code == code


def test_csv_and_html_exports(db: Database) -> None:
    us = sp.SubProcessorInput(**{**HOSTING.__dict__, "name": "Analytics Inc", "locations": "US"})
    sp_id = write(db, sp.save_sub_processor, us, actor="anna")
    write(db, sp.set_checklist_item, sp_id, "art28_3_a", cl.NO, "missing", actor="anna")
    rows = register(db)
    out = io.StringIO()
    export.register_csv(rows, out, "en")
    parsed = list(csv.reader(io.StringIO(out.getvalue())))
    assert parsed[0][0] == "Sub-processor" and parsed[1][0] == "Analytics Inc"
    assert "United States (US)" in parsed[1][4]
    assert "breach" in parsed[1][-1]
    record = read(db, sp.get_record, sp_id)
    entries = read(db, sp.checklist_entries, sp_id)
    assert record is not None
    out = io.StringIO()
    export.checklist_csv(record, entries, out, "sv")
    lines = list(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))  # Swedish Excel
    assert len(lines) == 11 and lines[1][1] == "Art. 28(3)(a)" and lines[1][3] == "nej"
    html = export.checklist_html(record, entries, [], rows[0].flags, TODAY, "en")
    assert "Art. 28(4)" in html and "United States" in html
