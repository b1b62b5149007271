"""The idle lock engages after the (injected) timeout, hides the work, and unlocking gives it
back untouched; on PostgreSQL the password is checked against the server."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from bowebb_console.services.admin import ConnectError, Identity
from bowebb_console.ui.main_window import MainWindow


def test_idle_lock_keeps_typed_text_sqlite(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(make_ctx(demo_url), idle_lock_ms=150)
    qtbot.addWidget(window)
    # A field a user is typing into (the search box of a later screen, say).
    field = QLineEdit(window.views["customers"])
    window.show()
    qtbot.waitExposed(window)
    field.setFocus()
    qtbot.keyClicks(field, "Anna Svensson, 556680-9827")
    qtbot.waitUntil(lambda: window.locked, timeout=3_000)
    assert window.central.currentWidget() is window.lock_page
    assert not window.workspace.isVisible()  # the customer data is hidden while locked
    assert not window.settings_action.isEnabled()
    assert window.lock_page.password.isHidden()  # SQLite: no server password to ask for
    qtbot.mouseClick(window.lock_page.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.locked
    assert field.text() == "Anna Svensson, 556680-9827"
    assert window.settings_action.isEnabled()
    assert window.idle.active
    qtbot.waitUntil(lambda: not window.views["customers"].loading)


def test_input_postpones_the_lock(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(make_ctx(demo_url), idle_lock_ms=400)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for _ in range(5):
        qtbot.wait(150)
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=3_000)
    qtbot.waitUntil(lambda: not window.views["customers"].loading)


def test_postgres_lock_asks_for_the_password(qtbot, make_ctx, demo_url, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    ctx = make_ctx(demo_url)
    # The lock talks to the server through verify_password: give it a server-like identity.
    ctx.identity = Identity(user="anna", role="agent", dialect="postgresql")
    checked: list[tuple[str, str, str]] = []

    def verify(url: str, user: str, password: str) -> None:
        checked.append((url, user, password))
        if password != "right password":
            raise ConnectError("auth_failed", "The user name or password is wrong.")

    window = MainWindow(ctx, idle_lock_ms=100_000, verify_password=verify)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.lock_action.trigger()
    page = window.lock_page
    assert window.locked and page.password.isVisible()
    qtbot.keyClicks(page.password, "fel")
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.isVisible() and not page.busy)
    assert "Fel användarnamn eller lösenord" in page.message.text()
    assert window.locked
    page.password.clear()
    qtbot.keyClicks(page.password, "right password")
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)
    assert checked[-1] == (ctx.database_url, "anna", "right password")
    qtbot.waitUntil(lambda: not window.views["customers"].loading)
