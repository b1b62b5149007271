"""Long review jobs (verify, export) with a progress bar and a Cancel button.

The job runs on ``ctx.runner``; progress comes back through a signal (queued to the GUI
thread) and Cancel sets an event the job polls between batches.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from bowebb_console.ui.kit.context import AppContext


def run_for(owner: QObject, runner: Any, fn: Callable[..., Any], *args: Any, **kw: Any) -> int:
    """``runner.start`` whose callbacks are dropped once ``owner`` is deleted (a result may
    arrive after the screen was closed)."""
    for name in ("on_result", "on_error", "on_finished"):
        callback = kw.get(name)
        if callback is not None:
            kw[name] = _guard(owner, callback)
    return int(runner.start(fn, *args, **kw))


def _guard(owner: QObject, callback: Callable[..., None]) -> Callable[..., None]:
    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return call


class Progress(QObject):
    step = Signal(int)


class JobBar(QWidget):
    """A progress bar, a Cancel button and the last result in plain words."""

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
        self.progress = Progress(self)
        self.progress.step.connect(self.bar.setValue)
        self._cancel = threading.Event()
        self.running = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.result_label, 1)
        self._show(False)

    def _show(self, running: bool) -> None:
        self.running = running
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)

    def start(
        self,
        total: int,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run ``fn(*args, progress=..., cancel=...)``; ``total`` events for the bar."""
        self._cancel.clear()
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(0)
        self.result_label.clear()
        self._show(True)
        run_for(
            self,
            self.ctx.runner,
            fn,
            *args,
            progress=self.progress.step.emit,
            cancel=self._cancel.is_set,
            on_result=on_result,
            on_error=on_error,
            on_finished=lambda: self._show(False),
        )

    def cancel(self) -> None:
        self._cancel.set()

    def say(self, text: str) -> None:
        self.result_label.setText(text)


def verify_job(ctx: AppContext, *, progress: Any, cancel: Any) -> Any:
    from bowebb_console.store.log.verify import verify_log

    return verify_log(ctx.database, progress=progress, cancel=cancel)


def head_seq(ctx: AppContext) -> int:
    from bowebb_console.store.log.chain import log_head

    return log_head(ctx.database).seq


def export_job(
    ctx: AppContext, query: Any, fmt: str, path: Path, *, progress: Any, cancel: Any
) -> tuple[int, Any] | None:
    """Verify, log the export, write the file; None when cancelled (nothing logged)."""
    from bowebb_console.store.review.export import begin_export, iter_rows, write_csv
    from bowebb_console.store.review.queries import count_sessions

    db = ctx.database
    total = count_sessions(db, query.flt, query.limits)
    header = begin_export(db, query.flt, fmt, total, progress=progress, cancel=cancel)
    if header is None:
        return None
    rows = iter_rows(db, query.flt, query.limits, query.sort, query.descending)
    if fmt == "csv":
        return write_csv(path, header, rows), header
    from bowebb_console.ui.review.pdf import write_pdf

    return write_pdf(db, path, header, rows), header
