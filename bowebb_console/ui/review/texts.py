"""What the review screen shows of a session row: columns, automatic flags, durations.
Marked with QT_TRANSLATE_NOOP, translated on use; the words for the log's codes come from
ui/kit/events.py, events and verification results from ui/kit/timeline.py and verify.py."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bowebb_console.ui.kit.events import CHANNELS, CONSENT_OUTCOMES, SESSION_KINDS, word
from bowebb_console.ui.kit.formats import local_time

if TYPE_CHECKING:
    from bowebb_console.services.review import ReviewRow

COLUMNS = (
    QT_TRANSLATE_NOOP("ReviewColumns", "Start"),  # local time, as everywhere on screen
    QT_TRANSLATE_NOOP("ReviewColumns", "Agent"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Customer"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Kind"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Duration"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Files"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Consent"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Reviewed"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Flags"),
)

YES_NO = {
    True: QT_TRANSLATE_NOOP("ReviewWords", "yes"),
    False: QT_TRANSLATE_NOOP("ReviewWords", "no"),
}

FLAG_TEXTS = {
    "no_dpa": QT_TRANSLATE_NOOP("ReviewFlags", "No signed DPA"),
    "tool_flagged": QT_TRANSLATE_NOOP("ReviewFlags", "Remote tool flagged in the register"),
    "too_long": QT_TRANSLATE_NOOP("ReviewFlags", "Longer than the limit"),
    "many_files": QT_TRANSLATE_NOOP("ReviewFlags", "Many files or much data"),
    "ended_late": QT_TRANSLATE_NOOP("ReviewFlags", "Ended late (recovered)"),
    "consent_other_agent": QT_TRANSLATE_NOOP("ReviewFlags", "Consent by another agent"),
    "follow_up": QT_TRANSLATE_NOOP("ReviewFlags", "Flagged for follow-up"),
}


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def yes_no(value: bool) -> str:
    return _t("ReviewWords", YES_NO[bool(value)])


def flag_text(flag: str) -> str:
    return _t("ReviewFlags", FLAG_TEXTS.get(flag, flag))


def duration(seconds: int | None) -> str:
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def when(at: str | None) -> str:
    """A start in local time, to the minute (the log keeps UTC)."""
    return local_time(at)


def when_utc(at: str | None) -> str:
    """A start in UTC, to the minute, for exports that say their zone ("Start (UTC)")."""
    return "" if not at else at[:16].replace("T", " ")


def cell(row: ReviewRow, column: int) -> str:
    if column == 0:
        return when(row.opened_at)
    if column == 1:
        return row.agent
    if column == 2:
        return row.customer_name or ""
    if column == 3:
        return word(SESSION_KINDS, row.session_kind)
    if column == 4:
        return duration(row.duration_s)
    if column == 5:
        return str(row.files) if row.files else ""
    if column == 6:  # the channel; the outcome only when the customer did not agree
        channel = word(CHANNELS, row.channel)
        if row.consent_outcome == "agreed":
            return channel
        return f"{channel} ({word(CONSENT_OUTCOMES, row.consent_outcome)})"
    if column == 7:
        return yes_no(True) if row.reviewed else ""
    return ", ".join(flag_text(f) for f in row.flags)


def heading_html(row: ReviewRow) -> str:
    """The detail's (and the PDF section's) heading: customer, kind and flags; escaped."""
    esc = html.escape
    label = QCoreApplication.translate("ReviewFlags", "Flags:")
    flags = ", ".join(flag_text(f) for f in row.flags) or QCoreApplication.translate(
        "ReviewFlags", "none"
    )
    kind = word(SESSION_KINDS, row.session_kind)
    return f"<h3>{esc(row.customer_name or '')} · {esc(kind)}</h3><p>{esc(label)} {esc(flags)}</p>"
