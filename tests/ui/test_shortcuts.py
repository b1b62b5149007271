"""Keyboard shortcuts of the main window: Ctrl+<n> shows the n-th screen, F5 refreshes the
current screen, Ctrl+, opens Settings, Ctrl+L locks; and the main controls have accessible
names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from bowebb_console.ui.main_window import NAV_KEYS, MainWindow

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
)


def open_window(qtbot, ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    settled(qtbot, window)
    window.nav.setFocus()  # shortcuts go to the focused widget of the active window
    return window


def key(window: MainWindow, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(window.focusWidget() or window.nav, k, modifier)


def settled(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.ctx is not None
    runner = window.ctx.runner
    qtbot.waitUntil(lambda: runner.active_count == 0, timeout=10_000)


def test_ctrl_number_shows_each_screen_in_nav_order(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_ctx(demo_url))
    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    assert len(keys) == 8  # an admin is offered every screen
    for number, page in reversed(list(enumerate(keys, start=1))):
        key(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_key() == page
        assert window.pages.currentWidget() is window.views[page]
        assert window.screen_actions[page].shortcut().toString() == f"Ctrl+{number}"
    settled(qtbot, window)


def test_f5_reloads_the_current_screen(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_ctx(demo_url))
    settled(qtbot, window)
    sessions = window.views["sessions"]
    key(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    reloads: list[bool] = []
    sessions.refresh_button.clicked.connect(lambda: reloads.append(True))
    key(window, Qt.Key.Key_F5)
    assert reloads == [True]
    assert sessions.loading  # the lists are being loaded again
    settled(qtbot, window)
    # A screen without Refresh (the lookup searches as you type) ignores F5.
    key(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    key(window, Qt.Key.Key_F5)
    assert reloads == [True]
    settled(qtbot, window)


def refresh_button(window: MainWindow, key: str) -> QAbstractButton:
    view = window.views[key]
    if key == "erasure":
        return view.request_frame.refresh_button
    if key in ("sub_processors", "breaches", "privacy"):
        return view.frame.refresh_button
    return view.refresh_button


def test_f5_clicks_the_refresh_button_each_list_screen_declares(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_ctx(demo_url))
    for page in ("sessions", "erasure", "sub_processors", "review", "breaches", "privacy"):
        window.show_page(page)
        settled(qtbot, window)
        button = refresh_button(window, page)
        clicks: list[str] = []
        button.clicked.connect(lambda _=False, seen=clicks, p=page: seen.append(p))
        key(window, Qt.Key.Key_F5)
        assert clicks == [page]
        settled(qtbot, window)
        # A disabled button (a load still running) is not clicked by F5 either.
        button.setEnabled(False)
        key(window, Qt.Key.Key_F5)
        assert clicks == [page]
        button.setEnabled(True)
    settled(qtbot, window)


def test_ctrl_comma_opens_settings_and_ctrl_l_locks(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_ctx(demo_url))
    key(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "settings_dialog", None) is not None)
    assert window.settings_dialog.isVisible()
    window.settings_dialog.reject()
    key(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    # While locked the screen shortcuts do nothing: the work stays hidden.
    key(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    assert not window.screen_actions["sessions"].isEnabled()
    window.unlock()
    assert window.screen_actions["sessions"].isEnabled()
    settled(qtbot, window)


def test_main_controls_have_accessible_names(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_ctx(demo_url))
    assert window.nav.accessibleName() == "Screens"
    assert window.pages.accessibleName()
    assert window.identity_label.accessibleName()
    for key, view in window.views.items():
        assert view.accessibleName(), key
    settled(qtbot, window)


def unnamed_controls(window: MainWindow) -> set[tuple[str, str]]:
    """Visible controls a screen reader would announce without a name."""
    found = set()
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if not isinstance(w, CONTROLS):
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox | QAbstractSpinBox):
            continue  # the editor inside a combo or date box: the box carries the name
        iface = QAccessible.queryAccessibleInterface(w)
        if iface is None or not iface.text(QAccessible.Text.Name).strip():
            found.add((window.current_key(), f"{type(w).__name__}:{w.objectName()}"))
    return found


def test_every_visible_control_has_an_accessible_name(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_ctx(demo_url))
    missing: set[tuple[str, str]] = set()
    for page in NAV_KEYS:
        window.show_page(page)
        settled(qtbot, window)
        missing |= unnamed_controls(window)
        for tabs in window.views[page].findChildren(QTabWidget):
            if tabs.isVisible():
                for i in range(tabs.count()):
                    tabs.setCurrentIndex(i)
                    settled(qtbot, window)
                    missing |= unnamed_controls(window)
    assert sorted(missing) == []
