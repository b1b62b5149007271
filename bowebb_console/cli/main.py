"""The ``bowebb-console`` parser and its sub-commands (the GUI starts from ``cli/__init__``).

Every command exits 0 on success and 1 with a one-line reason on stderr on failure (the
message of the ShownError that stopped it). Passwords are prompted or read from standard
input (``--password-stdin``), never arguments.
"""

from __future__ import annotations

import argparse
import sys

from bowebb_console import __version__
from bowebb_console.cli import customers, db, demo, erasure, lifecycle, log, privacy, users
from bowebb_console.cli.common import EXIT_FAIL, db_option
from bowebb_console.domain.errors import ShownError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bowebb-console",
        description="BoWebb Console. Without a command: start the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    db_option(parser, required=False)
    parser.add_argument(
        "--demo", action="store_true", help="fill an empty embedded database with demo data"
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start offscreen, open the database, show the main window, exit 0 (or 1 with why)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    db.add_parsers(sub)
    users.add_parsers(sub)
    log.add_parsers(sub)
    demo.add_parsers(sub)
    erasure.add_parsers(sub, db_option)
    customers.add_parsers(sub)
    lifecycle.add_parsers(sub)
    privacy.add_parsers(sub)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run the parsed sub-command: its exit code, or 1 with the one-line reason on stderr."""
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("bowebb-console: interrupted", file=sys.stderr)
        return EXIT_FAIL
    except ShownError as exc:
        print(f"bowebb-console: {exc.message}", file=sys.stderr)
        return EXIT_FAIL
