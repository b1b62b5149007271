"""From a resolved database URL to a shown main window, without blocking the GUI thread.

SQLite: the main window's frame shows at once with an "Opening database…" page; once it has
painted, a worker reads the first page of customers with the standard library's sqlite3
(``services.customer_list.first_page``) and the lookup screen shows it, taking typing at once;
once that has painted, another worker opens the database (SQLAlchemy, the ORM: most of a
second of imports) and the screens are attached, the lookup screen handing over to the normal
path (or the page says why it failed).
PostgreSQL: a remembered password is tried first (keyring read on a worker); without one, or
when it fails, the sign-in dialog shows — with the reason. ``done`` carries the exit code
when start-up ends without a window (failure, cancelled sign-in).
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from bowebb_console.config import Paths, Settings, save_settings
from bowebb_console.domain.errors import ShownError
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.prompts import Prompts, QtPrompts
from bowebb_console.ui.kit.tasks import TaskRunner
from bowebb_console.ui.shell_errors import connect_error_text
from bowebb_console.ui.sign_in import OpenFn, SignedIn, SignInDialog, default_open_fn, sign_in

if TYPE_CHECKING:
    from bowebb_console.credentials import CredentialStore
    from bowebb_console.services.customer_list import FirstPage
    from bowebb_console.services.database import Database, Identity
    from bowebb_console.ui.main_window import MainWindow


def is_server_url(url: str) -> bool:
    """PostgreSQL needs a sign-in. A string test, so SQLAlchemy stays off the start-up path;
    anything malformed goes to ``services.admin.open_database``, which names the problem
    (``connect.bad_url``)."""
    return url.strip().lower().startswith(("postgresql", "postgres:"))


def make_credentials() -> CredentialStore | None:
    """Runs on a worker: probing keyring backends may talk to D-Bus."""
    try:
        from bowebb_console.credentials import CredentialStore

        return CredentialStore()
    except Exception:
        import logging

        logging.getLogger(__name__).warning("no credential store", exc_info=True)
        return None


def find_remembered(
    url: str, user: str, factory: Callable[[], CredentialStore | None] = make_credentials
) -> tuple[CredentialStore | None, str | None]:
    store = factory()
    if store is None or not user:
        return store, None
    from bowebb_console.credentials import CredentialError
    from bowebb_console.services.admin import password_account

    try:
        return store, store.get(password_account(url, user))
    except (CredentialError, ValueError):
        return store, None


def open_embedded(open_fn: OpenFn, url: str, demo: bool) -> tuple[Database, Identity]:
    """Runs on a worker: open the embedded database and, with ``--demo``, fill it if empty."""
    database, identity = open_fn(url)
    if demo:
        from bowebb_console.demo.fill import fill_database  # Faker: only when asked

        try:
            fill_database(database)
        except BaseException:
            database.dispose()
            raise
    return database, identity


class _AfterFirstPaint(QObject):
    """Calls ``then`` once, right after ``widget`` first painted."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.then: Callable[[], None] | None = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.then is not None:
            then, self.then = self.then, None
            QTimer.singleShot(0, then)
        return False


# The list's paint starts the database's imports; a window that never paints (hidden) must not
# keep them waiting longer than this.
LIST_PAINT_WAIT_MS = 500


