"""SQLite's bulk-load path (store.log.changes.record_inserts, used by the CSV import): the
inserted rows' events built in SQL equal, byte for byte and in order, the events the noting
triggers and chain_pending write for the same inserts; the import keeps every index and
trigger it turns off for the load, also when the load fails."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, text

from bowebb_console.store.customers import csv_import
from bowebb_console.store.customers.csv_import import import_csv
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log import changes
from bowebb_console.store.log.verify import verify_log

# Texts JSON must escape, and texts it must leave alone (ensure_ascii=False).
ODD = (
    'Citat "AB"',
    "Back\\slash",
    "Rad\nbrytning\tflik\r",
    "Kontroll\x01\x1f\x7f",
    "Linje\u2028separator\u2029",
    "Emoji 🚀 och Örjan",
    "Höger\u202evänster",
    "Noll\u200bbredd",
    "/snedstreck/",
)


def _engine(path: Path) -> Engine:
    url = f"sqlite:///{path}"
    init_database(url)
    return make_engine(url)


def _fill(conn: Connection, customers: int, per_customer: int) -> None:
    """One INSERT ... SELECT per table, as the import writes: odd texts, NULLs, a terminated
    customer (whose insert trigger sets its dates at once) and a signed DPA."""
    conn.exec_driver_sql(
        "CREATE TEMP TABLE src_customer (n INTEGER PRIMARY KEY, org TEXT, name TEXT, "
        "status TEXT, dpa TEXT, ver TEXT)"
    )
    conn.exec_driver_sql(
        "CREATE TEMP TABLE src_contact (n INTEGER PRIMARY KEY, c INTEGER, name TEXT, "
        "email TEXT, phone TEXT, title TEXT)"
    )
    raw = conn.connection.dbapi_connection
    assert raw is not None
    raw.executemany(
        "INSERT INTO src_customer VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                i,
                f"{5560000000 + i:010d}",
                f"{ODD[i % len(ODD)]} {i}",
                ("active", "trial", "terminated")[i % 3],
                "2025-03-01" if i % 4 == 0 else None,
                "2.1" if i % 4 == 0 else None,
            )
            for i in range(customers)
        ],
    )
    raw.executemany(
        "INSERT INTO src_contact VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                i,
                i // per_customer,
                f"{ODD[(i + 3) % len(ODD)]} {i}",
                f"p{i}@kund.se",
                "+46701234567" if i % 2 else None,
                ODD[i % len(ODD)] if i % 5 else None,
            )
            for i in range(customers * per_customer)
        ],
    )


def _insert(conn: Connection, table: str) -> None:
    if table == "customer":
        conn.exec_driver_sql(
            "INSERT INTO customer (org_number, name, name_folded, name_plain, status, "
            "dpa_signed_on, dpa_version, version) SELECT org, name, lower(name), lower(name), "
            "status, dpa, ver, 1 FROM src_customer ORDER BY n"
        )
    else:
        conn.exec_driver_sql(
            "INSERT INTO contact (customer_id, name, name_folded, name_plain, email, "
            "email_folded, phone, title, version) SELECT k.id, s.name, lower(s.name), "
            "lower(s.name), s.email, s.email, s.phone, s.title, 1 FROM src_contact s "
            "JOIN customer k ON k.org_number = printf('%010d', 5560000000 + s.c) ORDER BY s.n"
        )


def _events(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        return [
            (str(kind), str(payload))
            for kind, payload in conn.execute(
                text(
                    "SELECT e.kind, p.payload FROM log_event e JOIN log_payload p "
                    "ON p.seq = e.seq ORDER BY e.seq"
                )
            )
        ]


UPDATE_FIRST = "UPDATE customer SET name = 'Först & Co AB' WHERE org_number = '5569999999'"


def test_recorded_inserts_are_the_noted_inserts_byte_for_byte(tmp_path: Path) -> None:
    noted, recorded = _engine(tmp_path / "noted.sqlite3"), _engine(tmp_path / "rec.sqlite3")
    for engine in (noted, recorded):  # a customer from before, updated in the load's transaction
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO customer (org_number, name, status, version) "
                "VALUES ('5569999999', 'Först AB', 'active', 1)"
            )
    with noted.begin() as conn:  # the triggers note every row, chained at COMMIT
        conn.exec_driver_sql(UPDATE_FIRST)  # a note before the load: its event stays first
        _fill(conn, 1234, 2)
        _insert(conn, "customer")
        _insert(conn, "contact")
    with recorded.begin() as conn:  # the import's way
        conn.exec_driver_sql(UPDATE_FIRST)
        _fill(conn, 1234, 2)
        for table in ("customer", "contact"):
            changes.chain_notes(conn)
            first = conn.exec_driver_sql(f"SELECT max(id) + 1 FROM {table}").scalar() or 1
            off = [f"{table}_insert_noted", f"{table}_update_noted"]
            sqls = [
                str(s)
                for (s,) in conn.execute(
                    text(f"SELECT sql FROM sqlite_master WHERE name IN ('{off[0]}', '{off[1]}')")
                )
            ]
            for name in off:
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
            _insert(conn, table)
            for sql in sqls:
                conn.exec_driver_sql(sql)
            assert changes.record_inserts(conn, table, int(first)) == (
                2 if table == "customer" else 3
            )
    want, got = _events(noted), _events(recorded)
    # the first insert, its update, 2 customer events (1,234 rows: 1,000 + 234), 3 contact
    # events (2,468 rows)
    assert [k for k, _ in got] == ["customer_changed"] * 4 + ["contact_changed"] * 3
    assert '"op":"update"' in got[1][1]
    assert got == want
    assert '"terminated_on":' in got[2][1] and "\\u0001" in got[2][1] and "\u2028" in got[2][1]
    assert verify_log(Database(recorded)).ok


def test_rows_with_gaps_in_their_ids_are_cut_by_rank(tmp_path: Path) -> None:
    """Ids without gaps (one INSERT ... SELECT) are cut into events by arithmetic; with gaps,
    by rank: either way every event but the last holds ROWS_PER_EVENT rows, in id order,
    and each row is in one event."""
    engine = _engine(tmp_path / "gaps.sqlite3")
    with engine.begin() as conn:
        _fill(conn, 1250, 2)
        _insert(conn, "customer")
        conn.exec_driver_sql("DELETE FROM customer WHERE id % 7 = 3")  # gaps (noted: deletes)
        changes.chain_notes(conn)
        conn.exec_driver_sql("DELETE FROM log_payload")  # only the recorded inserts below
        ids = [int(i) for (i,) in conn.exec_driver_sql("SELECT id FROM customer ORDER BY id")]
        events = changes.record_inserts(conn, "customer", ids[0])
        payloads = [
            json.loads(p)
            for (p,) in conn.exec_driver_sql("SELECT payload FROM log_payload ORDER BY seq")
        ]
    assert events == len(payloads) == -(-len(ids) // changes.ROWS_PER_EVENT)
    cut = [[row["id"] for row in p["rows"]] for p in payloads]
    assert [len(c) for c in cut[:-1]] == [changes.ROWS_PER_EVENT] * (len(cut) - 1)
    assert [i for c in cut for i in c] == ids


def test_tracked_columns_are_the_noting_triggers_columns(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "t.sqlite3")
    with engine.connect() as conn:
        for table, columns in changes.TRACKED.items():
            sql = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE name = :n"),
                {"n": f"{table}_insert_noted"},
            ).scalar_one()
            inside = sql[sql.index("json_object(") :]
            noted = re.findall(r"'(\w+)', NEW\.\w+", inside)
            assert noted[0] == "id"
            assert tuple(noted[1:]) == columns


HEADER = "org_number,company_name,status,contact_name,email,phone,title\n"


def _csv(companies: int, start: int = 0) -> bytes:
    from bowebb_console.domain.orgnr import luhn_check_digit

    lines = [HEADER]
    for i in range(start, start + companies):
        body = f"556{i:06d}"
        org = body + str(luhn_check_digit(body))
        status = ("active", "trial", "terminated")[i % 3]
        for k in range(3):
            lines.append(
                f'{org},"Bolag ""{i}"" AB",{status},Åsa Öberg {i} {k},'
                f"asa{k}@bolag{i}.se,070-123 45 6{k},Ekonomichef\n"
            )
    return "".join(lines).encode()


def _schema(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        return sorted(
            (str(n), str(s))
            for n, s in conn.execute(
                text(
                    "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
                    "AND sql IS NOT NULL"
                )
            )
        )


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    seen: list[str] = []
    original = csv_import._Applier._sql

    def spy(self: csv_import._Applier, sql: str):  # type: ignore[no-untyped-def]
        seen.append(sql)
        return original(self, sql)

    monkeypatch.setattr(csv_import._Applier, "_sql", spy)
    yield seen


def test_an_import_records_what_the_triggers_would_and_keeps_the_schema(
    tmp_path: Path, statements: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, slow = _engine(tmp_path / "fast.sqlite3"), _engine(tmp_path / "slow.sqlite3")
    schema = _schema(fast)
    for engine in (fast, slow):  # an existing customer first: the file updates it
        with engine.begin() as conn:
            import_csv(conn, _csv(1))
    with fast.begin() as conn:
        report = import_csv(conn, _csv(700))
    assert (report.customers_created, report.customers_updated) == (699, 1)
    assert any(s.startswith("DROP INDEX ix_contact_email_folded") for s in statements)
    assert _schema(fast) == schema
    # The same file the old way: the noting triggers left on (so nothing is recorded in SQL).
    original = csv_import._Applier._triggers_off

    def notes_stay_on(self: csv_import._Applier, names: list[str]) -> list[str]:
        return [] if names[0].endswith("_noted") else original(self, names)

    monkeypatch.setattr(csv_import._Applier, "_triggers_off", notes_stay_on)
    with slow.begin() as conn:
        import_csv(conn, _csv(700))
    assert _events(fast) == _events(slow)
    # the first import's 2; then 699 new customers, 2,097 new contacts (the existing customer
    # and its contacts are unchanged: no event)
    assert len(_events(fast)) == 2 + 1 + 3
    assert verify_log(Database(fast)).ok
    with fast.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_a_small_load_into_a_big_table_keeps_the_indexes(
    tmp_path: Path, statements: list[str]
) -> None:
    engine = _engine(tmp_path / "big.sqlite3")
    with engine.begin() as conn:
        import_csv(conn, _csv(400))
    statements.clear()
    with engine.begin() as conn:
        report = import_csv(conn, _csv(100, start=400))
    assert report.contacts_created == 300
    assert not [s for s in statements if s.startswith("DROP INDEX")]
    assert [s for s in statements if s.startswith("DROP TRIGGER contact_insert_noted")]


def _trigger_order(engine: Engine) -> dict[str, list[str]]:
    """Each table's triggers in the order SQLite reads them (and so fires them)."""
    order: dict[str, list[str]] = {}
    with engine.connect() as conn:
        for name, table in conn.exec_driver_sql(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid"
        ):
            order.setdefault(str(table), []).append(str(name))
    return order


