"""What every sub-command module shares: exit codes, the one-line error, the --db option."""

from __future__ import annotations

import argparse

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A failure with a one-line reason for the admin."""


def db_option(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        required=required,
        help="database URL, e.g. postgresql://admin@host/bowebb or sqlite:///file.sqlite3 "
        "(the password comes from PGPASSWORD or ~/.pgpass, never the command line)",
    )
