"""One progress-and-cancel bar for long jobs (verify the log, export): a progress bar, a
Cancel button and the last result in plain words.

The job runs on ``ctx.runner`` as ``fn(*args, progress=..., cancel=..., total=...)``:
``total(n)`` and ``progress(done)`` come back through signals (queued to the GUI thread), and
Cancel sets an event the job polls between batches. Until the job says its total, the bar is
a busy indicator.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

if TYPE_CHECKING:
    from bowebb_console.ui.kit.context import AppContext


class _Progress(QObject):
    """Emitted from the worker thread; delivered (queued) on the GUI thread."""

    total = Signal(int)
    step = Signal(int)


class JobBar(QWidget):
    running_changed = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setObjectName("jobResult")
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._progress = _Progress(self)
        self._progress.total.connect(self._total)
        self._progress.step.connect(self.bar.setValue)
        self._cancel = threading.Event()
        self.running = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.result_label, 1)
        self._show(False)

    def _show(self, running: bool) -> None:
        self.running = running
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.running_changed.emit(running)

    def start(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        **kwargs: Any,
    ) -> bool:
        """Run ``fn(*args, **kwargs, progress=, cancel=, total=)``; False (nothing started)
        while another job of this bar runs."""
        if self.running:
            return False
        self._cancel.clear()
        self.bar.setRange(0, 0)  # busy until the job says its total
        self.bar.setValue(0)
        self._show(True)
        self.ctx.runner.start(
            fn,
            *args,
            **kwargs,
            progress=self._progress.step.emit,
            cancel=self._cancel.is_set,
            total=self._progress.total.emit,
            owner=self,
            on_result=on_result,
            on_error=on_error,
            on_finished=lambda: self._show(False),
        )
        return True

    def _total(self, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(0)

    def cancel(self) -> None:
        self._cancel.set()

    def say(self, text: str) -> None:
        self.result_label.setText(text)
