"""Erasure: guidance to a customer, a person's erasure request, certificates, the end of a
relationship (the purge, with four eyes), and the journal's replay after a restore.

Every erasure has the same order, kept here for the wizards, the CLI and the tests alike:
the journal's place is read from the database (``DatabaseJournal``: one shared folder per
database, set by an admin with ``set_journal_place``; an explicit file overrides it) and
checked writable first (an erasure that cannot be journalled would not
survive a restore); the deletes, the certificate and the log event commit in one
transaction; the journal line is written after the commit; then the touched tables are
scrubbed on connections of their own (store.erasure.scrub). Failures are ShownErrors with
``erasure.*`` codes (PurgeError, JournalError, ValidationError) or ``db.*`` codes.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from bowebb_console.domain.errors import ShownError
from bowebb_console.services.database import Database, Identity, transaction
from bowebb_console.store.db.connect import postgres_identity
from bowebb_console.store.db.errors import driver_error
from bowebb_console.store.db.lifecycle import read_journal_dir, write_journal_dir
from bowebb_console.store.erasure import (
    certificates,
    journal,
    person,
    purge,
    replay,
    requests,
    written,
)
from bowebb_console.store.erasure.certificates import CertificateView
from bowebb_console.store.erasure.journal import JournalError
from bowebb_console.store.erasure.person import (
    ContactPlace,
    ErasurePlan,
    ExportPlace,
    Findings,
    PayloadPlace,
    PersonQuery,
    SoleTraderPlace,
)
from bowebb_console.store.erasure.purge import (
    ApprovalView,
    CustomerChoice,
    DueCustomer,
    LoggedDownload,
    PurgeError,
    PurgePlan,
)
from bowebb_console.store.erasure.requests import NewRequest, RequestView
from bowebb_console.store.erasure.scrub import ScrubResult, erasable_tables, scrub

__all__ = [
    "ApprovalView",
    "CertificateView",
    "ContactPlace",
    "CustomerChoice",
    "DatabaseJournal",
    "DueCustomer",
    "ErasureDone",
    "ErasureLists",
    "ErasurePlan",
    "ExportPlace",
    "Findings",
    "JournalError",
    "JournalPlace",
    "LoggedDownload",
    "NewRequest",
    "PayloadPlace",
    "PersonQuery",
    "PurgeDone",
    "PurgeError",
    "PurgeFiles",
    "PurgePlan",
    "PurgeState",
    "ReplayResult",
    "RequestView",
    "ScrubResult",
    "SoleTraderPlace",
    "approve_purge",
    "compact",
    "customer_choices",
    "due_customers",
    "erase_person",
    "erasure_lists",
    "extend_request",
    "find_person",
    "forward_request",
    "identity_of",
    "journal_file",
    "journal_place",
    "list_approvals",
    "list_certificates",
    "list_requests",
    "log_guidance",
    "plan_purge",
    "purge_state",
    "replay_journal",
    "request_purge",
    "run_purge",
    "save_certificate_pdf",
    "save_open_request",
    "set_journal_place",
    "set_termination",
]


@dataclass(frozen=True)
class ErasureDone:
    reference: str
    request_id: int
    certificate_id: int
    contacts_erased: int
    contacts_anonymised: int
    payloads_erased: int
    scrub: ScrubResult


@dataclass(frozen=True)
class PurgeFiles:
    """The files outside the database the purge dealt with (store.erasure.written)."""

    deleted: tuple[str, ...] = ()  # this machine's downloads, notice exports, upgrade copies
    kept: tuple[tuple[str, str], ...] = ()  # (path, why) that could not be deleted here
    elsewhere: tuple[LoggedDownload, ...] = ()  # downloads made on other machines: by name


@dataclass(frozen=True)
class PurgeDone:
    reference: str
    certificate_id: int
    plan: PurgePlan
    scrub: ScrubResult
    files: PurgeFiles = PurgeFiles()


@dataclass(frozen=True)
class ReplayResult:
    entries: int
    references: tuple[str, ...]  # entries that found something to erase again
    contacts: int
    customers: int
    payloads: int
    skipped_payloads: int  # seqs of a different log chain (another database)
    scrub: ScrubResult
    profiles: int = 0  # connection profiles deleted again
    resolved: tuple[str, ...] = ()  # pending journal entries found committed, now marked done
    unresolved: tuple[str, ...] = ()  # pending entries the database cannot confirm (replayed)


@dataclass(frozen=True)
class ErasureLists:
    """The Erasure screen's two lists, read in one transaction."""

    requests: list[RequestView]
    certificates: list[CertificateView]


