"""Customer search benchmark: p50/p95/p99 per dialect and query type, through the service.

    PYTHONPATH=. python benchmarks/search.py                       # 100k companies, 1M contacts
    PYTHONPATH=. python benchmarks/search.py --companies 10000 --contacts 100000 --queries 1000

Generates the data once per dialect (SQLite file and a PostgreSQL database, both re-created),
loads it in bulk (SQLite: executemany with the FTS triggers off, then an FTS 'rebuild';
PostgreSQL: COPY with the search indexes dropped, then re-created), then replays realistic
queries through ``search_customers`` — the same call the GUI makes — and prints percentiles.
Floors (issue 3): PostgreSQL p95 <= 15 ms, SQLite p95 <= 5 ms.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from faker.providers.address.sv_SE import Provider as AddressProvider
from faker.providers.person.sv_SE import Provider as PersonProvider
from sqlalchemy import text

from bowebb_console.demo.companies import TITLES, TRADES, ascii_fold
from bowebb_console.domain.orgnr import make_orgnr
from bowebb_console.domain.search_text import fold, plain
from bowebb_console.store.customers.search import search_customers
from bowebb_console.store.db import schema
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database

FIRST = sorted({*PersonProvider.first_names_female, *PersonProvider.first_names_male})
LAST = sorted(PersonProvider.last_names)
CITIES = sorted(AddressProvider.cities)
SUFFIX = ("AB", "AB", "AB", "HB", "KB", "Ekonomisk förening", "")
FLOORS_MS = {"sqlite": 5.0, "postgresql": 15.0}


def slug(value: str) -> str:
    dashed = "".join(ch if ch.isalnum() else "-" for ch in ascii_fold(value))
    return "-".join(part for part in dashed.split("-") if part)


def generate(companies: int, contacts: int, seed: int) -> tuple[list[tuple[Any, ...]], ...]:
    rnd = random.Random(seed)
    seen: set[str] = set()
    customer_rows: list[tuple[Any, ...]] = []
    for cid in range(1, companies + 1):
        while True:
            # Third digit 2-9: an organisation number, not a sole trader's personal one.
            org = make_orgnr(
                f"5{rnd.randint(5, 9)}{rnd.randint(2, 9)}{rnd.randint(0, 999_999):06d}"
            ).digits
            if org not in seen:
                seen.add(org)
                break
        base = rnd.choice(
            (rnd.choice(LAST), rnd.choice(CITIES), f"{rnd.choice(LAST)} & {rnd.choice(LAST)}")
        )
        name = " ".join(p for p in (base, rnd.choice(TRADES), rnd.choice(SUFFIX)) if p)
        status = rnd.choices(("active", "trial", "terminated"), (85, 5, 10))[0]
        signed = "2025-01-15" if rnd.random() < 0.8 else None
        customer_rows.append((cid, org, name, fold(name), plain(name), status, signed, 1))
    contact_rows: list[tuple[Any, ...]] = []
    for kid in range(1, contacts + 1):
        cid = rnd.randint(1, companies) if kid > companies else kid
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        name = f"{first} {last}"
        domain = slug(customer_rows[cid - 1][2].removesuffix(" AB"))[:40].strip("-") + ".se"
        email = f"{slug(first)}.{slug(last)}{kid % 97 or ''}@{domain}"
        phone = f"+467{rnd.choice('02369')}{rnd.randint(0, 9_999_999):07d}"
        title = rnd.choice(TITLES)
        contact_rows.append(
            (kid, cid, name, fold(name), plain(name), email, fold(email), phone, title, 1)
        )
    return customer_rows, contact_rows


def load_sqlite(
    url: str, customers: list[tuple[Any, ...]], contacts: list[tuple[Any, ...]]
) -> None:
    init_database(url)
    engine = make_engine(url)
    raw: Any = engine.raw_connection()
    try:
        cur = raw.cursor()
        triggers = [r[0] for r in cur.execute("SELECT sql FROM sqlite_master WHERE type='trigger'")]
        names = [r[0] for r in cur.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
        cur.execute("BEGIN")
        for name in names:
            cur.execute(f"DROP TRIGGER {name}")
        cur.executemany(
            "INSERT INTO customer (id, org_number, name, name_folded, name_plain, status,"
            " dpa_signed_on, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            customers,
        )
        cur.executemany(
            "INSERT INTO contact (id, customer_id, name, name_folded, name_plain, email,"
            " email_folded, phone, title, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            contacts,
        )
        for fts in ("customer_fts", "contact_fts"):
            cur.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        for sql in triggers:
            cur.execute(sql)
        cur.execute("COMMIT")
        cur.execute("ANALYZE")
        cur.execute("PRAGMA optimize")
    finally:
        raw.close()
        engine.dispose()


def load_postgres(
    url: str, customers: list[tuple[Any, ...]], contacts: list[tuple[Any, ...]]
) -> None:
    engine = make_engine(url)
    schema.upgrade(engine)  # no group roles: the benchmark needs none on the shared cluster
    raw: Any = engine.raw_connection()
    try:
        conn = raw.driver_connection
        with conn.cursor() as cur:
            # Synthetic rows into a throwaway database: no statement limit for the bulk load,
            # and no recorded-change events (issue 13's triggers would log every row).
            cur.execute("SET statement_timeout = 0")
            cur.execute("SET session_replication_role = replica")
            cur.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN "
                "('customer', 'contact') AND indexname NOT LIKE 'pk\\_%%' "
                "AND indexname NOT LIKE 'uq\\_%%'"
            )
            indexes = cur.fetchall()
            # Index columns that gather no statistics (migration 0026's expression indexes
            # over personal columns): the re-created indexes get the same setting.
            cur.execute(
                "SELECT c.relname, a.attnum, a.attstattarget FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_attribute a ON a.attrelid = c.oid "
                "WHERE i.indrelid IN ('customer'::regclass, 'contact'::regclass) "
                "AND a.attstattarget >= 0"
            )
            targets = cur.fetchall()
            for name, _ in indexes:
                cur.execute(f'DROP INDEX "{name}"')
            with cur.copy(
                "COPY customer (id, org_number, name, name_folded, name_plain, status,"
                " dpa_signed_on, version) FROM STDIN"
            ) as copy:
                for row in customers:
                    copy.write_row(row)
            with cur.copy(
                "COPY contact (id, customer_id, name, name_folded, name_plain, email,"
                " email_folded, phone, title, version) FROM STDIN"
            ) as copy:
                for row in contacts:
                    copy.write_row(row)
            cur.execute(
                "SELECT setval(pg_get_serial_sequence('customer', 'id'), %s)", (len(customers),)
            )
            cur.execute(
                "SELECT setval(pg_get_serial_sequence('contact', 'id'), %s)", (len(contacts),)
            )
            cur.execute("SET maintenance_work_mem = '512MB'")
            for _, definition in indexes:
                cur.execute(definition)
            for name, column, target in targets:
                cur.execute(f'ALTER INDEX "{name}" ALTER COLUMN {column} SET STATISTICS {target}')
        conn.commit()
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("VACUUM ANALYZE customer")
            cur.execute("VACUUM ANALYZE contact")
    finally:
        raw.close()
        engine.dispose()


def typo(word: str, rnd: random.Random) -> str:
    letters = [i for i, ch in enumerate(word) if ch.isalpha()]
    if len(letters) < 4:
        return word
    i = rnd.choice(letters[1:-1])
    replacement = rnd.choice([c for c in "aeiouyrstnlkm" if c != word[i].lower()])
    return word[:i] + replacement + word[i + 1 :]


def queries(
    customers: list[tuple[Any, ...]], contacts: list[tuple[Any, ...]], count: int, seed: int
) -> list[tuple[str, str, int]]:
    rnd = random.Random(seed + 1)
    kinds = (
        "name_prefix",
        "contact_prefix",
        "email_partial",
        "email_exact",
        "org_dash",
        "org_plain",
        "org_16",
        "org_prefix",
        "phone_national",
        "typo",
    )
    out: list[tuple[str, str, int]] = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        c = rnd.choice(customers)
        k = rnd.choice(contacts)
        org = c[1]
        want = c[0]  # the customer the query is about (for the recall column)
        if kind == "name_prefix":
            q = c[2][: rnd.randint(2, 8)]
        elif kind == "contact_prefix":
            q = k[2][: rnd.randint(3, 10)]
        elif kind == "email_partial":
            q = k[5][: rnd.randint(5, 14)]
        elif kind == "email_exact":
            q = k[5]
        elif kind == "org_dash":
            q = f"{org[:6]}-{org[6:]}"
        elif kind == "org_plain":
            q = org
        elif kind == "org_16":
            q = "16" + org
        elif kind == "org_prefix":
            q = org[: rnd.randint(4, 7)]
        elif kind == "phone_national":
            p = "0" + k[7][3:]
            q = f"{p[:3]}-{p[3:6]} {p[6:8]} {p[8:]}"
        else:
            # The company's name as remembered: one letter wrong in its longest word.
            words = c[2].split()
            longest = max(range(len(words)), key=lambda i: len(words[i]))
            words[longest] = typo(words[longest], rnd)
            q = " ".join(words)
        if kind in ("contact_prefix", "email_partial", "email_exact", "phone_national"):
            want = k[1]
        out.append((kind, q, want))
    return out


# -- quality (issue 17) -------------------------------------------------------------------

EDITS = ("exact", "substitution", "deletion", "insertion", "transposition", "no_diacritics")
SOURCES = ("company", "contact", "email")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
QUALITY_TARGETS = {"top1": 0.90, "top5": 0.97}


def edit(value: str, kind: str, rnd: random.Random) -> str | None:
    """``value`` as an agent might type it: one letter wrong, missing, extra, two neighbours
    swapped, or no å/ä/ö; None when the kind cannot apply (no diacritics to drop)."""
    if kind == "exact":
        return value
    if kind == "no_diacritics":
        typed = plain(value)
        return typed if typed != fold(value) else None
    letters = [i for i, ch in enumerate(value) if ch.isalpha()][1:]  # not the first letter
    if len(letters) < 3:
        return None
    if kind == "transposition":
        pairs = [i for i in letters if i + 1 < len(value) and value[i + 1].isalpha()]
        pairs = [i for i in pairs if value[i].lower() != value[i + 1].lower()]
        if not pairs:
            return None
        i = rnd.choice(pairs)
        return value[:i] + value[i + 1] + value[i] + value[i + 2 :]
    i = rnd.choice(letters)
    if kind == "substitution":
        return (
            value[:i] + rnd.choice([c for c in LETTERS if c != value[i].lower()]) + value[i + 1 :]
        )
    if kind == "deletion":
        return value[:i] + value[i + 1 :]
    return value[:i] + rnd.choice(LETTERS) + value[i:]  # insertion


def quality_workload(
    customers: list[tuple[Any, ...]], contacts: list[tuple[Any, ...]], per_kind: int, seed: int
) -> list[tuple[str, str, str, frozenset[int]]]:
    """(source, edit, query, customers it may rightly find): seeded. A name shared by several
    customers (or contacts) counts as found at the first of them."""
    rnd = random.Random(seed + 17)
    by_name: dict[str, set[int]] = defaultdict(set)
    for c in customers:
        by_name[c[2]].add(c[0])
    by_contact: dict[str, set[int]] = defaultdict(set)
    by_local: dict[str, set[int]] = defaultdict(set)
    for k in contacts:
        by_contact[k[2]].add(k[1])
        by_local[k[5].split("@")[0]].add(k[1])
    out: list[tuple[str, str, str, frozenset[int]]] = []
    for source in SOURCES:
        for kind in EDITS:
            made = 0
            for _ in range(per_kind * 200):
                if made == per_kind:
                    break
                if source == "company":
                    original = rnd.choice(customers)[2]
                    want = by_name[original]
                elif source == "contact":
                    original = rnd.choice(contacts)[2]
                    want = by_contact[original]
                else:
                    original = rnd.choice(contacts)[5].split("@")[0]
                    want = by_local[original]
                query = edit(original, kind, rnd)
                if query is None:
                    continue
                out.append((source, kind, query, frozenset(want)))
                made += 1
    return out


def quality(url: str, workload: list[tuple[str, str, str, frozenset[int]]], dialect: str) -> bool:
    """Top-1, top-5 and not-in-top-20 per source and kind, through search_customers."""
    engine = make_engine(url)
    ranks: dict[tuple[str, str], list[int]] = defaultdict(list)
    timings: list[float] = []
    try:
        with engine.connect() as conn:
            for source, kind, q, want in workload:
                start = time.perf_counter()
                hits = search_customers(conn, q, 20)
                timings.append((time.perf_counter() - start) * 1000)
                conn.rollback()
                rank = next((i for i, h in enumerate(hits) if h.customer_id in want), 99)
                ranks[(source, kind)].append(rank)
    finally:
        engine.dispose()
    ok = True
    print(f"\n{dialect}: quality, {len(workload)} queries (p95 {percentile(timings, 95):.1f} ms)")
    print(f"  {'source':<9}{'edit':<15}{'n':>5}{'top-1':>8}{'top-5':>8}{'not in 20':>11}")
    for (source, kind), values in ranks.items():
        n = len(values)
        top1 = sum(r == 0 for r in values) / n
        top5 = sum(r < 5 for r in values) / n
        missing = sum(r >= 20 for r in values) / n
        good = top1 >= QUALITY_TARGETS["top1"] and top5 >= QUALITY_TARGETS["top5"]
        ok &= good
        print(
            f"  {source:<9}{kind:<15}{n:>5}{top1:>8.0%}{top5:>8.0%}{missing:>11.0%}"
            f"  {'' if good else 'BELOW TARGET'}"
        )
    return ok


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def replay(
    url: str, workload: list[tuple[str, str, int]], found: dict[str, int]
) -> dict[str, list[float]]:
    """Time each query; ``found`` counts per type how often the customer the query was
    made from is among the hits (prefixes of common names may legitimately miss it)."""
    engine = make_engine(url)
    timings: dict[str, list[float]] = defaultdict(list)
    try:
        with engine.connect() as conn:
            for _, q, _ in workload[:50]:  # warm caches and the connection
                search_customers(conn, q)
                conn.rollback()
            for kind, q, want in workload:
                start = time.perf_counter()
                hits = search_customers(conn, q)
                elapsed = (time.perf_counter() - start) * 1000
                if any(h.customer_id == want for h in hits):
                    found[kind] += 1
                    found["ALL"] += 1
                conn.rollback()  # the GUI searches in short transactions
                timings[kind].append(elapsed)
                timings["ALL"].append(elapsed)
    finally:
        engine.dispose()
    return timings


def report(dialect: str, timings: dict[str, list[float]], found: dict[str, int]) -> bool:
    print(f"\n{dialect}: {len(timings['ALL'])} queries")
    print(f"  {'query type':<16}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'found':>8}")
    for kind in sorted(timings, key=lambda k: (k == "ALL", k)):
        values = timings[kind]
        print(
            f"  {kind:<16}{len(values):>6}{statistics.median(values):>9.2f}"
            f"{percentile(values, 95):>9.2f}{percentile(values, 99):>9.2f}"
            f"{found[kind] / len(values):>8.0%}"
        )
    p95 = percentile(timings["ALL"], 95)
    ok = p95 <= FLOORS_MS[dialect]
    print(f"  floor p95 <= {FLOORS_MS[dialect]} ms: {'PASS' if ok else 'FAIL'} ({p95:.2f} ms)")
    return ok


def _pg_database(server_url: str, name: str) -> Iterator[str]:
    from sqlalchemy import create_engine

    from bowebb_console.store.db.urls import parse_database_url

    admin = create_engine(parse_database_url(server_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    yield parse_database_url(server_url).set(database=name).render_as_string(hide_password=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--dialect", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--sqlite-file", default="/tmp/bowebb-bench.sqlite3")
    parser.add_argument("--pg", default="postgresql://root@127.0.0.1:5432/test", help="server URL")
    parser.add_argument("--pg-database", default="bowebb_bench")
    parser.add_argument(
        "--reuse", action="store_true", help="skip generating: search existing data"
    )
    parser.add_argument(
        "--quality",
        type=int,
        default=0,
        metavar="N",
        help="also measure ranking quality: N seeded queries per source and edit (issue 17)",
    )
    parser.add_argument("--no-latency", action="store_true", help="skip the latency replay")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    customers, contacts = generate(args.companies, args.contacts, args.seed)
    workload = queries(customers, contacts, args.queries, args.seed)
    graded = quality_workload(customers, contacts, args.quality, args.seed) if args.quality else []
    print(
        f"generated {len(customers)} companies, {len(contacts)} contacts "
        f"in {time.perf_counter() - start:.1f} s"
    )
    # The generated rows (millions of tuples) are not part of what is measured: without
    # this, every full collection of the garbage collector walks them in the middle of a
    # timed search (the app's own process holds no such data).
    gc.collect()
    gc.freeze()
    ok = True
    if args.dialect in ("sqlite", "both"):
        url = f"sqlite:///{args.sqlite_file}"
        if not args.reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(args.sqlite_file + suffix).unlink(missing_ok=True)
            t = time.perf_counter()
            load_sqlite(url, customers, contacts)
            print(f"sqlite: loaded in {time.perf_counter() - t:.1f} s")
        found: dict[str, int] = defaultdict(int)
        if not args.no_latency:
            ok &= report("sqlite", replay(url, workload, found), found)
        if graded:
            ok &= quality(url, graded, "sqlite")
    if args.dialect in ("postgresql", "both"):
        if args.reuse:
            from bowebb_console.store.db.urls import parse_database_url

            url = (
                parse_database_url(args.pg)
                .set(database=args.pg_database)
                .render_as_string(hide_password=False)
            )
        else:
            url = next(_pg_database(args.pg, args.pg_database))
            t = time.perf_counter()
            load_postgres(url, customers, contacts)
            print(f"postgresql: loaded in {time.perf_counter() - t:.1f} s")
        found = defaultdict(int)
        if not args.no_latency:
            ok &= report("postgresql", replay(url, workload, found), found)
        if graded:
            ok &= quality(url, graded, "postgresql")
    print(f"\ntotal {time.perf_counter() - start:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
