"""Read queries for the customer and sub-processor lists; plain frozen rows out, no ORM objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bowebb_console.domain.orgnr import OrgNumber
from bowebb_console.store.models import Contact, Customer, SubProcessor


@dataclass(frozen=True)
class CustomerRow:
    id: int
    org_number: str  # NNNNNN-NNNN
    name: str
    status: str
    dpa_signed_on: dt.date | None
    hard_delete_due: dt.date | None
    contact_count: int


@dataclass(frozen=True)
class SubProcessorRow:
    id: int
    name: str
    service: str
    locations: str
    dpa_signed_on: dt.date | None
    next_review_on: dt.date | None
    status: str


def count_customers(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(Customer)).scalar_one())


def list_customers(session: Session, limit: int = 500) -> list[CustomerRow]:
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
        for r in session.execute(stmt)
    ]


def list_sub_processors(session: Session) -> list[SubProcessorRow]:
    stmt = select(
        SubProcessor.id,
        SubProcessor.name,
        SubProcessor.service,
        SubProcessor.locations,
        SubProcessor.dpa_signed_on,
        SubProcessor.next_review_on,
        SubProcessor.status,
    ).order_by(SubProcessor.name)
    return [SubProcessorRow(*r) for r in session.execute(stmt)]
