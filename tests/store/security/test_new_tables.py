"""Audit of migrations 0012-0019 as an attacker with a real login and plain SQL (issue 13's
rules for the new tables and functions): the lifecycle setting, the breach register, the
privacy desk (restriction, objection, access requests), customer_sessions() and the record of
processing. Holes found here are closed by migration 0020 (and the payload policy in
store.db.setup)."""

from __future__ import annotations

import datetime as dt
import time
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bowebb_console.store.log.chain import LogWriteError
from tests.store.log_helpers import add_customer, consent
from tests.store.security.conftest import (
    EVENT_SQL,
    PAYLOAD_SQL,
    event_params,
    logged,
    raw_event,
    raw_event_refused,
    refused,
    run,
)

pytestmark = pytest.mark.postgres

PLANTED = "planted"


def _consent_payload(customer: int, contact: object) -> dict[str, object]:
    return {
        "customer_id": customer,
        "contact_id": contact,
        "session_kind": "remote_control",
        "outcome": "agreed",
        "channel": "phone",
        "agreed_at": dt.datetime.now(dt.UTC).isoformat(),
        "reference": "T-1",
        "scope": "control",
        "purpose": "Printer",
    }


def _restrict(logins, contact: int) -> None:  # type: ignore[no-untyped-def]
    """What the admin's button does: the column and its privacy event, one transaction."""
    from bowebb_console.store.privacy import restriction

    with logins["admin"].begin() as conn:
        assert restriction.set_restricted(conn, contact, True, "Disputes accuracy (REF-1)")


# --- The log's role rules for the privacy_* kinds (migration 0016 accepted any login) ---


