"""What the lookup screen runs on ``ctx.runner``: one ORM session per task, plain data out.

Saves go through ``store.saving.save_and_confirm``: when the connection drops during a save,
each ``confirm`` re-reads the database to tell "saved" from "not saved" — never a guess.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bowebb_console.store.customers.card import CustomerCard, load_card
from bowebb_console.store.customers.edit import (
    ContactInput,
    ContactView,
    CustomerInput,
    CustomerView,
    TrialInput,
    add_contact,
    convert_trial,
    create_customer,
    get_customer,
    register_trial,
    update_contact,
    update_customer,
    validate_contact,
    validate_customer,
)
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.saving import SaveOutcome, save_and_confirm
from bowebb_console.store.models import Contact, Customer

BROWSE_LIMIT = 200  # shown while the search field is empty


@dataclass(frozen=True)
class ResultRow:
    """One line of the results list: a search hit, or a customer while browsing."""

    customer_id: int
    org_number: str
    name: str
    status: str
    dpa_signed: bool
    matched_contact: str | None


@dataclass(frozen=True)
class Saved:
    """A save's outcome: ``view`` is what was written (None when not saved)."""

    outcome: SaveOutcome
    view: Any = None

    @property
    def ok(self) -> bool:
        return self.outcome is SaveOutcome.SAVED


def search(db: Database, text: str, limit: int = 50) -> tuple[str, list[ResultRow]]:
    """(the query, its rows); an empty query browses the first customers by name."""
    from bowebb_console.store.customers.listing import list_customers
    from bowebb_console.store.customers.search import search_customers

    with db.session() as session:
        if not text.strip():
            rows = list_customers(session, limit=BROWSE_LIMIT)
            return text, [
                ResultRow(r.id, r.org_number, r.name, r.status, r.dpa_signed_on is not None, None)
                for r in rows
            ]
        hits = search_customers(session, text, limit=limit)
    return text, [
        ResultRow(h.customer_id, h.org_number, h.name, h.status, h.dpa_signed, h.matched_contact)
        for h in hits
    ]


def card(db: Database, customer_id: int) -> CustomerCard | None:
    with db.session() as session:
        return load_card(session, customer_id)


def reload_customer(db: Database, customer_id: int) -> CustomerView | None:
    with db.session() as session:
        return get_customer(session, customer_id)


def reload_contact(db: Database, contact_id: int) -> ContactView | None:
    from bowebb_console.store.customers.edit import get_contact

    with db.session() as session:
        return get_contact(session, contact_id)


def _save(
    db: Database, write: Callable[[Session], Any], confirm: Callable[[Session], bool]
) -> Saved:
    box: list[Any] = []
    outcome = save_and_confirm(db, lambda s: box.append(write(s)), confirm)
    return Saved(outcome, box[0] if box and outcome is SaveOutcome.SAVED else None)


def _org_exists(digits: str) -> Callable[[Session], bool]:
    return lambda s: s.scalar(select(Customer.id).where(Customer.org_number == digits)) is not None


def save_new_customer(
    db: Database, data: CustomerInput, contacts: tuple[ContactInput, ...] = ()
) -> Saved:
    digits = validate_customer(data)["org_number"]
    return _save(db, lambda s: create_customer(s, data, contacts), _org_exists(digits))


def save_trial(db: Database, data: TrialInput) -> Saved:
    from bowebb_console.domain.orgnr import parse_orgnr

    digits = parse_orgnr(data.org_number).digits
    return _save(db, lambda s: register_trial(s, data), _org_exists(digits))


def save_customer(db: Database, loaded: CustomerView, data: CustomerInput) -> Saved:
    wanted = validate_customer(data)

    def confirm(s: Session) -> bool:
        row = s.get(Customer, loaded.id)
        return row is not None and all(getattr(row, k) == v for k, v in wanted.items())

    return _save(db, lambda s: update_customer(s, loaded, data), confirm)


def convert(db: Database, loaded: CustomerView) -> Saved:
    def confirm(s: Session) -> bool:
        row = s.get(Customer, loaded.id)
        return row is not None and row.status == "active"

    return _save(db, lambda s: convert_trial(s, loaded), confirm)


def save_new_contact(db: Database, customer_id: int, data: ContactInput) -> Saved:
    email = validate_contact(data)["email"]
    same = (
        select(func.count())
        .select_from(Contact)
        .where(Contact.customer_id == customer_id, Contact.email == email)
    )
    before: list[int] = []

    def write(s: Session) -> ContactView:
        before.append(int(s.scalar(same) or 0))
        return add_contact(s, customer_id, data)

    def confirm(s: Session) -> bool:
        return bool(before) and int(s.scalar(same) or 0) > before[0]

    return _save(db, write, confirm)


def save_contact(db: Database, loaded: ContactView, data: ContactInput) -> Saved:
    wanted = validate_contact(data)

    def confirm(s: Session) -> bool:
        row = s.get(Contact, loaded.id)
        return row is not None and all(getattr(row, k) == v for k, v in wanted.items())

    return _save(db, lambda s: update_contact(s, loaded, data), confirm)


def import_dry_run(db: Database, path: Path) -> Any:
    from bowebb_console.store.customers.csv_import import import_file

    with db.session() as session:
        report = import_file(session, path, dry_run=True)
        session.rollback()
    return report


def import_apply(db: Database, path: Path) -> Any:
    """All or nothing: one transaction, committed only when every row is good."""
    from bowebb_console.store.customers.csv_import import import_file

    with db.session() as session:
        report = import_file(session, path, dry_run=False)
        if report.applied:
            session.commit()
        else:
            session.rollback()
    return report


def export_notices(db: Database, path: Path, reason: str, local_user: str | None) -> int:
    from bowebb_console.store.customers.notices import write_notice_file

    return write_notice_file(db, path, reason=reason, local_user=local_user)
