"""A session's timeline: every logged event (agreement, start, notes, transfers, end) in
order, as the log holds it. Reusable wherever a session is shown (customer card, review).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from bowebb_console.ui.sessions import labels as L
from bowebb_console.ui.sessions.labels import alive

if TYPE_CHECKING:
    from bowebb_console.services.sessions import EventRow, Timeline
    from bowebb_console.ui.kit.context import AppContext

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1


def _load(ctx: AppContext, session_uuid: str) -> Timeline:
    from bowebb_console.services.sessions import timeline

    return timeline(ctx.database, session_uuid)


class SessionTimeline(QWidget):
    """``SessionTimeline(ctx, session_uuid)``: loads off the GUI thread; ``add_event`` appends
    an event the caller has just logged (it is shown only once it is saved). ``changed``
    fires after a load and after each added event; ``events`` holds what is shown."""

    changed = Signal()

    def __init__(self, ctx: AppContext, session_uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_uuid = session_uuid
        self.events: list[EventRow] = []
        self.contacts: dict[int, str] = {}
        self.customer_name = ""
        self.status = QLabel(self.tr("Loading…"))
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        self._tag = f"sessions.timeline.{id(self)}"
        self.reload()

    def reload(self) -> None:
        self.ctx.runner.start(
            _load,
            self.ctx,
            self.session_uuid,
            tag=self._tag,
            on_result=alive(self, self._loaded),
            on_error=alive(self, self._failed),
        )

    def _loaded(self, found: Timeline) -> None:
        self.contacts = dict(found.contacts)
        self.customer_name = found.customer_name
        self.list.clear()
        self.events = []
        for event in found.events:
            self._add_item(event)
        if not found.events:
            self.status.setText(self.tr("No events are logged for this session."))
        else:
            self.status.setText(
                self.tr("%n event(s) in the session log", "", len(found.events))
                + (f" — {found.customer_name}" if found.customer_name else "")
            )
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(
            self.tr("The timeline could not be loaded (%1). Check the connection.").replace(
                "%1", getattr(exc, "message", type(exc).__name__)
            )
        )

    def add_event(self, event: EventRow) -> None:
        if any(e.seq == event.seq for e in self.events):
            return  # a retry that found the event already logged
        self._add_item(event)
        self.status.setText(self.tr("%n event(s) in the session log", "", len(self.events)))
        self.changed.emit()

    def event_texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _add_item(self, event: EventRow) -> None:
        head = f"{L.local_time(event.at)}  {L.word(L.EVENTS, event.kind)}  ({event.actor})"
        details = self.describe(event.kind, event.payload)
        item = QListWidgetItem(head + ("\n" + details if details else ""))
        item.setData(EVENT_ROLE, event.seq)
        self.events.append(event)
        self.list.addItem(item)
        self.list.scrollToBottom()

    def describe(self, kind: str, p: dict[str, Any] | None) -> str:
        if p is None:
            return self.tr("(details erased)")
        if kind == "consent_recorded":
            who = self.contacts.get(int(p.get("contact_id") or 0), self.tr("a contact"))
            lines = [
                self.tr("%1 by %2, %3")
                .replace("%1", L.word(L.CONSENT_OUTCOMES, p.get("outcome")))
                .replace("%2", who)
                .replace("%3", L.word(L.CHANNELS, p.get("channel"))),
                self.tr("Kind: %1, scope: %2")
                .replace("%1", L.word(L.SESSION_KINDS, p.get("session_kind")))
                .replace("%2", L.word(L.SCOPES, p.get("scope")) or "–"),
            ]
            if p.get("reference"):
                lines.append(self.tr("Reference: %1").replace("%1", str(p["reference"])))
            if p.get("purpose"):
                lines.append(self.tr("Purpose: %1").replace("%1", str(p["purpose"])))
            return "\n".join(lines)
        if kind in ("session_started", "tool_recorded"):
            lines = [f"{L.word(L.TOOLS, p.get('tool'))} {p.get('tool_session_id', '')}".strip()]
            if p.get("dpa_missing_reason"):
                lines.append(
                    self.tr("No signed DPA; reason: %1").replace("%1", str(p["dpa_missing_reason"]))
                )
            return "\n".join(line for line in lines if line)
        if kind == "note_added":
            return str(p.get("note", ""))
        if kind in ("session_ended", "session_ended_late"):
            text = L.word(L.END_OUTCOMES, p.get("outcome"))
            return f"{text}: {p['summary']}" if p.get("summary") else text
        if kind == "file_transferred":
            return " ".join(str(p.get(k, "")) for k in ("direction", "name", "size", "status"))
        return ""
