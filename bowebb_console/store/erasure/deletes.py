"""The only way data leaves: the erasure's deletes (issue 13, item 12; migration 0009).

On PostgreSQL no role may DELETE customers, contacts or log payloads: an erasure calls
``erasure_begin()`` (admins; marks this transaction as an erasure, whose COMMIT then needs
its ``erasure_performed`` event) and then ``erasure_delete``/``erasure_anonymise``, SECURITY
DEFINER functions that run as the tables' owner. A customer row goes only with its approved
purge. On SQLite (one user, integrity only) the same steps are plain SQL; the marker row keeps
the row triggers from noting an erasure's deletes as changes (store.log.changes).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

# A customer deleted again by the journal's replay after a restore (store.erasure.replay): the
# restored database may predate the purge's approval, so the journal is the authority.
REPLAYED_CUSTOMER = "customer_replayed"
ERASABLE = {
    "log_payload": "seq",
    "contact": "id",
    "sftp_profile": "id",
    "customer": "id",
    REPLAYED_CUSTOMER: "id",
}


def begin(conn: Connection) -> None:
    """Mark this transaction as an erasure (idempotent; every delete here does it first)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT public.erasure_begin()"))
    else:
        conn.execute(text("INSERT OR IGNORE INTO erasure_xact (xact, logged) VALUES (1, 0)"))


def delete_rows(conn: Connection, table: str, ids: Sequence[int]) -> int:
    """Delete rows of ``table`` (``log_payload``: by seq) by the erasure; how many went."""
    key = ERASABLE[table]  # KeyError: not an erasable table, a programming error
    if not ids:
        return 0
    begin(conn)
    if conn.dialect.name == "postgresql":
        found = conn.execute(
            text("SELECT public.erasure_delete(:t, CAST(:ids AS bigint[]))"),
            {"t": table, "ids": list(ids)},
        ).scalar_one()
        return int(found)
    marks = ", ".join(f":i{n}" for n in range(len(ids)))
    table = "customer" if table == REPLAYED_CUSTOMER else table
    return conn.execute(
        text(f'DELETE FROM "{table}" WHERE "{key}" IN ({marks})'),
        {f"i{n}": int(i) for n, i in enumerate(ids)},
    ).rowcount


def anonymise_contact(conn: Connection, contact_id: int, values: dict[str, Any]) -> None:
    """Overwrite a contact's personal fields (``values``: name, email and their search keys);
    phone and title are cleared."""
    begin(conn)
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT public.erasure_anonymise(:id, CAST(:v AS jsonb))"),
            {"id": contact_id, "v": json.dumps(values)},
        )
        return
    keys = ("name", "name_folded", "name_plain", "email", "email_folded")
    conn.execute(
        text(
            "UPDATE contact SET name = :name, name_folded = :name_folded, "
            "name_plain = :name_plain, email = :email, email_folded = :email_folded, "
            "phone = NULL, title = NULL, version = version + 1 WHERE id = :id"
        ),
        {"id": contact_id, **{k: values[k] for k in keys}},
    )
