"""The customer card lists that customer's sessions from the log and starts a new one."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from bowebb_console.services.sessions import session_lists
from bowebb_console.ui.customers.card_sessions import CardSessions
from bowebb_console.ui.sessions.consent import ConsentDialog

from .helpers import open_view, wait_card


def test_card_shows_the_customers_sessions_and_starts_one(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url)
    logged = session_lists(ctx.database, ctx.identity, 1).recent[0]
    view = open_view(qtbot, ctx)
    view.open_card(logged.summary.customer_id)
    qtbot.waitUntil(lambda: view.current_card is not None)
    wait_card(qtbot, view, view.current_card.customer.name)
    sessions = view.card_view.sessions_box.findChild(CardSessions)
    assert sessions is not None and sessions.customer_id == logged.summary.customer_id
    qtbot.waitUntil(lambda: sessions.panel.model.rowCount() >= 1)

    sessions.start_button.click()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, ConsentDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ConsentDialog))
    assert dialog.customer_id == logged.summary.customer_id
    dialog.reject()
