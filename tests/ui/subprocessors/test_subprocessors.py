"""The Sub-processors screen, driven like a user: add a sub-processor, tick the checklist,
see the flags change, attach evidence, plan a change, export PDF (parsed back) and CSV."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from bowebb_console.services import subprocessors as service
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.chain import read_session_events
from bowebb_console.store.subprocessors.register import log_session_uuid
from bowebb_console.ui.kit.prompts import RecordingPrompts
from bowebb_console.ui.subprocessors.models import RegisterModel
from bowebb_console.ui.subprocessors.view import SubProcessorsView


@pytest.fixture
def empty_url(sqlite_url: str) -> str:
    init_database(sqlite_url)
    return sqlite_url


def open_view(qtbot, ctx) -> SubProcessorsView:  # type: ignore[no-untyped-def]
    view = SubProcessorsView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 900)
    view.show()
    qtbot.waitUntil(lambda: not view.loading)
    return view


def choose_file(widget, path: Path) -> None:  # type: ignore[no-untyped-def]
    """The path the user picks in the next file dialog (the context's RecordingPrompts)."""
    prompts = widget.ctx.prompts
    assert isinstance(prompts, RecordingPrompts)
    prompts.paths.append(path)


def pdf_text(path: Path) -> str:
    """The PDF's text with runs of whitespace (Qt writes tabs between words) as one space."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def cell(view: SubProcessorsView, column: int, row: int = 0) -> str:
    return str(view.model.index(row, column).data())


def add_hosting(qtbot, view: SubProcessorsView, locations: str = "SE") -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.name, "Norrhall Drift AB")
    qtbot.keyClicks(dialog.service, "Hosting")
    qtbot.keyClicks(dialog.locations, locations)
    qtbot.keyClicks(dialog.storage_locations, "se")
    qtbot.keyClicks(dialog.dpa_reference, "UB-2025-010")
    qtbot.keyClicks(dialog.dpa_signed_on, "2025-01-10")
    qtbot.keyClicks(dialog.next_review_on, "2099-01-01")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog


def test_add_tick_items_flags_change_and_export_pdf(qtbot, make_ctx, empty_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(empty_url)
    view = open_view(qtbot, ctx)
    assert view.model.rowCount() == 0
    dialog = add_hosting(qtbot, view)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.loading)
    assert cell(view, RegisterModel.COL_FLAG_TEXT) == "Checklist: 10 item(s) not yes"
    detail = view.detail
    qtbot.waitUntil(lambda: detail.detail is not None and detail.sp_id is not None)

    table = detail.checklist_table
    for row in range(detail.checklist_model.rowCount()):
        qtbot.mouseClick(
            table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=table.visualRect(detail.checklist_model.index(row, 1)).center(),
        )
        detail.status_box.setCurrentIndex(detail.status_box.findData("yes"))
        detail.evidence_edit.setText(f"DPA clause {row + 1}")
        qtbot.mouseClick(detail.save_item_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not detail.busy and not view.loading)
    qtbot.waitUntil(lambda: cell(view, RegisterModel.COL_FLAGS) == "0")
    assert "No flags" in view.overview.text()
    qtbot.waitUntil(lambda: "No flags" in detail.flags_label.text())
    assert detail.checklist_model.index(9, 3).data() == "DPA clause 10"
    assert detail.checklist_model.index(9, 4).data()  # who assessed it

    # Moving processing to the US is a breach, shown with the country's name.
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    edit = view.dialog
    assert edit is not None and edit.locations.text() == "SE"
    edit.locations.setText("SE, US")
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "United States (US)" in cell(view, RegisterModel.COL_FLAG_TEXT))
    assert "breach" in view.overview.text()

    register_pdf = tmp_path / "register.pdf"
    choose_file(view, register_pdf)
    qtbot.mouseClick(view.export_pdf_button, Qt.MouseButton.LeftButton)
    text = pdf_text(register_pdf)
    assert "Sub-processor register" in text and "Norrhall Drift AB" in text
    assert "United States" in text

    checklist_pdf = tmp_path / "checklist.pdf"
    choose_file(detail, checklist_pdf)
    qtbot.mouseClick(detail.export_pdf_button, Qt.MouseButton.LeftButton)
    text = pdf_text(checklist_pdf)
    assert "Art. 28(3)(a)" in text and "Art. 28(4)" in text and "DPA clause 10" in text

    register_csv = tmp_path / "register.csv"
    choose_file(view, register_csv)
    qtbot.mouseClick(view.export_csv_button, Qt.MouseButton.LeftButton)
    rows = list(csv.reader(register_csv.open(encoding="utf-8-sig")))
    assert rows[1][0] == "Norrhall Drift AB"

    sp_id = view.selected_id()
    assert sp_id is not None
    engine = make_engine(empty_url)
    with engine.connect() as conn:
        kinds = [e.kind for e in read_session_events(conn, log_session_uuid(sp_id))]
    engine.dispose()
    assert kinds.count("checklist_changed") == 10 and kinds.count("register_changed") == 2


def test_bad_input_is_said_in_the_dialog_and_kept(qtbot, make_ctx, empty_url) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, make_ctx(empty_url))
    dialog = add_hosting(qtbot, view, locations="SE, XX")
    qtbot.waitUntil(lambda: not dialog.error_label.isHidden())
    assert "Processing locations" in dialog.error_label.text()
    assert "'XX' is not a country code" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.name.text() == "Norrhall Drift AB"
    dialog.next_review_on.setText("1 mars")
    dialog.locations.setText("SE")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "YYYY-MM-DD" in dialog.error_label.text()
    assert view.model.rowCount() == 0


def test_attach_evidence_shows_its_hash(qtbot, make_ctx, demo_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, make_ctx(demo_url))
    view.table.selectRow(0)
    detail = view.detail
    qtbot.waitUntil(lambda: detail.detail is not None and not detail.loading)
    before = detail.evidence_model.rowCount()
    pdf = tmp_path / "signed DPA.pdf"
    pdf.write_bytes(b"%PDF-1.4 a signed agreement")
    detail.attach_to.setCurrentIndex(detail.attach_to.findData("art28_3_h"))
    choose_file(detail, pdf)
    qtbot.mouseClick(detail.attach_button, Qt.MouseButton.LeftButton)
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    qtbot.waitUntil(lambda: digest in detail.hash_label.text())
    qtbot.waitUntil(lambda: detail.evidence_model.rowCount() == before + 1)
    shown = [detail.evidence_model.index(r, 3).data() for r in range(before + 1)]
    assert digest in shown

    detail.evidence_table.selectRow(shown.index(digest))
    copy = tmp_path / "copy.pdf"
    choose_file(detail, copy)
    qtbot.mouseClick(detail.save_copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "SHA-256 matches" in detail.message.text())
    assert copy.read_bytes() == pdf.read_bytes()


def test_too_big_a_file_is_refused_with_a_clear_message(
    qtbot, make_ctx, demo_url, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.models import EVIDENCE_MAX_BYTES

    ctx = make_ctx(demo_url)
    view = open_view(qtbot, ctx)
    view.table.selectRow(0)
    detail = view.detail
    qtbot.waitUntil(lambda: detail.detail is not None and not detail.loading)
    big = tmp_path / "scan.pdf"
    with big.open("wb") as f:
        f.truncate(EVIDENCE_MAX_BYTES + 1)  # sparse: no 20 MB written
    detail.attach_path(big)
    qtbot.waitUntil(lambda: not detail.busy)
    assert "at most 20 MB" in detail.message.text()
    assert ctx.prompts.texts("error") == [detail.message.text()]


def test_planned_change_objection_and_recipients(qtbot, make_ctx, demo_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.customers.listing import list_customers

    ctx = make_ctx(demo_url)
    view = open_view(qtbot, ctx)
    panel = view.changes
    assert not panel.loaded_once  # loaded when first shown
    view.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.loaded_once and not panel.loading)
    assert panel.model.rowCount() == 1  # the demo's planned change
    panel.kind.setCurrentIndex(panel.kind.findData("addition"))
    qtbot.keyClicks(panel.description, "Nordlys Epost AS (NO) for newsletters")
    qtbot.keyClicks(panel.planned_on, "2099-03-01")
    qtbot.keyClicks(panel.notified_on, "2099-01-01")
    qtbot.keyClicks(panel.window_ends, "2099-03-02")  # after the change: refused
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "before the change" in panel.message.text())
    assert panel.description.text().startswith("Nordlys")
    panel.window_ends.setText("2099-02-01")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2 and not panel.loading)

    with ctx.database.session() as session:
        customer = next(c for c in list_customers(session) if c.status == "active")
    panel.table.selectRow(0)
    change = panel.current()
    qtbot.keyClicks(panel.objection_org, customer.org_number)
    qtbot.keyClicks(panel.objection_note, "Prefers no new sub-processors")
    qtbot.mouseClick(panel.objection_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.message.text() == "Objection recorded." and not panel.loading)
    qtbot.waitUntil(lambda: panel.current() is not None and panel.current().id == change.id)
    names = [
        panel.objections_model.row_at(r).customer_name
        for r in range(panel.objections_model.rowCount())
    ]
    assert customer.name in names

    out = tmp_path / "recipients.csv"
    choose_file(panel, out)
    qtbot.mouseClick(panel.recipients_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "exported" in panel.message.text())
    assert out.read_text(encoding="utf-8-sig").startswith("email,")


def test_agents_read_only_and_leads_see_customers_without_dpa(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    agent = open_view(qtbot, make_ctx(demo_url, role="agent"))
    assert agent.add_button.isHidden() and agent.edit_button.isHidden()
    assert not agent.read_only_note.isHidden()
    assert agent.detail.save_item_button.isHidden() and agent.detail.attach_button.isHidden()
    assert agent.changes.new_box.isHidden()
    assert agent.no_dpa is None and agent.tabs.count() == 2
    assert agent.model.rowCount() == 10  # six sub-processors and four remote tools' entries
    flagged = [cell(agent, RegisterModel.COL_FLAG_TEXT, r) for r in range(10)]
    assert any("United States (US)" in f for f in flagged)
    assert any("Review overdue" in f for f in flagged)

    ctx = make_ctx(demo_url, role="lead")
    lead = open_view(qtbot, ctx)
    assert lead.no_dpa is not None and lead.tabs.count() == 3
    lead.tabs.setCurrentWidget(lead.no_dpa)
    qtbot.waitUntil(lambda: lead.no_dpa.loaded_once and not lead.loading)
    expected = [c.name for c in service.customers_without_dpa(ctx.database)]
    shown = [lead.no_dpa.model.row_at(r).name for r in range(lead.no_dpa.model.rowCount())]
    assert shown == expected and shown


def test_sorting_by_flags_puts_the_breach_first(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, make_ctx(demo_url))
    view.table.sortByColumn(RegisterModel.COL_FLAGS, Qt.SortOrder.DescendingOrder)
    first = view.frame.proxy.index(0, RegisterModel.COL_NAME).data()
    assert first == "Pinecrest Analytics Inc."


def test_swedish_flag_texts(qtbot, make_ctx, demo_url, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    view = open_view(qtbot, make_ctx(demo_url))
    flagged = [cell(view, RegisterModel.COL_FLAG_TEXT, r) for r in range(view.model.rowCount())]
    assert any("Utanför EU/EES" in f and "USA (US)" in f for f in flagged)


@pytest.mark.postgres
def test_on_postgresql_an_agent_is_refused_by_the_server(qtbot, make_ctx, pg_db) -> None:  # type: ignore[no-untyped-def]
    """Even a dialog the UI would not offer an agent ends in the server's refusal."""
    from bowebb_console.store.db import users
    from bowebb_console.store.db.connect import Database, Identity
    from bowebb_console.ui.subprocessors.dialogs import SubProcessorDialog

    password = "correct horse battery"
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    agent_name = pg_db.login_name("agent")
    with admin.begin() as conn:
        users.add_user(conn, agent_name, "agent", password)
    service.save_sub_processor(
        Database(admin),
        Identity("admin", "admin", "postgresql"),
        service.SubProcessorInput(name="Hall AB", service="Hosting", locations="SE"),
    )
    admin.dispose()

    ctx = make_ctx(pg_db.url_for(agent_name, password))
    assert ctx.identity.role == "agent"
    view = open_view(qtbot, ctx)
    assert view.model.rowCount() == 1 and view.add_button.isHidden()
    dialog = SubProcessorDialog(ctx, None, None, view)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.name, "Smuggled AB")
    qtbot.keyClicks(dialog.service, "x")
    qtbot.keyClicks(dialog.locations, "SE")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.error_label.isHidden())
    assert "refused" in dialog.error_label.text() and dialog.isVisible()

    view.table.selectRow(0)
    detail = view.detail
    qtbot.waitUntil(lambda: detail.detail is not None and not detail.loading)
    detail.checklist_table.selectRow(0)
    detail.save_item()
    qtbot.waitUntil(lambda: not detail.busy)
    assert "refused" in detail.message.text()
    view.reload()
    qtbot.waitUntil(lambda: not view.loading)
    assert view.model.rowCount() == 1
    assert cell(view, RegisterModel.COL_FLAG_TEXT).startswith("No signed DPA")


