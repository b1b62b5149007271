"""Small shared pieces: the UI language, dates typed as text, flag and status labels."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from bowebb_console.domain.countries import country_name
from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.subprocessor_flags import COUNTRY_FLAGS, Flag, FlagKind

CTX = "SubProcessorTexts"

STATUS_TEXTS = {
    "yes": QT_TRANSLATE_NOOP("SubProcessorTexts", "yes"),
    "no": QT_TRANSLATE_NOOP("SubProcessorTexts", "no"),
    "partly": QT_TRANSLATE_NOOP("SubProcessorTexts", "partly"),
    "not_assessed": QT_TRANSLATE_NOOP("SubProcessorTexts", "not assessed"),
}

FLAG_TEXTS = {
    FlagKind.OUTSIDE_EU_EEA: QT_TRANSLATE_NOOP(
        "SubProcessorTexts", "Outside the EU/EEA, a breach of the policy: %1"
    ),
    FlagKind.EEA_NOT_EU: QT_TRANSLATE_NOOP(
        "SubProcessorTexts", "Outside the EU; GDPR applies (EEA) but the policy says EU: %1"
    ),
    FlagKind.ENDED_RECEIVING: QT_TRANSLATE_NOOP(
        "SubProcessorTexts", "Ended but still marked as receiving data"
    ),
    FlagKind.NO_DPA: QT_TRANSLATE_NOOP("SubProcessorTexts", "No signed DPA"),
    FlagKind.CHECKLIST_GAP: QT_TRANSLATE_NOOP("SubProcessorTexts", "Checklist: %1 item(s) not yes"),
    FlagKind.REVIEW_OVERDUE: QT_TRANSLATE_NOOP("SubProcessorTexts", "Review overdue %1"),
}

CHANGE_KINDS = {
    "addition": QT_TRANSLATE_NOOP("SubProcessorTexts", "addition"),
    "replacement": QT_TRANSLATE_NOOP("SubProcessorTexts", "replacement"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def language() -> str:
    return "sv" if QLocale().language() == QLocale.Language.Swedish else "en"


def status_text(status: str) -> str:
    return tr(STATUS_TEXTS.get(status, status))


def change_kind_text(kind: str) -> str:
    return tr(CHANGE_KINDS.get(kind, kind))


def flag_label(flag: Flag) -> str:
    template = tr(FLAG_TEXTS[flag.kind])
    if flag.kind in COUNTRY_FLAGS:
        lang = language()
        arg = ", ".join(f"{country_name(c, lang)} ({c})" for c in flag.details)
    elif flag.kind is FlagKind.CHECKLIST_GAP:
        arg = str(len(flag.details))
    else:
        arg = " ".join(flag.details)
    return template.replace("%1", arg).strip()


def flags_summary(flags: tuple[Flag, ...]) -> str:
    return "; ".join(flag_label(f) for f in flags)


def parse_date(text: str, field: str) -> dt.date | None:
    """Empty → None; otherwise an ISO date (YYYY-MM-DD, the Swedish convention too)."""
    value = text.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            field, "Write the date as YYYY-MM-DD.", "subprocessors.bad_date"
        ) from None


def iso(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return value.isoformat()
