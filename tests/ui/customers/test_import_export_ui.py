"""The CSV import dialog (dry run first, all or nothing) and the notice-recipients export
(reason required, recorded, file renamed into place only after the record is committed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from bowebb_console.services import customers
from bowebb_console.services.customers import ContactInput, CustomerInput
from bowebb_console.store.models import Contact, Customer
from bowebb_console.ui.customers.import_dialog import ImportDialog
from bowebb_console.ui.customers.notice_dialog import NoticeExportDialog

from .helpers import open_view

BAD = (
    "\ufefforg_number;company_name;contact_name;email;phone\n"
    "556680-9827;BoWebb AB;Anna Ek;anna@bowebb.se;070-123 45 67\n"
    "556680-9828;Fel AB;Per Fel;per@fel.se;\n"
    "559999-0008;Utan AB;Eva Utan;;\n"
)
GOOD = (
    "org_number,company_name,status,contact_name,email,title\n"
    "556680-9827,BoWebb AB,active,Anna Ek,anna@bowebb.se,VD\n"
    "556680-9827,BoWebb AB,active,Bo Ek,bo@bowebb.se,\n"
)


def _counts(ctx) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        customers = s.scalar(select(func.count()).select_from(Customer)) or 0
        contacts = s.scalar(select(func.count()).select_from(Contact)) or 0
    return int(customers), int(contacts)


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _dialog(qtbot, view, button, cls):  # type: ignore[no-untyped-def]
    _click(qtbot, button)
    dialog = view.dialog
    assert isinstance(dialog, cls) and dialog.isVisible()
    return dialog


def test_dry_run_lists_every_bad_row_and_changes_nothing(
    qtbot, make_ctx, any_db_url, tmp_path: Path, language
) -> None:  # type: ignore[no-untyped-def]
    language("en")
    ctx = make_ctx(any_db_url)
    view = open_view(qtbot, ctx)
    dialog = _dialog(qtbot, view, view.import_button, ImportDialog)
    path = tmp_path / "bad.csv"
    path.write_text(BAD, encoding="utf-8")
    qtbot.keyClicks(dialog.path, str(path))
    _click(qtbot, dialog.check_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    shown = [
        tuple(dialog.errors_model.index(r, c).data() for c in range(3))
        for r in range(dialog.errors_model.rowCount())
    ]
    assert [(line, column) for line, column, _ in shown] == [("3", "org_number"), ("4", "email")]
    assert "check digit" in shown[0][2] and "missing" in shown[1][2]
    assert dialog.errors.isVisible()
    assert "2 bad rows" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert _counts(ctx) == (0, 0)


def test_clean_dry_run_then_import_all_or_nothing(
    qtbot, make_ctx, any_db_url, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(any_db_url)
    view = open_view(qtbot, ctx)
    dialog = _dialog(qtbot, view, view.import_button, ImportDialog)
    path = tmp_path / "good.csv"
    path.write_text(GOOD, encoding="utf-8")
    qtbot.keyClicks(dialog.path, str(path))
    assert not dialog.import_button.isEnabled()  # a dry run comes first
    _click(qtbot, dialog.check_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "1 new and 0 updated customers, 2 new" in dialog.summary.text()
    assert _counts(ctx) == (0, 0)
    assert dialog.import_button.isEnabled()
    _click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.summary.text().startswith("Imported.")
    assert _counts(ctx) == (1, 2)
    qtbot.waitUntil(lambda: not view.loading and view.model.rowCount() == 1)  # list refreshed
    # A second run matches by org number: updated, not duplicated.
    _click(qtbot, dialog.check_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "0 new and 1 updated customers, 0 new and 2 updated" in dialog.summary.text()


def test_unreadable_file_is_said(qtbot, make_ctx, sqlite_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    dialog = ImportDialog(make_ctx(sqlite_url))
    qtbot.addWidget(dialog)
    dialog.open()
    path = tmp_path / "latin1.csv"
    path.write_bytes("org_number,company_name,contact_name,email\n1,Å,Ö,x\n".encode("latin-1"))
    qtbot.keyClicks(dialog.path, str(path))
    _click(qtbot, dialog.check_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "not UTF-8" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_notice_export_needs_a_reason_writes_the_csv_and_records_it(
    qtbot, make_ctx, any_db_url, tmp_path: Path, language
) -> None:  # type: ignore[no-untyped-def]
    language("en")
    ctx = make_ctx(any_db_url)
    customers.create_customer(
        ctx.database,
        CustomerInput("556680-9827", "BoWebb AB"),
        [ContactInput("Anna Ek", "anna@bowebb.se"), ContactInput("Bo Ek", "bo@bowebb.se")],
    )
    customers.create_customer(
        ctx.database,
        CustomerInput("5560160680", "Avslutad AB", status="terminated"),
        [ContactInput("Cecilia Slut", "c@avslutad.se")],
    )
    view = open_view(qtbot, ctx)
    dialog = _dialog(qtbot, view, view.export_button, NoticeExportDialog)
    target = tmp_path / "notice.csv"
    qtbot.keyClicks(dialog.path, str(target))
    _click(qtbot, dialog.export_button)
    assert dialog.reason_message.text().startswith("Say why")
    assert not dialog.busy and not target.exists()
    dialog.reason.setText("Driftstörning 2026-11-26: e-post försenad")
    _click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.exported == 2
    assert "Exported 2 addresses" in dialog.result_label.text()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "E-mail,Contact,Company"  # words; ',' in English Excel
    assert sorted(lines[1:]) == ["anna@bowebb.se,Anna Ek,BoWebb AB", "bo@bowebb.se,Bo Ek,BoWebb AB"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    records = customers.list_notice_exports(ctx.database)
    assert len(records) == 1
    assert records[0].recipient_count == 2
    assert records[0].reason == "Driftstörning 2026-11-26: e-post försenad"
    assert records[0].actor


def test_a_failed_record_leaves_no_file(qtbot, make_ctx, sqlite_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    with ctx.database.engine.begin() as conn:  # the record cannot be written
        conn.execute(text("DROP TABLE notice_export"))
    dialog = NoticeExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    target = tmp_path / "notice.csv"
    qtbot.keyClicks(dialog.reason, "Planned maintenance")
    qtbot.keyClicks(dialog.path, str(target))
    _click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "No file was written" in dialog.result_label.text()
    assert not target.exists()
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def test_choose_asks_for_the_file_through_the_prompts(
    qtbot, make_ctx, sqlite_url, tmp_path: Path, prompts
) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    chosen = tmp_path / "customers.csv"
    prompts.paths.extend([chosen, tmp_path / "recipients"])
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    _click(qtbot, dialog.choose_button)
    assert dialog.path.text() == str(chosen)
    export = NoticeExportDialog(ctx)
    qtbot.addWidget(export)
    export.open()
    _click(qtbot, export.choose_button)
    assert export.path.text() == str(tmp_path / "recipients.csv")  # the suffix is added
    assert [p.kind for p in prompts.shown] == ["path", "path"]


def test_the_qt_picker_does_not_block(qtbot, make_ctx, sqlite_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database
    from bowebb_console.ui.kit.prompts import QtPrompts

    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    ctx.prompts = qt = QtPrompts()
    dialog = NoticeExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    _click(qtbot, dialog.choose_button)  # returns at once: the picker is window-modal
    picker = qt.file_dialog
    assert picker is not None and picker.isVisible()
    picker.selectFile(str(tmp_path / "notice.csv"))
    picker.accept()
    qtbot.waitUntil(lambda: dialog.path.text() == str(tmp_path / "notice.csv"))


def _big_file(path: Path, companies: int = 1700) -> None:
    from bowebb_console.domain.orgnr import make_orgnr

    rows = "".join(
        f"{make_orgnr(f'556{c:06d}').formatted},Företag {c} AB,,Person {c}-{p} Ek,"
        f"p{p}@foretag{c}.se,,\n"
        for c in range(companies)
        for p in range(3)
    )
    path.write_text("org_number,company_name,status,contact_name,email,phone,title\n" + rows)


def test_a_long_import_shows_progress_and_cancel_leaves_nothing(
    qtbot, make_ctx, any_db_url, tmp_path: Path, language
) -> None:  # type: ignore[no-untyped-def]
    """5,100 rows: the bar and its Cancel button show while a run goes on, Close waits; a
    cancelled import says so and nothing of it is in the database."""
    language("en")
    ctx = make_ctx(any_db_url)
    view = open_view(qtbot, ctx)
    dialog = _dialog(qtbot, view, view.import_button, ImportDialog)
    path = tmp_path / "big.csv"
    _big_file(path)
    qtbot.keyClicks(dialog.path, str(path))
    assert not dialog.job.bar.isVisible()
    _click(qtbot, dialog.check_button)
    assert dialog.job.bar.isVisible() and dialog.job.cancel_button.isVisible()
    assert not dialog.close_button.isEnabled() and not dialog.check_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert "1700 new and 0 updated customers, 5100 new" in dialog.summary.text()
    assert not dialog.job.bar.isVisible() and dialog.close_button.isEnabled()
    _click(qtbot, dialog.import_button)
    assert dialog.summary.text() == "Importing…"
    _click(qtbot, dialog.job.cancel_button)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.summary.text() == "The import was cancelled: nothing was imported."
    assert _counts(ctx) == (0, 0)
    assert not dialog.import_button.isEnabled()  # a new check comes first
    assert dialog.isVisible() and dialog.close_button.isEnabled()


def test_escape_during_a_check_cancels_it_and_keeps_the_dialog(
    qtbot, make_ctx, sqlite_url, tmp_path: Path, language
) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database

    language("en")
    init_database(sqlite_url)
    dialog = ImportDialog(make_ctx(sqlite_url))
    qtbot.addWidget(dialog)
    dialog.open()
    path = tmp_path / "big.csv"
    _big_file(path)
    qtbot.keyClicks(dialog.path, str(path))
    _click(qtbot, dialog.check_button)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.summary.text() == "The check was cancelled."
    assert dialog.isVisible() and not dialog.import_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing runs now: Esc closes
    assert not dialog.isVisible()
