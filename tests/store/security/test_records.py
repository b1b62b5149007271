"""Issue 13, items 11 and 12, as real logins (migration 0009, store.db.grants).

11: agents change only what their work needs (column privileges: no DPA date, no deletion
    dates, no termination, no contact moved to another customer), no login can LOCK a table
    against everyone's reads, and every change to customers, contacts and connection
    profiles is a chained event naming the login, with before/after in the erasable payload.
12: nobody DELETEs customers, contacts or payloads: only the erasure functions do, as admins,
    in a transaction that logs ``erasure_performed`` (and a customer only by its approved
    purge); the wipe of the files runs as the owner through ``erasure_rewrite``.
"""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bowebb_console.store.db.connect import Database
from bowebb_console.store.log.verify import verify_log
from tests.store.log_helpers import add_customer
from tests.store.security.conftest import (
    EVENT_SQL,
    PAYLOAD_SQL,
    erase_by_hand,
    event_params,
    refused,
    run,
)


def changes(logins, kind: str) -> list[tuple[str, dict[str, Any]]]:  # type: ignore[no-untyped-def]
    """(actor, payload) of every recorded change of ``kind``, oldest first."""
    rows = run(
        logins.root,
        "SELECT e.actor, p.payload FROM log_event e JOIN log_payload p ON p.seq = e.seq "
        "WHERE e.kind = :k ORDER BY e.seq",
        k=kind,
    )
    return [(actor, json.loads(payload)) for actor, payload in rows]


def profile(logins, customer: int) -> int:  # type: ignore[no-untyped-def]
    [(pid,)] = run(
        logins["agent"],
        "INSERT INTO sftp_profile (customer_id, name, host, port, username, auth_kind, "
        "remote_dir, version) VALUES (:c, 'Lön', 'sftp.kund.se', 22, 'bowebb', 'password', "
        "'/in', 1) RETURNING id",
        c=customer,
    )
    return int(pid)


# --- item 11: what agents may change -----------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE customer SET hard_delete_due = current_date WHERE id = :c",
        "UPDATE customer SET dpa_signed_on = current_date WHERE id = :c",
        "UPDATE customer SET terminated_on = current_date WHERE id = :c",
        "UPDATE customer SET status = 'terminated' WHERE id = :c",
        "UPDATE contact SET customer_id = customer_id WHERE customer_id = :c",
        "INSERT INTO customer (org_number, name, status, version) "
        "VALUES ('5566809827', 'Avslutad AB', 'terminated', 1)",
        "INSERT INTO customer (org_number, name, status, dpa_signed_on, version) "
        "VALUES ('5566809827', 'Påhittat AB', 'active', current_date, 1)",
        "DELETE FROM contact WHERE customer_id = :c",
        "DELETE FROM sftp_profile",
    ],
)
def test_agents_cannot_change_lifecycle_dpa_or_identity(logins, statement: str) -> None:  # type: ignore[no-untyped-def]
    customer, _ = add_customer(logins.root)
    profile(logins, customer)
    message = refused(logins["agent"], statement, c=customer)
    assert "permission denied" in message or "only team leads and admins" in message
    [(status, due, dpa)] = run(
        logins.root,
        "SELECT status, hard_delete_due, dpa_signed_on FROM customer WHERE id = :c",
        c=customer,
    )
    assert (status, due, str(dpa)) == ("active", None, "2025-01-01")


def test_agents_do_their_work_and_leads_record_the_dpa(logins) -> None:  # type: ignore[no-untyped-def]
    [(trial,)] = run(
        logins["agent"],
        "INSERT INTO customer (org_number, name, name_folded, status, trial_registered_on, "
        "version) VALUES ('5566809827', 'Provbolaget AB', 'provbolaget ab', 'trial', "
        "current_date, 1) RETURNING id",
    )
    run(
        logins["agent"],
        "UPDATE customer SET status = 'active', customer_since = current_date, "
        "version = version + 1 WHERE id = :c",
        c=trial,
    )
    run(
        logins["agent"],
        "UPDATE customer SET name = 'Provbolaget Sverige AB' WHERE id = :c",
        c=trial,
    )
    assert "only team leads" in refused(
        logins["agent"], "UPDATE customer SET status = 'trial' WHERE id = :c", c=trial
    )
    run(logins["lead"], "UPDATE customer SET dpa_signed_on = current_date WHERE id = :c", c=trial)
    run(logins["lead"], "UPDATE customer SET status = 'terminated' WHERE id = :c", c=trial)
    assert "permission denied" in refused(
        logins["lead"], "UPDATE customer SET hard_delete_due = current_date WHERE id = :c", c=trial
    )
    run(
        logins["admin"], "UPDATE customer SET hard_delete_due = current_date WHERE id = :c", c=trial
    )


