"""What the Customers screen shows when something fails or is refused: translated by the
error's code (Swedish here), and never an exception's class name."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import text

from bowebb_console.services import customers
from bowebb_console.services.customers import CustomerInput
from bowebb_console.store.db.setup import init_database
from bowebb_console.ui.customers.dialogs import ContactDialog, CustomerDialog
from bowebb_console.ui.customers.import_dialog import ImportDialog

from .helpers import open_view

CLASS_NAME = re.compile(r"[A-Z][a-z]+(Error|Exception|Edit|Unknown)\b")


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _fill(qtbot, edit, value: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    edit.clear()
    qtbot.keyClicks(edit, value)


def test_a_failed_search_is_said_in_swedish_without_a_class_name(
    qtbot, make_ctx, demo_url, language
) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    ctx = make_ctx(demo_url)
    view = open_view(qtbot, ctx)
    with ctx.database.engine.begin() as conn:
        conn.execute(text("ALTER TABLE customer RENAME TO customer_gone"))
    view.search.setFocus()
    qtbot.keyClicks(view.search, "ande")
    qtbot.waitUntil(lambda: not view.loading)
    shown = view.error_label.text()
    assert shown.startswith("Sökningen misslyckades: ")
    assert shown.endswith("Skriv igen för att försöka på nytt.")
    assert not CLASS_NAME.search(shown) and "no such table" not in shown


def test_domain_messages_beside_the_fields_are_swedish(
    qtbot, make_ctx, sqlite_url, language
) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    init_database(sqlite_url)
    dialog = ContactDialog(make_ctx(sqlite_url), customer_id=1)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.name.setText("Anna\u202eEk")  # a pasted right-to-left override
    _fill(qtbot, dialog.email, "anna@")
    _fill(qtbot, dialog.phone, "070-12")
    _click(qtbot, dialog.save_button)
    assert dialog.form.message("name") == (
        "Fältet kontaktpersonens namn innehåller ett osynligt styrtecken (U+202E): "
        "ta bort det och försök igen."
    )
    assert dialog.form.message("email") == "E-postadressen saknar domän (delen efter @)."
    assert dialog.form.message("phone") == (
        "Telefonnumret är för kort: kontrollera om en siffra saknas."
    )


def test_a_refusal_by_the_service_is_swedish_beside_its_field(
    qtbot, make_ctx, sqlite_url, language
) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    customers.create_customer(ctx.database, CustomerInput("556680-9827", "Först AB"))
    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    _fill(qtbot, dialog.org, "5566809827")
    _fill(qtbot, dialog.name, "Andra AB")
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.saving)
    assert dialog.form.message("org_number") == (
        "Det finns redan en kund med organisationsnummer 556680-9827: Först AB."
    )


def test_a_database_failure_while_saving_names_no_class(
    qtbot, make_ctx, sqlite_url, language
) -> None:  # type: ignore[no-untyped-def]
    language("en")
    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    with ctx.database.engine.begin() as conn:  # the database refuses every new customer
        conn.execute(
            text(
                "CREATE TRIGGER no_new BEFORE INSERT ON customer "
                "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END"
            )
        )
    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    _fill(qtbot, dialog.org, "556680-9827")
    _fill(qtbot, dialog.name, "Exempel AB")
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.saving)
    banner = dialog.banner.text()
    assert banner == (
        "Could not save: The database refused this change. Everything you typed is still here."
    )
    assert not CLASS_NAME.search(banner)
    assert dialog.name.text() == "Exempel AB"


def test_import_rows_and_file_errors_are_swedish(
    qtbot, make_ctx, sqlite_url, tmp_path: Path, language
) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    init_database(sqlite_url)
    dialog = ImportDialog(make_ctx(sqlite_url))
    qtbot.addWidget(dialog)
    dialog.open()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "org_number,company_name,contact_name,email\n"
        "556680-9828,Fel AB,Per Fel,per@fel.se\n"
        "556680-9827,Rätt AB,Anna,\n"
        "556680-9827,Annat AB,Bo,bo@x.se\n",
        encoding="utf-8",
    )
    qtbot.keyClicks(dialog.path, str(bad))
    _click(qtbot, dialog.check_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    why = [dialog.errors_model.index(r, 2).data() for r in range(dialog.errors_model.rowCount())]
    assert why == [
        "Kontrollsiffran stämmer inte: kontrollera numret så att inget är felskrivet.",
        "E-postadressen saknas.",
        "org.nr 556680-9827 förekommer igen med ett annat företagsnamn än på rad 3",
    ]
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("org_number,company_name,contact_name,email\n1,Å,Ö,x\n".encode("latin-1"))
    _fill(qtbot, dialog.path, str(latin1))
    _click(qtbot, dialog.check_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.summary.text() == (
        "Filen kan inte läsas: filen är inte UTF-8 (byte 46): spara den som ”CSV UTF-8” i Excel"
    )
