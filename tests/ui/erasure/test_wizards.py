"""The erasure wizards, driven as a user would: type, click Next, commit; then the database
(and its files) hold what the user was told."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import text

from bowebb_console.services import erasure
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.ui.erasure import request_wizard as rw
from tests.store.erasure_helpers import (
    EMAIL,
    NAME,
    found_in_bytes,
    plant_person,
    sqlite_files,
)

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def planted_url(sqlite_url: str):  # type: ignore[no-untyped-def]
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    planted = plant_person(engine, hard_delete_due=TODAY - dt.timedelta(days=2))
    engine.dispose()
    return sqlite_url, planted


def _next(qtbot, wizard: QWizard, expected: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == expected


def test_request_wizard_erases_everywhere(qtbot, make_ctx, planted_url, language) -> None:  # type: ignore[no-untyped-def]
    language("en")
    url, _ = planted_url
    ctx = make_ctx(url)
    wizard = rw.RequestWizard(ctx, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.receipt.received.setDate(wizard.receipt.received.date().addDays(-5))
    assert wizard.receipt.due.text() == "2026-12-21"
    _next(qtbot, wizard, rw.IDENTITY)
    _next(qtbot, wizard, rw.CONTROLLER)
    _next(qtbot, wizard, rw.FIND)
    page = wizard.find_page
    assert not page.isComplete()  # search first
    qtbot.keyClicks(page.email, EMAIL)
    qtbot.keyClicks(page.phone, "070-987 12 34")
    qtbot.keyClicks(page.name, NAME)
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.findings is not None)
    # two contacts, three log contents, and the recorded creation of the contacts (SQLite:
    # one change event for the planted transaction's contacts), each in words, local time
    assert page.places.count() == 6
    assert "6 place(s) found." in page.status.text()
    shown = [page.places.item(i).text() for i in range(page.places.count())]
    assert any("Contact changed" in t for t in shown)
    assert not any("_" in t for t in shown if t.startswith("Session log contents"))
    _next(qtbot, wizard, rw.HOLDS)
    wizard.holds_page.bookkeeping.setChecked(True)
    assert "2032-12-31" in wizard.holds_page.hold_until.text()
    # Back and forth keeps what was typed; nothing is saved yet.
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert page.email.text() == EMAIL
    _next(qtbot, wizard, rw.HOLDS)
    _next(qtbot, wizard, rw.CONFIRM)
    assert found_in_bytes([p.read_bytes() for p in sqlite_files(url)]) != []
    assert "2 contact record(s) and 4 log content(s)" in wizard.confirm.summary.text()
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "Erase"
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == rw.RESULT, timeout=10_000)
    assert wizard.outcome.reference in wizard.result_page.text.text()
    ctx.runner.shutdown(10_000)
    ctx.database.dispose()
    assert found_in_bytes([p.read_bytes() for p in sqlite_files(url)]) == []
    from bowebb_console.store.log.verify import verify_log

    assert verify_log(Database(make_engine(url))).ok
    journal = Path(ctx.paths.journal_dir) / "erasure-journal.jsonl"  # not beside the db file
    assert wizard.outcome.reference in journal.read_text()


def test_request_wizard_saves_open_when_identity_unconfirmed(qtbot, make_ctx, planted_url) -> None:  # type: ignore[no-untyped-def]
    url, _ = planted_url
    ctx = make_ctx(url)
    wizard = rw.RequestWizard(ctx, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard, rw.IDENTITY)
    wizard.identity.method.setCurrentIndex(3)
    _next(qtbot, wizard, rw.CONFIRM)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == rw.RESULT, timeout=10_000)
    rows = erasure.list_requests(ctx.database)
    assert [(r.status, r.due_on) for r in rows] == [("open", dt.date(2026, 12, 26))]


def test_request_wizard_forwards_as_processor(qtbot, make_ctx, planted_url) -> None:  # type: ignore[no-untyped-def]
    url, planted = planted_url
    ctx = make_ctx(url)
    wizard = rw.RequestWizard(ctx, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard, rw.IDENTITY)
    _next(qtbot, wizard, rw.CONTROLLER)
    page = wizard.controller_page
    page.processor.setChecked(True)
    assert not page.isComplete()
    qtbot.waitUntil(lambda: page.customer.isEnabled())
    page.customer.choose(planted.other_customer_id)
    assert page.isComplete()
    _next(qtbot, wizard, rw.CONFIRM)
    assert "Annat Bolag AB" in wizard.confirm.summary.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == rw.RESULT, timeout=10_000)
    (row,) = erasure.list_requests(ctx.database)
    assert (row.status, row.controller_role, row.forwarded_on) == ("forwarded", "processor", TODAY)


def test_erasure_screen_lists_requests_and_certificates(
    qtbot, make_ctx, demo_url, language
) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.ui.erasure.view import ErasureView

    language("en")
    today = dt.date.today()
    view = ErasureView(make_ctx(demo_url), today=today)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view.loading)
    # Six erasure requests and the demo's overdue access request (same deadlines, same list).
    assert view.requests.rowCount() == 7
    assert view.request_frame.count_label.text() == "5 open, 2 overdue"
    statuses = [view.requests.index(r, 3).data() for r in range(7)]
    assert statuses.count("OVERDUE") == 2 and "forwarded to the customer" in statuses
    kinds = [view.requests.index(r, 5).data() for r in range(7)]
    assert kinds.count("access (Art. 15)") == 1 and kinds.count("erasure (Art. 17)") == 6
    assert view.certificates.rowCount() == 1
    # Extend the overdue one: too late, and the user is told so.
    overdue_row = statuses.index("OVERDUE")
    view.request_frame.table.selectRow(
        view.request_frame.proxy.mapFromSource(view.requests.index(overdue_row, 0)).row()
    )
    qtbot.keyClicks(view.reason, "many requests")
    qtbot.mouseClick(view.extend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "deadline has passed" in view.message.text())
    assert view.reason.text() == "many requests"  # kept for the user
    # Open the request wizard from the screen, without blocking.
    qtbot.mouseClick(view.request_button, Qt.MouseButton.LeftButton)
    assert view.wizard.isVisible()
    view.wizard.reject()


def test_guidance_wizard_logs_topics(qtbot, make_ctx, planted_url, language) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.services.review import log_head
    from bowebb_console.ui.erasure import guidance_wizard as gw

    language("sv")
    url, planted = planted_url
    ctx = make_ctx(url)
    wizard = gw.GuidanceWizard(ctx, "sv")
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.customer_page
    qtbot.waitUntil(lambda: page.picker.isEnabled())
    assert not page.isComplete()
    page.picker.choose(planted.customer_id)
    _next(qtbot, wizard, gw.TOPICS)
    assert not wizard.topics_page.isComplete()
    wizard.topics_page.list.item(1).setCheckState(Qt.CheckState.Checked)
    _next(qtbot, wizard, gw.STEPS)
    assert "bokföringslagen" in wizard.steps_page.text.toPlainText()
    before = log_head(ctx.database).seq
    _next(qtbot, wizard, gw.CONFIRM)
    assert log_head(ctx.database).seq == before  # nothing logged before the commit
    wizard.confirm.list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == gw.RESULT, timeout=10_000)
    with ctx.database.engine.connect() as conn:
        payload = conn.execute(
            text("SELECT payload FROM log_payload WHERE seq = :s"), {"s": before + 1}
        ).scalar()
    assert '"topics":["scheduled_thinning"]' in payload


def test_end_wizard_terminate_then_purge_with_four_eyes(
    qtbot, make_ctx, planted_url, language
) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.services import admin
    from bowebb_console.ui.erasure import end_wizard as ew

    language("en")
    url, planted = planted_url
    ctx = make_ctx(url)
    # The grace period is the database's (one setting for every workstation).
    admin.set_lifecycle(ctx.database, ctx.identity, admin.Lifecycle(30, 30, 1095))

    def start() -> ew.EndWizard:
        wizard = ew.EndWizard(ctx, today=TODAY)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitUntil(lambda: wizard.customer_page.picker.isEnabled())
        return wizard

    def commit(wizard: ew.EndWizard) -> None:
        button = wizard.button(QWizard.WizardButton.CommitButton)
        qtbot.waitUntil(lambda: wizard.currentPage().isComplete())
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.currentId() == ew.RESULT, timeout=10_000)

    # Terminate the other customer: hard delete 30 days later.
    wizard = start()
    wizard.customer_page.picker.choose(planted.other_customer_id)
    _next(qtbot, wizard, ew.TERMINATE)
    wizard.terminate.ended.setDate(wizard.terminate.ended.date().addDays(-1))
    qtbot.waitUntil(lambda: wizard.terminate.due.text().startswith("2026-12-25"))
    commit(wizard)
    assert "2026-12-25" in wizard.result_page.text.text()
    # The due customer: request, approve (a second name), then run with the typed name, in
    # one run of the wizard (tests/ui/erasure/test_purge_one_run.py drives the variants).
    wizard = start()
    wizard.customer_page.picker.choose(planted.customer_id)
    _next(qtbot, wizard, ew.PURGE)
    page = wizard.purge_page
    qtbot.waitUntil(lambda: page.plan is not None)
    button = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.step() == "approve" and button.isEnabled())
    assert not page.isComplete()  # the approver's name first
    qtbot.keyClicks(page.approver, "Bo Bengtsson")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.step() == "run" and button.isEnabled())
    qtbot.keyClicks(page.confirm, "Vindelkraft")
    assert not page.isComplete()
    qtbot.keyClicks(page.confirm, " Ödmjuk AB")
    commit(wizard)
    assert "Deleted for good" in wizard.result_page.text.text()
    assert [c.id for c in erasure.due_customers(ctx.database, TODAY)] == []


def test_purge_page_names_the_customer_and_counts_in_words(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, planted_url, language
) -> None:
    from bowebb_console.ui.erasure import end_wizard as ew
    from tests.store.erasure_helpers import COMPANY

    language("sv")
    url, planted = planted_url
    ctx = make_ctx(url)
    wizard = ew.EndWizard(ctx, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    picker = wizard.customer_page.picker
    qtbot.waitUntil(picker.isEnabled)
    line = picker.itemText(picker.findData(planted.customer_id))
    assert line.startswith(COMPANY) and "559123-4567" in line  # near-identical names apart
    picker.choose(planted.customer_id)
    _next(qtbot, wizard, ew.PURGE)
    # from the start, by name and organisation number
    assert wizard.purge_page.title() == f"Hårdradering av {COMPANY} (559123-4567)"
    qtbot.waitUntil(lambda: wizard.purge_page.plan is not None)
    summary = wizard.purge_page.summary.text()
    assert "1 kontaktperson(er)" in summary
    assert "contact:" not in summary and "sftp_profile" not in summary
