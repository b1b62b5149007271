"""Demo erasure requests (open, extended, overdue, forwarded, done) and a certificate."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import Engine, func, insert, select, update

from bowebb_console.domain import erasure as rules
from bowebb_console.store.erasure.certificates import issue_certificate
from bowebb_console.store.models import ErasureRequest


def fill_demo_erasure(engine: Engine, *, today: dt.date, seed: int = 7) -> int:
    rng = random.Random(seed)
    with engine.begin() as conn:
        if conn.execute(select(func.count()).select_from(ErasureRequest)).scalar_one():
            return 0
        rows: list[dict[str, Any]] = []
        for days_ago, channel, status in (
            (4, "email", "open"),
            (12, "web_form", "open"),
            (40, "letter", "open"),  # overdue
            (25, "phone", "extended"),
            (60, "email", "forwarded"),
            (90, "email", "done"),
        ):
            received = today - dt.timedelta(days=days_ago)
            row = {
                "reference": f"ER-{received.year}-DEMO{rng.randrange(1000, 9999)}",
                "received_on": received,
                "channel": channel,
                "due_on": rules.answer_due(received),
                "status": "open" if status == "extended" else status,
                "version": 1,
            }
            if status == "extended":
                row |= {
                    "extended_to": rules.extended_due(received),
                    "extension_reason": "Many requests at once after a newsletter",
                }
            if status in ("forwarded", "done"):
                row |= {
                    "closed_on": received + dt.timedelta(days=9),
                    "identity_check": "reply_from_address",
                    "controller_role": "processor" if status == "forwarded" else "controller",
                    "outcome": "forwarded to the customer" if status == "forwarded" else "erased",
                }
            if status == "forwarded":
                row["forwarded_on"] = received + dt.timedelta(days=9)
            rows.append(row)
        # Recorded open, then closed the way the app closes them: the database refuses a
        # request inserted closed, and "done" only with its certificate (migration 0008).
        closing_keys = ("status", "closed_on", "identity_check", "controller_role", "outcome")
        closings = {
            str(r["reference"]): {k: r.pop(k) for k in (*closing_keys, "forwarded_on") if k in r}
            for r in rows
        }
        conn.execute(insert(ErasureRequest), [r | {"status": "open"} for r in rows])
        done = rows[-1]
        done_closing = closings[str(done["reference"])]
        issue_certificate(
            conn,
            str(done["reference"]),
            done_closing["closed_on"],
            "person",
            ["contact_details", "search_index", "session_payloads"],
            ["bookkeeping"],
            "admin",
            done["received_on"],
        )
        for reference, closing in closings.items():
            if closing["status"] != "open":
                conn.execute(
                    update(ErasureRequest)
                    .where(ErasureRequest.reference == reference)
                    .values(**closing)
                )
    return len(rows)
