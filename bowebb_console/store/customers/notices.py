"""Service-disruption notices: the one bulk export of contacts' e-mail addresses.

Only contacts of current customers (active or trial) are exported, each address once, and
every export is recorded in ``notice_export``: who, when, how many and why. On PostgreSQL the
database fills in who (``session_user``, by trigger: a client cannot claim to be someone
else) and when; no role may change or delete the record. On SQLite (single-user) the
signed-in local user is recorded.

The record and the export share the caller's transaction: the CSV is written to ``out``
before the caller commits, so a caller writing a file writes it to a temporary name and
renames it only after the commit (no export without its record; see
``services.customers.export_notices``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from sqlalchemy import Connection, insert, select

from bowebb_console.domain.errors import ValidationError
from bowebb_console.store.models import Contact, Customer, CustomerStatus, NoticeExport

NOTICE_STATUSES = (CustomerStatus.ACTIVE.value, CustomerStatus.TRIAL.value)
REASON_MAX = 500
CSV_COLUMNS = ("email", "contact_name", "company_name")


@dataclass(frozen=True)
class NoticeExportRecord:
    id: int
    actor: str
    exported_at: dt.datetime
    recipient_count: int
    reason: str


def notice_recipients(
    conn: Connection, *, news: bool = False, customer_ids: Sequence[int] | None = None
) -> list[tuple[str, str, str]]:
    """(e-mail, contact name, company name) of current customers' contacts, each address
    once, in company order. Restricted contacts (Art. 18) never; for ``news`` also not those
    who object to news (Art. 21): disruption notices are part of the contract and still go.
    ``customer_ids``: only these customers, whatever their status (a breach notice to the
    customers a breach affected, Art. 34: a legal duty, so an objection to news does not
    hold it back)."""
    query = (
        select(Contact.email, Contact.email_folded, Contact.name, Customer.name)
        .join(Customer, Customer.id == Contact.customer_id)
        .where(Contact.restricted.is_(False))
        .order_by(Customer.name, Customer.id, Contact.id)
    )
    if customer_ids is None:
        query = query.where(Customer.status.in_(NOTICE_STATUSES))
    else:
        query = query.where(Customer.id.in_(list(customer_ids)))
    if news:
        query = query.where(Contact.news_objection.is_(False))
    rows = conn.execute(query)
    seen: set[str] = set()
    out = []
    for email, key, name, company in rows:
        if key not in seen:
            seen.add(key)
            out.append((email, name, company))
    return out


def export_notice_recipients(
    conn: Connection,
    out: TextIO,
    *,
    reason: str,
    local_user: str | None = None,
    news: bool = False,
    columns: Sequence[str] = CSV_COLUMNS,
    delimiter: str = ",",
    customer_ids: Sequence[int] | None = None,
) -> int:
    """Write the recipients as CSV to ``out`` and record the export; returns the count.
    ``columns`` and ``delimiter``: the headings and separator the reader's Excel expects
    (the UI hands in words and ';' in Swedish; the default is codes and ',').

    ``local_user`` is the actor on SQLite and ignored on PostgreSQL (the server records its
    ``session_user``).
    """
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(
            "reason",
            "Say why the addresses are exported (the disruption).",
            "notices.reason_missing",
        )
    if len(reason) > REASON_MAX:
        raise ValidationError(
            "reason",
            f"The reason is too long (at most {REASON_MAX}).",
            "notices.reason_too_long",
            {"max": REASON_MAX},
        )
    recipients = notice_recipients(conn, news=news, customer_ids=customer_ids)
    values: dict[str, object] = {
        "recipient_count": len(recipients),
        "reason": reason,
        "news": news,
        "customer_ids": None if customer_ids is None else json.dumps(sorted(set(customer_ids))),
    }
    if conn.dialect.name != "postgresql":
        if not local_user:
            raise ValidationError(
                "actor",
                "The signed-in user is needed to record the export.",
                "notices.actor_missing",
            )
        values["actor"] = local_user
    conn.execute(insert(NoticeExport).values(**values))
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(recipients)
    return len(recipients)


def customer_names(conn: Connection, customer_ids: Sequence[int]) -> list[str]:
    """The companies' names, by name."""
    rows = conn.execute(
        select(Customer.name).where(Customer.id.in_(list(customer_ids))).order_by(Customer.name)
    )
    return [str(r[0]) for r in rows]


def list_notice_exports(conn: Connection, limit: int = 200) -> list[NoticeExportRecord]:
    rows = conn.execute(
        select(
            NoticeExport.id,
            NoticeExport.actor,
            NoticeExport.exported_at,
            NoticeExport.recipient_count,
            NoticeExport.reason,
        )
        .order_by(NoticeExport.exported_at.desc(), NoticeExport.id.desc())
        .limit(limit)
    )
    return [NoticeExportRecord(*r) for r in rows]
