"""Changes to customers, contacts and connection profiles as chained events (migration 0009);
the record of processing (0018) and the lifecycle setting (0024) the same way.

PostgreSQL records them in the database: a statement-level trigger writes one event per
statement, as the login that ran it. SQLite has no logins and no statement triggers: its row
triggers note each change in ``pending_change``, and :func:`chain_pending` (run by the engine
just before every COMMIT, see store.db.engine) turns the notes into events in the same
transaction. Both write the same payload, so readers need not know which database wrote it:

``{"table": t, "op": "insert"|"update"|"delete", "rows": [{"id", "customer_id", "before",
"after"}], "customer_ids": [...], "contact_ids": [...] (contacts only)}``

``before``/``after`` hold only the tracked columns that changed (an insert: those with a
value). On SQLite a row's own insert trigger may update it at once (the lifecycle dates of a
terminated customer, noted before the insert): that update is folded into the insert's row,
as PostgreSQL's BEFORE trigger records it, so a bulk insert stays one event per 1,000 rows
(issue 17). The payload is erasable like every other: a person's erasure finds it by contact id
or by the values in it, the purge by customer id.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import Connection, text

from bowebb_console.domain import hashchain
from bowebb_console.store.log.chain import BACKDATE, write_event

KINDS = {
    "customer": "customer_changed",
    "contact": "contact_changed",
    "lifecycle_setting": "lifecycle_changed",  # migration 0024: the lifecycle setting
    "processing": "processing_changed",  # migration 0017: the record of processing
    "sftp_profile": "profile_changed",
}
# Rows per event when one statement changed many (an import): payloads stay a few hundred kB.
ROWS_PER_EVENT = 1000
NOTES_PER_PAGE = 5000


def change_row(
    table: str, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> dict[str, Any] | None:
    """One changed row as the payload holds it; None when no tracked column changed (the
    same rule as migration 0009's ``change_row``)."""
    row = after if after is not None else before
    assert row is not None
    tracked = sorted(k for k in row if k != "id")
    if before is None or after is None:
        keys = [k for k in tracked if row[k] is not None]
    else:
        keys = [k for k in tracked if before.get(k) != after.get(k)]
    if not keys:
        return None
    return {
        "id": row["id"],
        "customer_id": row["id"] if table == "customer" else row.get("customer_id"),
        "before": {k: before[k] for k in keys} if before is not None else {},
        "after": {k: after[k] for k in keys} if after is not None else {},
    }


def change_payload(table: str, op: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "table": table,
        "op": op,
        "rows": rows,
        "customer_ids": sorted({r["customer_id"] for r in rows if r["customer_id"] is not None}),
    }
    if table == "contact":
        payload["contact_ids"] = [r["id"] for r in rows]
    return payload


def _has_table(conn: Connection) -> bool:
    # Asked at every COMMIT (a lookup in SQLite's schema, microseconds): a migration test may
    # go down below 0009 and up again on the same connection.
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pending_change'"
    ).first()
    return found is not None


def chain_pending(conn: Connection) -> int:
    """SQLite: chain the changes noted in this transaction; returns how many events. The
    erasure marker (migration 0009) lives for one transaction only: it goes here too."""
    if not _has_table(conn):
        return 0
    if conn.execute(text("SELECT 1 FROM pending_change LIMIT 1")).first() is None:
        # Only reads here as a rule: a read-only transaction must not take the write lock.
        if conn.execute(text("SELECT 1 FROM erasure_xact LIMIT 1")).first() is not None:
            conn.execute(text("DELETE FROM erasure_xact"))
        return 0
    events = chain_notes(conn)
    conn.execute(text("DELETE FROM erasure_xact"))
    return events


def chain_notes(conn: Connection) -> int:
    """SQLite: chain the changes noted so far in this transaction (and forget the notes);
    returns how many events."""
    events = 0
    key: tuple[str, str] | None = None
    rows: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal events
        if key is None or not rows:
            return
        write_event(
            conn,
            KINDS[key[0]],
            str(uuid.uuid4()),
            str(uuid.uuid4()),
            hashchain.canonical_payload(change_payload(key[0], key[1], rows)),
            None,
            at=conn.info.get(BACKDATE),
        )
        events += 1

    def add(table: str, op: str, row: dict[str, Any] | None) -> None:
        nonlocal key, rows
        if (table, op) != key:
            flush()
            key, rows = (table, op), []
        if row is not None:
            rows.append(row)
            if len(rows) >= ROWS_PER_EVENT:
                flush()
                rows = []

    # Read a page at a time (a bulk import notes hundreds of thousands of rows: issue 17's
    # memory floor); events as before, one per ROWS_PER_EVENT rows of one table and operation.
    held: tuple[str, int, str | None, str | None] | None = None  # an update note, see below
    last = 0
    while True:
        notes = conn.execute(
            text(
                "SELECT id, tbl, op, row_id, before, after FROM pending_change WHERE id > :last "
                "ORDER BY id LIMIT :page"
            ),
            {"last": last, "page": NOTES_PER_PAGE},
        ).all()
        if not notes:
            break
        last = int(notes[-1][0])
        for _, table, op, row_id, before, after in notes:
            if held is not None:
                h_table, h_row, h_before, h_after = held
                held = None
                if op == "insert" and (table, row_id) == (h_table, h_row):
                    # The row's own insert trigger updated it at once (SQLite's lifecycle
                    # dates; its note comes first): one insert with the final values, as
                    # PostgreSQL's BEFORE trigger records it.
                    add(table, op, change_row(table, None, _json(h_after)))
                    continue
                add(h_table, "update", change_row(h_table, _json(h_before), _json(h_after)))
            if op == "update":
                held = (table, int(row_id), before, after)
                continue
            add(table, op, change_row(table, _json(before), _json(after)))
    if held is not None:
        h_table, _, h_before, h_after = held
        add(h_table, "update", change_row(h_table, _json(h_before), _json(h_after)))
    flush()
    if last:
        conn.execute(text("DELETE FROM pending_change"))
    return events


