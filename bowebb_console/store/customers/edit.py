"""Creating and editing customers and contacts, trial registrations and their conversion.

Frozen dataclasses in and out, no ORM objects leak. Input is validated by the domain
(org number check digit, e-mail, phone to E.164, names); every bad field is reported at once
in :class:`InputErrors` so the form can mark them all, each with its own code.

Concurrent edits use optimistic locking (``version_id_col``): the caller passes back the view
it loaded, and a save against a row someone else has saved since is refused with
:class:`StaleEdit`, which names the fields that changed and carries the user's own input so
the UI keeps it for re-applying. Never a silent overwrite: the version check happens in
Python first (for a clear message) and again in the UPDATE's WHERE clause (for the race
between the two, possible on PostgreSQL; a writing SQLite transaction holds the lock).

These functions work in the caller's transaction (``conn``) and never commit; a refusal
raises and the caller's transaction rolls back (see ``store.db.saving.save_and_confirm``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from bowebb_console.domain.contact_info import clean_name, normalise_email, normalise_phone
from bowebb_console.domain.errors import ShownError, ValidationError
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
    restricted: bool = False  # Art. 18: hidden from agents (PostgreSQL), marked for others
    news_objection: bool = False  # Art. 21: no "news" notices; disruption notices still go


class InputErrors(ValidationError):
    """One or more fields are invalid; ``errors`` has one ValidationError per field, each
    with its own code (code ``customers.input`` for all of them together)."""

    def __init__(self, errors: Sequence[ValidationError]) -> None:
        super().__init__(errors[0].field, " ".join(e.message for e in errors), "customers.input")
        self.errors = tuple(errors)

    @property
    def by_field(self) -> dict[str, str]:
        return {e.field: e.message for e in self.errors}


View = TypeVar("View", CustomerView, ContactView)


class StaleEdit(ShownError):
    """Someone else saved (or deleted) the record since the user loaded it.

    Code ``customers.stale_edit`` (params ``what``, ``changed``: the field names, comma
    separated) or ``customers.stale_deleted`` (``what``). ``changed`` names the fields that
    differ between what the user loaded and what is saved now; ``current`` is the saved state
    (None when deleted); ``yours`` is the user's input, untouched, to re-apply.
    """

    def __init__(
        self,
        what: str,
        changed: tuple[str, ...],
        current: CustomerView | ContactView | None,
        yours: object,
    ) -> None:
        if current is None:
            code = "customers.stale_deleted"
            message = (
                f"This {what} was deleted by someone else while you were editing it; "
                "your input is kept on screen."
            )
        else:
            code = "customers.stale_edit"
            names = ", ".join(f.replace("_", " ") for f in changed) or "nothing visible"
            message = (
                f"Someone else saved this {what} while you were editing it (changed: {names}). "
                "Nothing was overwritten: your input is kept — review their change and save "
                "again."
            )
        super().__init__(code, message, {"what": what, "changed": ",".join(changed)})
        self.what = what
        self.changed = changed
        self.current = current
        self.yours = yours


# -- validation ---------------------------------------------------------------------------


def _collect(checks: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    """Run every check; raise InputErrors with all failures, else return the values."""
    values: dict[str, Any] = {}
    errors: list[ValidationError] = []
    for key, check in checks.items():
        try:
            values[key] = check()
        except ValidationError as exc:
            errors.append(ValidationError(key, exc.message, exc.code, exc.params))
    if errors:
        raise InputErrors(errors)
    return values


def _status(value: str) -> str:
    if value not in STATUSES:
        raise ValidationError(
            "status",
            f"Status must be one of {', '.join(STATUSES)}.",
            "customers.status_unknown",
            {"statuses": ", ".join(STATUSES)},
        )
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
        restricted=bool(row.restricted),
        news_objection=bool(row.news_objection),
    )


def get_customer(conn: Connection, customer_id: int) -> CustomerView | None:
    with Session(bind=conn) as session:
        row = session.get(Customer, customer_id)
        return customer_view(row) if row else None


def get_contact(conn: Connection, contact_id: int) -> ContactView | None:
    with Session(bind=conn) as session:
        row = session.get(Contact, contact_id)
        return contact_view(row) if row else None


def list_contacts(conn: Connection, customer_id: int) -> list[ContactView]:
    with Session(bind=conn) as session:
        return contacts_of(session, customer_id)


def restricted_among(conn: Connection, contact_ids: Sequence[int]) -> set[int]:
    """The restricted ones of ``contact_ids`` (Art. 18; an agent's login sees none of them)."""
    if not contact_ids:
        return set()
    rows = conn.execute(
        select(Contact.id).where(Contact.id.in_(list(contact_ids)), Contact.restricted.is_(True))
    ).scalars()
    return {int(i) for i in rows}


def contacts_of(session: Session, customer_id: int) -> list[ContactView]:
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


# -- confirming a save whose COMMIT was lost (read on a fresh connection) --------------------


def org_number_taken(conn: Connection, digits: str) -> bool:
    return conn.scalar(select(Customer.id).where(Customer.org_number == digits)) is not None


def holds(
    conn: Connection, model: type[Customer] | type[Contact], row_id: int, values: Mapping[str, Any]
) -> bool:
    """Whether the row ``row_id`` exists and has these stored ``values``."""
    with Session(bind=conn) as session:
        row = session.get(model, row_id)
        return row is not None and all(getattr(row, k) == v for k, v in values.items())


def contacts_with_email(conn: Connection, customer_id: int, email: str) -> int:
    """How many of the customer's contacts have this (normalised) address."""
    stmt = (
        select(func.count())
        .select_from(Contact)
        .where(Contact.customer_id == customer_id, Contact.email == email)
    )
    return int(conn.scalar(stmt) or 0)


# -- customers ------------------------------------------------------------------------------


def _duplicate_org(session: Session, digits: str, except_id: int | None = None) -> None:
    stmt = select(Customer.name).where(Customer.org_number == digits)
    if except_id is not None:
        stmt = stmt.where(Customer.id != except_id)
    other = session.scalar(stmt)
    if other is not None:
        formatted = OrgNumber(digits).formatted
        raise InputErrors(
            [
                ValidationError(
                    "org_number",
                    f"A customer with organisation number {formatted} already exists: {other}.",
                    "customers.duplicate_org",
                    {"org_number": formatted, "name": other},
                )
            ]
        )


def create_customer(
    conn: Connection, data: CustomerInput, contacts: Sequence[ContactInput] = ()
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
    with Session(bind=conn) as session:
        _duplicate_org(session, values["org_number"])
        today = dt.date.today()
        customer = Customer(**values)
        if customer.status == CustomerStatus.TRIAL.value:
            customer.trial_registered_on = today
        elif customer.status == CustomerStatus.ACTIVE.value:
            customer.customer_since = today
        customer.contacts = [Contact(**v) for v in contact_values]
        try:
            with session.begin_nested():  # a failed INSERT leaves the transaction usable
                session.add(customer)
        except IntegrityError:
            # A unique-constraint race: the same clear error as the pre-check.
            _duplicate_org(session, values["org_number"])
            raise
        return customer_view(customer)


def update_customer(conn: Connection, loaded: CustomerView, data: CustomerInput) -> CustomerView:
    """Save ``data`` over the customer the user loaded as ``loaded``; StaleEdit if stale."""
    values = validate_customer(data)
    with Session(bind=conn) as session:
        row = _fresh(session, Customer, loaded, data)
        _duplicate_org(session, values["org_number"], except_id=row.id)
        if values["status"] == CustomerStatus.ACTIVE.value and row.customer_since is None:
            values["customer_since"] = dt.date.today()
        if values["status"] == CustomerStatus.TERMINATED.value and row.terminated_on is None:
            values["terminated_on"] = dt.date.today()
        return customer_view(_save(session, row, loaded, values, data))


def register_trial(conn: Connection, data: TrialInput) -> CustomerView:
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
                ValidationError(
                    name_field if e.field == "name" else e.field, e.message, e.code, e.params
                )
                for e in exc.errors
            ]
    if errors:
        raise InputErrors(errors)
    return create_customer(conn, customer, [data.contact])


def convert_trial(conn: Connection, loaded: CustomerView) -> CustomerView:
    """Make a trial a customer (status active, customer since today)."""
    if loaded.status != CustomerStatus.TRIAL.value:
        raise InputErrors(
            [ValidationError("status", "Only a trial can be converted.", "customers.not_trial")]
        )
    with Session(bind=conn) as session:
        row = _fresh(session, Customer, loaded, None)
        values = {"status": CustomerStatus.ACTIVE.value, "customer_since": dt.date.today()}
        return customer_view(_save(session, row, loaded, values, None))


# -- contacts -------------------------------------------------------------------------------


def add_contact(conn: Connection, customer_id: int, data: ContactInput) -> ContactView:
    values = validate_contact(data)
    with Session(bind=conn) as session:
        if session.get(Customer, customer_id) is None:
            raise InputErrors(
                [ValidationError("customer", "This customer no longer exists.", "customers.gone")]
            )
        contact = Contact(customer_id=customer_id, **values)
        session.add(contact)
        session.flush()
        return contact_view(contact)


def update_contact(conn: Connection, loaded: ContactView, data: ContactInput) -> ContactView:
    values = validate_contact(data)
    with Session(bind=conn) as session:
        row = _fresh(session, Contact, loaded, data)
        return contact_view(_save(session, row, loaded, values, data))


# -- optimistic locking ---------------------------------------------------------------------


def _what(model: type[Customer] | type[Contact]) -> str:
    return "customer" if model is Customer else "contact"


def _view(row: Customer | Contact) -> CustomerView | ContactView:
    return customer_view(row) if isinstance(row, Customer) else contact_view(row)


def _fresh(session: Session, model: Any, loaded: Any, yours: object) -> Any:
    """The row as saved now; StaleEdit if it is not the version the user loaded."""
    row = session.get(model, loaded.id)
    if row is None:
        raise StaleEdit(_what(model), (), None, yours)
    if row.version != loaded.version:
        current = _view(row)
        raise StaleEdit(_what(model), _changed(loaded, current), current, yours)
    return row


def _save(session: Session, row: Any, loaded: Any, values: Mapping[str, Any], yours: object) -> Any:
    """Write ``values`` to ``row``. The UPDATE carries ``WHERE version = <loaded>``, so a
    save that raced ours between the check and here makes it affect no row
    (StaleDataError): the savepoint is rolled back and the row re-read as saved now."""
    model = type(row)
    try:
        with session.begin_nested():
            for key, value in values.items():
                setattr(row, key, value)
    except StaleDataError:
        current = session.get(model, loaded.id, populate_existing=True)
        view = _view(current) if current is not None else None
        changed = _changed(loaded, view) if view is not None else ()
        raise StaleEdit(_what(model), changed, view, yours) from None
    return row
