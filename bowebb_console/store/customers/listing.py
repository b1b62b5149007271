"""The customer list (browsing with an empty search field); plain frozen rows out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from bowebb_console.domain.orgnr import OrgNumber
from bowebb_console.store.models import Contact, Customer


@dataclass(frozen=True)
class CustomerRow:
    id: int
    org_number: str  # NNNNNN-NNNN
    name: str
    status: str
    dpa_signed_on: dt.date | None
    hard_delete_due: dt.date | None
    contact_count: int


def list_customers(conn: Connection, limit: int = 500) -> list[CustomerRow]:
    contacts = (
        select(Contact.customer_id, func.count().label("n"))
        .group_by(Contact.customer_id)
        .subquery()
    )
    stmt = (
        select(
            Customer.id,
            Customer.org_number,
            Customer.name,
            Customer.status,
            Customer.dpa_signed_on,
            Customer.hard_delete_due,
            func.coalesce(contacts.c.n, 0),
        )
        .outerjoin(contacts, contacts.c.customer_id == Customer.id)
        .order_by(Customer.name, Customer.id)
        .limit(limit)
    )
    return [
        CustomerRow(r[0], OrgNumber(r[1]).formatted, r[2], r[3], r[4], r[5], int(r[6]))
        for r in conn.execute(stmt)
    ]


def count_customers(conn: Connection) -> int:
    """How many customers there are (the list says "200 of 2,000" when it shows fewer)."""
    return int(conn.execute(select(func.count()).select_from(Customer)).scalar_one())
