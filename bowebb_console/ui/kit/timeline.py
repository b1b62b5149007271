"""A session's timeline: every logged event (agreement, start, notes, transfers, end, review)
in order, as the log holds it. One renderer: :func:`describe` says what an event holds, in
lines; :class:`SessionTimeline` lists them (Sessions, the customer card) and
:func:`timeline_html` draws them for the Review screen's detail and its PDF.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from bowebb_console.ui.kit import events as W
from bowebb_console.ui.kit.errors import error_text

if TYPE_CHECKING:
    from bowebb_console.services.review import EventRow, Timeline
    from bowebb_console.ui.kit.context import AppContext

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1


def event_title(event: EventRow) -> str:
    return W.word(W.EVENTS, event.kind)


def event_head(event: EventRow) -> str:
    """When, what and who: ``2026-05-04 10:12  Note  (anna)``."""
    return f"{W.local_time(event.at)}  {event_title(event)}  ({event.actor})"


def describe(event: EventRow, contacts: Mapping[int, str] | None = None) -> list[str]:
    """What the event holds, in lines (none: nothing to add to its title)."""
    p = event.payload
    if p is None:
        return [QCoreApplication.translate("Timeline", "(details erased)")]
    kind = event.kind
    if kind == "consent_recorded":
        return _consent(p, contacts or {})
    if kind in ("session_started", "tool_recorded"):
        lines: list[str] = []
        if p.get("tool"):  # a file transfer names no remote tool
            tool = f"{W.word(W.TOOLS, p.get('tool'))} {p.get('tool_session_id', '')}".strip()
            said = QCoreApplication.translate("Timeline", "Remote tool: %1")
            lines.append(said.replace("%1", tool))
        if p.get("dpa_missing_reason"):
            lines.append(
                QCoreApplication.translate("Timeline", "No signed DPA; reason: %1").replace(
                    "%1", str(p["dpa_missing_reason"])
                )
            )
        if p.get("tool_flag_reason"):
            lines.append(
                QCoreApplication.translate(
                    "Timeline", "Remote tool flagged in the sub-processor register; reason: %1"
                ).replace("%1", str(p["tool_flag_reason"]))
            )
        return [line for line in lines if line]
    if kind == "note_added":
        return [str(p.get("note", ""))]
    if kind in ("session_ended", "session_ended_late"):
        text = W.word(W.END_OUTCOMES, p.get("outcome"))
        return [f"{text}: {p['summary']}" if p.get("summary") else text]
    if kind == "file_transferred":
        return _file(p)
    if kind == "review_added":
        action = W.word(W.REVIEW_ACTIONS, p.get("action"))
        return [f"{action}: {p['comment']}" if p.get("comment") else action]
    if kind == "lifecycle_changed":
        return _lifecycle(p)
    if kind == "review_exported":
        text = QCoreApplication.translate("Timeline", "%1, %2 rows: %3").replace(
            "%1", str(p.get("format", "")).upper()
        )
        return [text.replace("%2", str(p.get("rows", ""))).replace("%3", str(p.get("filter", "")))]
    return []


def _lifecycle(p: Mapping[str, Any]) -> list[str]:
    """ "Grace period (days): 90 → 45", one line per changed setting (migration 0024)."""
    lines = []
    for row in p.get("rows") or []:
        before, after = row.get("before") or {}, row.get("after") or {}
        for key in sorted(set(before) | set(after)):
            was, now = before.get(key), after.get(key)
            lines.append(
                QCoreApplication.translate("Timeline", "%1: %2 → %3")
                .replace("%1", W.word(W.LIFECYCLE_FIELDS, key))
                .replace("%2", "–" if was in (None, "") else str(was))
                .replace("%3", "–" if now in (None, "") else str(now))
            )
    return lines


def _consent(p: Mapping[str, Any], contacts: Mapping[int, str]) -> list[str]:
    who = contacts.get(
        int(p.get("contact_id") or 0), QCoreApplication.translate("Timeline", "a contact")
    )
    lines = [
        QCoreApplication.translate("Timeline", "%1 by %2, %3")
        .replace("%1", W.word(W.CONSENT_OUTCOMES, p.get("outcome")))
        .replace("%2", who)
        .replace("%3", W.word(W.CHANNELS, p.get("channel"))),
        QCoreApplication.translate("Timeline", "Kind: %1, scope: %2")
        .replace("%1", W.word(W.SESSION_KINDS, p.get("session_kind")))
        .replace("%2", W.word(W.SCOPES, p.get("scope")) or "–"),
    ]
    if p.get("reference"):
        lines.append(
            QCoreApplication.translate("Timeline", "Reference: %1").replace(
                "%1", str(p["reference"])
            )
        )
    if p.get("purpose"):
        lines.append(
            QCoreApplication.translate("Timeline", "Purpose: %1").replace("%1", str(p["purpose"]))
        )
    return lines


def _file(p: Mapping[str, Any]) -> list[str]:
    text = QCoreApplication.translate("Timeline", "%1: %2 (%3 bytes)").replace(
        "%1", W.word(W.DIRECTIONS, p.get("direction"))
    )
    lines = [text.replace("%2", str(p.get("name", ""))).replace("%3", str(p.get("size", "")))]
    status = p.get("status")
    if status not in (None, "ok"):
        failed = QCoreApplication.translate("Timeline", "Not transferred (%1): %2").replace(
            "%1", str(status)
        )
        lines.append(failed.replace("%2", str(p.get("reason", ""))))
    if p.get("sha256"):
        lines.append(f"SHA-256: {p['sha256']}")
    return lines


def timeline_html(events: Iterable[EventRow], contacts: Mapping[int, str] | None = None) -> str:
    """The events as HTML (a QTextBrowser, the PDF report); every value escaped."""
    esc = html.escape
    parts = []
    for e in events:
        lines = "<br/>".join(esc(line) for line in describe(e, contacts))
        parts.append(
            f"<p><b>{esc(W.local_time(e.at))} · {esc(event_title(e))}</b> · {esc(e.actor)}"
            + (f"<br/>{lines}" if lines else "")
            + "</p>"
        )
    return "".join(parts)


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
        self._tag = f"timeline.{id(self)}"
        self.reload()

    def reload(self) -> None:
        from bowebb_console.services import review  # SQLAlchemy stays off the start-up path

        self.ctx.runner.start(
            review.session_timeline,
            self.ctx.database,
            self.session_uuid,
            tag=self._tag,
            owner=self,
            on_result=self._loaded,
            on_error=self._failed,
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
                self.tr("%Ln event(s) in the session log", "", len(found.events))
                + (f" — {found.customer_name}" if found.customer_name else "")
            )
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(
            self.tr("The timeline could not be loaded: %1").replace("%1", error_text(exc))
        )

    def add_event(self, event: EventRow) -> None:
        if any(e.seq == event.seq for e in self.events):
            return  # a retry that found the event already logged
        self._add_item(event)
        self.status.setText(self.tr("%Ln event(s) in the session log", "", len(self.events)))
        self.changed.emit()

    def event_texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _add_item(self, event: EventRow) -> None:
        lines = describe(event, self.contacts)
        item = QListWidgetItem("\n".join([event_head(event), *lines]))
        item.setData(EVENT_ROLE, event.seq)
        self.events.append(event)
        self.list.addItem(item)
        self.list.scrollToBottom()
