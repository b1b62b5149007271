"""What every sub-command module shares: exit codes, the one-line error, the --db option."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from bowebb_console.domain.errors import ShownError

if TYPE_CHECKING:
    from bowebb_console.services.database import Database

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


@contextmanager
def current_db(args: argparse.Namespace) -> Iterator[Database]:
    """The database ``--db`` names, refused unless at this app's schema; closed at the end."""
    from bowebb_console.services.database import open_current  # only commands that need it

    db = open_current(args.db)
    try:
        yield db
    finally:
        db.dispose()
