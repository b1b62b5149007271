"""A long import tells its progress and can be cancelled: a cancel at any point (while the file
is checked, while the rows are written, inside a long SQLite statement) leaves the database
exactly as it was, and the connection goes on working."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from bowebb_console.domain.orgnr import make_orgnr
from bowebb_console.store.customers import csv_import
from bowebb_console.store.customers.csv_import import ImportCancelled
from bowebb_console.store.db.engine import make_engine

HEADER = "org_number,company_name,status,contact_name,email,phone,title\n"


@pytest.fixture
def engine(any_db_url: str) -> Iterator[Engine]:
    engine = make_engine(any_db_url)
    yield engine
    engine.dispose()


def _file(companies: int, start: int = 0, suffix: str = "") -> bytes:
    """Three contacts each of ``companies`` companies, org numbers from ``start`` on."""
    rows = [
        f"{make_orgnr(f'556{start + c:06d}').digits},Företag {start + c}{suffix} AB,,"
        f"Person {c}-{p} Ångström,p{p}@foretag{start + c}.se,,VD\n"
        for c in range(companies)
        for p in range(3)
    ]
    return (HEADER + "".join(rows)).encode()


def _state(conn: Connection) -> tuple[object, ...]:
    """What an import may change: the rows, the log, and (the load drops and rebuilds them)
    the schema's indexes and triggers, in order."""
    customers = conn.exec_driver_sql(
        "SELECT id, org_number, name, name_plain, status, version FROM customer ORDER BY id"
    ).all()
    contacts = conn.exec_driver_sql(
        "SELECT id, customer_id, name, email, title, version FROM contact ORDER BY id"
    ).all()
    events = conn.exec_driver_sql("SELECT count(*) FROM log_event").scalar()
    if conn.dialect.name == "postgresql":
        schema = conn.exec_driver_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN "
            "('customer', 'contact') UNION ALL SELECT tgname, pg_get_triggerdef(oid) "
            "FROM pg_trigger WHERE tgrelid IN ('customer'::regclass, 'contact'::regclass) "
            "ORDER BY 1"
        ).all()
    else:
        schema = conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master ORDER BY rowid"
        ).all()
    return customers, contacts, events, schema


def _import(engine: Engine, data: bytes, **kwargs: object) -> csv_import.ImportReport:
    with engine.begin() as conn:
        return csv_import.import_csv(conn, data, **kwargs)  # type: ignore[arg-type]


class _CancelAt:
    """Cancel once progress has reached ``at`` thousandths; records what was told."""

    def __init__(self, at: int) -> None:
        self.at = at
        self.told: list[int] = []

    def progress(self, done: int) -> None:
        self.told.append(done)

    def cancel(self) -> bool:
        return bool(self.told) and self.told[-1] >= self.at


def test_progress_grows_to_the_whole(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_import, "CANCEL_EVERY", 30)
    told: list[int] = []
    report = _import(engine, _file(100), progress=told.append)
    assert report.applied and report.contacts_created == 300
    assert told == sorted(set(told)), "progress only grows"
    assert told[-1] == csv_import.PROGRESS_TOTAL
    check = csv_import.CHECK_SHARE[False]
    # By bytes read: the text layer reads the file 8 KiB at a time (this one is ~20 KiB).
    assert len([d for d in told if d < check]) >= 2, "the check pass tells its progress"
    assert len([d for d in told if check < d < csv_import.PROGRESS_TOTAL]) >= 4, "so do writes"
    dry: list[int] = []
    _import(engine, _file(100), dry_run=True, progress=dry.append)
    assert dry[-1] == csv_import.PROGRESS_TOTAL and dry == sorted(set(dry))


@pytest.mark.parametrize("at", [50, 460, 700], ids=["checking", "matched", "writing"])
def test_a_cancel_leaves_the_database_as_it_was(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, at: int
) -> None:
    """A database that already holds customers (so the import both updates and inserts),
    cancelled while the file is checked, right after matching, and while rows are written."""
    monkeypatch.setattr(csv_import, "CANCEL_EVERY", 30)
    monkeypatch.setattr(csv_import, "PG_CHUNK", 40)  # several statements per table
    assert _import(engine, _file(60)).applied
    with engine.connect() as conn:
        before = _state(conn)
    # The same 60 companies renamed, and 140 new ones.
    changed = _file(60, suffix=" Ny") + _file(140, start=1000)[len(HEADER) :]
    watch = _CancelAt(at)
    with pytest.raises(ImportCancelled) as caught:
        _import(engine, changed, progress=watch.progress, cancel=watch.cancel)
    assert caught.value.code == "import.cancelled"
    assert max(watch.told) < csv_import.PROGRESS_TOTAL
    with engine.connect() as conn:
        assert _state(conn) == before
        assert conn.exec_driver_sql("SELECT count(*) FROM customer").scalar() == 60
    # The same connections go on: the import, uncancelled, now writes everything.
    report = _import(engine, changed)
    assert report.errors == ()
    assert (report.customers_updated, report.customers_created) == (60, 140)
    assert report.contacts_created == 420 and report.contacts_updated == 180


def test_sqlite_cancel_stops_a_running_statement(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite writes a large load in few, long statements (an index or search-index build
    takes seconds): Cancel stops the statement that runs, through SQLite's progress handler,
    not only between statements. Here the looks between statements are taken away, so only
    the handler can stop it."""
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    try:
        monkeypatch.setattr(
            csv_import._Applier, "_sql", lambda self, sql: self.conn.exec_driver_sql(sql)
        )
        monkeypatch.setattr(csv_import, "SQLITE_CANCEL_STEPS", 100)
        with engine.connect() as conn:
            before = _state(conn)
        watch = _CancelAt(460)  # matched: the writing has begun
        with pytest.raises(ImportCancelled) as caught:
            _import(engine, _file(200), progress=watch.progress, cancel=watch.cancel)
        assert isinstance(caught.value.__context__, DBAPIError)
        assert "interrupt" in str(caught.value.__context__).lower()
        with engine.connect() as conn:
            assert _state(conn) == before
            # The handler is gone with the import: this connection's statements run on.
            assert conn.exec_driver_sql("SELECT count(*) FROM customer").scalar() == 0
        assert _import(engine, _file(200)).contacts_created == 600
    finally:
        engine.dispose()
