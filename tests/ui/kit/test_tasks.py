"""The background primitive: results and errors arrive on the GUI thread, stale ones are
dropped, and shutdown waits for the pool."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QThread

from bowebb_console.ui.kit.tasks import TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:
    seen: list[tuple[object, bool]] = []
    gui = QThread.currentThread()

    def work(a: int, b: int) -> tuple[int, bool]:
        return a + b, QThread.currentThread() is gui

    runner.start(work, 2, 3, on_result=lambda v: seen.append((v, QThread.currentThread() is gui)))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [((5, False), True)]
    qtbot.waitUntil(lambda: runner.active_count == 0)


def test_exceptions_arrive_as_error(qtbot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []
    finished: list[bool] = []

    def boom() -> None:
        raise KeyError("nope")

    runner.start(boom, on_error=errors.append, on_finished=lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished))
    assert len(errors) == 1 and isinstance(errors[0], KeyError)


def test_a_stale_result_is_dropped(qtbot, runner: TaskRunner) -> None:
    release_first = threading.Event()
    results: list[str] = []
    done: list[str] = []

    def slow() -> str:
        release_first.wait(5)
        return "ab"

    runner.start(slow, tag="search", on_result=results.append, on_finished=lambda: done.append(1))
    runner.start(lambda: "abc", tag="search", on_result=results.append)
    qtbot.waitUntil(lambda: results == ["abc"])
    release_first.set()
    qtbot.waitUntil(lambda: bool(done))
    assert results == ["abc"]  # the slow, older request never repaints over the newer one


def test_shutdown_waits_and_refuses_new_work(qtbot) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    ran: list[bool] = []

    def work() -> None:
        gate.wait(5)
        ran.append(True)

    runner.start(work)
    threading.Timer(0.05, gate.set).start()
    assert runner.shutdown(5_000)
    assert ran == [True]
    with pytest.raises(RuntimeError):
        runner.start(work)


def test_many_emits_keep_the_interpreter_healthy() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to True on every Python-side emit and
    aborts the process after a few thousand (pyproject pins below it). Guard against it."""
    import gc
    import sys

    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(5_000):
        probe.ping.emit()
    worker = threading.Thread(target=lambda: [probe.ping.emit() for _ in range(5_000)])
    worker.start()
    worker.join()
    assert sys.getrefcount(True) >= before - 50  # 10,000 emits would have lost 10,000


def test_no_callback_runs_once_the_owner_is_deleted(qtbot, runner: TaskRunner) -> None:
    from PySide6.QtWidgets import QLabel

    gate = threading.Event()
    seen: list[str] = []
    label = QLabel()
    runner.start(
        gate.wait,
        5,
        owner=label,
        on_result=lambda _v: seen.append("result"),
        on_finished=lambda: seen.append("finished"),
    )
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label))
    gate.set()
    qtbot.waitUntil(lambda: runner.active_count == 0)
    assert seen == []  # the widget that would show it is gone: nothing touches it
