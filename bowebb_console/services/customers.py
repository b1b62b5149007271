"""Customers and contacts: lookup, the customer card, edits, trials, CSV import, notices.

Saves go through ``store.db.saving.save_and_confirm``: when the connection drops during a
save, each ``confirm`` re-reads the database on a fresh connection to tell "saved" from "not
saved" — never a guess (``SaveUnknown`` when even that fails). A save someone else got to
first raises ``StaleEdit``; bad input raises ``InputErrors`` with one coded error per field.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TextIO, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from bowebb_console.domain.orgnr import parse_orgnr
from bowebb_console.services import customer_list
from bowebb_console.services.customer_list import BROWSE_LIMIT, ResultRow
from bowebb_console.services.database import Database, transaction
from bowebb_console.store.customers import csv_import, edit, listing, notices
from bowebb_console.store.customers.card import CustomerCard, load_card
from bowebb_console.store.customers.csv_import import PROGRESS_TOTAL as IMPORT_PROGRESS_TOTAL
from bowebb_console.store.customers.csv_import import (
    ImportCancelled,
    ImportFileError,
    ImportReport,
    RowError,
)
from bowebb_console.store.customers.edit import (
    ContactInput,
    ContactView,
    CustomerInput,
    CustomerView,
    InputErrors,
    StaleEdit,
    TrialInput,
)
from bowebb_console.store.customers.listing import CustomerRow
from bowebb_console.store.customers.notices import NoticeExportRecord
from bowebb_console.store.customers.search import SearchHit
from bowebb_console.store.customers.search import search_customers as store_search
from bowebb_console.store.db.engine import no_statement_timeout
from bowebb_console.store.db.errors import driver_error
from bowebb_console.store.db.saving import SaveOutcome, SaveUnknown, save_and_confirm
from bowebb_console.store.erasure import written
from bowebb_console.store.erasure.person import chain_id
from bowebb_console.store.models import Contact, Customer

__all__ = [
    "BROWSE_LIMIT",
    "IMPORT_PROGRESS_TOTAL",
    "ContactInput",
    "ContactView",
    "CustomerCard",
    "CustomerInput",
    "CustomerRow",
    "CustomerView",
    "ImportCancelled",
    "ImportFileError",
    "ImportReport",
    "InputErrors",
    "NoticeExportRecord",
    "ResultRow",
    "RowError",
    "SaveOutcome",
    "SaveUnknown",
    "Saved",
    "SearchHit",
    "StaleEdit",
    "TrialInput",
    "add_contact",
    "convert_trial",
    "count_customers",
    "create_customer",
    "export_notices",
    "get_contact",
    "get_customer",
    "import_file",
    "list_customers",
    "list_notice_exports",
    "load_customer_card",
    "lookup",
    "register_trial",
    "search_customers",
    "update_contact",
    "update_customer",
]

V = TypeVar("V", CustomerView, ContactView)


@dataclass(frozen=True)
class Saved(Generic[V]):
    """A save's outcome: ``view`` is what was written (None when not saved)."""

    outcome: SaveOutcome
    view: V | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is SaveOutcome.SAVED


# -- reading --------------------------------------------------------------------------------


def search_customers(db: Database, text: str, limit: int = 50) -> list[SearchHit]:
    """Ranked customers matching ``text`` (org number, company, contact, e-mail, phone)."""
    with transaction(db, write=False) as conn:
        return store_search(conn, text, limit=limit)


def list_customers(db: Database, limit: int = 500) -> list[CustomerRow]:
    """Customers by name, with their contact counts."""
    with transaction(db, write=False) as conn:
        return listing.list_customers(conn, limit=limit)


def count_customers(db: Database) -> int:
    """How many customers the database holds (the browsing list shows at most BROWSE_LIMIT)."""
    with transaction(db, write=False) as conn:
        return listing.count_customers(conn)


def lookup(db: Database, text: str, limit: int = 50) -> tuple[str, list[ResultRow]]:
    """(the query, its rows) for the lookup screen; an empty query browses the first
    customers by name. The query comes back so a screen can drop a superseded answer."""
    if not text.strip():
        return text, [
            ResultRow(r.id, r.org_number, r.name, r.status, r.dpa_signed_on is not None, None)
            for r in list_customers(db, limit=customer_list.BROWSE_LIMIT)
        ]
    with transaction(db, write=False) as conn:
        hits = store_search(conn, text, limit=limit)
        ids = [h.contact_id for h in hits if h.matched_contact and h.contact_id is not None]
        restricted = edit.restricted_among(conn, ids)
    return text, [
        ResultRow(
            h.customer_id,
            h.org_number,
            h.name,
            h.status,
            h.dpa_signed,
            h.matched_contact,
            h.contact_id if h.matched_contact else None,
            h.matched_contact is not None and h.contact_id in restricted,
        )
        for h in hits
    ]


def load_customer_card(db: Database, customer_id: int) -> CustomerCard | None:
    """Everything the card shows; None when the customer no longer exists."""
    with transaction(db, write=False) as conn:
        return load_card(conn, customer_id)


def get_customer(db: Database, customer_id: int) -> CustomerView | None:
    with transaction(db, write=False) as conn:
        return edit.get_customer(conn, customer_id)


def get_contact(db: Database, contact_id: int) -> ContactView | None:
    with transaction(db, write=False) as conn:
        return edit.get_contact(conn, contact_id)


# -- saving ---------------------------------------------------------------------------------


def _save(
    db: Database, write: Callable[[Connection], V], confirm: Callable[[Connection], bool]
) -> Saved[V]:
    box: list[V] = []
    try:
        outcome = save_and_confirm(db, lambda conn: box.append(write(conn)), confirm)
    except DBAPIError as exc:
        raise driver_error(exc) from exc
    return Saved(outcome, box[0] if box and outcome is SaveOutcome.SAVED else None)


