"""What the Sub-processors screen says when something fails, by the error's code."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from bowebb_console.ui.kit.errors import error_text

TEXTS: dict[str, str] = {
    "subprocessors.refused": QT_TRANSLATE_NOOP(
        "Errors", "The database refused the change: only admins keep the sub-processor register."
    ),
    "subprocessors.stale_edit": QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else changed this sub-processor since you opened it. Your input is kept: "
        "close, reload and apply it again.",
    ),
    "subprocessors.required": QT_TRANSLATE_NOOP("Errors", "This field is required."),
    "subprocessors.too_long": QT_TRANSLATE_NOOP(
        "Errors", "Too long (at most %(limit)s characters)."
    ),
    "subprocessors.bad_status": QT_TRANSLATE_NOOP("Errors", "The status must be active or ended."),
    "subprocessors.no_location": QT_TRANSLATE_NOOP(
        "Errors", "Give at least one processing location (e.g. SE)."
    ),
    "countries.unknown": QT_TRANSLATE_NOOP(
        "Errors", "'%(code)s' is not a country code (ISO 3166, e.g. SE, DE, IE)."
    ),
    "subprocessors.active_ended_on": QT_TRANSLATE_NOOP(
        "Errors", "An active sub-processor has no end date."
    ),
    "subprocessors.no_ended_on": QT_TRANSLATE_NOOP(
        "Errors", "Give the date the sub-processor ended."
    ),
    "subprocessors.dpa_in_future": QT_TRANSLATE_NOOP(
        "Errors", "The DPA signing date is in the future."
    ),
    "subprocessors.name_exists": QT_TRANSLATE_NOOP(
        "Errors", "A sub-processor with this name exists."
    ),
    "subprocessors.tool_taken": QT_TRANSLATE_NOOP(
        "Errors", "Another sub-processor already covers this remote tool."
    ),
    "subprocessors.bad_date": QT_TRANSLATE_NOOP("Errors", "Write the date as YYYY-MM-DD."),
    "subprocessors.not_an_item": QT_TRANSLATE_NOOP(
        "Errors", "'%(item)s' is not an item of the checklist."
    ),
    "subprocessors.bad_item_status": QT_TRANSLATE_NOOP(
        "Errors", "The status must be yes, no, partly or not assessed."
    ),
    "subprocessors.note_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The evidence note is too long (at most %(limit)s)."
    ),
    "subprocessors.no_file": QT_TRANSLATE_NOOP("Errors", "Choose a file to attach."),
    "subprocessors.evidence_too_large": QT_TRANSLATE_NOOP(
        "Errors",
        "The file is %(size_mb)s MB; at most %(max_mb)s MB can be attached. Attach a smaller "
        "copy or record a document reference instead.",
    ),
    "subprocessors.evidence_gone": QT_TRANSLATE_NOOP(
        "Errors", "This evidence file no longer exists."
    ),
    "subprocessors.evidence_altered": QT_TRANSLATE_NOOP(
        "Errors", "The stored file no longer matches the SHA-256 recorded when it was added."
    ),
    "subprocessors.copy_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The copy does not match the stored SHA-256."
    ),
    "subprocessors.file_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The file could not be read: %(reason)s"
    ),
    "subprocessors.file_unwritable": QT_TRANSLATE_NOOP(
        "Errors", "The file could not be written: %(reason)s"
    ),
    "subprocessors.bad_change_kind": QT_TRANSLATE_NOOP(
        "Errors", "The change is an addition or a replacement."
    ),
    "subprocessors.no_description": QT_TRANSLATE_NOOP(
        "Errors", "Describe the change (which sub-processor, why)."
    ),
    "subprocessors.no_planned_on": QT_TRANSLATE_NOOP(
        "Errors", "Give the date the change takes effect."
    ),
    "subprocessors.window_without_notice": QT_TRANSLATE_NOOP(
        "Errors", "An objection window starts when customers are notified."
    ),
    "subprocessors.window_before_notice": QT_TRANSLATE_NOOP(
        "Errors", "The objection window cannot end before customers are told."
    ),
    "subprocessors.window_after_change": QT_TRANSLATE_NOOP(
        "Errors", "The objection window must end before the change takes effect."
    ),
    "subprocessors.no_received_on": QT_TRANSLATE_NOOP(
        "Errors", "Give the date the objection was received."
    ),
    "subprocessors.change_gone": QT_TRANSLATE_NOOP(
        "Errors", "This planned change no longer exists."
    ),
    "subprocessors.customer_gone": QT_TRANSLATE_NOOP("Errors", "This customer no longer exists."),
    "subprocessors.bad_org_number": QT_TRANSLATE_NOOP(
        "Errors", "This is not a valid organisation number (NNNNNN-NNNN)."
    ),
    "subprocessors.unknown_customer": QT_TRANSLATE_NOOP(
        "Errors", "No customer has this organisation number."
    ),
}


def shown(exc: BaseException) -> str:
    """The translated sentence for a failure on this screen."""
    return error_text(exc, TEXTS)
