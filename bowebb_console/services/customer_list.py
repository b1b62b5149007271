"""The lookup screen's rows, and its first page at start-up without SQLAlchemy.

Kept apart from ``services.customers`` (which imports SQLAlchemy, the ORM models, phonenumbers
and email-validator, about a second of imports on a loaded machine) so that the lookup screen
can be built, and show the customers, before those have loaded: ``first_page`` reads the
embedded SQLite file with the standard library's ``sqlite3`` (issue 18, item 12;
docs/performance.md). ``services.customers.lookup`` re-exports these names and shows the same
page once the database is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from bowebb_console.store.customers.first_page import read_first_page

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
    matched_contact_id: int | None = None  # the contact a search matched (the likely caller)
    matched_restricted: bool = False  # that contact is restricted (Art. 18): leads/admins only


@dataclass(frozen=True)
class FirstPage:
    """What the lookup shows with an empty search field: the first customers by name and
    how many customers there are in all."""

    rows: list[ResultRow]
    total: int


def embedded_path(url: str) -> Path | None:
    """The file of a plain embedded-SQLite URL (``sqlite:///<path>``), without SQLAlchemy;
    None for anything else (a server, in-memory, a URL with options)."""
    prefix = "sqlite:///"
    if url[: len(prefix)].lower() != prefix or "?" in url:
        return None
    path = unquote(url[len(prefix) :])
    return Path(path) if path and path != ":memory:" else None


def first_page(url: str) -> FirstPage | None:
    """The lookup's first page read straight from the embedded database's file; None when it
    cannot be read that way (not SQLite, no file yet, no tables yet): the caller then waits
    for the normal path (``services.customers.lookup``)."""
    path = embedded_path(url)
    if path is None:
        return None
    read = read_first_page(path, BROWSE_LIMIT)
    if read is None:
        return None
    rows, total = read
    return FirstPage(
        [ResultRow(r.id, r.org_number, r.name, r.status, r.dpa_signed, None) for r in rows],
        total,
    )
