"""A person's erasure: find every place the console holds their data, erase or anonymise it,
certify it, and say what the journal (outside the database) must record.

Erasing is an admin's: on PostgreSQL only ``<prefix>_admin`` may DELETE contacts and log
payloads. Everything of one erasure (request row, deletes, the ``erasure_performed`` event,
the certificate) happens in the caller's one transaction; services.erasure writes the journal
line after the commit (its file was checked writable before), then scrubs the touched tables
(store.erasure.scrub).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, inspect, or_, select, text

from bowebb_console.domain import erasure as rules
from bowebb_console.domain.contact_info import normalise_phone
from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.domain.orgnr import OrgNumber
from bowebb_console.domain.search_text import fold, plain
from bowebb_console.store.erasure import deletes
from bowebb_console.store.erasure.certificates import issue_certificate
from bowebb_console.store.erasure.journal import Journal, JournalEntry
from bowebb_console.store.erasure.requests import NewRequest, close_request, open_request
from bowebb_console.store.erasure.scrub import existing_tables
from bowebb_console.store.log.chain import local_actor, write_event
from bowebb_console.store.models import (
    Contact,
    Customer,
    LogEvent,
    NoticeExport,
)

ERASED_KIND = "erasure_performed"
FORWARDED_KIND = "erasure_forwarded"
ACTIONS = ("erase", "anonymise")
MIN_TERM = 3


@dataclass(frozen=True)
class PersonQuery:
    """What the agent typed to find a person. Kept in memory only, never stored."""

    email: str = ""
    phone: str = ""
    name: str = ""

    def check(self) -> None:
        if not (self.email.strip() or self.phone.strip() or self.name.strip()):
            raise ValidationError(
                "email", "Give at least the e-mail address, phone or name.", "erasure.query_empty"
            )

    @property
    def e164(self) -> str:
        if not self.phone.strip():
            return ""
        try:
            return normalise_phone(self.phone)
        except ValidationError:
            return self.phone.strip()

    def terms(self) -> list[str]:
        """Folded search terms for free text (notes, payloads); the phone is matched by its
        digits apart (``_phone_matches``)."""
        found = [fold(self.email), fold(self.name)]
        return [t for t in found if len(t) >= MIN_TERM]

    @property
    def surname(self) -> str:
        """A surname mentioned alone may be the person: listed as possible, not certain."""
        return rules.surname(self.name)


@dataclass(frozen=True)
class ContactPlace:
    id: int
    customer_id: int
    customer_name: str
    name: str
    email: str
    phone: str | None


@dataclass(frozen=True)
class PayloadPlace:
    seq: int
    kind: str
    at: str
    by_contact_id: bool  # found through a contact id, not through text
    possible: bool = False  # only the surname matched: the admin confirms it is the person


@dataclass(frozen=True)
class ExportPlace:
    id: int
    exported_at: dt.datetime
    recipient_count: int


@dataclass(frozen=True)
class SoleTraderPlace:
    """A customer whose organisation number is the person's personnummer (a sole trader):
    the customer record is personal data; it goes with the purge (wizard 3)."""

    id: int
    name: str
    org_masked: str  # YYMMDD-****: the full number is not needed to recognise it


@dataclass(frozen=True)
class Findings:
    contacts: tuple[ContactPlace, ...] = ()
    payloads: tuple[PayloadPlace, ...] = ()
    exports: tuple[ExportPlace, ...] = ()  # address lists that may have held them: outside
    profiles: tuple[tuple[str, int], ...] = ()  # (table, id) of connection profiles
    sole_traders: tuple[SoleTraderPlace, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.contacts or self.payloads or self.profiles)


def _fold_function(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        raw: Any = conn.connection.driver_connection
        raw.create_function("bowebb_fold", 1, fold, deterministic=True)


def _text_matches(
    conn: Connection,
    column: str,
    table: str,
    key: str,
    terms: list[str],
    confirm: Callable[[str], bool] | None = None,
) -> set[int]:
    """Row keys whose text contains any term (SQL prefilter, confirmed on folded text, or by
    ``confirm``)."""
    if not terms:
        return set()
    _fold_function(conn)
    fn = "bowebb_fold" if conn.dialect.name == "sqlite" else "lower"
    clauses = [
        f"{'instr' if conn.dialect.name == 'sqlite' else 'strpos'}({fn}({column}), :t{i}) > 0"
        for i in range(len(terms))
    ]
    rows = conn.execute(
        text(f"SELECT {key}, {column} FROM {table} WHERE {' OR '.join(clauses)}"),
        {f"t{i}": t for i, t in enumerate(terms)},
    )
    if confirm is None:
        return {int(r[0]) for r in rows if any(t in fold(str(r[1])) for t in terms)}
    return {int(r[0]) for r in rows if confirm(str(r[1]))}


def _phone_matches(conn: Connection, column: str, table: str, key: str, e164: str) -> set[int]:
    """Row keys whose text writes the phone number, however spaced or punctuated (SQL
    prefilter on the digits alone, confirmed by domain.erasure.mentions_phone)."""
    core = rules.phone_core(e164) if e164 else ""
    if not core:
        return set()
    if conn.dialect.name == "sqlite":
        raw: Any = conn.connection.driver_connection
        raw.create_function("bowebb_digits", 1, _digits, deterministic=True)
        digits = f"bowebb_digits({column})"
        found = f"instr({digits}, :core) > 0"
    else:
        found = f"strpos(regexp_replace({column}, '[^0-9]+', '', 'g'), :core) > 0"
    rows = conn.execute(text(f"SELECT {key}, {column} FROM {table} WHERE {found}"), {"core": core})
    return {int(r[0]) for r in rows if rules.mentions_phone(str(r[1]), e164)}


def _digits(value: object) -> str:
    return "".join(ch for ch in str(value or "") if ch.isdigit())


def _contact_id_payloads(conn: Connection, contact_ids: list[int]) -> set[int]:
    """Payloads naming one of the contacts by id: session events (``contact_id``) and
    recorded changes (``contact_ids``, store.log.changes)."""
    if not contact_ids:
        return set()
    if conn.dialect.name == "postgresql":
        params: dict[str, Any] = {"ids": [str(i) for i in contact_ids]}
        cond = (
            "(CAST(payload AS jsonb) ->> 'contact_id') = ANY(:ids) OR EXISTS ("
            "SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof("
            "CAST(payload AS jsonb) -> 'contact_ids') = 'array' THEN "
            "CAST(payload AS jsonb) -> 'contact_ids' END) j WHERE j = ANY(:ids))"
        )
    else:
        marks = ", ".join(f":i{n}" for n in range(len(contact_ids)))
        cond = (
            f"json_extract(payload, '$.contact_id') IN ({marks}) OR EXISTS (SELECT 1 FROM "
            f"json_each(payload, '$.contact_ids') j WHERE j.value IN ({marks}))"
        )
        params = {f"i{n}": i for n, i in enumerate(contact_ids)}
    return {
        int(r[0]) for r in conn.execute(text(f"SELECT seq FROM log_payload WHERE {cond}"), params)
    }


def find_person(conn: Connection, query: PersonQuery) -> Findings:
    """Every place the console holds data about the person (only reads)."""
    query.check()
    contacts = _contacts(conn, query)
    ids = [c.id for c in contacts]
    by_id = _contact_id_payloads(conn, ids)
    by_text = _text_matches(conn, "payload", "log_payload", "seq", query.terms())
    by_text |= _phone_matches(conn, "payload", "log_payload", "seq", query.e164)
    surname = query.surname
    possible = (
        _text_matches(
            conn,
            "payload",
            "log_payload",
            "seq",
            [surname],
            lambda t: rules.mentions_word(t, surname),
        )
        if surname
        else set()
    )
    possible -= by_id | by_text
    seqs = sorted(by_id | by_text | possible)
    payloads = (
        tuple(
            PayloadPlace(int(r[0]), str(r[1]), str(r[2]), int(r[0]) in by_id, int(r[0]) in possible)
            for r in conn.execute(
                select(LogEvent.seq, LogEvent.kind, LogEvent.at)
                .where(LogEvent.seq.in_(seqs))
                .order_by(LogEvent.seq)
            )
        )
        if seqs
        else ()
    )
    profiles = tuple(_profile_matches(conn, query, ids))
    traders = _sole_traders(conn, query, {c.customer_id for c in contacts})
    return Findings(contacts, payloads, _exports(conn, ids), profiles, traders)


def _sole_traders(
    conn: Connection, query: PersonQuery, customer_ids: set[int]
) -> tuple[SoleTraderPlace, ...]:
    """Sole traders among the person's customers, and those named after the person."""
    cond: list[ColumnElement[bool]] = []
    if customer_ids:
        cond.append(Customer.id.in_(sorted(customer_ids)))
    name = fold(query.name)
    if len(name) >= MIN_TERM:
        cond.append(Customer.name_folded.contains(name, autoescape=True))
    if not cond:
        return ()
    rows = conn.execute(
        select(Customer.id, Customer.name, Customer.org_number)
        .where(or_(*cond))
        .order_by(Customer.id)
    )
    return tuple(
        SoleTraderPlace(int(r[0]), str(r[1]), OrgNumber(str(r[2])).masked)
        for r in rows
        if len(str(r[2])) == 10 and OrgNumber(str(r[2])).is_personal_identity_number
    )


