"""Changes to customers, contacts and profiles as chained events (migration 0009): the same
edits on SQLite (row triggers, chained at COMMIT by store.log.changes) and on PostgreSQL
(the statement trigger record_change) give the same payloads."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, text

from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.verify import verify_log

EDITS = (
    "INSERT INTO customer (org_number, name, name_folded, status, dpa_signed_on, version) "
    "VALUES ('5566809827', 'Kundbolaget AB', 'kundbolaget ab', 'active', '2025-01-01', 1)",
    "INSERT INTO contact (customer_id, name, name_folded, email, email_folded, phone, version) "
    "VALUES (1, 'Åsa Öberg', 'asa oberg', 'asa@kund.se', 'asa@kund.se', '+46701234567', 1)",
    "UPDATE contact SET title = 'Ekonomichef', phone = NULL, version = 2 WHERE id = 1",
    "UPDATE customer SET version = 2 WHERE id = 1",  # nothing tracked: no event
    "INSERT INTO sftp_profile (customer_id, name, host, port, username, auth_kind, "
    "remote_dir, version) VALUES (1, 'Lön', 'sftp.kund.se', 22, 'bowebb', 'password', '', 1)",
    "DELETE FROM sftp_profile WHERE id = 1",
)


def _edited(
    url: str, edits: tuple[str, ...] = EDITS, **init: str
) -> tuple[Engine, list[tuple[str, dict[str, Any]]]]:
    init_database(url, **init)
    engine = make_engine(url)
    for statement in edits:  # one transaction each, as a client would
        with engine.begin() as conn:
            conn.execute(text(statement))
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT e.kind, p.payload FROM log_event e JOIN log_payload p ON p.seq = e.seq "
                "ORDER BY e.seq"
            )
        ).all()
    return engine, [(kind, json.loads(payload)) for kind, payload in rows]


def test_both_databases_record_the_same_changes(sqlite_url: str, pg_db) -> None:  # type: ignore[no-untyped-def]
    lite, on_sqlite = _edited(sqlite_url)
    pg, on_postgres = _edited(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    assert on_sqlite == on_postgres
    assert [k for k, _ in on_sqlite] == [
        "customer_changed",
        "contact_changed",
        "contact_changed",
        "profile_changed",
        "profile_changed",
    ]
    _, edited = on_sqlite[2]
    assert edited == {
        "table": "contact",
        "op": "update",
        "customer_ids": [1],
        "contact_ids": [1],
        "rows": [
            {
                "id": 1,
                "customer_id": 1,
                "before": {"phone": "+46701234567", "title": None},
                "after": {"phone": None, "title": "Ekonomichef"},
            }
        ],
    }
    assert on_sqlite[4][1]["op"] == "delete"
    for engine in (lite, pg):
        assert verify_log(Database(engine)).ok
        engine.dispose()


def test_sqlite_groups_one_transaction_s_like_changes(sqlite_url: str) -> None:
    """An import's many inserts: one event per run of like changes (up to 1,000 rows), and
    nothing left noted after COMMIT; a rolled-back transaction notes and records nothing."""
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    with engine.begin() as conn:
        for n in range(1, 1203):
            conn.execute(
                text(
                    "INSERT INTO customer (org_number, name, name_folded, status, version) "
                    "VALUES (:o, :n, :n, 'active', 1)"
                ),
                {"o": f"{5560000000 + n}", "n": f"Bolag {n} AB"},
            )
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE customer SET name = 'Ångrat AB' WHERE id = 1"))
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    with engine.connect() as conn:
        counts = conn.execute(
            text(
                "SELECT json_array_length(p.payload, '$.rows') FROM log_event e "
                "JOIN log_payload p ON p.seq = e.seq ORDER BY e.seq"
            )
        ).scalars()
        assert list(counts) == [1000, 202]
        assert conn.execute(text("SELECT count(*) FROM pending_change")).scalar() == 0
    assert verify_log(Database(engine)).ok
    engine.dispose()


# Statements of many rows, as the CSV import runs them (issue 17; on PostgreSQL migration
# 0023 builds these rows set-based instead of calling change_row per row).
BULK_EDITS = (
    "INSERT INTO customer (org_number, name, name_folded, status, dpa_signed_on, dpa_version, "
    "version) VALUES ('5566809827', 'Kundbolaget AB', 'kundbolaget ab', 'active', "
    "'2025-01-01', NULL, 1), ('5590123450', 'Åkesson Handel AB', 'åkesson handel ab', "
    "'trial', NULL, 'v2', 1), ('5560000001', 'Tre AB', 'tre ab', 'active', NULL, NULL, 1)",
    "INSERT INTO contact (customer_id, name, name_folded, email, email_folded, phone, title, "
    "version) VALUES (1, 'Åsa Öberg', 'åsa öberg', 'asa@kund.se', 'asa@kund.se', "
    "'+46701234567', NULL, 1), (1, 'Per Ek', 'per ek', 'per@kund.se', 'per@kund.se', NULL, "
    "'VD', 1), (2, 'Örjan Ärlig', 'örjan ärlig', 'o@ak.se', 'o@ak.se', '+46700000000', NULL, "
    "1), (3, 'Kim', 'kim', 'kim@tre.se', 'kim@tre.se', NULL, NULL, 1)",
    # Contact 3 keeps its values (no row for it), 1 loses its phone, 2 and 4 gain values.
    "UPDATE contact SET phone = CASE WHEN id = 1 THEN NULL ELSE '+46700000000' END, "
    "title = CASE WHEN id = 2 THEN 'Ekonomichef' ELSE title END, version = version + 1",
    "UPDATE customer SET name = name || ' X', dpa_version = NULL, version = version + 1 "
    "WHERE id <= 2",
    "UPDATE customer SET version = version + 1",  # nothing tracked: no event
)


def test_many_rows_in_one_statement_record_the_same_changes(sqlite_url: str, pg_db) -> None:  # type: ignore[no-untyped-def]
    lite, on_sqlite = _edited(sqlite_url, BULK_EDITS)
    pg, on_postgres = _edited(pg_db.admin_url_str, BULK_EDITS, role_prefix=pg_db.role_prefix)
    assert on_sqlite == on_postgres
    assert [(p["table"], p["op"], len(p["rows"])) for _, p in on_postgres] == [
        ("customer", "insert", 3),
        ("contact", "insert", 4),
        ("contact", "update", 3),
        ("customer", "update", 2),
    ]
    inserted = on_postgres[1][1]["rows"][1]
    assert inserted == {
        "id": 2,
        "customer_id": 1,
        "before": {},
        "after": {"customer_id": 1, "email": "per@kund.se", "name": "Per Ek", "title": "VD"},
    }
    updated = {r["id"]: r for r in on_postgres[2][1]["rows"]}
    assert set(updated) == {1, 2, 4}
    assert updated[1]["before"] == {"phone": "+46701234567"}
    assert updated[1]["after"] == {"phone": None}
    assert on_postgres[3][1]["rows"][1]["before"] == {
        "name": "Åkesson Handel AB",
        "dpa_version": "v2",
    }
    for engine in (lite, pg):
        assert verify_log(Database(engine)).ok
        engine.dispose()


def test_sqlite_chains_notes_page_by_page(sqlite_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The notes are read a page at a time (an import notes hundreds of thousands): the
    events are the same whatever the page size."""
    from bowebb_console.store.log import changes

    monkeypatch.setattr(changes, "NOTES_PER_PAGE", 2)
    monkeypatch.setattr(changes, "ROWS_PER_EVENT", 3)
    lite, events = _edited(sqlite_url, BULK_EDITS)
    assert [(p["table"], p["op"], len(p["rows"])) for _, p in events] == [
        ("customer", "insert", 3),
        ("contact", "insert", 3),
        ("contact", "insert", 1),
        ("contact", "update", 3),
        ("customer", "update", 2),
    ]
    assert verify_log(Database(lite)).ok
    lite.dispose()


def test_a_terminated_customer_s_derived_dates_are_part_of_its_insert(  # type: ignore[no-untyped-def]
    sqlite_url: str, pg_db
) -> None:
    """SQLite's lifecycle trigger updates a row it has just inserted: recorded as the insert
    (as PostgreSQL's BEFORE trigger makes it), so an import's run of inserts stays one event."""
    edits = (
        "INSERT INTO customer (org_number, name, name_folded, status, version) VALUES "
        "('5566809827', 'Ett AB', 'ett ab', 'active', 1), "
        "('5590123450', 'Två AB', 'två ab', 'terminated', 1), "
        "('5560000001', 'Tre AB', 'tre ab', 'active', 1)",
    )
    lite, on_sqlite = _edited(sqlite_url, edits)
    pg, on_postgres = _edited(pg_db.admin_url_str, edits, role_prefix=pg_db.role_prefix)
    assert on_sqlite == on_postgres
    assert len(on_sqlite) == 1
    ended = on_sqlite[0][1]["rows"][1]["after"]
    assert ended["status"] == "terminated" and ended["hard_delete_due"] is not None
    for engine in (lite, pg):
        assert verify_log(Database(engine)).ok
        engine.dispose()
