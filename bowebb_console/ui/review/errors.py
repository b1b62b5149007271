"""What the Review screen says when a review step fails, by the error's code (services.review
raises them); ``db.*`` codes are known everywhere (ui/kit/errors.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS: dict[str, str] = {
    "review.not_lead": QT_TRANSLATE_NOOP(
        "Errors", "Only a team lead or an admin may review sessions."
    ),
    "review.bad_action": QT_TRANSLATE_NOOP("Errors", "That is not a review action."),
    "review.comment_needed": QT_TRANSLATE_NOOP(
        "Errors", "Say what needs following up: a comment is required."
    ),
    "review.no_session": QT_TRANSLATE_NOOP("Errors", "That session is not in the log."),
    "review.write_failed": QT_TRANSLATE_NOOP(
        "Errors", "The file %(path)s could not be written (%(detail)s)."
    ),
}