class Startup(QObject):
    shown = Signal(object)  # MainWindow: its frame is shown, the database not open yet
    ready = Signal(object)  # MainWindow
    done = Signal(int)  # start-up ended without a window: the exit code

    def __init__(
        self,
        *,
        paths: Paths,
        settings: Settings,
        url: str,
        runner: TaskRunner,
        prompts: Prompts,
        demo: bool = False,
        smoke_test: bool = False,
        open_fn: OpenFn = default_open_fn,
        credentials_factory: Callable[[], CredentialStore | None] = make_credentials,
        first_page: bool = True,
    ) -> None:
        """``first_page``: on the embedded database, show the first customers read without
        SQLAlchemy while the database opens (see the module's docstring)."""
        super().__init__()
        self.paths, self.settings, self.url = paths, settings, url
        self.runner, self.prompts = runner, prompts
        self.demo, self.smoke_test, self.open_fn = demo, smoke_test, open_fn
        self.credentials_factory = credentials_factory
        self.credentials: CredentialStore | None = None
        self.dialog: SignInDialog | None = None
        self.window: MainWindow | None = None
        self.failure = ""
        self.first_page = first_page
        self._opening = False

    def _parent_prompts(self, window: QWidget) -> None:
        if isinstance(self.prompts, QtPrompts):
            self.prompts.set_parent_widget(window)

    def start(self) -> None:
        if is_server_url(self.url):
            self._server()
        else:
            self._embedded()

    # -- SQLite -----------------------------------------------------------------------------
    def _embedded(self) -> None:
        from bowebb_console.ui.main_window import MainWindow

        self.window = MainWindow(paths=self.paths)
        self._parent_prompts(self.window)
        # Open the database once the frame has painted: the worker's imports (SQLAlchemy)
        # hold the GIL and would otherwise delay the first paint the user waits for.
        self._after_first_paint = _AfterFirstPaint(self.window, self._read_first_page)
        self.window.show()
        self.shown.emit(self.window)

    def _read_first_page(self) -> None:
        if not self.first_page or self.demo:  # --demo may fill an empty database first
            self._open_embedded()
            return
        from bowebb_console.services.customer_list import first_page

        self.runner.start(
            first_page,
            self.url,
            on_result=self._show_first_page,
            on_error=lambda _exc: self._no_first_page(),  # the normal path says what is wrong
        )
        if self.window is not None:  # meanwhile, the screen that shows it
            self.window.prepare_first_page()

    def _no_first_page(self) -> None:
        if self.window is not None:
            self.window.drop_first_page()
        self._open_embedded()

    def _show_first_page(self, page: FirstPage | None) -> None:
        window = self.window
        if page is None or window is None or window.ctx is not None:
            self._no_first_page()
            return
        window.show_first_page(page)
        view = window.early_lookup
        if view is None:
            self._open_embedded()
            return
        # The database's imports hold the GIL: they start once the list has painted.
        self._after_list = _AfterFirstPaint(view.results.viewport(), self._open_embedded)
        QTimer.singleShot(LIST_PAINT_WAIT_MS, self._open_embedded)

    def _open_embedded(self) -> None:
        if self._opening:
            return
        self._opening = True
        self.runner.start(
            open_embedded,
            self.open_fn,
            self.url,
            self.demo,
            on_result=lambda pair: self._opened(SignedIn(pair[0], pair[1], pair[1].user, "", "")),
            on_error=self._fatal,
        )

    # -- PostgreSQL -------------------------------------------------------------------------
    def _user(self) -> str:
        try:
            from_url = urlsplit(self.url).username or ""
        except ValueError:
            from_url = ""
        return (
            from_url
            or self.settings.last_user
            or ("" if not self.smoke_test else getpass.getuser())
        )

    def _server(self) -> None:
        user = self._user()
        if self.smoke_test:
            password = os.environ.get("BOWEBB_PASSWORD")
            if not password:
                self._fail("PostgreSQL smoke test: set BOWEBB_PASSWORD (and a user in the URL).")
                return
            self.runner.start(
                sign_in, self.open_fn, self.url, user, password, False, None,
                on_result=self._opened, on_error=self._fatal,
            )  # fmt: skip
            return
        self.runner.start(
            find_remembered, self.url, user, self.credentials_factory,
            on_result=lambda found: self._remembered(user, *found), on_error=self._fatal,
        )  # fmt: skip

    def _remembered(self, user: str, store: CredentialStore | None, password: str | None) -> None:
        self.credentials = store
        if password is None:
            self._ask(user, "", remember=False)
            return
        self.runner.start(
            sign_in, self.open_fn, self.url, user, password, True, None,
            on_result=self._opened,
            on_error=lambda exc: self._ask(user, connect_error_text(exc), remember=True),
        )  # fmt: skip

    def _ask(self, user: str, message: str, *, remember: bool) -> None:
        self.dialog = SignInDialog(
            self.url,
            display_url(self.url),
            runner=self.runner,
            open_fn=self.open_fn,
            credentials=self.credentials,
            user=user,
            remember=remember,
            message=message,
        )
        self.dialog.accepted.connect(lambda: self._opened(self.dialog.signed_in))
        self.dialog.rejected.connect(lambda: self.done.emit(0))
        self.dialog.open()

    # -- both -------------------------------------------------------------------------------
    def _opened(self, result: SignedIn | None) -> None:
        assert result is not None
        from bowebb_console.ui.main_window import MainWindow

        if result.identity.dialect == "postgresql" and result.user != self.settings.last_user:
            self.settings.last_user = result.user
            with contextlib.suppress(OSError, ValueError):
                save_settings(self.paths, self.settings)
        ctx = AppContext(
            paths=self.paths,
            settings=self.settings,
            database=result.database,
            identity=result.identity,
            runner=self.runner,
            prompts=self.prompts,
            database_url=self.url,
            credentials=self.credentials,
        )
        if self.window is not None and self.window.ctx is None:
            window = self.window
            window.attach(ctx)
        else:  # signed in (PostgreSQL): the first screen with its data first, as above
            window = MainWindow(paths=self.paths)
            window.attach(ctx)
            self._parent_prompts(window)
            self.window = window
            window.show()
        note = self._saved_note(result)
        if note:
            window.show_message(note, 15_000)
        if ctx.credentials is None and not self.smoke_test:
            self.runner.start(
                self.credentials_factory, on_result=lambda store: setattr(ctx, "credentials", store)
            )
        self.ready.emit(window)

    def _saved_note(self, result: SignedIn) -> str:
        if result.saved_in == "keyring":
            return self.tr("Password saved in %1.").replace("%1", result.detail)
        if result.saved_in == "memory":
            return self.tr("No secure keyring: the password is kept only until you quit.")
        if result.saved_in == "error":
            return self.tr("The password could not be saved: %1").replace("%1", result.detail)
        return ""

    def _fatal(self, exc: BaseException) -> None:
        text = connect_error_text(exc)
        if not isinstance(exc, ShownError):
            self.failure = text
            if self.window is not None:
                self.window.show_failure(text)
            raise exc  # a bug: the crash dialog and the log get it
        self._fail(text)

    def _fail(self, text: str) -> None:
        self.failure = text
        if self.smoke_test:
            print(f"BoWebb Console could not start: {text}", file=sys.stderr)
            self.done.emit(1)
            return
        if self.window is not None:
            # The window stays, showing why; Settings is there to fix the database URL.
            self.window.show_failure(text)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("BoWebb Console"), text)
        box.setInformativeText(self.tr("Check the database under Settings, then start again."))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self.done.emit(1))
        self._box = box
        box.open()


def display_url(url: str) -> str:
    """The URL to show in the sign-in dialog: never a password, even when malformed."""
    from bowebb_console.services.admin import display_url as shown

    return shown(url)
