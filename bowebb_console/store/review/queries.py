"""The team lead's review: session summaries filtered, sorted and paged in the database,
automatic flags, and a weekly overview (review marks are ``review_added`` events, written by
services.review through the log).

Reads ``session_summary`` (derived from the log, see fold.py and migration 0007). Every
function runs on the caller's connection (its transaction).
Paging is keyset: every sort orders by (sort value, ``first_seq``), and a page continues
after (or before) the key of a row already seen, so a page deep in 100,000 sessions costs
what the first one does. A page far from any known key (a jump to the end) is read from the
nearer end with OFFSET. Automatic flags depend on limits from the settings, so they are
computed in the query, never stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, and_, case, func, literal, or_, select, tuple_

from bowebb_console.domain.search_text import fold
from bowebb_console.store.customers.search import escape_like
from bowebb_console.store.models import Customer, SessionSummaryRow

S = SessionSummaryRow
REVIEW = "review_added"
FLAGS = (
    "no_dpa",
    "tool_flagged",
    "too_long",
    "many_files",
    "ended_late",
    "consent_other_agent",
    "follow_up",
)
SORTS = ("start", "agent", "customer", "kind", "duration", "files", "channel", "reviewed", "flags")
Key = tuple[Any, int]
MANY_CUSTOMERS = 50


@dataclass(frozen=True)
class FlagLimits:
    max_seconds: int = 2 * 3600
    max_files: int = 20
    max_bytes: int = 500 * 1024 * 1024


@dataclass(frozen=True)
class ReviewFilter:
    agent: str = ""
    customer: str = ""  # part of the customer's name or org number
    date_from: dt.date | None = None  # the session's first event, UTC date, inclusive
    date_to: dt.date | None = None
    kind: str = ""
    reviewed: bool | None = None
    flagged: bool | None = None  # any automatic flag or a follow-up mark
    text: str = ""  # in purposes, notes, summaries and review comments

    def describe(self) -> str:
        """One line for export headers and the export's log event (no personal data but
        what the lead typed)."""
        parts = [
            f"{name}={value}"
            for name, value in (
                ("agent", self.agent),
                ("customer", self.customer),
                ("from", self.date_from),
                ("to", self.date_to),
                ("kind", self.kind),
                ("reviewed", self.reviewed),
                ("flagged", self.flagged),
                ("text", self.text),
            )
            if value not in ("", None)
        ]
        return ", ".join(parts) or "all sessions"


@dataclass(frozen=True)
class ReviewRow:
    session_uuid: str
    first_seq: int
    opened_at: str
    agent: str
    consent_actor: str
    customer_id: int | None
    customer_name: str | None
    session_kind: str | None
    channel: str | None
    consent_outcome: str | None
    state: str
    started_at: str | None
    ended_at: str | None
    duration_s: int | None
    files: int
    bytes: int
    notes: int
    reviewed: bool
    followup: bool
    last_reviewer: str | None
    flags: tuple[str, ...]
    key: Key = field(compare=False)
    org_number: str | None = None  # the customer's, ten digits
    outcome: str | None = None  # how the session ended (the end event's code)


def flag_conditions(limits: FlagLimits) -> dict[str, Any]:
    return {
        "no_dpa": S.dpa_missing.is_(True),
        "tool_flagged": S.tool_flagged.is_(True),
        "too_long": and_(S.duration_s.is_not(None), S.duration_s > limits.max_seconds),
        "many_files": or_(S.files > limits.max_files, S.bytes > limits.max_bytes),
        "ended_late": S.state == "ended_late",
        "consent_other_agent": and_(S.started_at.is_not(None), S.consent_actor != S.agent),
        "follow_up": S.followup.is_(True),
    }


def _flag_count(conds: dict[str, Any]) -> Any:
    total: Any = literal(0)
    for cond in conds.values():
        total = total + case((cond, 1), else_=0)
    return total


def sort_expression(sort: str, limits: FlagLimits) -> Any:
    """Never NULL: keyset comparisons need total order."""
    return {
        "start": S.opened_at,
        "agent": S.agent,
        "customer": func.coalesce(Customer.name, ""),
        "kind": func.coalesce(S.session_kind, ""),
        "duration": func.coalesce(S.duration_s, -1),
        "files": S.files,
        "channel": func.coalesce(S.channel, ""),
        "reviewed": case((S.reviewed.is_(True), 1), else_=0),
        "flags": _flag_count(flag_conditions(limits)),
    }[sort]


def _customers(conn: Connection, flt: ReviewFilter) -> list[int] | None:
    """The ids of the customers the filter names (None: no customer filter)."""
    if not flt.customer.strip():
        return None
    pattern = "%" + escape_like(fold(flt.customer)) + "%"
    plain = "%" + escape_like(flt.customer.strip()) + "%"
    match = or_(
        Customer.name_folded.like(pattern, escape="\\"),
        Customer.name.ilike(plain, escape="\\"),
    )
    digits = "".join(c for c in flt.customer if c.isdigit())
    if len(digits) >= 4:
        match = or_(match, Customer.org_number.like(f"%{digits}%"))
    return list(conn.execute(select(Customer.id).where(match)).scalars())


def _filtered(
    query: Select[Any], flt: ReviewFilter, limits: FlagLimits, customers: list[int] | None
) -> Select[Any]:
    if flt.agent:
        query = query.where(S.agent == flt.agent)
    if flt.kind:
        query = query.where(S.session_kind == flt.kind)
    if flt.date_from is not None:
        query = query.where(S.opened_at >= flt.date_from.isoformat())
    if flt.date_to is not None:
        query = query.where(S.opened_at < (flt.date_to + dt.timedelta(days=1)).isoformat())
    if flt.reviewed is not None:
        query = query.where(S.reviewed.is_(flt.reviewed))
    if flt.flagged is not None:
        count = _flag_count(flag_conditions(limits))
        query = query.where(count > 0 if flt.flagged else count == 0)
    if customers is not None:
        # Many customers (a word like "AB"): no index on customer_id (the `+ 0`), so the
        # planner walks the sort order instead of sorting every match; few: the index.
        column = S.customer_id + 0 if len(customers) > MANY_CUSTOMERS else S.customer_id
        query = query.where(column.in_(customers) if customers else literal(False))
    if flt.text.strip():
        # SQLite's ILIKE folds ASCII only: also try the lower, upper and capitalised forms,
        # so "ärende" finds "Ärende" (PostgreSQL folds them all anyway).
        term = flt.text.strip()
        forms = dict.fromkeys((term, term.lower(), term.upper(), term.capitalize()))
        query = query.where(
            or_(*(S.search_text.ilike("%" + escape_like(f) + "%", escape="\\") for f in forms))
        )
    return query


def _row(r: Any) -> ReviewRow:
    flags = tuple(f for f in FLAGS if r._mapping[f"flag_{f}"])
    return ReviewRow(
        session_uuid=r.session_uuid,
        first_seq=int(r.first_seq),
        opened_at=r.opened_at,
        agent=r.agent,
        consent_actor=r.consent_actor,
        customer_id=r.customer_id,
        customer_name=r.customer_name,
        session_kind=r.session_kind,
        channel=r.channel,
        consent_outcome=r.consent_outcome,
        state=r.state,
        started_at=r.started_at,
        ended_at=r.ended_at,
        duration_s=r.duration_s,
        files=int(r.files),
        bytes=int(r.bytes),
        notes=int(r.notes),
        reviewed=bool(r.reviewed),
        followup=bool(r.followup),
        last_reviewer=r.last_reviewer,
        flags=flags,
        key=(r.sort_value, int(r.first_seq)),
        org_number=r.org_number,
        outcome=r.outcome,
    )


def fetch_page(
    conn: Connection,
    flt: ReviewFilter,
    limits: FlagLimits,
    sort: str = "start",
    descending: bool = True,
    *,
    after: Key | None = None,
    before: Key | None = None,
    offset: int = 0,
    from_end: bool = False,
    limit: int = 100,
) -> list[ReviewRow]:
    """Up to ``limit`` rows in display order: after the key ``after``, before the key
    ``before`` (the nearest ones), or at ``offset`` from the start (or from the end)."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}")  # a bug, never the user's input
    conds = flag_conditions(limits)
    value = sort_expression(sort, limits)
    columns = [c for c in S.__table__.c if c.name != "search_text"]
    query: Select[Any] = select(
        *columns,
        Customer.name.label("customer_name"),
        Customer.org_number.label("org_number"),
        value.label("sort_value"),
        *(cond.label(f"flag_{name}") for name, cond in conds.items()),
    ).outerjoin(Customer, Customer.id == S.customer_id)
    key = tuple_(value, S.first_seq)
    reverse = from_end or before is not None
    if after is not None:
        query = query.where(key < tuple_(*after) if descending else key > tuple_(*after))
    if before is not None:
        query = query.where(key > tuple_(*before) if descending else key < tuple_(*before))
    down = descending != reverse
    query = query.order_by(
        value.desc() if down else value.asc(), S.first_seq.desc() if down else S.first_seq.asc()
    )
    query = query.offset(max(0, offset)).limit(limit)
    query = _filtered(query, flt, limits, _customers(conn, flt))
    rows = [_row(r) for r in conn.execute(query)]
    return rows[::-1] if reverse else rows


