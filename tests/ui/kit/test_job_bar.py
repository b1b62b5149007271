"""One progress-and-cancel bar: the job's total and progress reach the bar, Cancel reaches
the job, one job at a time, and nothing is called back once the bar is gone."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import Qt

from bowebb_console.ui.kit.job_bar import JobBar


class FakeCtx:
    def __init__(self, runner) -> None:  # type: ignore[no-untyped-def]
        self.runner = runner


def test_progress_cancel_and_one_at_a_time(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    bar = JobBar(FakeCtx(runner))  # type: ignore[arg-type]
    qtbot.addWidget(bar)
    bar.show()
    started = threading.Event()
    results: list[object] = []

    def job(word: str, *, progress, cancel, total) -> str:  # type: ignore[no-untyped-def]
        total(100)
        progress(40)
        started.set()
        while not cancel():
            time.sleep(0.005)
        return f"{word} cancelled"

    assert bar.start(job, "verify", on_result=results.append, on_error=results.append)
    assert bar.running and bar.cancel_button.isVisible()
    qtbot.waitUntil(lambda: bar.bar.value() == 40)
    assert bar.bar.maximum() == 100
    assert not bar.start(job, "export", on_result=results.append, on_error=results.append)
    qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.running)
    assert results == ["verify cancelled"] and not bar.cancel_button.isVisible()


def test_no_callback_once_the_bar_is_gone(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    bar = JobBar(FakeCtx(runner))  # type: ignore[arg-type]
    release = threading.Event()
    results: list[object] = []

    def job(*, progress, cancel, total) -> str:  # type: ignore[no-untyped-def]
        release.wait(5)
        return "late"

    bar.start(job, on_result=results.append, on_error=results.append)
    bar.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(bar))
    release.set()
    runner.wait(5_000)
    qtbot.wait(50)
    assert results == []
