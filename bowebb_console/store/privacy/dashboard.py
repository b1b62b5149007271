"""What the privacy dashboard reads besides the other features' own lists: the contacts
under restriction or objecting to news, and the last run of the session-log retention.

Both are reads only. The retention's runs are the ``erasure_performed`` events of scope
``retention`` (store.erasure.retention); their payloads hold no personal data.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Connection, or_, select

from bowebb_console.store.erasure.person import ERASED_KIND
from bowebb_console.store.erasure.retention import SCOPE
from bowebb_console.store.models import Contact, Customer, LogEvent, LogPayload


@dataclass(frozen=True)
class MarkedContact:
    """A contact whose data is restricted (Art. 18) or who objects to news (Art. 21)."""

    contact_id: int
    customer_id: int
    customer_name: str
    name: str
    restricted: bool
    news_objection: bool


@dataclass(frozen=True)
class RetentionRunInfo:
    """The last run of the session-log retention that erased something."""

    at: str  # the event's canonical UTC time
    reference: str
    payloads: int


def marked_contacts(conn: Connection, limit: int = 500) -> list[MarkedContact]:
    rows = conn.execute(
        select(
            Contact.id,
            Contact.customer_id,
            Customer.name,
            Contact.name,
            Contact.restricted,
            Contact.news_objection,
        )
        .join(Customer, Customer.id == Contact.customer_id)
        .where(or_(Contact.restricted.is_(True), Contact.news_objection.is_(True)))
        .order_by(Contact.restricted.desc(), Customer.name, Contact.name, Contact.id)
        .limit(limit)
    )
    return [MarkedContact(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5])) for r in rows]


def last_retention_run(conn: Connection, scan: int = 200) -> RetentionRunInfo | None:
    """The newest ``erasure_performed`` event of scope retention among the last ``scan``
    erasure events (a payload erased by a later erasure is skipped)."""
    rows = conn.execute(
        select(LogEvent.at, LogPayload.payload)
        .join(LogPayload, LogPayload.seq == LogEvent.seq)
        .where(LogEvent.kind == ERASED_KIND)
        .order_by(LogEvent.seq.desc())
        .limit(scan)
    )
    for at, payload in rows:
        data = json.loads(payload)
        if data.get("scope") == SCOPE:
            return RetentionRunInfo(str(at), str(data.get("reference", "")), int(data["payloads"]))
    return None


def at_datetime(at: str) -> dt.datetime:
    """A log event's canonical time as an aware datetime (for showing it in local time)."""
    value = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
