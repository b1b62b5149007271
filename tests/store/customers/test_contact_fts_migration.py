"""Migration 0028 (SQLite): the contacts' search index without the phone column, which no
search reads. Names and addresses are found as before, phones by their prefix; the index
stays consistent with its table through edits; it downgrades and upgrades again."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine, text

from bowebb_console.store.customers.search import search_customers
from bowebb_console.store.db import schema
from bowebb_console.store.db.engine import make_engine


def _columns(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [str(r[1]) for r in conn.exec_driver_sql("PRAGMA table_info(contact_fts)")]


def _consistent(engine: Engine) -> None:
    """FTS5's own check of an external-content index against its table (raises if not)."""
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO contact_fts(contact_fts, rank) VALUES ('integrity-check', 1)"
        )


def _found(engine: Engine, typed: str) -> list[str | None]:
    with engine.connect() as conn:
        return [h.matched_contact for h in search_customers(conn, typed)]


def test_the_index_leaves_out_phones_and_finds_the_same(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    schema.upgrade(engine, "0027")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO customer (id, org_number, name, name_folded, name_plain, status, "
                "version) VALUES (1, '5566809827', 'Åkesson Optik AB', 'åkesson optik ab', "
                "'akesson optik ab', 'active', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO contact (customer_id, name, name_folded, name_plain, email, "
                "email_folded, phone, version) VALUES (1, 'Örjan Ärlig', 'örjan ärlig', "
                "'orjan arlig', 'Orjan.Arlig@Akesson.se', 'orjan.arlig@akesson.se', "
                "'+46701234567', 1)"
            )
        )
    assert _columns(engine) == ["name_plain", "email_folded", "phone"]
    before = [_found(engine, t) for t in ("rjan ärl", "arlig@akes", "070-123 45")]
    schema.upgrade(engine)
    assert _columns(engine) == ["name_plain", "email_folded"]
    _consistent(engine)
    after = [_found(engine, t) for t in ("rjan ärl", "arlig@akes", "070-123 45")]
    assert after == before
    assert after[0] == ["Örjan Ärlig <Orjan.Arlig@Akesson.se>"]
    assert after[2] == ["Örjan Ärlig <Orjan.Arlig@Akesson.se>"]  # the phone, by its prefix
    with engine.begin() as conn:  # edits keep index and table together
        conn.exec_driver_sql("UPDATE contact SET phone = '+46812345678' WHERE id = 1")
        conn.exec_driver_sql(
            "UPDATE contact SET name_plain = 'orjan arlig-berg', name = 'Örjan Ärlig-Berg' "
            "WHERE id = 1"
        )
    _consistent(engine)
    assert _found(engine, "lig-be") == ["Örjan Ärlig-Berg <Orjan.Arlig@Akesson.se>"]
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0027")
    assert _columns(engine) == ["name_plain", "email_folded", "phone"]
    _consistent(engine)
    schema.upgrade(engine)
    assert _columns(engine) == ["name_plain", "email_folded"]
    _consistent(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM contact WHERE id = 1")
    _consistent(engine)
    assert _found(engine, "lig-be") == []
    engine.dispose()
