"""Failures on the Sessions screens are shown by their code, translated, and never name an
exception class or pass on a driver's message as the sentence."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from bowebb_console.services import sessions
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log import chain
from bowebb_console.store.sessions import events as store_sessions
from bowebb_console.ui.sessions.running import RunningSessionPanel
from bowebb_console.ui.sessions.view import SessionsView
from tests.store.log_helpers import add_customer, consent
from tests.ui.sessions.conftest import click, fill_consent

CLASS_NAMES = ("OperationalError", "LogWriteError", "SessionError", "RuntimeError", "Error)")


def _refuse_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_a: object) -> None:
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(chain, "write_event", refused)


def _view(qtbot, ctx) -> SessionsView:  # type: ignore[no-untyped-def]
    view = SessionsView(ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.refresh_button.isEnabled(), timeout=5000)
    return view


def test_note_not_logged_is_said_in_swedish(
    qtbot, make_ctx, sqlite_url, monkeypatch, language
) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    customer, contact = add_customer(engine)
    su = consent(engine, customer, contact).session_uuid
    store_sessions.start_session(Database(engine), su, tool="AnyDesk")
    engine.dispose()
    panel = RunningSessionPanel(make_ctx(sqlite_url), su)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 2, timeout=5000)
    _refuse_writes(monkeypatch)
    qtbot.keyClicks(panel.note_edit, "Startade om skrivaren")
    click(qtbot, panel.note_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    shown = panel.status.text()
    assert shown == (
        "Inte sparat: Händelsen kunde inte loggas (disk I/O error); ingenting startades. "
        "Din text finns kvar; försök igen."
    )
    assert not any(name in shown for name in CLASS_NAMES)
    assert panel.note_edit.toPlainText() == "Startade om skrivaren"


def test_start_not_logged_keeps_the_dialog_and_says_why(
    qtbot, make_ctx, desk, demo_url, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, make_ctx(demo_url))
    dialog = view.start_for(desk.with_dpa[0])
    fill_consent(qtbot, dialog)
    _refuse_writes(monkeypatch)
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=5000)
    shown = dialog.error_label.text()
    assert shown == (
        "Not logged, the session has not started: The event could not be logged "
        "(disk I/O error); nothing was started."
    )
    assert not any(name in shown for name in CLASS_NAMES)
    assert dialog.isVisible() and view.running is None


def test_a_bug_or_a_leaked_driver_error_shows_no_class_name(
    qtbot, make_ctx, sqlite_url, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    init_database(sqlite_url)

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("boom")

    def leaked(*_a: object, **_k: object) -> None:
        raise OperationalError("SELECT", {}, Exception("no such table: customer"))

    monkeypatch.setattr(sessions, "session_lists", broken)
    monkeypatch.setattr(sessions, "find_customers", leaked)
    view = _view(qtbot, make_ctx(sqlite_url))
    listed = view.recent_status.text()
    assert listed.startswith("The sessions could not be loaded (Something went wrong inside")
    qtbot.keyClicks(view.search_edit, "Testbolaget")
    qtbot.waitUntil(lambda: view.search_status.text().startswith("The search failed"), timeout=5000)
    for shown in (listed, view.search_status.text()):
        assert not any(name in shown for name in CLASS_NAMES)
        assert "boom" not in shown and "no such table" not in shown