def test_bad_input_in_swedish(qtbot, make_ctx, empty_url, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    view = open_view(qtbot, make_ctx(empty_url))
    dialog = add_hosting(qtbot, view, locations="SE, XX")
    qtbot.waitUntil(lambda: not dialog.error_label.isHidden())
    assert dialog.error_label.text() == (
        "Behandlingsplatser: ”XX” är ingen landskod (ISO 3166, t.ex. SE, DE, IE)."
    )


CLASS_NAMES = ("StaleRegisterEdit", "RegisterRefused", "ShownError", "OperationalError", "Error)")


def test_a_stale_edit_is_said_by_its_code_in_swedish(qtbot, make_ctx, empty_url, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    ctx = make_ctx(empty_url)
    view = open_view(qtbot, ctx)
    dialog = add_hosting(qtbot, view)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.loading)
    view.table.selectRow(0)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    edit = view.dialog
    assert edit is not None and edit.record is not None
    # Someone else saves first.
    record = edit.record
    fields = {k: v for k, v in record.__dict__.items() if k not in ("id", "version")}
    other = service.SubProcessorInput(**{**fields, "service": "Backups"})
    service.save_sub_processor(
        ctx.database, ctx.identity, other, sp_id=record.id, version=record.version
    )
    edit.service.setText("Hosting and mail")
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not edit.error_label.isHidden())
    shown = edit.error_label.text()
    assert shown.startswith("Någon annan har ändrat underbiträdet sedan du öppnade det.")
    assert not any(name in shown for name in CLASS_NAMES)
    assert edit.isVisible() and edit.service.text() == "Hosting and mail"