@pytest.mark.parametrize("table", ["customer", "contact", "sftp_profile", "log_payload"])
@pytest.mark.parametrize("who", ["agent", "lead"])
def test_nobody_locks_a_table_against_everyone(logins, who: str, table: str) -> None:  # type: ignore[no-untyped-def]
    """LOCK ... IN ACCESS EXCLUSIVE MODE froze every lookup; column privileges allow none."""
    modes = ["ACCESS EXCLUSIVE", "EXCLUSIVE", "SHARE ROW EXCLUSIVE", "SHARE"]
    if table != "log_payload":  # appending takes ROW EXCLUSIVE, which blocks no reader
        modes.append("ROW EXCLUSIVE")
    for mode in modes:
        message = refused(logins[who], f"LOCK TABLE {table} IN {mode} MODE")
        assert "permission denied" in message
    # Not even ROW EXCLUSIVE by LOCK TABLE; an UPDATE takes it, and blocks no reader.
    customer, _ = add_customer(logins.root)
    with logins["agent"].connect() as holder:
        holder.execute(text("UPDATE customer SET name = name WHERE id = :c"), {"c": customer})
        started = time.monotonic()
        assert run(logins["agent2"], "SELECT count(*) FROM customer")
        assert time.monotonic() - started < 5
        holder.rollback()


def test_no_role_holds_table_level_update_or_delete(logins, pg_db) -> None:  # type: ignore[no-untyped-def]
    """The grants as a catalog: UPDATE is column by column everywhere, and DELETE or TRUNCATE
    are held only by admins on the register they keep (residual risk, docs/security.md)."""
    rows = run(
        logins.root,
        "SELECT grantee, table_name, privilege_type FROM information_schema.table_privileges "
        "WHERE table_schema = 'public' AND grantee LIKE :p "
        "AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')",
        p=f"{pg_db.role_prefix}\\_%",
    )
    groups = {f"{pg_db.role_prefix}_{r}": r for r in ("agent", "lead", "admin")}
    # (The NOLOGIN log writer, which no one can become, updates the head and the summary.)
    held = {(groups[g], t, p) for g, t, p in rows if g in groups}
    assert {p for _, _, p in held} <= {"DELETE"}
    assert {g for g, _, _ in held} <= {"admin"}
    assert {t for _, t, _ in held} <= {
        "sub_processor",
        "dpa_checklist_item",
        "sub_processor_evidence",
        "sub_processor_change",
        "sub_processor_objection",
        "processing",  # the record of processing (0018): a removal is a chained event too
    }


def test_every_change_is_a_chained_event_with_before_and_after(logins) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(logins.root)
    pid = profile(logins, customer)
    # The attack of the issue: another customer's profile pointed at evil.example.
    run(
        logins["agent2"],
        "UPDATE sftp_profile SET host = 'evil.example', version = version + 1 WHERE id = :p",
        p=pid,
    )
    run(
        logins["agent"],
        "UPDATE contact SET email = 'eva.ek@kund.se', phone = '+46701234567' WHERE id = :i",
        i=contact,
    )
    run(logins["agent"], "SELECT public.profile_delete(:p, NULL)", p=pid)
    actor, moved = changes(logins, "profile_changed")[1]
    assert actor == logins.names["agent2"] and moved["op"] == "update"
    assert moved["rows"] == [
        {
            "id": pid,
            "customer_id": customer,
            "before": {"host": "sftp.kund.se"},
            "after": {"host": "evil.example"},
        }
    ]
    actor, edited = changes(logins, "contact_changed")[-1]
    assert actor == logins.names["agent"] and edited["contact_ids"] == [contact]
    assert edited["rows"][0]["before"] == {"email": "eva@example.se", "phone": None}
    assert edited["rows"][0]["after"] == {"email": "eva.ek@kund.se", "phone": "+46701234567"}
    actor, gone = changes(logins, "profile_changed")[-1]
    assert gone["op"] == "delete" and gone["rows"][0]["before"]["host"] == "evil.example"
    # A statement that changes nothing tracked records nothing.
    before = len(changes(logins, "customer_changed"))
    run(logins["agent"], "UPDATE customer SET version = version + 1 WHERE id = :c", c=customer)
    assert len(changes(logins, "customer_changed")) == before
    assert verify_log(Database(logins["lead"])).ok


