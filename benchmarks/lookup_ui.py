"""Lookup screen benchmark: what an agent feels while typing into the search field.

    PYTHONPATH=. python benchmarks/lookup_ui.py                  # 100k companies, 1M contacts
    PYTHONPATH=. python benchmarks/lookup_ui.py --reuse          # the data already loaded

Loads the same generated data as ``benchmarks/search.py`` into a SQLite file (its own, so the
two benchmarks never race), opens the real ``LookupView`` offscreen and types each query one
key at a time (``--key-ms`` between keys, a fast typist). It prints, per query type:

- ``results ms``: from the last key press to its results on screen (the 150 ms debounce, the
  search on the worker pool, the model reset and repaint);
- ``searches``: searches run per query (debounce: ideally 1, however many keys were typed);
- ``stall ms``: the longest the GUI thread went without serving a 5 ms heartbeat timer while
  the query was typed and answered: the "never freezes" number; and the same heartbeat's
  stall with nothing to do, for what the machine's own scheduling costs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from search import generate, load_sqlite, percentile, queries

from bowebb_console.config import Paths, Settings
from bowebb_console.services.customers import lookup
from bowebb_console.store.db.connect import open_database
from bowebb_console.ui.customers.view import DEBOUNCE_MS, LookupView
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.prompts import RecordingPrompts
from bowebb_console.ui.kit.tasks import TaskRunner


class Heartbeat:
    """A 5 ms timer on the GUI thread; the longest gap between its ticks is the stall."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0
        self.worst = 0

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self.timer.start()

    def reset(self) -> None:
        self.last = self.clock.elapsed()
        self.worst = 0

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.worst = max(self.worst, now - self.last)
        self.last = now


def type_key(widget: Any, ch: str) -> None:
    """A key press carrying ``ch`` as a keyboard sends it (QTest.keyClicks is ASCII-only)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def wait_until(condition: Any, timeout_ms: int = 10_000) -> None:
    deadline = time.perf_counter() + timeout_ms / 1000
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("no results within the timeout")
        QTest.qWait(1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--key-ms", type=int, default=60, help="time between key presses")
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--sqlite-file", default="/tmp/bowebb-bench-ui.sqlite3")
    parser.add_argument("--reuse", action="store_true", help="skip loading: use the file")
    args = parser.parse_args(argv)

    customers, contacts = generate(args.companies, args.contacts, args.seed)
    workload = queries(customers, contacts, args.queries, args.seed)
    url = f"sqlite:///{args.sqlite_file}"
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(args.sqlite_file + suffix).unlink(missing_ok=True)
        t = time.perf_counter()
        load_sqlite(url, customers, contacts)
        print(f"sqlite: loaded in {time.perf_counter() - t:.1f} s")

    app = QApplication.instance() or QApplication([])
    database, identity = open_database(url)
    runner = TaskRunner()
    home = Path(tempfile.mkdtemp(prefix="bowebb-bench-ui-"))
    ctx = AppContext(
        paths=Paths(home / "config", home / "data", home / "log"),
        settings=Settings(),
        database=database,
        identity=identity,
        runner=runner,
        prompts=RecordingPrompts(),
        database_url=url,
    )
    calls = [0]

    def counting(db: Any, text: str) -> Any:
        calls[0] += 1
        return lookup(db, text)

    view = LookupView(ctx, search_fn=counting)
    view.resize(1200, 700)
    view.show()
    app.processEvents()
    wait_until(lambda: not view.loading)
    beat = Heartbeat()
    beat.start()
    # The same heartbeat with nothing to do: what the machine itself costs (scheduling).
    idle: list[float] = []
    for _ in range(20):
        beat.reset()
        QTest.qWait(300)
        idle.append(float(beat.worst))
    latency: dict[str, list[float]] = defaultdict(list)
    stalls: dict[str, list[float]] = defaultdict(list)
    searches: dict[str, list[int]] = defaultdict(list)
    for kind, query, _ in workload:
        view.search.clear()  # programmatic: no search
        view.search.setFocus()
        QTest.qWait(20)
        calls[0] = 0
        beat.reset()
        pressed = time.perf_counter()
        for i, ch in enumerate(query):
            if i:
                QTest.qWait(args.key_ms)
            type_key(view.search, ch)
            pressed = time.perf_counter()
        wait_until(lambda q=query: view.shown_query == q and not view.loading)
        elapsed = (time.perf_counter() - pressed) * 1000
        for key in (kind, "ALL"):
            latency[key].append(elapsed)
            stalls[key].append(float(beat.worst))
            searches[key].append(calls[0])
    runner.shutdown()
    database.dispose()

    print(
        f"\nLookupView on SQLite, {args.companies} companies, {args.contacts} contacts: "
        f"{len(workload)} queries typed at {args.key_ms} ms per key (debounce {DEBOUNCE_MS} ms)"
    )
    print(
        f"  {'query type':<16}{'n':>5}{'results p50':>13}{'p95':>8}{'p99':>8}"
        f"{'searches':>10}{'stall p95':>11}{'max':>7}"
    )
    for kind in sorted(latency, key=lambda k: (k == "ALL", k)):
        values = latency[kind]
        print(
            f"  {kind:<16}{len(values):>5}{percentile(values, 50):>13.0f}"
            f"{percentile(values, 95):>8.0f}{percentile(values, 99):>8.0f}"
            f"{sum(searches[kind]) / len(searches[kind]):>10.2f}"
            f"{percentile(stalls[kind], 95):>11.0f}{max(stalls[kind]):>7.0f}"
        )
    print(
        f"  idle GUI thread (no typing, no search): stall p95 {percentile(idle, 95):.0f} ms, "
        f"max {max(idle):.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
