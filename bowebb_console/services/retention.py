"""The session-log retention: ``bowebb-console retention run [--dry-run]`` (issue 14, item 4).

Payloads older than the database's retention (services.admin.lifecycle) are erased, the events
stay and the chain verifies; the run is logged as ``erasure_performed`` (scope ``retention``)
and is idempotent. Admins only: the service checks the role, and on PostgreSQL the erasure
functions refuse everyone else. After the commit the erased table's files are rewritten like
after any erasure (services.erasure), so the bytes go too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError

from bowebb_console.domain.errors import ShownError
from bowebb_console.services.database import Database, Identity, transaction
from bowebb_console.store.db.errors import driver_error
from bowebb_console.store.erasure import retention
from bowebb_console.store.erasure.retention import RetentionPlan
from bowebb_console.store.erasure.scrub import ScrubResult, scrub

__all__ = ["RetentionPlan", "RetentionRun", "plan_retention", "run_retention"]


@dataclass(frozen=True)
class RetentionRun:
    plan: RetentionPlan
    reference: str | None  # None: nothing was older than the retention; nothing changed
    erased: int
    scrub: ScrubResult | None


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(dt.UTC)


def plan_retention(db: Database, now: dt.datetime | None = None) -> RetentionPlan:
    """The dry run: which payloads the retention would erase. Changes nothing."""
    with transaction(db, write=False) as conn:
        return retention.plan_retention(conn, _now(now))


def run_retention(db: Database, identity: Identity, now: dt.datetime | None = None) -> RetentionRun:
    if identity.role != "admin":
        raise ShownError("retention.admin_only", "Only an admin applies the log retention.")
    with transaction(db) as conn:
        done = retention.apply_retention(conn, _now(now), actor=identity.user)
    scrubbed = None
    if done.erased:
        try:
            scrubbed = scrub(db, {"log_payload"})
        except DBAPIError as exc:
            raise driver_error(exc) from exc
    return RetentionRun(done.plan, done.reference, done.erased, scrubbed)
