"""Erasure benchmarks (issue 14): the purge of a customer with 50,000 contacts and 10,000
session-log payloads, and a person's erasure on a 1,000,000-event log, each including the
physical wipe of the files. Measures and prints; never asserts timings.

    PYTHONPATH=. python benchmarks/erasure.py --pg postgresql://root@127.0.0.1:5432/postgres \
        [--contacts 50000 --payloads 10000 --events 1000000] [--sqlite]

A fresh database is made (and dropped after). The data is shaped like a real one and loaded
fast: 2,000 customers and every contact go in with every trigger in force, in multi-row
INSERTs of 1,000 rows as an import does (so their creation is recorded in chained change
events whose payloads name the customer, as in use); the session log
(sessions of one consent and nineteen notes, the purged customer's 500 of them among the
rest) is precomputed as a valid chain and bulk-loaded by COPY with the log's triggers off for
the load only, as benchmarks/log.py does; the review's summaries are then rebuilt from it.
The person has three sessions and writes their phone number as people do in the notes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, insert, select, text, update

from bowebb_console.domain import hashchain as hc
from bowebb_console.domain.search_text import fold, plain
from bowebb_console.services import erasure
from bowebb_console.services.database import Database, Identity
from bowebb_console.services.erasure import ErasurePlan, NewRequest, PersonQuery
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.erasure.scrub import scrub as scrub_tables
from bowebb_console.store.models import Contact, Customer, LogChainHead
from bowebb_console.store.review.fold import rebuild_summaries

TODAY = dt.date(2026, 11, 26)
CUSTOMERS = 2000
SESSION_EVENTS = 20  # one consent, nineteen notes
PERSON_EMAIL = "zebulon.quixtrapp@example.se"
PERSON_PHONE = "+46709871234"
T = TypeVar("T")


WIPED: list[float] = []  # seconds spent in the wipe during the step being timed


def _timed_wipe(original: Callable[..., Any]) -> Callable[..., Any]:
    def wipe(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            WIPED.append(time.perf_counter() - start)

    return wipe


erasure._scrub = _timed_wipe(erasure._scrub)  # type: ignore[attr-defined]


def timed(label: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    WIPED.clear()
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    took = time.perf_counter() - start
    split = f"   (wipe {sum(WIPED):.2f} s, the rest {took - sum(WIPED):.2f} s)" if WIPED else ""
    print(f"  {label:<44} {took:8.2f} s{split}", flush=True)
    return result


BATCH = 1000


def _insert(conn: Any, table: Any, rows: list[dict[str, object]]) -> None:
    """Multi-row INSERTs (one statement, one change event, per batch)."""
    for row in rows:
        row["name_folded"] = fold(str(row["name"]))
        row["name_plain"] = plain(str(row["name"]))
        if "email" in row:
            row["email_folded"] = fold(str(row["email"]))
    for i in range(0, len(rows), BATCH):
        conn.execute(insert(table).values(rows[i : i + BATCH]))


def load_customers_and_contacts(engine: Engine, contacts: int) -> tuple[int, int, int, int]:
    """2,000 customers, three contacts each, the victim's ``contacts``, and the person."""
    with engine.begin() as conn:
        _insert(
            conn,
            Customer,
            [
                {"org_number": f"55{i:08d}", "name": f"Kundbolag {i} AB", "version": 1}
                for i in range(CUSTOMERS)
            ],
        )
        ids = list(conn.execute(select(Customer.id).order_by(Customer.id)).scalars())
        victim, home = ids[-1], ids[1]
        rows = [
            {
                "customer_id": c,
                "name": f"Kontakt {c}-{k}",
                "email": f"k{c}.{k}@kund{c}.example.se",
                "phone": f"+4670{c:04d}{k:03d}",
                "version": 1,
            }
            for c in ids[:-1]
            for k in range(3)
        ]
        rows += [
            {
                "customer_id": victim,
                "name": f"Anställd {k}",
                "email": f"anstalld{k}@victim.example.se",
                "phone": f"+4673{k:07d}",
                "title": "Ekonomi",
                "version": 1,
            }
            for k in range(contacts)
        ]
        rows.append(
            {
                "customer_id": home,
                "name": "Zebulon Quixtrapp",
                "email": PERSON_EMAIL,
                "phone": PERSON_PHONE,
                "version": 1,
            }
        )
        for row in rows:
            row.setdefault("title", None)
        _insert(conn, Contact, rows)
        person = conn.execute(select(Contact.id).where(Contact.email == PERSON_EMAIL)).scalar_one()
        first = conn.execute(
            select(Contact.id).where(Contact.customer_id == victim).order_by(Contact.id).limit(1)
        ).scalar_one()
    return victim, home, person, first


