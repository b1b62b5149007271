"""One session in full (its timeline from the log) and the lead's review actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

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

from bowebb_console.services import review
from bowebb_console.ui.kit.errors import error_text
from bowebb_console.ui.kit.timeline import timeline_html
from bowebb_console.ui.review import texts
from bowebb_console.ui.review.errors import TEXTS

if TYPE_CHECKING:
    from bowebb_console.services.review import EventRow, ReviewRow, Timeline
    from bowebb_console.ui.kit.context import AppContext


class SessionDetail(QWidget):
    reviewed = Signal(str)  # session uuid, after a review mark was logged

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row: ReviewRow | None = None
        self.events: list[EventRow] = []
        self.contacts: dict[int, str] = {}
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setPlaceholderText(self.tr("Choose a session to see its timeline."))
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(self.tr("Comment"))
        # The rule above the field, wrapped: a placeholder this long was cut at 1366.
        self.comment_hint = QLabel(
            self.tr("Comment (no sensitive personal data: no health, religion, union, …)")
        )
        self.comment_hint.setWordWrap(True)
        self.comment_hint.setObjectName("hintText")
        self.comment_hint.setBuddy(self.comment_edit)
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
        layout.addWidget(self.comment_hint)
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
        self.browser.setHtml(texts.heading_html(row) + "<p>…</p>")
        su = row.session_uuid
        self.ctx.runner.start(
            review.session_timeline,
            self.ctx.database,
            su,
            tag="review.timeline",
            owner=self,
            on_result=lambda found: self._timeline(su, found),
            on_error=self._load_failed,
        )

    def _timeline(self, su: str, found: Timeline) -> None:
        if self.row is None or self.row.session_uuid != su:
            return
        self.events = list(found.events)
        self.contacts = dict(found.contacts)
        self.browser.setHtml(
            texts.heading_html(self.row) + timeline_html(self.events, self.contacts)
        )

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
        self.ctx.runner.start(
            review.add_review,
            self.ctx.database,
            self.ctx.identity,
            su,
            action,
            comment,
            owner=self,
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

    def _load_failed(self, exc: BaseException) -> None:
        text = self.tr("The timeline could not be loaded: %1")
        self.message_label.setText(text.replace("%1", error_text(exc, TEXTS)))

    def _failed(self, exc: BaseException) -> None:
        # The comment stays in the box: nothing typed is lost.
        self._enable(self.row is not None)
        self.message_label.setText(self.tr("Not saved: %1").replace("%1", error_text(exc, TEXTS)))
