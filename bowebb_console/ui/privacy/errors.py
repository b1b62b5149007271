"""What the Privacy screen and the contacts' privacy dialogs say when something fails, by the
error's code (``privacy.*`` from services.privacy, ``erasure.*`` for the shared request
rules, and the customers' field codes for a rectified contact)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from bowebb_console.domain.errors import ShownError
from bowebb_console.ui.erasure.errors import TEXTS as ERASURE_TEXTS
from bowebb_console.ui.kit.errors import error_text

TEXTS: dict[str, str] = {
    **ERASURE_TEXTS,
    "db.permission": QT_TRANSLATE_NOOP(
        "Errors", "The database refused: your role may not do this (the privacy desk is admins')."
    ),
    "privacy.admin_only": QT_TRANSLATE_NOOP("Errors", "Only an admin may do this."),
    "privacy.out_unwritable": QT_TRANSLATE_NOOP(
        "Errors", "The folder %(path)s cannot be written (%(reason)s); nothing was exported."
    ),
    "privacy.request_closed": QT_TRANSLATE_NOOP(
        "Errors", "The access request is no longer open; press Refresh."
    ),
    "privacy.reason_missing": QT_TRANSLATE_NOOP(
        "Errors", "Say why (the person's request, its reference)."
    ),
    "privacy.reason_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The reason is too long (at most %(max)s characters)."
    ),
    "privacy.contact_missing": QT_TRANSLATE_NOOP(
        "Errors", "The contact does not exist (any more)."
    ),
    "privacy.not_rectifiable": QT_TRANSLATE_NOOP("Errors", "This field cannot be corrected here."),
    "privacy.nothing_changed": QT_TRANSLATE_NOOP(
        "Errors", "Nothing was changed: correct at least one field."
    ),
    "privacy.stale": QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else changed this contact meanwhile, so nothing was saved. Your input is "
        "kept: close, reopen the contact and apply it again.",
    ),
}


def shown(exc: BaseException) -> str:
    """The translated sentence for a failure on the privacy screens (never a class name)."""
    from bowebb_console.services.customers import InputErrors
    from bowebb_console.ui.customers.errors import shown_text

    if isinstance(exc, InputErrors):
        return " ".join(shown_text(e) for e in exc.errors)
    if isinstance(exc, ShownError) and exc.code in TEXTS:
        return error_text(exc, TEXTS)
    return shown_text(exc)
