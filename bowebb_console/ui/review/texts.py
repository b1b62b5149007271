"""What the review screen shows for codes stored in the log: columns, kinds, flags, events,
and verification results in plain words. Marked with QT_TRANSLATE_NOOP, translated on use."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bowebb_console.domain.hashchain import VerifyResult
from bowebb_console.store.log.chain import EventRow
from bowebb_console.store.review.queries import ReviewRow

COLUMNS = (
    QT_TRANSLATE_NOOP("ReviewColumns", "Start (UTC)"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Agent"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Customer"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Kind"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Duration"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Files"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Consent"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Reviewed"),
    QT_TRANSLATE_NOOP("ReviewColumns", "Flags"),
)

WORDS = {
    "remote_control": QT_TRANSLATE_NOOP("ReviewWords", "Remote control"),
    "file_transfer": QT_TRANSLATE_NOOP("ReviewWords", "File transfer"),
    "phone": QT_TRANSLATE_NOOP("ReviewWords", "phone"),
    "email": QT_TRANSLATE_NOOP("ReviewWords", "e-mail"),
    "chat": QT_TRANSLATE_NOOP("ReviewWords", "chat"),
    "ticket": QT_TRANSLATE_NOOP("ReviewWords", "ticket"),
    "in_person": QT_TRANSLATE_NOOP("ReviewWords", "in person"),
    "agreed": QT_TRANSLATE_NOOP("ReviewWords", "agreed"),
    "refused": QT_TRANSLATE_NOOP("ReviewWords", "refused"),
    "no_answer": QT_TRANSLATE_NOOP("ReviewWords", "no answer"),
    "yes": QT_TRANSLATE_NOOP("ReviewWords", "yes"),
    "no": QT_TRANSLATE_NOOP("ReviewWords", "no"),
    "follow_up": QT_TRANSLATE_NOOP("ReviewWords", "follow up"),
    "resolved": QT_TRANSLATE_NOOP("ReviewWords", "resolved"),
    "partly_resolved": QT_TRANSLATE_NOOP("ReviewWords", "partly resolved"),
    "not_resolved": QT_TRANSLATE_NOOP("ReviewWords", "not resolved"),
    "escalated": QT_TRANSLATE_NOOP("ReviewWords", "escalated"),
    "aborted": QT_TRANSLATE_NOOP("ReviewWords", "aborted"),
    "view_only": QT_TRANSLATE_NOOP("ReviewWords", "view only"),
    "control": QT_TRANSLATE_NOOP("ReviewWords", "control"),
    "upload": QT_TRANSLATE_NOOP("ReviewWords", "upload"),
    "download": QT_TRANSLATE_NOOP("ReviewWords", "download"),
    "reviewed": QT_TRANSLATE_NOOP("ReviewWords", "reviewed"),
    "flagged": QT_TRANSLATE_NOOP("ReviewWords", "flagged for follow-up"),
}

FLAG_TEXTS = {
    "no_dpa": QT_TRANSLATE_NOOP("ReviewFlags", "No signed DPA"),
    "too_long": QT_TRANSLATE_NOOP("ReviewFlags", "Longer than the limit"),
    "many_files": QT_TRANSLATE_NOOP("ReviewFlags", "Many files or much data"),
    "ended_late": QT_TRANSLATE_NOOP("ReviewFlags", "Ended late (recovered)"),
    "consent_other_agent": QT_TRANSLATE_NOOP("ReviewFlags", "Consent by another agent"),
    "follow_up": QT_TRANSLATE_NOOP("ReviewFlags", "Flagged for follow-up"),
}

EVENT_TEXTS = {
    "consent_recorded": QT_TRANSLATE_NOOP("ReviewEvents", "Consent recorded"),
    "session_started": QT_TRANSLATE_NOOP("ReviewEvents", "Session started"),
    "note_added": QT_TRANSLATE_NOOP("ReviewEvents", "Note"),
    "tool_recorded": QT_TRANSLATE_NOOP("ReviewEvents", "Tool recorded"),
    "file_transferred": QT_TRANSLATE_NOOP("ReviewEvents", "File transferred"),
    "session_ended": QT_TRANSLATE_NOOP("ReviewEvents", "Session ended"),
    "session_ended_late": QT_TRANSLATE_NOOP("ReviewEvents", "Session ended late (recovered)"),
    "review_added": QT_TRANSLATE_NOOP("ReviewEvents", "Review"),
}

# Payload fields shown in the timeline, in this order.
FIELDS = {
    "outcome": QT_TRANSLATE_NOOP("ReviewFields", "Outcome"),
    "channel": QT_TRANSLATE_NOOP("ReviewFields", "Channel"),
    "agreed_at": QT_TRANSLATE_NOOP("ReviewFields", "Agreed at"),
    "contact_id": QT_TRANSLATE_NOOP("ReviewFields", "Contact id"),
    "reference": QT_TRANSLATE_NOOP("ReviewFields", "Reference"),
    "scope": QT_TRANSLATE_NOOP("ReviewFields", "Scope"),
    "purpose": QT_TRANSLATE_NOOP("ReviewFields", "Purpose"),
    "tool": QT_TRANSLATE_NOOP("ReviewFields", "Tool"),
    "tool_session_id": QT_TRANSLATE_NOOP("ReviewFields", "Tool session"),
    "dpa_missing_reason": QT_TRANSLATE_NOOP("ReviewFields", "No DPA, reason"),
    "note": QT_TRANSLATE_NOOP("ReviewFields", "Note"),
    "direction": QT_TRANSLATE_NOOP("ReviewFields", "Direction"),
    "name": QT_TRANSLATE_NOOP("ReviewFields", "File"),
    "size": QT_TRANSLATE_NOOP("ReviewFields", "Size (bytes)"),
    "sha256": QT_TRANSLATE_NOOP("ReviewFields", "SHA-256"),
    "status": QT_TRANSLATE_NOOP("ReviewFields", "Status"),
    "reason": QT_TRANSLATE_NOOP("ReviewFields", "Reason"),
    "summary": QT_TRANSLATE_NOOP("ReviewFields", "Summary"),
    "action": QT_TRANSLATE_NOOP("ReviewFields", "Action"),
    "comment": QT_TRANSLATE_NOOP("ReviewFields", "Comment"),
}

PROBLEMS = {
    "changed": QT_TRANSLATE_NOOP("ReviewVerify", "an event was changed after it was written"),
    "missing": QT_TRANSLATE_NOOP("ReviewVerify", "events are missing (deleted)"),
    "duplicate": QT_TRANSLATE_NOOP("ReviewVerify", "an event appears twice or out of order"),
    "inserted": QT_TRANSLATE_NOOP("ReviewVerify", "an event was inserted afterwards"),
    "reordered": QT_TRANSLATE_NOOP("ReviewVerify", "two events swapped places"),
    "broken_link": QT_TRANSLATE_NOOP("ReviewVerify", "the chain of events is broken"),
    "payload": QT_TRANSLATE_NOOP("ReviewVerify", "an event's details were changed"),
    "anchor": QT_TRANSLATE_NOOP("ReviewVerify", "the newest events were removed"),
}


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def word(code: str | None) -> str:
    if code is None:
        return ""
    return _t("ReviewWords", WORDS[code]) if code in WORDS else code


def flag_text(flag: str) -> str:
    return _t("ReviewFlags", FLAG_TEXTS.get(flag, flag))


def duration(seconds: int | None) -> str:
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def when(at: str | None) -> str:
    return "" if not at else at[:16].replace("T", " ")


def cell(row: ReviewRow, column: int) -> str:
    if column == 0:
        return when(row.opened_at)
    if column == 1:
        return row.agent
    if column == 2:
        return row.customer_name or ""
    if column == 3:
        return word(row.session_kind)
    if column == 4:
        return duration(row.duration_s)
    if column == 5:
        return str(row.files) if row.files else ""
    if column == 6:  # the channel; the outcome only when the customer did not agree
        if row.consent_outcome == "agreed":
            return word(row.channel)
        return f"{word(row.channel)} ({word(row.consent_outcome)})"
    if column == 7:
        return word("yes") if row.reviewed else ""
    return ", ".join(flag_text(f) for f in row.flags)


def _value(key: str, value: Any) -> str:
    if key in ("channel", "outcome", "action", "scope", "direction") and isinstance(value, str):
        return word(value)
    return "" if value is None else str(value)


def event_lines(event: EventRow) -> list[tuple[str, str]]:
    """(field, value) pairs of an event's payload, in a fixed order."""
    if event.payload is None:
        return [
            (
                QCoreApplication.translate("ReviewFields", "Details"),
                QCoreApplication.translate("ReviewFields", "erased"),
            )
        ]
    return [
        (_t("ReviewFields", label), _value(key, event.payload[key]))
        for key, label in FIELDS.items()
        if key in event.payload and event.payload[key] not in ("", None)
    ]


