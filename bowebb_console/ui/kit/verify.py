""" "Verify log integrity" for leads and admins (the Sessions and Review screens): recompute
the whole chain off the GUI thread on a :class:`JobBar` (progress, Cancel), and say the
result in plain words (:func:`verify_words`, also the PDF report's verification line)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from bowebb_console.ui.kit.errors import error_text
from bowebb_console.ui.kit.job_bar import JobBar

if TYPE_CHECKING:
    from bowebb_console.services.review import VerifyResult
    from bowebb_console.ui.kit.context import AppContext

PROBLEMS = {
    "changed": QT_TRANSLATE_NOOP("VerifyWords", "an event was changed after it was logged"),
    "missing": QT_TRANSLATE_NOOP("VerifyWords", "an event is missing (deleted)"),
    "duplicate": QT_TRANSLATE_NOOP(
        "VerifyWords", "a sequence number appears twice or out of order"
    ),
    "inserted": QT_TRANSLATE_NOOP("VerifyWords", "an event was inserted between two logged events"),
    "reordered": QT_TRANSLATE_NOOP("VerifyWords", "two events swapped places"),
    "broken_link": QT_TRANSLATE_NOOP("VerifyWords", "the link to the previous event is broken"),
    "payload": QT_TRANSLATE_NOOP(
        "VerifyWords", "an event's details no longer match what was logged"
    ),
    "anchor": QT_TRANSLATE_NOOP("VerifyWords", "the exported head is gone or no longer matches"),
    "head": QT_TRANSLATE_NOOP(
        "VerifyWords",
        "the log's head record, which new events are numbered and linked from, was changed "
        "outside the log",
    ),
    "time": QT_TRANSLATE_NOOP(
        "VerifyWords",
        "an event is dated before the event logged before it (a time was changed, or the "
        "clock was set back)",
    ),
}


class VerifyWords(QObject):
    """The result's words; a QObject only so ``tr`` gives the plural forms (any thread)."""

    def say(self, result: VerifyResult, *, short: bool = False) -> str:
        if result.cancelled:
            return self.tr(
                "Verification was cancelled after %Ln event(s): no conclusion.", "", result.events
            )
        problem = result.problem
        if problem is None:
            text = self.tr("%Ln event(s), chain intact, head %1", "", result.events)
            # On screen the head's first 12 hex digits (its whole 64 in a tooltip and the PDF).
            text = text.replace("%1", result.head[:12] + "…" if short else result.head)
            if result.erased_payloads:
                erased = self.tr("(%Ln payload(s) erased, as allowed)", "", result.erased_payloads)
                text += " " + erased
            return text
        what = self.tr(PROBLEMS.get(problem.kind, PROBLEMS["broken_link"]))
        text = self.tr(
            "The session log is NOT intact: at event %1, %2. Events from there on cannot be "
            "trusted; tell the privacy officer."
        )
        return text.replace("%1", str(problem.seq)).replace("%2", what)


def verify_words(result: VerifyResult, *, short: bool = False) -> str:
    """The verification's result in the reader's language; ``short`` for a status line."""
    return VerifyWords().say(result, short=short)


class VerifyLogBox(QWidget):
    """The "Verify log integrity" button; the job runs on ``job`` (a screen's own bar, shared
    with its other jobs) or, without one, on a bar of its own shown under the button."""

    def __init__(
        self, ctx: AppContext, job: JobBar | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.button = QPushButton(self.tr("Verify log integrity"))
        self.button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.button.clicked.connect(self.start)
        own = job is None
        self.job = JobBar(ctx) if job is None else job
        self.job.running_changed.connect(lambda running: self.button.setEnabled(not running))
        self.result_label = self.job.result_label
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        if own:
            row.addWidget(self.job, 1)

    @property
    def running(self) -> bool:
        return self.job.running

    def start(self) -> None:
        from bowebb_console.services import review  # SQLAlchemy stays off the start-up path

        if self.job.start(
            review.check_log, self.ctx.database, on_result=self._result, on_error=self._error
        ):
            self.job.say(self.tr("Verifying the session log…"))

    def _result(self, result: VerifyResult) -> None:
        self.job.say(verify_words(result, short=True))
        self.result_label.setToolTip(verify_words(result))

    def _error(self, exc: BaseException) -> None:
        self.job.say(self.tr("The log could not be read: %1").replace("%1", error_text(exc)))
