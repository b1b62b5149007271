"""Policy rules with dates: the end of a business relationship and a customer's status.

When a relationship ends, the customer's data is kept for a grace period and then hard
deleted: ``hard_delete_due = terminated_on + grace period``. The purge removes a customer on
or after that date (``is_hard_delete_due``).
"""

from __future__ import annotations

import datetime as dt

from bowebb_console.domain.errors import ValidationError

DEFAULT_GRACE_PERIOD_DAYS = 90
MAX_GRACE_PERIOD_DAYS = 3650  # a sanity bound for settings, not a policy value

STATUS_TRIAL = "trial"
STATUS_ACTIVE = "active"
STATUS_TERMINATED = "terminated"


def _check_grace(grace_period_days: int) -> None:
    if isinstance(grace_period_days, bool) or not isinstance(grace_period_days, int):
        raise ValidationError("grace_period_days", "The grace period must be a whole number.")
    if not 0 <= grace_period_days <= MAX_GRACE_PERIOD_DAYS:
        raise ValidationError(
            "grace_period_days",
            f"The grace period must be between 0 and {MAX_GRACE_PERIOD_DAYS} days, "
            f"not {grace_period_days}.",
        )


def hard_delete_due(
    terminated_on: dt.date, grace_period_days: int = DEFAULT_GRACE_PERIOD_DAYS
) -> dt.date:
    """The day a terminated customer's data is due for hard deletion."""
    _check_grace(grace_period_days)
    return terminated_on + dt.timedelta(days=grace_period_days)


def is_hard_delete_due(due_on: dt.date | None, today: dt.date) -> bool:
    """True when ``due_on`` is set and has been reached (the due day itself counts)."""
    return due_on is not None and due_on <= today


def customer_status_for(
    trial_registered_on: dt.date | None,
    customer_since: dt.date | None,
    terminated_on: dt.date | None,
) -> str:
    """``"trial"``, ``"active"`` or ``"terminated"`` from a customer's dates.

    A termination date wins; otherwise a customer-since date makes an active customer; a trial
    registration alone is a trial account. Raises ValidationError when no date is set or the
    dates are in an impossible order.
    """
    if trial_registered_on and customer_since and customer_since < trial_registered_on:
        raise ValidationError(
            "customer_since", "The customer-since date is before the trial registration."
        )
    start = customer_since or trial_registered_on
    if terminated_on is not None:
        if start is not None and terminated_on < start:
            raise ValidationError(
                "terminated_on", "The termination date is before the relationship started."
            )
        return STATUS_TERMINATED
    if customer_since is not None:
        return STATUS_ACTIVE
    if trial_registered_on is not None:
        return STATUS_TRIAL
    raise ValidationError(
        "customer_since",
        "A customer needs a customer-since date, a trial registration date or a termination date.",
    )
