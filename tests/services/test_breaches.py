"""The breach register's service on both databases: record, edit, close, each change a
chained event with its details in the erasable payload; bad input refused with a code and
nothing saved; who may do what (the database's own refusal: tests/store/security)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator

import pytest

from bowebb_console.domain.breaches import clock, hours_and_minutes
from bowebb_console.domain.errors import ValidationError
from bowebb_console.services import breaches as service
from bowebb_console.services.database import Database, Identity
from bowebb_console.store.breaches.register import log_session_uuid
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.chain import read_session_events
from bowebb_console.store.log.verify import verify_log

LEAD = Identity("lena", "lead", "sqlite")
ADMIN = Identity("anna", "admin", "sqlite")
AGENT = Identity("adam", "agent", "sqlite")
DISCOVERED = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(hours=5)
STOLEN = service.BreachInput(
    discovered_at=DISCOVERED,
    description="A laptop with an export of contacts was stolen from a car.",
    categories="Contacts: names, e-mail addresses, phone numbers",
    people_approx=120,
    customers_affected="Norrhall AB, Fjällbacka Bygg AB",
    measures="Disk encrypted; passwords changed",
)


@pytest.fixture
def db(any_db_url: str) -> Iterator[Database]:
    database = Database(make_engine(any_db_url))
    yield database
    database.dispose()


def as_dialect(identity: Identity, db: Database) -> Identity:
    return Identity(identity.user, identity.role, db.dialect)


def events(db: Database, breach_id: int) -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    with db.engine.connect() as conn:
        rows = read_session_events(conn, log_session_uuid(breach_id))
    return [(r.kind, r.payload or {}) for r in rows]


def test_a_breach_from_discovery_to_closing_is_chained(db: Database) -> None:
    lead, admin = as_dialect(LEAD, db), as_dialect(ADMIN, db)
    bid = service.record_breach(db, lead, STOLEN)
    [record] = service.list_breaches(db, lead)
    assert record.status == "open" and record.people_approx == 120
    assert record.discovered_at == DISCOVERED
    if db.dialect == "sqlite":
        assert record.recorded_by == "lena"
    remaining = service.clock_of(record)
    assert remaining is not None and not remaining.overdue and remaining.running

    notified = service.BreachInput(
        **{
            **STOLEN.__dict__,
            "imy_decision": "notify",
            "imy_reference": "IMY-2026-1234",
            "imy_notified_on": dt.date.today(),
            "notified_customers": "Norrhall AB, Fjällbacka Bygg AB",
            "notified_on": dt.date.today(),
            "notified_count": 2,
            "notified_how": "E-mail to each customer's contact",
        }
    )
    assert service.change_breach(db, lead, bid, notified, version=record.version)
    record = service.get_breach(db, lead, bid)  # type: ignore[assignment]
    assert record.imy_reference == "IMY-2026-1234" and record.notified_count == 2
    clock_now = service.clock_of(record)
    assert clock_now is not None and not clock_now.running
    # Saving the same values again changes nothing and logs nothing.
    assert not service.change_breach(db, lead, bid, notified, version=record.version)

    with pytest.raises(service.BreachRefused):
        service.close_breach(db, lead, bid, version=record.version)
    service.close_breach(db, admin, bid, version=record.version)
    record = service.get_breach(db, admin, bid)  # type: ignore[assignment]
    assert record.status == "closed" and record.closed_at is not None
    assert service.clock_of(record) is None
    with pytest.raises(service.BreachRefused):
        service.change_breach(db, lead, bid, STOLEN, version=record.version)

    logged = events(db, bid)
    assert [k for k, _ in logged] == ["breach_recorded", "breach_changed", "breach_closed"]
    assert logged[0][1]["changes"]["people_approx"] == [None, 120]
    assert logged[1][1]["changes"]["imy_reference"] == [None, "IMY-2026-1234"]
    assert logged[1][1]["changes"]["notified_count"] == [None, 2]
    assert verify_log(db).ok


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"description": "  "}, "description", "breaches.required"),
        ({"discovered_at": None}, "discovered_at", "breaches.required"),
        (
            {"discovered_at": dt.datetime.now(dt.UTC) + dt.timedelta(days=1)},
            "discovered_at",
            "breaches.future",
        ),
        ({"imy_decision": "notify"}, "imy_reference", "breaches.imy_incomplete"),
        ({"imy_decision": "not_notify"}, "imy_reason", "breaches.imy_no_reason"),
        ({"people_approx": -1}, "people_approx", "breaches.negative"),
        ({"notified_count": 3}, "notified_customers", "breaches.notified_incomplete"),
        (
            {
                "imy_decision": "notify",
                "imy_reference": "R",
                "imy_notified_on": dt.date(2000, 1, 1),
            },
            "imy_notified_on",
            "breaches.before_discovery",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(db: Database, change, field, code) -> None:  # type: ignore[no-untyped-def]
    bad = service.BreachInput(**{**STOLEN.__dict__, **change})
    with pytest.raises(ValidationError) as info:
        service.record_breach(db, as_dialect(LEAD, db), bad)
    assert (info.value.field, info.value.code) == (field, code)
    assert service.list_breaches(db, as_dialect(LEAD, db)) == []


def test_agents_may_not_record_or_read(db: Database) -> None:
    agent = as_dialect(AGENT, db)
    with pytest.raises(service.BreachRefused):
        service.record_breach(db, agent, STOLEN)
    with pytest.raises(service.BreachRefused):
        service.list_breaches(db, agent)


def test_a_stale_edit_is_refused(db: Database) -> None:
    lead = as_dialect(LEAD, db)
    bid = service.record_breach(db, lead, STOLEN)
    [record] = service.list_breaches(db, lead)
    changed = service.BreachInput(**{**STOLEN.__dict__, "measures": "Reported to police"})
    service.change_breach(db, lead, bid, changed, version=record.version)
    with pytest.raises(service.StaleBreachEdit):
        service.change_breach(db, lead, bid, STOLEN, version=record.version)


def test_the_72_hour_clock() -> None:
    found = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
    running = clock(found, "undecided", found + dt.timedelta(hours=70))
    assert not running.overdue and hours_and_minutes(running.remaining) == (2, 0)
    late = clock(found, "undecided", found + dt.timedelta(hours=73, minutes=30))
    assert late.overdue and hours_and_minutes(late.remaining) == (1, 30)
    decided = clock(found, "not_notify", found + dt.timedelta(hours=100))
    assert not decided.overdue and not decided.running


def test_csv_in_swedish_uses_semicolons(db: Database) -> None:
    lead = as_dialect(LEAD, db)
    service.record_breach(db, lead, STOLEN)
    records = service.list_breaches(db, lead)
    sv = list(csv.reader(io.StringIO(service.breaches_csv(records, "sv")), delimiter=";"))
    assert sv[0][0] == "Upptäckt" and sv[1][2] == "öppen" and sv[1][5] == "120"
    en = list(csv.reader(io.StringIO(service.breaches_csv(records, "en"))))
    assert en[0][3] == "What happened" and en[1][3] == STOLEN.description


def test_a_breach_notice_that_cannot_be_recorded_leaves_no_file(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An agent is refused, no customers picked is said, and a stale breach (someone saved
    it meanwhile) leaves neither the file nor a recorded export."""
    from sqlalchemy import func, select

    from bowebb_console.domain.orgnr import make_orgnr
    from bowebb_console.services import customers
    from bowebb_console.store.models import NoticeExport

    lead = as_dialect(LEAD, db)
    saved = customers.create_customer(
        db,
        customers.CustomerInput(org_number=make_orgnr("556777009").digits, name="Norrhall AB"),
        [customers.ContactInput(name="Anna Norr", email="anna@norrhall.se")],
    )
    assert saved.view is not None
    bid = service.record_breach(db, lead, STOLEN)
    out = tmp_path / "notice.csv"

    def notify(identity: Identity, ids: list[int], version: int | None) -> service.Notified:
        return service.notify_customers(
            db, identity, bid, ids, out, version=version, reason="Breach notice", how="E-mail",
            written_files=tmp_path / "written.jsonl",
        )  # fmt: skip

    with pytest.raises(service.BreachRefused):
        notify(as_dialect(AGENT, db), [saved.view.id], 1)
    with pytest.raises(ValidationError) as none:
        notify(lead, [], 1)
    assert none.value.code == "breaches.no_customers"
    service.change_breach(db, lead, bid, STOLEN.__class__(**{**STOLEN.__dict__, "measures": "x"}),
                          version=1)  # fmt: skip
    with pytest.raises(service.StaleBreachEdit):
        notify(lead, [saved.view.id], 1)
    assert not out.exists() and list(tmp_path.glob("*.part")) == []
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(NoticeExport)).scalar_one() == 0
    done = notify(lead, [saved.view.id], 2)
    assert (done.count, done.customers) == (1, "Norrhall AB") and out.exists()
    record = service.get_breach(db, lead, bid)
    assert record is not None and (record.notified_count, record.notified_how) == (1, "E-mail")
    assert "notice.csv" in (tmp_path / "written.jsonl").read_text()
