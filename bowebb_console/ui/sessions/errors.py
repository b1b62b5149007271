"""What the Sessions screens say when a step fails, by the error's code (see ui/kit/errors.py).

``sessions.*`` codes come from the rules of a session; ``log.*`` (the session log's writer:
nothing was logged, or it is not known whether it was) and ``db.*`` are known everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from bowebb_console.domain.errors import ShownError
from bowebb_console.ui.kit.errors import error_text

UNKNOWN_OUTCOME = "log.unknown_outcome"

TEXTS: dict[str, str] = {
    "sessions.customer_gone": QT_TRANSLATE_NOOP(
        "Errors", "The customer does not exist (any more)."
    ),
    "sessions.contact_elsewhere": QT_TRANSLATE_NOOP(
        "Errors", "That contact does not belong to this customer."
    ),
    "sessions.contact_restricted": QT_TRANSLATE_NOOP(
        "Errors",
        "This contact's data is restricted: an admin must lift the restriction before a "
        "session is recorded with them.",
    ),
    "sessions.choose_contact": QT_TRANSLATE_NOOP(
        "Errors", "Choose the contact who answered, or name a new caller."
    ),
    "sessions.no_time_zone": QT_TRANSLATE_NOOP(
        "Errors", "The time of the agreement needs a time zone."
    ),
    "sessions.invalid_choice": QT_TRANSLATE_NOOP(
        "Errors", "A choice in the form is not allowed (%(field)s: %(value)s)."
    ),
    "sessions.need_reference": QT_TRANSLATE_NOOP(
        "Errors", "A reference (ticket number or message id) is required."
    ),
    "sessions.need_scope": QT_TRANSLATE_NOOP("Errors", "The scope is required."),
    "sessions.need_purpose": QT_TRANSLATE_NOOP("Errors", "The purpose is required."),
    "sessions.need_order_reference": QT_TRANSLATE_NOOP(
        "Errors", "The order reference is required."
    ),
    "sessions.need_ticket_reference": QT_TRANSLATE_NOOP(
        "Errors", "The ticket reference is required."
    ),
    "sessions.need_caller_name": QT_TRANSLATE_NOOP("Errors", "The caller's name is required."),
    "sessions.need_caller_email": QT_TRANSLATE_NOOP("Errors", "The caller's e-mail is required."),
    "sessions.need_note": QT_TRANSLATE_NOOP("Errors", "The note is required."),
    "sessions.need_summary": QT_TRANSLATE_NOOP("Errors", "The summary is required."),
    "sessions.need_dpa_reason": QT_TRANSLATE_NOOP(
        "Errors", "This customer has no signed DPA: type the reason for starting anyway."
    ),
    "sessions.need_tool_reason": QT_TRANSLATE_NOOP(
        "Errors",
        "The remote tool's entry in the sub-processor register is flagged: type the reason "
        "for using it anyway.",
    ),
    "sessions.no_consent": QT_TRANSLATE_NOOP(
        "Errors", "Record the customer's agreement before starting."
    ),
    "sessions.refused_consent": QT_TRANSLATE_NOOP(
        "Errors", "The customer did not agree: the session cannot start."
    ),
    "sessions.already_started": QT_TRANSLATE_NOOP("Errors", "This session has already started."),
    "sessions.not_started": QT_TRANSLATE_NOOP("Errors", "This session has not started."),
    "sessions.already_ended": QT_TRANSLATE_NOOP("Errors", "This session has already ended."),
    "sessions.not_allowed": QT_TRANSLATE_NOOP("Errors", "The session's rules do not allow this."),
}


def session_error(exc: BaseException) -> str:
    """The translated sentence for a failure of a Sessions screen."""
    return error_text(exc, TEXTS)


def is_rule(exc: BaseException) -> bool:
    """A rule of the session refused the step (shown as it is, without a "not logged")."""
    return isinstance(exc, ShownError) and exc.code.startswith("sessions.")


def is_unknown(exc: BaseException) -> bool:
    """It is not known whether the event was logged: retry with the same UUID."""
    return isinstance(exc, ShownError) and exc.code == UNKNOWN_OUTCOME