def test_the_triggers_keep_their_firing_order(tmp_path: Path) -> None:
    """After an import a terminated customer entered by hand is still one insert event with
    its dates (the noting trigger older than the lifecycle trigger, as migrations made them)."""
    engine = _engine(tmp_path / "order.sqlite3")
    order = _trigger_order(engine)
    with engine.begin() as conn:
        import_csv(conn, _csv(400))
    assert _trigger_order(engine) == order
    engine.dispose()
    engine = make_engine(f"sqlite:///{tmp_path / 'order.sqlite3'}")  # the schema read afresh
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO customer (org_number, name, status, version) "
            "VALUES ('5569999999', 'Slut AB', 'terminated', 1)"
        )
    _kind, payload = _events(engine)[-1]
    assert '"op":"insert"' in payload and '"terminated_on":' in payload
    assert _events(engine)[-2][1].count('"op":"insert"') == 1  # the import's last event


def test_a_failed_load_leaves_indexes_triggers_and_no_rows(
    tmp_path: Path, statements: list[str]
) -> None:
    engine = _engine(tmp_path / "fail.sqlite3")
    schema = _schema(engine)
    with engine.begin() as conn:  # a rule the database enforces, met by the last contact only
        conn.exec_driver_sql(
            "CREATE TRIGGER no_last BEFORE INSERT ON contact WHEN NEW.name = 'Åsa Öberg 399 2' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    with pytest.raises(Exception, match="refused"), engine.begin() as conn:
        import_csv(conn, _csv(400))
    assert any(s.startswith("DROP INDEX") for s in statements)
    after = [x for x in _schema(engine) if x[0] != "no_last"]
    assert after == schema
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM customer").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM log_event").scalar() == 0
