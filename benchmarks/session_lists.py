"""Sessions screen queries on a large log: what the screen runs at start-up (this agent's open
sessions, the 100 newest sessions) and what a customer card runs (that customer's sessions).
Measures and prints; never asserts timings.

    PYTHONPATH=. python benchmarks/session_lists.py --sessions 20000 \
        [--pg postgresql://root@127.0.0.1:5432/test]
    PYTHONPATH=. python benchmarks/session_lists.py --events 1000000 [--pg ...] [--no-sqlite]

The log is filled by store.demo_sessions (about 7 events per session) over 2,000 demo
customers; each query is run 5 times and the median is printed.

``--events N`` fills the log in bulk instead (filling a million events one at a time through
the triggers would take hours): the same demo sessions (demo.sessions' planner: consents,
starts, notes, transfers, ends, a few never ended) are chained in Python and loaded as the
database owner with the log's triggers off for the load only (as benchmarks/log.py does), then
``session_summary`` is rebuilt from the log (store.review.fold.rebuild_summaries, what
``db upgrade`` runs). The queries then run as they do in the app.

``--ui`` also times what the user sees, offscreen: from asking for a customer's card (the
lookup's ``open_card``) until its sessions list has painted with its rows, and from building
the Sessions screen until it has painted with its lists; each 5 times, median. The agent is
the one signed in (on PostgreSQL a login made for the run, role agent; on SQLite the local
user), and is one of the demo's four agents, so "open sessions" holds theirs.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, text

from bowebb_console.demo import fill as demo
from bowebb_console.demo.sessions import _plan_session, fill_demo_sessions, working_days
from bowebb_console.domain import hashchain as hc
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.db.urls import parse_database_url
from bowebb_console.store.review.fold import rebuild_summaries
from bowebb_console.store.sessions import desk as session_desk
from bowebb_console.store.sessions import events as session_events
from bowebb_console.store.sessions.events import SessionSummary

# log_payload has a fourth column since migration 0025 (the partition key; SQLite: unused).
PAYLOAD_INSERT = "INSERT INTO log_payload (seq, salt, payload) VALUES (?,?,?)"


def median_ms(fn: Callable[[], Any], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


AGENT = ""  # the signed-in agent, set by run() before the log is filled


def planned_rows(engine: Any, events: int) -> Iterator[tuple[object, ...]]:
    """Demo sessions, chained on from the log's head, until ``events`` events in all."""
    import datetime as dt
    import random

    with engine.connect() as conn:
        people = conn.execute(
            text(
                "SELECT c.customer_id, c.id, k.dpa_signed_on FROM contact c "
                "JOIN customer k ON k.id = c.customer_id "
                # no consent may be recorded for a restricted contact (0016's guard, which
                # stays on during SQLite's load)
                "WHERE NOT c.restricted ORDER BY c.id"
            )
        ).all()
        head = conn.execute(
            text("SELECT seq, hash, at FROM log_event ORDER BY seq DESC LIMIT 1")
        ).first()
    seq, prev, last_at = (head[0], head[1], head[2]) if head else (0, hc.GENESIS, "")
    rng = random.Random(20261206)
    days = working_days(dt.date.today())
    planned: list[Any] = []
    while seq + len(planned) < events:
        planned += _plan_session(rng, people, days)
    planned.sort(key=lambda p: p[:2])
    salt = b"\x02" * hc.SALT_BYTES
    for at, _order, kind, su, payload, actor in planned[: events - seq]:
        seq += 1
        canonical = hc.canonical_payload(payload)
        commitment = hc.payload_commitment(salt, canonical.encode())
        eu = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        # The demo's customers were recorded just now: the planned weeks come after them in
        # the chain, stamped no earlier than the event before (as write_event does).
        last_at = max(hc.format_at(at), last_at)
        h = hc.event_hash(seq, eu, su, kind, actor, last_at, commitment, prev)
        yield (seq, eu, su, kind, actor, last_at, commitment, prev, h, salt, canonical)
        prev = h


