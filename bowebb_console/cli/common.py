"""What every sub-command module shares: exit codes, the one-line error, the --db option."""

from __future__ import annotations

import argparse

from bowebb_console.domain.errors import ShownError

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class CliError(ShownError):
    """A failure of the command line itself (a missing or wrong argument): one line."""

    def __init__(self, message: str) -> None:
        super().__init__("cli.failed", message)


def db_option(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        required=required,
        help="database URL, e.g. postgresql://admin@host/bowebb or sqlite:///file.sqlite3 "
        "(the password comes from PGPASSWORD or ~/.pgpass, never the command line)",
    )
