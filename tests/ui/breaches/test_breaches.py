"""The Breaches screen, driven like a user: a lead records a breach discovered 80 hours ago
(its clock shows overdue, in red), records the notification of IMY and then of the affected
customers; an admin closes it. What the screen shows and what the database holds, checked at
each step; bad input is said in the dialog and nothing typed is lost."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from bowebb_console.store.breaches.register import log_session_uuid
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.chain import read_session_events
from bowebb_console.store.models import Breach
from bowebb_console.ui.breaches.models import RED, BreachModel
from bowebb_console.ui.breaches.view import BreachesView
from bowebb_console.ui.kit.prompts import RecordingPrompts


@pytest.fixture
def empty_url(sqlite_url: str) -> str:
    init_database(sqlite_url)
    return sqlite_url


def open_view(qtbot, ctx) -> BreachesView:  # type: ignore[no-untyped-def]
    view = BreachesView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: not view.loading)
    return view


def cell(view: BreachesView, column: int, row: int = 0) -> str:
    return str(view.model.index(row, column).data())


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def replace(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.clear()
    qtbot.keyClicks(edit, text)


def stored(url: str) -> dict:  # type: ignore[type-arg]
    engine = make_engine(url)
    with engine.connect() as conn:
        [row] = conn.execute(select(Breach.__table__)).mappings().all()
        events = read_session_events(conn, log_session_uuid(row["id"]))
    engine.dispose()
    return {**row, "events": [(e.kind, e.payload) for e in events]}


def test_a_breach_from_discovery_to_customer_notification(
    qtbot, make_ctx, empty_url, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, make_ctx(empty_url, role="lead"))
    assert view.model.rowCount() == 0 and not view.close_button.isVisible()

    # Discovered 80 hours ago: recorded now, the 72 hours are already past.
    click(qtbot, view.record_button)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    found = (dt.datetime.now() - dt.timedelta(hours=80)).replace(second=0, microsecond=0)
    replace(qtbot, dialog.discovered_at, found.strftime("%Y-%m-%d %H:%M"))
    qtbot.keyClicks(dialog.categories, "Contacts: names and e-mail addresses")
    qtbot.keyClicks(dialog.people_approx, "many")
    click(qtbot, dialog.save_button)
    # Nothing typed is lost; the first bad field is named.
    assert "Approx. number of people: Write a whole number." in dialog.error_label.text()
    replace(qtbot, dialog.people_approx, "120")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "What happened: This field is required." in dialog.error_label.text())
    assert dialog.categories.toPlainText() == "Contacts: names and e-mail addresses"
    qtbot.keyClicks(dialog.description, "A laptop with a contact export was stolen.")
    qtbot.keyClicks(dialog.customers_affected, "Norrhall AB, Bergsjo Bygg AB")
    qtbot.keyClicks(dialog.measures, "Disk encrypted; passwords changed")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.loading)

    clock = cell(view, BreachModel.COL_CLOCK)
    assert clock.startswith("overdue by 8 h"), clock
    index = view.model.index(0, BreachModel.COL_CLOCK)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == RED
    assert cell(view, BreachModel.COL_STATUS) == "open"
    assert cell(view, BreachModel.COL_PEOPLE) == "120"
    assert "1 past the 72 hours" in view.summary.text()
    row = stored(empty_url)
    assert row["status"] == "open" and row["people_approx"] == 120
    assert row["discovered_at"].replace(tzinfo=dt.UTC) == found.astimezone(dt.UTC)
    assert [k for k, _ in row["events"]] == ["breach_recorded"]

    # IMY is notified: the decision needs its reference and date.
    view.select_id(row["id"])
    click(qtbot, view.edit_button)
    dialog = view.dialog
    assert dialog is not None and dialog.record is not None
    assert dialog.description.toPlainText() == "A laptop with a contact export was stolen."
    dialog.imy_decision.setCurrentIndex(dialog.imy_decision.findData("notify"))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "IMY's reference" in dialog.error_label.text())
    qtbot.keyClicks(dialog.imy_reference, "IMY-2026-0042")
    qtbot.keyClicks(dialog.imy_notified_on, dt.date.today().isoformat())
    # ...and the affected customers, who, when, how many.
    qtbot.keyClicks(dialog.notified_customers, "Norrhall AB, Bergsjo Bygg AB")
    qtbot.keyClicks(dialog.notified_on, dt.date.today().isoformat())
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "who, when and how many" in dialog.error_label.text())
    qtbot.keyClicks(dialog.notified_count, "2")
    qtbot.keyClicks(dialog.notified_how, "E-mail to each customer's contact")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: cell(view, BreachModel.COL_IMY) == "IMY notified" and not view.loading)
    assert cell(view, BreachModel.COL_CLOCK) == "IMY notified"
    assert view.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert cell(view, BreachModel.COL_NOTIFIED) == f"{dt.date.today().isoformat()} (2)"
    assert "0 past the 72 hours" in view.summary.text()
    row = stored(empty_url)
    assert (row["imy_reference"], row["notified_count"]) == ("IMY-2026-0042", 2)
    assert [k for k, _ in row["events"]] == ["breach_recorded", "breach_changed"]
    changes = row["events"][1][1]["changes"]
    assert changes["imy_decision"] == ["undecided", "notify"]
    assert changes["notified_customers"] == ["", "Norrhall AB, Bergsjo Bygg AB"]
    assert changes["notified_count"] == [None, 2]

    # Exported for the file (CSV, in English here).
    out = tmp_path / "breaches.csv"
    prompts = view.ctx.prompts
    assert isinstance(prompts, RecordingPrompts)
    prompts.paths.append(out)
    click(qtbot, view.export_button)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0][0] == "Discovered" and rows[1][9] == "IMY-2026-0042"


def test_an_admin_closes_a_breach(qtbot, make_ctx, empty_url) -> None:  # type: ignore[no-untyped-def]
    lead = open_view(qtbot, make_ctx(empty_url, role="lead"))
    click(qtbot, lead.record_button)
    dialog = lead.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.description, "Wrong attachment sent to a customer.")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: lead.model.rowCount() == 1 and not lead.loading)
    assert cell(lead, BreachModel.COL_CLOCK).endswith("min left")

    admin = open_view(qtbot, make_ctx(empty_url, role="admin"))
    admin.select_id(admin.model.row_at(0).id)
    assert admin.close_button.isVisible() and admin.close_button.isEnabled()
    click(qtbot, admin.close_button)
    qtbot.waitUntil(lambda: cell(admin, BreachModel.COL_STATUS) == "closed")
    assert admin.message.text() == "Breach closed."
    row = stored(empty_url)
    assert row["status"] == "closed" and row["closed_by"] and row["closed_at"]
    assert [k for k, _ in row["events"]] == ["breach_recorded", "breach_closed"]


def test_swedish_screen(qtbot, make_ctx, empty_url, language, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    view = open_view(qtbot, make_ctx(empty_url, role="lead"))
    click(qtbot, view.record_button)
    dialog = view.dialog
    assert dialog is not None and dialog.windowTitle() == "Registrera en personuppgiftsincident"
    qtbot.keyClicks(dialog.description, "Fel bilaga skickad.")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.loading)
    assert cell(view, BreachModel.COL_CLOCK).endswith("min kvar")
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Upptäckt"
    out = tmp_path / "incidenter.csv"
    prompts = view.ctx.prompts
    assert isinstance(prompts, RecordingPrompts)
    prompts.paths.append(out)
    click(qtbot, view.export_button)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(out.open(encoding="utf-8-sig"), delimiter=";"))
    assert rows[0][0] == "Upptäckt" and rows[1][2] == "öppen"


@pytest.mark.postgres
def test_on_postgresql_as_real_logins(qtbot, make_ctx, pg_db) -> None:  # type: ignore[no-untyped-def]
    """A lead's login records, an admin's closes, the server names both; an agent's login is
    refused by the server even when the client thinks it is a lead."""
    from bowebb_console.store.db import users

    password = "correct horse battery"
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    root = make_engine(pg_db.admin_url_str)
    names = {role: pg_db.login_name(role) for role in ("agent", "lead", "admin")}
    with root.begin() as conn:
        for role, name in names.items():
            users.add_user(conn, name, role, password)
    root.dispose()

    lead = open_view(qtbot, make_ctx(pg_db.url_for(names["lead"], password)))
    assert lead.ctx.identity.role == "lead" and lead.close_button.isHidden()
    click(qtbot, lead.record_button)
    dialog = lead.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.description, "Backup tape lost in transit.")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: lead.model.rowCount() == 1 and not lead.loading)

    admin = open_view(qtbot, make_ctx(pg_db.url_for(names["admin"], password)))
    admin.select_id(admin.model.row_at(0).id)
    click(qtbot, admin.close_button)
    qtbot.waitUntil(lambda: cell(admin, BreachModel.COL_STATUS) == "closed")
    row = stored(pg_db.admin_url_str)
    assert (row["recorded_by"], row["closed_by"]) == (names["lead"], names["admin"])
    assert [k for k, _ in row["events"]] == ["breach_recorded", "breach_closed"]

    # An agent's login, in a client that believes it is a lead: the server refuses.
    posing = make_ctx(pg_db.url_for(names["agent"], password), role="lead")
    view = BreachesView(posing)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.loading)
    assert "Refused" in view.frame.error_label.text()
    click(qtbot, view.record_button)
    dialog = view.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.description, "Smuggled")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "Refused" in dialog.error_label.text())
    assert dialog.isVisible() and dialog.description.toPlainText() == "Smuggled"
