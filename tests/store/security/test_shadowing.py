"""Issue 13, item 9: no trigger or guard function can be fooled by a temporary table.

PostgreSQL searches ``pg_temp`` first unless a function fixes its ``search_path``; a login
with TEMPORARY on the database (every BoWebb group has it) could then stand in its own
``pg_roles``, ``app_meta``, ``log_event``, ... for the real ones. Every trigger function now
runs with ``search_path = pg_catalog, public, pg_temp`` and names its tables with their
schema. One test reads the catalog of a migrated database; the others shadow every table and
view the functions read, as the attacking login, and attack through them."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from bowebb_console.domain import hashchain
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.sessions import events as sessions
from tests.store.log_helpers import add_customer, consent
from tests.store.security.conftest import (
    EVENT_SQL,
    PAYLOAD_SQL,
    erase_by_hand,
    event_params,
    run,
)

FIXED = {
    "search_path=pg_catalog, public, pg_temp",
    "search_path=pg_catalog, pg_temp",
}
# Each trigger function and the tables/views it reads (the shadows below cover all of them).
READS = {
    "log_event_fill": {
        "app_meta",
        "pg_roles",
        "log_event",
        "log_payload",
        "log_chain_head",
        "erasure_xact",
    },
    "log_payload_check": {"log_event", "log_payload", "customer", "sub_processor"},
    "log_event_payload_due": {"log_payload"},
    "log_refuse_change": set(),
    "session_summary_apply": {"log_event", "session_summary"},
    "session_summary_erased": {"log_event", "session_summary"},
    "host_key_guard": {"app_meta", "pg_roles"},
    "purge_approval_guard": {"app_meta"},
    "erasure_request_guard": {"app_meta", "erasure_certificate", "log_event", "log_payload"},
    "notice_export_actor": set(),
    "dpa_checklist_item_actor": set(),
    "sub_processor_evidence_actor": set(),
    # Migration 0009.
    "record_change": {"erasure_xact", "log_event", "log_payload"},
    "customer_guard": {"app_meta", "pg_roles"},
    "erasure_logged": {"erasure_xact"},
    # Migration 0013: the hard-delete date from the lifecycle setting.
    "customer_lifecycle": {"lifecycle_setting"},
    # Migration 0014 (through bowebb_role).
    "breach_guard": {"app_meta", "pg_roles"},
    # Migration 0016.
    "privacy_consent_guard": {"log_event", "contact"},
    # Migration 0020: a breach or privacy change commits only with its chained event.
    "breach_logged": {"log_event", "log_payload"},
    "contact_privacy_logged": {"log_event", "log_payload"},
    # Migration 0025: mark the partitions the wipe must rewrite.
    "session_summary_wipe_mark": {"erasure_wipe_due"},
    "log_payload_wipe_mark": {"erasure_wipe_due"},
    # One payload per seq (the primary key includes the partition key).
    "log_payload_one": {"log_payload"},
}
# A trigger's transition tables cannot be schema-qualified, and need not be: the parser
# looks them up before any table, temporary ones included.
TRANSITION_TABLES = ("new_rows", "old_rows")
UNQUALIFIED = re.compile(
    r"\b(?<!DISTINCT )(?:FROM|JOIN|UPDATE|INSERT\s+INTO)\s+"  # not IS DISTINCT FROM
    r"(?!public\.|pg_catalog\.|SET\b|new_rows\b|old_rows\b)([a-z_]+)\b",  # not ON CONFLICT DO
    # UPDATE SET, nor a transition table
    re.I,
)


def test_every_trigger_function_has_a_fixed_search_path_and_qualified_names(logins) -> None:  # type: ignore[no-untyped-def]
    with logins.root.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT DISTINCT p.proname, p.proconfig, p.prosrc FROM pg_trigger t "
                "JOIN pg_proc p ON p.oid = t.tgfoid WHERE NOT t.tgisinternal"
            )
        ).all()
    assert {r.proname for r in rows} == set(READS)
    for name, config, source in rows:
        assert config and set(config) <= FIXED, name
        assert UNQUALIFIED.findall(source) == [], name


def test_every_function_of_ours_has_a_fixed_search_path_and_qualified_names(logins) -> None:  # type: ignore[no-untyped-def]
    """Not only triggers: the erasure functions run as the tables' owner and are called by
    admins, bowebb_role by every login (migration 0009). Extensions' functions (pgcrypto)
    are not ours."""
    with logins.root.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT p.proname, p.proconfig, p.prosrc FROM pg_proc p "
                "WHERE p.pronamespace = 'public'::regnamespace AND NOT EXISTS ("
                "SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')"
            )
        ).all()
    names = {r.proname for r in rows}
    assert {"erasure_begin", "erasure_delete", "erasure_rewrite", "bowebb_role"} <= names
    for name, config, source in rows:
        assert config and set(config) <= FIXED, name
        assert UNQUALIFIED.findall(source) == [], name


def _shadow(conn: Connection, prefix: str, tables: set[str]) -> None:
    """Temporary stand-ins that would let the attack through if a function read them."""
    for table in sorted(tables - {"pg_roles", "app_meta", "erasure_xact", "erasure_wipe_due"}):
        conn.execute(text(f"CREATE TEMP TABLE {table} (LIKE public.{table})"))
    if "erasure_xact" in tables:  # no login reads the real one, so LIKE is not possible
        conn.execute(text("CREATE TEMP TABLE erasure_xact (xact bigint, logged boolean)"))
    if "erasure_wipe_due" in tables:  # the same (migration 0025)
        conn.execute(text("CREATE TEMP TABLE erasure_wipe_due (relname text PRIMARY KEY)"))
    conn.execute(text("CREATE TEMP TABLE pg_roles AS SELECT * FROM pg_catalog.pg_roles"))
    conn.execute(text("UPDATE pg_temp.pg_roles SET rolsuper = true"))
    conn.execute(text("CREATE TEMP TABLE app_meta (key text, value text)"))
    conn.execute(
        text(
            "INSERT INTO pg_temp.app_meta VALUES ('role_prefix', :p), "
            "('sftp_pin_requires_approval', 'false')"
        ),
        {"p": prefix},
    )
    conn.commit()


@pytest.fixture
def attacker(logins, pg_db) -> Iterator[Connection]:  # type: ignore[no-untyped-def]
    """agent2's connection with every table any trigger function reads shadowed."""
    readable = set().union(*READS.values())
    with logins["agent2"].connect() as conn:
        _shadow(conn, pg_db.role_prefix, readable)
        yield conn


