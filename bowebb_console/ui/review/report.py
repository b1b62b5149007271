"""What the review exports say, in the reader's language: the filter and the period in
words, local times with the zone named, numbers by the locale, and the CSV's columns.

Both the PDF (ui/review/pdf.py) and the CSV use these, so they say the same. Runs on the
export's worker thread (``QCoreApplication.translate`` and ``QLocale`` are thread-safe).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTimeZone

from bowebb_console.services.review import CsvFormat
from bowebb_console.ui.kit.events import (
    CHANNELS,
    CONSENT_OUTCOMES,
    END_OUTCOMES,
    SESSION_KINDS,
    STATES,
    local_time,
    word,
)
from bowebb_console.ui.kit.export import csv_delimiter
from bowebb_console.ui.review import texts

if TYPE_CHECKING:
    from bowebb_console.services.review import ReviewFilter, ReviewRow

C = "ReviewReport"

CSV_COLUMNS = (
    QT_TRANSLATE_NOOP("ReviewReport", "Log entry"),
    QT_TRANSLATE_NOOP("ReviewReport", "Start (%1)"),
    QT_TRANSLATE_NOOP("ReviewReport", "End (%1)"),
    QT_TRANSLATE_NOOP("ReviewReport", "Customer"),
    QT_TRANSLATE_NOOP("ReviewReport", "Org. number"),
    QT_TRANSLATE_NOOP("ReviewReport", "Agent"),
    QT_TRANSLATE_NOOP("ReviewReport", "Agreement recorded by"),
    QT_TRANSLATE_NOOP("ReviewReport", "Kind"),
    QT_TRANSLATE_NOOP("ReviewReport", "Channel"),
    QT_TRANSLATE_NOOP("ReviewReport", "Agreement"),
    QT_TRANSLATE_NOOP("ReviewReport", "Outcome"),
    QT_TRANSLATE_NOOP("ReviewReport", "Duration (min)"),
    QT_TRANSLATE_NOOP("ReviewReport", "Files"),
    QT_TRANSLATE_NOOP("ReviewReport", "Data (MB)"),
    QT_TRANSLATE_NOOP("ReviewReport", "Notes"),
    QT_TRANSLATE_NOOP("ReviewReport", "Reviewed"),
    QT_TRANSLATE_NOOP("ReviewReport", "Follow-up"),
    QT_TRANSLATE_NOOP("ReviewReport", "Flags"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(C, text)


def zone() -> str:
    """The local time zone's name (``Europe/Stockholm``), else its abbreviation."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode(errors="replace")
    if "/" in name:
        return name
    return dt.datetime.now().astimezone().tzname() or "UTC"


def number(value: int) -> str:
    """``2 331`` in Swedish, ``2,331`` in English."""
    return QLocale().toString(int(value))


def decimal(value: float, places: int = 1) -> str:
    """A decimal number with the locale's mark and no grouping (spreadsheets read it)."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(float(value), "f", places)


def org_number(digits: str | None) -> str:
    return f"{digits[:6]}-{digits[6:]}" if digits and len(digits) == 10 else (digits or "")


def outcome(row: ReviewRow) -> str:
    """How it ended in words; a session that never ran says why (its state)."""
    if row.outcome:
        return word(END_OUTCOMES, row.outcome)
    return word(STATES, row.state)


def kind(row: ReviewRow) -> str:
    return word(SESSION_KINDS, row.session_kind) if row.session_kind else ""


def _date(day: dt.date | None, fallback: str) -> str:
    return day.isoformat() if day else fallback


def period_words(flt: ReviewFilter, summary: Summary | None = None) -> str:
    """The period asked for; an open end is the sessions' own first or last day (local)."""
    seen = summary is not None and summary.sessions > 0
    first = local_time(summary.first)[:10] if seen and summary else ""
    last = local_time(summary.last)[:10] if seen and summary else ""
    start = _date(
        flt.date_from,
        first or QCoreApplication.translate("ReviewReport", "the first session"),
    )
    end = _date(flt.date_to, last or QCoreApplication.translate("ReviewReport", "today"))
    return f"{start} – {end}"


def filter_words(flt: ReviewFilter) -> str:
    """The filter as a lead would say it; "All sessions" when nothing narrows it."""
    yes_no = {
        True: QCoreApplication.translate("ReviewReport", "yes"),
        False: QCoreApplication.translate("ReviewReport", "no"),
    }
    parts = [
        (QCoreApplication.translate("ReviewReport", "Agent"), flt.agent),
        (QCoreApplication.translate("ReviewReport", "Customer"), flt.customer),
        (
            QCoreApplication.translate("ReviewReport", "Kind"),
            word(SESSION_KINDS, flt.kind) if flt.kind else "",
        ),
        (
            QCoreApplication.translate("ReviewReport", "Reviewed"),
            yes_no[flt.reviewed] if flt.reviewed is not None else "",
        ),
        (
            QCoreApplication.translate("ReviewReport", "Flagged"),
            yes_no[flt.flagged] if flt.flagged is not None else "",
        ),
        (QCoreApplication.translate("ReviewReport", "Text"), f"“{flt.text}”" if flt.text else ""),
    ]
    said = "; ".join(f"{k}: {v}" for k, v in parts if v)
    return said or QCoreApplication.translate("ReviewReport", "All sessions")


@dataclass
class Summary:
    """Counts over every exported session (the PDF's first table)."""

    sessions: int = 0
    seconds: int = 0
    agents: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    flagged: int = 0
    reviewed: int = 0
    first: str = ""  # the earliest and latest start (UTC, ISO)
    last: str = ""

    def add(self, row: ReviewRow) -> None:
        self.sessions += 1
        self.first = min(self.first or row.opened_at, row.opened_at)
        self.last = max(self.last, row.opened_at)
        self.seconds += row.duration_s or 0
        self.agents[row.agent] += 1
        self.kinds[
            kind(row) or QCoreApplication.translate("ReviewReport", "No session (agreement only)")
        ] += 1
        self.outcomes[outcome(row)] += 1
        self.flags.update(texts.flag_text(f) for f in row.flags)
        self.flagged += bool(row.flags)
        self.reviewed += row.reviewed

    @classmethod
    def of(cls, rows: Iterable[ReviewRow]) -> Summary:
        s = cls()
        for row in rows:
            s.add(row)
        return s


def csv_format() -> CsvFormat:
    """The review CSV in the reader's language: ';' and a decimal comma where the locale's
    decimal mark is a comma (Swedish Excel), ',' otherwise; words, local times, no ids but
    the log entry's number."""
    here = zone()
    columns = [_tr(c).replace("%1", here) for c in CSV_COLUMNS]
    return CsvFormat(columns=columns, cells=csv_cells, delimiter=csv_delimiter())


def csv_cells(row: ReviewRow) -> Sequence[object]:
    yes = texts.yes_no(True)
    channel = word(CHANNELS, row.channel) if row.channel else ""
    agreement = word(CONSENT_OUTCOMES, row.consent_outcome) if row.consent_outcome else ""
    minutes = "" if row.duration_s is None else decimal(row.duration_s / 60)
    return (
        row.first_seq,
        local_time(row.opened_at),
        local_time(row.ended_at),
        row.customer_name or "",
        org_number(row.org_number),
        row.agent,
        row.consent_actor,
        kind(row),
        channel,
        agreement,
        outcome(row),
        minutes,
        row.files,
        decimal(row.bytes / 1_000_000, 2) if row.bytes else "",
        row.notes,
        yes if row.reviewed else "",
        yes if row.followup else "",
        ", ".join(texts.flag_text(f) for f in row.flags),
    )
