"""What migration 0023 costs an admin's save of the lifecycle setting (issue 14): the same
``services.admin.set_lifecycle`` call at revision 0023 (one chained ``lifecycle_changed``
event per change) and after a downgrade to 0022 (no event). Measures and prints; never
asserts timings.

    PYTHONPATH=. python benchmarks/lifecycle_events.py \
        [--pg postgresql://root@127.0.0.1:5432/postgres] [--saves 40] [--rounds 3]

SQLite always; PostgreSQL with ``--pg`` (a fresh database and role prefix, dropped after).
Each round saves ``--saves`` changes (the grace period alternates 30/31 days) and reports the
median of one save in ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from alembic import command
from sqlalchemy import text

from bowebb_console.services import admin
from bowebb_console.services.database import Database, Identity
from bowebb_console.store.db import schema
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database


def _round(db: Database, who: Identity, saves: int) -> float:
    times = []
    for i in range(saves):
        value = admin.Lifecycle(30 + i % 2, 30, 1095)
        start = time.perf_counter()
        admin.set_lifecycle(db, who, value)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def run(url: str, prefix: str, saves: int, rounds: int) -> None:
    init_database(url, role_prefix=prefix)
    engine = make_engine(url)
    db = Database(engine)
    who = Identity("bench", "admin", engine.dialect.name)
    try:
        after = [_round(db, who, saves) for _ in range(rounds)]
        with engine.begin() as conn:
            command.downgrade(schema.alembic_config(conn), "0022")
        before = [_round(db, who, saves) for _ in range(rounds)]
    finally:
        engine.dispose()
    print(f"{engine.dialect.name}: median ms per save, one per round")
    print(f"  0022 (no event):       {', '.join(f'{x:.2f}' for x in before)}")
    print(f"  0023 (one event each): {', '.join(f'{x:.2f}' for x in after)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", help="admin URL of a PostgreSQL server (a fresh db is made)")
    parser.add_argument("--saves", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", "bowebb", args.saves, args.rounds)
    if not args.pg:
        return
    tag = uuid.uuid4().hex[:8]
    name, prefix = f"bowebb_bench_lifecycle_{tag}", f"bl{tag}"
    server = make_engine(args.pg, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        run(args.pg.rsplit("/", 1)[0] + "/" + name, prefix, args.saves, args.rounds)
    finally:
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            roles = conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"), {"p": prefix + "%"}
            ).scalars()
            for role in sorted(roles, key=lambda r: r.endswith(("_agent", "_lead", "_admin"))):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        server.dispose()


if __name__ == "__main__":
    main()
