"""The per-host transfer queue: one batch at a time on the host's transfer connection, the
rest waiting, every one cancellable (in the spirit of Vorta's jobs manager). The batch runs
through ctx.runner (services.transfers.run_batch: the rules, the logging); the worker's
callbacks are signals of this GUI-thread object, so they arrive queued on the GUI thread (and
progress is already throttled to ~10 Hz by the worker)."""

from __future__ import annotations

import itertools
from collections import deque
from typing import Any

from PySide6.QtCore import QObject, Signal

from bowebb_console.services.transfers import Batch, Link, run_batch
from bowebb_console.ui.kit.context import AppContext


class HostQueue(QObject):
    planned = Signal(int, object)  # batch id, list[FileJob]
    progress = Signal(int, object)  # batch id, Progress
    file_done = Signal(object)  # FileDone
    batch_finished = Signal(int, str)  # batch id, direction
    batch_failed = Signal(int, object)  # batch id, exception
    skipped = Signal(int)  # a waiting batch cancelled before it started

    _ids = itertools.count(1)

    def __init__(self, ctx: AppContext, link: Link, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.link = link
        self.waiting: deque[Batch] = deque()
        self.running: Batch | None = None
        self.batches: dict[int, Batch] = {}

    @property
    def busy(self) -> bool:
        return self.running is not None or bool(self.waiting)

    def submit(
        self,
        direction: Any,
        sources: list[tuple[str, bool]],
        target: str,
        session_uuid: str,
        *,
        overwrite: bool = False,
    ) -> Batch:
        batch = Batch(next(self._ids), direction, sources, target, session_uuid, overwrite)
        self.batches[batch.batch_id] = batch
        self.waiting.append(batch)
        self._next()
        return batch

    def _next(self) -> None:
        if self.running is not None or not self.waiting:
            return
        batch = self.running = self.waiting.popleft()
        self.ctx.runner.start(
            run_batch,
            self.ctx.database,
            self.ctx.identity,
            self.link,
            batch,
            planned=self.planned.emit,
            progress=self.progress.emit,
            file_done=self.file_done.emit,
            on_error=lambda exc, b=batch: self.batch_failed.emit(b.batch_id, exc),
            on_finished=lambda b=batch: self._finished(b),
        )

    def _finished(self, batch: Batch) -> None:
        self.running = None
        self.batch_finished.emit(batch.batch_id, batch.direction)
        self._next()

    def cancel_file(self, batch_id: int, index: int) -> None:
        batch = self.batches.get(batch_id)
        if batch is not None and 0 <= index < len(batch.jobs):
            batch.jobs[index].cancel.set()

    def cancel_all(self) -> None:
        """Stop the running file, skip its batch's rest (each logged as cancelled) and drop
        the waiting batches (nothing of them was attempted)."""
        while self.waiting:
            self.skipped.emit(self.waiting.popleft().batch_id)
        if self.running is not None:
            self.running.cancel_all.set()

    def detail(self) -> dict[str, Any]:
        return {"running": self.running, "waiting": len(self.waiting)}
