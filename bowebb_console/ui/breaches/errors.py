"""What the Breaches screen says when something fails, by the error's code."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from bowebb_console.ui.kit.errors import error_text

TEXTS: dict[str, str] = {
    "breaches.refused": QT_TRANSLATE_NOOP(
        "Errors",
        "Refused: team leads and admins record breaches; only admins close them or change a "
        "closed one.",
    ),
    "breaches.stale_edit": QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else changed this breach since you opened it. Your input is kept: close, "
        "reload and apply it again.",
    ),
    "breaches.required": QT_TRANSLATE_NOOP("Errors", "This field is required."),
    "breaches.too_long": QT_TRANSLATE_NOOP("Errors", "Too long (at most %(limit)s characters)."),
    "breaches.future": QT_TRANSLATE_NOOP("Errors", "The discovery time is in the future."),
    "breaches.bad_decision": QT_TRANSLATE_NOOP("Errors", "Choose a decision on notifying IMY."),
    "breaches.negative": QT_TRANSLATE_NOOP("Errors", "Give a number of 0 or more."),
    "breaches.imy_incomplete": QT_TRANSLATE_NOOP(
        "Errors", "Notifying IMY needs IMY's reference and the date it was notified."
    ),
    "breaches.imy_no_reason": QT_TRANSLATE_NOOP("Errors", "Say why IMY is not notified."),
    "breaches.before_discovery": QT_TRANSLATE_NOOP(
        "Errors", "The date is before the breach was discovered."
    ),
    "breaches.notified_incomplete": QT_TRANSLATE_NOOP(
        "Errors", "A notification of customers needs who, when and how many."
    ),
    "breaches.bad_date": QT_TRANSLATE_NOOP("Errors", "Write the date as YYYY-MM-DD."),
    "breaches.bad_time": QT_TRANSLATE_NOOP("Errors", "Write the time as YYYY-MM-DD HH:MM."),
    "breaches.bad_number": QT_TRANSLATE_NOOP("Errors", "Write a whole number."),
    "breaches.no_customers": QT_TRANSLATE_NOOP("Errors", "Pick the affected customers first."),
}


def shown(exc: BaseException) -> str:
    """The translated sentence for a failure on this screen."""
    return error_text(exc, TEXTS)