def _contacts(conn: Connection, query: PersonQuery) -> tuple[ContactPlace, ...]:
    cond = []
    if query.email.strip():
        cond.append(Contact.email_folded == fold(query.email))
    if query.e164:
        cond.append(Contact.phone == query.e164)
    if query.name.strip():
        cond.append(Contact.name_folded == fold(query.name))
    return tuple(
        ContactPlace(r[0], r[1], r[2], r[3], r[4], r[5])
        for r in conn.execute(
            select(
                Contact.id,
                Contact.customer_id,
                Customer.name,
                Contact.name,
                Contact.email,
                Contact.phone,
            )
            .join(Customer, Customer.id == Contact.customer_id)
            .where(or_(*cond))
            .order_by(Contact.id)
        )
    )


def _exports(conn: Connection, contact_ids: list[int]) -> tuple[ExportPlace, ...]:
    """Notice exports made since the first of the contacts was created (to the second: an
    export in the same second counts). Compared as timestamps in the database, never as a
    Python value bound as text against SQLite's stored text."""
    if not contact_ids:
        return ()
    first = (
        select(func.min(Contact.created_at)).where(Contact.id.in_(contact_ids)).scalar_subquery()
    )
    if conn.dialect.name == "sqlite":
        since = func.datetime(NoticeExport.exported_at) >= func.datetime(first)
    else:
        since = NoticeExport.exported_at >= func.date_trunc("second", first)
    return tuple(
        ExportPlace(r[0], r[1], r[2])
        for r in conn.execute(
            select(NoticeExport.id, NoticeExport.exported_at, NoticeExport.recipient_count)
            .where(since)
            .order_by(NoticeExport.exported_at, NoticeExport.id)
        )
    )


