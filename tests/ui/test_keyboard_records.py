"""Issue 18, keyboard first, for the privacy and record-keeping screens: the Privacy dashboard
and its access request, a contact's restriction and correction, the breach register and its
dialogs, the record of processing and the lifecycle settings. Real key events go to whatever
has the focus; Tab walks the controls in reading order (never trapped in a table or a text
box), Enter presses the button a user expects (never Cancel), Enter on a table row opens it,
and neither Esc nor Enter throws typed input away without asking."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QPushButton, QWidget
from sqlalchemy import select, update

from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.models import Breach, Contact
from bowebb_console.ui.breaches.dialogs import BreachDialog
from bowebb_console.ui.breaches.notify import NotifyCustomersDialog
from bowebb_console.ui.breaches.view import BreachesView
from bowebb_console.ui.lifecycle import LifecycleDialog
from bowebb_console.ui.privacy.access_dialog import AccessDialog
from bowebb_console.ui.privacy.contact_dialogs import RectifyDialog, RestrictionDialog
from bowebb_console.ui.privacy.view import PrivacyView
from bowebb_console.ui.processing.dialog import ProcessingDialog
from tests.ui.privacy.test_privacy import a_customer, open_card, open_lookup, select_contact
from tests.ui.sessions.keys import focused, press, tab_to, type_text, wait_focus

K = Qt.Key
ASCII_NAME = "Vindelkraft Odmjuk AB"
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def empty_url(sqlite_url: str) -> str:
    init_database(sqlite_url)
    return sqlite_url


def shown(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    return widget


def tab_round(qtbot, start: QWidget, limit: int = 60) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The widgets Tab visits from ``start`` until it is back there (one full round). A date
    field takes a Tab per section (year, month, day) before it lets the focus go."""
    start.setFocus()
    wait_focus(qtbot, start)
    seen: list[QWidget] = [start]
    for _ in range(limit):
        press(K.Key_Tab)
        qtbot.wait(1)
        widget = focused()
        assert widget is not None
        if widget is start and seen[-1] is not start:
            return seen
        if widget is not seen[-1]:
            seen.append(widget)
    raise AssertionError(f"Tab never came back to {start!r}: trapped in {focused()!r}")


def in_order(seen: list[QWidget], wanted: list[QWidget]) -> bool:
    """``wanted`` are all in the Tab round, in this order (others may come between)."""
    places = [seen.index(w) if w in seen else -1 for w in wanted]
    return -1 not in places and places == sorted(places)


def never_cancel(qtbot, dialog: QDialog, default: QPushButton) -> None:  # type: ignore[no-untyped-def]
    """After a whole Tab round, over every button, the default is still ``default``."""
    tab_round(qtbot, focused() or dialog)
    for button in dialog.findChildren(QPushButton):
        if button.isVisible() and button is not default:
            button.setFocus()
            qtbot.wait(1)
    for button in dialog.findChildren(QPushButton):
        assert button.isDefault() == (button is default), button.text()


