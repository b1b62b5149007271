"""The Sessions screen as an agent clicks it: consent first, then start, notes, tool, end."""

from __future__ import annotations

import json

from bowebb_console.store.db.connect import Database
from bowebb_console.store.log.verify import verify_log
from bowebb_console.ui.sessions.view import SessionsView
from tests.ui.sessions.conftest import click, events, fill_consent


def _view(qtbot, ctx) -> SessionsView:  # type: ignore[no-untyped-def]
    view = SessionsView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.refresh_button.isEnabled())
    return view


def _find_and_open(qtbot, view, org: str):  # type: ignore[no-untyped-def]
    qtbot.keyClicks(view.search_edit, org)
    qtbot.waitUntil(lambda: view.hits.count() > 0, timeout=5000)
    click(qtbot, view.start_button)
    assert view.dialog is not None
    return view.dialog


def test_consent_start_notes_end(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, make_ctx(demo_url))
    customer_id, org = desk.with_dpa
    dialog = _find_and_open(qtbot, view, org)
    assert dialog.customer_id == customer_id
    assert not dialog.start_button.isEnabled()  # nothing filled in yet
    fill_consent(qtbot, dialog)
    assert not dialog.dpa_reason.isVisible()  # this customer has a signed DPA
    dialog.tool.setCurrentIndex(dialog.tool.findData("AnyDesk"))
    qtbot.keyClicks(dialog.tool_session_id, "123 456 789")
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: view.running is not None, timeout=5000)
    panel = view.running
    su = panel.session_uuid
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 2)
    qtbot.waitUntil(lambda: panel.elapsed.text().startswith("0:00:"), timeout=3000)

    qtbot.keyClicks(panel.note_edit, "Kunden visar felmeddelandet")
    click(qtbot, panel.note_button)
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 3)
    assert panel.note_edit.toPlainText() == ""
    assert "Kunden visar felmeddelandet" in panel.timeline.event_texts()[-1]

    panel.tool.setCurrentIndex(panel.tool.findData("TeamViewer"))
    qtbot.keyClicks(panel.tool_id, "987 654 321")
    click(qtbot, panel.tool_button)
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 4)

    click(qtbot, panel.end_button)  # no summary yet: refused, nothing logged
    assert "summary" in panel.status.text()
    qtbot.keyClicks(panel.summary, "Utskrift fungerar igen")
    panel.end_outcome.setCurrentIndex(panel.end_outcome.findData("resolved"))
    click(qtbot, panel.end_button)
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.home, timeout=5000)
    qtbot.waitUntil(lambda: view.refresh_button.isEnabled())

    logged = events(desk.engine, su)
    kinds = [k for k, _ in logged]
    assert kinds == [
        "consent_recorded",
        "session_started",
        "note_added",
        "tool_recorded",
        "session_ended",
    ]
    consent = json.loads(logged[0][1])
    assert consent["customer_id"] == customer_id and consent["outcome"] == "agreed"
    assert consent["reference"] == "T-4711" and consent["scope"] == "control"
    assert json.loads(logged[1][1]) == {"tool": "AnyDesk", "tool_session_id": "123 456 789"}
    assert json.loads(logged[4][1]) == {"summary": "Utskrift fungerar igen", "outcome": "resolved"}
    assert verify_log(Database(desk.engine)).ok
    # The new session heads the recent list, ended.
    assert view.recent_model.row_at(0).summary.session_uuid == su
    assert view.recent_model.row_at(0).summary.state == "ended"


