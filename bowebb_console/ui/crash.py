"""Crash handling: logging to a rotating file, faulthandler, and the unhandled-exception hook.

PySide6 sends exceptions raised in slots, event handlers and ``QRunnable.run`` to
``sys.excepthook``; Python threads go through ``threading.excepthook``. :class:`CrashHandler`
takes both, logs the exception type and traceback only (no message, no locals: either may hold
personal data) and shows a dialog on the GUI thread — a call from another thread is marshalled
there by a queued signal.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading
import traceback
from types import TracebackType
from typing import IO

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from bowebb_console.config import Paths

log = logging.getLogger("bowebb_console.crash")

_fault_file: IO[str] | None = None


def configure_logging(paths: Paths, level: int = logging.INFO) -> logging.Handler:
    """Root logger → ``paths.log_file`` (rotating, 1 MB × 5). Returns the handler."""
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    # Alembic narrates every migration step at INFO; only its warnings are worth a line.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return handler


def enable_faulthandler(paths: Paths) -> None:
    """Hard crashes (segfaults in Qt, deadlocks on SIGABRT) dump all threads' stacks here."""
    global _fault_file
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    _fault_file = open(paths.log_dir / "faulthandler.log", "a", encoding="utf-8")  # noqa: SIM115
    faulthandler.enable(_fault_file, all_threads=True)


def safe_traceback(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    """Exception type(s) and frames only — no message text, no locals."""
    parts: list[str] = []
    seen: set[int] = set()
    current_type: type[BaseException] | None = exc_type
    current: BaseException | None = exc
    current_tb = tb
    while current_type is not None:
        frames = "".join(traceback.format_tb(current_tb)) if current_tb else ""
        name = f"{current_type.__module__}.{current_type.__qualname__}"
        parts.insert(0, f"Traceback (most recent call last):\n{frames}{name}\n")
        if current is None or id(current) in seen:
            break
        seen.add(id(current))
        nxt = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        if nxt is None:
            break
        parts.insert(0, "\nThe above led to:\n")
        current, current_type, current_tb = nxt, type(nxt), nxt.__traceback__
    return "".join(parts)


class CrashHandler(QObject):
    """Install with :meth:`install`; restores the previous hooks on :meth:`uninstall`."""

    crashed = Signal(str, str)  # exception type name, details for the dialog

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: QMessageBox | None = None
        self.count = 0
        self._previous: tuple = ()
        # The handler lives on the GUI thread: emits from workers are queued to it.
        self.crashed.connect(self._show, Qt.ConnectionType.AutoConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = ()

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        try:
            self.count += 1
            details = safe_traceback(exc_type, exc, tb)
            log.error("Unhandled exception in %s:\n%s", threading.current_thread().name, details)
            message = f"{exc_type.__name__}: {exc}" if exc is not None and str(exc) else ""
            self.crashed.emit(exc_type.__name__, f"{message}\n\n{details}".strip())
        except Exception:
            sys.__excepthook__(exc_type, exc if exc is not None else exc_type(), tb)

    @Slot(str, str)
    def _show(self, _type_name: str, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; every exception is in the log
        parent: QWidget | None = QApplication.activeWindow()
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("BoWebb Console — unexpected error"))
        box.setText(
            self.tr(
                "Something went wrong inside the console. What you were doing may not have "
                "finished; nothing is reported as saved that was not saved.\n\nIf it happens "
                "again, send the log file to the console's maintainers."
            )
        )
        box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget)
        self.dialog = box
        box.show()

    @Slot()
    def _forget(self) -> None:
        self.dialog = None