def event_title(event: EventRow) -> str:
    return _t("ReviewEvents", EVENT_TEXTS.get(event.kind, event.kind))


def timeline_html(row: ReviewRow | None, events: list[EventRow]) -> str:
    """The whole session, event by event; every value escaped."""
    esc = html.escape
    parts = []
    if row is not None:
        label = QCoreApplication.translate("ReviewFlags", "Flags:")
        flags = ", ".join(flag_text(f) for f in row.flags) or QCoreApplication.translate(
            "ReviewFlags", "none"
        )
        parts.append(
            f"<h3>{esc(row.customer_name or '')} · {esc(word(row.session_kind))}</h3>"
            f"<p>{esc(label)} {esc(flags)}</p>"
        )
    for e in events:
        lines = "".join(
            f"<tr><td><i>{esc(k)}</i></td><td>{esc(v)}</td></tr>" for k, v in event_lines(e)
        )
        parts.append(
            f"<p><b>{esc(when(e.at))} · {esc(event_title(e))}</b> · {esc(e.actor)} "
            f"<small>#{e.seq}</small></p><table cellspacing='2'>{lines}</table>"
        )
    return "".join(parts)


def verify_words(result: VerifyResult) -> str:
    if result.cancelled:
        text = QCoreApplication.translate(
            "ReviewVerify", "Verification was cancelled after %1 events: no conclusion."
        )
        return text.replace("%1", f"{result.events:,}")
    if result.problem is None:
        text = QCoreApplication.translate(
            "ReviewVerify",
            "The session log is intact: all %1 events were checked and none was changed, "
            "removed or inserted.",
        )
        return text.replace("%1", f"{result.events:,}")
    what = _t("ReviewVerify", PROBLEMS.get(result.problem.kind, PROBLEMS["broken_link"]))
    text = QCoreApplication.translate(
        "ReviewVerify",
        "The session log is NOT intact: at event %1, %2. Events from there on cannot be "
        "trusted; tell the privacy officer.",
    )
    return text.replace("%1", str(result.problem.seq)).replace("%2", what)