def tabs_do_not_type(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    for box in dialog.findChildren(QPlainTextEdit):
        if box.isVisible() and box.isEnabled():
            box.setFocus()
            wait_focus(qtbot, box)
            press(K.Key_Tab)
            assert focused() is not box and "\t" not in box.toPlainText()


def stored_contact(url: str, contact_id: int) -> tuple[bool, str]:
    engine = make_engine(url)
    with engine.connect() as conn:
        row = conn.execute(
            select(Contact.restricted, Contact.email).where(Contact.id == contact_id)
        ).one()
    engine.dispose()
    return bool(row[0]), str(row[1])


def breach_count(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        n = len(conn.execute(select(Breach.id)).all())
    engine.dispose()
    return n


# -- breaches ------------------------------------------------------------------------------


def test_record_a_breach_with_the_keyboard_alone(qtbot, make_ctx, empty_url, prompts) -> None:  # type: ignore[no-untyped-def]
    view = BreachesView(make_ctx(empty_url, role="lead"))
    view.resize(1200, 700)
    shown(qtbot, view)
    qtbot.waitUntil(lambda: not view.loading)
    tab_to(qtbot, view.record_button)
    press(K.Key_Space)
    dialog = view.dialog
    assert isinstance(dialog, BreachDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is dialog)

    # Tab walks the left column top to bottom, then the notifications, then the buttons.
    seen = tab_round(qtbot, dialog.discovered_at)
    assert in_order(
        seen,
        [
            dialog.discovered_at,
            dialog.description,
            dialog.categories,
            dialog.people_approx,
            dialog.customers_affected,
            dialog.measures,
            dialog.imy_decision,
            dialog.imy_reference,
            dialog.notified_customers,
            dialog.notified_how,
            dialog.save_button,
        ],
    ), seen
    tabs_do_not_type(qtbot, dialog)
    never_cancel(qtbot, dialog, dialog.save_button)

    tab_to(qtbot, dialog.description)
    type_text("A laptop with a contact export was stolen")
    press(K.Key_Tab)
    type_text("Contacts: names and e-mail addresses")
    press(K.Key_Tab)
    type_text("120")
    press(K.Key_Tab)
    type_text("Norrhall AB")
    press(K.Key_Tab)
    type_text("Disk encrypted")
    # Esc with all that typed asks first; "no" keeps the dialog and every word.
    prompts.answers.append(False)
    press(K.Key_Escape)
    assert prompts.texts("confirm") and dialog.isVisible()
    assert dialog.measures.toPlainText() == "Disk encrypted"
    # Enter in a one-line field saves (the default is Save, never Cancel).
    tab_to(qtbot, dialog.people_approx)
    press(K.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.loading, timeout=5000)
    assert breach_count(empty_url) == 1
    assert len(prompts.texts("confirm")) == 1

    # Enter on the row opens it for editing; Esc without a change closes without asking.
    view.activateWindow()
    view.table.setFocus()
    wait_focus(qtbot, view.table)
    press(K.Key_Down)
    press(K.Key_Return)
    qtbot.waitUntil(lambda: view.dialog is not dialog and view.dialog is not None)
    edit = view.dialog
    assert edit.record is not None and edit.isVisible()
    assert edit.description.toPlainText() == "A laptop with a contact export was stolen"
    edit.measures.setFocus()
    wait_focus(qtbot, edit.measures)
    press(K.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(edit) or not edit.isVisible())
    assert len(prompts.texts("confirm")) == 1  # nothing changed: nothing to ask


def test_notify_dialog_enter_searches_and_adds_esc_asks(qtbot, make_ctx, demo_url, prompts) -> None:  # type: ignore[no-untyped-def]
    view = BreachesView(make_ctx(demo_url, role="lead"))
    shown(qtbot, view)
    qtbot.waitUntil(lambda: not view.loading and view.model.rowCount() > 0, timeout=5000)
    record = view.rows[0]
    dialog = NotifyCustomersDialog(view.ctx, record)
    shown(qtbot, dialog)
    dialog.search.setFocus()
    wait_focus(qtbot, dialog.search)
    type_text("AB")
    press(K.Key_Return)  # searches, and does not export as well
    qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=5000)
    assert not prompts.texts("path")
    seen = tab_round(qtbot, dialog.search)
    assert in_order(
        seen,
        [
            dialog.search,
            dialog.search_button,
            dialog.results,
            dialog.add_button,
            dialog.how,
            dialog.export_button,
        ],
    ), seen
    tab_to(qtbot, dialog.results)
    press(K.Key_Return)  # Enter on a result adds it
    assert dialog.chosen.count() == 1
    never_cancel(qtbot, dialog, dialog.export_button)
    prompts.answers.append(False)
    dialog.how.setFocus()
    press(K.Key_Escape)
    assert prompts.texts("confirm") and dialog.isVisible() and dialog.chosen.count() == 1
    press(K.Key_Return)  # Enter: export (asks where; cancelled here)
    assert prompts.texts("path")
    assert dialog.isVisible()
    dialog.done(0)


# -- privacy -------------------------------------------------------------------------------


def test_register_an_access_request_with_the_keyboard(qtbot, make_ctx, empty_url, prompts) -> None:  # type: ignore[no-untyped-def]
    a_customer(empty_url)
    view = PrivacyView(make_ctx(empty_url))
    view.resize(1200, 700)
    shown(qtbot, view)
    qtbot.waitUntil(lambda: not view.loading)
    # Reading order: the buttons above the list, the list, then the extension row.
    seen = tab_round(qtbot, view.new_button)
    assert in_order(seen, [view.new_button, view.table, view.reason]), seen
    tab_to(qtbot, view.new_button)
    press(K.Key_Space)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    assert isinstance(dialog, AccessDialog)
    seen = tab_round(qtbot, dialog.received)
    assert in_order(
        seen,
        [
            dialog.received,
            dialog.channel,
            dialog.email,
            dialog.phone,
            dialog.name,
            dialog.find_button,
            dialog.folder_button,
            dialog.save_button,
            dialog.answer_button,
            dialog.close_button,
        ],
    ), seen
    never_cancel(qtbot, dialog, dialog.save_button)

    tab_to(qtbot, dialog.email)
    type_text("eva.ekstrom@norrhall.se")
    press(K.Key_Return)  # Enter in the person's field finds them, it does not save
    qtbot.waitUntil(lambda: dialog.found.count() == 1, timeout=5000)
    assert dialog.isVisible() and view.dialog is dialog
    prompts.answers.append(False)
    press(K.Key_Escape)  # typed: asks, and "no" keeps it
    assert prompts.texts("confirm") and dialog.isVisible()
    assert dialog.email.text() == "eva.ekstrom@norrhall.se"
    tab_to(qtbot, dialog.channel)
    press(K.Key_Return)  # Enter elsewhere saves the request as received
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    qtbot.waitUntil(lambda: not view.loading and view.model.rowCount() >= 1, timeout=5000)
    # Enter on its line opens it again.
    view.activateWindow()
    view.table.setFocus()
    wait_focus(qtbot, view.table)
    assert view.select_line(lambda line: line.request is not None)
    press(K.Key_Return)
    qtbot.waitUntil(lambda: view.dialog is not dialog and view.dialog is not None, timeout=5000)
    again = view.dialog
    assert again.request is not None
    again.activateWindow()  # what the window manager does with a new dialog
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is again)
    press(K.Key_Escape)  # nothing typed: closes without asking
    qtbot.waitUntil(lambda: not view.dialog.isVisible())
    assert len(prompts.texts("confirm")) == 1
    # Tab from the list reaches the reason for an extension; Enter there extends.
    view.activateWindow()
    view.table.setFocus()
    wait_focus(qtbot, view.table)
    assert tab_to(qtbot, view.reason) == 1
    type_text("The person asked for all years")
    press(K.Key_Return)
    qtbot.waitUntil(lambda: "is now due on" in view.message.text(), timeout=5000)


