"""What a user reads when something fails: translated by the error's code, never by its text.

Services raise :class:`~bowebb_console.domain.errors.ShownError` (a code and its values).
Each feature keeps its own texts in ``ui/<feature>/errors.py`` as a ``TEXTS`` dict of
``code -> QT_TRANSLATE_NOOP("Errors", "... %(name)s ...")`` and passes it to
:func:`error_text`; the ``db.*``, ``log.*`` and ``save.*`` codes are known everywhere. A
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
        source = (texts or {}).get(exc.code) or COMMON.get(exc.code)
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
