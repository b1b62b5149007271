"""The lead's "Sessions blocking others" dialog (issue 13, item 13): it lists who blocks
whom, ends the chosen session after asking (in a background task), and the writer that was
waiting goes on."""

from __future__ import annotations

import threading
import uuid

from PySide6.QtCore import Qt

from bowebb_console.store.log.chain import append_event
from bowebb_console.ui.kit.blockers import BlockersDialog
from tests.store.security.conftest import PASSWORD
from tests.store.security.test_blockers import hold_chain_head


def test_lead_lists_and_ends_a_blocker(qtbot, make_ctx, prompts, pg_db, logins) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(pg_db.url_for(logins.names["lead"], PASSWORD))
    hostile = logins["agent2"].connect()
    done: dict[str, object] = {}
    try:
        pid = hold_chain_head(hostile)
        writer = threading.Thread(
            target=lambda: done.setdefault(
                "event", append_event(logins["agent"], "note_added", str(uuid.uuid4()), {})
            ),
            daemon=True,
        )
        writer.start()
        dialog = BlockersDialog(ctx)
        qtbot.addWidget(dialog)

        def listed() -> bool:
            if dialog.table.rowCount() == 0 and dialog.status.text() != "Looking…":
                dialog.refresh()
            return dialog.table.rowCount() == 1

        qtbot.waitUntil(listed, timeout=4000)
        assert dialog.table.item(0, 0).text() == logins.names["agent2"]
        assert dialog.table.item(0, 4).text() == logins.names["agent"]
        assert dialog.table.item(0, 0).data(Qt.ItemDataRole.UserRole) == pid
        assert not dialog.end_button.isEnabled()  # nothing chosen yet
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
        assert logins.names["agent2"] in prompts.shown[-1].text
        qtbot.waitUntil(lambda: "was ended" in dialog.status.text(), timeout=10_000)
        writer.join(10)
        assert "event" in done
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=5000)
    finally:
        hostile.invalidate()
        hostile.close()


def test_the_menu_item_is_for_leads_on_postgresql(qtbot, make_ctx, pg_db, logins, demo_url) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.ui.main_window import MainWindow

    shown = {}
    for who, url in (
        ("lead", pg_db.url_for(logins.names["lead"], PASSWORD)),
        ("agent", pg_db.url_for(logins.names["agent"], PASSWORD)),
        ("sqlite admin", demo_url),
    ):
        window = MainWindow(make_ctx(url))
        qtbot.addWidget(window)
        shown[who] = window.blockers_action.isVisible() and window.blockers_action.isEnabled()
        if shown[who]:
            window.blockers_action.trigger()
            dialog = window.findChild(BlockersDialog)
            assert dialog is not None and dialog.isVisible()
            qtbot.waitUntil(lambda d=dialog: d.status.text() != "Looking…", timeout=5000)
            assert dialog.status.text() == "No session is holding a lock that others wait for."
            dialog.close()
    assert shown == {"lead": True, "agent": False, "sqlite admin": False}
