"""The customer card: one read for everything the card shows, plain frozen data out.

``edit.CustomerView`` is what an edit dialog loads (and hands back for the optimistic
lock); the card adds the retention and DPA details that are shown but not edited there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from bowebb_console.store.customers.edit import (
    ContactView,
    CustomerView,
    contacts_of,
    customer_view,
)
from bowebb_console.store.models import Customer


@dataclass(frozen=True)
class CustomerCard:
    customer: CustomerView
    terminated_on: dt.date | None
    hard_delete_due: dt.date | None
    dpa_version: str | None
    dpa_reference: str | None
    contacts: tuple[ContactView, ...]
    grace_period_days: int | None = None  # the grace the database used for hard_delete_due


def load_card(conn: Connection, customer_id: int) -> CustomerCard | None:
    """The card of ``customer_id``; None when it no longer exists (erased meanwhile)."""
    with Session(bind=conn) as session:
        row = session.get(Customer, customer_id)
        if row is None:
            return None
        return CustomerCard(
            customer=customer_view(row),
            terminated_on=row.terminated_on,
            hard_delete_due=row.hard_delete_due,
            dpa_version=row.dpa_version,
            dpa_reference=row.dpa_reference,
            contacts=tuple(contacts_of(session, customer_id)),
            grace_period_days=row.grace_period_days,
        )
