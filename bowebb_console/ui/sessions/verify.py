""" "Verify log integrity" for leads and admins: recompute the whole chain off the GUI thread,
with progress and cancel, and say the result in plain words."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.ui.sessions.labels import alive

if TYPE_CHECKING:
    from bowebb_console.domain.hashchain import VerifyResult
    from bowebb_console.ui.kit.context import AppContext


class _Progress(QObject):
    """Emitted from the worker thread; delivered (queued) on the GUI thread."""

    total = Signal(int)
    done = Signal(int)


def _verify(ctx: AppContext, progress: _Progress, stop: threading.Event) -> VerifyResult:
    from bowebb_console.store.log.chain import log_head
    from bowebb_console.store.log.verify import verify_log

    progress.total.emit(log_head(ctx.database).seq)
    return verify_log(ctx.database, progress=progress.done.emit, cancel=stop.is_set)


class VerifyLogBox(QWidget):
    """A button, a progress bar with Cancel, and the result line."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stop = threading.Event()
        self._progress = _Progress(self)
        self._progress.total.connect(self._total)
        self._progress.done.connect(self._done)
        self.button = QPushButton(self.tr("Verify log integrity"))
        self.button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._stop.set)
        self.cancel_button.hide()
        self.bar = QProgressBar()
        self.bar.hide()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        row.addStretch(0)
        self.button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        self.running = False

    def start(self) -> None:
        if self.running:
            return
        self.running = True
        self._stop.clear()
        self.button.setEnabled(False)
        self.cancel_button.show()
        self.bar.setRange(0, 0)
        self.bar.show()
        self.result_label.setText(self.tr("Verifying the session log…"))
        self.ctx.runner.start(
            _verify,
            self.ctx,
            self._progress,
            self._stop,
            tag="sessions.verify",
            on_result=alive(self, self._result),
            on_error=alive(self, self._error),
            on_finished=alive(self, self._finished),
        )

    def _total(self, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(0)

    def _done(self, count: int) -> None:
        self.bar.setValue(count)

    def _finished(self) -> None:
        self.running = False
        self.button.setEnabled(True)
        self.cancel_button.hide()
        self.bar.hide()

    def _result(self, result: VerifyResult) -> None:
        self.result_label.setText(self.describe(result))

    def _error(self, exc: BaseException) -> None:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()
        self.result_label.setText(
            self.tr("The log could not be read (%1). Check the connection and try again.").replace(
                "%1", reason[0][:200] if reason else type(exc).__name__
            )
        )

    def describe(self, result: Any) -> str:
        if result.cancelled:
            return self.tr("Cancelled after %n event(s); nothing was concluded.", "", result.events)
        problem = result.problem
        if problem is None:
            text = self.tr("%n event(s), chain intact, head %1", "", result.events)
            text = text.replace("%1", result.head)
            if result.erased_payloads:
                text += " " + self.tr(
                    "(%n payload(s) erased, as allowed)", "", result.erased_payloads
                )
            return text
        kinds = {
            "changed": self.tr("an event was changed after it was logged"),
            "missing": self.tr("an event is missing (deleted)"),
            "duplicate": self.tr("a sequence number appears twice or out of order"),
            "inserted": self.tr("an event was inserted between two logged events"),
            "reordered": self.tr("two events swapped places"),
            "broken_link": self.tr("the link to the previous event is broken"),
            "payload": self.tr("an event's details no longer match what was logged"),
            "anchor": self.tr("the exported head is gone or no longer matches"),
        }
        what = kinds.get(problem.kind, problem.kind)
        return (
            self.tr("The log is NOT intact: at event %1, %2.")
            .replace("%1", str(problem.seq))
            .replace("%2", what)
            + f" ({problem.message})"
        )
