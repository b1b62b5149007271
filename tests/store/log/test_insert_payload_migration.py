"""Migration 0029 (PostgreSQL): an inserted batch's recorded change is written as text straight
from json, and payloads are compressed with lz4. The event reads the same as 0028's (the
same JSON), the chain verifies, and the migration downgrades and upgrades again."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import Engine, text

from bowebb_console.store.db import schema
from bowebb_console.store.db.connect import open_database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.verify import verify_log


def _insert_batch(engine: Engine, first: int) -> dict[str, object]:
    """Two customers and three contacts (odd text, a NULL phone) in one statement each; the
    contacts' event, parsed."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO customer (org_number, name, name_folded, name_plain, status, "
                "version) VALUES (:a, 'Åkesson \"Optik\" AB', 'x', 'x', 'active', 1), "
                "(:b, 'Tab\tBackslash\\\\ AB', 'y', 'y', 'trial', 1)"
            ),
            {"a": f"55668{first:05d}", "b": f"55668{first + 1:05d}"},
        )
        ids = [
            int(r[0])
            for r in conn.execute(
                text("SELECT id FROM customer WHERE org_number IN (:a, :b) ORDER BY id"),
                {"a": f"55668{first:05d}", "b": f"55668{first + 1:05d}"},
            )
        ]
        conn.execute(
            text(
                "INSERT INTO contact (customer_id, name, name_folded, name_plain, email, "
                "email_folded, phone, title, version) VALUES "
                "(:c2, 'Örjan 😀', 'o', 'o', 'o@x.se', 'o@x.se', NULL, 'VD', 1), "
                "(:c1, 'Anna\u2028Ek', 'a', 'a', 'a@x.se', 'a@x.se', '+46701234567', NULL, 1), "
                "(:c1, 'Bo', 'b', 'b', 'b@x.se', 'b@x.se', NULL, NULL, 1)"
            ),
            {"c1": ids[0], "c2": ids[1]},
        )
        payload = conn.execute(
            text(
                "SELECT p.payload FROM log_event e JOIN log_payload p ON p.seq = e.seq "
                "WHERE e.kind = 'contact_changed' ORDER BY e.seq DESC LIMIT 1"
            )
        ).scalar_one()
    return dict(json.loads(payload))


def _without_ids(event: dict[str, object]) -> dict[str, object]:
    """The event with its row ids and customer ids made relative (two batches differ in
    ids only)."""
    rows = event["rows"]
    assert isinstance(rows, list)
    base = rows[0]["id"]
    customers = sorted({r["customer_id"] for r in rows})
    relative = [
        {**r, "id": r["id"] - base, "customer_id": customers.index(r["customer_id"])}
        | {"after": {**r["after"], "customer_id": customers.index(r["after"]["customer_id"])}}
        for r in rows
    ]
    return {
        **event,
        "rows": relative,
        "contact_ids": [i - base for i in event["contact_ids"]],  # type: ignore[union-attr]
        "customer_ids": list(range(len(event["customer_ids"]))),  # type: ignore[arg-type]
    }


def _compression(engine: Engine) -> set[str]:
    """The payload column's compression method on log_payload and each of its partitions."""
    with engine.connect() as conn:
        return {
            str(r[0])
            for r in conn.exec_driver_sql(
                "SELECT a.attcompression FROM pg_attribute a JOIN pg_class c ON c.oid = "
                "a.attrelid WHERE a.attname = 'payload' AND (c.relname = 'log_payload' OR "
                "c.relname LIKE 'log\\_payload\\_h%%')"
            )
        }


def test_the_insert_event_reads_as_before_and_the_chain_verifies(pg_db) -> None:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    engine = make_engine(pg_db.admin_url_str)
    try:
        assert _compression(engine) == {"l"}
        new = _insert_batch(engine, 1)
        assert list(new) == ["contact_ids", "customer_ids", "op", "rows", "table"]
        with engine.begin() as conn:
            command.downgrade(schema.alembic_config(conn), "0028")
        assert _compression(engine) == {"p"}
        old = _insert_batch(engine, 3)
        assert _without_ids(new) == _without_ids(old)
        assert [r["after"].get("phone") for r in new["rows"]] == [None, "+46701234567", None]  # type: ignore[index, union-attr]
        schema.upgrade(engine)
        assert _compression(engine) == {"l"}
        assert _without_ids(_insert_batch(engine, 5)) == _without_ids(old)
        db = open_database(pg_db.admin_url_str)[0]
        try:
            result = verify_log(db)
            assert result.ok and result.events >= 6
        finally:
            db.engine.dispose()
    finally:
        engine.dispose()