def bulk_fill(engine: Any, events: int) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        if engine.dialect.name == "sqlite":
            saved = cur.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                "('log_event_link', 'log_payload_check')"
            ).fetchall()
            cur.execute("BEGIN IMMEDIATE")
            for name, _sql in saved:
                cur.execute(f"DROP TRIGGER {name}")  # the load only; re-created below
            rows = list(planned_rows(engine, events))
            cur.executemany(
                "INSERT INTO log_event VALUES (?,?,?,?,?,?,?,?,?)", [r[:9] for r in rows]
            )
            cur.executemany(PAYLOAD_INSERT, [(r[0], r[9], r[10]) for r in rows])
            for _name, sql in saved:
                cur.execute(sql)
            cur.execute("COMMIT")
        else:
            rows = list(planned_rows(engine, events))
            cur.execute("SET statement_timeout = 0")  # the app's limits are not for a bulk load
            cur.execute("SET lock_timeout = 0")
            cur.execute("ALTER TABLE log_event DISABLE TRIGGER USER")
            cur.execute("ALTER TABLE log_payload DISABLE TRIGGER USER")
            with cur.copy(
                "COPY log_event (seq, event_uuid, session_uuid, kind, actor, at,"
                " payload_commitment, prev_hash, hash) FROM STDIN"
            ) as copy:
                for r in rows:
                    copy.write_row(r[:9])
            with cur.copy("COPY log_payload (seq, salt, payload) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row((r[0], r[9], r[10]))
            if rows:
                cur.execute(
                    "UPDATE log_chain_head SET seq = %s, hash = %s", (rows[-1][0], rows[-1][8])
                )
            cur.execute("ALTER TABLE log_event ENABLE TRIGGER USER")
            cur.execute("ALTER TABLE log_payload ENABLE TRIGGER USER")
            raw.commit()
    finally:
        raw.close()
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL statement_timeout = 0"))
        rebuild_summaries(conn)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))


def make_agent(url: str, name: str = "") -> tuple[str, str]:
    """The agent the lists are for, and the URL to open as them (``name``: a kept run's)."""
    import getpass

    from sqlalchemy.engine import make_url

    from bowebb_console.store.db import users

    if url.startswith("sqlite"):
        return getpass.getuser(), url
    name = name or f"bench_{uuid.uuid4().hex[:8]}"
    engine = make_engine(url)
    with engine.begin() as conn:
        if not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first():
            users.add_user(conn, name, "agent", "bench-password-1234")
    engine.dispose()
    return name, make_url(url).set(username=name).render_as_string(hide_password=False)


def measure_ui(url: str, customer: int) -> None:
    """Offscreen: the card's sessions and the Sessions screen, from the ask to the paint."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    from bowebb_console.config import Paths, Settings
    from bowebb_console.services.database import open_database
    from bowebb_console.ui.customers.view import LookupView
    from bowebb_console.ui.kit.context import AppContext
    from bowebb_console.ui.kit.prompts import QtPrompts
    from bowebb_console.ui.kit.tasks import TaskRunner
    from bowebb_console.ui.sessions.view import SessionsView

    app = QApplication.instance() or QApplication([])
    database, identity = open_database(url)
    tmp = Path(tempfile.mkdtemp())
    ctx = AppContext(
        paths=Paths(tmp / "config", tmp / "data", tmp / "log"),
        settings=Settings(),
        database=database,
        identity=identity,
        runner=TaskRunner(),
        prompts=QtPrompts(),
        database_url=url,
    )

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    def until_painted(ready: Callable[[], QWidget | None], clock: QElapsedTimer) -> float:
        """ms on ``clock`` once ``ready()`` names a widget with its data and it painted.

        Waits as the app's event loop does (asleep until an event comes): a loop spinning
        ``processEvents`` takes the GIL from the worker it waits for, and measured that."""
        wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        while (widget := ready()) is None:
            app.processEvents(wait)
        watch = Painted()
        widget.installEventFilter(watch)
        widget.update()
        while not watch.seen:
            app.processEvents(wait)
        widget.removeEventFilter(watch)
        return clock.nsecsElapsed() / 1e6

    lookup = LookupView(ctx)
    lookup.resize(1366, 700)
    lookup.show()
    until_painted(lambda: None if lookup.loading else lookup.results.viewport(), QElapsedTimer())
    card_ms = []
    for _ in range(5):
        lookup.card_sessions = None
        clock = QElapsedTimer()
        clock.start()
        lookup.open_card(customer)

        def card() -> QWidget | None:
            cs = lookup.card_sessions
            if cs is None or cs.panel.model.rowCount() == 0:
                return None
            return cs.panel.table.viewport()

        card_ms.append(until_painted(card, clock))
    screen_ms = []
    for _ in range(5):
        clock = QElapsedTimer()
        clock.start()
        view = SessionsView(ctx)
        view.resize(1366, 700)
        view.show()
        screen_ms.append(until_painted(lambda v=view: None if v.loading else v, clock))
        view.close()
        view.deleteLater()
    print(f"  UI: card's sessions painted       {statistics.median(card_ms):8.1f} ms")
    print(f"  UI: Sessions screen painted       {statistics.median(screen_ms):8.1f} ms")
    lookup.close()
    ctx.runner.shutdown(10_000)
    database.dispose()


def filled(url: str) -> bool:
    """A kept database from an earlier run (``--keep``): its log is there already."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return bool(conn.execute(text("SELECT count(*) FROM log_event")).scalar())
    except Exception:
        return False
    finally:
        engine.dispose()


