"""The lifecycle setting and the derived hard-delete date as real PostgreSQL logins (issue
14): only admins change the setting; a lead's termination is dated by the database, and no
login moves the date by writing it."""

from __future__ import annotations

import pytest

from tests.store.log_helpers import add_customer
from tests.store.security.conftest import refused, run


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
