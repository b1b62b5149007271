"""The GUI entry point: ``run_gui``.

Sets up logging, faulthandler and the crash hook, the QApplication (names, icon, style sheet,
translators), then hands over to :class:`~bowebb_console.ui.startup.Startup`, which opens the
database off the GUI thread (after a sign-in for PostgreSQL) and shows the main window.
Heavy modules (SQLAlchemy, keyring, Faker) are imported on workers, not here.
"""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from bowebb_console import STARTED, STARTED_EPOCH, __version__
from bowebb_console.config import Paths, load_settings, resolve_database_url
from bowebb_console.resources import resource_path

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_MS = 120_000


class _PaintWatch(QObject):
    """Smoke test: leave the event loop once the main window has painted with its data and
    has its database (on the embedded database the first customers show before it does)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.painted = False
        self.first_paint_ms: float | None = None
        self.ready_paint_ms: float | None = None
        self.attached_ms: float | None = None  # the database open, the screens attached
        self.window: QWidget | None = None  # set when the main window is shown

    def attached(self, window: QWidget) -> None:
        self.attached_ms = (time.perf_counter() - STARTED) * 1000
        self.watch(window)
        self._exit_when_done()

    def _exit_when_done(self) -> None:
        if self.painted and self.attached_ms is not None:
            QTimer.singleShot(0, lambda: self.app.exit(0))

    def watch(self, window: QWidget) -> None:
        if self.window is window:
            return  # shown, then ready: watched already
        self.window = window
        self.app.installEventFilter(self)  # any widget of it painting counts
        # The rows may paint a moment before the view says it has finished loading: once it
        # has, ask for one more paint, so the watch never waits for a paint that came early.
        self.poll = QTimer(self)
        self.poll.setInterval(20)
        self.poll.timeout.connect(self._poll)
        self.poll.start()

    def _poll(self) -> None:
        if self.window is not None and self._has_data(self.window):
            self.poll.stop()
            self.window.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and not self.painted
            and self.window is not None
            and isinstance(watched, QWidget)
            and watched.window() is self.window
            and self._has_data(self.window)
        ):
            self.painted = True
            self.ready_paint_ms = (time.perf_counter() - STARTED) * 1000
            self._exit_when_done()
        return False

    @staticmethod
    def _has_data(window: QObject) -> bool:
        """The customer list shows its rows (not only the window after the database opened):
        the early first page (embedded database) or the lookup screen's own search."""
        listed = getattr(window, "customers_listed", None)
        return bool(listed()) if callable(listed) else True


class _FirstPaint(QObject):
    """Smoke test: when the main window first painted (before its data arrived)."""

    def __init__(self, watch: _PaintWatch) -> None:
        super().__init__()
        self.watch = watch

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.watch.first_paint_ms is None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QMainWindow)
        ):
            self.watch.first_paint_ms = (time.perf_counter() - STARTED) * 1000
        return False


def _application(smoke_test: bool) -> tuple[QApplication, bool]:
    if smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    existing = QApplication.instance()
    if existing is not None:
        assert isinstance(existing, QApplication)
        return existing, False
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("BoWebb")
    app.setOrganizationDomain("bowebb.se")
    app.setApplicationName("BoWebb Console")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("bowebb-console")
    icon = resource_path("icons/bowebb.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style = resource_path("style.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app, True


def run_gui(db_url: str | None = None, *, demo: bool = False, smoke_test: bool = False) -> int:
    """Start the console; returns the process exit code."""
    from bowebb_console.ui.crash import CrashHandler, configure_logging, enable_faulthandler

    paths = Paths.from_environment()
    handler = configure_logging(paths)
    enable_faulthandler(paths)
    log.info("BoWebb Console %s starting", __version__)
    app, owned = _application(smoke_test)
    crash = CrashHandler()
    crash.install()

    from bowebb_console.ui.i18n import choose_language, install_translators
    from bowebb_console.ui.kit.prompts import QtPrompts
    from bowebb_console.ui.kit.tasks import TaskRunner
    from bowebb_console.ui.startup import Startup

    settings = load_settings(paths)
    install_translators(choose_language(settings.language))
    url = resolve_database_url(db_url, settings, paths)
    runner = TaskRunner()
    prompts = QtPrompts()
    startup = Startup(
        paths=paths,
        settings=settings,
        url=url,
        runner=runner,
        prompts=prompts,
        demo=demo,
        smoke_test=smoke_test,
    )
    startup.done.connect(app.exit)
    watch = _PaintWatch(app)
    first_paint = _FirstPaint(watch)
    if smoke_test:
        app.installEventFilter(first_paint)
        startup.shown.connect(watch.watch)
        startup.ready.connect(watch.attached)
        QTimer.singleShot(SMOKE_TIMEOUT_MS, lambda: app.exit(2))
    else:
        # Closing the splash or the sign-in dialog must not end the app: only the main window.
        app.setQuitOnLastWindowClosed(False)
        startup.ready.connect(lambda _w: app.setQuitOnLastWindowClosed(True))
    QTimer.singleShot(0, startup.start)
    code = app.exec()
    if smoke_test and code == 2:
        print("BoWebb Console could not start: the main window never painted.", file=sys.stderr)
        code = 1

    if code == 0 and startup.failure:
        code = 1
    if smoke_test:
        app.removeEventFilter(first_paint)
        app.removeEventFilter(watch)
        if code == 0:
            print(
                f"smoke test ok: main window painted {watch.first_paint_ms or 0:.0f} ms, "
                f"with its data {watch.ready_paint_ms or 0:.0f} ms after start "
                f"(start clock {STARTED_EPOCH:.3f}); database open and screens attached "
                f"{watch.attached_ms or 0:.0f} ms"
            )
    window = startup.window
    if window is not None:
        window.close()
    runner.shutdown()
    if window is not None and window.ctx is not None:
        window.ctx.database.dispose()
    if window is not None:
        window.deleteLater()
    crash.uninstall()
    logging.getLogger().removeHandler(handler)
    handler.close()
    if owned:
        app.processEvents()
    log.info("BoWebb Console exits with %s", code)
    return code
