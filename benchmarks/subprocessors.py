"""Sub-processor register benchmarks: loading the register with flags, saving a checklist
item (with its chained log event), storing and reading a 20 MB evidence file, and rendering
the register PDF. Measures and prints; never asserts timings.

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen python benchmarks/subprocessors.py \
        [--sub-processors 500] [--pg postgresql://root@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import Engine, insert, text
from sqlalchemy.orm import Session

from bowebb_console.domain import checklist as cl
from bowebb_console.services import subprocessors as service
from bowebb_console.services.database import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.models import EVIDENCE_MAX_BYTES, DpaChecklistItem, SubProcessor

TODAY = dt.date(2026, 11, 26)
BENCH = Identity("bench", "admin", "sqlite")  # the actor counts on SQLite only
STATUSES = ("yes", "yes", "yes", "partly", "no", "not_assessed")


def fill(engine: Engine, n: int) -> None:
    keys = cl.load_checklist().keys
    pg = engine.dialect.name == "postgresql"
    with Session(engine) as s, s.begin():
        s.execute(
            insert(SubProcessor),
            [
                {
                    "name": f"Sub-processor {i:04d} AB",
                    "service": "Hosting and backups",
                    "data_categories": "Contact details",
                    "locations": ("SE,DE", "IE", "US", "NO,FI")[i % 4],
                    "storage_locations": "SE",
                    "dpa_signed_on": TODAY - dt.timedelta(days=i) if i % 7 else None,
                    "next_review_on": TODAY + dt.timedelta(days=i % 90 - 30),
                    "status": "active",
                    "version": 1,
                }
                for i in range(n)
            ],
        )
        ids = s.execute(text("SELECT id FROM sub_processor ORDER BY id")).scalars().all()
        rows = []
        for i, sp_id in enumerate(ids):
            for j, key in enumerate(keys):
                row = {
                    "sub_processor_id": sp_id,
                    "item_key": key,
                    "status": STATUSES[(i + j) % len(STATUSES)],
                    "evidence": "clause",
                }
                if not pg:
                    row |= {"assessed_by": "bench", "assessed_at": dt.datetime.now(dt.UTC)}
                rows.append(row)
        s.execute(insert(DpaChecklistItem), rows)


def ms(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    return f"p50 {statistics.median(samples) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def measure(label: str, engine: Engine, n: int) -> None:
    fill(engine, n)
    db = Database(engine)
    loads = []
    for _ in range(20):
        t = time.perf_counter()
        rows = service.list_register(db, TODAY)
        loads.append(time.perf_counter() - t)
    flagged = sum(1 for r in rows if r.flags)
    print(f"{label}: list_register, {n} sub-processors ({flagged} flagged): {ms(loads)}")
    saves = []
    for i in range(100):
        t = time.perf_counter()
        service.set_checklist_item(
            db, BENCH, rows[i % n].record.id, "art28_2", STATUSES[i % 3], "x"
        )
        saves.append(time.perf_counter() - t)
    print(f"{label}: set_checklist_item (+ log event), 100 saves: {ms(saves)}")
    content = os.urandom(EVIDENCE_MAX_BYTES)
    t = time.perf_counter()
    info = service.add_evidence(db, BENCH, rows[0].record.id, "audit.pdf", content)
    stored = time.perf_counter() - t
    t = time.perf_counter()
    back = service.evidence_content(db, info.id)  # with its SHA-256 re-checked
    read = time.perf_counter() - t
    assert back == content
    print(
        f"{label}: 20 MB evidence: store (SHA-256 + insert + log) {stored * 1000:.0f} ms, "
        f"read back (+ SHA-256 check) {read * 1000:.0f} ms"
    )
    pdf(label, rows)


def pdf(label: str, rows: list) -> None:  # type: ignore[type-arg]
    from PySide6.QtWidgets import QApplication

    from bowebb_console.ui.subprocessors.export import write_pdf

    _app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        html = service.register_html(rows, TODAY, "en")
        write_pdf(Path(tmp) / "register.pdf", html, "Register")
        took = time.perf_counter() - t
        size = (Path(tmp) / "register.pdf").stat().st_size
    print(f"{label}: register PDF, {len(rows)} rows: {took * 1000:.0f} ms ({size:,} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sub-processors", type=int, default=500)
    parser.add_argument("--pg", default="", help="PostgreSQL server URL (admin)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        init_database(url)
        engine = make_engine(url)
        measure("SQLite", engine, args.sub_processors)
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
            measure("PostgreSQL", engine, args.sub_processors)
            engine.dispose()
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                for role in ("agent", "lead", "admin", "log_writer"):
                    conn.execute(text(f'DROP ROLE IF EXISTS "bench_{name[-8:]}_{role}"'))
            admin.dispose()


if __name__ == "__main__":
    main()
