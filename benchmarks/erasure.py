"""Erasure benchmarks: finding a person, erasing them, purging a customer, replaying the
journal, each including the physical scrub. Measures and prints; never asserts timings.

    PYTHONPATH=. python benchmarks/erasure.py --notes 20000 \
        [--pg postgresql://root@127.0.0.1:5432/test]

The database gets the demo data (2000 customers, 6000 contacts, 300 sessions) plus
``--notes`` extra session-log notes (the payload scan of a person's search is linear in them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import Engine, select, text, update

from bowebb_console.demo.fill import fill_demo
from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.services import erasure
from bowebb_console.services.database import Database, Identity
from bowebb_console.services.erasure import ErasurePlan, NewRequest, PersonQuery
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.chain import write_event
from bowebb_console.store.models import Contact, Customer, LogEvent, LogPayload

TODAY = dt.date(2026, 11, 26)


def add_notes(engine: Engine, n: int) -> None:
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            session = str(uuid.uuid4())
            for i in range(n):
                note = canonical_payload({"note": f"Customer asked about invoice {i}, fixed"})
                write_event(conn, "note_added", session, str(uuid.uuid4()), note, "bench")


def timed(label: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    print(f"  {label:<38} {1000 * (time.perf_counter() - start):9.1f} ms")
    return result


def run(url: str, notes: int, work: Path) -> None:
    init_database(url)
    engine = make_engine(url)
    fill_demo(engine, today=TODAY)
    add_notes(engine, notes)
    with engine.begin() as conn:
        # A contact who agreed to a session: their consent payload is found by contact id.
        consent = conn.execute(
            select(LogPayload.payload)
            .join(LogEvent, LogEvent.seq == LogPayload.seq)
            .where(LogEvent.kind == "consent_recorded")
            .limit(1)
        ).scalar_one()
        contact_id = json.loads(consent)["contact_id"]
        target = conn.execute(select(Contact.email).where(Contact.id == contact_id)).scalar_one()
        victim = conn.execute(
            select(Customer.id, Customer.name).order_by(Customer.id.desc()).limit(1)
        ).one()
        # The database derives hard_delete_due (migration 0013): terminated a grace period ago.
        conn.execute(
            update(Customer)
            .where(Customer.id == victim[0])
            .values(status="terminated", terminated_on=TODAY - dt.timedelta(days=90))
        )
    db = Database(engine)
    admin = Identity("a", "admin", db.dialect)
    journal = work / f"journal-{uuid.uuid4().hex[:6]}.jsonl"
    query = PersonQuery(email=target)
    found = timed("find_person (e-mail)", erasure.find_person, db, query)
    plan = ErasurePlan(
        request=NewRequest(TODAY, "email"),
        identity_check="reply_from_address",
        query=query,
        contact_actions={c.id: "erase" for c in found.contacts},
        payload_seqs=tuple(p.seq for p in found.payloads),
    )
    done = timed(
        "erase_person (incl. scrub)", erasure.erase_person, db, admin, journal, plan, today=TODAY
    )
    print(f"    erased {done.contacts_erased} contact(s), {done.payloads_erased} payload(s)")
    approval = erasure.request_purge(db, admin, victim[0], TODAY)
    if engine.dialect.name == "sqlite":
        erasure.approve_purge(db, approval.id, approver="b")
    else:
        with engine.begin() as conn:  # the benchmark's stand-in for a second login
            conn.execute(text("ALTER TABLE purge_approval DISABLE TRIGGER purge_approval_guard"))
            conn.execute(
                text("UPDATE purge_approval SET status='approved', approved_by='b' WHERE id=:i"),
                {"i": approval.id},
            )
            conn.execute(text("ALTER TABLE purge_approval ENABLE TRIGGER purge_approval_guard"))
    timed("plan_purge (dry run)", erasure.plan_purge, db, victim[0], TODAY)
    timed(
        "run_purge (incl. scrub)",
        erasure.run_purge,
        db,
        admin,
        journal,
        approval.id,
        victim[1],
        today=TODAY,
    )
    timed("replay_journal (nothing to redo)", erasure.replay_journal, db, journal)
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=20000)
    parser.add_argument("--pg", help="admin URL of a PostgreSQL server (a fresh db is made)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print(f"SQLite, demo data + {args.notes} notes")
        run(f"sqlite:///{work / 'bench.sqlite3'}", args.notes, work)
        if args.pg:
            name = f"bowebb_bench_erasure_{uuid.uuid4().hex[:8]}"
            admin = make_engine(args.pg, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                print(f"PostgreSQL, demo data + {args.notes} notes")
                run(args.pg.rsplit("/", 1)[0] + "/" + name, args.notes, work)
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()


if __name__ == "__main__":
    main()
