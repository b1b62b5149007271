"""Words for the record of processing: the lifecycle settings by name, with the values the
database holds now (never a copy in the record's own text)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from bowebb_console.services.processing import ProcessingRow, Record, lifecycle_days

CTX = "ProcessingTexts"
LIFECYCLE_WORDS = {
    "grace_period_days": QT_TRANSLATE_NOOP(
        "ProcessingTexts", "Grace period after the relationship ends"
    ),
    "trial_period_days": QT_TRANSLATE_NOOP("ProcessingTexts", "Trial period"),
    "log_retention_days": QT_TRANSLATE_NOOP("ProcessingTexts", "Session-log retention"),
}
# The text fields of a processing, in the order the editor and the PDF show them.
TEXT_FIELDS = (
    "purpose",
    "legal_basis",
    "data_subjects",
    "data_categories",
    "recipients",
    "transfers",
    "retention",
    "security",
)
FIELDS = {
    "name": QT_TRANSLATE_NOOP("ProcessingTexts", "Processing"),
    "purpose": QT_TRANSLATE_NOOP("ProcessingTexts", "Purpose"),
    "legal_basis": QT_TRANSLATE_NOOP("ProcessingTexts", "Legal basis"),
    "data_subjects": QT_TRANSLATE_NOOP("ProcessingTexts", "Categories of people"),
    "data_categories": QT_TRANSLATE_NOOP("ProcessingTexts", "Categories of personal data"),
    "recipients": QT_TRANSLATE_NOOP("ProcessingTexts", "Recipients"),
    "transfers": QT_TRANSLATE_NOOP("ProcessingTexts", "Transfers outside the EU"),
    "retention": QT_TRANSLATE_NOOP("ProcessingTexts", "Retention"),
    "lifecycle": QT_TRANSLATE_NOOP("ProcessingTexts", "Lifecycle settings that apply"),
    "security": QT_TRANSLATE_NOOP("ProcessingTexts", "Security measures"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def field_name(key: str) -> str:
    return tr(FIELDS[key])


def lifecycle_word(key: str) -> str:
    return tr(LIFECYCLE_WORDS[key])


class ProcessingWords(QObject):
    """Plural forms need ``self.tr`` with a count (what lupdate reads as numerus)."""

    def days(self, n: int) -> str:
        return self.tr("%Ln day(s)", "", n)


def days(n: int) -> str:
    return ProcessingWords().days(n)


def lifecycle_lines(p: ProcessingRow, record: Record) -> list[str]:
    """ "Grace period after the relationship ends: 90 days", one per setting that applies,
    with the value the database holds."""
    return [
        f"{lifecycle_word(k)}: {days(lifecycle_days(record.lifecycle, k))}" for k in p.lifecycle
    ]


def retention_text(p: ProcessingRow, record: Record) -> str:
    return "\n".join(line for line in [p.retention, *lifecycle_lines(p, record)] if line)
