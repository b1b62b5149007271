"""Words for the session log's codes (kinds, channels, scopes, outcomes, events), the
session list model, and who the acting agent is.

The store speaks in codes (``remote_control``, ``no_answer``); the user reads these words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bowebb_console.ui.kit.rows import Column, RowTableModel

if TYPE_CHECKING:
    from bowebb_console.store.sessions.desk import SessionListRow  # noqa: F401 - the generic
    from bowebb_console.ui.kit.context import AppContext

C = "SessionWords"

SESSION_KINDS = {
    "remote_control": QT_TRANSLATE_NOOP("SessionWords", "Remote control"),
    "file_transfer": QT_TRANSLATE_NOOP("SessionWords", "File transfer"),
}
CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("SessionWords", "Phone"),
    "email": QT_TRANSLATE_NOOP("SessionWords", "E-mail"),
    "chat": QT_TRANSLATE_NOOP("SessionWords", "Chat"),
    "ticket": QT_TRANSLATE_NOOP("SessionWords", "Ticket"),
    "in_person": QT_TRANSLATE_NOOP("SessionWords", "In person"),
}
# What a file transfer may be for (policy clause 7); the reference field holds the order or
# ticket reference.
TRANSFER_PURPOSES = {
    "purchased_service": QT_TRANSLATE_NOOP("SessionWords", "Purchased service (order reference)"),
    "support": QT_TRANSLATE_NOOP("SessionWords", "Support (ticket reference)"),
}
SCOPES = {
    "view_only": QT_TRANSLATE_NOOP("SessionWords", "View only"),
    "control": QT_TRANSLATE_NOOP("SessionWords", "Control"),
    "file_transfer": QT_TRANSLATE_NOOP("SessionWords", "File transfer"),
}
CONSENT_OUTCOMES = {
    "agreed": QT_TRANSLATE_NOOP("SessionWords", "Agreed"),
    "refused": QT_TRANSLATE_NOOP("SessionWords", "Refused"),
    "no_answer": QT_TRANSLATE_NOOP("SessionWords", "No answer"),
}
END_OUTCOMES = {
    "resolved": QT_TRANSLATE_NOOP("SessionWords", "Resolved"),
    "partly_resolved": QT_TRANSLATE_NOOP("SessionWords", "Partly resolved"),
    "not_resolved": QT_TRANSLATE_NOOP("SessionWords", "Not resolved"),
    "escalated": QT_TRANSLATE_NOOP("SessionWords", "Escalated"),
    "aborted": QT_TRANSLATE_NOOP("SessionWords", "Aborted"),
}
TOOLS = {
    "TeamViewer": "TeamViewer",
    "AnyDesk": "AnyDesk",
    "Quick Assist": "Quick Assist",
    "RustDesk": "RustDesk",
    "Chrome Remote Desktop": "Chrome Remote Desktop",
    "other": QT_TRANSLATE_NOOP("SessionWords", "Other"),
}
STATES = {
    "refused": QT_TRANSLATE_NOOP("SessionWords", "Not started (no agreement)"),
    "consented": QT_TRANSLATE_NOOP("SessionWords", "Agreed, not started"),
    "open": QT_TRANSLATE_NOOP("SessionWords", "Open"),
    "ended": QT_TRANSLATE_NOOP("SessionWords", "Ended"),
    "ended_late": QT_TRANSLATE_NOOP("SessionWords", "Ended late"),
}
EVENTS = {
    "consent_recorded": QT_TRANSLATE_NOOP("SessionWords", "Agreement recorded"),
    "session_started": QT_TRANSLATE_NOOP("SessionWords", "Session started"),
    "note_added": QT_TRANSLATE_NOOP("SessionWords", "Note"),
    "tool_recorded": QT_TRANSLATE_NOOP("SessionWords", "Remote tool"),
    "file_transferred": QT_TRANSLATE_NOOP("SessionWords", "File transferred"),
    "session_ended": QT_TRANSLATE_NOOP("SessionWords", "Session ended"),
    "session_ended_late": QT_TRANSLATE_NOOP("SessionWords", "Session ended late"),
}
SENSITIVE_REMINDER = QT_TRANSLATE_NOOP(
    "SessionWords",
    "Do not record sensitive personal data (health, religion, politics, union membership, "
    "sexuality, ethnic origin: GDPR Art. 9) in free text.",
)


def alive(widget: Any, fn: Callable[..., None]) -> Callable[..., None]:
    """A task callback that does nothing once ``widget`` is gone (its window was closed
    while the task ran)."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(widget):
            fn(*args)

    return call


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
        from bowebb_console.store.log.chain import local_actor

        return local_actor()
    return None


def actor_name(ctx: AppContext) -> str:
    """How this agent appears in the log's ``actor`` column."""
    return acting_user(ctx) or ctx.identity.user


class SessionListModel(RowTableModel["SessionListRow"]):
    CONTEXT = "SessionListModel"
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("SessionListModel", "Recorded at"),
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
