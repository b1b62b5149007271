"""The sub-processor register: changes with their log events, checklist, evidence, planned
changes, exports, and admin-only changes enforced by PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from bowebb_console.domain import checklist as cl
from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.orgnr import make_orgnr
from bowebb_console.domain.subprocessor_flags import FlagKind
from bowebb_console.store.db import users
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.chain import read_session_events
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.models import Customer, DpaChecklistItem
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
def engine(any_db_url: str):  # type: ignore[no-untyped-def]
    eng = make_engine(any_db_url)
    yield eng
    eng.dispose()


def events(engine, sp_id: int) -> list:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return read_session_events(conn, sp.log_session_uuid(sp_id))


def register(engine) -> list[sp.RegisterRow]:  # type: ignore[no-untyped-def]
    with Session(engine) as s:
        return sp.list_register(s, TODAY)


def test_add_and_change_are_logged_with_what_changed(engine) -> None:  # type: ignore[no-untyped-def]
    sp_id = sp.save_sub_processor(engine, HOSTING, actor="anna")
    with Session(engine) as s:
        record = sp.get_record(s, sp_id)
    assert record is not None and record.locations == "SE" and record.version == 1
    changed = sp.SubProcessorInput(**{**HOSTING.__dict__, "locations": "SE,US"})
    sp.save_sub_processor(engine, changed, sp_id=sp_id, version=1, actor="anna")
    log = events(engine, sp_id)
    assert [e.kind for e in log] == ["register_changed", "register_changed"]
    assert log[0].payload["action"] == "added"
    assert log[1].payload["changes"] == {"locations": ["SE", "SE,US"]}
    [row] = register(engine)
    assert [f.kind for f in row.flags] == [FlagKind.OUTSIDE_EU_EEA, FlagKind.CHECKLIST_GAP]
    assert verify_log(engine).ok


def test_stale_edit_is_refused(engine) -> None:  # type: ignore[no-untyped-def]
    sp_id = sp.save_sub_processor(engine, HOSTING, actor="anna")
    sp.save_sub_processor(
        engine,
        sp.SubProcessorInput(**{**HOSTING.__dict__, "service": "x"}),
        sp_id=sp_id,
        version=1,
        actor="anna",
    )
    with pytest.raises(sp.StaleRegisterEdit, match="your input is kept"):
        sp.save_sub_processor(engine, HOSTING, sp_id=sp_id, version=1, actor="anna")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": "  "}, "name", "required"),
        ({"locations": ""}, "locations", "at least one"),
        ({"locations": "SE,Sverige"}, "locations", "not a country code"),
        ({"storage_locations": "ZZ"}, "storage_locations", "not a country code"),
        ({"ended_on": dt.date(2026, 1, 1)}, "ended_on", "no end date"),
        ({"status": "ended"}, "ended_on", "Give the date"),
        ({"data_categories": "x" * 4001}, "data_categories", "at most 4000"),
        ({"dpa_signed_on": dt.date.today() + dt.timedelta(days=3)}, "dpa_signed_on", "future"),
    ],
)
def test_bad_input_names_the_field(engine, change, field, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match=message) as info:
        sp.save_sub_processor(engine, sp.SubProcessorInput(**{**HOSTING.__dict__, **change}))
    assert info.value.field == field
    assert register(engine) == []


def test_duplicate_name_is_a_clear_message(engine) -> None:  # type: ignore[no-untyped-def]
    sp.save_sub_processor(engine, HOSTING, actor="anna")
    with pytest.raises(ValidationError, match="exists"):
        sp.save_sub_processor(engine, HOSTING, actor="anna")


def test_checklist_items_are_recorded_and_logged(engine) -> None:  # type: ignore[no-untyped-def]
    sp_id = sp.save_sub_processor(engine, HOSTING, actor="anna")
    for key in cl.load_checklist().keys:
        sp.set_checklist_item(engine, sp_id, key, cl.YES, "clause 4", actor="anna")
    [row] = register(engine)
    assert row.flags == ()
    sp.set_checklist_item(engine, sp_id, "art28_2", cl.PARTLY, "only notice", actor="anna")
    [row] = register(engine)
    assert [f.kind for f in row.flags] == [FlagKind.CHECKLIST_GAP]
    with Session(engine) as s:
        entries = sp.checklist_entries(s, sp_id)
    entry = next(e for e in entries if e.item.key == "art28_2")
    assert (entry.status, entry.evidence) == (cl.PARTLY, "only notice")
    assert entry.assessed_by and entry.assessed_at is not None
    last = events(engine, sp_id)[-1]
    assert last.kind == "checklist_changed"
    assert last.payload["status"] == ["yes", "partly"]
    assert last.payload["article"] == "Art. 28(2)"
    with pytest.raises(ValidationError, match="not an item"):
        sp.set_checklist_item(engine, sp_id, "art99", cl.YES)
    with pytest.raises(ValidationError, match="status"):
        sp.set_checklist_item(engine, sp_id, "art28_2", "maybe")


def test_evidence_is_stored_with_hash_and_size_and_capped(engine) -> None:  # type: ignore[no-untyped-def]
    sp_id = sp.save_sub_processor(engine, HOSTING, actor="anna")
    content = b"%PDF-1.4 signed dpa"
    info = ev.add_evidence(
        engine, sp_id, "/tmp/x/signed DPA.pdf", content, item_key="art28_2", actor="anna"
    )
    assert info.file_name == "signed DPA.pdf"
    assert (info.sha256, info.size) == (hashlib.sha256(content).hexdigest(), len(content))
    with Session(engine) as s:
        assert ev.evidence_content(s, info.id) == content
        assert ev.list_evidence(s, sp_id) == [info]
    assert events(engine, sp_id)[-1].payload["sha256"] == info.sha256
    with pytest.raises(ValidationError, match="at most 20 MB"):
        ev.add_evidence(engine, sp_id, "big.pdf", b"\0" * (ev.EVIDENCE_MAX_BYTES + 1))


def add_customer(engine, n: int, status: str, signed: dt.date | None) -> int:  # type: ignore[no-untyped-def]
    with Session(engine) as s, s.begin():
        c = Customer(
            org_number=make_orgnr(f"55600001{n}").digits,
            name=f"Kund {n} AB",
            status=status,
            dpa_signed_on=signed,
        )
        s.add(c)
        s.flush()
        return c.id


def test_active_customers_without_a_signed_dpa(engine) -> None:  # type: ignore[no-untyped-def]
    add_customer(engine, 1, "active", dt.date(2024, 1, 1))
    missing = add_customer(engine, 2, "active", None)
    add_customer(engine, 3, "trial", None)
    add_customer(engine, 4, "terminated", None)
    with Session(engine) as s:
        rows = sp.customers_without_dpa(s)
    assert [r.id for r in rows] == [missing]
    assert rows[0].org_number.count("-") == 1


def test_planned_change_and_objection(engine) -> None:  # type: ignore[no-untyped-def]
    sp_id = sp.save_sub_processor(engine, HOSTING, actor="anna")
    customer = add_customer(engine, 5, "active", None)
    with pytest.raises(ValidationError, match="before the change"):
        changes.add_planned_change(
            engine,
            kind="addition",
            description="New mail",
            planned_on=TODAY,
            customers_notified_on=TODAY,
            objection_window_ends=TODAY + dt.timedelta(days=1),
        )
    change_id = changes.add_planned_change(
        engine,
        kind="replacement",
        description="Hosting moves",
        planned_on=TODAY + dt.timedelta(days=60),
        sub_processor_id=sp_id,
        customers_notified_on=TODAY,
        objection_window_ends=TODAY + dt.timedelta(days=30),
        actor="anna",
    )
    changes.record_objection(engine, change_id, customer, TODAY, "No thanks", actor="anna")
    with Session(engine) as s:
        [change] = changes.list_planned_changes(s)
    assert change.sub_processor_name == "Hosting AB" and change.window_open(TODAY)
    assert [o.customer_id for o in change.objections] == [customer]
    payloads = [e.payload["action"] for e in events(engine, sp_id)]
    assert payloads[-2:] == ["change_planned", "objection_recorded"]
    other = changes.add_planned_change(
        engine, kind="addition", description="New sub-processor", planned_on=TODAY, actor="a"
    )
    with engine.connect() as conn:
        with Session(engine) as s:
            new = next(c for c in changes.list_planned_changes(s) if c.id == other)
        assert len(read_session_events(conn, changes.change_log_session(new))) == 1


def test_csv_and_html_exports(engine) -> None:  # type: ignore[no-untyped-def]
    us = sp.SubProcessorInput(**{**HOSTING.__dict__, "name": "Analytics Inc", "locations": "US"})
    sp_id = sp.save_sub_processor(engine, us, actor="anna")
    sp.set_checklist_item(engine, sp_id, "art28_3_a", cl.NO, "missing", actor="anna")
    rows = register(engine)
    out = io.StringIO()
    export.register_csv(rows, out, "en")
    parsed = list(csv.reader(io.StringIO(out.getvalue())))
    assert parsed[0][0] == "Sub-processor" and parsed[1][0] == "Analytics Inc"
    assert "United States (US)" in parsed[1][4]
    assert "breach" in parsed[1][-1]
    with Session(engine) as s:
        record = sp.get_record(s, sp_id)
        entries = sp.checklist_entries(s, sp_id)
    assert record is not None
    out = io.StringIO()
    export.checklist_csv(record, entries, out, "sv")
    lines = list(csv.reader(io.StringIO(out.getvalue())))
    assert len(lines) == 11 and lines[1][1] == "Art. 28(3)(a)" and lines[1][3] == "nej"
    html = export.checklist_html(record, entries, [], rows[0].flags, TODAY, "en")
    assert "Art. 28(4)" in html and "United States" in html


# -- PostgreSQL: only admins change the register ------------------------------------------

PASSWORD = "correct horse battery"


@pytest.fixture
def pg_logins(pg_db):  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    names = {}
    with admin.begin() as conn:
        for role in ("agent", "lead", "admin"):
            names[role] = pg_db.login_name(role)
            users.add_user(conn, names[role], role, PASSWORD)
    admin.dispose()
    engines = {k: make_engine(pg_db.url_for(v, PASSWORD)) for k, v in names.items()}
    yield names, engines
    for e in engines.values():
        e.dispose()


@pytest.mark.parametrize("role", ["agent", "lead"])
def test_agents_and_leads_read_but_postgresql_refuses_changes(pg_logins, role: str) -> None:  # type: ignore[no-untyped-def]
    _, engines = pg_logins
    sp_id = sp.save_sub_processor(engines["admin"], HOSTING)
    mine = engines[role]
    assert [r.record.name for r in register(mine)] == ["Hosting AB"]
    with pytest.raises(sp.RegisterRefused, match="only admins"):
        sp.save_sub_processor(mine, sp.SubProcessorInput(**{**HOSTING.__dict__, "name": "X"}))
    with pytest.raises(sp.RegisterRefused):
        changed = sp.SubProcessorInput(**{**HOSTING.__dict__, "locations": "US"})
        sp.save_sub_processor(mine, changed, sp_id=sp_id, version=1)
    with pytest.raises(sp.RegisterRefused):
        sp.set_checklist_item(mine, sp_id, "art28_2", cl.YES)
    with pytest.raises(sp.RegisterRefused):
        ev.add_evidence(mine, sp_id, "a.pdf", b"x")
    with pytest.raises(sp.RegisterRefused):
        changes.add_planned_change(mine, kind="addition", description="x", planned_on=TODAY)
    for statement in (
        "UPDATE sub_processor SET locations = 'SE'",
        "DELETE FROM dpa_checklist_item",
        "UPDATE sub_processor_evidence SET sha256 = repeat('0', 64)",
        "DELETE FROM sub_processor_change",
        "DELETE FROM sub_processor_objection",
    ):
        with mine.connect() as conn, pytest.raises(Exception, match="permission denied"):
            conn.execute(text(statement))
    assert [r.record.locations for r in register(mine)] == ["SE"]


def test_postgresql_records_who_assessed_whatever_the_client_sends(pg_logins) -> None:  # type: ignore[no-untyped-def]
    names, engines = pg_logins
    admin = engines["admin"]
    sp_id = sp.save_sub_processor(admin, HOSTING)
    sp.set_checklist_item(admin, sp_id, "art28_2", cl.YES, actor="someone-else")
    with admin.begin() as conn:
        conn.execute(
            text(
                "UPDATE dpa_checklist_item SET assessed_by = 'forged', "
                "assessed_at = '2000-01-01' WHERE item_key = 'art28_2'"
            )
        )
    with Session(admin) as s:
        item = s.query(DpaChecklistItem).one()
        assert item.assessed_by == names["admin"]
        assert item.assessed_at.year >= 2026
    info = ev.add_evidence(admin, sp_id, "a.pdf", b"x", actor="someone-else")
    assert info.added_by == names["admin"]
    assert events(admin, sp_id)[-1].actor == names["admin"]