def _refused(conn: Connection, *statements: str, **params: object) -> str:
    with pytest.raises(DBAPIError) as info, conn.begin():
        for statement in statements:
            conn.execute(text(statement), params)
    return str(info.value.orig)


def test_shadows_do_not_pass_the_log_rules(logins, attacker: Connection) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(logins.root)
    su = consent(logins["agent"], customer, contact).session_uuid
    sessions.start_session(logins["agent"], su, tool="AnyDesk")
    note = sessions.add_note(logins["agent"], su, "Private note")
    [(salt, kept)] = run(
        logins["agent"], "SELECT salt, payload FROM log_payload WHERE seq = :s", s=note.seq
    )
    erase_by_hand(logins["admin"], "log_payload", [note.seq])
    # Another agent's session looks empty through the shadow log_event.
    params = event_params("note_added", su, {"note": "mine now"})
    assert "belongs to" in _refused(attacker, EVENT_SQL, **params)
    # Role rules: the shadow pg_roles says superuser.
    review = event_params("review_added", su, {"action": "reviewed", "comment": ""})
    assert "only team leads" in _refused(attacker, EVENT_SQL, **review)
    # The erased payload, with a shadow event of this transaction that matches it.
    commitment = hashchain.payload_commitment(salt, kept.encode())
    message = _refused(
        attacker,
        "INSERT INTO pg_temp.log_event VALUES (:seq, :eu, :su, 'note_added', session_user, "
        "'2026-12-06T10:00:00.000000Z', :c, :z, :z)",
        PAYLOAD_SQL,
        seq=note.seq,
        eu=str(uuid.uuid4()),
        su=su,
        c=commitment,
        z="0" * 64,
        salt=salt,
        payload=kept,
    )
    assert "only together with its event" in message
    assert verify_log(logins["lead"]).ok


def test_shadows_do_not_hide_a_change_or_open_an_erasure(logins, attacker: Connection) -> None:  # type: ignore[no-untyped-def]
    """A temporary erasure_xact naming the attacker's own transaction would hide their edit
    from the log, and let them delete; a shadow pg_roles says superuser."""
    customer, _contact = add_customer(logins.root)
    with attacker.begin():
        attacker.execute(
            text("INSERT INTO pg_temp.erasure_xact VALUES (pg_current_xact_id()::text::bigint)")
        )
        attacker.execute(
            text("UPDATE public.customer SET name = 'Hijacked AB' WHERE id = :c"), {"c": customer}
        )
    [(payload,)] = run(
        logins.root,
        "SELECT p.payload FROM log_event e JOIN log_payload p ON p.seq = e.seq "
        "WHERE e.kind = 'customer_changed' AND e.actor = :a",
        a=logins.names["agent2"],
    )
    assert "Hijacked AB" in payload
    message = _refused(
        attacker,
        "INSERT INTO pg_temp.erasure_xact VALUES (pg_current_xact_id()::text::bigint)",
        "SELECT public.erasure_delete('customer', ARRAY[:c]::bigint[])",
        c=customer,
    )
    assert "permission denied for function erasure_delete" in message


