"""Every screen and dialog fits a 1366x768 support laptop in Swedish (the longer language):
no window larger than the usable 1366x728, no widget squeezed below its minimum size, no
label or button text cut. Driven on demo data as an admin, so every screen is offered."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QWidget

from bowebb_console.ui.main_window import NAV_KEYS, MainWindow
from tests.ui.layout_check import USABLE, fit_to_laptop, problems
from tests.ui.test_swedish_visible import start_a_session


@pytest.fixture(autouse=True)
def app_style(qapp):  # type: ignore[no-untyped-def]
    """The app's own style sheet, as the console runs with it."""
    from bowebb_console.resources import resource_path

    qapp.setStyleSheet(resource_path("style.qss").read_text(encoding="utf-8"))
    yield
    qapp.setStyleSheet("")


def _window(qtbot, ctx):  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(USABLE)
    window.show()
    qtbot.waitExposed(window)
    return window


def _settle(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: ctx.runner.active_count == 0, timeout=10_000)
    qtbot.wait(30)


def _dialog(qtbot, ctx, dialog: QWidget, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    fit_to_laptop(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle(qtbot, ctx)
    fit_to_laptop(dialog)
    qtbot.wait(30)
    return problems(dialog, name)


def test_every_screen_fits_the_laptop_in_swedish(qtbot, make_ctx, demo_url, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    ctx = make_ctx(demo_url)
    window = _window(qtbot, ctx)
    found: list[str] = []
    for key in NAV_KEYS:
        window.nav.setCurrentItem(window.nav_item(key))
        _settle(qtbot, ctx)
        view = window.views[key]
        for table in view.findChildren(QTableView):
            if table.isVisible() and table.model() is not None and table.model().rowCount():
                table.setCurrentIndex(table.model().index(0, 0))
                _settle(qtbot, ctx)
        found += problems(window, key)
    # The card open in the lookup.
    lookup = window.views["customers"]
    window.nav.setCurrentItem(window.nav_item("customers"))
    qtbot.keyClicks(lookup.search, "a")
    qtbot.waitUntil(lambda: not lookup.timer.isActive() and lookup.model.rowCount() > 0)
    _settle(qtbot, ctx)
    lookup.open_row(0)
    _settle(qtbot, ctx)
    found += problems(window, "card")
    contacts = lookup.card_view.contacts
    shown = contacts.viewport().height() // contacts.verticalHeader().defaultSectionSize()
    assert shown >= 4, "the card shows at least four contact rows"

    # Review: every column in view without scrolling sideways, the filters' hints whole.
    window.nav.setCurrentItem(window.nav_item("review"))
    _settle(qtbot, ctx)
    review = window.views["review"]
    table = review.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    qtbot.wait(100)
    last = table.model().columnCount() - 1
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(last) + 40 <= table.viewport().width()
    assert header.sectionViewportPosition(last - 1) >= 0
    assert table.horizontalScrollBar().maximum() == 0
    assert found == [], "\n".join(found)


def test_every_dialog_fits_the_laptop_in_swedish(qtbot, make_ctx, demo_url, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    ctx = make_ctx(demo_url)
    window = _window(qtbot, ctx)
    lookup = window.views["customers"]
    qtbot.keyClicks(lookup.search, "a")
    qtbot.waitUntil(lambda: not lookup.timer.isActive() and lookup.model.rowCount() > 0)
    _settle(qtbot, ctx)
    lookup.open_row(0)
    _settle(qtbot, ctx)
    found: list[str] = []
    for open_dialog in (
        lookup.new_customer,
        lookup.register_trial,
        lookup.edit_customer,
        lookup.add_contact,
        lookup.open_import,
        lookup.open_notice_export,
    ):
        open_dialog()
        found += _dialog(qtbot, ctx, lookup.dialog, open_dialog.__name__)
        lookup.dialog.reject()

    # The consent dialog with a new caller chosen: Name, E-mail and Phone get their room.
    from bowebb_console.ui.sessions.consent import NEW_CALLER, start_session_for

    consent = start_session_for(ctx, lookup.model.row_at(0).customer_id, window)
    found += _dialog(qtbot, ctx, consent, "consent")
    # Then the agent picks "New caller…" in the open dialog: the form makes room for it.
    consent.contact.setFocus()
    qtbot.keyClick(consent.contact, Qt.Key.Key_End)
    assert consent.contact.currentData() == NEW_CALLER
    qtbot.wait(50)
    assert consent.caller_box.isVisible()
    found += problems(consent, "consent with a new caller")
    for edit in (consent.caller_name, consent.caller_email, consent.caller_phone):
        assert edit.height() >= edit.minimumSizeHint().height()
        assert edit.width() >= 200
    form = consent.caller_box.layout()
    fields = (consent.caller_name, consent.caller_email, consent.caller_phone)
    labels = [form.labelForField(edit) for edit in fields]
    tops = [label.geometry().top() for label in labels]
    assert all(b - a >= labels[0].height() for a, b in itertools.pairwise(tops))  # no overlap
    # And a flagged remote tool (issue 15, item 7): its register entry and the reason's row.
    consent.tool.setCurrentIndex(consent.tool.findData("Quick Assist"))
    qtbot.wait(50)
    assert consent.tool_reason.isVisible()
    fit_to_laptop(consent)
    qtbot.wait(30)
    found += problems(consent, "consent with a new caller and a flagged tool")
    consent.reject()

    # The running session in a window of its own: resizable, and it fits.
    from bowebb_console.ui.sessions.running import open_running_window

    session_uuid = start_a_session(ctx, lookup)
    running = open_running_window(ctx, session_uuid, window)
    assert running.height() <= USABLE.height()  # as opened, before any fitting
    found += _dialog(qtbot, ctx, running, "running")
    assert running.height() <= USABLE.height()
    assert not (running.windowFlags() & Qt.WindowType.MSWindowsFixedSizeDialogHint)
    running.close()

    # The erasure wizards.
    erasure = window.views["erasure"]
    window.nav.setCurrentItem(window.nav_item("erasure"))
    _settle(qtbot, ctx)
    wizards = (erasure.open_guidance, lambda: erasure.open_request(None), erasure.open_end)
    for open_wizard in wizards:
        open_wizard()
        wizard = erasure.wizard
        found += _dialog(qtbot, ctx, wizard, "erasure wizard")
        wizard.reject()

    # The Privacy screen's access-request dialog, and a contact's rights from the card.
    privacy = window.views["privacy"]
    window.nav.setCurrentItem(window.nav_item("privacy"))
    _settle(qtbot, ctx)
    privacy.open_access(None)
    found += _dialog(qtbot, ctx, privacy.dialog, "access request")
    privacy.dialog.reject()
    window.nav.setCurrentItem(window.nav_item("customers"))
    lookup.card_view.contacts.selectRow(0)
    for button in lookup.card_view.privacy_buttons:
        button.click()
        found += _dialog(qtbot, ctx, lookup.dialog, button.text())
        lookup.dialog.reject()

    # The breach dialog and the notice to a breach's affected customers (issue 15, item 4).
    breaches = window.views["breaches"]
    window.nav.setCurrentItem(window.nav_item("breaches"))
    _settle(qtbot, ctx)
    breaches.select_id(breaches.model.row_at(0).id)
    breaches.edit()
    found += _dialog(qtbot, ctx, breaches.dialog, "breach")
    breaches.dialog.reject()
    breaches.notify()
    found += _dialog(qtbot, ctx, breaches.notify_dialog, "breach notice")
    breaches.notify_dialog.reject()

    # The sub-processor dialog, Settings and About.
    sub_processors = window.views["sub_processors"]
    window.nav.setCurrentItem(window.nav_item("sub_processors"))
    _settle(qtbot, ctx)
    sub_processors.add()
    found += _dialog(qtbot, ctx, sub_processors.dialog, "sub-processor")
    sub_processors.dialog.reject()
    window.open_settings()
    found += _dialog(qtbot, ctx, window.settings_dialog, "settings")
    window.settings_dialog.reject()
    window.open_about()
    found += _dialog(qtbot, ctx, window.about_dialog, "about")
    # The record of processing's editor (issue 15, item 5), opened from About.
    window.about_dialog.open_editor()
    found += _dialog(qtbot, ctx, window.about_dialog.processing_dialog, "record of processing")
    window.about_dialog.processing_dialog.reject()
    window.about_dialog.reject()
    _settle(qtbot, ctx)
    assert found == [], "\n".join(found)
