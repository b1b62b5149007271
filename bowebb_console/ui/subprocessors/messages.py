"""The store's validation messages (English, like every core message) in the UI's language.

Exact messages are looked up; the few with a value in them are matched by pattern and the
value carried over. A message not listed here is shown as the store wrote it."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CTX = "SubProcessorMessages"

_EXACT = (
    QT_TRANSLATE_NOOP("SubProcessorMessages", "This field is required."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "The status must be active or ended."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "Give at least one processing location (e.g. SE)."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "An active sub-processor has no end date."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "Give the date the sub-processor ended."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "The DPA signing date is in the future."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "A sub-processor with this name exists."),
    QT_TRANSLATE_NOOP(
        "SubProcessorMessages", "The status must be yes, no, partly or not assessed."
    ),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "The evidence note is too long (at most 2000)."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "Choose a file to attach."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "The change is an addition or a replacement."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "Describe the change (which sub-processor, why)."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "Give the date the change takes effect."),
    QT_TRANSLATE_NOOP(
        "SubProcessorMessages", "An objection window starts when customers are notified."
    ),
    QT_TRANSLATE_NOOP(
        "SubProcessorMessages", "The objection window cannot end before customers are told."
    ),
    QT_TRANSLATE_NOOP(
        "SubProcessorMessages", "The objection window must end before the change takes effect."
    ),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "Give the date the objection was received."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "This planned change no longer exists."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "This customer no longer exists."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "No customer has this organisation number."),
    QT_TRANSLATE_NOOP("SubProcessorMessages", "The copy does not match the stored SHA-256."),
)

_PATTERNS = (
    (
        re.compile(r"^'(.*)' is not a country code \(ISO 3166, e\.g\. SE, DE, IE\)\.$"),
        QT_TRANSLATE_NOOP(
            "SubProcessorMessages", "'%1' is not a country code (ISO 3166, e.g. SE, DE, IE)."
        ),
    ),
    (
        re.compile(r"^Too long \(at most (\d+) characters\)\.$"),
        QT_TRANSLATE_NOOP("SubProcessorMessages", "Too long (at most %1 characters)."),
    ),
    (
        re.compile(r"^The file is ([\d.]+) MB; at most (\d+) MB can be attached\..*$"),
        QT_TRANSLATE_NOOP(
            "SubProcessorMessages",
            "The file is %1 MB; at most %2 MB can be attached. Attach a smaller copy or "
            "record a document reference instead.",
        ),
    ),
)


def ui_message(message: str) -> str:
    if message in _EXACT:
        return QCoreApplication.translate(CTX, message)
    for pattern, template in _PATTERNS:
        match = pattern.match(message)
        if match:
            text = QCoreApplication.translate(CTX, template)
            for i, value in enumerate(match.groups(), 1):
                text = text.replace(f"%{i}", value)
            return text
    return message
