"""The import's second thread: it writes to the database while the first checks the file.

Checking a row is Python (the GIL held); writing rows is the database's work (SQLite's C code
and PostgreSQL's server, the GIL released while they run). So the import hands each batch of
checked rows to this thread and goes on checking the next: on two cores the check and the
writes overlap instead of adding up (docs/performance.md, "Writing while checking").

One connection, used by one thread at a time: the checking thread never touches it while the
writer is open, and :meth:`ImportWriter.close` waits for the writer to stop before the
connection is used again (for the rest of the import, or the caller's rollback)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

# Jobs waiting for the writer at most (a job holds one batch of rows: memory stays bounded,
# and a checker far ahead of the writer waits for it).
DEPTH = 2

Job = Callable[[], None]


class ImportWriter:
    """Runs the jobs given to it one at a time, in order, on its own thread. The first job
    that fails stops the rest; its exception is raised to the giver at the next :meth:`put`
    or at :meth:`close`."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[Job | None] = queue.Queue(maxsize=DEPTH)
        self._error: BaseException | None = None
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="bowebb-import-writer", daemon=True)
        self._thread.start()

    def put(self, job: Job) -> None:
        """Queue ``job`` (waiting while DEPTH jobs wait); the writer's error, if one failed."""
        self._raise()
        self._jobs.put(job)

    def close(self, *, discard: bool = False) -> None:
        """Wait until the writer has done its jobs and stopped (``discard``: skip those not
        begun yet: the import is failing anyway); then raise the error of a failed job,
        unless discarding."""
        self._stop = discard
        self._jobs.put(None)
        self._thread.join()
        if not discard:
            self._raise()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self._error is None and not self._stop:
                try:
                    job()
                except BaseException as exc:  # handed to the giver's thread
                    self._error = exc
