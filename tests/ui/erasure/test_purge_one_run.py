"""Issue 18, item 7: the end-of-relationship purge in one wizard run where the four-eyes rule
allows it (request, the second person's approval at this workstation, the run), or resumed at
the right step from the purges waiting, with the customer picked once and named (name and
organisation number) on every page."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from bowebb_console.services import erasure
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.ui.erasure import end_wizard as ew
from tests.store.erasure_helpers import COMPANY, plant_person

TODAY = dt.date(2026, 11, 26)
NAMED = f"{COMPANY} (559123-4567)"


@pytest.fixture
def due_url(sqlite_url: str):  # type: ignore[no-untyped-def]
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    planted = plant_person(engine, hard_delete_due=TODAY - dt.timedelta(days=2))
    engine.dispose()
    return sqlite_url, planted


def _open(qtbot, ctx) -> ew.EndWizard:  # type: ignore[no-untyped-def]
    wizard = ew.EndWizard(ctx, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.customer_page.picker.isEnabled())
    return wizard


def _click(qtbot, wizard: ew.EndWizard, which: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(which)
    qtbot.waitUntil(lambda: button.isEnabled() and wizard.currentPage().isComplete())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _step(qtbot, page: ew.PurgePage, step: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.plan is not None and page.step() == step, timeout=10_000)


def _commit_text(wizard: ew.EndWizard) -> str:
    return wizard.button(QWizard.WizardButton.CommitButton).text()


def test_purge_in_one_run_with_a_second_name_here(qtbot, make_ctx, due_url, language) -> None:  # type: ignore[no-untyped-def]
    language("en")
    url, planted = due_url
    ctx = make_ctx(url)
    wizard = _open(qtbot, ctx)
    picker = wizard.customer_page.picker
    qtbot.keyClicks(picker.lineEdit(), COMPANY)  # typed, as a user picks
    picker.choose(planted.customer_id)
    assert NAMED in wizard.customer_page.info.text()
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == ew.PURGE
    page = wizard.purge_page
    assert page.title() == f"Hard delete of {NAMED}"
    _step(qtbot, page, "request")
    assert _commit_text(wizard) == "Request purge"
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    # Requested: the same page, now the approval; the customer is still picked and named.
    _step(qtbot, page, "approve")
    assert wizard.currentId() == ew.PURGE and page.title() == f"Hard delete of {NAMED}"
    assert page.approval is not None and page.approval.reference in page.step_text.text()
    assert page.approver.isVisible() and not page.isComplete()  # the second name first
    # Four eyes: the requester's own name (however typed) is refused, nothing approved.
    qtbot.keyClicks(page.approver, f"  {page.approval.started_by.upper()} ")
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: "Nothing was changed" in page.error.text())
    assert wizard.currentId() == ew.PURGE and page.step() == "approve"
    page.approver.clear()
    qtbot.keyClicks(page.approver, "Bo Bengtsson")
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    _step(qtbot, page, "run")
    assert "Bo Bengtsson" in page.step_text.text()
    assert page.confirm.isVisible() and not page.isComplete()
    assert _commit_text(wizard) == "Delete for good"
    qtbot.keyClicks(page.confirm, COMPANY)
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == ew.RESULT, timeout=10_000)
    result = wizard.result_page.text.text()
    assert NAMED in result and "Deleted for good" in result
    assert erasure.due_customers(ctx.database, TODAY) == []
    assert [a.status for a in erasure.list_approvals(ctx.database)] == ["done"] or all(
        a.status != "requested" for a in erasure.list_approvals(ctx.database)
    )


def test_approval_later_resumes_at_its_step_with_the_customer_picked(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, due_url, language
) -> None:
    language("en")
    url, planted = due_url
    ctx = make_ctx(url)
    wizard = _open(qtbot, ctx)
    assert not wizard.customer_page.pending.isVisible()  # nothing waits yet
    wizard.customer_page.picker.choose(planted.customer_id)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.purge_page
    _step(qtbot, page, "request")
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    _step(qtbot, page, "approve")
    qtbot.mouseClick(page.approve_later, Qt.MouseButton.LeftButton)
    assert not page.approver.isVisible()
    assert _commit_text(wizard) == "Finish; approve later"
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == ew.RESULT)
    result = wizard.result_page.text.text()
    assert NAMED in result and "Purges waiting" in result
    wizard.close()
    # Later, the second person opens the wizard: the purge waits on its first page.
    wizard = _open(qtbot, ctx)
    customer_page = wizard.customer_page
    qtbot.waitUntil(lambda: customer_page.pending.count() == 1)
    assert customer_page.pending.isVisible()
    item = customer_page.pending.item(0)
    assert NAMED in item.text() and "waiting for approval" in item.text()
    assert customer_page.picker.customer is None
    rect = customer_page.pending.visualItemRect(item)
    qtbot.mouseClick(customer_page.pending.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert customer_page.picker.customer is not None
    assert customer_page.picker.customer.id == planted.customer_id  # preselected
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.purge_page
    _step(qtbot, page, "approve")  # resumed at the approval, not a second request
    assert page.title() == f"Hard delete of {NAMED}"
    qtbot.keyClicks(page.approver, "Bo Bengtsson")
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    _step(qtbot, page, "run")  # and on to the run, in the same wizard
    qtbot.keyClicks(page.confirm, COMPANY)
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == ew.RESULT, timeout=10_000)
    assert "Deleted for good" in wizard.result_page.text.text()
    assert erasure.due_customers(ctx.database, TODAY) == []


def test_postgresql_second_admin_signs_in_here(qtbot, make_ctx, pg_db, language, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL: the requester is signed in; the second person signs in with their own
    login on this workstation; the server still refuses the requester's own login."""
    from bowebb_console.store.db import users

    language("en")
    password = "correct horse battery"
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    root = make_engine(pg_db.admin_url_str)
    names = {who: pg_db.login_name(who) for who in ("admin", "lead")}
    with root.begin() as conn:
        users.add_user(conn, names["admin"], "admin", password)
        users.add_user(conn, names["lead"], "lead", password)
    planted = plant_person(root, hard_delete_due=TODAY - dt.timedelta(days=2))
    root.dispose()
    ctx = make_ctx(pg_db.url_for(names["admin"], password))
    assert ctx.identity.role == "admin"
    # On PostgreSQL nothing is erased before an admin names the journal's shared folder.
    erasure.set_journal_place(ctx.database, ctx.identity, str(tmp_path / "journal"))
    wizard = _open(qtbot, ctx)
    wizard.customer_page.picker.choose(planted.customer_id)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.purge_page
    _step(qtbot, page, "request")
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    _step(qtbot, page, "approve")
    assert page.signs_in() and page.password.isVisible()
    # The requester's own login: the server refuses (four eyes), nothing approved.
    qtbot.keyClicks(page.approver, names["admin"])
    qtbot.keyClicks(page.password, password)
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: "Nothing was changed" in page.error.text(), timeout=10_000)
    assert page.step() == "approve"
    # The lead signs in here. (The test server trusts local logins, so the password is not
    # checked here; in production it is the server's password check, as at sign-in.)
    page.approver.clear()
    page.password.clear()
    qtbot.keyClicks(page.approver, names["lead"])
    qtbot.keyClicks(page.password, password)
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: page.step() == "run" or "Nothing" in page.error.text(), timeout=10_000)
    assert page.error.text() == ""
    assert names["lead"] in page.step_text.text()
    assert page.password.text() == ""  # not kept
    qtbot.keyClicks(page.confirm, COMPANY)
    _click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == ew.RESULT, timeout=10_000)
    assert "Deleted for good" in wizard.result_page.text.text()
    assert erasure.due_customers(ctx.database, TODAY) == []
