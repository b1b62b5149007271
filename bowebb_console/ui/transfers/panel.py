"""The queue panel of the Transfers screen: one row per file with its progress, state and
SHA-256 or reason; file and total progress bars, speed and time left; cancel one file or all;
retry failed files (the engine resumes them); ask before replacing existing files.

The view owns the panel: it hands in the queue (``watch``) and listens to the signals (status
lines, finished batches, files to queue again); the panel never reaches back into the view."""

from __future__ import annotations

import posixpath
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services.transfers import FileDone
from bowebb_console.ui.kit.prompts import Prompts
from bowebb_console.ui.transfers.errors import shown_text
from bowebb_console.ui.transfers.models import QueueModel, QueueRow, human_size, percent
from bowebb_console.ui.transfers.queue import HostQueue


class QueuePanel(QGroupBox):
    status = Signal(str, bool)  # text, is an error
    batch_done = Signal(str)  # direction of a finished batch
    server_error = Signal(object)  # a batch failed as a whole
    resubmit = Signal(object, bool)  # file jobs to queue again, overwrite

    def __init__(self, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Queue"))
        self.prompts = prompts
        self.queue: HostQueue | None = None
        self._refused_rows = 0
        self._exists: dict[int, list[Any]] = {}  # batch id -> jobs refused as "exists"
        self._retry: list[Any] = []  # failed jobs that a retry resumes (.part / remote temp)
        self.queue_model = QueueModel(self)
        self.queue_table = QTableView()
        self.queue_table.setModel(self.queue_model)
        self.queue_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.queue_table.horizontalHeader().setSectionResizeMode(
            QueueModel.COL_DETAIL, QHeaderView.ResizeMode.Stretch
        )
        self.file_bar = QProgressBar()
        self.total_bar = QProgressBar()
        self.speed = QLabel()
        self.cancel_file = QPushButton(self.tr("Cancel file"))
        self.cancel_all = QPushButton(self.tr("Cancel all"))
        self.clear_done = QPushButton(self.tr("Clear finished"))
        self.retry_button = QPushButton(self.tr("Retry failed (resumes)"))
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self.retry_failed)
        self.cancel_file.clicked.connect(self._cancel_selected)
        self.cancel_all.clicked.connect(self.cancel_everything)
        self.clear_done.clicked.connect(self.queue_model.clear_finished)
        qlay = QVBoxLayout(self)
        qlay.addWidget(self.queue_table, 1)
        bars = QHBoxLayout()
        bars.addWidget(QLabel(self.tr("File")))
        bars.addWidget(self.file_bar, 1)
        bars.addWidget(QLabel(self.tr("Total")))
        bars.addWidget(self.total_bar, 1)
        bars.addWidget(self.speed)
        qlay.addLayout(bars)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.retry_button, self.cancel_file, self.cancel_all, self.clear_done):
            buttons.addWidget(b)
        qlay.addLayout(buttons)

    def watch(self, queue: HostQueue | None) -> None:
        """Show this queue's batches (None: disconnected, nothing to cancel)."""
        self.queue = queue
        if queue is None:
            return
        queue.planned.connect(self._planned)
        queue.progress.connect(self._progress)
        queue.file_done.connect(self._file_done)
        queue.batch_finished.connect(self._batch_finished)
        queue.batch_failed.connect(self._batch_failed)

    def _planned(self, batch_id: int, jobs: list[Any]) -> None:
        self.queue_model.add(
            [
                QueueRow((batch_id, i), j.direction, posixpath.basename(str(j.source)), j.size)
                for i, j in enumerate(jobs)
            ]
        )

    def _progress(self, batch_id: int, p: Any) -> None:
        self.queue_model.update((batch_id, p.file_index), done=p.file_done, state="running")
        self.file_bar.setValue(percent(p.file_done, p.file_total))
        self.total_bar.setValue(percent(p.total_done, p.total_bytes))
        left = "" if p.eta_s is None else self.tr(", %1 left").replace("%1", _duration(p.eta_s))
        self.speed.setText(f"{human_size(int(p.speed_bps))}/s{left}")

    def _file_done(self, done: FileDone) -> None:
        r = done.record
        detail = f"SHA-256 {r.sha256}" if r.result == "ok" else (r.reason or "")
        if done.job_index is None:  # refused while planning: a row of its own
            self._refused_rows += 1
            key = (done.batch_id, -self._refused_rows)
            self.queue_model.add(
                [QueueRow(key, r.direction, posixpath.basename(r.remote_path), r.size)]
            )
        else:
            key = (done.batch_id, done.job_index)
        if r.error_kind == "exists" and done.job is not None:
            job = done.job
            self._exists.setdefault(done.batch_id, []).append(job)
        retryable = r.result == "failed" and r.error_kind not in ("exists", "name_refused")
        if retryable and done.job is not None:
            self._retry.append(done.job)
            self.retry_button.setEnabled(True)
        moved = r.size if r.result == "ok" else r.bytes_transferred + (r.resumed_from or 0)
        self.queue_model.update(key, state=r.result, done=moved, detail=detail)
        if done.log_error is not None:
            text = (
                self.tr(
                    "The transfer of %1 could not be written to the session log, so the queue was "
                    "stopped: %2"
                )
                .replace("%1", r.local_name or r.remote_path)
                .replace("%2", shown_text(done.log_error))
            )
            self.status.emit(text, True)
            self.prompts.show_error(self.tr("Not logged"), text)

    def _batch_finished(self, batch_id: int, direction: str) -> None:
        self.batch_done.emit(direction)
        existing = self._exists.pop(batch_id, [])
        if existing:
            self._ask_overwrite(existing)

    def retry_failed(self) -> None:
        """Queue failed files again: the engine resumes from the verified part."""
        jobs, self._retry = self._retry, []
        self.resubmit.emit(jobs, False)
        self.retry_button.setEnabled(False)

    def _ask_overwrite(self, jobs: list[Any]) -> None:
        """Files are never replaced without asking: offer to queue them again, overwriting."""
        names = ", ".join(posixpath.basename(str(j.source)) for j in jobs[:5])
        more = "" if len(jobs) <= 5 else " …"
        where = self.tr("on the server") if jobs[0].direction == "upload" else self.tr("here")

        def answer(yes: bool) -> None:
            if yes:
                self.resubmit.emit(jobs, True)

        self.prompts.confirm(
            self.tr("Replace existing files?"),
            self.tr(
                "%Ln file(s) already exist %1 and were not transferred: %2. Replace them?",
                "",
                len(jobs),
            )
            .replace("%1", where)
            .replace("%2", names + more),
            answer,
            ok_text=self.tr("Replace"),
        )

    def _batch_failed(self, batch_id: int, exc: BaseException) -> None:
        self.server_error.emit(exc)

    def _cancel_selected(self) -> None:
        if self.queue is None:
            return
        for index in self.queue_table.selectionModel().selectedRows():
            row = self.queue_model.rows[index.row()]
            if row.key[1] >= 0 and row.state in ("queued", "running"):
                self.queue.cancel_file(*row.key)

    def cancel_everything(self) -> None:
        if self.queue is not None:
            self.queue.cancel_all()


def _duration(seconds: float) -> str:
    s = int(seconds)
    return (
        f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
    )
