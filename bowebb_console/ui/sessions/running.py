"""A running session: elapsed time, notes, the external remote tool, and the end.

Each note, tool change and the end is one logged event. Nothing is shown as saved until the
service says it is logged (it re-reads by the event's UUID after a lost COMMIT); on a failure the
typed text stays where it is with the reason, and pressing again retries with the same UUID,
so a retry never logs twice. The timer only displays: the log's own times are what count.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain.errors import ShownError
from bowebb_console.services import sessions
from bowebb_console.services.sessions import EventRow
from bowebb_console.ui.kit import events as L
from bowebb_console.ui.kit import icons
from bowebb_console.ui.kit.blockers import can_end, end_blocker
from bowebb_console.ui.kit.timeline import SessionTimeline
from bowebb_console.ui.sessions.errors import is_unknown, session_error

if TYPE_CHECKING:
    from bowebb_console.ui.kit.context import AppContext


def elapsed_text(started_at: str | None, now: dt.datetime | None = None) -> str:
    if not started_at:
        return ""
    start = dt.datetime.fromisoformat(started_at.replace("Z", "+00:00"))
    seconds = max(0, int(((now or dt.datetime.now(dt.UTC)) - start).total_seconds()))
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}"


class _Pending:
    """The UUID of one typed entry: kept while the text is unchanged, so a retry after an
    unknown outcome finds the event instead of logging it again."""

    def __init__(self) -> None:
        self.key: object = None
        self.event_uuid = str(uuid.uuid4())

    def uuid_for(self, key: object) -> str:
        if key != self.key:
            self.key, self.event_uuid = key, str(uuid.uuid4())
        return self.event_uuid

    def done(self) -> None:
        self.key, self.event_uuid = None, str(uuid.uuid4())


class RunningSessionPanel(QWidget):
    """``RunningSessionPanel(ctx, session_uuid, recovered=...)``; emits ``ended(uuid)``."""

    ended = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        session_uuid: str,
        *,
        recovered: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_uuid = session_uuid
        self.recovered = recovered
        self.started_at: str | None = None
        self.busy = False
        self._note, self._tool, self._end = _Pending(), _Pending(), _Pending()

        self.title = QLabel(self.tr("Session running"))
        self.title.setObjectName("pageTitle")
        self.elapsed = QLabel()
        self.recovered_label = QLabel(
            self.tr(
                "This session was left open (the console closed while it ran). Continue it, "
                "or close it as ended late: both are logged."
            )
        )
        self.recovered_label.setWordWrap(True)
        self.recovered_label.setVisible(recovered)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        # A lead or admin refused because another session holds the log: end that session.
        self.end_blocker_button = QPushButton(self.tr("End that session…"))
        self.end_blocker_button.setVisible(False)
        self.end_blocker_button.clicked.connect(self.end_blocker)
        self._blocker: tuple[int, str] | None = None

        self.timeline = SessionTimeline(ctx, session_uuid)
        self.timeline.changed.connect(self._timeline_changed)

        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("What was done or seen"))
        self.note_edit.setFixedHeight(70)
        self.note_edit.setTabChangesFocus(True)  # Tab moves on; a note needs no tab characters
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setAccessibleDescription(self.tr("Ctrl+Enter adds the note."))
        self.note_edit.installEventFilter(self)
        self.note_button = QPushButton(self.tr("Add note (Ctrl+Enter)"))
        icons.give(self.note_button, "add_note")
        self.note_button.clicked.connect(self.add_note)

        self.tool = QComboBox()
        for code in L.TOOLS:
            self.tool.addItem(L.word(L.TOOLS, code), code)
        self.tool_id = QLineEdit()
        self.tool_id.setPlaceholderText(self.tr("Session id in the tool"))
        self.tool_button = QPushButton(self.tr("Save tool"))
        self.tool_button.clicked.connect(self.save_tool)

        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("Summary: what was done, what remains"))
        self.summary.setFixedHeight(70)
        self.summary.setTabChangesFocus(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.end_outcome = QComboBox()
        for code in L.END_OUTCOMES:
            self.end_outcome.addItem(L.word(L.END_OUTCOMES, code), code)
        self.end_button = QPushButton(self.tr("End session"))
        icons.give(self.end_button, "end_session")
        self.end_button.clicked.connect(lambda: self.end(late=False))
        self.late_button = QPushButton(self.tr("Close as ended late"))
        self.late_button.clicked.connect(lambda: self.end(late=True))
        self.late_button.setVisible(recovered)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Elapsed:")))
        top.addWidget(self.elapsed)

        tool_row = QHBoxLayout()
        tool_row.addWidget(self.tool)
        tool_row.addWidget(self.tool_id, 1)
        tool_row.addWidget(self.tool_button)

        notes = QGroupBox(self.tr("Notes"))
        notes_layout = QVBoxLayout(notes)
        notes_layout.addWidget(self.note_edit)
        note_row = QHBoxLayout()
        hint = QLabel(L.reminder())
        hint.setWordWrap(True)
        hint.setObjectName("hintText")
        note_row.addWidget(hint, 1)
        note_row.addWidget(self.note_button)
        notes_layout.addLayout(note_row)

        end_box = QGroupBox(self.tr("End"))
        end_form = QFormLayout(end_box)
        end_form.addRow(self.tr("Summary"), self.summary)
        end_form.addRow(self.tr("Outcome"), self.end_outcome)
        end_row = QHBoxLayout()
        end_row.addStretch(1)
        end_row.addWidget(self.late_button)
        end_row.addWidget(self.end_button)
        end_form.addRow(end_row)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.recovered_label)
        layout.addWidget(self.timeline, 1)
        self.tool_label = QLabel(self.tr("Remote tool"))
        self.tool_row_widgets = (self.tool_label, self.tool, self.tool_id, self.tool_button)
        layout.addWidget(self.tool_label)
        layout.addLayout(tool_row)
        layout.addWidget(notes)
        layout.addWidget(end_box)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.end_blocker_button)
        layout.addLayout(status_row)

        # Natural order for the keyboard: note, add it, summary, outcome, end; then the tool.
        chain = (
            self.note_edit,
            self.note_button,
            self.summary,
            self.end_outcome,
            self.late_button,
            self.end_button,
            self.tool,
            self.tool_id,
            self.tool_button,
            self.timeline.list,
        )
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.note_edit)
        self._tool_shown = False  # the combo shows what the log recorded, once loaded

        changes = ctx.changes
        changes.session_running(session_uuid, True)
        self.destroyed.connect(lambda *_: changes.session_running(session_uuid, False))

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.note_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.add_note()
            return True
        return super().eventFilter(watched, event)

    @property
    def is_open(self) -> bool:
        """Started and not ended (as far as this panel knows)."""
        return self.timer.isActive()

    def _timeline_changed(self) -> None:
        # Start time and state come from the log, so a recovered session shows its real age.
        kinds = {e.kind for e in self.timeline.events}
        started = next((e for e in self.timeline.events if e.kind == "session_started"), None)
        self.started_at = started.at if started else None
        self._tick()
        self._show_recorded_tool()
        if kinds & {"session_ended", "session_ended_late"} and self.timer.isActive():
            self._finish()

    def _show_recorded_tool(self) -> None:
        """The tool row shows the tool and id the log holds (the latest recorded), and a file
        transfer, which runs in the console and not in a remote tool, has no tool row."""
        events = self.timeline.events
        consent = next((e for e in reversed(events) if e.kind == "consent_recorded"), None)
        transfer = bool(consent and (consent.payload or {}).get("session_kind") == "file_transfer")
        for widget in self.tool_row_widgets:
            widget.setVisible(not transfer)
        recorded = next(
            (
                e.payload
                for e in reversed(events)
                if e.kind in ("tool_recorded", "session_started")
                and e.payload
                and e.payload.get("tool")
            ),
            None,
        )
        if recorded is None or self._tool_shown:
            return
        self._tool_shown = True
        index = self.tool.findData(recorded.get("tool"))
        if index >= 0:
            self.tool.setCurrentIndex(index)
        self.tool_id.setText(str(recorded.get("tool_session_id") or ""))

    def _tick(self) -> None:
        self.elapsed.setText(elapsed_text(self.started_at))

    def closeEvent(self, event: Any) -> None:
        self.timer.stop()
        super().closeEvent(event)

    # --- logging ------------------------------------------------------------------------
    def _run(self, step: Callable[..., EventRow], pending: _Pending, key: object,
             done: Callable[[EventRow], None], *args: str) -> None:  # fmt: skip
        """Log ``step(db, identity, session_uuid, *args)`` under the entry's UUID."""
        if self.busy:
            return
        self.busy = True
        self._enable(False)
        self.status.setText(self.tr("Logging…"))
        self.ctx.runner.start(
            step,
            self.ctx.database,
            self.ctx.identity,
            self.session_uuid,
            *args,
            event_uuid=pending.uuid_for(key),
            tag=f"sessions.run.{id(self)}",
            on_result=lambda event: self._saved(pending, event, done),
            on_error=self._failed,
            owner=self,
        )

    def _enable(self, on: bool) -> None:
        for button in (self.note_button, self.tool_button, self.end_button, self.late_button):
            button.setEnabled(on)

    def _saved(self, pending: _Pending, event: EventRow, done: Callable[[Any], None]) -> None:
        self.busy = False
        self._blocker = None
        self.end_blocker_button.setVisible(False)
        self._enable(True)
        pending.done()
        if event.kind in ("session_ended", "session_ended_late"):
            self.ctx.changes.session_running(self.session_uuid, False)
        self.timeline.add_event(event)
        # Every screen showing sessions (the card, Sessions, Transfers) follows at once.
        self.ctx.changes.sessions_changed.emit(self.session_uuid, event.kind)
        done(event)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._enable(True)
        if can_end(self.ctx, exc):
            assert isinstance(exc, ShownError)
            self._blocker = (int(exc.params["pid"]), exc.params.get("login", ""))
        else:
            self._blocker = None
        self.end_blocker_button.setVisible(self._blocker is not None)
        if is_unknown(exc):
            text = self.tr(
                "Not known whether this was saved: the database did not answer. Your text is "
                "kept; press again when the database answers (it will not be logged twice)."
            )
        else:
            reason = session_error(exc).rstrip(".")
            text = self.tr("Not saved: %1. Your text is kept; try again.").replace("%1", reason)
        self.status.setText(text)

    def end_blocker(self) -> None:
        """End the session named in the last refusal (asks first; leads and admins)."""
        if self._blocker is not None:
            end_blocker(self.ctx, *self._blocker, self, self._blocker_ended)

    def _blocker_ended(self, text: str) -> None:
        self._blocker = None
        self.end_blocker_button.setVisible(False)
        self.status.setText(
            self.tr("%1 Your text is kept; press the button again to save it.").replace("%1", text)
        )

    def add_note(self) -> None:
        note = self.note_edit.toPlainText().strip()
        if not note:
            self.status.setText(self.tr("Type a note first."))
            return
        self._run(sessions.add_note, self._note, note, self._note_saved, note)

    def _note_saved(self, _event: EventRow) -> None:
        self.note_edit.clear()
        self.status.setText(self.tr("Note saved in the session log."))

    def save_tool(self) -> None:
        tool, tool_id = self.tool.currentData(), self.tool_id.text().strip()
        self._run(sessions.record_tool, self._tool, (tool, tool_id), self._tool_saved, tool,
                  tool_id)  # fmt: skip

    def _tool_saved(self, _event: EventRow) -> None:
        self.status.setText(self.tr("Remote tool saved in the session log."))

    def end(self, *, late: bool) -> None:
        summary = self.summary.toPlainText().strip()
        if not summary and not late:
            self.status.setText(self.tr("Write a summary before ending the session."))
            return
        outcome = self.end_outcome.currentData()
        step = sessions.end_late if late else sessions.end_session
        self._run(step, self._end, (late, summary, outcome), self._ended, summary, outcome)

    def _ended(self, _event: EventRow) -> None:
        self.ended.emit(self.session_uuid)

    def _finish(self) -> None:
        self.timer.stop()
        self._enable(False)
        self.note_edit.setReadOnly(True)
        self.status.setText(self.tr("The session has ended and is logged."))


