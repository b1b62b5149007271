"""Demo review marks: some demo sessions reviewed, a few flagged for follow-up, so the review
screen has something real to show. Deterministic per seed; skipped when reviews exist."""

from __future__ import annotations

import random
import uuid

from sqlalchemy import Engine, func, select

from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.store.db.connect import Database
from bowebb_console.store.log.chain import write_event
from bowebb_console.store.models import LogEvent, SessionSummaryRow
from bowebb_console.store.review.queries import REVIEW

LEAD = "lena.strand"  # SQLite only: on PostgreSQL the server records who ran the demo fill
COMMENTS = (
    "Granskad, inga anmärkningar",
    "OK, samtycke dokumenterat",
    "Bra anteckningar",
)
FOLLOW_UPS = (
    "Följ upp: saknat PUB-avtal, kontakta kunden",
    "Följ upp: lång session, varför?",
    "Kontrollera överförda filer med kunden",
)


def fill_demo_reviews(engine: Engine, *, seed: int = 20261126) -> int:
    """Review about a third of the ended demo sessions and flag a few; returns how many."""
    rng = random.Random(f"review-{seed}")  # not the sessions' sequence: new event UUIDs
    with Database(engine).transaction() as conn:  # IMMEDIATE on SQLite: one writer
        if conn.execute(
            select(func.count()).select_from(LogEvent).where(LogEvent.kind == REVIEW)
        ).scalar():
            return 0
        ended = conn.execute(
            select(SessionSummaryRow.session_uuid)
            .where(SessionSummaryRow.state.in_(("ended", "ended_late")))
            .order_by(SessionSummaryRow.first_seq)
        ).scalars()
        done = 0
        for su in ended:
            roll = rng.random()
            if roll < 0.3:
                payload = {"action": "reviewed", "comment": rng.choice(COMMENTS)}
            elif roll < 0.36:
                payload = {"action": "flagged", "comment": rng.choice(FOLLOW_UPS)}
            else:
                continue
            eu = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            write_event(conn, REVIEW, su, eu, canonical_payload(payload), LEAD)
            done += 1
    return done
