"""One session in full (its timeline from the log) and the lead's review actions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.store.log.chain import EventRow
from bowebb_console.store.review.queries import ReviewRow
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.review import texts
from bowebb_console.ui.review.jobs import run_for


def load_timeline(ctx: AppContext, session_uuid: str) -> list[EventRow]:
    from bowebb_console.services.sessions import session_events

    return session_events(ctx.database, session_uuid)


def save_review(ctx: AppContext, session_uuid: str, action: str, comment: str) -> object:
    from bowebb_console.store.review.queries import add_review

    return add_review(ctx.database, session_uuid, action, comment)


class SessionDetail(QWidget):
    reviewed = Signal(str)  # session uuid, after a review mark was logged

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row: ReviewRow | None = None
        self.events: list[EventRow] = []
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setPlaceholderText(self.tr("Choose a session to see its timeline."))
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(
            self.tr("Comment (no sensitive personal data: no health, religion, union, …)")
        )
        self.comment_edit.setAccessibleName(self.tr("Comment"))
        self.browser.setAccessibleName(self.tr("Session timeline"))
        self.comment_edit.setMaxLength(2000)
        self.review_button = QPushButton(self.tr("Mark reviewed"))
        self.flag_button = QPushButton(self.tr("Flag for follow-up"))
        self.review_button.clicked.connect(lambda: self.submit("reviewed"))
        self.flag_button.clicked.connect(lambda: self.submit("flagged"))
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.flag_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.comment_edit)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        for w in (self.comment_edit, self.review_button, self.flag_button):
            w.setEnabled(on)

    def show_session(self, row: ReviewRow | None) -> None:
        self.row = row
        self.events = []
        self.message_label.clear()
        self._enable(row is not None)
        if row is None:
            self.browser.clear()
            return
        self.browser.setHtml(texts.timeline_html(row, []) + "<p>…</p>")
        su = row.session_uuid
        run_for(
            self,
            self.ctx.runner,
            load_timeline,
            self.ctx,
            su,
            tag="review.timeline",
            on_result=lambda events: self._timeline(su, events),
            on_error=self._failed,
        )

    def _timeline(self, su: str, events: list[EventRow]) -> None:
        if self.row is None or self.row.session_uuid != su:
            return
        self.events = events
        self.browser.setHtml(texts.timeline_html(self.row, events))

    def submit(self, action: str) -> None:
        if self.row is None:
            return
        comment = self.comment_edit.text()
        if action == "flagged" and not comment.strip():
            self.message_label.setText(self.tr("Say what needs following up in the comment."))
            self.comment_edit.setFocus()
            return
        self._enable(False)
        self.message_label.setText(self.tr("Saving…"))
        su = self.row.session_uuid
        run_for(
            self,
            self.ctx.runner,
            save_review,
            self.ctx,
            su,
            action,
            comment,
            on_result=lambda _event: self._saved(su),
            on_error=self._failed,
        )

    def _saved(self, su: str) -> None:
        self.comment_edit.clear()
        self.message_label.setText(self.tr("Saved in the session log."))
        self._enable(True)
        self.reviewed.emit(su)
        if self.row is not None and self.row.session_uuid == su:
            self.show_session(self.row)
            self.message_label.setText(self.tr("Saved in the session log."))

    def _failed(self, exc: BaseException) -> None:
        # The comment stays in the box: nothing typed is lost.
        self._enable(self.row is not None)
        reason = getattr(exc, "message", "") or type(exc).__name__
        self.message_label.setText(self.tr("Not saved: %1").replace("%1", str(reason)))