def test_no_start_without_agreement(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, make_ctx(demo_url))
    dialog = view.start_for(desk.with_dpa[0])
    fill_consent(qtbot, dialog, outcome="refused")
    assert not dialog.start_button.isEnabled()
    assert "cannot start" in dialog.missing_label.text()
    su = dialog.session_uuid
    with qtbot.waitSignal(dialog.recorded, timeout=5000):
        click(qtbot, dialog.record_button)
    assert view.running is None
    logged = events(desk.engine, su)
    assert [k for k, _ in logged] == ["consent_recorded"]
    assert json.loads(logged[0][1])["outcome"] == "refused"
    qtbot.waitUntil(lambda: view.recent_model.rowCount() > 0)
    qtbot.waitUntil(lambda: view.recent_model.row_at(0).summary.session_uuid == su)
    assert view.recent_model.row_at(0).summary.state == "refused"


def test_incomplete_agreement_keeps_start_disabled(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, make_ctx(demo_url))
    dialog = view.start_for(desk.with_dpa[0])
    fill_consent(qtbot, dialog)
    assert dialog.start_button.isEnabled()
    dialog.reference.clear()
    assert not dialog.start_button.isEnabled()
    assert "reference" in dialog.missing_label.text()
    from PySide6.QtCore import QDateTime

    dialog.when.setDateTime(QDateTime.currentDateTime().addDays(1))
    assert "future" in dialog.missing_label.text()
    dialog.when.setDateTime(QDateTime.currentDateTime().addSecs(-600))
    # A new caller instead of a known contact: needs a name and an e-mail.
    qtbot.keyClicks(dialog.reference, "T-1")
    dialog.contact.setCurrentIndex(dialog.contact.count() - 1)
    assert dialog.caller_box.isVisible() and not dialog.start_button.isEnabled()
    qtbot.keyClicks(dialog.caller_name, "Nils Nystrom")
    qtbot.keyClicks(dialog.caller_email, "nils@example.se")
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: view.running is not None, timeout=5000)
    from sqlalchemy import text

    with desk.engine.connect() as conn:
        added = conn.execute(
            text("SELECT customer_id FROM contact WHERE email = 'nils@example.se'")
        ).scalar_one()
    assert added == desk.with_dpa[0]


def test_missing_dpa_needs_a_reason(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, make_ctx(demo_url))
    dialog = view.start_for(desk.without_dpa[0])
    fill_consent(qtbot, dialog)
    assert dialog.dpa_label.isVisible() and dialog.dpa_reason.isVisible()
    assert not dialog.start_button.isEnabled()
    assert "DPA" in dialog.missing_label.text()
    qtbot.keyClicks(dialog.dpa_reason, "Lonekorningen star still")
    su = dialog.session_uuid
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: view.running is not None, timeout=5000)
    logged = events(desk.engine, su)
    assert json.loads(logged[1][1])["dpa_missing_reason"] == "Lonekorningen star still"


def test_file_transfer_consent_binds_the_purpose(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    """Files may move only for a purchased service or support (policy clause 7): the dialog
    asks which, and the started session is one the Transfers screen accepts."""
    from bowebb_console.store.transfers.log import check_transfer_session

    view = _view(qtbot, make_ctx(demo_url))
    _, org = desk.with_dpa
    dialog = _find_and_open(qtbot, view, org)
    assert not dialog.transfer_purpose.isVisibleTo(dialog)  # remote control: not asked
    dialog.kind.setCurrentIndex(dialog.kind.findData("file_transfer"))
    assert dialog.transfer_purpose.isVisibleTo(dialog)
    fill_consent(qtbot, dialog)
    dialog.scope.setCurrentIndex(dialog.scope.findData("file_transfer"))
    assert not dialog.start_button.isEnabled()  # the transfer's purpose is still missing
    assert "purchased service or support" in dialog.missing_label.text()
    dialog.transfer_purpose.setCurrentIndex(dialog.transfer_purpose.findData("support"))
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: view.running is not None, timeout=5000)
    su = view.running.session_uuid
    consent = json.loads(events(desk.engine, su)[0][1])
    assert (consent["purpose_kind"], consent["purpose_reference"]) == ("support", "T-4711")
    with desk.engine.connect() as conn:
        assert check_transfer_session(conn, su) is not None
