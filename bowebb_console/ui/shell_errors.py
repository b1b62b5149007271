"""Texts for the failures start-up, sign-in and the idle lock show, by code (``connect.*``),
and for a database URL the settings refuse (``url.*``).

The kind of a ConnectError says what the person can do; ``connect.other`` and
``connect.bad_url`` add the server's or the URL check's own line (``%(detail)s``), which the
kind alone cannot say; a refused URL's reason is translated by its ``url.*`` code.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bowebb_console.domain.errors import ShownError
from bowebb_console.ui.kit.errors import CONTEXT, error_text, fill

TEXTS: dict[str, str] = {
    "connect.bad_url": QT_TRANSLATE_NOOP(
        "Errors",
        "The database URL is not valid. Correct it under Settings (an empty URL means the "
        "embedded database).\n%(detail)s",
    ),
    "connect.unreachable": QT_TRANSLATE_NOOP(
        "Errors",
        "The database server does not answer. Check your network or VPN connection, then try "
        "again.",
    ),
    "connect.auth_failed": QT_TRANSLATE_NOOP(
        "Errors", "The user name or password is wrong. Check them and try again."
    ),
    "connect.login_disabled": QT_TRANSLATE_NOOP(
        "Errors", "This login is disabled. Ask an administrator to enable it."
    ),
    "connect.no_role": QT_TRANSLATE_NOOP(
        "Errors",
        "This login has no BoWebb role (agent, team lead or admin). Ask an administrator.",
    ),
    "connect.schema_older": QT_TRANSLATE_NOOP(
        "Errors",
        "The database is older than this version of the console. Ask an administrator to run "
        "“bowebb-console db upgrade”.",
    ),
    "connect.schema_newer": QT_TRANSLATE_NOOP(
        "Errors",
        "The database is newer than this version of the console. Install the latest version "
        "of BoWebb Console.",
    ),
    "connect.schema_missing": QT_TRANSLATE_NOOP(
        "Errors",
        "This database is not set up for BoWebb Console. Ask an administrator to run "
        "“bowebb-console db init”.",
    ),
    "connect.database_missing": QT_TRANSLATE_NOOP(
        "Errors",
        "The database named in the URL does not exist on the server. Check the URL under Settings.",
    ),
    "connect.other": QT_TRANSLATE_NOOP("Errors", "The database could not be opened.\n%(detail)s"),
    "url.empty": QT_TRANSLATE_NOOP("Errors", "The database URL is empty."),
    "url.malformed": QT_TRANSLATE_NOOP(
        "Errors",
        "The database URL is malformed; expected e.g. postgresql://user@host/bowebb or "
        "sqlite:///path/to/file.sqlite3.",
    ),
    "url.unsupported": QT_TRANSLATE_NOOP(
        "Errors",
        "Unsupported database “%(backend)s”: use PostgreSQL (shared) or SQLite (embedded).",
    ),
    "url.no_database": QT_TRANSLATE_NOOP(
        "Errors", "The PostgreSQL URL names no database (…/bowebb)."
    ),
    "url.no_file": QT_TRANSLATE_NOOP(
        "Errors", "The SQLite URL names no file (sqlite:///path/to/file.sqlite3)."
    ),
    "url.bad_port": QT_TRANSLATE_NOOP("Errors", "The port in the database URL is out of range."),
}


def connect_error_text(exc: BaseException) -> str:
    """The translated sentence for a failure to open or unlock the database."""
    reason = exc.params.get("reason", "") if isinstance(exc, ShownError) else ""
    if isinstance(exc, ShownError) and reason in TEXTS:
        # A refused URL says why (url.*) in the reader's language, not the parser's English.
        why = fill(QCoreApplication.translate(CONTEXT, TEXTS[reason]), exc.params)
        exc = ShownError(exc.code, exc.message, {**exc.params, "detail": why})
    return error_text(exc, TEXTS).strip()
