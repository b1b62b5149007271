"""Issue 18, keyboard first: an agent does lookup → card → consent → note → end with the
keyboard alone (real key events to whatever has the focus), and no key loses typed input."""

from __future__ import annotations

import json

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bowebb_console.ui.customers.view import LookupView
from bowebb_console.ui.sessions.consent import ConsentDialog
from bowebb_console.ui.sessions.running import RunningWindow
from tests.ui.sessions.conftest import events, fill_consent
from tests.ui.sessions.keys import focused, press, tab_to, type_text, wait_focus

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def _lookup(qtbot, ctx) -> LookupView:  # type: ignore[no-untyped-def]
    view = LookupView(ctx, debounce_ms=10)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    view.setFocus()
    wait_focus(qtbot, view.search)
    return view


def _top(kind: type) -> object | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None
    )


def _open_card_by_keys(qtbot, view: LookupView, org: str) -> None:  # type: ignore[no-untyped-def]
    type_text(org)
    qtbot.waitUntil(lambda: view.shown_query == org and view.model.rowCount() == 1, timeout=5000)
    press(K.Key_Return)
    qtbot.waitUntil(lambda: view.card_sessions is not None and view.current_card is not None)


def test_keyboard_only_agent_flow(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url)
    view = _lookup(qtbot, ctx)
    customer_id, org = desk.with_dpa
    _open_card_by_keys(qtbot, view, org)
    card = view.card_sessions
    # Natural order: search → results → the card's "Start support session…".
    assert tab_to(qtbot, view.results) == 1
    assert tab_to(qtbot, card.start_button) == 1
    press(K.Key_Space)
    qtbot.waitUntil(lambda: _top(ConsentDialog) is not None)
    dialog = _top(ConsentDialog)
    qtbot.waitUntil(lambda: dialog.party is not None)
    wait_focus(qtbot, dialog.kind)

    tab_to(qtbot, dialog.contact)
    press(K.Key_Down)  # the first contact
    tab_to(qtbot, dialog.channel)
    press(K.Key_Down)  # phone
    tab_to(qtbot, dialog.reference)
    type_text("ÄR-2042")
    tab_to(qtbot, dialog.scope)
    press(K.Key_Down)
    press(K.Key_Down)  # control
    tab_to(qtbot, dialog.purpose)
    type_text("Skrivaren skriver inte ut")
    tab_to(qtbot, dialog.outcome_buttons["agreed"])
    press(K.Key_Space)
    assert dialog.start_button.isEnabled(), dialog.missing_label.text()
    tab_to(qtbot, dialog.reference)  # a Tab round over every button, then Enter: Start
    press(K.Key_Return)
    qtbot.waitUntil(lambda: _top(RunningWindow) is not None, timeout=5000)
    window = _top(RunningWindow)
    panel = window.panel
    su = panel.session_uuid
    wait_focus(qtbot, panel.note_edit)
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 2, timeout=5000)
    type_text("Kunden")
    press(K.Key_Tab)  # a Tab in a note moves on, it types no tab character
    assert focused() is panel.note_button and panel.note_edit.toPlainText() == "Kunden"
    press(K.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    type_text(" visar felet")
    press(K.Key_Return, CTRL)  # Ctrl+Enter adds the note
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 3, timeout=5000)
    assert panel.note_edit.toPlainText() == ""

    press(K.Key_Escape)  # Esc does not close a window whose session is open
    assert window.isVisible() and "still open" in panel.status.text()

    tab_to(qtbot, panel.summary)
    type_text("Utskrift fungerar igen")
    tab_to(qtbot, panel.end_outcome)  # "resolved" is first
    assert tab_to(qtbot, panel.end_button) == 1
    press(K.Key_Space)
    qtbot.waitUntil(lambda: not shiboken6.isValid(window) or not window.isVisible(), timeout=5000)

    logged = events(desk.engine, su)
    assert [k for k, _ in logged] == [
        "consent_recorded",
        "session_started",
        "note_added",
        "session_ended",
    ]
    consent = json.loads(logged[0][1])
    assert consent["customer_id"] == customer_id and consent["reference"] == "ÄR-2042"
    assert consent["scope"] == "control" and consent["channel"] == "phone"
    assert json.loads(logged[2][1]) == {"note": "Kunden visar felet"}
    # The card shows the session as ended at once (no refresh).
    qtbot.waitUntil(
        lambda: (
            [r.summary.state for r in card.panel.model._rows if r.summary.session_uuid == su]
            == ["ended"]
        ),
        timeout=5000,
    )


def test_tab_leaves_tables_and_enter_opens(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    view = _lookup(qtbot, make_ctx(demo_url))
    qtbot.waitUntil(lambda: view.model.rowCount() > 5, timeout=5000)
    assert tab_to(qtbot, view.results) == 1
    press(K.Key_Down)
    press(K.Key_Down)
    press(K.Key_Tab)  # Tab leaves the table (it is not trapped moving between cells)
    assert focused() is not view.results
    press(K.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is view.results
    wanted = view.model.row_at(view.results.currentIndex().row()).customer_id
    press(K.Key_Return)  # Enter on a row opens its card
    qtbot.waitUntil(lambda: view.current_card is not None, timeout=5000)
    assert view.current_card.customer.id == wanted


def test_consent_enter_never_cancels_and_esc_asks(qtbot, make_ctx, desk, demo_url, prompts) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url)
    customer_id, _org = desk.with_dpa
    dialog = ConsentDialog(ctx, customer_id)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_consent(qtbot, dialog)
    # A whole Tab round passes over Cancel and "Record without starting": neither becomes
    # the default button, so Enter still means Start.
    dialog.reference.setFocus()
    for _ in range(30):
        press(K.Key_Tab)
        assert not dialog.cancel_button.isDefault() and not dialog.record_button.isDefault()
    dialog.cancel_button.setFocus()
    assert not dialog.cancel_button.isDefault() and dialog.start_button.isDefault()

    # Esc with typed input asks first; "no" keeps the dialog and everything in it.
    prompts.answers.append(False)
    dialog.reference.setFocus()
    press(K.Key_Escape)
    assert prompts.texts("confirm") and dialog.isVisible()
    assert dialog.reference.text() == "T-4711"
    # Enter, with the form complete, starts (and logs) the session.
    su = dialog.session_uuid
    press(K.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert [k for k, _ in events(desk.engine, su)] == ["consent_recorded", "session_started"]


def test_enter_on_an_open_session_continues_it(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.ui.sessions.view import SessionsView

    view = SessionsView(make_ctx(demo_url))
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.open_model.rowCount() >= 1, timeout=5000)  # the demo's one
    view.search_edit.setFocus()
    wait_focus(qtbot, view.search_edit)
    press(K.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is not view.search_edit  # Shift+Tab leaves the field backwards
    tab_to(qtbot, view.open_table)
    press(K.Key_Tab)  # Tab leaves the table (nothing trapped)
    assert focused() is not view.open_table
    press(K.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is view.open_table
    press(K.Key_Return)  # Enter on the row continues the session
    qtbot.waitUntil(lambda: view.running is not None, timeout=5000)
    assert view.stack.currentWidget() is view.running
    wait_focus(qtbot, view.running.note_edit)
