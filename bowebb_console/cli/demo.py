"""``demo``: fill an empty database with demo data (fictitious customers, sessions, ...)."""

from __future__ import annotations

import argparse
from typing import Any

from bowebb_console.cli.common import EXIT_OK, current_db, db_option


def add_parsers(sub: Any) -> None:
    demo = sub.add_parser("demo", help="fill an empty database with demo data")
    db_option(demo)
    demo.add_argument("--companies", type=int, default=2000)
    demo.add_argument("--contacts", type=int, default=6000)
    demo.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from bowebb_console.demo.fill import fill_database

    with current_db(args) as db:
        summary = fill_database(db, companies=args.companies, contacts=args.contacts)
    print(f"demo data: {summary}")
    return EXIT_OK
