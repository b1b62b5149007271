"""Issue 18, one truth on every screen: what the agent just did shows everywhere at once
(the card, Sessions, Transfers), with the defaults the agent expects and what the log holds."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine, text

from bowebb_console.services import sessions
from bowebb_console.services.sessions import Consent, Start
from bowebb_console.ui.customers.view import LookupView
from bowebb_console.ui.sessions.consent import ConsentDialog
from bowebb_console.ui.sessions.pick import CustomerPicker
from bowebb_console.ui.sessions.running import RunningWindow
from bowebb_console.ui.sessions.view import SessionsView
from bowebb_console.ui.transfers.view import TransfersView
from tests.ui.sessions.conftest import click, events
from tests.ui.sessions.keys import press, type_text, wait_focus

K = Qt.Key


def _top(kind: type):  # type: ignore[no-untyped-def]
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, kind) and shiboken6.isValid(w) and w.isVisible()
        ),
        None,
    )


def _contact(engine: Engine, customer_id: int) -> tuple[int, str, str]:
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT id, name, email FROM contact WHERE customer_id = :c ORDER BY id"),
            {"c": customer_id},
        ).first()
    assert row is not None
    return int(row[0]), str(row[1]), str(row[2])


def _begin(ctx, customer_id: int, contact_id: int, kind: str, ref: str) -> str:  # type: ignore[no-untyped-def]
    """A session begun outside the screens under test (an earlier run of the console)."""
    transfer = kind == "file_transfer"
    consent = Consent(
        customer_id=customer_id,
        session_kind=kind,
        outcome="agreed",
        channel="phone",
        agreed_at=dt.datetime.now(dt.UTC),
        contact_id=contact_id,
        reference=ref,
        scope="file_transfer" if transfer else "control",
        purpose="Loggfiler",
        purpose_kind="support" if transfer else None,
        purpose_reference=ref if transfer else "",
    )
    su = str(uuid.uuid4())
    sessions.begin_session(
        ctx.database, ctx.identity, consent, consent_uuid=str(uuid.uuid4()), session_uuid=su,
        start=Start(tool="" if transfer else "TeamViewer"), start_uuid=str(uuid.uuid4()),
    )  # fmt: skip
    return su


def _fill(qtbot, dialog: ConsentDialog, *, transfer: bool) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.party is not None)
    if dialog.contact.currentIndex() < 0:
        dialog.contact.setCurrentIndex(0)
    dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))
    qtbot.keyClicks(dialog.reference, "ÄR-2042")
    if transfer:
        dialog.transfer_purpose.setCurrentIndex(dialog.transfer_purpose.findData("support"))
    else:
        dialog.scope.setCurrentIndex(dialog.scope.findData("control"))
    qtbot.keyClicks(dialog.purpose, "Skicka loggfilerna")
    qtbot.mouseClick(dialog.outcome_buttons["agreed"], Qt.MouseButton.LeftButton)


def test_transfers_follow_the_session_just_started(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url)
    customer_id, org = desk.with_dpa
    contact_id, _name, _email = _contact(desk.engine, customer_id)
    older = _begin(ctx, customer_id, contact_id, "file_transfer", "ÄR-1999")
    view = TransfersView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: older in [t.session_uuid for t in view.sessions], timeout=5000)
    listed = len(view.sessions)
    view.session_combo.setCurrentIndex([t.session_uuid for t in view.sessions].index(older))

    click(qtbot, view.start_session_button)  # the Transfers screen offers it itself
    picker = _top(CustomerPicker)
    assert picker is not None
    wait_focus(qtbot, picker.search)
    type_text(org)
    qtbot.waitUntil(lambda: picker.hits.count() == 1, timeout=5000)
    press(K.Key_Return)
    qtbot.waitUntil(lambda: _top(ConsentDialog) is not None)
    dialog = _top(ConsentDialog)
    assert dialog.kind.currentData() == "file_transfer"
    assert dialog.scope.currentData() == "file_transfer"
    assert not dialog.tool.isVisible()  # no remote tool for a file transfer
    _fill(qtbot, dialog, transfer=True)
    su = dialog.session_uuid
    click(qtbot, dialog.start_button)

    # The new session is selected, not the older one, and a Refresh keeps it so.
    qtbot.waitUntil(lambda: view.session_uuid() == su, timeout=5000)
    assert "ÄR-2042" in view.session_combo.currentText()
    click(qtbot, view.refresh_sessions)
    qtbot.wait(300)
    ctx.runner.wait(5000)
    assert view.session_uuid() == su and view.session_combo.count() == listed + 1
    window = _top(RunningWindow)
    assert window is not None and not window.panel.tool.isVisible()
    logged = events(desk.engine, su)
    assert [k for k, _ in logged] == ["consent_recorded", "session_started"]
    consent = json.loads(logged[0][1])
    assert consent["session_kind"] == "file_transfer" and consent["purpose_reference"] == "ÄR-2042"
    assert "tool" not in json.loads(logged[1][1])  # the log names no TeamViewer
    # Ending it (in its window) drops it from the Transfers screen at once.
    qtbot.keyClicks(window.panel.summary, "Filerna skickade")
    click(qtbot, window.panel.end_button)
    qtbot.waitUntil(lambda: su not in [t.session_uuid for t in view.sessions], timeout=5000)
    assert view.session_uuid() != su and view.session_combo.count() == listed


def test_end_shows_everywhere_and_no_false_never_ended(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url)
    customer_id, org = desk.with_dpa
    lookup = LookupView(ctx, debounce_ms=10)
    sessions_view = SessionsView(ctx)
    for w in (lookup, sessions_view):
        qtbot.addWidget(w)
        w.show()
    qtbot.waitUntil(lambda: sessions_view.refresh_button.isEnabled(), timeout=5000)
    left, _here = sessions_view.open_counts  # the demo data leaves one open for this user
    qtbot.keyClicks(lookup.search, org)
    qtbot.waitUntil(lambda: lookup.shown_query == org and lookup.model.rowCount() == 1)
    lookup.open_row(0)
    qtbot.waitUntil(lambda: lookup.card_sessions is not None)
    card = lookup.card_sessions
    click(qtbot, card.start_button)
    qtbot.waitUntil(lambda: _top(ConsentDialog) is not None)
    dialog = _top(ConsentDialog)
    _fill(qtbot, dialog, transfer=False)
    su = dialog.session_uuid
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: _top(RunningWindow) is not None, timeout=5000)
    window = _top(RunningWindow)

    def states(model) -> list[str]:  # type: ignore[no-untyped-def]
        return [r.summary.state for r in model._rows if r.summary.session_uuid == su]

    # Without any refresh: the card and the Sessions screen list it as open, and the
    # Sessions screen does not call a session running here "never ended".
    qtbot.waitUntil(lambda: states(card.panel.model) == ["open"], timeout=5000)
    qtbot.waitUntil(lambda: states(sessions_view.recent_model) == ["open"], timeout=5000)
    assert sessions_view.open_box.isVisible()
    qtbot.waitUntil(lambda: sessions_view.open_counts == (left, 1))
    assert "running in this console." in sessions_view.open_label.text()

    qtbot.keyClicks(window.panel.summary, "Klart")
    click(qtbot, window.panel.end_button)
    qtbot.waitUntil(lambda: states(card.panel.model) == ["ended"], timeout=5000)
    qtbot.waitUntil(lambda: states(sessions_view.recent_model) == ["ended"], timeout=5000)
    qtbot.waitUntil(lambda: sessions_view.open_counts == (left, 0), timeout=5000)
    assert "session(s) running in this console" not in sessions_view.open_label.text()
    assert [k for k, _ in events(desk.engine, su)][-1] == "session_ended"

    # A session left open by an earlier run is still offered to continue or close.
    contact_id, _n, _e = _contact(desk.engine, customer_id)
    _begin(ctx, customer_id, contact_id, "remote_control", "T-1")
    click(qtbot, sessions_view.refresh_button)
    qtbot.waitUntil(lambda: sessions_view.open_counts == (left + 1, 0), timeout=5000)
    assert "not running in this console" in sessions_view.open_label.text()


def test_consent_defaults_follow_the_lookup(qtbot, make_ctx, desk, demo_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url)
    customer_id, _org = desk.with_dpa
    contact_id, name, email = _contact(desk.engine, customer_id)
    lookup = LookupView(ctx, debounce_ms=10)
    qtbot.addWidget(lookup)
    lookup.show()
    qtbot.keyClicks(lookup.search, email)  # the caller found by their e-mail
    qtbot.waitUntil(lambda: lookup.shown_query == email and lookup.model.rowCount() >= 1)
    assert lookup.model.row_at(0).customer_id == customer_id
    lookup.open_row(0)
    qtbot.waitUntil(lambda: lookup.card_sessions is not None)
    click(qtbot, lookup.card_sessions.start_button)
    qtbot.waitUntil(lambda: _top(ConsentDialog) is not None)
    dialog = _top(ConsentDialog)
    qtbot.waitUntil(lambda: dialog.party is not None)
    assert dialog.contact.currentData() == contact_id  # "Who agreed" is the caller found
    assert name in dialog.contact.currentText()
    assert dialog.tool.isVisible()  # remote control: the tool is asked for
    _fill(qtbot, dialog, transfer=False)
    dialog.tool.setCurrentIndex(dialog.tool.findData("AnyDesk"))
    qtbot.keyClicks(dialog.tool_session_id, "123 456 789")
    su = dialog.session_uuid
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: _top(RunningWindow) is not None, timeout=5000)
    panel = _top(RunningWindow).panel
    # The running window shows the tool and id the log holds, not the first in the list.
    qtbot.waitUntil(lambda: panel.tool_id.text() == "123 456 789", timeout=5000)
    assert panel.tool.currentData() == "AnyDesk"
    logged = events(desk.engine, su)
    assert json.loads(logged[0][1])["contact_id"] == contact_id
    assert json.loads(logged[1][1]) == {"tool": "AnyDesk", "tool_session_id": "123 456 789"}