def count_sessions(conn: Connection, flt: ReviewFilter, limits: FlagLimits) -> int:
    query = select(func.count()).select_from(S)
    query = _filtered(query, flt, limits, _customers(conn, flt))
    return int(conn.execute(query).scalar_one())


def list_agents(conn: Connection) -> list[str]:
    return list(conn.execute(select(S.agent).distinct().order_by(S.agent)).scalars())


def session_exists(conn: Connection, session_uuid: str) -> bool:
    """Whether the log holds a session with this id (its summary row)."""
    found = conn.execute(select(S.session_uuid).where(S.session_uuid == session_uuid)).first()
    return found is not None


@dataclass(frozen=True)
class Overview:
    week_start: dt.date
    days: tuple[dt.date, ...]
    per_day: dict[dt.date, int]
    per_agent: dict[str, int]
    total: int
    unreviewed: int
    flagged: int
    per_flag: dict[str, int]


def week_overview(
    conn: Connection, week_start: dt.date, limits: FlagLimits, tz: dt.tzinfo | None = None
) -> Overview:
    """Sessions per agent and per day in the week starting ``week_start`` (a Monday), the
    days in ``tz`` (the reader's zone; UTC when None): counted per UTC hour in SQL, then each
    hour is put on its local day."""
    zone = tz or dt.UTC
    days = tuple(week_start + dt.timedelta(days=i) for i in range(7))
    conds = flag_conditions(limits)
    count = _flag_count(conds)
    hour = func.substr(S.opened_at, 1, 13)
    query = (
        select(
            S.agent,
            hour.label("hour"),
            func.count(),
            func.sum(case((S.reviewed.is_(True), 0), else_=1)),
            func.sum(case((count > 0, 1), else_=0)),
            *(func.sum(case((cond, 1), else_=0)) for cond in conds.values()),
        )
        .where(S.opened_at >= (days[0] - dt.timedelta(days=1)).isoformat())
        .where(S.opened_at < (days[-1] + dt.timedelta(days=2)).isoformat())
        .group_by(S.agent, hour)
    )
    per_day = dict.fromkeys(days, 0)
    per_agent: dict[str, int] = {}
    per_flag = dict.fromkeys(FLAGS, 0)
    total = unreviewed = flagged = 0
    for agent, hour_text, n, unrev, flg, *by_flag in conn.execute(query):
        utc = dt.datetime.fromisoformat(hour_text[:10]).replace(
            hour=int(hour_text[11:13]), tzinfo=dt.UTC
        )
        d = utc.astimezone(zone).date()
        if d not in per_day:
            continue  # the day before or after, in the reader's zone
        per_day[d] += n
        per_agent[agent] = per_agent.get(agent, 0) + n
        total, unreviewed, flagged = total + n, unreviewed + int(unrev), flagged + int(flg)
        for name, k in zip(FLAGS, by_flag, strict=True):
            per_flag[name] += int(k or 0)
    return Overview(week_start, days, per_day, per_agent, total, unreviewed, flagged, per_flag)