@pytest.mark.parametrize(
    ("who", "kind"),
    [
        ("agent", "privacy_restriction_lifted"),
        ("agent", "privacy_restricted"),
        ("agent", "privacy_rectified"),
        ("agent", "privacy_access_answered"),
        ("lead", "privacy_restriction_lifted"),
        ("lead", "privacy_restricted"),
        ("lead", "privacy_rectified"),
        ("admin", "privacy_made_up"),
    ],
)
def test_nobody_forges_a_privacy_event_beyond_their_role(logins, who: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(logins.root)
    payload = {"contact_id": contact, "customer_id": customer, "reason": "forged"}
    if kind == "privacy_access_answered":
        payload = {"reference": "R-1", "sha256": "0" * 64}
    message = raw_event_refused(logins[who], kind, str(uuid.uuid4()), payload)
    assert "may log" in message or "unknown" in message


def test_objections_stay_everyones(logins) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(logins.root)
    payload = {"contact_id": contact, "customer_id": customer}
    assert raw_event(logins["agent"], "privacy_objection_recorded", str(uuid.uuid4()), payload)
    assert raw_event(logins["lead"], "privacy_access_answered", str(uuid.uuid4()), {"r": "R"})


# --- A restricted contact is not read by agents through any path ---


def test_an_agent_reads_no_restricted_contact_in_the_log(logins) -> None:  # type: ignore[no-untyped-def]
    _customer, contact = add_customer(logins.root)
    run(
        logins["agent"],
        f"UPDATE contact SET email = '{PLANTED}@example.se', version = version + 1 WHERE id = :i",
        i=contact,
    )
    seen = f"SELECT count(*) FROM log_payload WHERE payload LIKE '%{PLANTED}%'"
    assert run(logins["agent"], seen)[0][0] >= 1  # before: an ordinary contact
    _restrict(logins, contact)
    assert run(logins["agent"], "SELECT count(*) FROM contact WHERE id = :i", i=contact)[0][0] == 0
    # Neither the change record's before/after values nor the restriction's reason.
    assert run(logins["agent"], seen)[0][0] == 0
    assert (
        run(logins["agent"], "SELECT count(*) FROM log_payload WHERE payload LIKE '%REF-1%'")[0][0]
        == 0
    )
    # Leads and admins still read all of it; the chain verifies for them.
    assert run(logins["lead"], seen)[0][0] >= 1
    # Lifting the restriction gives the agent the history back.
    from bowebb_console.store.privacy import restriction

    with logins["admin"].begin() as conn:
        assert restriction.set_restricted(conn, contact, False, "Verified (REF-2)")
    assert run(logins["agent"], seen)[0][0] >= 1


def test_the_payload_helper_is_no_oracle_beyond_the_policy(logins) -> None:  # type: ignore[no-untyped-def]
    """The policy's SECURITY DEFINER helper answers for one payload by seq only: what the
    agent can tell anyway (the row is missing)."""
    _customer, contact = add_customer(logins.root)
    _restrict(logins, contact)
    for hostile in ("NULL", "-1", "9223372036854775807"):
        [(hidden,)] = run(logins["agent"], f"SELECT public.payload_names_restricted({hostile})")
        assert hidden is False


@pytest.mark.parametrize("form", ["float", "string", "padded"])
def test_a_restricted_contacts_consent_is_refused_in_every_number_form(logins, form: str) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(logins.root)
    _restrict(logins, contact)
    who: object = {"float": float(contact), "string": str(contact), "padded": f"0{contact}"}[form]
    message = raw_event_refused(
        logins["agent"], "consent_recorded", str(uuid.uuid4()), _consent_payload(customer, who)
    )
    assert "restricted" in message or "contact" in message


def test_customer_sessions_with_hostile_arguments(logins) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(logins.root)
    su = consent(logins["agent"], customer, contact).session_uuid
    agent = logins["agent2"]
    for args in ("NULL, NULL", ":c, -5", ":c, NULL", ":c, 2147483647", "-1, 10"):
        rows = run(agent, f"SELECT * FROM public.customer_sessions({args})", c=customer)
        assert len(rows) <= 1
    assert run(agent, "SELECT session_uuid FROM public.customer_sessions(:c, 5)", c=customer) == [
        (su,)
    ]
    # Its search_path is fixed: a temporary log_event does not stand in for the real one.
    with agent.connect() as conn:
        conn.execute(text("CREATE TEMP TABLE log_event (LIKE public.log_event)"))
        conn.execute(text("CREATE TEMP TABLE log_payload (LIKE public.log_payload)"))
        got = conn.execute(
            text("SELECT session_uuid FROM public.customer_sessions(:c, 5)"), {"c": customer}
        ).all()
        assert [tuple(r) for r in got] == [(su,)]
    # Trigger functions of the new migrations are not callable.
    assert "permission denied" in refused(agent, "SELECT public.privacy_consent_guard()")


# --- Admin-only settings and tables: writes, deletes, truncates, locks ---


@pytest.mark.parametrize("who", ["agent", "lead"])
def test_only_admins_write_the_new_settings_and_records(logins, who: str) -> None:  # type: ignore[no-untyped-def]
    _customer, contact = add_customer(logins.root)
    engine = logins[who]
    for statement in (
        "UPDATE lifecycle_setting SET erasure_journal_dir = '/tmp/mine'",
        "UPDATE lifecycle_setting SET grace_period_days = 30",
        "INSERT INTO lifecycle_setting (id) VALUES (2)",
        "DELETE FROM lifecycle_setting",
        "TRUNCATE lifecycle_setting",
        "UPDATE processing SET purpose = 'anything'",
        "DELETE FROM processing",
        "INSERT INTO processing (name) VALUES ('mine')",
        "TRUNCATE processing",
        f"UPDATE contact SET restricted = false WHERE id = {contact}",
        "DELETE FROM breach",
        "TRUNCATE breach",
        "DELETE FROM erasure_request",
    ):
        message = refused(engine, statement)
        assert "permission denied" in message or "only" in message, statement


@pytest.mark.parametrize("who", ["agent", "lead"])
@pytest.mark.parametrize("table", ["lifecycle_setting", "processing", "breach", "contact"])
def test_no_login_but_the_keepers_locks_a_new_table_exclusively(
    logins, who: str, table: str
) -> None:  # type: ignore[no-untyped-def]
    """ACCESS EXCLUSIVE on a table every screen reads would stall every workstation."""
    message = refused(logins[who], f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
    assert "permission denied" in message


def test_admins_change_the_record_only_with_its_chained_event(logins) -> None:  # type: ignore[no-untyped-def]
    count = "SELECT count(*) FROM log_event WHERE kind = 'processing_changed'"
    before = run(logins["lead"], count)[0][0]
    run(logins["admin"], "DELETE FROM processing WHERE name = 'Testkonton'")
    run(logins["admin"], "UPDATE processing SET transfers = 'USA' WHERE position = 10")
    assert run(logins["lead"], count)[0][0] == before + 2
    assert "permission denied" in refused(logins["admin"], "TRUNCATE processing")
    message = raw_event_refused(
        logins["admin"], "processing_changed", str(uuid.uuid4()), {"table": "processing"}
    )
    assert "recorded by the database" in message


def test_breach_personal_columns_leave_no_values_in_pg_stats(logins) -> None:  # type: ignore[no-untyped-def]
    for i in range(60):
        logged(
            logins["lead"],
            "breach_recorded",
            "breach_id",
            "INSERT INTO breach (discovered_at, description, categories, customers_affected, "
            "measures, notified_customers, notified_how, imy_reason, recorded_by, recorded_at) "
            "VALUES (now(), :d, :d, :d, :d, :d, :d, :d, '', now()) RETURNING id",
            d=f"{PLANTED} person {i % 2}",
        )
    run(logins.root, "ANALYZE breach")
    rows = run(
        logins["lead"],
        "SELECT attname, concat(most_common_vals::text, histogram_bounds::text) FROM pg_stats "
        "WHERE schemaname = 'public' AND tablename = 'breach'",
    )
    assert rows  # ANALYZE ran and the lead reads the table's statistics
    assert [c for c, values in rows if PLANTED in values.lower()] == []


# --- Plain UPDATEs that skip the chained event (the store always logs one) ---

BREACH = (
    "INSERT INTO breach (discovered_at, description, recorded_by, recorded_at) "
    "VALUES (now(), 'Laptop stolen', '', now()) RETURNING id"
)


def test_no_breach_is_recorded_changed_or_closed_without_its_event(logins) -> None:  # type: ignore[no-untyped-def]
    assert "chained event" in refused(logins["lead"], BREACH)
    [(bid,)] = logged(logins["lead"], "breach_recorded", "breach_id", BREACH)
    change = "UPDATE breach SET description = 'Nothing happened' WHERE id = :i"
    assert "chained event" in refused(logins["lead"], change, i=bid)
    assert "chained event" in refused(logins["admin"], change, i=bid)
    # An event about another breach does not cover this one.
    [(other,)] = logged(logins["lead"], "breach_recorded", "breach_id", BREACH)
    with pytest.raises(Exception, match="chained event"):
        logged(logins["lead"], "breach_changed", "breach_id", change + f" OR id = {other}", i=bid)
    # Closing needs the closing event, not a mere change.
    close = "UPDATE breach SET status = 'closed' WHERE id = :i"
    with pytest.raises(Exception, match="chained event"):
        logged(logins["admin"], "breach_changed", "breach_id", close, i=bid)
    logged(logins["admin"], "breach_closed", "breach_id", close, i=bid)
    logged(logins["lead"], "breach_changed", "breach_id", change, i=other)
    [(text_now,)] = run(logins["lead"], "SELECT description FROM breach WHERE id = :i", i=other)
    assert text_now == "Nothing happened"


def test_no_restriction_or_objection_changes_without_its_event(logins) -> None:  # type: ignore[no-untyped-def]
    _customer, contact = add_customer(logins.root)
    _restrict(logins, contact)
    lift = "UPDATE contact SET restricted = false WHERE id = :i"
    assert "chained event" in refused(logins["admin"], lift, i=contact)
    # The wrong event (an objection) does not lift a restriction either.
    with pytest.raises(Exception, match="chained event"):
        logged(logins["admin"], "privacy_objection_recorded", "contact_id", lift, i=contact)
    logged(logins["admin"], "privacy_restriction_lifted", "contact_id", lift, i=contact)
    object_ = "UPDATE contact SET news_objection = true WHERE id = :i"
    assert "chained event" in refused(logins["agent"], object_, i=contact)
    logged(logins["agent"], "privacy_objection_recorded", "contact_id", object_, i=contact)
    assert run(
        logins["lead"], "SELECT restricted, news_objection FROM contact WHERE id = :i", i=contact
    ) == [(False, True)]
    # Other edits of the contact are not held up (their change record is the event).
    run(logins["agent"], "UPDATE contact SET title = 'CFO' WHERE id = :i", i=contact)


# --- Temporary shadows of what the new functions read ---


def test_shadows_do_not_pass_the_new_functions(logins) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(logins.root)
    _restrict(logins, contact)
    params = event_params(
        "consent_recorded", str(uuid.uuid4()), _consent_payload(customer, contact)
    )
    with logins["agent"].connect() as conn:
        for table in ("contact", "log_event", "log_payload", "lifecycle_setting"):
            conn.execute(text(f"CREATE TEMP TABLE {table} (LIKE public.{table})"))
        conn.execute(text("INSERT INTO pg_temp.lifecycle_setting VALUES (1, 30, 7, 365, '')"))
        conn.commit()
        # privacy_consent_guard reads the real contact, not an unrestricted stand-in.
        with pytest.raises(DBAPIError, match="restricted"), conn.begin():
            seq = conn.execute(text(EVENT_SQL), params).scalar_one()
            conn.execute(text(PAYLOAD_SQL), params | {"seq": seq})
        # payload_names_restricted reads the real payloads and contacts.
        # (A stand-in row as the real table has them: customer_id since migration 0025.)
        conn.execute(text("INSERT INTO pg_temp.log_payload SELECT 1, 'x', '{}', 0"))
        hidden = conn.execute(
            text("SELECT count(*) FROM public.log_payload WHERE payload LIKE '%Disputes%'")
        ).scalar()
        assert hidden == 0
        conn.rollback()
    # customer_lifecycle reads the real setting (grace 90), not a lead's stand-in of 30 days.
    with logins["lead"].connect() as conn:
        conn.execute(text("CREATE TEMP TABLE lifecycle_setting (LIKE public.lifecycle_setting)"))
        conn.execute(text("INSERT INTO pg_temp.lifecycle_setting VALUES (1, 30, 7, 365, '')"))
        conn.execute(
            text(
                "UPDATE customer SET status = 'terminated', terminated_on = '2026-01-01', "
                "version = version + 1 WHERE id = :c"
            ),
            {"c": customer},
        )
        conn.commit()
    [(due,)] = run(logins.root, "SELECT hard_delete_due FROM customer WHERE id = :c", c=customer)
    assert due == dt.date(2026, 4, 1)


# --- Timeouts a client sets for itself; locks on the log ---


def test_a_client_holding_the_chain_head_stalls_nobody_for_good(logins) -> None:  # type: ignore[no-untyped-def]
    """A login can lift its own timeouts (PostgreSQL lets every session SET them) and sit on
    the chain head: honest clients' writes give up after their lock_timeout and say so
    (db.locked), they never hang; nobody locks the log's tables exclusively."""
    for statement in (
        "LOCK TABLE log_chain_head IN EXCLUSIVE MODE",
        "LOCK TABLE log_event IN ACCESS EXCLUSIVE MODE",
        "LOCK TABLE log_payload IN SHARE MODE",
        "LOCK TABLE lifecycle_setting IN SHARE ROW EXCLUSIVE MODE",
    ):
        assert "permission denied" in refused(logins["agent"], statement), statement
    customer, contact = add_customer(logins.root)
    with logins["agent2"].connect() as squatter:
        for setting in (
            "idle_in_transaction_session_timeout",
            "lock_timeout",
            "statement_timeout",
        ):
            squatter.execute(text(f"SET {setting} = 0"))
        params = event_params("note_added", str(uuid.uuid4()), {"note": "x"})
        squatter.execute(text(EVENT_SQL), params)  # refused later or not: it holds the head
        started = time.monotonic()
        with pytest.raises(LogWriteError) as info:
            consent(logins["agent"], customer, contact)
        assert time.monotonic() - started < 20
        # The honest client names who sits on it (the server's session_user, not a claim).
        assert f"locked by the login {logins.names['agent2']}" in str(info.value)
        squatter.rollback()
    assert consent(logins["agent"], customer, contact).session_uuid