# The columns a customer's or contact's change records: migration 0009's TRACKED, which its
# SQLite noting triggers use (tests/store/log/test_recorded_inserts.py holds the two together).
TRACKED = {
    "customer": (
        "org_number",
        "name",
        "status",
        "trial_registered_on",
        "customer_since",
        "terminated_on",
        "hard_delete_due",
        "dpa_signed_on",
        "dpa_version",
        "dpa_reference",
    ),
    "contact": ("customer_id", "name", "email", "phone", "title"),
}


# A table whose tracked columns hold at most this many that may be NULL gets its rows' objects
# from a CASE over each combination of NULLs (2**n objects), not from json_patch.
CASE_NULLABLE_MAX = 2


def _tracked_object(conn: Connection, table: str, cols: list[str]) -> str:
    """SQL: a row's tracked values as a JSON object with the keys in sorted order and the
    NULL ones left out. Where few columns may be NULL (a contact: phone and title), a CASE
    picks the ``json_object`` without them; else ``json_patch`` onto ``{}`` drops them
    (measured, 300,000 contacts: 0.30-0.41 s against 0.58-0.67 s)."""
    nullable = [
        str(name)
        for _cid, name, _type, notnull, _default, pk in conn.exec_driver_sql(
            f"PRAGMA table_info({table})"
        )
        if name in cols and not notnull and not pk
    ]

    def obj(keys: list[str]) -> str:
        return "json_object(" + ", ".join(f"'{c}', t.{c}" for c in keys) + ")"

    if len(nullable) > CASE_NULLABLE_MAX:
        return f"json_patch('{{}}', {obj(cols)})"
    branches = []
    for absent in range(2 ** len(nullable) - 1, 0, -1):  # every non-empty set of NULLs
        gone = {c for i, c in enumerate(nullable) if absent >> i & 1}
        test = " AND ".join(f"t.{c} IS NULL" for c in sorted(gone))
        test += "".join(f" AND t.{c} IS NOT NULL" for c in nullable if c not in gone)
        branches.append(f"WHEN {test} THEN {obj([c for c in cols if c not in gone])}")
    if not branches:
        return obj(cols)
    return f"CASE {' '.join(branches)} ELSE {obj(cols)} END"


def record_inserts(conn: Connection, table: str, first_id: int) -> int:
    """SQLite, for a bulk load that turned the table's noting triggers off (the CSV import):
    the events its insert notes would have made for every row with ``id >= first_id``, with
    the rows' values as they are now (so an insert trigger's own update is folded in, as
    :func:`chain_pending` folds it). Byte for byte the payloads of :func:`change_payload`,
    built by SQLite's JSON functions instead of per row in Python: ``json_object`` with the
    keys in sorted order, the nulls left out (:func:`_tracked_object`); SQLite's JSON
    strings escape exactly as ``json.dumps(ensure_ascii=False)`` does (", \\, control
    characters; nothing else). Every row is in a payload: each has a tracked value (``name``
    is NOT NULL), so none is one that :func:`change_row` would leave out. Returns how many
    events."""
    if table not in TRACKED:
        raise ValueError(table)
    cols = sorted(TRACKED[table])
    customer = "t.id" if table == "customer" else "t.customer_id"
    after = _tracked_object(conn, table, cols)
    row = (
        f"json_object('after', {after}, 'before', json_object(), "
        f"'customer_id', {customer}, 'id', t.id)"
    )
    rows, low, high = conn.exec_driver_sql(
        f"SELECT count(*), min(id), max(id) FROM {table} WHERE id >= ?", (int(first_id),)
    ).one()
    if rows and high - low + 1 == rows:  # ids without gaps (one INSERT ... SELECT gives that)
        starts = list(range(int(low), int(high) + 1, ROWS_PER_EVENT))
    else:  # every ROWS_PER_EVENT-th id, by rank (measured: 0.16-0.28 s at 300,000 rows)
        starts = [
            int(r[0])
            for r in conn.exec_driver_sql(
                f"SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM {table} "
                f"WHERE id >= ?) WHERE n % {ROWS_PER_EVENT} = 1 ORDER BY id",
                (int(first_id),),
            )
        ]
    for i, lo in enumerate(starts):
        hi = starts[i + 1] if i + 1 < len(starts) else None
        where = "t.id >= ?" + ("" if hi is None else " AND t.id < ?")
        params = (lo,) if hi is None else (lo, hi)
        # One scan of the range by rowid (so in id order) for the rows and their ids.
        rows, ids = conn.exec_driver_sql(
            f"SELECT json_group_array({row}), json_group_array(t.id) FROM {table} t WHERE {where}",
            params,
        ).one()
        customer_ids = conn.exec_driver_sql(
            f"SELECT json_group_array(c) FROM (SELECT DISTINCT {customer} AS c FROM {table} t "
            f"WHERE {where} AND {customer} IS NOT NULL ORDER BY c)",
            params,
        ).scalar_one()
        head = f'{{"contact_ids":{ids},' if table == "contact" else "{"
        payload = (
            f'{head}"customer_ids":{customer_ids},"op":"insert","rows":{rows},"table":"{table}"}}'
        )
        write_event(
            conn,
            KINDS[table],
            str(uuid.uuid4()),
            str(uuid.uuid4()),
            payload,
            None,
            at=conn.info.get(BACKDATE),
        )
    return len(starts)


def _json(value: str | None) -> dict[str, Any] | None:
    return None if value is None else dict(json.loads(value))
