"""Demo support sessions in the session log, deterministic per seed.

A few hundred sessions over the demo customers: most agreed, some refused or unanswered,
some for customers without a signed DPA (started with a typed reason), some ended late after
a "crash", a couple still open. Written in one transaction through session_log.write_event, so
SQLite computes the chain in the application and PostgreSQL in its trigger. Sessions are
spread over the working days of the last eight weeks, in office hours, 5–90 minutes long: on
SQLite the log is stamped with those times; PostgreSQL's trigger stamps its own clock (the
database is the boundary), so there the demo's events carry the time of the fill.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, func, select

from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.store.db.connect import Database
from bowebb_console.store.log.chain import write_event
from bowebb_console.store.models import Contact, Customer, LogEvent

AGENTS = ("anna.lind", "erik.berg", "sara.holm", "johan.ek")
TOOLS = ("TeamViewer", "AnyDesk", "Quick Assist", "RustDesk")
FLAGGED_TOOLS = frozenset({"Quick Assist"})  # its demo register entry is outside the EU
PURPOSES = (
    "Skrivaren skriver inte ut fakturor",
    "Hjälp med SIE-import",
    "Bankfil avvisas av banken",
    "Uppgradering av klientprogrammet",
    "Momsrapporten visar fel period",
    "Överföring av löneunderlag",
)
NOTES = (
    "Kunden visar felmeddelandet",
    "Startade om tjänsten",
    "Rensade cache i webbläsaren",
    "Kontrollerade behörigheter",
    "Installerade om drivrutinen",
    "Testkörning OK",
)
SUMMARIES = ("Felet åtgärdat", "Delvis löst, återkommer", "Eskalerat till utveckling")
OUTCOMES = ("resolved", "partly_resolved", "escalated")


FILES = ("lonefil", "sie-export", "bankfil", "momsrapport", "kundregister")


def _transfer(rng: random.Random, n: int) -> dict[str, Any]:
    """A file_transferred payload as the SFTP engine logs it (direction, name, size, hash)."""
    name = f"{rng.choice(FILES)}-{n + 1}.{rng.choice(('csv', 'se', 'xml', 'pdf'))}"
    digest = "".join(rng.choice("0123456789abcdef") for _ in range(64))
    return {
        "direction": rng.choice(("upload", "download")),
        "name": name,
        "size": rng.randint(2_000, 40_000_000),
        "sha256": digest,
        "status": "ok",
    }


def working_days(today: dt.date, weeks: int = 8) -> list[dt.date]:
    """Monday to Friday in the ``weeks`` before ``today`` (today itself not included)."""
    days = (today - dt.timedelta(days=d) for d in range(1, 7 * weeks + 1))
    return sorted(d for d in days if d.weekday() < 5)


TRANSFER_DAYS = 3  # the latest working days belong to the transfer demo (demo/transfers.py)


def _start(rng: random.Random, day: dt.date) -> dt.datetime:
    """A time in office hours (about 08:00–16:30 in Sweden: 07:00–15:30 UTC)."""
    minute = rng.randint(7 * 60, 15 * 60 + 30)
    return dt.datetime.combine(day, dt.time(minute // 60, minute % 60), dt.UTC)


Planned = tuple[dt.datetime, int, str, str, dict[str, Any], str]  # at, order, kind, su, ...


def fill_demo_sessions(
    engine: Engine, *, count: int = 300, seed: int = 20261126, today: dt.date | None = None
) -> int:
    """Add ``count`` demo sessions to a log with none; returns how many (0 when it has).

    Sessions start on working days of the eight weeks before ``today`` in office hours and
    last 5–90 minutes; the events are written in time order (the chain's times never go
    back), stamped with those times on SQLite (see ``write_event``'s ``at``)."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    days = working_days(today)[:-TRANSFER_DAYS]
    with Database(engine).transaction() as conn:  # IMMEDIATE on SQLite: one writer
        # Recorded changes (the demo customers' own) do not count: no sessions yet.
        sessions = select(func.count()).where(LogEvent.kind == "consent_recorded")
        if conn.execute(sessions).scalar():
            return 0
        people = conn.execute(
            select(Contact.customer_id, Contact.id, Customer.dpa_signed_on)
            .join(Customer, Customer.id == Contact.customer_id)
            .order_by(Contact.id)
        ).all()
        if not people:
            return 0
        planned: list[Planned] = []
        for _ in range(count):
            planned += _plan_session(rng, people, days)
        now = dt.datetime.now(dt.UTC)
        for at, _order, kind, su, payload, actor in sorted(planned, key=lambda p: p[:2]):
            eu = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            write_event(conn, kind, su, eu, canonical_payload(payload), actor, at=min(at, now))
    return count


def _plan_session(rng: random.Random, people: Sequence[Any], days: list[dt.date]) -> list[Planned]:
    """One session's events with their times (a few were never ended)."""
    customer_id, contact_id, dpa = rng.choice(people)
    actor = rng.choice(AGENTS)
    su = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    when = _start(rng, rng.choice(days))
    minutes = max(5.0, min(90.0, rng.triangular(5, 90, 18)))
    fate = rng.random()
    still_open = fate < 0.01
    out: list[Planned] = []

    def log(kind: str, payload: dict[str, Any], at: dt.datetime) -> None:
        out.append((at, len(out), kind, su, payload, actor))

    kind = rng.choice(("remote_control", "remote_control", "file_transfer"))
    roll = rng.random()
    outcome = "refused" if roll < 0.06 else "no_answer" if roll < 0.1 else "agreed"
    agreement: dict[str, Any] = {
        "customer_id": customer_id,
        "contact_id": contact_id,
        "session_kind": kind,
        "outcome": outcome,
        "channel": rng.choice(("phone", "email", "chat", "ticket")),
        "agreed_at": when.isoformat(),
        "reference": f"T-{rng.randint(10000, 99999)}",
        "scope": "file_transfer" if kind == "file_transfer" else "control",
        "purpose": rng.choice(PURPOSES),
    }
    if kind == "file_transfer":  # files move only for a purpose the policy allows
        ticket = agreement["reference"]
        agreement |= {"purpose_kind": "support", "purpose_reference": ticket}
    log("consent_recorded", agreement, when)
    if outcome != "agreed":
        return out
    started: dict[str, Any] = {
        "tool": rng.choice(TOOLS),
        "tool_session_id": f"{rng.randint(100, 999)} {rng.randint(100, 999)}",
    }
    if dpa is None:
        started["dpa_missing_reason"] = "Brådskande: lönekörning stoppad"
    if started["tool"] in FLAGGED_TOOLS:  # flagged in the demo register (issue 15, item 7)
        started["tool_flag_reason"] = "Kundens IT tillåter bara Snabbhjälp"
    begin = when + dt.timedelta(minutes=1)
    end = begin + dt.timedelta(minutes=minutes)
    log("session_started", started, begin)

    def during() -> dt.datetime:
        return begin + dt.timedelta(seconds=rng.uniform(30, minutes * 60 - 30))

    for _ in range(rng.randint(0, 4)):
        log("note_added", {"note": rng.choice(NOTES)}, during())
    if kind == "file_transfer":  # now and then a big batch: the review flags it
        for n in range(rng.choice((1, 2, 3, 25))):
            log("file_transferred", _transfer(rng, n), during())
    if still_open:
        return out
    ended = "session_ended_late" if fate < 0.06 else "session_ended"
    i = rng.randrange(len(OUTCOMES))
    log(ended, {"summary": SUMMARIES[i], "outcome": OUTCOMES[i]}, end)
    return out
