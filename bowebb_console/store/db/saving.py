"""Saving when the connection may drop: a COMMIT that errors has an unknown outcome.

The server may have committed before the connection died. So the caller says how to
recognise its own write (``confirm``), and after a lost connection we re-read on a fresh
connection before telling the user "saved" or "not saved" — never a guess.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, OperationalError

from bowebb_console.domain.errors import ShownError
from bowebb_console.store.db.connect import Database


class SaveOutcome(enum.Enum):
    SAVED = "saved"
    NOT_SAVED = "not_saved"


class SaveUnknown(ShownError):
    """The connection dropped and the database could not be asked what happened."""

    def __init__(self) -> None:
        super().__init__(
            "save.unknown",
            "The connection to the database was lost and it is not known whether the change "
            "was saved; it is still on screen — try again when the database answers.",
        )


def save_and_confirm(
    db: Database, write: Callable[[Connection], None], confirm: Callable[[Connection], bool]
) -> SaveOutcome:
    """``write`` in one transaction (IMMEDIATE on SQLite); if the connection is lost on the
    way, ``confirm`` on a fresh connection says whether the write is in the database."""
    try:
        with db.transaction() as conn:
            write(conn)
        return SaveOutcome.SAVED
    except DBAPIError as exc:
        # OperationalError covers a lost connection on every driver (not all of them mark
        # it as a disconnect); constraint violations and the like are the caller's to show.
        if not (exc.connection_invalidated or isinstance(exc, OperationalError)):
            raise
    try:
        with db.transaction(write=False) as conn:
            return SaveOutcome.SAVED if confirm(conn) else SaveOutcome.NOT_SAVED
    except DBAPIError:
        raise SaveUnknown() from None
