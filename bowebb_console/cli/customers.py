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

    # On a terminal, how far it is (a large file takes a minute or more); never in a pipe
    # or a log, where only the result lines belong.
    progress = _Progress("checking" if args.dry_run else "importing") if _on_terminal() else None
    try:
        with current_db(args) as db:
            report = customers.import_file(
                db, Path(args.file), dry_run=args.dry_run, progress=progress
            )
    finally:
        if progress is not None:
            progress.end()
    for error in report.errors:
        print(error, file=sys.stderr)
    if report.errors:
        raise CliError(f"{len(report.errors)} problem(s) in {args.file}: nothing was imported")
    print(report.summary())
    return EXIT_OK


def _on_terminal() -> bool:
    return bool(getattr(sys.stderr, "isatty", lambda: False)())


class _Progress:
    """``importing… 42%`` on one line of stderr, rewritten as the import goes."""

    def __init__(self, verb: str) -> None:
        self.verb = verb
        self.shown = -1

    def __call__(self, done: int) -> None:
        from bowebb_console.services.customers import IMPORT_PROGRESS_TOTAL

        percent = done * 100 // IMPORT_PROGRESS_TOTAL
        if percent != self.shown:
            self.shown = percent
            print(f"\r{self.verb}… {percent}%", end="", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.shown >= 0:
            print(file=sys.stderr, flush=True)
