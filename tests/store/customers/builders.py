"""Customers for search tests: valid org numbers of limited companies (55…), never reused."""

from __future__ import annotations

from bowebb_console.domain.orgnr import make_orgnr
from bowebb_console.store.models import Contact, Customer

_serial = iter(range(100_000_000, 999_999_999, 7919))


def org() -> str:
    """A fresh valid org number whose third digit makes it a company's (not 0 or 1)."""
    while True:
        candidate = make_orgnr(f"55{next(_serial) % 10_000_000:07d}")
        if candidate.digits[2] not in "01":
            return candidate.digits


def company(name: str, *contacts: tuple[str, str], phone: str | None = None) -> Customer:
    """A customer with contacts given as (name, e-mail), each with ``phone`` if given."""
    return Customer(
        org_number=org(),
        name=name,
        contacts=[Contact(name=n, email=e, phone=phone) for n, e in contacts],
    )
