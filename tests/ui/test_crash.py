"""The crash hook: an exception in a slot or a worker thread is logged (type and traceback,
no message) and shown in a non-blocking dialog on the GUI thread."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QThread, QTimer

from bowebb_console.ui.crash import CrashHandler, configure_logging


@pytest.fixture
def crash(qtbot, fresh_paths):  # type: ignore[no-untyped-def]
    handler = configure_logging(fresh_paths)
    crash = CrashHandler()
    crash.install()
    yield crash
    crash.uninstall()
    logging.getLogger().removeHandler(handler)
    handler.close()
    if crash.dialog is not None:
        crash.dialog.close()


class SecretError(RuntimeError):
    pass


PERSONAL = "anna.svensson@example.se"


def raise_in_slot() -> None:
    raise SecretError(PERSONAL)  # personal data in the message, known only at run time


def test_exception_in_a_slot_is_logged_and_shown(qtbot, crash, fresh_paths) -> None:  # type: ignore[no-untyped-def]
    QTimer.singleShot(0, raise_in_slot)
    qtbot.waitUntil(lambda: crash.dialog is not None and crash.dialog.isVisible())
    dialog = crash.dialog
    assert "Something went wrong" in dialog.text()
    assert "SecretError" in dialog.detailedText() and "raise_in_slot" in dialog.detailedText()
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = fresh_paths.log_file.read_text(encoding="utf-8")
    assert "SecretError" in log and "raise_in_slot" in log
    assert "SecretError" in dialog.detailedText() and PERSONAL in dialog.detailedText()
    assert PERSONAL not in log  # the message may hold personal data: never logged


def test_exception_in_a_thread_reaches_the_gui_thread(qtbot, crash) -> None:  # type: ignore[no-untyped-def]
    shown_on: list[bool] = []
    gui = QThread.currentThread()
    crash.crashed.connect(lambda *_: shown_on.append(QThread.currentThread() is gui))
    worker = threading.Thread(target=raise_in_slot, name="worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: crash.dialog is not None and crash.dialog.isVisible())
    assert shown_on == [True]
    assert crash.count == 1


def test_a_second_exception_does_not_stack_dialogs(qtbot, crash) -> None:  # type: ignore[no-untyped-def]
    QTimer.singleShot(0, raise_in_slot)
    QTimer.singleShot(0, raise_in_slot)
    qtbot.waitUntil(lambda: crash.count == 2)
    first = crash.dialog
    qtbot.wait(20)
    assert crash.dialog is first