class RunningWindow(QDialog):
    """The running session in a window of its own. Esc does not close it while the session
    is open (the agent is told how to end it); the window's close button asks first."""

    def __init__(self, ctx: AppContext, session_uuid: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(QCoreApplication.translate("SessionWindows", "Support session"))
        self.panel = RunningSessionPanel(ctx, session_uuid, parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.panel.ended.connect(lambda _su: self.accept())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.panel.is_open:
            self.panel.status.setText(
                QCoreApplication.translate(
                    "SessionWindows",
                    "The session is still open: write a summary and press End session.",
                )
            )
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if not self.panel.is_open:
            super().reject()
            return
        self.ctx.prompts.confirm(
            QCoreApplication.translate("SessionWindows", "Close the window?"),
            QCoreApplication.translate(
                "SessionWindows",
                "The session stays open in the log. Continue or end it later from Sessions, "
                "under “Your open sessions”.",
            ),
            lambda yes: QDialog.reject(self) if yes else None,
            ok_text=QCoreApplication.translate("SessionWindows", "Close the window"),
        )


def open_running_window(ctx: AppContext, session_uuid: str, parent: QWidget | None) -> QDialog:
    """The running session in a window of its own (when started from outside the screen)."""
    window = RunningWindow(ctx, session_uuid, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Resizable, and no taller than a 1366x768 laptop's usable height (or the screen's).
    size = QSize(720, 680)
    screen = window.screen()
    if screen is not None:
        size = size.boundedTo(screen.availableGeometry().size() - QSize(0, 40))
    window.resize(size.expandedTo(window.minimumSizeHint()))
    window.show()
    window.panel.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    return window
