"""Issue 13, item 13 on screen: a note refused because another session holds the log keeps
the typed text and says who holds it; a team lead ends that session from the refusal (asked
first, in a background task), and the note then saves. SQLite: another program holds the
file; the refusal says so and offers nothing to end."""

from __future__ import annotations

import pytest

from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.sessions import events as sessions
from bowebb_console.ui.sessions.running import RunningSessionPanel
from tests.store.db.test_locked_sqlite import Holder
from tests.store.log_helpers import add_customer, consent
from tests.store.security.conftest import PASSWORD
from tests.store.security.test_blockers import hold_chain_head
from tests.ui.sessions.conftest import click, events

NOTE = "Bytte toner, skrivaren skriver igen"


def _notes(engine, su: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [p for k, p in events(engine, su) if k == "note_added"]


def _refused(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(panel.note_edit, NOTE)
    click(qtbot, panel.note_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)  # the 10 s


def test_lead_ends_the_blocker_from_the_refusal(qtbot, make_ctx, prompts, pg_db, logins) -> None:  # type: ignore[no-untyped-def]
    lead = logins["lead"]
    customer, contact = add_customer(lead)
    su = consent(lead, customer, contact).session_uuid
    sessions.start_session(lead, su, tool="AnyDesk")
    ctx = make_ctx(pg_db.url_for(logins.names["lead"], PASSWORD))
    assert ctx.is_lead
    panel = RunningSessionPanel(ctx, su)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 2, timeout=5000)
    hostile = logins["agent2"].connect()
    try:
        hold_chain_head(hostile)
        _refused(qtbot, panel)
        text = panel.status.text()
        assert text.startswith("Not saved") and logins.names["agent2"] in text
        assert "ask a team lead to end that session" in text
        assert panel.note_edit.toPlainText() == NOTE  # nothing typed is lost
        assert not panel.end_blocker_button.isHidden()
        assert _notes(lead, su) == []

        click(qtbot, panel.end_blocker_button)
        asked = prompts.shown[-1]
        assert asked.kind == "confirm" and logins.names["agent2"] in asked.text
        qtbot.waitUntil(lambda: "was ended" in panel.status.text(), timeout=10_000)
        assert logins.names["agent2"] in panel.status.text()
        assert panel.end_blocker_button.isHidden()
        assert panel.note_edit.toPlainText() == NOTE

        click(qtbot, panel.note_button)
        qtbot.waitUntil(
            lambda: panel.status.text() == "Note saved in the session log.", timeout=10_000
        )
        assert len(_notes(lead, su)) == 1 and panel.note_edit.toPlainText() == ""
    finally:
        hostile.invalidate()
        hostile.close()


def test_agent_is_told_who_blocks_but_gets_no_end_button(qtbot, make_ctx, pg_db, logins) -> None:  # type: ignore[no-untyped-def]
    agent = logins["agent"]
    customer, contact = add_customer(logins.root)  # agents do not record DPAs
    su = consent(agent, customer, contact).session_uuid
    sessions.start_session(agent, su, tool="AnyDesk")
    panel = RunningSessionPanel(make_ctx(pg_db.url_for(logins.names["agent"], PASSWORD)), su)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 2, timeout=5000)
    hostile = logins["agent2"].connect()
    try:
        hold_chain_head(hostile)
        _refused(qtbot, panel)
        assert logins.names["agent2"] in panel.status.text()
        assert panel.note_edit.toPlainText() == NOTE
        assert panel.end_blocker_button.isHidden()
    finally:
        hostile.invalidate()
        hostile.close()


@pytest.fixture
def sqlite_panel(qtbot, make_ctx, sqlite_url):  # type: ignore[no-untyped-def]
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    customer, contact = add_customer(engine)
    su = consent(engine, customer, contact).session_uuid
    sessions.start_session(Database(engine), su, tool="AnyDesk")
    panel = RunningSessionPanel(make_ctx(sqlite_url), su)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 2, timeout=5000)
    yield panel, engine
    engine.dispose()


def test_sqlite_file_locked_by_another_program(qtbot, sqlite_panel, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    panel, engine = sqlite_panel
    holder = Holder(engine.url.database)
    try:
        _refused(qtbot, panel)
        assert "locked by another program" in panel.status.text()
        assert panel.note_edit.toPlainText() == NOTE
        assert panel.end_blocker_button.isHidden()  # nothing to end on SQLite
        assert _notes(engine, panel.session_uuid) == []
    finally:
        holder.release()
    click(qtbot, panel.note_button)
    qtbot.waitUntil(lambda: panel.status.text() == "Note saved in the session log.", timeout=10_000)
    assert len(_notes(engine, panel.session_uuid)) == 1
