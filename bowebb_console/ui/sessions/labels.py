"""Words for the session log's codes (kinds, channels, scopes, outcomes, events), the
session list model, and who the acting agent is.

The store speaks in codes (``remote_control``, ``no_answer``); the user reads these words.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bowebb_console.ui.models.rows import Column, RowTableModel

if TYPE_CHECKING:
    from bowebb_console.store.session_desk import SessionListRow
    from bowebb_console.ui.context import AppContext

C = "SessionWords"

SESSION_KINDS = {
    "remote_control": QT_TRANSLATE_NOOP(C, "Remote control"),
    "file_transfer": QT_TRANSLATE_NOOP(C, "File transfer"),
}
CHANNELS = {
    "phone": QT_TRANSLATE_NOOP(C, "Phone"),
    "email": QT_TRANSLATE_NOOP(C, "E-mail"),
    "chat": QT_TRANSLATE_NOOP(C, "Chat"),
    "ticket": QT_TRANSLATE_NOOP(C, "Ticket"),
    "in_person": QT_TRANSLATE_NOOP(C, "In person"),
}
SCOPES = {
    "view_only": QT_TRANSLATE_NOOP(C, "View only"),
    "control": QT_TRANSLATE_NOOP(C, "Control"),
    "file_transfer": QT_TRANSLATE_NOOP(C, "File transfer"),
}
CONSENT_OUTCOMES = {
    "agreed": QT_TRANSLATE_NOOP(C, "Agreed"),
    "refused": QT_TRANSLATE_NOOP(C, "Refused"),
    "no_answer": QT_TRANSLATE_NOOP(C, "No answer"),
}
END_OUTCOMES = {
    "resolved": QT_TRANSLATE_NOOP(C, "Resolved"),
    "partly_resolved": QT_TRANSLATE_NOOP(C, "Partly resolved"),
    "not_resolved": QT_TRANSLATE_NOOP(C, "Not resolved"),
    "escalated": QT_TRANSLATE_NOOP(C, "Escalated"),
    "aborted": QT_TRANSLATE_NOOP(C, "Aborted"),
}
TOOLS = {
    "TeamViewer": "TeamViewer",
    "AnyDesk": "AnyDesk",
    "Quick Assist": "Quick Assist",
    "RustDesk": "RustDesk",
    "Chrome Remote Desktop": "Chrome Remote Desktop",
    "other": QT_TRANSLATE_NOOP(C, "Other"),
}
STATES = {
    "refused": QT_TRANSLATE_NOOP(C, "Not started (no agreement)"),
    "consented": QT_TRANSLATE_NOOP(C, "Agreed, not started"),
    "open": QT_TRANSLATE_NOOP(C, "Open"),
    "ended": QT_TRANSLATE_NOOP(C, "Ended"),
    "ended_late": QT_TRANSLATE_NOOP(C, "Ended late"),
}
EVENTS = {
    "consent_recorded": QT_TRANSLATE_NOOP(C, "Agreement recorded"),
    "session_started": QT_TRANSLATE_NOOP(C, "Session started"),
    "note_added": QT_TRANSLATE_NOOP(C, "Note"),
    "tool_recorded": QT_TRANSLATE_NOOP(C, "Remote tool"),
    "file_transferred": QT_TRANSLATE_NOOP(C, "File transferred"),
    "session_ended": QT_TRANSLATE_NOOP(C, "Session ended"),
    "session_ended_late": QT_TRANSLATE_NOOP(C, "Session ended late"),
}
SENSITIVE_REMINDER = QT_TRANSLATE_NOOP(
    C,
    "Do not record sensitive personal data (health, religion, politics, union membership, "
    "sexuality, ethnic origin: GDPR Art. 9) in free text.",
)


def word(table: dict[str, str], code: str | None) -> str:
    """The translated word for ``code``; an unknown code is shown as it is."""
    if code is None:
        return ""
    return QCoreApplication.translate(C, table[code]) if code in table else code


def reminder() -> str:
    return QCoreApplication.translate(C, SENSITIVE_REMINDER)


def local_time(at: str | None) -> str:
    """A log timestamp (UTC, ISO) as local ``YYYY-MM-DD HH:MM``."""
    if not at:
        return ""
    try:
        when = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def acting_user(ctx: AppContext) -> str | None:
    """The actor to pass to the store: on SQLite the local user (single-user mode); on
    PostgreSQL None, since the server records session_user itself."""
    if ctx.is_sqlite:
        from bowebb_console.store.session_log import local_actor

        return local_actor()
    return None


def actor_name(ctx: AppContext) -> str:
    """How this agent appears in the log's ``actor`` column."""
    return acting_user(ctx) or ctx.identity.user


class SessionListModel(RowTableModel["SessionListRow"]):
    CONTEXT = "SessionListModel"
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("SessionListModel", "Agreed at"),
            lambda r: local_time(r.summary.consent_at),
            lambda r: r.summary.consent_at,
        ),
        Column(
            QT_TRANSLATE_NOOP("SessionListModel", "Customer"),
            lambda r: r.customer_name,
            lambda r: r.customer_name,
        ),
        Column(
            QT_TRANSLATE_NOOP("SessionListModel", "Kind"),
            lambda r: word(SESSION_KINDS, r.summary.session_kind),
            lambda r: r.summary.session_kind or "",
        ),
        Column(
            QT_TRANSLATE_NOOP("SessionListModel", "State"),
            lambda r: word(STATES, r.summary.state),
            lambda r: r.summary.state,
        ),
        Column(
            QT_TRANSLATE_NOOP("SessionListModel", "Outcome"),
            lambda r: word(END_OUTCOMES, r.summary.outcome),
            lambda r: r.summary.outcome or "",
        ),
        Column(
            QT_TRANSLATE_NOOP("SessionListModel", "Agent"),
            lambda r: r.summary.agent,
            lambda r: r.summary.agent,
        ),
    )
