"""A person planted everywhere the console keeps data, and byte-level checks of the files."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert, text

from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.store.db.connect import Database
from bowebb_console.store.log.chain import write_event
from bowebb_console.store.models import Contact, Customer

NAME = "Zebulon Quixtrapp"
EMAIL = "zebulon.quixtrapp@vindelkraft-unik.se"
PHONE = "+46709871234"
# What must not survive anywhere in the files (the phone also in its national form).
SECRETS = (NAME, EMAIL, PHONE, "Quixtrapp", "quixtrapp", "0709871234", "9871234")
COMPANY = "Vindelkraft Ödmjuk AB"
ORG = "5591234567"  # not Luhn-checked here: inserted below the validation


@dataclass(frozen=True)
class Planted:
    customer_id: int
    other_customer_id: int
    contact_id: int
    other_contact_id: int
    bystander_id: int


def recorded_contacts(engine: Engine) -> int:
    """How many change events (migration 0009) hold the planted person's contact rows, which
    their erasure also erases: PostgreSQL records one per statement (the person's two contact
    inserts), SQLite one per run of like changes in a transaction (all three inserts)."""
    return 2 if engine.dialect.name == "postgresql" else 1


# The purged customer's recorded changes (its insert and its contact's): both databases.
RECORDED_CUSTOMER = 2


def plant_person(engine: Engine, *, hard_delete_due: dt.date | None = None) -> Planted:
    with engine.begin() as conn:
        cust = conn.execute(
            insert(Customer)
            .values(
                org_number=ORG,
                name=COMPANY,
                status="terminated" if hard_delete_due else "active",
                version=1,
                dpa_signed_on=dt.date(2025, 1, 1),
                hard_delete_due=hard_delete_due,
                terminated_on=(hard_delete_due - dt.timedelta(days=90))
                if hard_delete_due
                else None,
            )
            .returning(Customer.id)
        ).scalar_one()
        other = conn.execute(
            insert(Customer)
            .values(
                org_number="5560360793",
                name="Annat Bolag AB",
                status="active",
                version=1,
                dpa_signed_on=dt.date(2025, 1, 1),
            )
            .returning(Customer.id)
        ).scalar_one()
        contact = conn.execute(
            insert(Contact)
            .values(customer_id=cust, name=NAME, email=EMAIL, phone=PHONE, version=1)
            .returning(Contact.id)
        ).scalar_one()
        second = conn.execute(
            insert(Contact)
            .values(customer_id=other, name=NAME, email=EMAIL.upper(), version=1)
            .returning(Contact.id)
        ).scalar_one()
        bystander = conn.execute(
            insert(Contact)
            .values(customer_id=other, name="Berit Bystander", email="berit@annat.se", version=1)
            .returning(Contact.id)
        ).scalar_one()
    with Database(engine).transaction() as conn:
        # Their session: consent (by contact id), a note with the name and the phone.
        session = _session(conn, cust, contact, "T-1", "printer", "phone")
        _event(conn, session, "note_added", note=f"Called back {NAME.upper()} on 070-987 12 34")
        _event(conn, session, "session_ended", summary="fixed", outcome="resolved")
        # A session of the other customer that mentions the person only in a note.
        other_session = _session(conn, other, bystander, "T-2", "invoice", "email")
        _event(conn, other_session, "note_added", note=f"cc {EMAIL} on the reply")
        _event(conn, other_session, "note_added", note="nothing personal here")
    return Planted(int(cust), int(other), int(contact), int(second), int(bystander))


def _event(conn: Connection, session: str, kind: str, **payload: Any) -> None:
    """One session-log event, written as the Sessions screen writes it."""
    write_event(conn, kind, session, str(uuid.uuid4()), canonical_payload(payload), "tester")


def _session(
    conn: Connection, customer: int, contact: int, reference: str, purpose: str, channel: str
) -> str:
    """An agreed remote-control session, started in AnyDesk."""
    session = str(uuid.uuid4())
    _event(
        conn,
        session,
        "consent_recorded",
        customer_id=customer,
        contact_id=contact,
        session_kind="remote_control",
        outcome="agreed",
        channel=channel,
        agreed_at=dt.datetime(2026, 11, 1, 10, 0, tzinfo=dt.UTC).isoformat(),
        reference=reference,
        scope="control" if reference == "T-1" else "view_only",
        purpose=purpose,
    )
    _event(conn, session, "session_started", tool="AnyDesk", tool_session_id="")
    return session


def sqlite_files(url: str) -> list[Path]:
    path = Path(url.removeprefix("sqlite:///"))
    return [p for p in (path, path.with_name(path.name + "-wal")) if p.exists()]


def found_in_bytes(blobs: list[bytes], needles: tuple[str, ...] = SECRETS) -> list[str]:
    hits = []
    for needle in needles:
        for form in {needle, needle.lower(), needle.upper()}:
            for encoded in (form.encode("utf-8"), form.encode("utf-16-le")):
                if any(encoded in blob for blob in blobs):
                    hits.append(form)
    return sorted(set(hits))


def pg_relation_bytes(admin: Engine, tables: list[str]) -> list[bytes]:
    """The heap, TOAST and index files of ``tables`` (the tests run as root on the server)."""
    blobs = []
    with admin.connect() as conn:
        conn.execute(text("CHECKPOINT"))
        data_dir = Path(conn.execute(text("SHOW data_directory")).scalar_one())
        # A partitioned table (session_summary, migration 0025) has no files: its
        # partitions have (pg_partition_tree lists a plain table as itself).
        tree = (
            "SELECT p.relid FROM unnest(CAST(:t AS text[])) t, "
            "pg_partition_tree(CAST(t AS regclass)) p"
        )
        rels = conn.execute(
            text(
                "SELECT pg_relation_filepath(c.oid) FROM pg_class c "
                f"WHERE c.oid IN ({tree}) "
                f"OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN ({tree})) "
                f"OR c.oid IN (SELECT reltoastrelid FROM pg_class WHERE oid IN ({tree}))"
            ),
            {"t": tables},
        ).scalars()
        for rel in rels:
            if rel is None:
                continue
            base = data_dir / rel
            for f in sorted(base.parent.glob(base.name + "*")):
                if f.name == base.name or f.name.startswith(base.name + "."):
                    blobs.append(f.read_bytes())
    return blobs
