"""What the record-of-processing dialog says when something fails, by the error's code."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from bowebb_console.ui.kit.errors import error_text

TEXTS: dict[str, str] = {
    "processing.admin_only": QT_TRANSLATE_NOOP(
        "Errors", "Only an admin may change the record of processing."
    ),
    "processing.stale_edit": QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else changed this processing since you opened it. Your input is kept: "
        "reload and apply it again.",
    ),
    "processing.required": QT_TRANSLATE_NOOP("Errors", "This field is required."),
    "processing.too_long": QT_TRANSLATE_NOOP("Errors", "Too long (at most %(limit)s characters)."),
    "processing.name_exists": QT_TRANSLATE_NOOP("Errors", "A processing with this name exists."),
    "processing.bad_lifecycle": QT_TRANSLATE_NOOP("Errors", "Not a lifecycle setting."),
}


def shown(exc: BaseException) -> str:
    return error_text(exc, TEXTS)