@dataclass(frozen=True)
class PurgeState:
    """A due customer's dry run, and its purge request waiting for approval or run (if any)."""

    plan: PurgePlan
    approval: ApprovalView | None


# --- the journal's place ---------------------------------------------------------------


@dataclass(frozen=True)
class DatabaseJournal:
    """The journal the database names (its one shared folder, migration 0019); on SQLite,
    ``default_dir`` when it names none (config.Paths.journal_dir)."""

    default_dir: Path


@dataclass(frozen=True)
class JournalPlace:
    file: Path | None  # None: PostgreSQL with no place set (erasures are refused)
    configured: bool  # the database names it (else SQLite's default folder)


JournalWhere = Path | DatabaseJournal


def _database_file(db: Database) -> Path | None:
    name = db.engine.url.database if db.dialect == "sqlite" else None
    return Path(name) if name and name != ":memory:" else None


def _resolve(db: Database, where: JournalWhere) -> Path:
    if isinstance(where, Path):
        return where
    with transaction(db, write=False) as conn:
        configured = read_journal_dir(conn)
    return journal.place_of(
        configured, where.default_dir, dialect=db.dialect, database_file=_database_file(db)
    )


def journal_file(db: Database, default_dir: Path) -> Path:
    """The journal file of this database (raises JournalError when PostgreSQL names none)."""
    return _resolve(db, DatabaseJournal(default_dir))


def existing_journal(db: Database, default_dir: Path) -> Path | None:
    """The journal file of this database when there is one to read (its erasure history):
    None when PostgreSQL names no place (then nothing was erased either) or no file is there."""
    try:
        found = journal_file(db, default_dir)
    except JournalError:
        return None
    return found if found.exists() else None


def journal_place(db: Database, default_dir: Path) -> JournalPlace:
    """Where this database's journal is, for ``journal show`` and the admin screens."""
    with transaction(db, write=False) as conn:
        configured = read_journal_dir(conn)
    if not configured and db.dialect != "sqlite":
        return JournalPlace(None, False)
    return JournalPlace(journal_file(db, default_dir), bool(configured))


def set_journal_place(db: Database, identity: Identity, folder: str) -> JournalPlace:
    """An admin names the journal's shared folder for this database (every workstation and
    the replay read it there). Checked first: a full path, not the SQLite file's folder, and
    writable from here (the journal and its key are created when missing)."""
    if identity.role != "admin":
        raise ShownError(
            "erasure.journal_admin_only", "Only an admin may set the erasure journal's place."
        )
    path = journal.check_folder(folder.strip(), _database_file(db))
    journal.Journal(path / journal.JOURNAL_NAME).check_writable()
    with transaction(db) as conn:
        write_journal_dir(conn, str(path))
    return JournalPlace(path / journal.JOURNAL_NAME, True)


def _book(db: Database, where: JournalWhere) -> journal.Journal:
    """The journal to write, checked writable before anything is erased."""
    book = journal.Journal(_resolve(db, where))
    book.check_writable()
    return book


# --- shared ---------------------------------------------------------------------------


def identity_of(db: Database) -> Identity:
    """Who acts, for the command line: on PostgreSQL the server's session_user and its role;
    on SQLite (one workstation) the local user, an admin."""
    if db.dialect == "sqlite":
        return Identity(user=getpass.getuser(), role="admin", dialect="sqlite")
    with transaction(db, write=False) as conn:
        return postgres_identity(conn)


# Tests only: a file path; between the COMMIT and the journal's done mark the process
# writes it and waits, so a test can kill it exactly there (kill -9).
PAUSE_ENV = "BOWEBB_TEST_PAUSE_BEFORE_JOURNAL_DONE"


def _pause_before_done() -> None:
    flag = os.environ.get(PAUSE_ENV)
    if flag:
        Path(flag).write_text("committed", encoding="utf-8")
        time.sleep(60)


def _scrub(db: Database, tables: frozenset[str]) -> ScrubResult:
    try:
        return scrub(db, set(tables))
    except DBAPIError as exc:
        raise driver_error(exc) from exc


def customer_choices(db: Database) -> list[CustomerChoice]:
    """Every customer by name, for the wizards' pickers."""
    with transaction(db, write=False) as conn:
        return purge.customer_choices(conn)


