"""Privacy dashboard benchmark: how long ``services.privacy.load_dashboard`` takes on the full
demo (2,000 companies, 6,000 contacts, weeks of sessions), and how long finding a person for
an access request takes, on a fresh embedded SQLite file. Measures, never asserts.

    PYTHONPATH=. python benchmarks/privacy_dashboard.py
    PYTHONPATH=. python benchmarks/privacy_dashboard.py --companies 500 --contacts 1500 --runs 20
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from bowebb_console.demo.fill import fill_demo
from bowebb_console.services import privacy
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.models import Contact


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"median {statistics.median(samples) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=2000)
    parser.add_argument("--contacts", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        init_database(url)
        engine = make_engine(url)
        started = time.perf_counter()
        fill_demo(engine, companies=args.companies, contacts=args.contacts)
        print(f"demo filled in {time.perf_counter() - started:.1f} s")
        db = Database(engine)
        admin = Identity("bench", "admin", "sqlite")
        today = dt.date.today()
        board = privacy.load_dashboard(db, admin, today)
        print(
            f"dashboard: {len(board.requests)} open requests, {len(board.breaches)} breaches, "
            f"{len(board.flagged)} flagged sub-processors, {len(board.without_dpa)} customers "
            f"without DPA, {len(board.purges_due)} purges due, {len(board.marked)} marked contacts"
        )
        samples = []
        for _ in range(args.runs):
            started = time.perf_counter()
            privacy.load_dashboard(db, admin, today)
            samples.append(time.perf_counter() - started)
        print(f"load_dashboard x{args.runs}: {_ms(samples)}")
        with engine.connect() as conn:
            email = conn.execute(select(Contact.email).order_by(Contact.id)).scalars().first()
        samples = []
        for _ in range(args.runs):
            started = time.perf_counter()
            privacy.find_contacts(db, privacy.PersonQuery(email=email or ""))
            samples.append(time.perf_counter() - started)
        print(f"find_contacts (by e-mail) x{args.runs}: {_ms(samples)}")
        engine.dispose()


if __name__ == "__main__":
    main()
