"""``import FILE``: companies and contacts from a CSV file, all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bowebb_console.cli.common import EXIT_OK, CliError, current_db, db_option


def add_parsers(sub: Any) -> None:
    imp = sub.add_parser(
        "import",
        help="import companies and contacts from a CSV file (all or nothing)",
        description="Columns: org_number, company_name, status, contact_name, email, phone, "
        "title (one row per contact). UTF-8 with or without BOM; ',' or ';'.",
    )
    imp.add_argument("file", metavar="FILE")
    db_option(imp)
    imp.add_argument(
        "--dry-run", action="store_true", help="check every row and report; change nothing"
    )
    imp.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from bowebb_console.services import customers

    with current_db(args) as db:
        report = customers.import_file(db, Path(args.file), dry_run=args.dry_run)
    for error in report.errors:
        print(error, file=sys.stderr)
    if report.errors:
        raise CliError(f"{len(report.errors)} problem(s) in {args.file}: nothing was imported")
    print(report.summary())
    return EXIT_OK
