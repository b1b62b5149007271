"""Sessions left open survive a restart; the database going down loses nothing typed; the
verify button reports an intact chain and, after tampering, the first problem."""

from __future__ import annotations

import json

from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.chain import local_actor, read_session_events
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.sessions import events as sessions
from bowebb_console.ui.sessions.lists import CustomerSessionsPanel
from bowebb_console.ui.sessions.view import SessionsView
from tests.store.log_helpers import add_customer, as_superuser, consent, full_session
from tests.ui.sessions.conftest import click, events, fill_consent, refuse_connections


def _view(qtbot, ctx) -> SessionsView:  # type: ignore[no-untyped-def]
    view = SessionsView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.refresh_button.isEnabled(), timeout=5000)
    return view


def test_open_session_is_recovered_after_restart(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    # Demo sessions left open by other agents are theirs to close, not this agent's; the
    # demo's own open file-transfer session for this user is counted, not assumed away.
    first = _view(qtbot, make_ctx(demo_url))
    before = first.open_model.rowCount()
    dialog = first.start_for(desk.with_dpa[0])
    fill_consent(qtbot, dialog)
    su = dialog.session_uuid
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: first.running is not None, timeout=5000)
    qtbot.keyClicks(first.running.note_edit, "Halfway through")
    click(qtbot, first.running.note_button)
    qtbot.waitUntil(lambda: len(first.running.timeline.events) == 3, timeout=5000)
    first.close()  # the console dies here: the session was never ended

    again = _view(qtbot, make_ctx(demo_url))  # a new window on the same database
    assert again.open_box.isVisible()
    assert again.open_model.rowCount() == before + 1
    index = next(
        i
        for i in range(again.open_model.rowCount())
        if again.open_model.row_at(i).summary.session_uuid == su
    )
    row = again.open_model.row_at(index)
    assert row.summary.agent == local_actor()
    again.open_table.selectRow(index)
    click(qtbot, again.continue_button)
    panel = again.running
    assert panel is not None and panel.recovered and panel.late_button.isVisible()
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 3, timeout=5000)
    assert "Halfway through" in panel.timeline.event_texts()[-1]
    qtbot.keyClicks(panel.summary, "Console crashed; customer called back, fixed")
    click(qtbot, panel.late_button)
    qtbot.waitUntil(lambda: again.stack.currentWidget() is again.home, timeout=5000)
    qtbot.waitUntil(lambda: again.open_model.rowCount() == before, timeout=5000)

    kinds = [k for k, _ in events(desk.engine, su)]
    assert kinds[-1] == "session_ended_late" and kinds.count("note_added") == 1
    assert verify_log(Database(desk.engine)).ok


def test_database_down_when_starting_keeps_input_and_starts_nothing(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, pg_db
) -> None:
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    engine = make_engine(pg_db.admin_url_str)
    customer, _contact = add_customer(engine)
    engine.dispose()
    view = _view(qtbot, make_ctx(pg_db.admin_url_str))
    dialog = view.start_for(customer)
    fill_consent(qtbot, dialog)
    su = dialog.session_uuid

    try:
        refuse_connections(
            pg_db, True
        )  # the database stops taking connections and drops the open ones
        click(qtbot, dialog.start_button)
        qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=15_000)
        assert "cannot be reached" in dialog.error_label.text()
        assert "not" in dialog.error_label.text() and view.running is None
        assert dialog.isVisible() and dialog.reference.text() == "T-4711"
        assert dialog.purpose.text() == "Skrivaren skriver inte ut"
        assert dialog.start_button.isEnabled()  # to try again
    finally:
        refuse_connections(pg_db, False)
    check = make_engine(pg_db.admin_url_str)
    try:
        assert events(check, su) == []  # nothing was logged, nothing started
        click(qtbot, dialog.start_button)  # the database is back: the same press works
        qtbot.waitUntil(lambda: view.running is not None, timeout=10_000)
        assert [k for k, _ in events(check, su)] == ["consent_recorded", "session_started"]
    finally:
        check.dispose()


