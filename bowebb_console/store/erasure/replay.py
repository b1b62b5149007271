"""Re-apply the erasure journal after a database was restored from a backup.

A restore brings back rows erased since the backup was taken. The journal (kept outside the
database, store.erasure_journal) names them by id and by keyed hashes of their identifiers;
``replay_journal`` erases every row that matches again (contacts by hash of e-mail or phone,
or by id when the name's hash agrees too; customers by id and the hash of their org number;
log payloads by their seq, when the log is the same chain) and scrubs the files. Running it
twice is harmless: nothing matches the second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update

from bowebb_console.domain.erasure import identifier_forms
from bowebb_console.store.erasure.journal import Journal, JournalEntry
from bowebb_console.store.erasure.person import (
    ERASED_KIND,
    _begin,
    _log,
    anonymised_values,
    chain_id,
)
from bowebb_console.store.erasure.scrub import CUSTOMER_TABLES, ScrubResult, existing_tables, scrub
from bowebb_console.store.log.chain import engine_of
from bowebb_console.store.models import Contact, Customer, LogPayload


@dataclass(frozen=True)
class ReplayResult:
    entries: int
    references: tuple[str, ...]  # entries that found something to erase again
    contacts: int
    customers: int
    payloads: int
    skipped_payloads: int  # seqs of a different log chain (another database)
    scrub: ScrubResult


def _contact_hashes(journal: Journal, email: str, phone: str | None, name: str) -> set[str]:
    forms = identifier_forms(email=email, phone=phone or "", name=name)
    return {journal.hash_form(f) for f in forms}


def replay_journal(db: Any, journal: Journal, *, actor: str | None = None) -> ReplayResult:
    entries = journal.entries()
    journal.key(create=False)
    engine = engine_of(db)
    refs: list[str] = []
    contacts = customers = payloads = skipped = 0
    touched: set[str] = set()
    with engine.connect() as conn, _begin(conn):
        chain = chain_id(conn)
        present = existing_tables(conn)
        # Each contact's hashes once (not per entry): HMACs dominate the replay's time.
        people = []
        for cid, email, phone, name in conn.execute(
            select(Contact.id, Contact.email, Contact.phone, Contact.name)
        ):
            name_only = {journal.hash_form(f) for f in identifier_forms(name=name)}
            people.append((cid, _contact_hashes(journal, email, phone, name), name_only))
        for entry in entries:
            wanted = set(entry.hashes)
            erase: set[int] = set()
            anonymise: set[int] = set()
            listed = set(entry.contacts_erased + entry.contacts_anonymised)
            for cid, hashes, name_only in people:
                matched = hashes & wanted
                if (matched - name_only) or (matched and cid in listed):
                    (anonymise if cid in entry.contacts_anonymised else erase).add(cid)
            found = _replay_customers(conn, journal, entry, present)
            if erase:
                conn.execute(delete(Contact).where(Contact.id.in_(erase)))
            for cid in anonymise:
                conn.execute(
                    update(Contact)
                    .where(Contact.id == cid)
                    .values(**anonymised_values(entry.reference, cid))
                )
            seqs: list[int] = []
            if entry.payload_seqs and entry.chain == chain:
                seqs = list(
                    conn.execute(
                        select(LogPayload.seq).where(LogPayload.seq.in_(entry.payload_seqs))
                    ).scalars()
                )
                if seqs:
                    conn.execute(delete(LogPayload).where(LogPayload.seq.in_(seqs)))
            elif entry.payload_seqs:
                skipped += len(entry.payload_seqs)
            if erase or anonymise or found or seqs:
                refs.append(entry.reference)
                contacts += len(erase) + len(anonymise)
                customers += found
                payloads += len(seqs)
                touched |= {"contact"} | ({"customer"} if found else set())
                touched |= {"log_payload"} if seqs else set()
                if found:
                    touched |= {t for t, _ in CUSTOMER_TABLES if t in present}
                _log(conn, ERASED_KIND, {"reference": entry.reference, "scope": "replay"}, actor)
                people = [p for p in people if p[0] not in erase]
    return ReplayResult(
        len(entries), tuple(refs), contacts, customers, payloads, skipped, scrub(engine, touched)
    )


def _replay_customers(conn: Any, journal: Journal, entry: JournalEntry, present: set[str]) -> int:
    found = 0
    for customer_id in entry.customers:
        org = conn.execute(select(Customer.org_number).where(Customer.id == customer_id)).scalar()
        if org is None or journal.hash_form("org:" + org) not in entry.hashes:
            continue
        for table, column in CUSTOMER_TABLES:
            if table in present:
                conn.execute(delete_rows(table, column), {"c": customer_id})
        conn.execute(delete(Customer).where(Customer.id == customer_id))
        found += 1
    return found


def delete_rows(table: str, column: str) -> Any:
    from sqlalchemy import text

    return text(f'DELETE FROM "{table}" WHERE "{column}" = :c')
