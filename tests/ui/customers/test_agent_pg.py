"""The lookup screen as an agent on the shared PostgreSQL database: the agent's own login
searches (no pg_trgm function needed), creates, edits and exports notice recipients, and
the export is recorded under the agent's login by the server."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from bowebb_console.services import customers
from bowebb_console.store.db import users
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.ui.customers.dialogs import ContactDialog, CustomerDialog
from bowebb_console.ui.customers.notice_dialog import NoticeExportDialog

from .helpers import open_view, type_query, wait_card

PASSWORD = "correct horse battery"


def test_an_agent_creates_finds_edits_and_exports(qtbot, make_ctx, pg_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    name = pg_db.login_name("agent")
    with admin.begin() as conn:
        users.add_user(conn, name, "agent", PASSWORD)
    admin.dispose()
    ctx = make_ctx(pg_db.url_for(name, PASSWORD))
    assert ctx.identity.role == "agent"
    view = open_view(qtbot, ctx)
    click = lambda b: qtbot.mouseClick(b, Qt.MouseButton.LeftButton)  # noqa: E731

    click(view.new_button)
    dialog = view.dialog
    assert isinstance(dialog, CustomerDialog)
    qtbot.keyClicks(dialog.org, "556680-9827")
    qtbot.keyClicks(dialog.name, "Agentens Kund AB")
    click(dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_card(qtbot, view, "Agentens Kund AB")

    click(view.card_view.add_contact_button)
    contact = view.dialog
    assert isinstance(contact, ContactDialog)
    qtbot.keyClicks(contact.name, "Kim Kontakt")
    qtbot.keyClicks(contact.email, "kim@agentens.se")
    click(contact.save_button)
    qtbot.waitUntil(lambda: not contact.isVisible())

    type_query(qtbot, view, "agentns kund")  # a typo: the fuzzy tier, as an agent
    assert view.model.row_at(0).name == "Agentens Kund AB"
    type_query(qtbot, view, "kim@agentens.se")
    assert view.model.row_at(0).matched_contact == "Kim Kontakt <kim@agentens.se>"

    click(view.export_button)
    export = view.dialog
    assert isinstance(export, NoticeExportDialog)
    target = tmp_path / "notice.csv"
    qtbot.keyClicks(export.reason, "Planned maintenance")
    qtbot.keyClicks(export.path, str(target))
    click(export.export_button)
    qtbot.waitUntil(lambda: not export.busy)
    assert export.exported == 1 and target.exists()
    records = customers.list_notice_exports(ctx.database)
    assert [(r.actor, r.recipient_count) for r in records] == [(name, 1)]


def test_an_agent_edits_what_the_database_lets_them_and_it_is_recorded(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, pg_db
) -> None:
    """Migration 0009: the edit dialog offers an agent no DPA date and no termination (the
    database refuses both); a rename is saved and recorded under the agent's login."""
    from sqlalchemy import text

    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    name = pg_db.login_name("agent")
    with admin.begin() as conn:
        users.add_user(conn, name, "agent", PASSWORD)
        customer = conn.execute(
            text(
                "INSERT INTO customer (org_number, name, name_folded, status, customer_since, "
                "dpa_signed_on, version) VALUES ('5566809827', 'Kundbolaget AB', "
                "'kundbolaget ab', 'active', '2024-03-01', '2025-01-01', 1) RETURNING id"
            )
        ).scalar_one()
    ctx = make_ctx(pg_db.url_for(name, PASSWORD))
    view = open_view(qtbot, ctx)
    view.open_card(customer)
    wait_card(qtbot, view, "Kundbolaget AB")
    qtbot.mouseClick(view.card_view.edit_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, CustomerDialog)
    assert dialog.dpa.isReadOnly() and dialog.dpa.text() == "2025-01-01"
    assert not dialog.status.isEnabled()
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == ["active"]
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Kundbolaget Sverige AB")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_card(qtbot, view, "Kundbolaget Sverige AB")
    with admin.connect() as conn:
        actor, payload = conn.execute(
            text(
                "SELECT e.actor, p.payload FROM log_event e JOIN log_payload p ON p.seq = e.seq "
                "WHERE e.kind = 'customer_changed' ORDER BY e.seq DESC LIMIT 1"
            )
        ).one()
    admin.dispose()
    assert actor == name
    rows = json.loads(payload)["rows"]
    assert [(r["before"], r["after"]) for r in rows] == [
        ({"name": "Kundbolaget AB"}, {"name": "Kundbolaget Sverige AB"})
    ]