def _sessions(
    events: int, victim: tuple[int, int], person: tuple[int, int], sessions_victim: int
) -> Iterator[tuple[int, int, int]]:
    """(session number, customer, contact) for every session: the person's three, the
    victim's, and the rest spread over the other customers."""
    yield from ((s, person[0], person[1]) for s in range(3))
    yield from ((3 + s, victim[0], victim[1]) for s in range(sessions_victim))
    rest = max(0, events // SESSION_EVENTS - sessions_victim - 3)
    for s in range(rest):
        customer = 1 + s % (CUSTOMERS - 1)
        yield (3 + sessions_victim + s, customer, 0)


def chain_rows(
    start: tuple[int, str], sessions: Iterator[tuple[int, int, int]], person_id: int
) -> Iterator[tuple[object, ...]]:
    seq, prev = start
    salt = b"\x02" * hc.SALT_BYTES
    for number, customer, contact in sessions:
        su = str(uuid.UUID(int=(1 << 64) + number, version=4))
        for i in range(SESSION_EVENTS):
            seq += 1
            if i == 0:
                kind = "consent_recorded"
                body: dict[str, object] = {
                    "customer_id": customer,
                    "contact_id": contact or None,
                    "session_kind": "support",
                    "outcome": "agreed",
                    "channel": "phone",
                    "agreed_at": "2026-11-02T08:00:00+00:00",
                    "reference": f"T-{number}",
                    "scope": "view_and_control",
                    "purpose": "Felsökning av e-post",
                }
            else:
                kind = "note_added"
                note = f"Kunden bad om hjälp med faktura {number}-{i}, löst."
                if contact == person_id and i == 1:
                    note = f"Ring tillbaka Zebulon på 070-987 12 34 eller {PERSON_EMAIL}"
                body = {"note": note}
            payload = hc.canonical_payload(body)
            commitment = hc.payload_commitment(salt, payload.encode())
            eu = str(uuid.UUID(int=seq, version=4))
            clock = f"{seq // 60 % 60:02d}:{seq % 60:02d}.{seq % 1_000_000:06d}"
            at = f"2026-11-{1 + seq % 25:02d}T08:{clock}Z"
            h = hc.event_hash(seq, eu, su, kind, "bench", at, commitment, prev)
            yield (seq, eu, su, kind, "bench", at, commitment, prev, h, salt, payload, customer)
            prev = h


def load_log_postgres(engine: Engine, rows: Iterator[tuple[object, ...]]) -> int:
    raw = engine.raw_connection()
    n = 0
    try:
        cur = raw.cursor()
        cur.execute("SET statement_timeout = 0")  # the load only (the app's limit is short)
        cur.execute("ALTER TABLE log_event DISABLE TRIGGER USER")
        cur.execute("ALTER TABLE log_payload DISABLE TRIGGER USER")
        last: tuple[object, ...] = ()
        payloads = []
        with cur.copy(
            "COPY log_event (seq, event_uuid, session_uuid, kind, actor, at, payload_commitment,"
            " prev_hash, hash) FROM STDIN"
        ) as copy:
            for r in rows:
                copy.write_row(r[:9])
                # The partition key (migration 0025): the session's customer, as the
                # database's default gives it to every payload but a session's first consent.
                payloads.append((r[0], r[9], r[10], 0 if r[3] == "consent_recorded" else r[11]))
                last = r
                n += 1
        with cur.copy("COPY log_payload (seq, salt, payload, customer_id) FROM STDIN") as copy:
            for p in payloads:
                copy.write_row(p)
        cur.execute("UPDATE log_chain_head SET seq = %s, hash = %s", (last[0], last[8]))
        cur.execute("ALTER TABLE log_event ENABLE TRIGGER USER")
        cur.execute("ALTER TABLE log_payload ENABLE TRIGGER USER")
        raw.commit()
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
    return n


def load_log_sqlite(engine: Engine, rows: Iterator[tuple[object, ...]]) -> int:
    raw = engine.raw_connection()
    n = 0
    try:
        cur = raw.cursor()
        saved = cur.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
            "('log_event', 'log_payload')"
        ).fetchall()
        cur.execute("BEGIN IMMEDIATE")
        for name, _sql in saved:
            cur.execute(f'DROP TRIGGER "{name}"')  # the load only; re-created below
        last: tuple[object, ...] = ()
        batch: list[tuple[object, ...]] = []

        def flush() -> None:
            cur.executemany(
                "INSERT INTO log_event (seq, event_uuid, session_uuid, kind, actor, at, "
                "payload_commitment, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)",
                [r[:9] for r in batch],
            )
            cur.executemany(
                "INSERT INTO log_payload (seq, salt, payload) VALUES (?,?,?)",
                [(r[0], r[9], r[10]) for r in batch],
            )
            batch.clear()

        for r in rows:
            batch.append(r)
            last = r
            n += 1
            if len(batch) == 20000:
                flush()
        flush()
        cur.execute("UPDATE log_chain_head SET seq = ?, hash = ?", (last[0], last[8]))
        for _name, sql in saved:
            cur.execute(sql)
        cur.execute("COMMIT")
        cur.execute("ANALYZE")
    finally:
        raw.close()
    return n


def _rebuild(engine: Engine) -> None:
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET LOCAL statement_timeout = 0")  # the load only
        rebuild_summaries(conn)


