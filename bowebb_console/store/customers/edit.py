"""Creating and editing customers and contacts, trial registrations and their conversion.

Frozen dataclasses in and out, no ORM objects leak. Input is validated by the domain
(org number check digit, e-mail, phone to E.164, names); every bad field is reported at once
in :class:`InputErrors` so the form can mark them all.

Concurrent edits use optimistic locking (``version_id_col``): the caller passes back the view
it loaded, and a save against a row someone else has saved since is refused with
:class:`StaleEdit`, which names the fields that changed and carries the user's own input so
the UI keeps it for re-applying. Never a silent overwrite: the version check happens in
Python first (for a clear message) and again in the UPDATE's WHERE clause (for the race
between the two).

These functions flush but do not commit: the caller owns the transaction (see
``store.saving.save_and_confirm``). On a refusal they roll the session back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from bowebb_console.domain.contact_info import clean_name, normalise_email, normalise_phone
from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.orgnr import OrgNumber, parse_orgnr
from bowebb_console.store.models import Contact, Customer, CustomerStatus

TITLE_MAX = 100
STATUSES = tuple(s.value for s in CustomerStatus)


@dataclass(frozen=True)
class CustomerInput:
    org_number: str
    name: str
    status: str = CustomerStatus.ACTIVE.value
    dpa_signed_on: dt.date | None = None


@dataclass(frozen=True)
class ContactInput:
    name: str
    email: str
    phone: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class TrialInput:
    """A trial registration: a prospect with one contact, who must have an e-mail."""

    org_number: str
    company_name: str
    contact: ContactInput


@dataclass(frozen=True)
class CustomerView:
    id: int
    org_number: str  # NNNNNN-NNNN
    name: str
    status: str
    trial_registered_on: dt.date | None
    customer_since: dt.date | None
    dpa_signed_on: dt.date | None
    version: int


@dataclass(frozen=True)
class ContactView:
    id: int
    customer_id: int
    name: str
    email: str
    phone: str | None
    title: str | None
    version: int


class InputErrors(ValidationError):
    """One or more fields are invalid; ``errors`` has one ValidationError per field."""

    def __init__(self, errors: Sequence[ValidationError]) -> None:
        super().__init__(errors[0].field, " ".join(e.message for e in errors))
        self.errors = tuple(errors)

    @property
    def by_field(self) -> dict[str, str]:
        return {e.field: e.message for e in self.errors}


View = TypeVar("View", CustomerView, ContactView)


class StaleEdit(Exception):
    """Someone else saved (or deleted) the record since the user loaded it.

    ``changed`` names the fields that differ between what the user loaded and what is saved
    now; ``current`` is the saved state (None when deleted); ``yours`` is the user's input,
    untouched, to re-apply.
    """

    def __init__(
        self,
        what: str,
        changed: tuple[str, ...],
        current: CustomerView | ContactView | None,
        yours: object,
    ) -> None:
        if current is None:
            message = (
                f"This {what} was deleted by someone else while you were editing it; "
                "your input is kept on screen."
            )
        else:
            names = ", ".join(f.replace("_", " ") for f in changed) or "nothing visible"
            message = (
                f"Someone else saved this {what} while you were editing it (changed: {names}). "
                "Nothing was overwritten: your input is kept — review their change and save "
                "again."
            )
        super().__init__(message)
        self.what = what
        self.changed = changed
        self.current = current
        self.yours = yours
        self.message = message


# -- validation ---------------------------------------------------------------------------


def _collect(checks: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    """Run every check; raise InputErrors with all failures, else return the values."""
    values: dict[str, Any] = {}
    errors: list[ValidationError] = []
    for key, check in checks.items():
        try:
            values[key] = check()
        except ValidationError as exc:
            errors.append(ValidationError(key, exc.message))
    if errors:
        raise InputErrors(errors)
    return values


def _status(value: str) -> str:
    if value not in STATUSES:
        raise ValidationError("status", f"Status must be one of {', '.join(STATUSES)}.")
    return value


def _optional_phone(value: str | None) -> str | None:
    return normalise_phone(value) if value and value.strip() else None


def _optional_title(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    return clean_name(value, "title", TITLE_MAX)


def validate_customer(data: CustomerInput) -> dict[str, Any]:
    return _collect(
        {
            "org_number": lambda: parse_orgnr(data.org_number).digits,
            "name": lambda: clean_name(data.name, "company_name"),
            "status": lambda: _status(data.status),
            "dpa_signed_on": lambda: data.dpa_signed_on,
        }
    )


def validate_contact(data: ContactInput) -> dict[str, Any]:
    return _collect(
        {
            "name": lambda: clean_name(data.name, "contact_name"),
            "email": lambda: normalise_email(data.email),
            "phone": lambda: _optional_phone(data.phone),
            "title": lambda: _optional_title(data.title),
        }
    )


# -- views ----------------------------------------------------------------------------------


def customer_view(row: Customer) -> CustomerView:
    return CustomerView(
        id=row.id,
        org_number=OrgNumber(row.org_number).formatted,
        name=row.name,
        status=row.status,
        trial_registered_on=row.trial_registered_on,
        customer_since=row.customer_since,
        dpa_signed_on=row.dpa_signed_on,
        version=row.version,
    )


def contact_view(row: Contact) -> ContactView:
    return ContactView(
        id=row.id,
        customer_id=row.customer_id,
        name=row.name,
        email=row.email,
        phone=row.phone,
        title=row.title,
        version=row.version,
    )


def get_customer(session: Session, customer_id: int) -> CustomerView | None:
    row = session.get(Customer, customer_id, populate_existing=True)
    return customer_view(row) if row else None


def get_contact(session: Session, contact_id: int) -> ContactView | None:
    row = session.get(Contact, contact_id, populate_existing=True)
    return contact_view(row) if row else None


def list_contacts(session: Session, customer_id: int) -> list[ContactView]:
    rows = session.scalars(
        select(Contact).where(Contact.customer_id == customer_id).order_by(Contact.name)
    )
    return [contact_view(r) for r in rows]


def _changed(loaded: View, current: View) -> tuple[str, ...]:
    return tuple(
        f.name
        for f in fields(loaded)
        if f.name not in ("version", "id") and getattr(loaded, f.name) != getattr(current, f.name)
    )


# -- customers ------------------------------------------------------------------------------


def _duplicate_org(session: Session, digits: str, except_id: int | None = None) -> None:
    stmt = select(Customer.name).where(Customer.org_number == digits)
    if except_id is not None:
        stmt = stmt.where(Customer.id != except_id)
    other = session.scalar(stmt)
    if other is not None:
        raise InputErrors(
            [
                ValidationError(
                    "org_number",
                    f"A customer with organisation number {OrgNumber(digits).formatted} "
                    f"already exists: {other}.",
                )
            ]
        )


def _flush(session: Session, on_conflict: Callable[[], None]) -> None:
    """Flush; a unique-constraint race becomes the same clear error as the pre-check."""
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        on_conflict()
        raise


def create_customer(
    session: Session, data: CustomerInput, contacts: Sequence[ContactInput] = ()
) -> CustomerView:
    errors: list[ValidationError] = []
    values: dict[str, Any] = {}
    contact_values: list[dict[str, Any]] = []
    try:
        values = validate_customer(data)
    except InputErrors as exc:
        errors += exc.errors
    for contact in contacts:
        try:
            contact_values.append(validate_contact(contact))
        except InputErrors as exc:
            errors += exc.errors
    if errors:
        raise InputErrors(errors)
    _duplicate_org(session, values["org_number"])
    today = dt.date.today()
    customer = Customer(**values)
    if customer.status == CustomerStatus.TRIAL.value:
        customer.trial_registered_on = today
    elif customer.status == CustomerStatus.ACTIVE.value:
        customer.customer_since = today
    customer.contacts = [Contact(**v) for v in contact_values]
    session.add(customer)
    _flush(session, lambda: _duplicate_org(session, values["org_number"]))
    return customer_view(customer)


def update_customer(session: Session, loaded: CustomerView, data: CustomerInput) -> CustomerView:
    """Save ``data`` over the customer the user loaded as ``loaded``; StaleEdit if stale."""
    values = validate_customer(data)
    row = _fresh(session, Customer, loaded, data)
    _duplicate_org(session, values["org_number"], except_id=row.id)
    if values["status"] == CustomerStatus.ACTIVE.value and row.customer_since is None:
        values["customer_since"] = dt.date.today()
    if values["status"] == CustomerStatus.TERMINATED.value and row.terminated_on is None:
        values["terminated_on"] = dt.date.today()
    for key, value in values.items():
        setattr(row, key, value)
    _save(session, Customer, loaded, data)
    return customer_view(row)


def register_trial(session: Session, data: TrialInput) -> CustomerView:
    """A prospect with one contact; the contact's e-mail is required (validate_contact).

    Errors name the trial form's fields: ``company_name`` and ``contact_name`` (both are
    ``name`` in the customer and contact checks)."""
    customer = CustomerInput(data.org_number, data.company_name, CustomerStatus.TRIAL.value)
    errors: list[ValidationError] = []
    checks: list[tuple[Callable[[], object], str]] = [
        (lambda: validate_customer(customer), "company_name"),
        (lambda: validate_contact(data.contact), "contact_name"),
    ]
    for check, name_field in checks:
        try:
            check()
        except InputErrors as exc:
            errors += [
                ValidationError(name_field if e.field == "name" else e.field, e.message)
                for e in exc.errors
            ]
    if errors:
        raise InputErrors(errors)
    return create_customer(session, customer, [data.contact])


def convert_trial(session: Session, loaded: CustomerView) -> CustomerView:
    """Make a trial a customer (status active, customer since today)."""
    if loaded.status != CustomerStatus.TRIAL.value:
        raise InputErrors([ValidationError("status", "Only a trial can be converted.")])
    row = _fresh(session, Customer, loaded, None)
    row.status = CustomerStatus.ACTIVE.value
    row.customer_since = dt.date.today()
    _save(session, Customer, loaded, None)
    return customer_view(row)


# -- contacts -------------------------------------------------------------------------------


def add_contact(session: Session, customer_id: int, data: ContactInput) -> ContactView:
    values = validate_contact(data)
    if session.get(Customer, customer_id) is None:
        raise InputErrors([ValidationError("customer", "This customer no longer exists.")])
    contact = Contact(customer_id=customer_id, **values)
    session.add(contact)
    session.flush()
    return contact_view(contact)


def update_contact(session: Session, loaded: ContactView, data: ContactInput) -> ContactView:
    values = validate_contact(data)
    row = _fresh(session, Contact, loaded, data)
    for key, value in values.items():
        setattr(row, key, value)
    _save(session, Contact, loaded, data)
    return contact_view(row)


# -- optimistic locking ---------------------------------------------------------------------


def _what(model: type[Customer] | type[Contact]) -> str:
    return "customer" if model is Customer else "contact"


def _current(session: Session, model: Any, record_id: int) -> CustomerView | ContactView | None:
    row = session.get(model, record_id, populate_existing=True)
    if row is None:
        return None
    return customer_view(row) if model is Customer else contact_view(row)


def _fresh(session: Session, model: Any, loaded: Any, yours: object) -> Any:
    """The row as saved now; StaleEdit if it is not the version the user loaded."""
    row = session.get(model, loaded.id, populate_existing=True)
    if row is None:
        session.rollback()
        raise StaleEdit(_what(model), (), None, yours)
    if row.version != loaded.version:
        current = customer_view(row) if model is Customer else contact_view(row)
        session.rollback()
        raise StaleEdit(_what(model), _changed(loaded, current), current, yours)
    return row


def _save(session: Session, model: Any, loaded: Any, yours: object) -> None:
    """Flush: the UPDATE carries ``WHERE version = <loaded>``, so a save that raced ours
    between the check and here still makes it affect no row (StaleDataError). On SQLite (WAL)
    the same race shows as a snapshot that cannot become a write ("database is locked")."""
    try:
        session.flush()
    except (StaleDataError, OperationalError) as exc:
        session.rollback()
        current = _current(session, model, loaded.id)
        session.rollback()
        if isinstance(exc, OperationalError) and (
            current is not None and current.version == loaded.version
        ):
            raise  # locked for another reason: not a stale edit
        changed = _changed(loaded, current) if current is not None else ()
        raise StaleEdit(_what(model), changed, current, yours) from None
