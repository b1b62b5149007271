"""Re-apply the erasure journal after a database was restored from a backup.

A restore brings back rows erased since the backup was taken. The journal (kept outside the
database, store.erasure.journal) names them by id and by keyed hashes of their identifiers;
``replay_journal`` erases every row that matches again (contacts by hash of e-mail or phone,
or by id when the name's hash agrees too; customers by id and the hash of their org number;
log payloads and connection profiles by their seq or id, when the log is the same chain),
in the caller's transaction; services.erasure then scrubs the files. Running it twice is
harmless: nothing matches the second time.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select, text

from bowebb_console.domain.erasure import identifier_forms
from bowebb_console.store.erasure import deletes
from bowebb_console.store.erasure.journal import Journal, JournalEntry
from bowebb_console.store.erasure.person import (
    ERASED_KIND,
    anonymised_values,
    chain_id,
    log_event,
)
from bowebb_console.store.erasure.scrub import CUSTOMER_TABLES, existing_tables
from bowebb_console.store.models import Contact, Customer, ErasureCertificate, LogPayload


@dataclass(frozen=True)
class Replayed:
    entries: int
    references: tuple[str, ...]  # entries that found something to erase again
    contacts: int
    customers: int
    payloads: int
    skipped_payloads: int  # seqs of a different log chain (another database)
    touched: frozenset[str]  # tables to scrub after the commit
    profiles: int = 0  # connection profiles deleted again
    resolved: tuple[str, ...] = ()  # pending entries this database shows were committed
    unresolved: tuple[str, ...] = ()  # pending entries it cannot tell (replayed all the same)


def _contact_hashes(journal: Journal, email: str, phone: str | None, name: str) -> set[str]:
    forms = identifier_forms(email=email, phone=phone or "", name=name)
    return {journal.hash_form(f) for f in forms}


People = list[tuple[int, set[str], set[str]]]  # contact id, its hashes, its name's hashes


def _people(conn: Connection, journal: Journal) -> People:
    """Each contact's hashes once (not per entry): HMACs dominate the replay's time."""
    people = []
    for cid, email, phone, name in conn.execute(
        select(Contact.id, Contact.email, Contact.phone, Contact.name)
    ):
        name_only = {journal.hash_form(f) for f in identifier_forms(name=name)}
        people.append((int(cid), _contact_hashes(journal, email, phone, name), name_only))
    return people


def _replay_contacts(conn: Connection, entry: JournalEntry, people: People) -> tuple[int, set[int]]:
    """Erase (or anonymise) the entry's contacts again; returns how many, and the erased ids."""
    wanted = set(entry.hashes)
    erase: set[int] = set()
    anonymise: set[int] = set()
    listed = set(entry.contacts_erased + entry.contacts_anonymised)
    for cid, hashes, name_only in people:
        matched = hashes & wanted
        if (matched - name_only) or (matched and cid in listed):
            (anonymise if cid in entry.contacts_anonymised else erase).add(cid)
    deletes.delete_rows(conn, "contact", sorted(erase))
    for cid in sorted(anonymise):
        deletes.anonymise_contact(conn, cid, anonymised_values(entry.reference, cid))
    return len(erase) + len(anonymise), erase


def _replay_profiles(conn: Connection, entry: JournalEntry, present: set[str]) -> int:
    """The connection profiles the erasure deleted, by id (same log chain only)."""
    found = 0
    for table in sorted({str(t) for t, _ in entry.profiles}):
        if table not in present or table not in deletes.ERASABLE:
            continue
        ids = sorted(int(i) for t, i in entry.profiles if t == table)
        there = conn.execute(
            text(f'SELECT id FROM "{table}" WHERE id IN :ids').bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": ids},
        ).scalars()
        found += deletes.delete_rows(conn, table, [int(i) for i in there])
    return found


def _replay_payloads(conn: Connection, entry: JournalEntry) -> int:
    seqs = list(
        conn.execute(select(LogPayload.seq).where(LogPayload.seq.in_(entry.payload_seqs))).scalars()
    )
    deletes.delete_rows(conn, "log_payload", seqs)
    return len(seqs)


def replay_journal(conn: Connection, journal: Journal, *, actor: str | None = None) -> Replayed:
    """Erase again, inside the caller's transaction, what every journal entry names."""
    entries = journal.entries()
    journal.key(create=False)
    refs: list[str] = []
    contacts = customers = payloads = skipped = profiles = 0
    touched: set[str] = set()
    chain = chain_id(conn)
    present = existing_tables(conn)
    people = _people(conn, journal)
    pending = journal.pending()
    committed = _committed(conn, pending)
    for entry in entries:
        found_contacts, erased = _replay_contacts(conn, entry, people)
        found = _replay_customers(conn, journal, entry, present)
        found_payloads = found_profiles = 0
        if entry.payload_seqs and entry.chain == chain:
            found_payloads = _replay_payloads(conn, entry)
        elif entry.payload_seqs:
            skipped += len(entry.payload_seqs)
        if entry.profiles and entry.chain == chain:
            found_profiles = _replay_profiles(conn, entry, present)
            touched |= {str(t) for t, _ in entry.profiles} if found_profiles else set()
        if found_contacts or found or found_payloads or found_profiles:
            refs.append(entry.reference)
            contacts += found_contacts
            profiles += found_profiles
            customers += found
            payloads += found_payloads
            touched |= {"contact"} | ({"customer"} if found else set())
            touched |= {"log_payload"} if found_payloads else set()
            if found:
                touched |= {t for t, _ in CUSTOMER_TABLES if t in present}
            log_event(conn, ERASED_KIND, {"reference": entry.reference, "scope": "replay"}, actor)
            people = [p for p in people if p[0] not in erased]
    return Replayed(
        len(entries),
        tuple(refs),
        contacts,
        customers,
        payloads,
        skipped,
        frozenset(touched),
        profiles,
        tuple(sorted(committed)),
        tuple(sorted(pending - committed)),
    )


def _committed(conn: Connection, references: set[str]) -> set[str]:
    """Of the journal's pending references, those whose erasure committed: its certificate
    is in this database (issued in the erasing transaction)."""
    if not references:
        return set()
    rows = conn.execute(
        select(ErasureCertificate.reference).where(
            ErasureCertificate.reference.in_(sorted(references))
        )
    ).scalars()
    return {str(r) for r in rows}


def _replay_customers(
    conn: Connection, journal: Journal, entry: JournalEntry, present: set[str]
) -> int:
    found = 0
    for customer_id in entry.customers:
        org = conn.execute(select(Customer.org_number).where(Customer.id == customer_id)).scalar()
        if org is None or journal.hash_form("org:" + org) not in entry.hashes:
            continue
        for table, column in CUSTOMER_TABLES:
            if table in present:
                ids = conn.execute(
                    text(f'SELECT id FROM "{table}" WHERE "{column}" = :c'), {"c": customer_id}
                ).scalars()
                deletes.delete_rows(conn, table, [int(i) for i in ids])
        # The journal, not a purge approval (a restore may predate it), says this one goes.
        deletes.delete_rows(conn, deletes.REPLAYED_CUSTOMER, [customer_id])
        found += 1
    return found
