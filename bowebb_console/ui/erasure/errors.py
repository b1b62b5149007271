"""What the erasure screens say when something fails: texts by the error's code
(services.erasure raises them; see store/erasure/purge.py and journal.py for the codes)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from bowebb_console.ui.kit.errors import error_text

TEXTS: dict[str, str] = {
    # Erasing and purging are an admin's; the database refuses the others.
    "db.permission": QT_TRANSLATE_NOOP(
        "Errors", "The database refused: your role may not do this (erasure is for admins)."
    ),
    "erasure.four_eyes": QT_TRANSLATE_NOOP(
        "Errors", "A second person, not the one who requested the purge, must approve it."
    ),
    "erasure.not_approved": QT_TRANSLATE_NOOP(
        "Errors", "This purge has not been approved by a second person."
    ),
    "erasure.name_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The typed company name does not match: nothing was deleted."
    ),
    "erasure.not_due": QT_TRANSLATE_NOOP(
        "Errors", "This customer is not due for deletion yet: it is due on %(due)s."
    ),
    "erasure.not_terminated": QT_TRANSLATE_NOOP(
        "Errors",
        "This customer is not due for deletion yet: it is due only after a termination date "
        "is set.",
    ),
    "erasure.customer_missing": QT_TRANSLATE_NOOP(
        "Errors", "The customer does not exist (any more)."
    ),
    "erasure.purge_waiting": QT_TRANSLATE_NOOP(
        "Errors", "A purge of this customer is already waiting for approval or run."
    ),
    "erasure.no_purge_request": QT_TRANSLATE_NOOP("Errors", "There is no purge request %(id)s."),
    "erasure.not_waiting": QT_TRANSLATE_NOOP(
        "Errors", "This purge request is no longer waiting for approval (%(status)s)."
    ),
    "erasure.journal_unwritable": QT_TRANSLATE_NOOP(
        "Errors",
        "The erasure journal %(path)s cannot be written (%(reason)s); nothing was erased.",
    ),
    "erasure.journal_unset": QT_TRANSLATE_NOOP(
        "Errors",
        "No place for the erasure journal is set for this database. An admin sets a shared "
        "folder first (bowebb-console journal set FOLDER). Nothing was erased.",
    ),
    "erasure.journal_not_absolute": QT_TRANSLATE_NOOP(
        "Errors", "The erasure journal's folder must be a full path: %(path)s"
    ),
    "erasure.journal_beside_database": QT_TRANSLATE_NOOP(
        "Errors",
        "The erasure journal must not be kept in the database file's folder %(path)s: "
        "restoring that folder from a backup would bring the journal back to the same point.",
    ),
    "erasure.journal_admin_only": QT_TRANSLATE_NOOP(
        "Errors", "Only an admin may set the erasure journal's place."
    ),
    "erasure.journal_key_missing": QT_TRANSLATE_NOOP(
        "Errors", "The erasure journal's key %(path)s is missing."
    ),
    "erasure.journal_missing": QT_TRANSLATE_NOOP("Errors", "No erasure journal at %(path)s."),
    "erasure.journal_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "Line %(line)s of the erasure journal %(path)s is damaged."
    ),
    "erasure.extension_reason": QT_TRANSLATE_NOOP(
        "Errors", "An extension needs a recorded reason."
    ),
    "erasure.extension_too_late": QT_TRANSLATE_NOOP(
        "Errors",
        "The one-month deadline has passed: an extension had to be decided and told to the "
        "person before it.",
    ),
    "erasure.received_in_future": QT_TRANSLATE_NOOP(
        "Errors", "The date of receipt cannot be in the future."
    ),
    "erasure.unknown_channel": QT_TRANSLATE_NOOP("Errors", "Choose how the request arrived."),
    "erasure.request_closed": QT_TRANSLATE_NOOP("Errors", "The request is no longer open."),
    "erasure.request_missing": QT_TRANSLATE_NOOP("Errors", "The request does not exist."),
    "erasure.identity_unchecked": QT_TRANSLATE_NOOP(
        "Errors", "Record how the person's identity was checked."
    ),
    "erasure.unknown_action": QT_TRANSLATE_NOOP(
        "Errors", "Choose to erase or to anonymise each contact."
    ),
    "erasure.query_empty": QT_TRANSLATE_NOOP(
        "Errors", "Give at least the e-mail address, phone or name."
    ),
    "erasure.certificate_missing": QT_TRANSLATE_NOOP(
        "Errors", "The certificate is no longer there; press Refresh."
    ),
    "erasure.file_unwritable": QT_TRANSLATE_NOOP(
        "Errors", "%(path)s cannot be written (%(reason)s)."
    ),
    "invalid.grace_period_days": QT_TRANSLATE_NOOP(
        "Errors", "The grace period in the settings must be a whole number of days (0-3650)."
    ),
}


def erasure_error(exc: BaseException) -> str:
    """The translated sentence for a failure on the erasure screens."""
    return error_text(exc, TEXTS)