# --- wizard 1: guidance ---------------------------------------------------------------


def log_guidance(
    db: Database, identity: Identity, customer_id: int, topics: list[str], done: list[str]
) -> None:
    """Log the guidance given to a customer thinning its own data (ids and topic keys)."""
    with transaction(db) as conn:
        person.log_guidance(conn, customer_id, topics, done, actor=identity.user)


# --- wizard 2: a person's erasure request ---------------------------------------------


def find_person(db: Database, query: PersonQuery) -> Findings:
    """Every place the console holds data about the person; changes nothing."""
    with transaction(db, write=False) as conn:
        return person.find_person(conn, query)


def save_open_request(db: Database, request: NewRequest, today: dt.date) -> str:
    """Record a request as received (identity not checked yet); returns its reference."""
    with transaction(db) as conn:
        return person.save_open_request(conn, request, today)


def forward_request(
    db: Database,
    identity: Identity,
    request: int | NewRequest,
    customer_id: int,
    *,
    identity_check: str,
    today: dt.date,
) -> str:
    """BoWebb is only processor: record that the request went to the customer."""
    with transaction(db) as conn:
        return person.forward_request(
            conn,
            request,
            customer_id,
            identity_check=identity_check,
            today=today,
            actor=identity.user,
        )


def erase_person(
    db: Database, identity: Identity, where: JournalWhere, plan: ErasurePlan, *, today: dt.date
) -> ErasureDone:
    """Carry out ``plan`` all or nothing, certify it, journal it, scrub the files."""
    plan.check()
    book = _book(db, where)
    with transaction(db) as conn:
        erased = person.erase_person(
            conn, book, plan, role=identity.role, today=today, actor=identity.user
        )
        book.begin(erased.entry)  # on disk before the COMMIT: a crash cannot lose it
    _pause_before_done()
    book.finish(erased.reference)
    return ErasureDone(
        erased.reference,
        erased.request_id,
        erased.certificate_id,
        erased.contacts_erased,
        erased.contacts_anonymised,
        erased.payloads_erased,
        _scrub(db, erased.touched),
    )


# --- the Erasure screen: requests and certificates ------------------------------------


def erasure_lists(db: Database) -> ErasureLists:
    with transaction(db, write=False) as conn:
        return ErasureLists(requests.list_requests(conn), certificates.list_certificates(conn))


def list_requests(db: Database, *, open_only: bool = False) -> list[RequestView]:
    with transaction(db, write=False) as conn:
        return requests.list_requests(conn, open_only=open_only)


def extend_request(db: Database, request_id: int, reason: str, today: dt.date) -> RequestView:
    """Extend the deadline by two months (GDPR Art. 12(3)); a reason is required."""
    with transaction(db) as conn:
        return requests.extend_request(conn, request_id, reason, today)


def list_certificates(db: Database) -> list[CertificateView]:
    with transaction(db, write=False) as conn:
        return certificates.list_certificates(conn)


def save_certificate_pdf(db: Database, certificate_id: int, path: Path) -> Path:
    """Write the certificate's PDF to ``path``."""
    with transaction(db, write=False) as conn:
        data = certificates.certificate_pdf(conn, certificate_id)
    if data is None:
        raise ShownError(
            "erasure.certificate_missing",
            f"There is no certificate {certificate_id}.",
            {"id": certificate_id},
        )
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise ShownError(
            "erasure.file_unwritable",
            f"{path} cannot be written ({exc.strerror}).",
            {"path": path, "reason": exc.strerror or ""},
        ) from exc
    return path


# --- wizard 3: the end of a relationship, and the purge -------------------------------


def set_termination(
    db: Database, customer_id: int, terminated_on: dt.date | None
) -> dt.date | None:
    """Save the termination date; returns the hard-delete date the database derived from it
    and its grace period (None: the relationship goes on)."""
    with transaction(db) as conn:
        return purge.set_termination(conn, customer_id, terminated_on)


def due_customers(db: Database, today: dt.date) -> list[DueCustomer]:
    with transaction(db, write=False) as conn:
        return purge.due_customers(conn, today)


def plan_purge(db: Database, customer_id: int, today: dt.date) -> PurgePlan:
    """The dry run: what the purge would remove. Changes nothing."""
    with transaction(db, write=False) as conn:
        return purge.plan_purge(conn, customer_id, today)