@pytest.mark.parametrize("who", ["agent", "admin"])
def test_nobody_forges_or_skips_a_change_record(logins, who: str) -> None:  # type: ignore[no-untyped-def]
    params = event_params("customer_changed", str(uuid.uuid4()), {"table": "customer"})
    message = refused(logins[who], EVENT_SQL, **params)
    assert "recorded by the database itself" in message
    # Nor is an edit hidden by claiming to be an erasure.
    customer, _ = add_customer(logins.root)
    message = refused(
        logins[who],
        "SELECT public.erasure_begin()",
        "UPDATE customer SET name = 'Tyst AB' WHERE id = :c",
        c=customer,
    )
    assert "permission denied for function" in message or "erasure_performed" in message


# --- item 12: deletion only through the erasure ------------------------------------------


@pytest.mark.parametrize("who", ["agent", "lead", "admin"])
@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM customer WHERE id = :c",
        "DELETE FROM contact WHERE customer_id = :c",
        "DELETE FROM log_payload",
        "TRUNCATE customer CASCADE",
    ],
)
def test_direct_deletes_are_refused(logins, who: str, statement: str) -> None:  # type: ignore[no-untyped-def]
    customer, _ = add_customer(logins.root)
    assert "permission denied" in refused(logins[who], statement, c=customer)
    assert run(logins.root, "SELECT count(*) FROM customer WHERE id = :c", c=customer) == [(1,)]


@pytest.mark.parametrize("who", ["agent", "lead"])
def test_only_admins_call_the_erasure_functions(logins, who: str) -> None:  # type: ignore[no-untyped-def]
    _customer, contact = add_customer(logins.root)
    for statement in (
        "SELECT public.erasure_begin()",
        "SELECT public.erasure_delete('contact', ARRAY[:i]::bigint[])",
        "SELECT public.erasure_anonymise(:i, '{}'::jsonb)",
        "SELECT public.erasure_rewrite('contact')",
    ):
        assert "permission denied for function" in refused(logins[who], statement, i=contact)


def test_an_erasure_must_be_logged_and_a_log_entry_must_be_an_erasure(logins) -> None:  # type: ignore[no-untyped-def]
    _customer, contact = add_customer(logins.root)
    admin = logins["admin"]
    # Deleting without saying so: refused at COMMIT.
    message = refused(
        admin,
        "SELECT public.erasure_begin()",
        "SELECT public.erasure_delete('contact', ARRAY[:i]::bigint[])",
        i=contact,
    )
    assert "only with its erasure_performed event" in message
    # Saying so without the erasure: refused.
    params = event_params("erasure_performed", str(uuid.uuid4()), {"reference": "E-FAKE"})
    assert "only by the erasure itself" in refused(admin, EVENT_SQL, **params)
    # Deleting outside an erasure: refused.
    message = refused(
        admin, "SELECT public.erasure_delete('contact', ARRAY[:i]::bigint[])", i=contact
    )
    assert "only by an erasure" in message
    assert run(logins.root, "SELECT count(*) FROM contact WHERE id = :i", i=contact) == [(1,)]
    # Both together: the contact goes, the log says so, and no change event holds its values.
    erase_by_hand(admin, "contact", [contact])
    assert run(logins.root, "SELECT count(*) FROM contact WHERE id = :i", i=contact) == [(0,)]
    assert [p["op"] for _, p in changes(logins, "contact_changed")] == ["insert"]
    assert verify_log(Database(logins["lead"])).ok


