"""Session-log benchmarks: insert rate (trigger on PostgreSQL, application on SQLite) and
``verify-log`` over a million events. Measures and prints; never asserts timings.

    PYTHONPATH=. python benchmarks/log.py --events 1000000 --inserts 2000 \
        [--pg postgresql://root@127.0.0.1:5432/test]

The million events are precomputed in Python and bulk-loaded as the database owner with the
log's triggers switched off for the load only (SQLite: the link and payload triggers dropped
and re-created; PostgreSQL: ALTER TABLE ... DISABLE TRIGGER USER on log_event and log_payload,
then the chain head is set to the last event). Inserts and verification then run with every
trigger in force.
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, text

from bowebb_console.domain import hashchain as hc
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.chain import append_event
from bowebb_console.store.log.verify import default_workers, verify_log

SESSION = str(uuid.uuid4())


# log_payload has a fourth column since migration 0025 (the partition key; SQLite: unused).
PAYLOAD_INSERT = "INSERT INTO log_payload (seq, salt, payload) VALUES (?,?,?)"


def chain_rows(n: int) -> Iterator[tuple[object, ...]]:
    prev = hc.GENESIS
    salt = b"\x01" * hc.SALT_BYTES
    for seq in range(1, n + 1):
        payload = hc.canonical_payload({"note": f"Benchmark note {seq}"})
        commitment = hc.payload_commitment(salt, payload.encode())
        eu = str(uuid.UUID(int=seq, version=4))
        minute, second = seq // 60_000_000 % 60, seq // 1_000_000 % 60
        at = f"2026-11-26T08:{minute:02d}:{second:02d}.{seq % 1_000_000:06d}Z"
        h = hc.event_hash(seq, eu, SESSION, "note_added", "bench", at, commitment, prev)
        yield (seq, eu, SESSION, "note_added", "bench", at, commitment, prev, h, salt, payload)
        prev = h


def load_sqlite(engine: Engine, n: int) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        saved = cur.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
            "('log_event_link', 'log_payload_check')"
        ).fetchall()
        cur.execute("BEGIN IMMEDIATE")
        for name, _sql in saved:
            cur.execute(f"DROP TRIGGER {name}")  # the load only; re-created below
        rows = list(chain_rows(n))
        cur.executemany("INSERT INTO log_event VALUES (?,?,?,?,?,?,?,?,?)", [r[:9] for r in rows])
        cur.executemany(PAYLOAD_INSERT, [(r[0], r[9], r[10]) for r in rows])
        for _name, sql in saved:
            cur.execute(sql)
        cur.execute("COMMIT")
    finally:
        raw.close()


def load_postgres(engine: Engine, n: int) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("ALTER TABLE log_event DISABLE TRIGGER USER")
        cur.execute("ALTER TABLE log_payload DISABLE TRIGGER USER")
        last: tuple[object, ...] = ()
        with cur.copy(
            "COPY log_event (seq, event_uuid, session_uuid, kind, actor, at, payload_commitment,"
            " prev_hash, hash) FROM STDIN"
        ) as copy:
            payloads = []
            for r in chain_rows(n):
                copy.write_row(r[:9])
                payloads.append((r[0], r[9], r[10]))
                last = r
        with cur.copy("COPY log_payload (seq, salt, payload) FROM STDIN") as copy:
            for p in payloads:
                copy.write_row(p)
        cur.execute("UPDATE log_chain_head SET seq = %s, hash = %s", (last[0], last[8]))
        cur.execute("ALTER TABLE log_event ENABLE TRIGGER USER")
        cur.execute("ALTER TABLE log_payload ENABLE TRIGGER USER")
        raw.commit()
    finally:
        raw.close()


def _writer(url: str, count: int) -> None:
    db = Database(make_engine(url))
    for i in range(count):
        append_event(db, "note_added", str(uuid.uuid4()), {"note": f"concurrent {i}"})
    db.dispose()


def concurrent_rate(url: str, procs: int = 8, each: int = 500) -> float:
    """Events/s with ``procs`` processes appending at once (they queue on the head row)."""
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_writer, args=(url, each)) for _ in range(procs)]
    t = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert all(w.exitcode == 0 for w in workers)
    return procs * each / (time.perf_counter() - t)


def measure(name: str, engine: Engine, events: int, inserts: int) -> None:
    loader = load_postgres if engine.dialect.name == "postgresql" else load_sqlite
    db = Database(engine)
    t = time.perf_counter()
    loader(engine, events)
    print(f"{name}: loaded {events:,} precomputed events in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    for i in range(inserts):
        append_event(db, "note_added", SESSION, {"note": f"insert {i}"}, actor="bench")
    took = time.perf_counter() - t
    print(f"{name}: append_event, one writer, one transaction each: {inserts / took:,.0f} events/s")
    for workers in (1, 1, default_workers(), default_workers()):
        t = time.perf_counter()
        result = verify_log(db, workers=workers)
        took = time.perf_counter() - t
        print(
            f"{name}: verify-log over {result.events:,} events, {workers} process(es): {took:.2f} s"
        )
        assert result.ok, result.report()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--inserts", type=int, default=2000)
    parser.add_argument("--pg", help="admin URL of a PostgreSQL server (a database is created)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        init_database(url)
        engine = make_engine(url)
        measure("SQLite", engine, args.events, args.inserts)
        engine.dispose()

    if args.pg:
        admin = make_engine(args.pg, isolation_level="AUTOCOMMIT")
        name = f"bowebb_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = admin.url.set(database=name).render_as_string(hide_password=False)
            init_database(url, role_prefix=f"bench_{name[-8:]}")
            engine = make_engine(url)
            measure("PostgreSQL", engine, args.events, args.inserts)
            rate = concurrent_rate(url)
            print(f"PostgreSQL: 8 processes x 500 append_event at once: {rate:,.0f} events/s")
            result = verify_log(Database(engine), workers=default_workers())
            print(f"PostgreSQL: after that, {result.report()[:60]}...")
            engine.dispose()
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                for role in ("agent", "lead", "admin", "log_writer"):
                    conn.execute(text(f'DROP ROLE IF EXISTS "bench_{name[-8:]}_{role}"'))
            admin.dispose()


if __name__ == "__main__":
    main()
