"""Driver errors become ShownErrors here, and only here.

PostgreSQL (psycopg) and SQLite report the same situations in different words; the rest of
the code raises and catches :class:`ShownError` with one of these codes:

- ``db.unreachable``: no connection, or it dropped (network, server restart, terminated);
- ``db.permission``: the login's role may not do this (GRANTs, row-level security, a trigger
  that refuses by role);
- ``db.locked``: a lock wait gave up (PostgreSQL's ``lock_timeout``, or ``statement_timeout``
  while waiting on a lock; SQLite's "database is locked" after its busy timeout). Params
  ``login``, ``pid``, ``application``, ``since`` (HH:MM, local) and ``logins`` name the
  session(s) holding the lock when they are known (see store.db.blockers); ``variant`` is
  ``named``, ``unnamed`` (PostgreSQL, holder not found) or ``file`` (SQLite: another program);
- ``db.timeout``: a statement timeout that was no lock wait;
- ``db.conflict``: a unique key or a concurrent write got there first;
- ``db.refused``: a rule of the database (check, foreign key, guard trigger) refused it;
- ``db.client``: the driver refused the request before the server saw it (a limit of the
  client library, e.g. "number of parameters must be between 0 and 65535"): no server
  refusal, and never worded as one;
- ``db.failed``: anything else.

``params["detail"]`` keeps the server's first line for the CLI and for support, never shown
as the main text of a dialog. A connection that cannot be opened at all is a
:class:`ConnectError` (``connect.<kind>``: wrong password, disabled login, no such database, ...).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Protocol

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


@contextmanager
def raw_cursor_errors(statement: str) -> Iterator[None]:
    """Errors of a raw DB-API cursor (COPY, executemany, named cursors) wrapped as SQLAlchemy
    wraps its own, so callers' ``except DBAPIError`` and the mapping below see them too: a
    guard trigger refusing a COPY row is then ``db.permission``, never a traceback."""
    try:
        yield
    except sqlite3.Error as exc:
        raise DBAPIError.instance(statement, None, exc, sqlite3.Error) from exc
    except Exception as exc:
        import psycopg  # here, not at start-up: an embedded (SQLite) console never loads it

        if isinstance(exc, psycopg.Error):
            raise DBAPIError.instance(statement, None, exc, psycopg.Error) from exc
        raise


LOCK_NOT_AVAILABLE = "55P03"  # lock_timeout (or NOWAIT)
QUERY_CANCELED = "57014"  # statement_timeout (or a cancel request)


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a PostgreSQL driver error (None for SQLite and the like)."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None)
    return state if isinstance(state, str) else None


def is_lock_wait(exc: BaseException) -> bool:
    """Whether ``exc`` says a wait for another session's lock gave up: PostgreSQL's lock
    timeout, its statement timeout (the caller checks whether it was waiting on a lock), or
    SQLite's "database is locked"/"busy" after the busy timeout."""
    state = sqlstate(exc)
    if state is not None:
        return state in (LOCK_NOT_AVAILABLE, QUERY_CANCELED)
    low = str(getattr(exc, "orig", None) or exc).lower()
    return "database is locked" in low or "database is busy" in low


class Holder(Protocol):
    """A session holding a lock (store.db.blockers.Blocker)."""

    @property
    def pid(self) -> int: ...
    @property
    def login(self) -> str: ...
    @property
    def application(self) -> str: ...
    def since_text(self) -> str: ...


def locked_error(exc: BaseException, holders: Sequence[Holder] = ()) -> ShownError:
    """``db.locked`` for a lock wait that gave up, naming ``holders`` (first one first)."""
    detail = first_line(exc)
    if sqlstate(exc) is None:
        message = (
            "The database file is locked by another program (another console, a backup or "
            "a sync tool); nothing was saved. Try again when it is done."
        )
        return ShownError("db.locked", message, {"detail": detail, "variant": "file"})
    if not holders:
        if sqlstate(exc) == QUERY_CANCELED:
            return driver_error(exc)  # a slow statement, no lock wait
        message = (
            "The database is locked by another session; nothing was saved. Try again, or "
            "ask a team lead to end that session (`bowebb-console db blockers`)."
        )
        return ShownError("db.locked", message, {"detail": detail, "variant": "unnamed"})
    first = holders[0]
    logins = ", ".join(dict.fromkeys(h.login for h in holders))
    message = (
        f"The database is locked by the login {first.login} (session {first.pid}, since "
        f"{first.since_text()}); nothing was saved. Try again, or ask a team lead to end that "
        "session."
    )
    params = {
        "detail": detail,
        "variant": "named",
        "login": first.login,
        "pid": first.pid,
        "application": first.application,
        "since": first.since_text(),
        "logins": logins,
    }
    return ShownError("db.locked", message, params)


