""" "Verify log integrity" for leads and admins (the Sessions and Review screens): recompute
the whole chain off the GUI thread on a :class:`JobBar` (progress, Cancel), and say the
result in plain words (:func:`verify_words`, also the PDF report's verification line)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from bowebb_console.ui.kit.errors import error_text
from bowebb_console.ui.kit.job_bar import JobBar

if TYPE_CHECKING:
    from bowebb_console.services.review import VerifyResult
    from bowebb_console.ui.kit.context import AppContext

C = "VerifyLog"
PROBLEMS = {
    "changed": QT_TRANSLATE_NOOP("VerifyLog", "an event was changed after it was logged"),
    "missing": QT_TRANSLATE_NOOP("VerifyLog", "an event is missing (deleted)"),
    "duplicate": QT_TRANSLATE_NOOP("VerifyLog", "a sequence number appears twice or out of order"),
    "inserted": QT_TRANSLATE_NOOP("VerifyLog", "an event was inserted between two logged events"),
    "reordered": QT_TRANSLATE_NOOP("VerifyLog", "two events swapped places"),
    "broken_link": QT_TRANSLATE_NOOP("VerifyLog", "the link to the previous event is broken"),
    "payload": QT_TRANSLATE_NOOP("VerifyLog", "an event's details no longer match what was logged"),
    "anchor": QT_TRANSLATE_NOOP("VerifyLog", "the exported head is gone or no longer matches"),
}


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(C, text, None, n)


def verify_words(result: VerifyResult) -> str:
    """The verification's result in the reader's language."""
    if result.cancelled:
        return _t("Verification was cancelled after %n event(s): no conclusion.", result.events)
    problem = result.problem
    if problem is None:
        text = _t("%n event(s), chain intact, head %1", result.events).replace("%1", result.head)
        if result.erased_payloads:
            text += " " + _t("(%n payload(s) erased, as allowed)", result.erased_payloads)
        return text
    what = _t(PROBLEMS.get(problem.kind, PROBLEMS["broken_link"]))
    return (
        _t(
            "The session log is NOT intact: at event %1, %2. Events from there on cannot be "
            "trusted; tell the privacy officer."
        )
        .replace("%1", str(problem.seq))
        .replace("%2", what)
    )


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
        self.job.say(verify_words(result))

    def _error(self, exc: BaseException) -> None:
        self.job.say(self.tr("The log could not be read: %1").replace("%1", error_text(exc)))