def test_restrict_and_correct_a_contact_with_the_keyboard(
    qtbot, make_ctx, empty_url, prompts
) -> None:  # type: ignore[no-untyped-def]
    customer, eva = a_customer(empty_url)
    view = open_lookup(qtbot, make_ctx(empty_url))
    open_card(qtbot, view, customer)
    select_contact(view, eva)
    card = view.card_view
    card.contacts.setFocus()
    wait_focus(qtbot, card.contacts)
    tab_to(qtbot, card.restrict_button)
    press(K.Key_Space)
    qtbot.waitUntil(lambda: isinstance(view.dialog, RestrictionDialog))
    dialog = view.dialog
    assert dialog.isVisible()
    dialog.activateWindow()  # what the window manager does with a new dialog
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is dialog)
    assert focused() is dialog.reason, focused()
    never_cancel(qtbot, dialog, dialog.save_button)
    dialog.reason.setFocus()
    type_text("Case 12: checking the address")
    prompts.answers.append(False)
    press(K.Key_Escape)
    assert prompts.texts("confirm") and dialog.isVisible()
    assert dialog.reason.toPlainText() == "Case 12: checking the address"
    press(K.Key_Tab)  # out of the reason, onto Restrict
    assert focused() is dialog.save_button
    press(K.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    assert stored_contact(empty_url, eva)[0] is True

    # Correct: Tab goes name → e-mail → phone → role → reason → the buttons.
    open_card(qtbot, view, customer)
    qtbot.waitUntil(lambda: view.card_view.contacts_model.rowCount() == 1)
    select_contact(view, eva)
    view.activateWindow()
    view.card_view.rectify_button.setFocus()
    wait_focus(qtbot, view.card_view.rectify_button)
    press(K.Key_Space)
    qtbot.waitUntil(lambda: isinstance(view.dialog, RectifyDialog))
    fix = view.dialog
    fix.activateWindow()
    wait_focus(qtbot, fix.name)
    seen = tab_round(qtbot, fix.name)
    assert in_order(
        seen, [fix.name, fix.email, fix.phone, fix.title, fix.reason, fix.save_button]
    ), seen
    never_cancel(qtbot, fix, fix.save_button)
    tab_to(qtbot, fix.email)
    press(K.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text("eva.berg@norrhall.se")
    tab_to(qtbot, fix.reason)
    type_text("Case 13: new surname")
    tab_to(qtbot, fix.email)
    press(K.Key_Return)  # Enter in a field saves the correction
    qtbot.waitUntil(lambda: fix.result() == QDialog.DialogCode.Accepted, timeout=5000)
    assert stored_contact(empty_url, eva)[1] == "eva.berg@norrhall.se"


# -- record of processing and lifecycle ----------------------------------------------------


def test_processing_editor_keyboard(qtbot, make_ctx, demo_url, prompts) -> None:  # type: ignore[no-untyped-def]
    dialog = ProcessingDialog(make_ctx(demo_url))
    dialog.resize(1000, 660)
    shown(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.record is not None and dialog.current is not None, timeout=5000)
    seen = tab_round(qtbot, dialog.list)
    boxes = list(dialog.lifecycle_boxes.values())
    assert in_order(
        seen,
        [
            dialog.list,
            dialog.add_button,
            dialog.name,
            *dialog.edits.values(),
            boxes[0],
            dialog.save_button,
            dialog.close_button,
        ],
    ), seen
    tabs_do_not_type(qtbot, dialog)
    never_cancel(qtbot, dialog, dialog.save_button)

    first = dialog.current
    tab_to(qtbot, dialog.edits["purpose"])
    press(K.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(" Also backups")
    # Moving to another processing with the arrow keys asks; "no" stays on this one.
    prompts.answers.append(False)
    tab_to(qtbot, dialog.list)
    press(K.Key_Down)
    assert prompts.texts("confirm") and dialog.current == first
    assert dialog.edits["purpose"].toPlainText().endswith(" Also backups")
    # Esc asks too; Enter in the name saves.
    prompts.answers.append(False)
    press(K.Key_Escape)
    assert len(prompts.texts("confirm")) == 2 and dialog.isVisible()
    tab_to(qtbot, dialog.name)
    press(K.Key_Return)
    qtbot.waitUntil(lambda: dialog.status.text() == "Saved.", timeout=5000)
    assert dialog.isVisible()
    press(K.Key_Escape)  # saved: nothing left to lose
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(prompts.texts("confirm")) == 2


def test_lifecycle_enter_saves_and_esc_asks(qtbot, make_ctx, empty_url, prompts) -> None:  # type: ignore[no-untyped-def]
    dialog = LifecycleDialog(make_ctx(empty_url))
    shown(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.grace_spin.isEnabled(), timeout=5000)
    seen = tab_round(qtbot, dialog.grace_spin)
    assert in_order(
        seen,
        [
            dialog.grace_spin,
            dialog.trial_spin,
            dialog.retention_spin,
            dialog.journal_edit,
            dialog.save_button,
        ],
    ), seen
    never_cancel(qtbot, dialog, dialog.save_button)
    dialog.grace_spin.setFocus()
    wait_focus(qtbot, dialog.grace_spin)
    press(K.Key_Up)  # 91 days
    prompts.answers.append(False)
    press(K.Key_Escape)
    assert prompts.texts("confirm") and dialog.isVisible() and dialog.grace_spin.value() == 91
    press(K.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    assert dialog.saved is not None and dialog.saved.grace_period_days == 91


def test_unchanged_dialogs_close_on_esc_without_asking(qtbot, make_ctx, empty_url, prompts) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(empty_url)
    for dialog in (LifecycleDialog(ctx), AccessDialog(ctx, None, dt.date.today())):
        shown(qtbot, dialog)
        qtbot.wait(50)
        qtbot.waitUntil(lambda d=dialog: ctx.runner.active_count == 0, timeout=5000)
        QApplication.processEvents()
        dialog.activateWindow()
        dialog.setFocus()
        qtbot.keyClick(dialog, K.Key_Escape)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
    assert not prompts.texts("confirm")


# -- the one-run purge wizard --------------------------------------------------------------


def test_purge_wizard_enter_never_deletes_and_esc_asks(
    qtbot, make_ctx, sqlite_url, prompts
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWizard

    from bowebb_console.services import erasure
    from bowebb_console.store.models import Customer
    from bowebb_console.ui.erasure import end_wizard as ew
    from tests.store.erasure_helpers import plant_person
    from tests.ui.erasure.test_purge_one_run import TODAY

    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    planted = plant_person(engine, hard_delete_due=TODAY - dt.timedelta(days=2))
    with engine.begin() as conn:  # a name typed in ASCII (typing non-ASCII offscreen is flaky)
        conn.execute(
            update(Customer).where(Customer.id == planted.customer_id).values(name=ASCII_NAME)
        )
    engine.dispose()
    ctx = make_ctx(sqlite_url)
    wizard = ew.EndWizard(ctx, today=TODAY)
    shown(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.customer_page.picker.isEnabled())
    wizard.customer_page.picker.choose(planted.customer_id)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    page = wizard.purge_page

    def step(name: str) -> None:
        qtbot.waitUntil(lambda: page.plan is not None and page.step() == name, timeout=10_000)
        qtbot.waitUntil(lambda: commit.isEnabled() and page.isComplete(), timeout=5000)

    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(next_button.isEnabled)
    next_button.setFocus()
    press(K.Key_Return)  # Next
    step("request")
    # The Next button is gone on this page; the focus is not left on Cancel, and Enter
    # means the page's step ("Request purge"), never Cancel.
    assert focused() is not wizard.button(QWizard.WizardButton.CancelButton)
    wizard.button(QWizard.WizardButton.CancelButton).setFocus()
    press(K.Key_Return)
    qtbot.waitUntil(lambda: page.step() == "approve", timeout=10_000)
    assert wizard.isVisible()
    wait_focus(qtbot, page.approver)
    type_text("Bo Bengtsson")
    prompts.answers.append(False)
    press(K.Key_Escape)  # a typed name: asks; "no" keeps it
    assert prompts.texts("confirm") and wizard.isVisible()
    assert page.approver.text() == "Bo Bengtsson"
    press(K.Key_Return)  # approves
    step_run = lambda: page.plan is not None and page.step() == "run"  # noqa: E731
    qtbot.waitUntil(step_run, timeout=10_000)
    wait_focus(qtbot, page.confirm)
    type_text(ASCII_NAME.lower())
    press(K.Key_Return)  # Enter does not delete: it moves to "Delete for good"
    assert focused() is commit and wizard.currentId() == ew.PURGE
    assert erasure.due_customers(ctx.database, TODAY) != []
    press(K.Key_Space)  # pressed on purpose
    qtbot.waitUntil(lambda: wizard.currentId() == ew.RESULT, timeout=10_000)
    assert erasure.due_customers(ctx.database, TODAY) == []
    n = len(prompts.texts("confirm"))
    press(K.Key_Escape)  # all done: nothing to lose
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert len(prompts.texts("confirm")) == n
