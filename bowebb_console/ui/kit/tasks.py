"""The one background primitive: every blocking call (database, keyring, network) runs here.

A request runs as a plain callable on the runner's ``QThreadPool`` and reports through the
runner's own signals, queued to the GUI thread. No Qt object is made or deleted per request:
an earlier design gave each request a ``QObject`` for its signals, freed on the GUI thread
when ``finished`` arrived, while the worker could still be inside that very emit. That race
crashed or deadlocked the process (the GUI thread holding the GIL in the object's destructor,
the worker holding Qt's lock and waiting for the GIL). The runner outlives its workers: each
worker holds a reference to it, and a runner whose shutdown timed out is never freed.

The runner tags every request with an id so a stale result (an older request with the same
``tag``) is dropped, and waits for its pool on shutdown. Exceptions raised by the function
always arrive as ``error``; a request without an ``on_error`` callback sends them to
``sys.excepthook`` (the crash dialog), so nothing fails silently.
"""

from __future__ import annotations

import itertools
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# Runners whose shutdown timed out: kept alive so a late worker never emits on a freed object.
_abandoned: list[TaskRunner] = []


@dataclass
class _Pending:
    tag: str | None
    on_result: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_finished: Callable[[], None] | None
    owner: QObject | None = None

    def owner_gone(self) -> bool:
        """True once the widget that asked for this result was deleted (its window closed)."""
        return self.owner is not None and not shiboken6.isValid(self.owner)


class TaskRunner(QObject):
    """Runs callables on its own ``QThreadPool`` and reports back on the GUI thread."""

    # Emitted by workers; queued to this object's (the GUI) thread.
    _result = Signal(int, object)
    _error = Signal(int, object)
    _finished = Signal(int)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._latest: dict[str, int] = {}
        self._closed = False
        queued = Qt.ConnectionType.QueuedConnection
        self._result.connect(self._on_result, queued)
        self._error.connect(self._on_error, queued)
        self._finished.connect(self._on_finished, queued)

    def start(
        self,
        fn: Callable[..., Any],
        *args: Any,
        tag: str | None = None,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_finished: Callable[[], None] | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> int:
        """Run ``fn(*args, **kwargs)`` off the GUI thread; returns the request id.

        With a ``tag``, only the newest request of that tag reports ``on_result``/``on_error``;
        older ones are dropped as stale (their ``on_finished`` still runs). With an ``owner``
        (the widget that shows the result), no callback runs once that widget is deleted.
        """
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        rid = next(self._ids)
        self._pending[rid] = _Pending(tag, on_result, on_error, on_finished, owner)
        if tag is not None:
            self._latest[tag] = rid
        self._pool.start(self._work(rid, fn, args, kwargs))
        return rid

    def _work(
        self, rid: int, fn: Callable[..., Any], args: tuple, kwargs: dict
    ) -> Callable[[], None]:
        runner = self  # the closure keeps the runner (and its signals) alive while it runs

        def run() -> None:
            try:
                value = fn(*args, **kwargs)
            except BaseException as exc:
                runner._error.emit(rid, exc)
            else:
                runner._result.emit(rid, value)
            finally:
                runner._finished.emit(rid)

        return run

    def is_current(self, request_id: int, tag: str) -> bool:
        return self._latest.get(tag) == request_id

    @property
    def active_count(self) -> int:
        return len(self._pending)

    def _live(self, rid: int) -> _Pending | None:
        pending = self._pending.get(rid)
        if pending is None or self._closed or pending.owner_gone():
            return None
        if pending.tag is not None and self._latest.get(pending.tag) != rid:
            log.debug("dropping stale result of request %s (%s)", rid, pending.tag)
            return None
        return pending

    @Slot(int, object)
    def _on_result(self, rid: int, value: object) -> None:
        pending = self._live(rid)
        if pending is not None and pending.on_result is not None:
            pending.on_result(value)

    @Slot(int, object)
    def _on_error(self, rid: int, exc: object) -> None:
        pending = self._live(rid)
        if pending is None:
            return
        assert isinstance(exc, BaseException)
        if pending.on_error is not None:
            pending.on_error(exc)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    @Slot(int)
    def _on_finished(self, rid: int) -> None:
        pending = self._pending.pop(rid, None)
        if pending is None:
            return
        if pending.tag is not None and self._latest.get(pending.tag) == rid:
            del self._latest[pending.tag]
        if pending.on_finished is not None and not self._closed and not pending.owner_gone():
            pending.on_finished()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Wait for the running tasks (tests); results are delivered by the event loop."""
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Refuse new tasks, wait for running ones, drop their late results. Idempotent."""
        self._closed = True
        self._pool.clear()  # queued, not yet started
        done = self._pool.waitForDone(timeout_ms)
        if not done:
            log.warning("background tasks still running at shutdown")
            if self not in _abandoned:
                _abandoned.append(self)
        self._pending.clear()
        self._latest.clear()
        return done
