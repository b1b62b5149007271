"""What a user reads when something fails: translated by the error's code, never by its text.

Services raise :class:`~bowebb_console.domain.errors.ShownError` (a code and its values).
Each feature keeps its own texts in ``ui/<feature>/errors.py`` as a ``TEXTS`` dict of
``code -> QT_TRANSLATE_NOOP("Errors", "... %(name)s ...")`` and passes it to
:func:`error_text`; the ``db.*``, ``log.*`` and ``save.*`` codes are known everywhere. A
code whose wording depends on what is known carries ``params["variant"]``; its text is then
looked up as ``code/variant`` first (``db.locked/file``). A
failure that is not a ShownError (a bug) gets a plain sentence: no exception class names, no
driver text.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bowebb_console.domain.errors import ShownError

CONTEXT = "Errors"

COMMON: dict[str, str] = {
    "db.unreachable": QT_TRANSLATE_NOOP(
        "Errors", "The database cannot be reached; check the network or VPN and try again."
    ),
    "db.permission": QT_TRANSLATE_NOOP(
        "Errors", "The database refused: your role may not do this."
    ),
    "db.timeout": QT_TRANSLATE_NOOP(
        "Errors", "The database is busy (a lock or time limit was reached); try again."
    ),
    "db.conflict": QT_TRANSLATE_NOOP(
        "Errors", "Someone else saved the same thing first; reload and try again."
    ),
    # A lock wait gave up (store.db.errors.locked_error); variants by params["variant"].
    "db.locked": QT_TRANSLATE_NOOP(
        "Errors",
        "The database is locked by the login %(login)s (session %(pid)s, since %(since)s); "
        "nothing was saved. Try again, or ask a team lead to end that session.",
    ),
    "db.locked/unnamed": QT_TRANSLATE_NOOP(
        "Errors",
        "The database is locked by another session; nothing was saved. Try again, or ask a "
        "team lead to end that session.",
    ),
    "db.locked/file": QT_TRANSLATE_NOOP(
        "Errors",
        "The database file is locked by another program (another console, a backup or a sync "
        "tool); nothing was saved. Try again when it is done.",
    ),
    "blockers.not_allowed": QT_TRANSLATE_NOOP(
        "Errors", "Only team leads and admins may list or end sessions."
    ),
    "blockers.no_session": QT_TRANSLATE_NOOP(
        "Errors", "That session is no longer there; it may have ended by itself."
    ),
    "blockers.own_session": QT_TRANSLATE_NOOP(
        "Errors", "That session is your own login's; it was not ended."
    ),
    "blockers.not_bowebb": QT_TRANSLATE_NOOP(
        "Errors",
        "That session is not a BoWebb login's (a superuser or another program); it was not "
        "ended. Ask the database's administrator.",
    ),
    "blockers.cannot_signal": QT_TRANSLATE_NOOP(
        "Errors",
        "This database cannot end sessions yet: its administrator has to grant it that right "
        "(see the README, db blockers).",
    ),
    "blockers.still_running": QT_TRANSLATE_NOOP(
        "Errors", "The session did not end within 5 seconds; try again."
    ),
    "blockers.sqlite": QT_TRANSLATE_NOOP(
        "Errors",
        "A database file on this computer has no sessions to end; the program holding it has "
        "to finish or be closed.",
    ),
    "db.refused": QT_TRANSLATE_NOOP("Errors", "The database refused this change."),
    "db.client": QT_TRANSLATE_NOOP(
        "Errors", "The request could not be sent to the database (a limit of the client)."
    ),
    "db.failed": QT_TRANSLATE_NOOP(
        "Errors", "The database reported an error; nothing was reported as saved that was not."
    ),
    # The session log's writer, shared by every feature that logs (fail closed).
    "log.unreachable": QT_TRANSLATE_NOOP(
        "Errors", "The database cannot be reached (%(detail)s); nothing was logged or started."
    ),
    "log.refused": QT_TRANSLATE_NOOP("Errors", "The event was refused: %(detail)s"),
    "log.not_logged": QT_TRANSLATE_NOOP(
        "Errors", "The event could not be logged (%(detail)s); nothing was started."
    ),
    "log.unknown_outcome": QT_TRANSLATE_NOOP(
        "Errors",
        "The database did not answer, and it is not known whether the event was logged; "
        "nothing was started. Try again when the database answers.",
    ),
    "save.unknown": QT_TRANSLATE_NOOP(
        "Errors",
        "The connection dropped while saving and it could not be checked whether the save "
        "went through. Reload to see what the database holds.",
    ),
}

UNEXPECTED = QT_TRANSLATE_NOOP(
    "Errors",
    "Something went wrong inside the console; nothing was reported as saved that was not. "
    "If it happens again, send the log file to the console's maintainers.",
)


def error_text(exc: BaseException, texts: Mapping[str, str] | None = None) -> str:
    """The translated sentence for ``exc``: by its code, with its values filled in."""
    if isinstance(exc, ShownError):
        source = None
        variant = exc.params.get("variant")
        if variant:  # a code whose wording depends on what is known, e.g. db.locked/file
            key = f"{exc.code}/{variant}"
            source = (texts or {}).get(key) or COMMON.get(key)
        source = source or (texts or {}).get(exc.code) or COMMON.get(exc.code)
        if source is None and "." in exc.code:
            # An unknown code of a known family still says which kind of failure it was.
            source = COMMON.get(exc.code.split(".")[0] + ".failed")
        if source is not None:
            return fill(QCoreApplication.translate(CONTEXT, source), exc.params)
    return QCoreApplication.translate(CONTEXT, UNEXPECTED)


def fill(text: str, params: Mapping[str, str]) -> str:
    """``%(name)s`` placeholders filled from ``params``; a missing value leaves it blank."""
    try:
        return text % _Blank(params)
    except (TypeError, ValueError):
        return text


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""