def test_a_failed_load_names_no_exception_class(qtbot, make_ctx, empty_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(empty_url)
    view = open_view(qtbot, ctx)
    with ctx.database.engine.begin() as conn:  # the query now fails in the driver
        conn.exec_driver_sql("ALTER TABLE sub_processor RENAME TO sub_processor_gone")
    view.reload()
    qtbot.waitUntil(lambda: not view.loading)
    shown = view.frame.error_label.text()
    assert shown.startswith("The register could not be loaded: The database reported an error")
    assert not any(name in shown for name in CLASS_NAMES) and "no such table" not in shown


def test_norway_is_eea_not_eu_on_screen_and_exports(qtbot, make_ctx, empty_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The policy says EU: Norway passes GDPR (EEA) but not the policy, and says so apart."""
    view = open_view(qtbot, make_ctx(empty_url))
    dialog = add_hosting(qtbot, view, locations="SE, no")
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.loading)
    flags = cell(view, RegisterModel.COL_FLAG_TEXT)
    assert "Outside the EU; GDPR applies (EEA) but the policy says EU: Norway (NO)" in flags
    assert "EU/EEA" not in flags
    assert "1 in the EEA but outside the EU (the policy says EU)" in view.overview.text()
    assert "0 outside the EU/EEA" in view.overview.text()
    detail = view.detail
    qtbot.waitUntil(lambda: "Norway (NO)" in detail.flags_label.text())
    assert "#b00020" in detail.flags_label.styleSheet()

    out = tmp_path / "register.csv"
    choose_file(view, out)
    qtbot.mouseClick(view.export_csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert "Outside the EU; GDPR applies (EEA) but the policy says EU: Norway (NO)" in rows[1][-1]

    pdf = tmp_path / "register.pdf"
    choose_file(view, pdf)
    qtbot.mouseClick(view.export_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(pdf.exists)
    assert "the policy says EU: Norway (NO)" in pdf_text(pdf)


def test_swedish_eea_but_not_eu_texts(qtbot, make_ctx, empty_url, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    view = open_view(qtbot, make_ctx(empty_url))
    dialog = add_hosting(qtbot, view, locations="IS")
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.loading)
    flags = cell(view, RegisterModel.COL_FLAG_TEXT)
    assert "Utanför EU; GDPR gäller (EES) men policyn säger EU: Island (IS)" in flags
    assert "1 i EES men utanför EU (policyn säger EU)" in view.overview.text()
