"""The main window against a real embedded database: navigation, roles, status bar, menus,
Settings and About, in English and Swedish."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from bowebb_console import POLICY_VERSION, __version__
from bowebb_console.config import load_settings
from bowebb_console.services import admin
from bowebb_console.ui.breaches.view import BreachesView
from bowebb_console.ui.customers.view import LookupView
from bowebb_console.ui.erasure.view import ErasureView
from bowebb_console.ui.main_window import MainWindow
from bowebb_console.ui.privacy.view import PrivacyView
from bowebb_console.ui.review.view import ReviewView
from bowebb_console.ui.sessions.view import SessionsView
from bowebb_console.ui.subprocessors.view import SubProcessorsView
from bowebb_console.ui.transfers.view import TransfersView

EXPECTED = {
    "customers": LookupView,
    "sessions": SessionsView,
    "transfers": TransfersView,
    "erasure": ErasureView,
    "sub_processors": SubProcessorsView,
    "review": ReviewView,
    "breaches": BreachesView,
}
ADMIN_ONLY = {"privacy": PrivacyView}


def open_window(qtbot, ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def click_nav(qtbot, window: MainWindow, key: str) -> None:  # type: ignore[no-untyped-def]
    item = window.nav_item(key)
    assert item is not None, key
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def wait_loaded(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for key in ("customers", "sessions", "sub_processors", "erasure"):
        view = window.views[key]
        qtbot.waitUntil(lambda v=view: not v.loading)


def test_each_nav_entry_shows_its_page(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_ctx(demo_url, role="lead"))
    for key, cls in reversed(EXPECTED.items()):
        click_nav(qtbot, window, key)
        assert window.current_key() == key
        assert window.pages.currentWidget() is window.views[key]
        assert isinstance(window.pages.currentWidget(), cls)
    assert window.nav_item("privacy") is None  # the privacy desk is an admin's
    wait_loaded(qtbot, window)


def test_an_admin_also_gets_the_privacy_screen(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_ctx(demo_url, role="admin"))
    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    assert keys == [*EXPECTED, *ADMIN_ONLY]
    click_nav(qtbot, window, "privacy")
    assert isinstance(window.pages.currentWidget(), PrivacyView)
    qtbot.waitUntil(lambda: not window.views["privacy"].loading)
    wait_loaded(qtbot, window)


def test_review_is_hidden_for_an_agent(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_ctx(demo_url, role="agent"))
    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    assert keys == ["customers", "sessions", "transfers", "erasure", "sub_processors"]
    assert window.nav_item("review") is None and window.nav_item("breaches") is None
    wait_loaded(qtbot, window)


def test_status_bar_names_user_role_and_database(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url, role="agent")
    window = open_window(qtbot, ctx)
    text = window.identity_label.text()
    assert ctx.identity.user in text
    assert "role: agent" in text
    assert ctx.database.display in text and "SQLite" in text
    wait_loaded(qtbot, window)


def test_swedish_labels(qtbot, make_ctx, demo_url, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    window = open_window(qtbot, make_ctx(demo_url, role="lead"))
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == [
        "Kunder",
        "Sessioner",
        "Filöverföringar",
        "Radering",
        "Underbiträden",
        "Granskning",
        "Incidenter",
    ]
    # Every label with its icon fits the list (no label cut off, no sideways scrolling).
    assert window.nav.sizeHintForColumn(0) <= window.nav.viewport().width()
    assert "roll: teamledare" in window.identity_label.text()
    customers = window.views["customers"]
    qtbot.waitUntil(lambda: not customers.loading)
    assert customers.count_label.text() == "50 kunder"
    assert customers.model.headerData(1, Qt.Orientation.Horizontal) == "Org.nr"
    wait_loaded(qtbot, window)


def test_about_shows_versions_and_the_record_of_processing(
    qtbot, make_ctx, demo_url, language
) -> None:  # type: ignore[no-untyped-def]
    language("en")  # English plurals come from bowebb_en.qm, as in the app
    window = open_window(qtbot, make_ctx(demo_url))
    window.about_action.trigger()
    dialog = window.about_dialog
    qtbot.waitExposed(dialog)
    assert __version__ in dialog.version_label.text()
    assert POLICY_VERSION in dialog.policy_label.text()
    # The record is the database's, with the periods as the lifecycle setting holds them.
    qtbot.waitUntil(lambda: dialog.record.rowCount() > 0)
    processing = [dialog.record.item(r, 0).text() for r in range(dialog.record.rowCount())]
    assert "Kundkontakter" in processing and "Fjärrsessioner (sessionslogg)" in processing
    contacts = processing.index("Kundkontakter")
    assert "90 days" in dialog.record.item(contacts, 4).text()
    log = processing.index("Fjärrsessioner (sessionslogg)")
    assert "1,095 days" in dialog.record.item(log, 4).text()  # %Ln: the locale's digits
    assert not dialog.edit_button.isHidden()  # the embedded database's user is its admin
    dialog.close()
    admin.set_lifecycle(window.ctx.database, window.ctx.identity, admin.Lifecycle(120, 14, 2000))
    window.about_action.trigger()
    dialog = window.about_dialog
    qtbot.waitUntil(lambda: dialog.record.rowCount() > 0)
    qtbot.waitUntil(lambda: "120 days" in dialog.record.item(contacts, 4).text())
    trial = dialog.record.item(processing.index("Testkonton"), 4).text()
    assert "14 days" in trial and "120 days" in trial
    assert "2,000 days" in dialog.record.item(log, 4).text()
    dialog.close()
    wait_loaded(qtbot, window)


def test_settings_are_saved_to_the_settings_file(qtbot, make_ctx, demo_url, fresh_paths) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url)
    window = open_window(qtbot, ctx)
    window.settings_action.trigger()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    assert not hasattr(dialog, "grace_spin")  # the database's now (the lifecycle dialog)
    dialog.idle_spin.clear()
    qtbot.keyClicks(dialog.idle_spin, "5")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("sv"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = json.loads(fresh_paths.settings_file.read_text(encoding="utf-8"))
    assert (saved["idle_lock_minutes"], saved["language"]) == (5, "sv")
    assert "grace_period_days" not in saved
    assert ctx.settings.idle_lock_minutes == 5 and load_settings(fresh_paths).language == "sv"
    assert window.idle._timer.interval() == 5 * 60_000
    assert [s.title for s in ctx.prompts.shown] == ["Settings saved"]  # language: restart
    wait_loaded(qtbot, window)


@pytest.mark.parametrize(
    "typed",
    ["postgresql://anna:hunter2@db.example.se/bowebb", "mysql://db.example.se/bowebb"],
)
def test_a_refused_value_is_shown_and_the_input_kept(
    qtbot, make_ctx, demo_url, fresh_paths, typed: str
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_ctx(demo_url))
    window.settings_action.trigger()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.url_edit, typed)
    dialog.idle_spin.setValue(7)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message_label.isVisible()
    assert dialog.message_label.text().startswith("The database URL was not saved:")
    if "hunter2" in typed:
        assert "Remove the password" in dialog.message_label.text()
        assert "hunter2" not in dialog.message_label.text()
    else:
        assert "Unsupported database “mysql”" in dialog.message_label.text()
    assert dialog.url_edit.text() == typed and dialog.idle_spin.value() == 7
    assert not fresh_paths.settings_file.exists()
    dialog.reject()
    wait_loaded(qtbot, window)


def test_a_refused_url_is_translated_by_its_code(qtbot, make_ctx, demo_url, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    window = open_window(qtbot, make_ctx(demo_url))
    window.settings_action.trigger()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.url_edit, "postgresql://db.example.se")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = dialog.message_label.text()
    assert "PostgreSQL-URL:en anger ingen databas" in text
    assert "DatabaseUrlError" not in text and "names no database" not in text
    dialog.reject()
    wait_loaded(qtbot, window)


def test_quit_closes_the_window(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, make_ctx(demo_url))
    wait_loaded(qtbot, window)
    window.quit_action.trigger()
    assert not window.isVisible()
    assert not window.idle.active
