"""What the Sessions screen reads beyond the events: the party who can agree, customer names
for session lists, and the names a timeline's consent payloads refer to by id.

Every function reads on the caller's connection (the service owns the transaction).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import ARRAY, Connection, Integer, any_, bindparam, select

from bowebb_console.domain.orgnr import OrgNumber
from bowebb_console.domain.subprocessor_flags import ToolEntry
from bowebb_console.store.log.chain import EventRow, read_session_events
from bowebb_console.store.models import Contact, Customer
from bowebb_console.store.sessions.events import SessionSummary, customer_gone
from bowebb_console.store.subprocessors.register import remote_tool_entries


@dataclass(frozen=True)
class ContactChoice:
    id: int
    name: str
    email: str


@dataclass(frozen=True)
class ConsentParty:
    """A customer as the consent dialog needs it."""

    customer_id: int
    name: str
    org_number: str  # NNNNNN-NNNN
    dpa_signed_on: dt.date | None
    contacts: tuple[ContactChoice, ...]
    # The remote-control tools' register entries, by tool (issue 15, item 7).
    tools: Mapping[str, ToolEntry] = field(default_factory=dict)


@dataclass(frozen=True)
class SessionListRow:
    summary: SessionSummary
    customer_name: str  # "" when the customer is gone (hard-deleted)


@dataclass(frozen=True)
class Timeline:
    events: tuple[EventRow, ...]
    contacts: dict[int, str]  # contact id -> name, for the consent events (gone: absent)
    customer_name: str


def consent_party(conn: Connection, customer_id: int) -> ConsentParty:
    row = conn.execute(
        select(Customer.name, Customer.org_number, Customer.dpa_signed_on).where(
            Customer.id == customer_id
        )
    ).first()
    if row is None:
        raise customer_gone()
    contacts = conn.execute(
        select(Contact.id, Contact.name, Contact.email)
        .where(Contact.customer_id == customer_id)
        .order_by(Contact.name, Contact.id)
    ).all()
    return ConsentParty(
        customer_id,
        row[0],
        OrgNumber(row[1]).formatted,
        row[2],
        tuple(ContactChoice(int(c[0]), c[1], c[2]) for c in contacts),
        remote_tool_entries(conn),
    )


def customer_names(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    if conn.dialect.name == "postgresql":
        # one array parameter: the same statement text whatever the number of ids (an IN
        # list of 300 parameters is a new statement for psycopg to parse every time)
        ids = bindparam("ids", sorted(wanted), type_=ARRAY(Integer))
        rows = conn.execute(select(Customer.id, Customer.name).where(Customer.id == any_(ids)))
    else:
        rows = conn.execute(select(Customer.id, Customer.name).where(Customer.id.in_(wanted)))
    return {int(r[0]): str(r[1]) for r in rows}


def with_names(conn: Connection, found: list[SessionSummary]) -> list[SessionListRow]:
    """Session summaries with their customers' names, for a list."""
    (rows,) = with_names_many(conn, found)
    return rows


def with_names_many(
    conn: Connection, *lists: list[SessionSummary]
) -> tuple[list[SessionListRow], ...]:
    """``with_names`` for several lists, their names read in one query."""
    names = customer_names(
        conn, (s.customer_id for found in lists for s in found if s.customer_id is not None)
    )
    return tuple(
        [SessionListRow(s, names.get(s.customer_id or -1, "")) for s in found] for found in lists
    )


def timeline(conn: Connection, session_uuid: str) -> Timeline:
    """A session's events with the names its consent payloads refer to by id."""
    events = read_session_events(conn, session_uuid)
    ids = {
        int(e.payload["contact_id"])
        for e in events
        if e.payload and e.payload.get("contact_id") is not None
    }
    customer = next(
        (e.payload.get("customer_id") for e in events if e.payload and "customer_id" in e.payload),
        None,
    )
    names: dict[int, str] = {}
    if ids:
        rows = conn.execute(select(Contact.id, Contact.name).where(Contact.id.in_(ids)))
        names = {int(r[0]): str(r[1]) for r in rows}
    customer_name = ""
    if customer is not None:
        customer_name = customer_names(conn, [int(customer)]).get(int(customer), "")
    return Timeline(tuple(events), names, customer_name)