def first_line(exc: BaseException) -> str:
    """The server's (or driver's) first line of ``exc``, at most 300 characters."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0][:300] if text else "unknown error"


# PostgreSQL's SQLSTATE says it in one word whatever the message (the database's own rules
# raise with these codes, e.g. migration 0009's "only team leads and admins ...").
_SQLSTATES = {
    "42501": "db.permission",  # insufficient_privilege
    "55P03": "db.timeout",  # lock_not_available
    "57014": "db.timeout",  # query_canceled (statement_timeout)
    "25P03": "db.timeout",  # idle_in_transaction_session_timeout
    "23505": "db.conflict",  # unique_violation
    "40001": "db.conflict",  # serialization_failure
    "40P01": "db.conflict",  # deadlock_detected
}


def driver_code(exc: BaseException) -> str:
    """The ``db.*`` code for a driver error (see the module docstring)."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return "db.unreachable"
    state = sqlstate(exc)
    if state in _SQLSTATES:
        return _SQLSTATES[state]
    orig = getattr(exc, "orig", None) or exc
    low = str(orig).lower()
    if _client_side(orig, low):
        return "db.client"
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


def _client_side(orig: BaseException, low: str) -> bool:
    """True for a psycopg error raised in the client: it carries no SQLSTATE (every error
    the server sends does) and is not a lost connection."""
    if getattr(orig, "sqlstate", "") is not None or not type(orig).__module__.startswith("psycopg"):
        return False
    return not any(n in low for n in _UNREACHABLE) and "connection" not in low.split(":")[0]


_MESSAGES = {
    "db.unreachable": "The database cannot be reached; check the network or VPN.",
    "db.permission": "The database refused: your role may not do this.",
    "db.timeout": "The database is busy (a lock or time limit was reached); try again.",
    "db.conflict": "Someone else saved the same thing first; reload and try again.",
    "db.refused": "The database refused the change.",
    "db.failed": "The database reported an error.",
    "db.client": "The request could not be sent to the database (a limit of the client).",
}


# Migration 0010's blocker functions refuse with SQLSTATEs of their own.
BLOCKER_STATES = {
    "BWE01": ("blockers.not_allowed", "Only team leads and admins may list or end sessions."),
    "BWE02": ("blockers.no_session", "There is no such session in this database (any more)."),
    "BWE03": ("blockers.own_session", "That session is your own login's; it is not ended."),
    "BWE04": (
        "blockers.not_bowebb",
        "That session is not a BoWebb login's (a superuser or another program); not ended.",
    ),
    "BWE05": (
        "blockers.cannot_signal",
        "This database cannot end sessions yet: a superuser grants pg_signal_backend to the "
        "session guard role (see the README).",
    ),
    "BWE06": ("blockers.still_running", "The session did not end within 5 seconds; try again."),
}


def driver_error(exc: BaseException) -> ShownError:
    """A :class:`ShownError` for a driver error; raise it ``from exc``. A lock wait that gave
    up is ``db.locked`` (without names: :func:`locked_error` with the holders has them)."""
    state = sqlstate(exc)
    if state in BLOCKER_STATES:
        code, message = BLOCKER_STATES[state]
        return ShownError(code, message, {"detail": first_line(exc)})
    if is_lock_wait(exc) and sqlstate(exc) != QUERY_CANCELED:
        return locked_error(exc)
    code = driver_code(exc)
    detail = first_line(exc)
    return ShownError(code, f"{_MESSAGES[code]} ({detail})", {"detail": detail})


# --- opening a connection -----------------------------------------------------------------

KINDS = (
    "bad_url",
    "unreachable",
    "auth_failed",
    "login_disabled",
    "no_role",
    "schema_older",
    "schema_newer",
    "schema_missing",
    "database_missing",
    "other",
)


class ConnectError(ShownError):
    """Why the database could not be opened: ``code`` is ``connect.<kind>``; ``message`` is
    safe to show (no password); ``params["detail"]`` holds the server's or the file's reason
    where the kind alone does not say it (``other``, ``bad_url``)."""

    def __init__(
        self, kind: str, message: str, detail: str = "", params: Mapping[str, object] | None = None
    ) -> None:
        assert kind in KINDS, kind
        values = {**(params or {}), **({"detail": detail} if detail else {})}
        super().__init__(f"connect.{kind}", message, values)
        self.kind = kind


def connect_error(exc: BaseException) -> ConnectError:
    """Why a connection could not be opened, as a ConnectError a person can act on."""
    low = str(getattr(exc, "orig", None) or exc).lower()
    detail = first_line(exc)
    if (
        "password authentication failed" in low
        or "no password supplied" in low
        or ("role" in low and "does not exist" in low)
    ):
        # A missing login and a wrong password look the same on purpose.
        return ConnectError("auth_failed", "The user name or password is wrong.")
    if "not permitted to log in" in low:
        return ConnectError("login_disabled", "This login is disabled; ask an admin.")
    if "database" in low and "does not exist" in low:
        return ConnectError("database_missing", "The database named in the URL does not exist.")
    if "permission denied for database" in low:
        return ConnectError("no_role", "This login has no access to the BoWebb database.")
    unreachable = (
        "connection refused",
        "could not translate host name",
        "timeout expired",
        "could not connect",
        "no route to host",
        "network is unreachable",
        "name or service not known",
        "server closed the connection",
        "connection timed out",
    )
    if any(s in low for s in unreachable):
        return ConnectError(
            "unreachable", "The database server does not answer; check the network or VPN."
        )
    if "ssl" in low or "certificate" in low:
        return ConnectError("other", f"A TLS problem stopped the connection: {detail}", detail)
    return ConnectError("other", f"The database refused the connection: {detail}", detail)
