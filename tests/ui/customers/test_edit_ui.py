"""Creating and editing companies and contacts through the dialogs, on real databases:
inline validation, optimistic locking with two sessions, trial registration and conversion,
and a connection that drops while saving."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import event, func, select, text

from bowebb_console.services import customers
from bowebb_console.services.customers import ContactInput, CustomerInput, TrialInput
from bowebb_console.services.database import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.models import Contact, Customer
from bowebb_console.ui.customers.dialogs import ContactDialog, CustomerDialog, TrialDialog

from .helpers import open_view, wait_card

GOOD_ORG = "556680-9827"
BAD_ORG = "556680-9828"  # check digit off by one


def _count(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return int(s.scalar(select(func.count()).select_from(Customer)) or 0)


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _fill(qtbot, edit, value: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    edit.clear()
    qtbot.keyClicks(edit, value)


def test_create_with_a_bad_org_number_shows_why_and_saves_nothing(
    qtbot, make_ctx, sqlite_url, language
) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database

    language("en")
    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    view = open_view(qtbot, ctx)
    _click(qtbot, view.new_button)
    dialog = view.dialog
    assert isinstance(dialog, CustomerDialog) and dialog.isVisible()
    _fill(qtbot, dialog.org, BAD_ORG)
    _fill(qtbot, dialog.name, "Exempel AB")
    _click(qtbot, dialog.save_button)
    assert "check digit is wrong" in dialog.form.message("org_number")
    assert dialog.form.message("name") == ""
    assert dialog.isVisible() and not dialog.saving
    assert ctx.runner.active_count == 0  # nothing even went to the database
    assert _count(ctx) == 0
    assert dialog.org.text() == BAD_ORG and dialog.name.text() == "Exempel AB"
    # Corrected, it saves and the new customer's card opens.
    _fill(qtbot, dialog.org, GOOD_ORG)
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_card(qtbot, view, "Exempel AB")
    assert view.card_view.values["org_number"].text() == GOOD_ORG
    assert view.card_view.values["customer_since"].text() == dt.date.today().isoformat()
    assert _count(ctx) == 1


def test_duplicate_org_number_is_said_beside_the_field(qtbot, make_ctx, any_db_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(any_db_url)
    customers.create_customer(ctx.database, CustomerInput(GOOD_ORG, "Först AB"))
    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    _fill(qtbot, dialog.org, "5566809827")
    _fill(qtbot, dialog.name, "Andra AB")
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.saving)
    assert "already exists" in dialog.form.message("org_number")
    assert dialog.isVisible() and dialog.name.text() == "Andra AB"
    assert _count(ctx) == 1


def test_swedish_field_messages(qtbot, make_ctx, sqlite_url, language) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database

    language("sv")
    init_database(sqlite_url)
    dialog = ContactDialog(make_ctx(sqlite_url), customer_id=1)
    qtbot.addWidget(dialog)
    dialog.open()
    _fill(qtbot, dialog.name, "Anna Svensson")
    _click(qtbot, dialog.save_button)
    assert dialog.form.message("email") == (
        "Ange en e-postadress: varje kontaktperson måste ha en."
    )


def test_edit_conflict_with_two_sessions_keeps_the_typed_input(
    qtbot, make_ctx, any_db_url, language
) -> None:  # type: ignore[no-untyped-def]
    language("en")
    ctx = make_ctx(any_db_url)
    loaded = customers.create_customer(ctx.database, CustomerInput(GOOD_ORG, "Bo Webb AB")).view
    dialog = CustomerDialog(ctx, loaded)  # agent 1 opens the company
    qtbot.addWidget(dialog)
    dialog.open()
    _fill(qtbot, dialog.name, "BoWebb Sverige AB")
    _fill(qtbot, dialog.dpa, "2026-01-15")
    other = Database(make_engine(any_db_url))  # agent 2, another connection, saves first
    customers.update_customer(other, loaded, CustomerInput(GOOD_ORG, "BackOffice Webbtjänster AB"))
    other.dispose()

    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.saving)
    assert dialog.isVisible()
    banner = dialog.banner.text()
    assert "Someone else saved this record" in banner and "changed: name" in banner
    assert dialog.name.text() == "BoWebb Sverige AB"  # the typed input is kept
    assert dialog.dpa.text() == "2026-01-15"
    assert dialog.form.hints["name"].text() == "Now saved: BackOffice Webbtjänster AB"
    saved = customers.get_customer(ctx.database, loaded.id)
    assert saved.name == "BackOffice Webbtjänster AB"  # not overwritten

    assert dialog.reload_button.isVisible()
    _click(qtbot, dialog.reload_button)
    qtbot.waitUntil(lambda: not dialog.saving and not dialog.reload_button.isVisible())
    assert dialog.name.text() == "BoWebb Sverige AB"
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = customers.get_customer(ctx.database, loaded.id)
    assert saved.name == "BoWebb Sverige AB"
    assert saved.dpa_signed_on == dt.date(2026, 1, 15)
    assert saved.version == loaded.version + 2


def test_contact_edit_conflict_and_phone_to_e164(qtbot, make_ctx, any_db_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(any_db_url)
    customer = customers.create_customer(
        ctx.database,
        CustomerInput(GOOD_ORG, "Bo Webb AB"),
        [ContactInput("Anna Ek", "anna@bowebb.se")],
    ).view
    contact = customers.load_customer_card(ctx.database, customer.id).contacts[0]
    dialog = ContactDialog(ctx, customer.id, contact)
    qtbot.addWidget(dialog)
    dialog.open()
    _fill(qtbot, dialog.phone, "070-123 45 67")
    dialog.phone.editingFinished.emit()
    assert dialog.form.hints["phone"].text() == "Saved as +46701234567"
    customers.update_contact(ctx.database, contact, ContactInput("Anna Ek", "anna.ek@bowebb.se"))
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.saving)
    assert "changed: e-mail" in dialog.banner.text()
    assert dialog.phone.text() == "070-123 45 67"
    _click(qtbot, dialog.reload_button)
    qtbot.waitUntil(lambda: not dialog.saving and not dialog.reload_button.isVisible())
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = customers.load_customer_card(ctx.database, customer.id).contacts[0]
    # Re-applying writes the whole form as the user sees it.
    assert (saved.email, saved.phone) == ("anna@bowebb.se", "+46701234567")


def test_trial_registration_then_convert(qtbot, make_ctx, any_db_url, prompts) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(any_db_url)
    view = open_view(qtbot, ctx)
    _click(qtbot, view.trial_button)
    dialog = view.dialog
    assert isinstance(dialog, TrialDialog)
    _fill(qtbot, dialog.org, GOOD_ORG)
    _fill(qtbot, dialog.company, "Provar AB")
    _fill(qtbot, dialog.contact, "Per Provare")
    _click(qtbot, dialog.save_button)
    assert "e-mail" in dialog.form.message("email")  # a trial needs the e-mail
    assert _count(ctx) == 0
    _fill(qtbot, dialog.email, "per@provar.se")
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_card(qtbot, view, "Provar AB")
    card = view.card_view
    assert view.current_card.customer.status == "trial"
    assert card.values["trial_registered_on"].text() == dt.date.today().isoformat()
    assert card.convert_button.isVisible()
    assert card.contacts_model.row_at(0).email == "per@provar.se"

    _click(qtbot, card.convert_button)
    assert prompts.shown[-1].kind == "confirm"
    qtbot.waitUntil(lambda: view.current_card.customer.status == "active")
    assert card.values["customer_since"].text() == dt.date.today().isoformat()
    assert not card.convert_button.isVisible()
    with ctx.database.session() as s:
        row = s.scalars(select(Customer)).one()
        assert (row.status, row.customer_since) == ("active", dt.date.today())
        assert s.scalar(select(func.count()).select_from(Contact)) == 1


def test_connection_dropped_while_saving_says_not_saved_and_keeps_input(
    qtbot, make_ctx, pg_db
) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database

    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    ctx = make_ctx(pg_db.admin_url_str)
    killer = make_engine(pg_db.admin_url_str)
    armed = [True]

    def drop_connection(conn) -> None:  # type: ignore[no-untyped-def]
        if armed[0]:  # the network drops just before the COMMIT reaches the server
            armed[0] = False
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with killer.connect() as k:
                k.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})

    event.listen(ctx.database.engine, "commit", drop_connection)
    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    _fill(qtbot, dialog.org, GOOD_ORG)
    _fill(qtbot, dialog.name, "Tappad AB")
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.saving)
    assert "NOT saved" in dialog.banner.text()
    assert dialog.isVisible() and dialog.name.text() == "Tappad AB"
    assert _count(ctx) == 0
    _click(qtbot, dialog.save_button)  # the database answers again: save once more
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _count(ctx) == 1
    event.remove(ctx.database.engine, "commit", drop_connection)
    killer.dispose()


def test_add_a_contact_from_the_card(qtbot, make_ctx, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    customer = customers.create_customer(ctx.database, CustomerInput(GOOD_ORG, "Bo Webb AB")).view
    view = open_view(qtbot, ctx)
    view.open_card(customer.id)
    wait_card(qtbot, view, "Bo Webb AB")
    assert not view.card_view.edit_contact_button.isEnabled()
    _click(qtbot, view.card_view.add_contact_button)
    dialog = view.dialog
    assert isinstance(dialog, ContactDialog)
    _fill(qtbot, dialog.name, "Anna Ek")
    _fill(qtbot, dialog.email, "anna@")
    _fill(qtbot, dialog.phone, "+46 8 123")
    _click(qtbot, dialog.save_button)
    assert dialog.form.message("email") and dialog.form.message("phone")
    _fill(qtbot, dialog.email, "Anna.Ek@BoWebb.se")
    _fill(qtbot, dialog.phone, "08-123 456 78")
    _fill(qtbot, dialog.title_edit, "VD")
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: view.card_view.contacts_model.rowCount() == 1)
    contact = view.card_view.contacts_model.row_at(0)
    assert (contact.name, contact.phone, contact.title) == ("Anna Ek", "+46812345678", "VD")


def test_converting_a_trial_someone_else_changed_is_refused(
    qtbot, make_ctx, sqlite_url, prompts
) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    trial = customers.register_trial(
        ctx.database, TrialInput(GOOD_ORG, "Provar AB", ContactInput("Per", "per@provar.se"))
    ).view
    view = open_view(qtbot, ctx)
    view.open_card(trial.id)
    wait_card(qtbot, view, "Provar AB")
    # another agent renames it meanwhile
    customers.update_customer(
        ctx.database, trial, CustomerInput(GOOD_ORG, "Provar Sverige AB", "trial")
    )
    _click(qtbot, view.card_view.convert_button)
    qtbot.waitUntil(lambda: any(p.kind == "error" for p in prompts.shown))
    assert "Someone else changed this customer" in prompts.texts("error")[0]
    wait_card(qtbot, view, "Provar Sverige AB")  # the card shows what is saved now
    assert view.current_card.customer.status == "trial"


def test_the_conflict_message_in_swedish_names_the_field(
    qtbot, make_ctx, sqlite_url, language
) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database

    language("sv")
    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    loaded = customers.create_customer(
        ctx.database, CustomerInput(GOOD_ORG, "Bo Webb AB", "trial")
    ).view
    dialog = CustomerDialog(ctx, loaded)
    qtbot.addWidget(dialog)
    dialog.open()
    _fill(qtbot, dialog.name, "Mitt namn AB")
    customers.update_customer(ctx.database, loaded, CustomerInput(GOOD_ORG, "Bo Webb AB", "active"))
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.saving)
    assert "(ändrat: status, kund sedan)" in dialog.banner.text()
    assert dialog.form.hints["status"].text() == "Sparat nu: aktiv"
    assert dialog.reload_button.text() == "Läs in igen och använd mina ändringar"
