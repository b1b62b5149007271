"""Review-screen benchmark: 1,000,000 log events (~100,000 sessions). Measures and prints;
never asserts timings.

    PYTHONPATH=. python benchmarks/review.py --events 1000000 [--pg postgresql://root@.../test]

Prepare (own process): demo customers, then about ``--events`` chained events of realistic
sessions (consent, start, notes, transfers, end, some reviews) precomputed in Python and
bulk-loaded with the log's triggers off for the load only, as benchmarks/log.py does; then
``rebuild_summaries`` builds the derived table from the log (timed). Measure (a fresh process,
so peak RSS is the screen's, not the generator's): open the Review screen until its first
rows are painted, apply filters, scroll to the end (a jump, then a sweep of the table), and
report peak RSS (ru_maxrss) after each step.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, text

ROOT = Path(__file__).resolve().parents[1]
AGENTS = [f"agent{i:02d}" for i in range(12)]
LEADS = ("lena.strand", "olof.berg")


# log_payload has a fourth column since migration 0025 (the partition key; SQLite: unused).
PAYLOAD_INSERT = "INSERT INTO log_payload (seq, salt, payload) VALUES (?,?,?)"


def _payload_rows(rng: random.Random, customers: list[int], events: int) -> Iterator[tuple]:
    """(session_uuid, kind, actor, at, payload) in log order, about ``events`` of them."""
    import datetime as dt

    t = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    n = 0
    while n < events:
        su = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        agent = rng.choice(AGENTS)
        consent_by = rng.choice(AGENTS) if rng.random() < 0.02 else agent
        kind = "file_transfer" if rng.random() < 0.3 else "remote_control"
        t += dt.timedelta(minutes=rng.randint(1, 5))
        at = t

        def stamp(minutes: int) -> str:
            nonlocal at
            at += dt.timedelta(minutes=minutes, microseconds=rng.randint(0, 999_999))
            return at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

        consent = {
            "customer_id": rng.choice(customers),
            "contact_id": 1,
            "session_kind": kind,
            "outcome": "agreed",
            "channel": rng.choice(("phone", "email", "chat", "ticket")),
            "agreed_at": at.isoformat(),
            "reference": f"T-{rng.randint(10000, 99999)}",
            "scope": "control",
            "purpose": rng.choice(("Skrivaren", "SIE-import", "Bankfil avvisas", "Momsrapport")),
        }
        out = [(su, "consent_recorded", consent_by, stamp(0), consent)]
        started = {"tool": "AnyDesk", "tool_session_id": "123 456"}
        if rng.random() < 0.05:
            started["dpa_missing_reason"] = "Brådskande"
        out.append((su, "session_started", agent, stamp(1), started))
        for i in range(rng.randint(2, 8)):
            out.append((su, "note_added", agent, stamp(rng.randint(1, 25)), {"note": f"Steg {i}"}))
        if kind == "file_transfer":
            for i in range(rng.choice((1, 2, 3, 30))):
                size = rng.randint(1000, 50_000_000)
                transfer = {"direction": "upload", "name": f"fil-{i}.csv", "size": size}
                out.append(
                    (su, "file_transferred", agent, stamp(1), transfer | {"sha256": "0" * 64})
                )
        end = "session_ended_late" if rng.random() < 0.03 else "session_ended"
        out.append((su, end, agent, stamp(5), {"summary": "Klart", "outcome": "resolved"}))
        if rng.random() < 0.3:
            review = {"action": "reviewed" if rng.random() < 0.9 else "flagged", "comment": "OK"}
            out.append((su, "review_added", rng.choice(LEADS), stamp(60), review))
        n += len(out)
        yield from out


def chain(engine: Engine, events: int) -> Iterator[tuple]:
    from bowebb_console.domain import hashchain as hc

    with engine.connect() as conn:
        seq, prev = conn.execute(text("SELECT seq, hash FROM log_chain_head")).one()
        customers = list(conn.execute(text("SELECT id FROM customer")).scalars())
    rng = random.Random(5)
    salt = b"\x02" * hc.SALT_BYTES
    for su, kind, actor, at, payload in _payload_rows(rng, customers, events):
        seq += 1
        canonical = hc.canonical_payload(payload)
        commitment = hc.payload_commitment(salt, canonical.encode())
        eu = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        h = hc.event_hash(seq, eu, su, kind, actor, at, commitment, prev)
        yield (seq, eu, su, kind, actor, at, commitment, prev, h, salt, canonical)
        prev = h


def prepare(url: str, events: int) -> None:
    from bowebb_console.demo.fill import fill_demo
    from bowebb_console.store.db.engine import make_engine
    from bowebb_console.store.db.setup import init_database
    from bowebb_console.store.review.fold import rebuild_summaries

    init_database(url)
    engine = make_engine(url)
    fill_demo(engine)
    t = time.perf_counter()
    if engine.dialect.name == "sqlite":
        _load_sqlite(engine, events)
    else:
        _load_postgres(engine, events)
    print(f"loaded {events:,} precomputed events in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    sessions = rebuild_summaries(engine).sessions
    print(
        f"rebuild_summaries: {sessions:,} sessions from the log in {time.perf_counter() - t:.1f} s"
    )
    engine.dispose()


def _load_sqlite(engine: Engine, events: int) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        saved = cur.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
            "('log_event_link', 'session_summary_apply', 'log_payload_check')"
        ).fetchall()
        cur.execute("BEGIN IMMEDIATE")
        for name, _sql in saved:
            cur.execute(f"DROP TRIGGER {name}")  # the load only; re-created below
        last = None
        batch: list[tuple] = []
        for row in chain(engine, events):
            batch.append(row)
            if len(batch) == 50_000:
                _sqlite_batch(cur, batch)
                last, batch = batch[-1], []
        if batch:
            _sqlite_batch(cur, batch)
            last = batch[-1]
        for _name, sql in saved:
            cur.execute(sql)
        if last is not None:
            cur.execute("UPDATE log_chain_head SET seq = ?, hash = ?", (last[0], last[8]))
        cur.execute("COMMIT")
    finally:
        raw.close()


def _sqlite_batch(cur: object, batch: list[tuple]) -> None:
    cur.executemany("INSERT INTO log_event VALUES (?,?,?,?,?,?,?,?,?)", [r[:9] for r in batch])  # type: ignore[attr-defined]
    cur.executemany(PAYLOAD_INSERT, [(r[0], r[9], r[10]) for r in batch])  # type: ignore[attr-defined]


def _load_postgres(engine: Engine, events: int) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("ALTER TABLE log_event DISABLE TRIGGER USER")
        cur.execute("ALTER TABLE log_payload DISABLE TRIGGER USER")
        rows = list(chain(engine, events))
        with cur.copy(
            "COPY log_event (seq, event_uuid, session_uuid, kind, actor, at, payload_commitment,"
            " prev_hash, hash) FROM STDIN"
        ) as copy:
            for r in rows:
                copy.write_row(r[:9])
        with cur.copy("COPY log_payload (seq, salt, payload) FROM STDIN") as copy:
            for r in rows:
                copy.write_row((r[0], r[9], r[10]))
        cur.execute("UPDATE log_chain_head SET seq = %s, hash = %s", (rows[-1][0], rows[-1][8]))
        cur.execute("ALTER TABLE log_event ENABLE TRIGGER USER")
        cur.execute("ALTER TABLE log_payload ENABLE TRIGGER USER")
        raw.commit()
    finally:
        raw.close()


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(url: str, sweep: bool) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from bowebb_console.config import Paths, Settings
    from bowebb_console.store.db.connect import open_database
    from bowebb_console.ui.kit.context import AppContext
    from bowebb_console.ui.kit.prompts import RecordingPrompts
    from bowebb_console.ui.kit.tasks import TaskRunner
    from bowebb_console.ui.review.view import ReviewView

    database, identity = open_database(url)
    runner = TaskRunner()
    tmp = Path(tempfile.mkdtemp())
    ctx = AppContext(
        Paths(tmp, tmp, tmp), Settings(), database, identity, runner, RecordingPrompts(), url
    )
    print(f"peak RSS before the screen (Qt, SQLAlchemy, connection): {rss_mb():.0f} MB")

    def wait(cond: object, timeout: float = 120) -> None:
        end = time.perf_counter() + timeout
        while not cond() and time.perf_counter() < end:  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.0005)

    t = time.perf_counter()
    view = ReviewView(ctx)
    view.resize(1400, 900)
    view.show()
    wait(lambda: view.model.ready)
    view.table.viewport().repaint()
    app.processEvents()
    opened = (time.perf_counter() - t) * 1000
    print(f"open → first rows painted: {opened:.0f} ms ({view.model.rowCount():,} sessions)")
    print(f"peak RSS after opening: {rss_mb():.0f} MB")

    def apply(label: str, change: object) -> None:
        t = time.perf_counter()
        change()  # type: ignore[operator]
        view.apply_filter()
        wait(lambda: view.model.ready)
        view.table.viewport().repaint()
        ms = (time.perf_counter() - t) * 1000
        print(f"filter {label}: {ms:.0f} ms → {view.model.rowCount():,} sessions")

    wait(lambda: view.agent_combo.count() > 1)
    apply("agent", lambda: view.agent_combo.setCurrentIndex(3))
    apply("agent + not reviewed", lambda: view.reviewed_combo.setCurrentIndex(1))
    apply(
        "none",
        lambda: (view.agent_combo.setCurrentIndex(0), view.reviewed_combo.setCurrentIndex(0)),
    )
    apply("flagged", lambda: view.flagged_combo.setCurrentIndex(1))
    apply("text 'Momsrapport' + flagged", lambda: view.text_edit.setText("Momsrapport"))
    apply("none", lambda: (view.flagged_combo.setCurrentIndex(0), view.text_edit.setText("")))
    apply("customer 'ab'", lambda: view.customer_edit.setText("ab"))
    apply("none", lambda: view.customer_edit.setText(""))
    t = time.perf_counter()
    view.table.horizontalHeader().setSortIndicator(
        8, view.table.horizontalHeader().sortIndicatorOrder()
    )
    wait(lambda: view.model.ready)
    print(f"sort by flags: {(time.perf_counter() - t) * 1000:.0f} ms")
    view.table.horizontalHeader().setSortIndicator(
        0, view.table.horizontalHeader().sortIndicatorOrder()
    )
    wait(lambda: view.model.ready)

    total = view.model.rowCount()
    t = time.perf_counter()
    view.table.scrollToBottom()
    app.processEvents()
    wait(lambda: view.model.row_at(total - 1) is not None)
    view.table.viewport().repaint()
    print(f"jump to the end: {(time.perf_counter() - t) * 1000:.0f} ms; peak RSS {rss_mb():.0f} MB")
    if sweep:
        bar = view.table.verticalScrollBar()
        t = time.perf_counter()
        step = max(1, bar.pageStep())
        for value in range(0, bar.maximum() + 1, step):
            bar.setValue(value)
            app.processEvents()
            first = view.table.rowAt(0)
            wait(lambda f=first: view.model.row_at(max(0, f)) is not None, 10)
        took = time.perf_counter() - t
        print(
            f"sweep through all {total:,} rows a screen at a time: {took:.1f} s; "
            f"rows held {view.model.loaded_rows():,}; peak RSS {rss_mb():.0f} MB"
        )
    runner.shutdown()
    database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--pg", help="admin URL of a PostgreSQL server (a database is created)")
    parser.add_argument("--no-sweep", action="store_true")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--prepare", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        return prepare(args.prepare, args.events)
    if args.measure:
        return measure(args.measure, not args.no_sweep)
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    me = [sys.executable, __file__, "--events", str(args.events)]
    with tempfile.TemporaryDirectory() as tmp:
        if args.pg:
            from sqlalchemy import create_engine

            from bowebb_console.store.db.urls import parse_database_url

            name = f"bowebb_bench_review_{os.getpid()}"
            admin = create_engine(parse_database_url(args.pg), isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = parse_database_url(args.pg).set(database=name).render_as_string(False)
        else:
            url = f"sqlite:///{tmp}/review.sqlite3"
        try:
            subprocess.run([*me, "--prepare", url], check=True, env=env)
            extra = ["--no-sweep"] if args.no_sweep else []
            subprocess.run([*me, *extra, "--measure", url], check=True, env=env)
        finally:
            if args.pg:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