def run(url: str, contacts: int, payloads: int, events: int, work: Path) -> None:
    init_database(url)
    engine = make_engine(url)
    victim, home, person, first = timed(
        f"load {CUSTOMERS} customers, {contacts + 3 * (CUSTOMERS - 1) + 1} contacts",
        load_customers_and_contacts,
        engine,
        contacts,
    )
    with engine.connect() as conn:
        head = conn.execute(select(LogChainHead.seq, LogChainHead.hash)).one()
    sessions = _sessions(
        events - int(head[0]), (victim, first), (home, person), payloads // SESSION_EVENTS
    )
    rows = chain_rows((int(head[0]), str(head[1])), sessions, person)
    load = load_log_postgres if engine.dialect.name == "postgresql" else load_log_sqlite
    loaded = timed("load the session log (COPY)", load, engine, rows)
    timed("rebuild the review's summaries", _rebuild, engine)
    with engine.begin() as conn:
        total = conn.execute(text("SELECT count(*) FROM log_event")).scalar_one()
        conn.execute(
            update(Customer)
            .where(Customer.id == victim)
            .values(status="terminated", terminated_on=TODAY - dt.timedelta(days=120))
        )
    print(f"    log: {total} events ({loaded} loaded), the victim: {contacts} contacts")
    db = Database(engine)
    admin = Identity("a", "admin", db.dialect)
    journal = work / f"journal-{uuid.uuid4().hex[:6]}.jsonl"
    query = PersonQuery(email=PERSON_EMAIL, phone=PERSON_PHONE, name="Zebulon Quixtrapp")
    found = timed("find_person (e-mail, phone, name)", erasure.find_person, db, query)
    plan = ErasurePlan(
        request=NewRequest(TODAY, "email"),
        identity_check="reply_from_address",
        query=query,
        contact_actions={c.id: "erase" for c in found.contacts},
        payload_seqs=tuple(p.seq for p in found.payloads),
    )
    done = timed(
        "erase_person (incl. wipe)  [floor 5 s]",
        erasure.erase_person,
        db,
        admin,
        journal,
        plan,
        today=TODAY,
    )
    print(f"    erased {done.contacts_erased} contact(s), {done.payloads_erased} payload(s)")
    approval = erasure.request_purge(db, admin, victim, TODAY)
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
    plan_ = timed("plan_purge (dry run)", erasure.plan_purge, db, victim, TODAY)
    print(f"    would go: {dict(plan_.rows)}, {len(plan_.payload_seqs)} log payloads")
    purged = timed(
        "run_purge (incl. wipe)  [floor 5 s]",
        erasure.run_purge,
        db,
        admin,
        journal,
        approval.id,
        f"Kundbolag {CUSTOMERS - 1} AB",
        today=TODAY,
    )
    print(f"    wiped: {', '.join(purged.scrub.rewritten)}; pending: {purged.scrub.pending}")
    timed("replay_journal (nothing to redo)", erasure.replay_journal, db, journal)
    print("  the wipe, table by table (each rewritten again):")
    for table in ("contact", "session_summary", "log_payload"):
        timed(f"  wipe {table}", scrub_tables, db, {table})
    if engine.dialect.name == "postgresql":
        # session_summary (migration 0025): the wipe rewrites the partitions marked due only
        # (none left above); one partition marked by hand, then every one.
        with engine.begin() as conn:
            parts = list(
                conn.execute(
                    text(
                        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = "
                        "i.inhrelid WHERE i.inhparent = 'session_summary'::regclass ORDER BY 1"
                    )
                ).scalars()
            )
        for label, marked in (("one partition", parts[:1]), (f"all {len(parts)}", parts)):
            with engine.begin() as conn:
                for part in marked:
                    conn.execute(
                        text("INSERT INTO erasure_wipe_due (relname) VALUES (:p)"), {"p": part}
                    )
            timed(f"  wipe session_summary, {label}", scrub_tables, db, {"session_summary"})
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=50_000)
    parser.add_argument("--payloads", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--pg", help="admin URL of a PostgreSQL server (a fresh db is made)")
    parser.add_argument("--sqlite", action="store_true", help="also on SQLite")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    args = parser.parse_args()
    sizes = (args.contacts, args.payloads, args.events)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.pg:
            name = f"bowebb_bench_erasure_{uuid.uuid4().hex[:8]}"
            server = make_engine(args.pg, isolation_level="AUTOCOMMIT")
            with server.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                print(f"PostgreSQL: {args.events} events, {args.contacts} contacts")
                run(args.pg.rsplit("/", 1)[0] + "/" + name, *sizes, work)
            finally:
                if args.keep:
                    print(f"kept the database {name}")
                else:
                    with server.connect() as conn:
                        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                server.dispose()
        if args.sqlite:
            print(f"SQLite: {args.events} events, {args.contacts} contacts")
            run(f"sqlite:///{work / 'bench.sqlite3'}", *sizes, work)


if __name__ == "__main__":
    main()
