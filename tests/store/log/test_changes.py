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


def _edited(url: str, **init: str) -> tuple[Engine, list[tuple[str, dict[str, Any]]]]:
    init_database(url, **init)
    engine = make_engine(url)
    for statement in EDITS:  # one transaction each, as a client would
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
