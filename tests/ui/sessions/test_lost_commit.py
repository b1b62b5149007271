"""A note whose COMMIT acknowledgement is lost: the panel says saved or not saved only after
the log writer has re-read the event by its UUID, and a retry never logs it twice."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log import chain as session_log
from bowebb_console.store.sessions import events as sessions
from bowebb_console.ui.sessions.running import RunningSessionPanel
from tests.store.log_helpers import LostAck, add_customer, consent
from tests.ui.sessions.conftest import click, events


@pytest.fixture
def running(qtbot, make_ctx, sqlite_url):  # type: ignore[no-untyped-def]
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


def _notes(engine, su: str) -> int:  # type: ignore[no-untyped-def]
    return [k for k, _ in events(engine, su)].count("note_added")


@pytest.mark.parametrize("committed", [True, False])
def test_lost_ack_is_settled_by_rereading(qtbot, running, monkeypatch, committed) -> None:  # type: ignore[no-untyped-def]
    panel, engine = running
    real_begin = session_log._begin
    monkeypatch.setattr(session_log, "_begin", lambda c: LostAck(real_begin(c), committed))
    qtbot.keyClicks(panel.note_edit, "Checked the spooler")
    click(qtbot, panel.note_button)
    qtbot.waitUntil(lambda: panel.note_button.isEnabled() and not panel.busy, timeout=5000)
    if committed:  # the re-read found it: saved, shown once, the text box emptied
        assert panel.status.text() == "Note saved in the session log."
        assert len(panel.timeline.events) == 3 and panel.note_edit.toPlainText() == ""
    else:  # the re-read did not find it: not saved, and the text is still there
        assert panel.status.text().startswith("Not saved")
        assert len(panel.timeline.events) == 2
        assert panel.note_edit.toPlainText() == "Checked the spooler"
    assert _notes(engine, panel.session_uuid) == int(committed)


def test_unknown_outcome_then_retry_logs_once(qtbot, running, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    panel, engine = running
    real_begin, real_reread = session_log._begin, session_log._reread

    def no_answer(_engine, _event_uuid):  # type: ignore[no-untyped-def]
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(session_log, "_begin", lambda c: LostAck(real_begin(c), True))
    monkeypatch.setattr(session_log, "_reread", no_answer)
    qtbot.keyClicks(panel.note_edit, "Checked the spooler")
    click(qtbot, panel.note_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    assert panel.status.text().startswith("Not known whether this was saved")
    assert panel.note_edit.toPlainText() == "Checked the spooler"
    assert len(panel.timeline.events) == 2  # not shown as saved
    monkeypatch.setattr(session_log, "_begin", real_begin)
    monkeypatch.setattr(session_log, "_reread", real_reread)
    click(qtbot, panel.note_button)  # the database answers again: the same event, once
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 3, timeout=5000)
    assert _notes(engine, panel.session_uuid) == 1
