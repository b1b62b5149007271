"""The Privacy screen and the contacts' rights, driven like an admin: an access request from
receipt to its PDF; the dashboard on demo data, each line opening the place where it is
handled; restriction hiding a contact from an agent's lookup on PostgreSQL as real logins;
rectification from the customer card, logged with its reason."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from bowebb_console.domain import erasure as rules
from bowebb_console.services import customers
from bowebb_console.services.customers import ContactInput, CustomerInput
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.models import Contact, ErasureRequest, LogEvent, LogPayload
from bowebb_console.ui.customers.card import ContactsModel
from bowebb_console.ui.customers.results import ResultsModel
from bowebb_console.ui.customers.view import LookupView
from bowebb_console.ui.kit.prompts import RecordingPrompts
from bowebb_console.ui.main_window import MainWindow
from bowebb_console.ui.privacy.contact_dialogs import RectifyDialog, RestrictionDialog
from bowebb_console.ui.privacy.models import RED, DashboardModel
from bowebb_console.ui.privacy.view import PrivacyView


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def replace(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def events(url: str, kind: str) -> list[dict]:  # type: ignore[type-arg]
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(LogPayload.payload)
            .join(LogEvent, LogEvent.seq == LogPayload.seq)
            .where(LogEvent.kind == kind)
            .order_by(LogEvent.seq)
        ).scalars()
        out = [json.loads(r) for r in rows]
    engine.dispose()
    return out


def a_customer(url: str, name: str = "Eva Ekström") -> tuple[int, int]:
    """A customer with one contact, saved as the console saves them."""
    from bowebb_console.services.admin import open_database

    db, _ = open_database(url)
    try:
        saved = customers.create_customer(db, CustomerInput("556680-9827", "Norrhall AB"))
        assert saved.view is not None
        contact = customers.add_contact(
            db, saved.view.id, ContactInput(name, "eva.ekstrom@norrhall.se", "070-123 45 67")
        )
        assert contact.view is not None
        return saved.view.id, contact.view.id
    finally:
        db.dispose()


@pytest.fixture
def empty_url(sqlite_url: str) -> str:
    init_database(sqlite_url)
    return sqlite_url


def open_privacy(qtbot, ctx, today: dt.date | None = None) -> PrivacyView:  # type: ignore[no-untyped-def]
    view = PrivacyView(ctx, today=today)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: not view.loading)
    return view


def lines(view: PrivacyView, area: str) -> list[int]:
    return [r for r in range(view.model.rowCount()) if view.model.row_at(r).area == area]


def select_row(view: PrivacyView, row: int) -> None:
    index = view.frame.proxy.mapFromSource(view.model.index(row, 0))
    view.table.setCurrentIndex(index)


def test_an_access_request_from_receipt_to_its_pdf(qtbot, make_ctx, empty_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, eva = a_customer(empty_url)
    today = dt.date.today()
    view = open_privacy(qtbot, make_ctx(empty_url), today)
    assert lines(view, "access") == []

    # Receipt: the date it arrived (typed), by letter.
    click(qtbot, view.new_button)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible() and dialog.save_button.isVisible()
    received = today - dt.timedelta(days=10)
    replace(qtbot, dialog.received, received.isoformat())
    dialog.channel.setCurrentIndex(dialog.channel.findData("letter"))
    assert dialog.due.text() == rules.answer_due(received).isoformat()
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: bool(lines(view, "access")) and not view.loading)
    [row] = lines(view, "access")
    line = view.model.row_at(row)
    assert line.request is not None and line.request.received_on == received
    assert line.deadline == rules.answer_due(received).isoformat() and not line.late
    assert view.model.index(row, DashboardModel.COL_PLACE).data() == "Privacy (this screen)"
    reference = line.request.reference
    assert reference.startswith("AR") and "recorded as received" in view.message.text()

    # The answer: find the person, choose the folder, export.
    select_row(view, row)
    click(qtbot, view.open_button)
    dialog = view.dialog
    assert dialog is not None and not dialog.save_button.isVisible()
    assert not dialog.received.isEnabled()
    click(qtbot, dialog.answer_button)  # no folder yet: said, nothing done
    assert "Choose the folder" in dialog.error_label.text()
    qtbot.keyClicks(dialog.email, "Eva.Ekstrom@norrhall.se")
    click(qtbot, dialog.find_button)
    qtbot.waitUntil(lambda: dialog.found.count() == 1)
    assert "Eva Ekström" in dialog.found.item(0).text()
    assert "Norrhall AB" in dialog.found.item(0).text()
    assert dialog.found_label.text() == "1 contact(s) found"
    out = tmp_path / "answer"
    out.mkdir()
    prompts = view.ctx.prompts
    assert isinstance(prompts, RecordingPrompts)
    prompts.paths.append(out)
    click(qtbot, dialog.folder_button)
    assert dialog.folder_label.text() == str(out)
    click(qtbot, dialog.answer_button)
    qtbot.waitUntil(lambda: dialog.exported is not None or dialog.error_label.text() != "")
    assert dialog.error_label.text() == ""
    assert "Answered" in dialog.message.text() and not dialog.answer_button.isEnabled()

    pdf = out / f"access-{reference}.pdf"
    exported = out / f"access-{reference}.json"
    assert sorted(p.name for p in out.iterdir()) == sorted([pdf.name, exported.name])
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert f"Access request {reference}" in text
    assert "Eva Ekström" in text and "eva.ekstrom@norrhall.se" in text
    assert "Norrhall AB" in text
    report = json.loads(exported.read_text(encoding="utf-8"))
    assert [c["contact_id"] for c in report["contacts"]] == [eva]
    assert report["received_on"] == received.isoformat()

    # Closed as answered, and logged with the export's hash (not its content).
    qtbot.waitUntil(lambda: not lines(view, "access") and not view.loading)
    assert "answered" in view.message.text()
    [logged] = events(empty_url, "privacy_access_answered")
    assert logged["reference"] == reference
    assert logged["json_sha256"] == hashlib.sha256(exported.read_bytes()).hexdigest()
    assert logged["pdf_sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert "Eva" not in json.dumps(logged)
    engine = make_engine(empty_url)
    with engine.connect() as conn:
        status, outcome = conn.execute(
            select(ErasureRequest.status, ErasureRequest.outcome).where(
                ErasureRequest.reference == reference
            )
        ).one()
    engine.dispose()
    assert (status, outcome) == ("done", "answered")


def test_an_access_request_is_extended_with_a_reason(qtbot, make_ctx, empty_url) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    view = open_privacy(qtbot, make_ctx(empty_url), today)
    click(qtbot, view.new_button)
    dialog = view.dialog
    assert dialog is not None
    received = today - dt.timedelta(days=3)
    replace(qtbot, dialog.received, received.isoformat())
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: bool(lines(view, "access")) and not view.loading)
    select_row(view, lines(view, "access")[0])
    click(qtbot, view.extend_button)
    qtbot.waitUntil(lambda: "extension needs a recorded reason" in view.message.text())
    qtbot.keyClicks(view.reason, "Many requests at once")
    click(qtbot, view.extend_button)
    qtbot.waitUntil(lambda: "is now due on" in view.message.text())
    qtbot.waitUntil(lambda: not view.loading)
    line = view.model.row_at(lines(view, "access")[0])
    assert line.deadline == f"{rules.extended_due(received).isoformat()} (extended)"


def test_the_dashboard_shows_the_demo_and_each_line_opens_its_place(
    qtbot, make_ctx, demo_url
) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1300, 760)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("privacy")
    view = window.views["privacy"]
    assert isinstance(view, PrivacyView)
    qtbot.waitUntil(lambda: view.board is not None and not view.loading)

    # The demo's overdue access request, in red; the open breach with its clock; the
    # restricted contact and the objection; the erasure requests; the last retention run.
    [access] = lines(view, "access")
    assert view.model.row_at(access).late
    assert "overdue by" in view.model.row_at(access).deadline
    assert (
        view.model.index(access, DashboardModel.COL_DEADLINE)
        .data(Qt.ItemDataRole.ForegroundRole)
        .color()
        == RED
    )
    [breach] = lines(view, "breach")
    assert view.model.row_at(breach).deadline.endswith("min left")
    [restricted] = lines(view, "restricted")
    [objection] = lines(view, "objection")
    assert lines(view, "erasure") and lines(view, "retention")
    assert "past their deadline" in view.summary.text()

    # The restricted contact: the Customers screen with its card, the contact marked.
    select_row(view, restricted)
    click(qtbot, view.open_button)
    assert window.current_key() == "customers"
    lookup = window.views["customers"]
    customer_id = view.model.row_at(restricted).record
    qtbot.waitUntil(
        lambda: lookup.current_card is not None and lookup.current_card.customer.id == customer_id
    )
    card = lookup.card_view
    marks = [
        card.contacts_model.index(r, ContactsModel.COL_PRIVACY).data()
        for r in range(card.contacts_model.rowCount())
    ]
    assert "restricted" in marks
    assert view.model.row_at(objection).what.split(" (")[0] in {
        c.name for c in lookup.current_card.contacts if c.news_objection
    }

    # The breach: the Breaches screen with that breach selected.
    window.show_page("privacy")
    select_row(view, breach)
    click(qtbot, view.open_button)
    assert window.current_key() == "breaches"
    breaches = window.views["breaches"]
    qtbot.waitUntil(lambda: breaches.selected_id() == view.model.row_at(breach).record)

    # An erasure request: the Erasure screen with it selected.
    window.show_page("privacy")
    erasure_row = lines(view, "erasure")[0]
    select_row(view, erasure_row)
    click(qtbot, view.open_button)
    assert window.current_key() == "erasure"
    erasure_view = window.views["erasure"]
    wanted = view.model.row_at(erasure_row).record
    qtbot.waitUntil(lambda: getattr(erasure_view.selected_request(), "id", None) == wanted)

    # A flagged sub-processor: the register with that entry selected.
    window.show_page("privacy")
    flagged = lines(view, "sub_processor")[0]
    select_row(view, flagged)
    click(qtbot, view.open_button)
    assert window.current_key() == "sub_processors"
    register = window.views["sub_processors"]
    wanted = view.model.row_at(flagged).record
    qtbot.waitUntil(lambda: register.selected_id() == wanted)
    assert register.detail.sp_id == wanted

    # The retention run: the lifecycle settings, where the retention is set.
    window.show_page("privacy")
    select_row(view, lines(view, "retention")[0])
    click(qtbot, view.open_button)
    qtbot.waitUntil(lambda: getattr(window, "lifecycle_dialog", None) is not None)
    assert window.lifecycle_dialog.isVisible()
    window.lifecycle_dialog.reject()

    # The access request opens its dialog right here (Enter on the line).
    select_row(view, access)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.current_key() == "privacy"
    assert view.dialog is not None and view.dialog.isVisible()
    assert "(overdue)" in view.dialog.due.text()
    view.dialog.reject()
    qtbot.waitUntil(lambda: ctx.runner.active_count == 0, timeout=10_000)


def open_lookup(qtbot, ctx) -> LookupView:  # type: ignore[no-untyped-def]
    view = LookupView(ctx, debounce_ms=0)
    qtbot.addWidget(view)
    view.resize(1300, 760)
    view.show()
    qtbot.waitUntil(lambda: not view.loading)
    return view


def search(qtbot, view: LookupView, text: str) -> None:  # type: ignore[no-untyped-def]
    view.search.setFocus()
    view.search.selectAll()
    qtbot.keyClicks(view.search, text)
    qtbot.waitUntil(lambda: not view.loading and view.shown_query == text)


def open_card(qtbot, view: LookupView, customer_id: int) -> None:  # type: ignore[no-untyped-def]
    view.open_card(customer_id)
    qtbot.waitUntil(
        lambda: view.current_card is not None and view.current_card.customer.id == customer_id
    )


def select_contact(view: LookupView, contact_id: int) -> None:
    card = view.card_view
    for row in range(card.contacts_model.rowCount()):
        if card.contacts_model.row_at(row).id == contact_id:
            card.contacts.selectRow(row)
            return
    raise AssertionError(f"contact {contact_id} is not on the card")


@pytest.mark.postgres
def test_restriction_hides_a_contact_from_an_agents_lookup(qtbot, make_ctx, pg_db) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db import users

    password = "correct horse battery"
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    root = make_engine(pg_db.admin_url_str)
    names = {role: pg_db.login_name(role) for role in ("agent", "lead", "admin")}
    with root.begin() as conn:
        for role, name in names.items():
            users.add_user(conn, name, role, password)
    root.dispose()
    urls = {role: pg_db.url_for(name, password) for role, name in names.items()}
    customer, eva = a_customer(urls["admin"])

    # The admin restricts Eva from the customer card, with the reason.
    admin = open_lookup(qtbot, make_ctx(urls["admin"]))
    assert admin.ctx.identity.role == "admin"
    open_card(qtbot, admin, customer)
    card = admin.card_view
    assert card.restrict_button.isVisible()
    select_contact(admin, eva)
    assert card.restrict_button.text() == "Restrict…"
    click(qtbot, card.restrict_button)
    dialog = admin.dialog
    assert isinstance(dialog, RestrictionDialog)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "Say why" in dialog.error_label.text())
    qtbot.keyClicks(dialog.reason, "Ärende 7: bestrider telefonnumret")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    qtbot.waitUntil(
        lambda: admin.current_card is not None and admin.current_card.contacts[0].restricted
    )
    assert card.contacts_model.index(0, ContactsModel.COL_PRIVACY).data() == "restricted"
    [logged] = events(pg_db.admin_url_str, "privacy_restricted")
    assert logged == {
        "contact_id": eva,
        "customer_id": customer,
        "reason": "Ärende 7: bestrider telefonnumret",
    }

    # The admin's dashboard, read as the admin's login, lists her as restricted.
    board = open_privacy(qtbot, make_ctx(urls["admin"]))
    assert not board.frame.error_label.isVisible()
    [line] = [board.model.row_at(r) for r in lines(board, "restricted")]
    assert (line.what, line.record) == ("Eva Ekström (Norrhall AB)", customer)

    # The agent's login: no hit on her name, and the card of her company does not list her.
    agent = open_lookup(qtbot, make_ctx(urls["agent"]))
    assert agent.ctx.identity.role == "agent"
    assert not agent.card_view.restrict_button.isVisible()
    search(qtbot, agent, "Eva Ekstr")
    assert all(
        agent.model.row_at(r).matched_contact_id != eva for r in range(agent.model.rowCount())
    )
    search(qtbot, agent, "eva.ekstrom@norrhall.se")
    assert agent.model.rowCount() == 0
    open_card(qtbot, agent, customer)
    assert agent.current_card is not None and agent.current_card.contacts == ()

    # A lead's login finds her, marked.
    lead = open_lookup(qtbot, make_ctx(urls["lead"]))
    search(qtbot, lead, "eva.ekstrom@norrhall.se")
    assert lead.model.rowCount() == 1
    matched = lead.model.index(0, ResultsModel.COL_CONTACT).data()
    assert matched == "Eva Ekström <eva.ekstrom@norrhall.se> (restricted)"
    open_card(qtbot, lead, customer)
    assert lead.card_view.contacts_model.index(0, ContactsModel.COL_PRIVACY).data() == (
        "restricted"
    )

    # Lifted by the admin: the agent finds her again.
    select_contact(admin, eva)
    assert card.restrict_button.text() == "Lift restriction…"
    click(qtbot, card.restrict_button)
    dialog = admin.dialog
    qtbot.keyClicks(dialog.reason, "Ärende 7: numret utrett")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    search(qtbot, agent, "eva.ekstrom@norrhall.se")
    assert agent.model.rowCount() == 1
    qtbot.waitUntil(lambda: admin.ctx.runner.active_count == 0, timeout=10_000)


def test_rectification_changes_the_contact_and_logs_why(qtbot, make_ctx, empty_url) -> None:  # type: ignore[no-untyped-def]
    customer, eva = a_customer(empty_url)
    view = open_lookup(qtbot, make_ctx(empty_url))
    open_card(qtbot, view, customer)
    select_contact(view, eva)
    click(qtbot, view.card_view.rectify_button)
    dialog = view.dialog
    assert isinstance(dialog, RectifyDialog)
    assert dialog.email.text() == "eva.ekstrom@norrhall.se"
    replace(qtbot, dialog.email, "eva.berg@norrhall.se")
    replace(qtbot, dialog.phone, "070 765 43 21")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "Say why" in dialog.error_label.text())
    assert dialog.email.text() == "eva.berg@norrhall.se"  # nothing typed is lost
    replace(qtbot, dialog.email, "eva.berg@")
    qtbot.keyClicks(dialog.reason, "Ärende 9: nytt efternamn efter giftermål")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "domain" in dialog.error_label.text())
    replace(qtbot, dialog.email, "eva.berg@norrhall.se")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    qtbot.waitUntil(
        lambda: (
            view.current_card is not None
            and view.current_card.contacts[0].email == "eva.berg@norrhall.se"
        )
    )
    # The contact is corrected (the phone normalised as any contact's) and found by it.
    engine = make_engine(empty_url)
    with engine.connect() as conn:
        email, phone = conn.execute(
            select(Contact.email, Contact.phone).where(Contact.id == eva)
        ).one()
    engine.dispose()
    assert (email, phone) == ("eva.berg@norrhall.se", "+46707654321")
    search(qtbot, view, "eva.berg@norrhall.se")
    assert view.model.rowCount() == 1
    # Logged: why and which fields (privacy_rectified), before/after in the change record.
    [why] = events(empty_url, "privacy_rectified")
    assert why == {
        "contact_id": eva,
        "customer_id": customer,
        "reason": "Ärende 9: nytt efternamn efter giftermål",
        "fields": ["email", "phone"],
    }
    change = events(empty_url, "contact_changed")[-1]
    [row] = change["rows"]
    assert row["before"]["email"] == "eva.ekstrom@norrhall.se"
    assert row["after"]["email"] == "eva.berg@norrhall.se"
    # An agent is not offered the contact's rights.
    agent = open_lookup(qtbot, make_ctx(empty_url, role="agent"))
    assert not agent.card_view.rectify_button.isVisible()


def test_swedish_screen(qtbot, make_ctx, demo_url, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    view = open_privacy(qtbot, make_ctx(demo_url))
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Område"
    [access] = lines(view, "access")
    assert view.model.index(access, 0).data() == "Begäran om tillgång"
    assert "försenad" in view.model.row_at(access).deadline
    assert view.new_button.text() == "Registrera en begäran om tillgång…"


def test_objection_says_disruption_notices_still_go_out(qtbot, make_ctx, empty_url) -> None:  # type: ignore[no-untyped-def]
    customer, eva = a_customer(empty_url)
    view = open_lookup(qtbot, make_ctx(empty_url))
    open_card(qtbot, view, customer)
    select_contact(view, eva)
    click(qtbot, view.card_view.objection_button)
    dialog = view.dialog
    assert dialog is not None
    assert "disruption notices still go out" in dialog.contract_note.text()
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    qtbot.waitUntil(
        lambda: view.current_card is not None and view.current_card.contacts[0].news_objection
    )
    assert view.card_view.objection_button.text() == "Withdraw objection…"
    assert events(empty_url, "privacy_objection_recorded") == [
        {"contact_id": eva, "customer_id": customer}
    ]