def test_shadows_do_not_approve_a_host_key(logins, attacker: Connection) -> None:  # type: ignore[no-untyped-def]
    run(logins.root, "INSERT INTO app_meta VALUES ('sftp_pin_requires_approval', 'true')")
    with attacker.begin():
        attacker.execute(
            text(
                "INSERT INTO public.host_key (host, port, key_type, fingerprint_sha256, "
                "public_key) VALUES ('sftp.example.se', 22, 'ssh-ed25519', 'SHA256:abc', 'AAAA')"
            )
        )
    [(approved_by, pinned_by)] = run(
        logins.root, "SELECT approved_by, pinned_by FROM host_key WHERE host = 'sftp.example.se'"
    )
    assert approved_by is None and pinned_by == logins.names["agent2"]


def test_shadows_do_not_close_an_erasure_request(logins, attacker: Connection) -> None:  # type: ignore[no-untyped-def]
    done = (
        "INSERT INTO public.erasure_request (reference, received_on, channel, due_on, status, "
        "outcome, closed_on, version) VALUES ('ER-SHADOW', current_date, 'email', "
        "current_date + 30, 'done', 'erased', current_date, 1)"
    )
    assert "recorded open" in _refused(attacker, done)


def test_admin_elsewhere_is_not_admin_here(logins, pg_db) -> None:  # type: ignore[no-untyped-def]
    """A lead who is admin in another BoWebb database on the same cluster names that
    database's prefix in a shadow app_meta: the purge and the erasure guards read the real one."""
    other = f"{pg_db.role_prefix}o"
    lead = logins.names["lead"]
    run(
        logins.root,
        f'CREATE ROLE "{other}_admin" NOLOGIN',
        f'CREATE ROLE "{other}_lead" NOLOGIN',
        f'GRANT "{other}_admin" TO "{lead}"',
    )
    try:
        run(
            logins["admin"],
            "INSERT INTO purge_approval (reference, customer_id, started_by) "
            "VALUES ('PU-1', 1, 'x')",
        )
        run(
            logins["admin"],
            "INSERT INTO erasure_request (reference, received_on, channel, due_on, version) "
            "VALUES ('ER-1', current_date, 'email', current_date + 30, 1)",
        )
        with logins["lead"].connect() as conn:
            _shadow(conn, other, {"erasure_certificate"})
            with conn.begin():  # a lead may approve: that is the four eyes
                conn.execute(text("UPDATE public.purge_approval SET status = 'approved'"))
            message = _refused(conn, "UPDATE public.purge_approval SET status = 'done'")
            assert "only an admin may run a purge" in message
            message = _refused(
                conn,
                "INSERT INTO pg_temp.erasure_certificate (id, reference, issued_on, kind, "
                "categories, legal_basis, kept, performed_by_role, pdf) VALUES (1, 'ER-1', "
                "current_date, 'person', '[]', '', '', 'admin', '')",
                "UPDATE public.erasure_request SET status = 'done', outcome = 'erased', "
                "closed_on = current_date",
            )
            assert "only by its erasure" in message
    finally:
        run(logins.root, f'DROP OWNED BY "{other}_admin"', f'DROP ROLE "{other}_admin"')
        run(logins.root, f'DROP ROLE "{other}_lead"')


def test_downgrade_restores_0006_and_upgrade_returns(logins) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    from bowebb_console.store.db import schema

    state = (
        "SELECT (SELECT proconfig FROM pg_proc WHERE proname = 'host_key_guard'), "
        "(SELECT count(*) FROM pg_proc WHERE proname = 'erasure_request_guard'), "
        "(SELECT count(*) FROM pg_constraint WHERE conname LIKE 'ck_log_event_%_format'), "
        "(SELECT attstattarget FROM pg_attribute WHERE attrelid = 'contact'::regclass "
        " AND attname = 'email'), "
        "(SELECT position('belongs to' in prosrc) > 0 FROM pg_proc "
        " WHERE proname = 'log_event_fill')"
    )
    assert tuple(run(logins.root, state)[0])[1:] == (1, 6, 0, True)
    with logins.root.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0006")
    assert tuple(run(logins.root, state)[0]) == (None, 0, 0, -1, False)
    schema.upgrade(logins.root)
    assert tuple(run(logins.root, state)[0])[1:] == (1, 6, 0, True)
