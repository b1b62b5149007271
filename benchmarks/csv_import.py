"""CSV import benchmark: rows/s and peak memory of ``bowebb-console import`` on both dialects.

    PYTHONPATH=. python benchmarks/csv_import.py                      # 100k companies, 300k rows
    PYTHONPATH=. python benchmarks/csv_import.py --companies 10000 --dialect sqlite

Writes a realistic CSV (valid Swedish org numbers with and without the dash, names with
å/ä/ö, phones in national and +46 form; the generator of benchmarks/search.py), then runs the
real command line in a child process, first ``--dry-run`` and then the import, on a fresh
SQLite file and a fresh PostgreSQL database at this app's schema, and prints wall time,
rows/s and the child's peak resident memory (VmHWM). A second import of the same file
measures the update path with every customer and contact matched and nothing changed
("re-import"); a third, of the file with every company renamed and every title changed, the
update path with a recorded change for every row ("changed"). ``verify-log`` then checks the
chain the imports' recorded-change events extended. Targets (issue 17):
>= 20,000 rows/s, peak RSS <= 300 MB.
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search import generate

from bowebb_console.store.db.setup import init_database
from bowebb_console.store.db.urls import parse_database_url

TARGET_ROWS_PER_S = 20_000
TARGET_RSS_MB = 300


def write_csv(path: Path, companies: int, contacts: int, seed: int) -> int:
    customers, people = generate(companies, contacts, seed)
    rnd = random.Random(seed + 7)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(
            ("org_number", "company_name", "status", "contact_name", "email", "phone", "title")
        )
        # A company's contacts one after another, as a CRM or spreadsheet export lists them.
        for kid, cid, name, _f, _p, email, _ef, phone, title, _v in sorted(
            people, key=lambda k: k[1]
        ):
            _, org, company, _cf, _cp, status, _s, _cv = customers[cid - 1]
            local, _, domain = email.partition("@")
            org_text = f"{org[:6]}-{org[6:]}" if rnd.random() < 0.7 else org
            national = "0" + phone[3:]
            phone_text = (
                f"{national[:3]}-{national[3:6]} {national[6:8]} {national[8:]}"
                if rnd.random() < 0.5
                else phone
            )
            writer.writerow(
                (org_text, company, status, name, f"{local}.{kid}@{domain}", phone_text, title)
            )
    return len(people)


def write_changed(path: Path, out: Path) -> None:
    """The same file with every company renamed and every contact's title changed: a
    re-import in which every customer and contact is an update with a recorded change."""
    with (
        path.open(encoding="utf-8-sig", newline="") as src,
        out.open("w", encoding="utf-8-sig", newline="") as dst,
    ):
        reader = csv.reader(src, delimiter=";")
        writer = csv.writer(dst, delimiter=";")
        writer.writerow(next(reader))
        for org, company, status, name, email, phone, title in reader:
            writer.writerow((org, company + " Ny", status, name, email, phone, title + " 2"))


def run_import(url: str, path: Path, dry_run: bool) -> tuple[float, float, float, str]:
    """(seconds, peak RSS in MB, CPU seconds of the client, last line of output) of the CLI
    in a child process."""
    extra = ", '--dry-run'" if dry_run else ""
    code = (
        "import resource, sys; from bowebb_console.cli import main; "
        f"rc = main(['import', {str(path)!r}, '--db', {url!r}{extra}]); "
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent (this
        # script, holding the generated rows), VmHWM starts afresh at exec.
        "hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')]; "
        "cpu = resource.getrusage(resource.RUSAGE_SELF); "
        "print('RSS', hwm[0], cpu.ru_utime + cpu.ru_stime, file=sys.stderr); "
        "sys.exit(rc)"
    )
    start = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", ".")},
    )
    elapsed = time.perf_counter() - start
    stdout, stderr = child.stdout, child.stderr
    rss_lines = [line for line in stderr.splitlines() if line.startswith("RSS ")]
    rss = int(rss_lines[-1].split()[1]) / 1024 if rss_lines else float("nan")
    cpu = float(rss_lines[-1].split()[2]) if rss_lines else float("nan")
    if child.returncode != 0:
        raise SystemExit(f"import failed ({child.returncode}):\n{stderr[-3000:]}")
    return elapsed, rss, cpu, (stdout.strip().splitlines() or [""])[-1]


def fresh_postgres(server: str, name: str) -> str:
    admin = create_engine(parse_database_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = parse_database_url(server).set(database=name).render_as_string(hide_password=False)
    init_database(url)  # the group roles too: the customer guard checks the importer's role
    return url


def fresh_sqlite(path: str) -> str:
    for suffix in ("", "-wal", "-shm"):
        Path(path + suffix).unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    init_database(url)
    return url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--contacts-per-company", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--dialect", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--csv", default="/tmp/bowebb-import-bench.csv")
    parser.add_argument("--sqlite-file", default="/tmp/bowebb-import-bench.sqlite3")
    parser.add_argument("--pg", default="postgresql://root@127.0.0.1:5432/test", help="server URL")
    parser.add_argument("--pg-database", default="bowebb_import_bench")
    parser.add_argument(
        "--no-reimport", action="store_true", help="skip the second import (the update path)"
    )
    args = parser.parse_args(argv)

    path = Path(args.csv)
    start = time.perf_counter()
    rows = write_csv(path, args.companies, args.companies * args.contacts_per_company, args.seed)
    gc.collect()  # the generated rows are gone before the children fork
    changed = path.with_name(path.stem + "-changed" + path.suffix)
    write_changed(path, changed)
    size = path.stat().st_size / 1024 / 1024
    print(f"wrote {rows} rows ({size:.1f} MB) in {time.perf_counter() - start:.1f} s")
    ok = True
    dialects = ("sqlite", "postgresql") if args.dialect == "both" else (args.dialect,)
    for dialect in dialects:
        url = (
            fresh_sqlite(args.sqlite_file)
            if dialect == "sqlite"
            else fresh_postgres(args.pg, args.pg_database)
        )
        runs = [
            ("dry run", True, path),
            ("import", False, path),
            ("re-import", False, path),
            ("changed", False, changed),
        ]
        for label, dry, source in runs[:2] if args.no_reimport else runs:
            seconds, rss, cpu, line = run_import(url, source, dry)
            rate = rows / seconds
            good = rate >= TARGET_ROWS_PER_S and rss <= TARGET_RSS_MB
            ok &= good
            print(
                f"{dialect:<11}{label:<10} {seconds:7.1f} s {rate:9.0f} rows/s "
                f"peak RSS {rss:6.0f} MB  client CPU {cpu:6.1f} s  {'PASS' if good else 'FAIL'}  "
                f"({line})  load {load_average()}",
                flush=True,
            )
        # The imports' recorded-change events must chain (issue 13): verify-log after them.
        seconds, code, verified = verify_log(url)
        ok &= code == 0
        print(f"{dialect:<11}verify-log {seconds:7.1f} s  exit {code}: {verified}", flush=True)
    return 0 if ok else 1


def load_average() -> str:
    path = Path("/proc/loadavg")
    return path.read_text().split(" ", 1)[0] if path.exists() else "?"


def verify_log(url: str) -> tuple[float, int, str]:
    start = time.perf_counter()
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from bowebb_console.cli import main; "
            f"sys.exit(main(['verify-log', '--db', {url!r}]))",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", ".")},
    )
    out = (child.stdout.strip() or child.stderr.strip()).splitlines() or [""]
    return time.perf_counter() - start, child.returncode, out[-1]


if __name__ == "__main__":
    sys.exit(main())
