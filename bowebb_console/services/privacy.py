"""The privacy officer's desk: access requests (Art. 15/20), restriction (Art. 18),
objection to news (Art. 21) and rectification (Art. 16). Qt-free; each call owns its
transaction.

An access request is answered in one transaction (request row, report, ``done``, the logged
hashes); the files are written to temporary names first and renamed only after the COMMIT, so
no export exists without its logged hash, and a failed answer leaves no file behind.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from bowebb_console.domain.errors import ShownError
from bowebb_console.services.database import Database, Identity, transaction
from bowebb_console.services.erasure import existing_journal
from bowebb_console.store.breaches import register as breach_register
from bowebb_console.store.breaches.register import BreachRecord
from bowebb_console.store.customers.edit import ContactInput, ContactView, validate_contact
from bowebb_console.store.erasure import person, purge, requests
from bowebb_console.store.erasure.journal import Journal
from bowebb_console.store.erasure.person import ContactPlace, PersonQuery
from bowebb_console.store.erasure.purge import DueCustomer
from bowebb_console.store.erasure.requests import NewRequest, RequestView
from bowebb_console.store.privacy import access, dashboard, restriction
from bowebb_console.store.privacy.dashboard import MarkedContact, RetentionRunInfo
from bowebb_console.store.subprocessors import register as sp_register
from bowebb_console.store.subprocessors.register import CustomerWithoutDpa, RegisterRow

__all__ = [
    "AccessDone",
    "ContactInput",
    "ContactPlace",
    "CustomerWithoutDpa",
    "Dashboard",
    "DueCustomer",
    "MarkedContact",
    "NewRequest",
    "PersonQuery",
    "RegisterRow",
    "RequestView",
    "RetentionRunInfo",
    "answer_access_request",
    "extend_request",
    "find_contacts",
    "load_dashboard",
    "rectify_contact",
    "rectify_contact_input",
    "save_access_request",
    "set_news_objection",
    "set_restricted",
]


@dataclass(frozen=True)
class Dashboard:
    """Everything the privacy dashboard lists, read in one transaction (admins)."""

    requests: list[RequestView]  # open requests of every kind, by deadline
    breaches: list[BreachRecord]  # open breaches
    flagged: list[RegisterRow]  # sub-processors with at least one flag
    without_dpa: list[CustomerWithoutDpa]  # active customers without a signed DPA
    purges_due: list[DueCustomer]  # ended customers whose hard delete is due
    marked: list[MarkedContact]  # restricted contacts and objections to news
    retention: RetentionRunInfo | None  # the last retention run that erased something


def load_dashboard(db: Database, identity: Identity, today: dt.date) -> Dashboard:
    """The privacy dashboard's lists (admins only; on PostgreSQL the grants say so too)."""
    _admin_only(identity, "see the privacy dashboard")
    with transaction(db, write=False) as conn:
        return Dashboard(
            requests.list_requests(conn, open_only=True),
            [b for b in breach_register.list_breaches(conn) if b.status == "open"],
            [r for r in sp_register.list_register(conn, today) if r.flags],
            sp_register.customers_without_dpa(conn),
            purge.due_customers(conn, today),
            dashboard.marked_contacts(conn),
            dashboard.last_retention_run(conn),
        )


def find_contacts(db: Database, query: PersonQuery) -> list[ContactPlace]:
    """The contacts an access request's search finds (to check it is the right person
    before anything is exported); changes nothing."""
    query.check()
    with transaction(db, write=False) as conn:
        return list(person.find_person(conn, query).contacts)


def extend_request(db: Database, request_id: int, reason: str, today: dt.date) -> RequestView:
    """Extend an access request's deadline by two months with a reason (Art. 12(3)): the
    same rule as for erasure requests."""
    with transaction(db) as conn:
        return requests.extend_request(conn, request_id, reason, today)


@dataclass(frozen=True)
class AccessDone:
    reference: str
    json_path: Path
    pdf_path: Path
    json_sha256: str
    counts: dict[str, int]


