"""Start-up: the embedded database opens behind a painted window; a remembered PostgreSQL
password is tried first and, when refused, the sign-in dialog says why; the smoke test runs
the real entry point."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from bowebb_console.config import Settings
from bowebb_console.services.admin import ConnectError, open_database, password_account
from bowebb_console.ui.main_window import NAV_KEYS, MainWindow
from bowebb_console.ui.startup import Startup, open_embedded

PG_URL = "postgresql://db.example.se/bowebb"


@pytest.fixture
def started(qtbot, fresh_paths, runner, prompts):  # type: ignore[no-untyped-def]
    made: list[Startup] = []

    def make(url: str, **kwargs) -> Startup:  # type: ignore[no-untyped-def]
        startup = Startup(
            paths=fresh_paths,
            settings=kwargs.pop("settings", Settings()),
            url=url,
            runner=runner,
            prompts=prompts,
            **kwargs,
        )
        made.append(startup)
        startup.start()
        return startup

    yield make
    runner.shutdown(10_000)
    for startup in made:
        window = startup.window
        if window is not None:
            window.close()
            ctx = getattr(window, "ctx", None)
            if ctx is not None:
                ctx.database.dispose()
        if startup.dialog is not None:
            startup.dialog.close()


def test_embedded_window_paints_before_the_database_is_open(qtbot, started, demo_url) -> None:  # type: ignore[no-untyped-def]
    startup = started(demo_url)
    window = startup.window
    assert isinstance(window, MainWindow) and window.isVisible()
    assert window.ctx is None  # the frame shows at once; the database opens on a worker
    with qtbot.waitSignal(startup.ready, timeout=20_000):
        pass
    # The embedded database's user is an admin: every screen, the Privacy screen last.
    assert window.ctx is not None and window.nav.count() == len(NAV_KEYS) == 8
    customers = window.views["customers"]
    qtbot.waitUntil(lambda: not customers.loading)
    assert customers.model.rowCount() == 50


def test_customers_show_before_the_other_screens_are_built(qtbot, started, demo_url) -> None:  # type: ignore[no-untyped-def]
    """Issue 18, item 12: at start-up only the customer list is built before its data shows;
    the other screens follow one at a time, and one asked for early is built at once."""
    from PySide6.QtTest import QTest

    startup = started(demo_url)
    window = startup.window
    with qtbot.waitSignal(startup.ready, timeout=20_000):
        pass
    assert dict.__contains__(window.views, "customers")
    assert not dict.__contains__(window.views, "review")  # not yet
    customers = window.views["customers"]
    qtbot.waitUntil(lambda: not customers.loading)
    assert customers.model.rowCount() == 50
    # Ctrl+2 before the Sessions screen was built: shown at once, built on the way.
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "sessions"
    assert window.pages.currentWidget() is window.views["sessions"]
    assert window.pages.currentWidget().isVisible()
    # The rest follow without being asked for, and the navigation stays where the user is.
    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    qtbot.waitUntil(lambda: all(dict.__contains__(window.views, k) for k in keys))
    assert window.current_key() == "sessions"
    assert window.pages.count() == window.nav.count()
    for i in range(window.nav.count()):
        key = window.nav.item(i).data(Qt.ItemDataRole.UserRole)
        assert window.pages.widget(i) is window.views[key]


def test_embedded_failure_is_shown_in_the_window(qtbot, started, tmp_path) -> None:  # type: ignore[no-untyped-def]
    startup = started(f"sqlite:///{tmp_path}")  # a directory, not a database file
    qtbot.waitUntil(lambda: bool(startup.failure), timeout=20_000)
    window = startup.window
    assert "could not be opened" in window.opening_page.label.text()
    assert window.settings_action.isEnabled()  # to fix the URL
    assert window.identity_label.text() == "Not connected"


def test_demo_fills_an_empty_embedded_database_on_the_worker(sqlite_url) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    database, identity = open_embedded(open_database, sqlite_url, True)
    try:
        with database.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM customer")).scalar() == 2000
        assert identity.dialect == "sqlite"
    finally:
        database.dispose()
    database, _ = open_embedded(open_database, sqlite_url, False)
    database.dispose()


def remembering(memory_credentials, user: str, password: str):  # type: ignore[no-untyped-def]
    memory_credentials.store(password_account(PG_URL, user), password)
    return lambda: memory_credentials


def test_a_remembered_password_is_used_first(qtbot, started, demo_url, memory_credentials) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[str | None, str | None]] = []

    def open_fn(url: str, *, user=None, password=None):  # type: ignore[no-untyped-def]
        calls.append((user, password))
        return open_database(demo_url)

    startup = started(
        PG_URL,
        settings=Settings(last_user="anna"),
        open_fn=open_fn,
        credentials_factory=remembering(memory_credentials, "anna", "kept secret"),
    )
    with qtbot.waitSignal(startup.ready, timeout=20_000):
        pass
    assert calls == [("anna", "kept secret")]
    assert startup.dialog is None
    assert startup.window.ctx.credentials is memory_credentials


def test_a_refused_remembered_password_opens_the_dialog_with_the_reason(
    qtbot, started, demo_url, memory_credentials, language
) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    calls: list[tuple[str | None, str | None]] = []

    def open_fn(url: str, *, user=None, password=None):  # type: ignore[no-untyped-def]
        calls.append((user, password))
        if password != "new password":
            raise ConnectError("auth_failed", "The user name or password is wrong.")
        return open_database(demo_url)

    startup = started(
        PG_URL,
        settings=Settings(last_user="anna"),
        open_fn=open_fn,
        credentials_factory=remembering(memory_credentials, "anna", "old password"),
    )
    qtbot.waitUntil(lambda: startup.dialog is not None, timeout=20_000)
    dialog = startup.dialog
    assert "Fel användarnamn eller lösenord" in dialog.message_label.text()
    assert dialog.user_edit.text() == "anna" and dialog.remember_check.isChecked()
    qtbot.keyClicks(dialog.password_edit, "new password")
    with qtbot.waitSignal(startup.ready, timeout=20_000):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert calls == [("anna", "old password"), ("anna", "new password")]
    assert memory_credentials.get(password_account(PG_URL, "anna")) == "new password"
    assert startup.window.isVisible()


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "bowebb_console", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


def test_smoke_test_opens_and_paints(demo_url, fresh_paths) -> None:  # type: ignore[no-untyped-def]
    done = run_cli("--smoke-test", "--db", demo_url)
    assert done.returncode == 0, done.stderr
    assert fresh_paths.log_file.exists()


def test_smoke_test_says_why_it_failed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    done = run_cli("--smoke-test", "--db", "mysql://db.example.se/bowebb")
    assert done.returncode == 1
    assert "could not start" in done.stderr and "URL" in done.stderr
    done = run_cli("--smoke-test", "--db", PG_URL, env={"BOWEBB_PASSWORD": ""})
    assert done.returncode == 1 and "BOWEBB_PASSWORD" in done.stderr


def test_smoke_test_against_postgres(pg_db) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db import users
    from bowebb_console.store.db.engine import make_engine
    from bowebb_console.store.db.setup import init_database

    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    agent = pg_db.login_name("agent")
    admin = make_engine(pg_db.admin_url_str)
    with admin.begin() as conn:
        users.add_user(conn, agent, "agent", "a long enough password 1")
    admin.dispose()
    done = run_cli(
        "--smoke-test",
        "--db",
        pg_db.url_for(agent),
        env={"BOWEBB_PASSWORD": "a long enough password 1"},
    )
    assert done.returncode == 0, done.stderr


def test_a_refused_url_says_why_in_swedish(qtbot, started, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    startup = started("sqlite://")  # names no file
    qtbot.waitUntil(lambda: bool(startup.failure), timeout=20_000)
    text = startup.window.opening_page.label.text()
    assert text.startswith("Databasens URL är ogiltig.")
    assert text.endswith("SQLite-URL:en anger ingen fil (sqlite:///sökväg/till/fil.sqlite3).")
    assert "names no file" not in text and "Error" not in text


def _texts(view) -> list[list[str]]:  # type: ignore[no-untyped-def]
    model = view.model
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _held_open(event):  # type: ignore[no-untyped-def]
    """An open_fn that waits for ``event``: the database "takes long" to open."""

    def open_fn(url: str):  # type: ignore[no-untyped-def]
        assert event.wait(20), "the test never let the database open"
        return open_database(url)

    return open_fn


def test_first_page_shows_before_the_database_is_open_as_the_normal_path_shows_it(  # type: ignore[no-untyped-def]
    qtbot, started, demo_url, make_ctx, monkeypatch
) -> None:
    """Issue 18, item 12: the first customers show (read without SQLAlchemy) while the
    database opens: the same rows, texts and count as the lookup screen shows them."""
    import threading

    from bowebb_console.services import customer_list
    from bowebb_console.ui.customers.view import LookupView

    monkeypatch.setattr(customer_list, "BROWSE_LIMIT", 20)  # the demo's 50 stand in for 2,000
    gate = threading.Event()
    startup = started(demo_url, open_fn=_held_open(gate))
    window = startup.window
    qtbot.waitUntil(lambda: window.early_lookup is not None and not window.early_lookup.loading)
    early = window.early_lookup
    assert window.ctx is None and window.pages.currentWidget() is early
    assert early.count_label.text() == "20 of 50 customers"  # the true number, not the page
    assert early.results.currentIndex().row() == 0
    assert not early.new_button.isEnabled()  # needs the database
    shown = _texts(early)

    normal = LookupView(make_ctx(demo_url))  # the normal path, as the screen shows it
    qtbot.addWidget(normal)
    # The capped list shows its page count first, then the total once it is counted.
    qtbot.waitUntil(lambda: not normal.loading and normal.total == 50)
    assert _texts(normal) == shown and len(shown) == 20
    assert normal.count_label.text() == early.count_label.text()
    assert [normal.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        early.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)
    ]

    # Down twice, then the database opens: the list is checked, not reset; the place is kept.
    qtbot.keyClick(early.search, Qt.Key.Key_Down)
    qtbot.keyClick(early.search, Qt.Key.Key_Down)
    gate.set()
    with qtbot.waitSignal(startup.ready, timeout=20_000):
        pass
    assert window.views["customers"] is early and window.pages.widget(0) is early
    qtbot.waitUntil(lambda: startup.runner.active_count == 0, timeout=10_000)
    assert early.results.currentIndex().row() == 2
    assert _texts(early) == shown and early.count_label.text() == "20 of 50 customers"
    assert early.new_button.isEnabled()


def test_typing_before_the_database_is_open_is_searched_once_it_is(  # type: ignore[no-untyped-def]
    qtbot, started, demo_url
) -> None:
    """The user can type at once: the text stays, and it is searched when the database is
    open; Enter pressed meanwhile opens the top match's card then."""
    import threading

    from bowebb_console.services import customers

    gate = threading.Event()
    startup = started(demo_url, open_fn=_held_open(gate))
    window = startup.window
    qtbot.waitUntil(lambda: window.early_lookup is not None and not window.early_lookup.loading)
    early = window.early_lookup
    assert early.model.rowCount() == 50
    qtbot.keyClicks(early.search, "AB")
    qtbot.keyClick(early.search, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert early.loading and early.search.text() == "AB"  # nothing to search with yet
    gate.set()
    with qtbot.waitSignal(startup.ready, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: early.shown_query == "AB" and not early.loading, timeout=10_000)
    assert early.search.text() == "AB"
    _query, rows = customers.lookup(window.ctx.database, "AB")
    assert [early.model.row_at(i) for i in range(early.model.rowCount())] == rows
    qtbot.waitUntil(lambda: early.current_card is not None, timeout=10_000)
    assert early.current_card.customer.id == rows[0].customer_id