def purge_state(db: Database, customer_id: int, today: dt.date) -> PurgeState:
    with transaction(db, write=False) as conn:
        return PurgeState(
            purge.plan_purge(conn, customer_id, today), purge.open_approval(conn, customer_id)
        )


def list_approvals(db: Database) -> list[ApprovalView]:
    with transaction(db, write=False) as conn:
        return purge.list_approvals(conn)


def request_purge(
    db: Database, identity: Identity, customer_id: int, today: dt.date
) -> ApprovalView:
    """The first pair of eyes (an admin)."""
    with transaction(db) as conn:
        return purge.request_purge(conn, customer_id, today, actor=identity.user)


def approve_purge(db: Database, approval_id: int, *, approver: str | None = None) -> ApprovalView:
    """The second pair of eyes: another lead or admin (on SQLite, a typed second name)."""
    with transaction(db) as conn:
        return purge.approve_purge(conn, approval_id, approver)


def approve_purge_signed_in(url: str, user: str, password: str, approval_id: int) -> ApprovalView:
    """The second pair of eyes at the same workstation (PostgreSQL): the approver signs in with
    their own login, on a connection of their own, so the server knows who approves (and
    refuses the requester, as ever); the connection is closed again at once."""
    from bowebb_console.services.database import open_database

    db, _identity = open_database(url, user=user, password=password)
    try:
        return approve_purge(db, approval_id)
    finally:
        db.dispose()


def run_purge(
    db: Database,
    identity: Identity,
    where: JournalWhere,
    approval_id: int,
    confirm_name: str,
    *,
    today: dt.date,
    written_files: Path | None = None,
) -> PurgeDone:
    """The irreversible purge of an approved request, after the typed company name. After
    the commit the files this machine wrote for the customer (``written_files``: its list,
    by default in the data dir) and the SQLite copies from before upgrades are deleted."""
    book = _book(db, where)
    with transaction(db) as conn:
        purged = purge.run_purge(
            conn,
            book,
            approval_id,
            confirm_name,
            role=identity.role,
            today=today,
            actor=identity.user,
        )
        book.begin(purged.entry)  # on disk before the COMMIT: a crash cannot lose it
    _pause_before_done()
    book.finish(purged.reference)
    scrubbed = _scrub(db, purged.touched)
    return PurgeDone(
        purged.reference,
        purged.certificate_id,
        purged.plan,
        scrubbed,
        _purge_files(db, purged, written_files),
    )


def _purge_files(db: Database, purged: purge.Purged, manifest: Path | None) -> PurgeFiles:
    if manifest is None:
        from bowebb_console.config import Paths

        manifest = Paths.from_environment().written_files
    try:
        files = written.of_customer(manifest, purged.entry.chain, purged.plan.customer_id)
    except OSError as exc:  # the purge committed: say what could not be looked at
        files = []
        unread = written.Removed((), ((str(manifest), exc.strerror or type(exc).__name__),))
    else:
        unread = written.Removed((), ())
    removed = [unread, written.remove(manifest, files)]
    database_file = _database_file(db)
    if database_file is not None:
        removed.append(written.remove_upgrade_copies(database_file))
    here = {Path(f.path).name for f in files if f.kind == written.DOWNLOAD}
    return PurgeFiles(
        tuple(p for r in removed for p in r.deleted),
        tuple(k for r in removed for k in r.kept),
        tuple(d for d in purged.downloads if d.name not in here),
    )


# --- after a restore ------------------------------------------------------------------


def replay_journal(db: Database, where: JournalWhere) -> ReplayResult:
    """Erase again what the journal says was erased (after restoring a backup); by default
    the journal in the place the (restored) database names."""
    book = journal.Journal(_resolve(db, where))
    with transaction(db) as conn:
        done = replay.replay_journal(conn, book)
    for reference in done.resolved:
        book.finish(reference)
    return ReplayResult(
        done.entries,
        done.references,
        done.contacts,
        done.customers,
        done.payloads,
        done.skipped_payloads,
        _scrub(db, done.touched),
        done.profiles,
        done.resolved,
        done.unresolved,
    )


def compact(db: Database) -> ScrubResult:
    """Rewrite every erasable table (PostgreSQL: an admin, when an erasure could not)."""
    with transaction(db, write=False) as conn:
        tables = erasable_tables(conn)
    return _scrub(db, frozenset(tables))