def save_access_request(db: Database, request: NewRequest, today: dt.date) -> str:
    """Record an access request as received; returns its reference."""
    with transaction(db) as conn:
        return access.save_access_request(conn, request, today)


def _out_dir(out_dir: Path) -> Path:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / ".bowebb-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ShownError(
            "privacy.out_unwritable",
            f"The folder {out_dir} cannot be written ({exc.strerror}); nothing was exported.",
            {"path": out_dir, "reason": exc.strerror or ""},
        ) from None
    return out_dir


def answer_access_request(
    db: Database,
    identity: Identity,
    query: PersonQuery,
    request: int | NewRequest,
    out_dir: Path,
    *,
    today: dt.date,
    journal_file: Path | None = None,
    journal_dir: Path | None = None,
) -> AccessDone:
    """Find everything held about the person and write ``access-<reference>.json`` and
    ``.pdf`` into ``out_dir``; the request is closed as answered and the files' SHA-256 logged.
    The erasure history comes from ``journal_file``, else from the journal in the place the
    database names (``journal_dir``: this workstation's default place, for SQLite)."""
    query.check()
    folder = _out_dir(out_dir)
    if journal_file is None and journal_dir is not None:
        journal_file = existing_journal(db, journal_dir)
    journal = Journal(journal_file) if journal_file is not None else None
    temps: list[Path] = []
    try:
        with transaction(db) as conn:
            done = access.answer_access_request(
                conn, query, request, today=today, journal=journal, actor=identity.user
            )
            json_path = folder / f"access-{done.reference}.json"
            pdf_path = folder / f"access-{done.reference}.pdf"
            for path, data in ((json_path, done.json_bytes), (pdf_path, done.pdf_bytes)):
                tmp = path.with_name(path.name + ".part")
                temps.append(tmp)
                with tmp.open("wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
        os.replace(temps[0], json_path)
        os.replace(temps[1], pdf_path)
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
    return AccessDone(done.reference, json_path, pdf_path, done.json_sha256, done.counts())


# -- restriction, objection, rectification ------------------------------------------------


def _admin_only(identity: Identity, what: str) -> None:
    """SQLite has no logins: the signed-in role is checked here (PostgreSQL's grants also)."""
    if identity.role != "admin":
        raise ShownError("privacy.admin_only", f"Only an admin may {what}.", {"what": what})


def set_restricted(
    db: Database, identity: Identity, contact_id: int, restricted: bool, reason: str
) -> bool:
    """Restrict a contact's data (Art. 18) or lift the restriction (admins); logged with the
    reason. False when it already was so."""
    _admin_only(identity, "restrict a contact or lift a restriction")
    with transaction(db) as conn:
        return restriction.set_restricted(conn, contact_id, restricted, reason, actor=identity.user)


def set_news_objection(db: Database, identity: Identity, contact_id: int, objects: bool) -> bool:
    """Record or withdraw a contact's objection to news e-mails (Art. 21); logged."""
    with transaction(db) as conn:
        return restriction.set_news_objection(conn, contact_id, objects, actor=identity.user)


def rectify_contact(
    db: Database,
    identity: Identity,
    contact_id: int,
    version: int,
    changes: dict[str, str | None],
    reason: str,
) -> int:
    """Correct a contact (Art. 16): the change record keeps before/after, the
    ``privacy_rectified`` event why and who. Returns the new version."""
    with transaction(db) as conn:
        return restriction.rectify_contact(
            conn, contact_id, version, changes, reason, actor=identity.user
        )


def rectify_contact_input(
    db: Database, identity: Identity, loaded: ContactView, data: ContactInput, reason: str
) -> int:
    """Correct a contact from a form: the input is checked and normalised as any contact's
    (InputErrors per field), only the fields that differ from ``loaded`` are changed."""
    values = validate_contact(data)
    changes = {k: values[k] for k in ("name", "email", "phone", "title")}
    changes = {k: v for k, v in changes.items() if getattr(loaded, k) != v}
    return rectify_contact(db, identity, loaded.id, loaded.version, changes, reason)
