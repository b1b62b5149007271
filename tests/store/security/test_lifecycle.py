"""The lifecycle setting and the derived hard-delete date as real PostgreSQL logins (issue
14): only admins change the setting; a lead's termination is dated by the database, and no
login moves the date by writing it."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from bowebb_console.store.log.verify import verify_log
from tests.store.log_helpers import add_customer, lifecycle_events
from tests.store.security.conftest import (
    EVENT_SQL,
    PAYLOAD_SQL,
    event_params,
    raw_event_refused,
    refused,
    run,
)


@pytest.mark.parametrize("who", ["agent", "lead"])
def test_only_admins_change_the_lifecycle_setting(logins, who: str) -> None:  # type: ignore[no-untyped-def]
    for statement in (
        "UPDATE lifecycle_setting SET grace_period_days = 30",
        "UPDATE lifecycle_setting SET log_retention_days = 365",
        "INSERT INTO lifecycle_setting (id) VALUES (2)",
        "DELETE FROM lifecycle_setting",
    ):
        assert "permission denied" in refused(logins[who], statement)
    [(grace, trial, days)] = run(
        logins[who],
        "SELECT grace_period_days, trial_period_days, log_retention_days FROM lifecycle_setting",
    )
    assert (grace, trial, days) == (90, 30, 1095)  # everyone reads it


def test_an_admin_changes_it_within_its_bounds(logins) -> None:  # type: ignore[no-untyped-def]
    assert "violates check constraint" in refused(
        logins["admin"], "UPDATE lifecycle_setting SET grace_period_days = 0"
    )
    assert "permission denied" in refused(logins["admin"], "DELETE FROM lifecycle_setting")
    run(logins["admin"], "UPDATE lifecycle_setting SET grace_period_days = 45")
    [(grace,)] = run(logins["agent"], "SELECT grace_period_days FROM lifecycle_setting")
    assert grace == 45


def test_a_leads_termination_is_dated_and_nobody_moves_the_date(logins) -> None:  # type: ignore[no-untyped-def]
    customer, _ = add_customer(logins.root)
    run(
        logins["lead"],
        "UPDATE customer SET status = 'terminated', terminated_on = current_date - 100 "
        "WHERE id = :c",
        c=customer,
    )
    due_sql = (
        "SELECT hard_delete_due - terminated_on, grace_period_days FROM customer WHERE id = :c"
    )
    assert run(logins["lead"], due_sql, c=customer) == [(90, 90)]
    # An admin writing the date directly: the database's derivation stays; the grace used
    # is not even writable.
    run(
        logins["admin"],
        "UPDATE customer SET hard_delete_due = current_date + 1000 WHERE id = :c",
        c=customer,
    )
    assert "permission denied" in refused(
        logins["admin"], "UPDATE customer SET grace_period_days = 5 WHERE id = :c", c=customer
    )
    assert run(logins["lead"], due_sql, c=customer) == [(90, 90)]
    # Reactivated by a lead: the date goes.
    run(logins["lead"], "UPDATE customer SET status = 'active' WHERE id = :c", c=customer)
    assert run(
        logins["lead"],
        "SELECT terminated_on, hard_delete_due, grace_period_days FROM customer WHERE id = :c",
        c=customer,
    ) == [(None, None, None)]


# --- Migration 0024: every change of the setting is a chained event -----------------------


def test_an_admins_plain_update_is_a_chained_event_naming_them(logins) -> None:  # type: ignore[no-untyped-def]
    admin = logins["admin"]
    run(admin, "UPDATE lifecycle_setting SET grace_period_days = 45")
    run(admin, "UPDATE lifecycle_setting SET grace_period_days = 45")  # no change: no event
    run(admin, "UPDATE lifecycle_setting SET erasure_journal_dir = '/srv/bowebb/journal'")
    run(
        admin,
        "UPDATE lifecycle_setting SET trial_period_days = 14, log_retention_days = 400",
    )
    # An auditor (a lead) reads who changed what, from what to what.
    assert lifecycle_events(logins["lead"]) == [
        (
            logins.names["admin"],
            {"before": {"grace_period_days": 90}, "after": {"grace_period_days": 45}},
        ),
        (
            logins.names["admin"],
            {
                "before": {"erasure_journal_dir": ""},
                "after": {"erasure_journal_dir": "/srv/bowebb/journal"},
            },
        ),
        (
            logins.names["admin"],
            {
                "before": {"log_retention_days": 1095, "trial_period_days": 30},
                "after": {"log_retention_days": 400, "trial_period_days": 14},
            },
        ),
    ]
    assert verify_log(admin).ok


@pytest.mark.parametrize("who", ["agent", "lead", "admin"])
def test_nobody_writes_or_skips_the_event_by_hand(logins, who: str) -> None:  # type: ignore[no-untyped-def]
    engine = logins[who]
    payload = {
        "table": "lifecycle_setting",
        "op": "update",
        "rows": [
            {
                "id": 1,
                "customer_id": None,
                "before": {"grace_period_days": 90},
                "after": {"grace_period_days": 3650},
            }
        ],
    }
    message = raw_event_refused(engine, "lifecycle_changed", str(uuid.uuid4()), payload)
    assert "recorded by the database itself" in message
    # Nor does any login switch the recording off.
    for statement in (
        "ALTER TABLE lifecycle_setting DISABLE TRIGGER lifecycle_setting_update_recorded",
        "ALTER TABLE lifecycle_setting DISABLE TRIGGER ALL",
        "DROP TRIGGER lifecycle_setting_update_recorded ON lifecycle_setting",
        "SET LOCAL session_replication_role = replica",
    ):
        message = refused(engine, statement)
        assert "must be owner" in message or "permission denied" in message, statement
    assert lifecycle_events(logins.root) == []


def test_an_erasure_does_not_hide_a_setting_change(logins) -> None:  # type: ignore[no-untyped-def]
    """record_change skips an erasure's statements (their values must not survive); the
    setting is no erased data, so its change inside an erasure is still recorded."""
    customer, contact = add_customer(logins.root)
    params = event_params("erasure_performed", str(uuid.uuid4()), {"reference": "E-TEST"})
    with logins["admin"].begin() as conn:
        conn.execute(text("SELECT public.erasure_begin()"))
        conn.execute(
            text("SELECT public.erasure_delete('contact', CAST(:ids AS bigint[]))"),
            {"ids": [contact]},
        )
        conn.execute(text("UPDATE lifecycle_setting SET grace_period_days = 31"))
        seq = conn.execute(text(EVENT_SQL), params).scalar_one()
        conn.execute(text(PAYLOAD_SQL), params | {"seq": seq})
    assert lifecycle_events(logins.root) == [
        (
            logins.names["admin"],
            {"before": {"grace_period_days": 90}, "after": {"grace_period_days": 31}},
        ),
    ]
    # The erased contact itself left no change record with its values.
    assert run(
        logins.root,
        "SELECT count(*) FROM log_event WHERE kind = 'contact_changed' AND seq > :s",
        s=0,
    ) == [(1,)]  # its creation only (add_customer)
    assert customer