def _org_taken(digits: str) -> Callable[[Connection], bool]:
    return lambda conn: edit.org_number_taken(conn, digits)


def create_customer(
    db: Database, data: CustomerInput, contacts: Sequence[ContactInput] = ()
) -> Saved[CustomerView]:
    digits = edit.validate_customer(data)["org_number"]
    return _save(db, lambda conn: edit.create_customer(conn, data, contacts), _org_taken(digits))


def register_trial(db: Database, data: TrialInput) -> Saved[CustomerView]:
    """A trial account: the prospect company and the one person who registered."""
    digits = parse_orgnr(data.org_number).digits
    return _save(db, lambda conn: edit.register_trial(conn, data), _org_taken(digits))


def update_customer(db: Database, loaded: CustomerView, data: CustomerInput) -> Saved[CustomerView]:
    """Save ``data`` over ``loaded``; StaleEdit if someone else saved it since."""
    wanted = edit.validate_customer(data)
    return _save(
        db,
        lambda conn: edit.update_customer(conn, loaded, data),
        lambda conn: edit.holds(conn, Customer, loaded.id, wanted),
    )


def convert_trial(db: Database, loaded: CustomerView) -> Saved[CustomerView]:
    """Make a trial a customer from today; StaleEdit if it changed since it was loaded."""
    return _save(
        db,
        lambda conn: edit.convert_trial(conn, loaded),
        lambda conn: edit.holds(conn, Customer, loaded.id, {"status": "active"}),
    )


def add_contact(db: Database, customer_id: int, data: ContactInput) -> Saved[ContactView]:
    email = edit.validate_contact(data)["email"]
    before: list[int] = []

    def write(conn: Connection) -> ContactView:
        before.append(edit.contacts_with_email(conn, customer_id, email))
        return edit.add_contact(conn, customer_id, data)

    def confirm(conn: Connection) -> bool:
        return bool(before) and edit.contacts_with_email(conn, customer_id, email) > before[0]

    return _save(db, write, confirm)


def update_contact(db: Database, loaded: ContactView, data: ContactInput) -> Saved[ContactView]:
    wanted = edit.validate_contact(data)
    return _save(
        db,
        lambda conn: edit.update_contact(conn, loaded, data),
        lambda conn: edit.holds(conn, Contact, loaded.id, wanted),
    )


# -- import and notices ---------------------------------------------------------------------


def import_file(
    db: Database,
    path: Path,
    *,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    total: Callable[[int], None] | None = None,
) -> ImportReport:
    """Check the CSV file and, unless ``dry_run`` or any row is bad, apply it: all or nothing
    (one transaction, IMMEDIATE on SQLite). ImportFileError if the file cannot be read.

    ``total(n)`` is told the progress scale, then ``progress(done)`` how far it is;
    ``cancel()`` True stops it with ImportCancelled and nothing imported (a cancel that comes
    after the last look, just before the commit, is too late: the import is then complete)."""
    if total is not None:
        total(csv_import.PROGRESS_TOTAL)
    with transaction(db) as conn:
        no_statement_timeout(conn)  # thousands of rows in one transaction: no interactive limit
        return csv_import.import_file(conn, path, dry_run=dry_run, progress=progress, cancel=cancel)


def export_notices(
    db: Database,
    path: Path,
    *,
    reason: str,
    local_user: str | None,
    columns: Sequence[str] = notices.CSV_COLUMNS,
    delimiter: str = ",",
    news: bool = False,
    written_files: Path | None = None,
) -> int:
    """Write the notice recipients to ``path`` as CSV and record the export; the count.
    Restricted contacts are never in it; ``news`` also leaves out those who object to news.

    ``local_user`` is the actor recorded on SQLite (PostgreSQL records its session_user).
    The CSV goes to a temporary name beside ``path`` and is renamed only after the record is
    committed: a failed or unknown commit leaves no file, so there is never an export without
    its record. (A failed rename after the commit leaves a record without a file: harmless.)
    UTF-8 with a BOM, which Excel needs to read å, ä, ö. The file is added to this machine's
    list of files holding customers' data (``written_files``, by default in the data dir):
    a customer's purge deletes it (store.erasure.written).
    """
    return write_recorded_csv(
        path,
        transaction(db),
        lambda conn, out: notices.export_notice_recipients(
            conn,
            out,
            reason=reason,
            local_user=local_user,
            columns=columns,
            delimiter=delimiter,
            news=news,
        ),
        written_files=written_files,
    )


R = TypeVar("R")


def write_recorded_csv(
    path: Path,
    writing: AbstractContextManager[Connection],
    work: Callable[[Connection, TextIO], R],
    *,
    written_files: Path | None,
) -> R:
    """Run ``work`` (write the CSV to ``out``, record it on ``conn``) in the ``writing``
    transaction, with the file under a temporary name beside ``path``: fsynced before the
    COMMIT, renamed after it, removed if anything fails. Then listed among this machine's
    files holding customers' data (the purge deletes them; a failure to list keeps the file)."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as out, writing as conn:
            result = work(conn, out)
            chain = chain_id(conn)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # the list helps the purge; the export stands
        written.record(written_files or _written_files(), chain, None, written.NOTICE_EXPORT, path)
    return result


def _written_files() -> Path:
    from bowebb_console.config import Paths

    return Paths.from_environment().written_files


def list_notice_exports(db: Database, limit: int = 200) -> list[NoticeExportRecord]:
    """The record of notice exports, newest first."""
    with transaction(db, write=False) as conn:
        return notices.list_notice_exports(conn, limit=limit)