def _profile_matches(
    conn: Connection, query: PersonQuery, contact_ids: list[int]
) -> Iterable[tuple[str, int]]:
    """Connection profiles (a later feature's table) whose text mentions the person."""
    if "sftp_profile" not in existing_tables(conn):
        return []
    columns = [
        c["name"]
        for c in inspect(conn).get_columns("sftp_profile")
        if "CHAR" in str(c["type"]).upper() or "TEXT" in str(c["type"]).upper()
    ]
    found: set[int] = set()
    for column in columns:
        found |= _text_matches(conn, column, "sftp_profile", "id", query.terms())
        found |= _phone_matches(conn, column, "sftp_profile", "id", query.e164)
    return [("sftp_profile", i) for i in sorted(found)]


@dataclass(frozen=True)
class ErasurePlan:
    """What the wizard (or a script) decided; nothing is saved until ``erase_person``."""

    request: int | NewRequest  # an open request's id, or a new one
    identity_check: str
    query: PersonQuery
    contact_actions: dict[int, str] = field(default_factory=dict)  # id -> erase | anonymise
    payload_seqs: tuple[int, ...] = ()
    profiles: tuple[tuple[str, int], ...] = ()
    holds: tuple[str, ...] = ()

    def check(self) -> None:
        if not self.identity_check.strip():
            raise ValidationError(
                "identity_check",
                "Record how the person's identity was checked.",
                "erasure.identity_unchecked",
            )
        for action in self.contact_actions.values():
            if action not in ACTIONS:
                raise ValidationError(
                    "action",
                    f"Unknown action {action!r}.",
                    "erasure.unknown_action",
                    {"action": action},
                )


@dataclass(frozen=True)
class Erased:
    """What ``erase_person`` committed, the journal line to write after the commit, and the
    tables to scrub then."""

    reference: str
    request_id: int
    certificate_id: int
    contacts_erased: int
    contacts_anonymised: int
    payloads_erased: int
    entry: JournalEntry
    touched: frozenset[str]


def log_event(conn: Connection, kind: str, payload: dict[str, Any], actor: str | None) -> None:
    """One event of the erasure family in the session log, inside the caller's transaction."""
    write_event(
        conn,
        kind,
        str(uuid.uuid4()),
        str(uuid.uuid4()),
        canonical_payload(payload),
        actor or local_actor(),
    )


def chain_id(conn: Connection) -> str:
    """The log's first event hash: tells one database (and its restores) from another."""
    return str(conn.execute(select(LogEvent.hash).where(LogEvent.seq == 1)).scalar() or "")


def anonymised_values(reference: str, contact_id: int) -> dict[str, Any]:
    email = f"erased-{contact_id}@invalid.invalid"
    return {
        "name": f"(erased {reference})",
        "name_folded": fold(f"(erased {reference})"),
        "name_plain": plain(f"(erased {reference})"),
        "email": email,
        "email_folded": email,
        "phone": None,
        "title": None,
    }


