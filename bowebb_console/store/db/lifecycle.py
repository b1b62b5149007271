"""The customer lifecycle setting: one row for the whole database (migration 0013).

The grace period after termination, the trial period and the session-log retention are the
database's, not a workstation's: every client and the customer trigger read the same row.
On PostgreSQL only admins may change it (grants); its CHECKs bound the values for everyone.

Every change (these periods and the erasure journal's folder) is a chained
``lifecycle_changed`` event with the changed columns before and after, recorded by the
database itself (migration 0024: PostgreSQL's ``record_change`` statement triggers; SQLite's
``pending_change`` notes, chained at COMMIT by store.log.changes). So the writers here log
nothing themselves, and a write that changes no value logs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select, update

from bowebb_console.domain.errors import ShownError
from bowebb_console.store.models import LifecycleSetting

GRACE_MIN, GRACE_MAX = 30, 3650
TRIAL_MIN, TRIAL_MAX = 7, 365
RETENTION_MIN, RETENTION_MAX = 365, 36500


@dataclass(frozen=True)
class Lifecycle:
    grace_period_days: int
    trial_period_days: int
    log_retention_days: int


class LifecycleError(ShownError):
    pass


def read_lifecycle(conn: Connection) -> Lifecycle:
    row = conn.execute(
        select(
            LifecycleSetting.grace_period_days,
            LifecycleSetting.trial_period_days,
            LifecycleSetting.log_retention_days,
        ).where(LifecycleSetting.id == 1)
    ).one()
    return Lifecycle(int(row[0]), int(row[1]), int(row[2]))


def check_lifecycle(value: Lifecycle) -> None:
    """A clear error for a value outside the bounds (the CHECKs would refuse it anyway)."""
    for name, got, low, high, code in (
        ("grace period", value.grace_period_days, GRACE_MIN, GRACE_MAX, "lifecycle.grace"),
        ("trial period", value.trial_period_days, TRIAL_MIN, TRIAL_MAX, "lifecycle.trial"),
        (
            "session-log retention",
            value.log_retention_days,
            RETENTION_MIN,
            RETENTION_MAX,
            "lifecycle.retention",
        ),
    ):
        if not low <= got <= high:
            raise LifecycleError(
                code,
                f"The {name} must be between {low} and {high} days.",
                {"min": low, "max": high},
            )


def write_lifecycle(conn: Connection, value: Lifecycle) -> Lifecycle:
    """Save the setting; customers already dated keep their date (and the grace it used)."""
    check_lifecycle(value)
    conn.execute(
        update(LifecycleSetting)
        .where(LifecycleSetting.id == 1)
        .values(
            grace_period_days=value.grace_period_days,
            trial_period_days=value.trial_period_days,
            log_retention_days=value.log_retention_days,
        )
    )
    return read_lifecycle(conn)


JOURNAL_DIR_MAX = 1000


def read_journal_dir(conn: Connection) -> str:
    """The erasure journal's folder the database names ("" = not set; migration 0019)."""
    value = conn.execute(
        select(LifecycleSetting.erasure_journal_dir).where(LifecycleSetting.id == 1)
    ).scalar_one()
    return str(value or "")


def write_journal_dir(conn: Connection, value: str) -> str:
    """Record the journal's folder (an absolute path; the caller checked it is writable)."""
    value = value.strip()
    if len(value) > JOURNAL_DIR_MAX:
        raise LifecycleError(
            "lifecycle.journal_dir", f"The folder's path is longer than {JOURNAL_DIR_MAX}."
        )
    conn.execute(
        update(LifecycleSetting).where(LifecycleSetting.id == 1).values(erasure_journal_dir=value)
    )
    return read_journal_dir(conn)
