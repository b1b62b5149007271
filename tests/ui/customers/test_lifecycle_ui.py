"""The lifecycle on the customer card (issue 14, items 1-3): terminating a customer in the
edit dialog shows the hard-delete date the database derived, with its grace period;
reactivating clears it; a trial shows the date it is deleted unless converted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from bowebb_console.services import admin, customers
from bowebb_console.services.customers import CustomerInput
from bowebb_console.ui.customers.dialogs import CustomerDialog

from .helpers import open_view, wait_card

TODAY = dt.date.today()


def _edit_status(qtbot, view, typed: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.card_view.edit_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, CustomerDialog)
    dialog.status.setFocus()
    qtbot.keyClicks(dialog.status, typed)
    assert dialog.status.currentData() == typed
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_terminating_in_the_dialog_shows_the_database_date(
    qtbot, make_ctx, any_db_url, language
) -> None:  # type: ignore[no-untyped-def]
    language("en")
    ctx = make_ctx(any_db_url)
    admin.set_lifecycle(ctx.database, ctx.identity, admin.Lifecycle(60, 30, 1095))
    customer = customers.create_customer(ctx.database, CustomerInput("556680-9827", "Slut AB")).view
    view = open_view(qtbot, ctx)
    view.open_card(customer.id)
    wait_card(qtbot, view, "Slut AB")
    values = view.card_view.values
    assert values["hard_delete_due"].text() == "—"
    _edit_status(qtbot, view, "terminated")
    due = (TODAY + dt.timedelta(days=60)).isoformat()
    qtbot.waitUntil(lambda: values["hard_delete_due"].text().startswith(due))
    assert "grace period 60 days" in values["hard_delete_due"].text()
    assert values["terminated_on"].text() == TODAY.isoformat()
    _edit_status(qtbot, view, "active")
    qtbot.waitUntil(lambda: values["hard_delete_due"].text() == "—")
    assert values["terminated_on"].text() == "—"


def test_a_trial_shows_when_it_goes_unless_converted(qtbot, make_ctx, sqlite_url, language) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.services.customers import ContactInput, TrialInput
    from bowebb_console.store.db.setup import init_database

    language("en")
    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    trial = customers.register_trial(
        ctx.database,
        TrialInput("556680-9827", "Prov AB", ContactInput("Per Prov", "per@prov.se")),
    ).view
    view = open_view(qtbot, ctx)
    view.open_card(trial.id)
    wait_card(qtbot, view, "Prov AB")
    text = view.card_view.values["hard_delete_due"].text()
    assert text.startswith((TODAY + dt.timedelta(days=120)).isoformat())
    assert "if the trial is not made a customer" in text
