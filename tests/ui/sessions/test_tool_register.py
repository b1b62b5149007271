"""Issue 15, item 7: the remote tool in the consent dialog names its entry in the
sub-processor register; a flagged tool (outside the EU, no DPA, missing) warns and needs a
typed reason before Start, and the reason is logged with the start."""

from __future__ import annotations

import json

from bowebb_console.store.db.connect import Database
from bowebb_console.store.log.verify import verify_log
from bowebb_console.ui.sessions.view import SessionsView
from tests.ui.sessions.conftest import click, events, fill_consent


def _dialog(qtbot, make_ctx, desk, demo_url):  # type: ignore[no-untyped-def]
    view = SessionsView(make_ctx(demo_url))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.refresh_button.isEnabled())
    dialog = view.start_for(desk.with_dpa[0])
    fill_consent(qtbot, dialog)
    return view, dialog


def test_a_flagged_tool_needs_a_logged_reason(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    view, dialog = _dialog(qtbot, make_ctx, desk, demo_url)
    # A clean entry: named, no warning, Start ready.
    dialog.tool.setCurrentIndex(dialog.tool.findData("AnyDesk"))
    assert "AnyDesk Software GmbH" in dialog.tool_register.text()
    assert "Germany" in dialog.tool_register.text()
    assert not dialog.tool_reason.isVisible()
    assert dialog.start_button.isEnabled()

    # Quick Assist's entry processes in the US: warned, Start blocked until a reason.
    dialog.tool.setCurrentIndex(dialog.tool.findData("Quick Assist"))
    text = dialog.tool_register.text()
    assert "Microsoft Ireland Operations Ltd" in text and "United States" in text
    assert "outside the EU" in text and "needs a reason" in text
    assert dialog.tool_reason.isVisible()
    assert not dialog.start_button.isEnabled()
    assert "reason for using this remote tool" in dialog.missing_label.text()
    qtbot.keyClicks(dialog.tool_reason, "   ")
    assert not dialog.start_button.isEnabled()
    qtbot.keyClicks(dialog.tool_reason, "Kunden tillater bara Quick Assist")
    assert dialog.start_button.isEnabled()
    su = dialog.session_uuid
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: view.running is not None, timeout=5000)

    logged = events(desk.engine, su)
    assert [k for k, _ in logged] == ["consent_recorded", "session_started"]
    started = json.loads(logged[1][1])
    assert started["tool"] == "Quick Assist"
    assert started["tool_flag_reason"] == "Kunden tillater bara Quick Assist"
    assert verify_log(Database(desk.engine)).ok
    # The running session's timeline says so too.
    panel = view.running
    qtbot.waitUntil(lambda: len(panel.timeline.events) == 2)
    assert any("Kunden tillater bara Quick Assist" in t for t in panel.timeline.event_texts())


def test_a_tool_missing_from_the_register_is_flagged(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    _, dialog = _dialog(qtbot, make_ctx, desk, demo_url)
    dialog.tool.setCurrentIndex(dialog.tool.findData("Chrome Remote Desktop"))
    assert "not in the sub-processor register" in dialog.tool_register.text()
    assert dialog.tool_reason.isVisible() and not dialog.start_button.isEnabled()
    # A file transfer names no tool: nothing to warn about.
    dialog.kind.setCurrentIndex(dialog.kind.findData("file_transfer"))
    assert not dialog.tool_register.isVisible() and not dialog.tool_reason.isVisible()
    # Back to a clean tool: no reason needed.
    dialog.kind.setCurrentIndex(dialog.kind.findData("remote_control"))
    dialog.tool.setCurrentIndex(dialog.tool.findData("TeamViewer"))
    assert not dialog.tool_reason.isVisible() and dialog.start_button.isEnabled()
