"""The session-log retention (issue 14, item 4): payloads older than the database's
``log_retention_days`` (store.db.lifecycle) are erased; the events stay, so the chain still
verifies (DESIGN.md: erasing a payload deletes it with its salt; the commitment stays).

A run erases every payload of an event logged before the cut-off (``now`` minus the retention),
except the erasure family's own records (``erasure_performed``: a reference and a scope, no
personal data; they are the proof of what was erased). It deletes through ``deletes`` (on
PostgreSQL the SECURITY DEFINER erasure functions, admins only) and logs one
``erasure_performed`` event with scope ``retention``, in the same transaction. A run that
finds nothing changes nothing and logs nothing, so running it again is harmless; after a
backup is restored, running it again erases what came back (no journal needed: age decides).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, select

from bowebb_console.domain import erasure as rules
from bowebb_console.domain.hashchain import format_at
from bowebb_console.store.db.lifecycle import read_lifecycle
from bowebb_console.store.erasure import deletes
from bowebb_console.store.erasure.person import ERASED_KIND, log_event
from bowebb_console.store.models import LogEvent, LogPayload

# Kept past the retention: the erasures' own records (no personal data in them).
KEPT_KINDS = (ERASED_KIND,)
SCOPE = "retention"


@dataclass(frozen=True)
class RetentionPlan:
    retention_days: int
    cutoff: str  # canonical UTC text, as log_event.at: payloads of events before it go
    payload_seqs: tuple[int, ...]


@dataclass(frozen=True)
class RetentionDone:
    plan: RetentionPlan
    reference: str | None  # None: nothing was due, nothing changed, nothing logged
    erased: int


def plan_retention(conn: Connection, now: dt.datetime) -> RetentionPlan:
    days = read_lifecycle(conn).log_retention_days
    cutoff = format_at(now - dt.timedelta(days=days))
    seqs = conn.execute(
        select(LogPayload.seq)
        .join(LogEvent, LogEvent.seq == LogPayload.seq)
        .where(LogEvent.at < cutoff, LogEvent.kind.not_in(KEPT_KINDS))
        .order_by(LogPayload.seq)
    ).scalars()
    return RetentionPlan(days, cutoff, tuple(int(s) for s in seqs))


def apply_retention(
    conn: Connection, now: dt.datetime, *, actor: str | None, batch: int = 10_000
) -> RetentionDone:
    """Erase what the plan lists and log it, inside the caller's transaction."""
    plan = plan_retention(conn, now)
    if not plan.payload_seqs:
        return RetentionDone(plan, None, 0)
    erased = 0
    for start in range(0, len(plan.payload_seqs), batch):
        erased += deletes.delete_rows(conn, "log_payload", plan.payload_seqs[start : start + batch])
    reference = rules.new_reference(now.date()).replace("ER-", "RT-")
    log_event(
        conn,
        ERASED_KIND,
        {
            "reference": reference,
            "scope": SCOPE,
            "retention_days": plan.retention_days,
            "before": plan.cutoff,
            "payloads": erased,
        },
        actor,
    )
    return RetentionDone(plan, reference, erased)
