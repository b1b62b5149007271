"""Driver errors become ShownErrors here, and only here.

PostgreSQL (psycopg) and SQLite report the same situations in different words; the rest of
the code raises and catches :class:`ShownError` with one of these codes:

- ``db.unreachable``: no connection, or it dropped (network, server restart, terminated);
- ``db.permission``: the login's role may not do this (GRANTs, row-level security, a trigger
  that refuses by role);
- ``db.timeout``: a lock or statement timeout, or SQLite's "database is locked";
- ``db.conflict``: a unique key or a concurrent write got there first;
- ``db.refused``: a rule of the database (check, foreign key, guard trigger) refused it;
- ``db.failed``: anything else.

``params["detail"]`` keeps the server's first line for the CLI and for support, never shown
as the main text of a dialog.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from bowebb_console.domain.errors import ShownError

_UNREACHABLE = (
    "connection refused",
    "could not connect",
    "could not translate host name",
    "server closed the connection",
    "terminating connection",
    "connection timed out",
    "no route to host",
    "network is unreachable",
    "name or service not known",
    "the connection is closed",
    "connection is lost",
    "consuming input failed",
    "ssl syscall error",
    "unable to open database file",
)
_PERMISSION = ("permission denied", "row-level security", "must be owner", "only an admin")
_TIMEOUT = (
    "lock timeout",
    "statement timeout",
    "canceling statement due to",
    "database is locked",
    "idle-in-transaction timeout",
)
_CONFLICT = ("unique constraint", "duplicate key", "could not serialize")


def first_line(exc: BaseException) -> str:
    """The server's (or driver's) first line of ``exc``, at most 300 characters."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0][:300] if text else "unknown error"


def driver_code(exc: BaseException) -> str:
    """The ``db.*`` code for a driver error (see the module docstring)."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return "db.unreachable"
    low = str(getattr(exc, "orig", None) or exc).lower()
    for code, needles in (
        ("db.unreachable", _UNREACHABLE),
        ("db.permission", _PERMISSION),
        ("db.timeout", _TIMEOUT),
        ("db.conflict", _CONFLICT),
    ):
        if any(n in low for n in needles):
            return code
    if isinstance(exc, IntegrityError):
        return "db.refused"
    if isinstance(exc, OperationalError):
        return "db.unreachable" if "connection" in low else "db.failed"
    if isinstance(exc, DBAPIError) and ("raise" in low or "refused" in low or "not allowed" in low):
        return "db.refused"
    return "db.failed"


_MESSAGES = {
    "db.unreachable": "The database cannot be reached; check the network or VPN.",
    "db.permission": "The database refused: your role may not do this.",
    "db.timeout": "The database is busy (a lock or time limit was reached); try again.",
    "db.conflict": "Someone else saved the same thing first; reload and try again.",
    "db.refused": "The database refused the change.",
    "db.failed": "The database reported an error.",
}


def driver_error(exc: BaseException) -> ShownError:
    """A :class:`ShownError` for a driver error; raise it ``from exc``."""
    code = driver_code(exc)
    detail = first_line(exc)
    return ShownError(code, f"{_MESSAGES[code]} ({detail})", {"detail": detail})
