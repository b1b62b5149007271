"""Sessions screen queries on a large log: what the screen runs at start-up (this agent's open
sessions, the 100 newest sessions) and what a customer card runs (that customer's sessions).
Measures and prints; never asserts timings.

    PYTHONPATH=. python benchmarks/session_lists.py --sessions 20000 \
        [--pg postgresql://root@127.0.0.1:5432/test]

The log is filled by store.demo_sessions (about 5 events per session) over 2,000 demo
customers; each query is run 5 times and the median is printed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, text

from bowebb_console.demo import fill as demo
from bowebb_console.demo.sessions import fill_demo_sessions
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.db.urls import parse_database_url
from bowebb_console.store.sessions import desk as session_desk
from bowebb_console.store.sessions import events as session_events
from bowebb_console.store.sessions.events import SessionSummary


def median_ms(fn: Callable[[], Any], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def run(url: str, sessions: int, label: str) -> None:
    init_database(url)
    engine = make_engine(url)
    # Customers only; the log comes next (the demo's own sessions and transfers would make
    # fill_demo_sessions see a log that is not empty, and add nothing).
    demo.fill_demo_sessions = lambda *_a, **_k: 0
    demo.fill_demo_transfers = lambda *_a, **_k: 0
    demo.fill_demo_reviews = lambda *_a, **_k: 0
    demo.fill_demo(engine, companies=2000, contacts=5000)
    t0 = time.perf_counter()
    fill_demo_sessions(engine, count=sessions)
    fill_s = time.perf_counter() - t0
    with engine.connect() as conn:
        events = conn.execute(text("SELECT count(*) FROM log_event")).scalar()
        customer = conn.execute(
            text(
                "SELECT json_extract(p.payload, '$.customer_id') FROM log_payload p "
                "JOIN log_event e ON e.seq = p.seq WHERE e.kind = 'consent_recorded' LIMIT 1"
                if engine.dialect.name == "sqlite"
                else "SELECT (p.payload::jsonb ->> 'customer_id')::int FROM log_payload p "
                "JOIN log_event e ON e.seq = p.seq WHERE e.kind = 'consent_recorded' LIMIT 1"
            )
        ).scalar()
    print(f"{label}: {sessions} sessions, {events} events (filled in {fill_s:.1f} s)")

    def rows(find: Callable[[Connection], list[SessionSummary]]) -> Callable[[], Any]:
        def read() -> Any:  # what services.sessions runs: the summaries, then the names
            with engine.connect() as conn:
                return session_desk.with_names(conn, find(conn))

        return read

    for name, fn in (
        (
            "open sessions of one agent",
            rows(lambda c: session_events.open_sessions(c, "erik.berg")),
        ),
        ("100 newest sessions", rows(lambda c: session_events.recent_sessions(c, 100))),
        (
            "one customer's sessions",
            rows(lambda c: session_events.sessions_for_customer(c, customer)),
        ),
    ):
        print(f"  {name:28s} {median_ms(fn):8.1f} ms")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20000)
    parser.add_argument("--pg", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", args.sessions, "SQLite")
    if args.pg:
        admin_url = parse_database_url(args.pg)
        name = f"bowebb_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = admin_url.set(database=name).render_as_string(hide_password=False)
            run(url, args.sessions, "PostgreSQL")
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()
