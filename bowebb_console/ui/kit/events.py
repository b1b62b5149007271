"""Words for the session log's codes: one vocabulary per code set (kinds, channels, scopes,
outcomes, tools, states, events, review actions), shared by every screen that shows them.

The store speaks in codes (``remote_control``, ``no_answer``); the user reads these words.
Marked with QT_TRANSLATE_NOOP under one context, translated on use by :func:`word`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bowebb_console.ui.i18n import code_text
from bowebb_console.ui.kit import formats

if TYPE_CHECKING:
    from bowebb_console.ui.kit.context import AppContext

C = "Events"

SESSION_KINDS = {
    "remote_control": QT_TRANSLATE_NOOP("Events", "Remote control"),
    "file_transfer": QT_TRANSLATE_NOOP("Events", "File transfer"),
}
CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("Events", "Phone"),
    "email": QT_TRANSLATE_NOOP("Events", "E-mail"),
    "chat": QT_TRANSLATE_NOOP("Events", "Chat"),
    "ticket": QT_TRANSLATE_NOOP("Events", "Ticket"),
    "in_person": QT_TRANSLATE_NOOP("Events", "In person"),
}
# What a file transfer may be for (policy clause 7); the reference field holds the order or
# ticket reference.
TRANSFER_PURPOSES = {
    "purchased_service": QT_TRANSLATE_NOOP("Events", "Purchased service (order reference)"),
    "support": QT_TRANSLATE_NOOP("Events", "Support (ticket reference)"),
}
SCOPES = {
    "view_only": QT_TRANSLATE_NOOP("Events", "View only"),
    "control": QT_TRANSLATE_NOOP("Events", "Control"),
    "file_transfer": QT_TRANSLATE_NOOP("Events", "File transfer"),
}
CONSENT_OUTCOMES = {
    "agreed": QT_TRANSLATE_NOOP("Events", "Agreed"),
    "refused": QT_TRANSLATE_NOOP("Events", "Refused"),
    "no_answer": QT_TRANSLATE_NOOP("Events", "No answer"),
}
END_OUTCOMES = {
    "resolved": QT_TRANSLATE_NOOP("Events", "Resolved"),
    "partly_resolved": QT_TRANSLATE_NOOP("Events", "Partly resolved"),
    "not_resolved": QT_TRANSLATE_NOOP("Events", "Not resolved"),
    "escalated": QT_TRANSLATE_NOOP("Events", "Escalated"),
    "aborted": QT_TRANSLATE_NOOP("Events", "Aborted"),
}
TOOLS = {
    "TeamViewer": "TeamViewer",
    "AnyDesk": "AnyDesk",
    "Quick Assist": "Quick Assist",
    "RustDesk": "RustDesk",
    "Chrome Remote Desktop": "Chrome Remote Desktop",
    "other": QT_TRANSLATE_NOOP("Events", "Other"),
}
STATES = {
    "refused": QT_TRANSLATE_NOOP("Events", "Not started (no agreement)"),
    "consented": QT_TRANSLATE_NOOP("Events", "Agreed, not started"),
    "open": QT_TRANSLATE_NOOP("Events", "Open"),
    "ended": QT_TRANSLATE_NOOP("Events", "Ended"),
    "ended_late": QT_TRANSLATE_NOOP("Events", "Ended late"),
}
DIRECTIONS = {
    "upload": QT_TRANSLATE_NOOP("Events", "Upload"),
    "download": QT_TRANSLATE_NOOP("Events", "Download"),
}
# The lifecycle setting's fields, as a lifecycle_changed event names them (migration 0024).
LIFECYCLE_FIELDS = {
    "grace_period_days": QT_TRANSLATE_NOOP("Events", "Grace period (days)"),
    "trial_period_days": QT_TRANSLATE_NOOP("Events", "Trial period (days)"),
    "log_retention_days": QT_TRANSLATE_NOOP("Events", "Session-log retention (days)"),
    "erasure_journal_dir": QT_TRANSLATE_NOOP("Events", "Erasure journal folder"),
}
REVIEW_ACTIONS = {
    "reviewed": QT_TRANSLATE_NOOP("Events", "Reviewed"),
    "flagged": QT_TRANSLATE_NOOP("Events", "Flagged for follow-up"),
}
EVENTS = {
    "consent_recorded": QT_TRANSLATE_NOOP("Events", "Agreement recorded"),
    "session_started": QT_TRANSLATE_NOOP("Events", "Session started"),
    "note_added": QT_TRANSLATE_NOOP("Events", "Note"),
    "tool_recorded": QT_TRANSLATE_NOOP("Events", "Remote tool"),
    "file_transferred": QT_TRANSLATE_NOOP("Events", "File transferred"),
    "session_ended": QT_TRANSLATE_NOOP("Events", "Session ended"),
    "session_ended_late": QT_TRANSLATE_NOOP("Events", "Session ended late"),
    "review_added": QT_TRANSLATE_NOOP("Events", "Review"),
    "review_exported": QT_TRANSLATE_NOOP("Events", "Review exported"),
    # Recorded changes (migration 0009), and the log's other kinds, for lists of log contents.
    "customer_changed": QT_TRANSLATE_NOOP("Events", "Customer record changed"),
    "contact_changed": QT_TRANSLATE_NOOP("Events", "Contact changed"),
    "processing_changed": QT_TRANSLATE_NOOP("Events", "Record of processing changed"),
    # The database-wide lifecycle setting (migration 0024).
    "lifecycle_changed": QT_TRANSLATE_NOOP("Events", "Lifecycle settings changed"),
    "profile_changed": QT_TRANSLATE_NOOP("Events", "Connection profile changed"),
    "backend_ended": QT_TRANSLATE_NOOP("Events", "Database session ended by a lead"),
    "erasure_performed": QT_TRANSLATE_NOOP("Events", "Erasure"),
    "erasure_forwarded": QT_TRANSLATE_NOOP("Events", "Erasure request forwarded"),
    "erasure_guidance_given": QT_TRANSLATE_NOOP("Events", "Erasure guidance given"),
    "host_key_pinned": QT_TRANSLATE_NOOP("Events", "Server key pinned"),
    "host_key_approved": QT_TRANSLATE_NOOP("Events", "Server key approved"),
    "host_key_replaced": QT_TRANSLATE_NOOP("Events", "Server key replaced"),
    # The breach register (migration 0014).
    "breach_recorded": QT_TRANSLATE_NOOP("Events", "Breach recorded"),
    "breach_changed": QT_TRANSLATE_NOOP("Events", "Breach changed"),
    "breach_closed": QT_TRANSLATE_NOOP("Events", "Breach closed"),
    # The privacy officer's desk (migration 0016).
    "privacy_access_answered": QT_TRANSLATE_NOOP("Events", "Access request answered"),
    "privacy_restricted": QT_TRANSLATE_NOOP("Events", "Contact restricted"),
    "privacy_restriction_lifted": QT_TRANSLATE_NOOP("Events", "Contact restriction lifted"),
    "privacy_objection_recorded": QT_TRANSLATE_NOOP("Events", "Objection to news recorded"),
    "privacy_objection_withdrawn": QT_TRANSLATE_NOOP("Events", "Objection to news withdrawn"),
    "privacy_rectified": QT_TRANSLATE_NOOP("Events", "Contact corrected"),
}
SENSITIVE_REMINDER = QT_TRANSLATE_NOOP(
    "Events",
    "Do not record sensitive personal data (health, religion, politics, union membership, "
    "sexuality, ethnic origin: GDPR Art. 9) in free text.",
)


def word(table: dict[str, str], code: object) -> str:
    """The translated word for ``code``; an unknown code is shown as it is."""
    return code_text(C, table, code)


def reminder() -> str:
    return QCoreApplication.translate(C, SENSITIVE_REMINDER)


def local_time(at: str | None) -> str:
    """A log timestamp (UTC, ISO) as local ``YYYY-MM-DD HH:MM`` (see ``kit/formats.py``)."""
    return formats.local_time(at)


def acting_user(ctx: AppContext) -> str | None:
    """The actor a screen passes with an event it logs: on SQLite the local user (single-user
    mode, as the log writes it); on PostgreSQL None, since the server records session_user."""
    return ctx.identity.user.replace("|", "_") if ctx.is_sqlite else None