def test_a_customer_goes_only_by_its_approved_purge(logins) -> None:  # type: ignore[no-untyped-def]
    customer, _ = add_customer(logins.root)

    def delete_customer() -> str:
        return refused(
            logins["admin"],
            "SELECT public.erasure_begin()",
            "SELECT public.erasure_delete('customer', ARRAY[:c]::bigint[])",
            c=customer,
        )

    assert "only by its approved purge" in delete_customer()  # an active customer
    run(
        logins["admin"],
        "UPDATE customer SET status = 'terminated', terminated_on = current_date - 100, "
        "hard_delete_due = current_date - 10 WHERE id = :c",
        c=customer,
    )
    assert "only by its approved purge" in delete_customer()  # due, but nobody approved
    run(
        logins["admin"],
        "INSERT INTO purge_approval (reference, customer_id, started_by) VALUES ('PU-9', :c, 'x')",
        c=customer,
    )
    assert "only by its approved purge" in delete_customer()  # started, not approved
    run(logins["lead"], "UPDATE purge_approval SET status = 'approved' WHERE reference = 'PU-9'")
    params = event_params("erasure_performed", str(uuid.uuid4()), {"reference": "PU-9"})
    with logins["admin"].begin() as conn:
        conn.execute(text("SELECT public.erasure_begin()"))
        conn.execute(
            text("SELECT public.erasure_delete('customer', ARRAY[:c]::bigint[])"), {"c": customer}
        )
        seq = conn.execute(text(EVENT_SQL), params).scalar_one()
        conn.execute(text(PAYLOAD_SQL), params | {"seq": seq})
    assert run(logins.root, "SELECT count(*) FROM customer WHERE id = :c", c=customer) == [(0,)]


def test_admins_wipe_without_the_owner(logins) -> None:  # type: ignore[no-untyped-def]
    """The rewrite that makes erased bytes leave the files ran only as the table owner
    (``erasure compact``); erasure_rewrite lets the admin's own erasure do it."""
    before = run(logins.root, "SELECT pg_relation_filenode('contact')")
    assert run(logins["admin"], "SELECT public.erasure_rewrite('contact')") == [(True,)]
    assert run(logins.root, "SELECT pg_relation_filenode('contact')") != before
    message = refused(logins["admin"], "SELECT public.erasure_rewrite('log_event')")
    assert "not rewritten this way" in message


def test_sqlite_records_changes_and_an_erasure_leaves_none(sqlite_url: str) -> None:
    """SQLite has no logins: the same records are made (integrity and detection), and an
    erasure's deletes leave no change event holding the erased values."""
    from bowebb_console.store.db.engine import make_engine
    from bowebb_console.store.db.setup import init_database
    from bowebb_console.store.erasure import deletes

    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    _customer, contact = add_customer(engine)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE contact SET phone = '+46709991234' WHERE id = :i"), {"i": contact}
        )
    with engine.begin() as conn:
        deletes.delete_rows(conn, "contact", [contact])
    assert verify_log(Database(engine)).ok
    with engine.connect() as conn:
        payloads = conn.execute(
            text(
                "SELECT e.kind, p.payload FROM log_event e JOIN log_payload p ON p.seq = e.seq "
                "ORDER BY e.seq"
            )
        ).all()
        assert conn.execute(text("SELECT count(*) FROM erasure_xact")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM pending_change")).scalar() == 0
    kinds = [k for k, _ in payloads]
    assert kinds == ["customer_changed", "contact_changed", "contact_changed"]
    assert json.loads(payloads[-1][1])["rows"][0]["after"] == {"phone": "+46709991234"}
    assert not any('"op":"delete"' in p for _, p in payloads)
    engine.dispose()


def test_a_failed_statement_records_nothing(logins) -> None:  # type: ignore[no-untyped-def]
    customer, _ = add_customer(logins.root)
    before = len(changes(logins, "customer_changed"))
    with pytest.raises(DBAPIError), logins["agent"].begin() as conn:
        conn.execute(text("UPDATE customer SET name = 'Ny AB' WHERE id = :c"), {"c": customer})
        conn.execute(text("UPDATE customer SET org_number = 'x' WHERE id = :c"), {"c": customer})
    assert len(changes(logins, "customer_changed")) == before
