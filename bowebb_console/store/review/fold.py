"""The session summary as a fold over the log, in Python: what ``rebuild_summaries`` runs.

``session_summary`` (migration 0007) is derived data, kept current by triggers on every
payload insert; the log stays the source of truth. ``rebuild_summaries`` throws the table away
and recomputes it from the log with ``fold_event``, which follows exactly the triggers' rules
(a test checks that a rebuild equals what the triggers built). Run it after restoring a
backup, after an erasure (which blanks a session's search text), or when in doubt.

A payload that is not a JSON object (``[1,2]``, ``"x"``, broken text: only a superuser or a
restored file can put one there) is folded like an erased one and counted, so the rebuild
still finishes and says how many it skipped.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, inspect, select, text

from bowebb_console.store.models import SessionSummaryRow

ROWS_QUERY = (
    "SELECT e.seq, e.session_uuid, e.kind, e.actor, e.at, p.payload "
    "FROM log_event e LEFT JOIN log_payload p ON p.seq = e.seq ORDER BY e.seq"
)
ENDS = ("session_ended", "session_ended_late")
# The kinds the summary reads (others, e.g. tool_recorded or an export, change nothing).
FOLDED = ("session_started", "note_added", "file_transferred", *ENDS, "review_added")


def _at(value: str) -> dt.datetime:
    return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ")


def _text(payload: dict[str, Any], key: str) -> str:
    value = payload.get(key)
    return "" if value is None else str(value)


def fold_event(
    rows: dict[str, dict[str, Any]],
    seq: int,
    su: str,
    kind: str,
    actor: str,
    at: str,
    payload: dict[str, Any] | None,
) -> None:
    """Apply one event to its session's summary (in ``rows``); like the triggers, an event
    without a payload (erased) changes nothing: the triggers only run on payload inserts."""
    if payload is None:
        return
    row = rows.get(su)
    if kind == "consent_recorded":
        state = "consented" if payload.get("outcome") == "agreed" else "refused"
        purpose = _text(payload, "purpose")
        values = {
            "consent_actor": actor,
            "customer_id": payload.get("customer_id"),
            "session_kind": payload.get("session_kind"),
            "channel": payload.get("channel"),
            "consent_outcome": payload.get("outcome"),
            "last_seq": seq,
        }
        if row is None:
            rows[su] = {
                **_empty(su, seq, at, actor),
                **values,
                "state": state,
                "search_text": purpose,
            }
            return
        row.update(values)
        if row["started_at"] is None:
            row["agent"] = actor
        if row["state"] in ("consented", "refused"):
            row["state"] = state
        row["search_text"] += "\n" + purpose
        return
    if row is None or kind not in FOLDED:
        return
    row["last_seq"] = seq
    if kind == "session_started":
        row.update(started_at=at, agent=actor, state="open")
        row["dpa_missing"] = "dpa_missing_reason" in payload
        row["tool_flagged"] = "tool_flag_reason" in payload
    elif kind == "note_added":
        row["notes"] += 1
        row["search_text"] += "\n" + _text(payload, "note")
    elif kind == "file_transferred":
        status = payload.get("status")
        if status is None or str(status) == "ok":  # failed transfers do not count
            row["files"] += 1
            row["bytes"] += int(payload.get("size") or 0)
    elif kind in ENDS:
        row.update(ended_at=at, outcome=payload.get("outcome"))
        row["state"] = "ended" if kind == "session_ended" else "ended_late"
        if row["started_at"] is not None:
            micro = (_at(at) - _at(row["started_at"])) // dt.timedelta(microseconds=1)
            row["duration_s"] = max(0, micro) // 1_000_000
        else:
            row["duration_s"] = None
        row["search_text"] += "\n" + _text(payload, "summary")
    elif kind == "review_added":
        action = payload.get("action")
        row.update(reviewed=action == "reviewed", followup=action == "flagged")
        row.update(reviews=row["reviews"] + 1, last_reviewer=actor, last_review_at=at)
        row["search_text"] += "\n" + _text(payload, "comment")


def _empty(su: str, seq: int, at: str, actor: str) -> dict[str, Any]:
    return {
        "session_uuid": su,
        "first_seq": seq,
        "last_seq": seq,
        "opened_at": at,
        "agent": actor,
        "consent_actor": actor,
        "started_at": None,
        "ended_at": None,
        "duration_s": None,
        "outcome": None,
        "notes": 0,
        "files": 0,
        "bytes": 0,
        "dpa_missing": False,
        "tool_flagged": False,
        "reviewed": False,
        "followup": False,
        "reviews": 0,
        "last_reviewer": None,
        "last_review_at": None,
    }


@dataclass(frozen=True)
class Rebuilt:
    sessions: int  # summary rows written
    skipped: int  # payloads that are not a JSON object, folded as erased


def _object(payload: str) -> dict[str, Any] | None:
    """The payload as a JSON object, or None when it is not one."""
    try:
        value = json.loads(payload)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def fold_log(conn: Connection) -> tuple[dict[str, dict[str, Any]], int]:
    """Every session's summary row, and how many payloads were skipped (not an object)."""
    rows: dict[str, dict[str, Any]] = {}
    skipped = 0
    result = conn.execute(text(ROWS_QUERY).execution_options(yield_per=20_000))
    for seq, su, kind, actor, at, payload in result:
        data = None if payload is None else _object(payload)
        if payload is not None and data is None:
            skipped += 1
        fold_event(rows, seq, su, kind, actor, at, data)
    return rows, skipped


def _erased_consents(conn: Connection, rows: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Sessions whose consent payload was erased fold to nothing, yet their row names the
    customer the purge finds them by (store.erasure.purge): keep those rows, text blanked as
    the erasure's trigger left it (erased notes never come back)."""
    table = SessionSummaryRow.__table__
    columns = _live_columns(conn)
    kept = []
    for row in conn.execute(select(*(table.c[c] for c in columns))).mappings():
        if row["session_uuid"] not in rows:
            kept.append({**{c: row[c] for c in columns}, "search_text": ""})
    return kept


def _live_columns(conn: Connection) -> list[str]:
    """The summary columns the database has now: a migration may rebuild the summaries
    before a later revision adds a column the model already knows (0007 runs this code)."""
    live = {c["name"] for c in inspect(conn).get_columns("session_summary")}
    return [c.name for c in SessionSummaryRow.__table__.columns if c.name in live]


def rebuild_summaries(bind: Engine | Connection) -> Rebuilt:
    """Recompute ``session_summary`` from the log in one transaction. Needs DELETE on the
    table: the database owner (``db upgrade``) or SQLite."""
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            return rebuild_summaries(conn)
    rows, skipped = fold_log(bind)
    kept = _erased_consents(bind, rows)
    bind.execute(delete(SessionSummaryRow))
    columns = set(_live_columns(bind))
    values = [{k: v for k, v in row.items() if k in columns} for row in [*rows.values(), *kept]]
    for i in range(0, len(values), 5_000):
        bind.execute(insert(SessionSummaryRow), values[i : i + 5_000])
    return Rebuilt(len(values), skipped)
