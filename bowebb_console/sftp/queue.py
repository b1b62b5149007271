"""Transfer jobs and their results: what a job is, what every attempted file ends as, progress
and cancel, and the per-host queue that runs jobs (small files several at once).

Every file that is attempted ends as exactly one TransferRecord handed to ``on_file_done``
(the session log turns it into a ``file_transferred`` event). One queue per host connection:
the engine drives its SFTP channel directly, so jobs on one connection never overlap. Retrying
a failed file is queueing its FileJob again: the engine resumes what is left.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

Direction = Literal["upload", "download"]
Result = Literal["ok", "failed", "cancelled"]


class CancelFlag(Protocol):
    """threading.Event, or anything else that says whether to stop."""

    def is_set(self) -> bool: ...


ProgressFn = Callable[[int, int], None]  # (bytes_done, total) of the current file
RecordFn = Callable[["TransferRecord"], None]


class Cancelled(Exception):
    """The user cancelled this file; raised between chunks."""


def check_cancel(cancel: CancelFlag | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class TransferRecord:
    """One finished file, with everything the ``file_transferred`` log event needs."""

    direction: Direction
    remote_path: str
    local_name: str  # file name only: the agent's own folders stay out of the shared log
    size: int  # size of the whole file (source side)
    sha256: str | None  # hex, of every byte sent or received; set only when result is ok
    host_key_fingerprint: str  # SHA256:... of the server
    resumed_from: int | None  # offset the transfer continued from, None if from the start
    duration_s: float
    result: Result
    reason: str | None  # why it failed or was cancelled, for people; never a secret
    error_kind: str | None  # SftpError kind (its code is "sftp." + kind)
    bytes_transferred: int  # over the wire in this attempt
    started_at: dt.datetime  # UTC
    # The SftpError's params, for a translated reason (the session log keeps ``reason``).
    error_params: tuple[tuple[str, str], ...] = ()


@dataclass
class Attempt:
    """One try at one file: what its TransferRecord will say."""

    direction: Direction
    remote_path: str
    local_name: str
    size: int = 0
    resumed_from: int | None = None
    moved: int = 0
    started_at: dt.datetime = field(default_factory=_now)
    t0: float = field(default_factory=time.monotonic)


class Meter:
    """After each chunk: count it, report progress at most every 50 ms (and at the end), then
    honour a cancel (after the report: a cancel from it counts)."""

    def __init__(
        self, a: Attempt, size: int, progress: ProgressFn | None, cancel: CancelFlag | None
    ) -> None:
        self._a = a
        self._size = size
        self._progress = progress
        self._cancel = cancel
        self._last = -1.0

    def __call__(self, n: int, done: int) -> None:
        self._a.moved += n
        now = time.monotonic()
        if now - self._last > 0.05 or done == self._size:
            self._last = now
            if self._progress:
                self._progress(done, self._size)
        check_cancel(self._cancel)


@dataclass
class FileJob:
    direction: Direction
    source: str  # remote path (download) or local path (upload)
    target_dir: Path | str  # local folder (download) or remote folder (upload)
    size: int
    overwrite: bool = False
    cancel: threading.Event = field(default_factory=threading.Event)  # cancel this file


@dataclass(frozen=True)
class Progress:
    file_index: int  # 0-based
    file_count: int
    source: str
    file_done: int
    file_total: int
    total_done: int
    total_bytes: int
    speed_bps: float  # smoothed
    eta_s: float | None


class JobRunner(Protocol):
    """What the queue needs of engine.TransferEngine."""

    def run_job(
        self,
        job: FileJob,
        *,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> TransferRecord: ...


class TransferQueue:
    """Runs file jobs with per-file and total progress: big files one after another, runs of
    small files several at once on the one channel (engine.run_jobs). ``cancel_all`` stops
    every file in flight and skips the rest (each skipped or stopped file is recorded as
    cancelled; one already renamed into place when the cancel came is recorded ok)."""

    def __init__(self, engine: JobRunner, on_progress: Callable[[Progress], None]) -> None:
        self.engine = engine
        self.on_progress = on_progress
        self.cancel_all = threading.Event()

    def run(self, jobs: list[FileJob]) -> list[TransferRecord]:
        total = sum(j.size for j in jobs)
        speed = _Speed()
        records: list[TransferRecord] = []
        done_of: dict[int, int] = {}  # bytes done of each file that has started
        finished = 0  # bytes of the files before the current group
        small = _small_limit(self.engine)

        def report(index: int, done: int, size: int) -> None:
            done_of[index] = done
            total_done = finished + sum(done_of.values())
            bps = speed.update(total_done)
            left = total - total_done
            self.on_progress(
                Progress(
                    index,
                    len(jobs),
                    jobs[index].source,
                    done,
                    size,
                    total_done,
                    total,
                    bps,
                    left / bps if bps > 0 else None,
                )
            )

        start = 0
        while start < len(jobs):
            end = start + 1
            while (
                small is not None
                and jobs[start].size <= small
                and end < len(jobs)
                and jobs[end].size <= small
                and jobs[end].direction == jobs[start].direction
            ):
                end += 1
            group = jobs[start:end]
            if len(group) > 1:
                # Several small files at once on the one channel (many.py).
                records += self.engine.run_jobs(  # type: ignore[attr-defined]
                    group,
                    progress=lambda i, done, size, base=start: report(base + i, done, size),
                    cancels=[_AnyEvent(j.cancel, self.cancel_all) for j in group],
                )
            else:
                job = group[0]
                one: ProgressFn = functools.partial(report, start)
                records.append(
                    self.engine.run_job(
                        job, progress=one, cancel=_AnyEvent(job.cancel, self.cancel_all)
                    )
                )
            done_of.clear()
            finished += sum(j.size for j in group)
            start = end
        return records


def _small_limit(engine: object) -> int | None:
    """Files up to this size go several at once (engine.run_jobs), if the engine can."""
    if not hasattr(engine, "run_jobs"):
        return None
    tuning = getattr(engine, "tuning", None)
    return int(getattr(tuning, "small_file_max", 0)) or None


class _AnyEvent:
    """Looks like a threading.Event that is set when either event is."""

    def __init__(self, *events: threading.Event) -> None:
        self._events = events

    def is_set(self) -> bool:
        return any(e.is_set() for e in self._events)


class _Speed:
    """Bytes per second, smoothed over about two seconds."""

    def __init__(self) -> None:
        self._t = time.monotonic()
        self._done = 0
        self.bps = 0.0

    def update(self, done: int) -> float:
        now = time.monotonic()
        dt_ = now - self._t
        if dt_ >= 0.25:
            rate = (done - self._done) / dt_
            self.bps = rate if self.bps == 0 else 0.8 * self.bps + 0.2 * rate
            self._t, self._done = now, done
        return self.bps
