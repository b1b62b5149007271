"""The Qt model of the session lists (open, recent, a customer's sessions).

The words for the log's codes are in :mod:`bowebb_console.ui.kit.events` (one vocabulary,
shared with the Review screen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from bowebb_console.ui.kit.events import (
    END_OUTCOMES,
    SESSION_KINDS,
    STATES,
    local_time,
    word,
)
from bowebb_console.ui.kit.rows import Column, RowTableModel

if TYPE_CHECKING:
    pass


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