def _delete_places(conn: Connection, plan: ErasurePlan, reference: str) -> None:
    """The deletes and updates of ``plan``: payloads, profiles, contacts (store.erasure.deletes:
    on PostgreSQL only the erasure functions may)."""
    deletes.delete_rows(conn, "log_payload", sorted(plan.payload_seqs))
    for table in sorted({t for t, _ in plan.profiles}):
        deletes.delete_rows(conn, table, sorted(i for t, i in plan.profiles if t == table))
    deletes.delete_rows(
        conn, "contact", sorted(i for i, a in plan.contact_actions.items() if a == "erase")
    )
    for cid, action in sorted(plan.contact_actions.items()):
        if action == "anonymise":
            deletes.anonymise_contact(conn, cid, anonymised_values(reference, cid))


def _categories(plan: ErasurePlan) -> list[str]:
    categories = ["contact_details", "search_index"] if plan.contact_actions else []
    if plan.payload_seqs:
        categories.append("session_payloads")
    if plan.profiles:
        categories.append("connection_profiles")
    return categories


def erase_person(
    conn: Connection,
    journal: Journal,
    plan: ErasurePlan,
    *,
    role: str,
    today: dt.date,
    actor: str | None = None,
) -> Erased:
    """Carry out ``plan`` inside the caller's transaction: request row, deletes, certificate
    and the ``erasure_performed`` event. The caller appends ``entry`` to the journal after
    the commit (having checked it writable before) and then scrubs ``touched``."""
    plan.check()
    erased = sorted(i for i, a in plan.contact_actions.items() if a == "erase")
    anonymised = sorted(i for i, a in plan.contact_actions.items() if a == "anonymise")
    request_id, reference, received_on = open_request(conn, plan.request, today)
    deletes.begin(conn)
    _delete_places(conn, plan, reference)
    holds = list(plan.holds) + (["anonymised"] if anonymised else [])
    certificate_id = issue_certificate(
        conn, reference, today, "person", _categories(plan), holds, role, received_on
    )
    close_request(
        conn,
        request_id,
        rules.STATUS_DONE,
        "erased",
        today,
        identity_check=plan.identity_check.strip()[:40],
        controller_role=rules.ROLE_CONTROLLER,
    )
    log_event(conn, ERASED_KIND, {"reference": reference, "scope": "person"}, actor)
    entry = JournalEntry(
        reference=reference,
        on=today.isoformat(),
        kind="person",
        chain=chain_id(conn),
        contacts_erased=erased,
        contacts_anonymised=anonymised,
        payload_seqs=sorted(plan.payload_seqs),
        hashes=journal.hashes(email=plan.query.email, phone=plan.query.e164, name=plan.query.name),
        profiles=[[t, i] for t, i in sorted(plan.profiles)],
    )
    touched = {"erasure_request", "erasure_certificate"} | {t for t, _ in plan.profiles}
    if plan.contact_actions:
        touched.add("contact")
    if plan.payload_seqs:
        touched.add("log_payload")
    return Erased(
        reference,
        request_id,
        certificate_id,
        len(erased),
        len(anonymised),
        len(plan.payload_seqs),
        entry,
        frozenset(touched),
    )


def forward_request(
    conn: Connection,
    request: int | NewRequest,
    customer_id: int,
    *,
    identity_check: str,
    today: dt.date,
    actor: str | None = None,
) -> str:
    """BoWebb is only processor: record that the request went to the customer (controller)."""
    request_id, reference, _ = open_request(conn, request, today)
    close_request(
        conn,
        request_id,
        rules.STATUS_FORWARDED,
        "forwarded to the customer",
        today,
        controller_role=rules.ROLE_PROCESSOR,
        forwarded_customer_id=customer_id,
        forwarded_on=today,
        identity_check=identity_check.strip()[:40] or None,
    )
    log_event(conn, FORWARDED_KIND, {"reference": reference, "customer_id": customer_id}, actor)
    return reference


def save_open_request(conn: Connection, request: NewRequest, today: dt.date) -> str:
    """Record a request as received (identity not yet checked): it is listed as open."""
    _, reference, _ = open_request(conn, request, today)
    return reference


def log_guidance(
    conn: Connection,
    customer_id: int,
    topics: list[str],
    done: list[str],
    actor: str | None = None,
) -> None:
    """Wizard 1: guidance given to a customer thinning its own data (no personal data)."""
    payload = {"customer_id": customer_id, "topics": sorted(topics), "confirmed_done": sorted(done)}
    log_event(conn, "erasure_guidance_given", payload, actor)
