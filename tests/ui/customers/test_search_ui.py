"""Search as you type on a real database: results, keys, Ctrl+K, stale results dropped."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from sqlalchemy import select

from bowebb_console.services import customers
from bowebb_console.store.models import Contact, Customer
from bowebb_console.ui.customers.results import ResultsModel
from bowebb_console.ui.main_window import MainWindow

from .helpers import open_view, type_query, wait_card


def _a_customer(ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        row = s.scalars(select(Customer).where(Customer.status == "active").limit(1)).one()
        contact = s.scalars(select(Contact).where(Contact.customer_id == row.id).limit(1)).first()
        return row.name, row.org_number, contact.email if contact else None


def test_type_see_results_enter_opens_card(qtbot, make_ctx, demo_url, language) -> None:  # type: ignore[no-untyped-def]
    language("en")
    ctx = make_ctx(demo_url)
    name, org, _ = _a_customer(ctx)
    view = open_view(qtbot, ctx)
    assert view.model.rowCount() == 50  # empty field: the customers by name
    type_query(qtbot, view, f"{org[:6]}-{org[6:]}")
    first = view.model.row_at(0)
    assert first.name == name
    model = view.model
    assert model.index(0, ResultsModel.COL_STATUS).data() == "active"
    assert model.index(0, ResultsModel.COL_DPA).data() in ("signed", "missing")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    wait_card(qtbot, view, name)
    card = view.card_view
    assert card.values["org_number"].text() == f"{org[:6]}-{org[6:]}"
    assert card.values["status"].text() == "active"
    assert card.contacts_model.rowCount() >= 1
    assert card.findChild(type(card.sessions_box), "recentSessions") is card.sessions_box


def test_matched_contact_is_shown(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url)
    name, _, email = _a_customer(ctx)
    view = open_view(qtbot, ctx)
    type_query(qtbot, view, email)
    assert view.model.row_at(0).name == name
    assert email in view.model.index(0, ResultsModel.COL_CONTACT).data()


def test_arrows_move_and_escape_clears(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, make_ctx(demo_url))
    type_query(qtbot, view, "55")  # the start of most aktiebolag's numbers
    assert view.model.rowCount() >= 2
    assert view.results.currentIndex().row() == 0
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.results.currentIndex().row() == 1
    assert view.search.hasFocus()  # the field keeps the keyboard while moving
    qtbot.keyClick(view.search, Qt.Key.Key_Up)
    qtbot.keyClick(view.search, Qt.Key.Key_Up)
    assert view.results.currentIndex().row() == 0
    second = view.model.row_at(1).name
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    qtbot.keyClick(view.search, Qt.Key.Key_Enter)
    wait_card(qtbot, view, second)
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == ""
    qtbot.waitUntil(lambda: not view.loading and view.shown_query == "")
    assert view.model.rowCount() == 50


def test_swedish_status_and_badge(qtbot, make_ctx, demo_url, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    view = open_view(qtbot, make_ctx(demo_url))
    texts = {view.model.index(r, ResultsModel.COL_STATUS).data() for r in range(50)}
    assert texts <= {"testkonto", "aktiv", "avslutad"} and "aktiv" in texts
    badges = {view.model.index(r, ResultsModel.COL_DPA).data() for r in range(50)}
    assert badges <= {"undertecknat", "saknas"}


def test_a_stale_slow_result_never_repaints_over_a_newer_one(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()

    def slow_search(db, text):  # type: ignore[no-untyped-def]
        if text == "ab":  # the older query answers last
            release.wait(10)
        return customers.lookup(db, text)

    view = open_view(qtbot, make_ctx(demo_url), search_fn=slow_search, debounce_ms=0)
    view.search.setFocus()
    qtbot.keyClicks(view.search, "ab")
    qtbot.wait(50)  # "ab" is running on the pool
    qtbot.keyClicks(view.search, "c")
    qtbot.waitUntil(lambda: view.shown_query == "abc")
    shown = [view.model.row_at(r).customer_id for r in range(view.model.rowCount())]
    release.set()
    qtbot.waitUntil(lambda: not view.loading)
    time.sleep(0.05)
    qtbot.wait(50)
    assert view.shown_query == "abc"
    assert [view.model.row_at(r).customer_id for r in range(view.model.rowCount())] == shown


def test_typing_is_debounced(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []

    def counting(db, text):  # type: ignore[no-untyped-def]
        calls.append(text)
        return customers.lookup(db, text)

    view = open_view(qtbot, make_ctx(demo_url), search_fn=counting)
    calls.clear()
    type_query(qtbot, view, "andersson")
    assert calls == ["andersson"]  # one search for a burst of keystrokes


def test_ctrl_k_focuses_the_search_from_another_screen(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(make_ctx(demo_url))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    view = window.views["customers"]
    qtbot.waitUntil(lambda: not view.loading)
    window.nav.setCurrentRow(window.nav.row(window.nav_item("sub_processors")))
    qtbot.waitUntil(lambda: not window.views["sub_processors"].loading)
    window.nav.setFocus()
    assert window.current_key() == "sub_processors"
    qtbot.keyClick(window.nav, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "customers"
    assert window.pages.currentWidget() is view
    qtbot.waitUntil(view.search.hasFocus)
    assert window.nav.currentItem() is window.nav_item("customers")
    view.results.setFocus()  # on the screen itself too
    qtbot.keyClick(view.results, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.search.hasFocus)
    window.lock()  # not while locked: the screen is hidden
    assert not view.find_action.isEnabled()


def test_a_failed_search_is_said_inline_and_typing_again_recovers(
    qtbot, make_ctx, demo_url
) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    ctx = make_ctx(demo_url)
    view = open_view(qtbot, ctx)
    with ctx.database.engine.begin() as conn:
        conn.execute(text("ALTER TABLE customer RENAME TO customer_gone"))
    view.search.setFocus()
    qtbot.keyClicks(view.search, "ande")
    qtbot.waitUntil(lambda: not view.loading)
    assert not view.error_label.isHidden()
    assert "search failed" in view.error_label.text()
    assert view.search.text() == "ande"  # what was typed stays
    with ctx.database.engine.begin() as conn:
        conn.execute(text("ALTER TABLE customer_gone RENAME TO customer"))
    qtbot.keyClicks(view.search, "r")
    qtbot.waitUntil(lambda: not view.loading and view.shown_query == "ander")
    assert view.error_label.isHidden()


def test_enter_before_the_results_opens_the_top_hit_when_they_come(
    qtbot, make_ctx, demo_url
) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url)
    name, org, _ = _a_customer(ctx)
    view = open_view(qtbot, ctx)
    view.search.setFocus()
    qtbot.keyClicks(view.search, org)
    qtbot.keyClick(view.search, Qt.Key.Key_Return)  # well within the debounce
    assert view.loading
    wait_card(qtbot, view, name)