def run(
    url: str, sessions: int, label: str, events: int = 0, ui: bool = False, agent: str = ""
) -> None:
    global AGENT
    import bowebb_console.demo.sessions as demo_sessions

    kept = filled(url)
    if not kept:
        init_database(url)
    AGENT, agent_url = make_agent(url, agent)
    demo_sessions.AGENTS = ("anna.lind", AGENT, "sara.holm", "johan.ek")
    engine = make_engine(url)
    # Customers only; the log comes next (the demo's own sessions and transfers would make
    # fill_demo_sessions see a log that is not empty, and add nothing).
    demo.fill_demo_sessions = lambda *_a, **_k: 0
    demo.fill_demo_transfers = lambda *_a, **_k: 0
    demo.fill_demo_reviews = lambda *_a, **_k: 0
    t0 = time.perf_counter()
    if kept:
        pass
    elif events:
        demo.fill_demo(engine, companies=2000, contacts=5000)
        t0 = time.perf_counter()
        bulk_fill(engine, events)
    else:
        demo.fill_demo(engine, companies=2000, contacts=5000)
        t0 = time.perf_counter()
        fill_demo_sessions(engine, count=sessions)
    fill_s = time.perf_counter() - t0
    with engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM log_event")).scalar()
        customer = conn.execute(
            text(
                "SELECT json_extract(p.payload, '$.customer_id') FROM log_payload p "
                "JOIN log_event e ON e.seq = p.seq WHERE e.kind = 'consent_recorded' LIMIT 1"
                if engine.dialect.name == "sqlite"
                else "SELECT (p.payload::jsonb ->> 'customer_id')::int FROM log_payload p "
                "JOIN log_event e ON e.seq = p.seq WHERE e.kind = 'consent_recorded' LIMIT 1"
            )
        ).scalar()
    with engine.connect() as conn:
        n_sessions = conn.execute(text("SELECT count(*) FROM session_summary")).scalar()
        n_open = conn.execute(
            text("SELECT count(*) FROM session_summary WHERE agent = :a AND state = 'open'"),
            {"a": AGENT},
        ).scalar()
        n_customer = conn.execute(
            text("SELECT count(*) FROM session_summary WHERE customer_id = :c"), {"c": customer}
        ).scalar()
    print(
        f"{label}: {n_sessions} sessions, {total} events (filled in {fill_s:.1f} s); "
        f"the agent has {n_open} open, the customer {n_customer} sessions"
    )

    def rows(find: Callable[[Connection], list[SessionSummary]]) -> Callable[[], Any]:
        def read() -> Any:  # what services.sessions runs: the summaries, then the names
            with engine.connect() as conn:
                return session_desk.with_names(conn, find(conn))

        return read

    for name, fn in (
        (
            "open sessions of one agent",
            rows(lambda c: session_events.open_sessions(c, AGENT)),
        ),
        ("100 newest sessions", rows(lambda c: session_events.recent_sessions(c, 100))),
        (
            "one customer's sessions",
            rows(lambda c: session_events.sessions_for_customer(c, customer)),
        ),
    ):
        print(f"  {name:28s} {median_ms(fn):8.1f} ms")
    engine.dispose()
    if ui:
        measure_ui(agent_url, customer)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20000)
    parser.add_argument("--events", type=int, default=0, help="bulk-fill to this many events")
    parser.add_argument("--pg", default="")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--ui", action="store_true", help="also time the card and the screen")
    parser.add_argument(
        "--keep",
        default="",
        help="NAME: keep the filled databases (PostgreSQL database bowebb_bench_NAME, SQLite "
        "file /tmp/bowebb_bench_NAME.sqlite3) and reuse them on the next run with the same "
        "NAME; --drop NAME removes them",
    )
    parser.add_argument("--drop", action="store_true", help="with --keep: drop them, run nothing")
    args = parser.parse_args()
    if args.pg:
        admin_url = parse_database_url(args.pg)
        name = f"bowebb_bench_{args.keep or uuid.uuid4().hex[:8]}"
        agent = f"bench_{args.keep}" if args.keep else ""
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            exists = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
            ).first()
            if not exists and not args.drop:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = admin_url.set(database=name).render_as_string(hide_password=False)
            if not args.drop:
                run(url, args.sessions, "PostgreSQL", args.events, args.ui, agent)
        finally:
            if not args.keep or args.drop:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                    if (agent or AGENT).startswith("bench_"):  # the run's own login
                        conn.execute(text(f'DROP ROLE IF EXISTS "{agent or AGENT}"'))
            admin.dispose()
    if args.keep:
        path = Path(tempfile.gettempdir()) / f"bowebb_bench_{args.keep}.sqlite3"
        if args.drop:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        elif not args.no_sqlite:
            run(f"sqlite:///{path}", args.sessions, "SQLite", args.events, args.ui)
    elif not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
            run(url, args.sessions, "SQLite", args.events, args.ui)


if __name__ == "__main__":
    main()