def test_verify_button_says_intact_then_names_the_problem(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, sqlite_url, language
) -> None:
    language("en")
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    customer, contact = add_customer(engine)
    full_session(engine, customer, contact)
    full_session(engine, customer, contact)
    view = _view(qtbot, make_ctx(sqlite_url, role="lead"))
    box = view.verify_box
    assert box is not None
    click(qtbot, box.button)
    qtbot.waitUntil(lambda: box.button.isEnabled() and not box.running, timeout=10_000)
    assert box.result_label.text().startswith("12 events, chain intact, head ")
    as_superuser(engine, 'UPDATE log_payload SET payload = \'{"note": "x"}\' WHERE seq = 3')
    click(qtbot, box.button)
    qtbot.waitUntil(lambda: box.button.isEnabled() and not box.running, timeout=10_000)
    text_ = box.result_label.text()
    assert "NOT intact" in text_ and "event 3" in text_ and "details" in text_
    engine.dispose()


def test_agents_get_no_verify_button(qtbot, make_ctx, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    init_database(sqlite_url)
    view = _view(qtbot, make_ctx(sqlite_url, role="agent"))
    assert view.verify_box is None


def test_customer_panel_lists_sessions_and_opens_a_timeline(qtbot, make_ctx, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    customer, contact = add_customer(engine)
    done = full_session(engine, customer, contact)
    refused = consent(engine, customer, contact, outcome="refused").session_uuid
    other, other_contact = add_customer(engine, org="5560160680")
    full_session(engine, other, other_contact)
    opened: list = []

    def open_fn(ctx, su, parent):  # type: ignore[no-untyped-def]
        from bowebb_console.ui.sessions.lists import open_timeline

        opened.append(open_timeline(ctx, su, parent))

    panel = CustomerSessionsPanel(make_ctx(sqlite_url), customer, open_fn=open_fn)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    states = {panel.model.row_at(i).summary.session_uuid: panel.model.row_at(i).summary.state
              for i in range(2)}  # fmt: skip
    assert states == {done: "ended", refused: "refused"}
    rows = [panel.model.row_at(i).summary.session_uuid for i in range(2)]
    assert rows == [refused, done]  # newest first
    panel.table.selectRow(1)
    click(qtbot, panel.open_button)
    window = opened[0]
    qtbot.waitUntil(lambda: bool(window.timeline.events), timeout=5000)
    texts = "\n".join(window.timeline.event_texts())
    assert "Agreement recorded" in texts and "Agreed by Eva Ek, Phone" in texts
    assert "Session ended" in texts and "Printing works again" in texts
    window.close()
    assert json.loads(events(engine, done)[-1][1])["outcome"] == "resolved"
    with engine.connect() as conn:
        assert sessions.summarise(read_session_events(conn, done)).state == "ended"
    engine.dispose()


def test_note_not_saved_while_the_database_is_down_keeps_the_text(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, pg_db
) -> None:
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    engine = make_engine(pg_db.admin_url_str)
    customer, contact = add_customer(engine)
    su = consent(engine, customer, contact).session_uuid
    sessions.start_session(Database(engine), su, tool="AnyDesk")
    engine.dispose()
    view = _view(qtbot, make_ctx(pg_db.admin_url_str))
    assert view.open_model.rowCount() == 1  # this login's open session
    click(qtbot, view.continue_button)
    panel = view.running
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 2, timeout=5000)
    qtbot.keyClicks(panel.note_edit, "Rebooted the print server")
    try:
        refuse_connections(pg_db, True)
        click(qtbot, panel.note_button)
        qtbot.waitUntil(lambda: panel.status.text().startswith("Not saved"), timeout=15_000)
        assert panel.note_edit.toPlainText() == "Rebooted the print server"
        assert len(panel.timeline.events) == 2  # nothing shown as saved
    finally:
        refuse_connections(pg_db, False)
    click(qtbot, panel.note_button)
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 3, timeout=10_000)
    assert panel.note_edit.toPlainText() == ""
    check = make_engine(pg_db.admin_url_str)
    assert [k for k, _ in events(check, su)].count("note_added") == 1
    check.dispose()
