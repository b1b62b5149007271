"""Dates of the end of a business relationship, and a customer's status (domain/policy.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.policy import (
    DEFAULT_GRACE_PERIOD_DAYS,
    customer_status_for,
    hard_delete_due,
    is_hard_delete_due,
)

D = dt.date


def test_default_grace_period() -> None:
    assert DEFAULT_GRACE_PERIOD_DAYS == 90
    assert hard_delete_due(D(2026, 1, 1)) == D(2026, 4, 1)


@pytest.mark.parametrize(
    ("terminated", "grace", "due"),
    [
        (D(2026, 1, 1), 90, D(2026, 4, 1)),
        (D(2026, 11, 26), 90, D(2027, 2, 24)),  # across a year end
        (D(2024, 2, 1), 30, D(2024, 3, 2)),  # leap year: 29 days in February
        (D(2025, 2, 1), 30, D(2025, 3, 3)),
        (D(2026, 5, 5), 0, D(2026, 5, 5)),
    ],
)
def test_hard_delete_due(terminated: dt.date, grace: int, due: dt.date) -> None:
    assert hard_delete_due(terminated, grace) == due


@pytest.mark.parametrize("grace", [-1, 100_000])
def test_grace_period_out_of_range(grace: int) -> None:
    with pytest.raises(ValidationError) as info:
        hard_delete_due(D(2026, 1, 1), grace)
    assert info.value.field == "grace_period_days"


def test_grace_period_must_be_whole_days() -> None:
    with pytest.raises(ValidationError, match="whole number"):
        hard_delete_due(D(2026, 1, 1), 1.5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="whole number"):
        hard_delete_due(D(2026, 1, 1), True)


def test_is_hard_delete_due() -> None:
    due = D(2026, 4, 1)
    assert not is_hard_delete_due(due, D(2026, 3, 31))
    assert is_hard_delete_due(due, D(2026, 4, 1))  # the due day itself counts
    assert is_hard_delete_due(due, D(2027, 1, 1))
    assert not is_hard_delete_due(None, D(2027, 1, 1))


def test_customer_status() -> None:
    assert customer_status_for(D(2026, 1, 1), None, None) == "trial"
    assert customer_status_for(None, D(2026, 1, 1), None) == "active"
    assert customer_status_for(D(2025, 12, 1), D(2026, 1, 1), None) == "active"
    assert customer_status_for(None, D(2026, 1, 1), D(2026, 6, 1)) == "terminated"
    assert customer_status_for(D(2026, 1, 1), None, D(2026, 1, 20)) == "terminated"  # trial ended
    assert customer_status_for(None, D(2026, 1, 1), D(2026, 1, 1)) == "terminated"


def test_customer_status_refuses_impossible_dates() -> None:
    with pytest.raises(ValidationError, match="needs a customer-since date"):
        customer_status_for(None, None, None)
    with pytest.raises(ValidationError) as info:
        customer_status_for(None, D(2026, 6, 1), D(2026, 1, 1))
    assert info.value.field == "terminated_on"
    with pytest.raises(ValidationError) as info:
        customer_status_for(D(2026, 6, 1), D(2026, 1, 1), None)
    assert info.value.field == "customer_since"
