"""Wizard 3: the end of a business relationship, and the purge when it is due.

Customer (or a purge already waiting, from the list on the first page) -> termination date
(the database derives the hard-delete date from its one grace period, shown here as it loads;
saving it is this path's commit) or, when the customer is due, the purge: what would go (a
dry run), then by the approval's state, on the same page and in one run: request it (an
admin), approve it (a second lead or admin: at this workstation, signing in with their own
login on PostgreSQL or typing their name on SQLite; or later, when the wizard resumes at this
step), and run it (an admin, typing the company name). The four-eyes rule stays in
store.erasure.purge (the server's session_user on PostgreSQL). Every page names the customer
by name and organisation number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from bowebb_console.domain.erasure import names_match
from bowebb_console.domain.orgnr import OrgNumber
from bowebb_console.domain.policy import hard_delete_due, is_hard_delete_due
from bowebb_console.services import admin, erasure
from bowebb_console.services.erasure import (
    ApprovalView,
    CustomerChoice,
    PurgeDone,
    PurgePlan,
    PurgeState,
)
from bowebb_console.ui.erasure.common import (
    CustomerPicker,
    ResultPage,
    WizardPage,
    from_date,
    label,
    to_date,
)
from bowebb_console.ui.erasure.errors import erasure_error
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.formats import local_date
from bowebb_console.ui.kit.guard import InputGuard, enter_runs
from bowebb_console.ui.shell_errors import connect_error_text

CUSTOMER, TERMINATE, PURGE, RESULT = range(4)


def customer_line(c: CustomerChoice | None) -> str:
    """The customer as every page names it: name and organisation number."""
    if c is None:
        return ""
    org = OrgNumber(c.org_number).formatted if len(c.org_number) == 10 else c.org_number
    return f"{c.name} ({org})" if org else c.name


def failure_text(exc: BaseException) -> str:
    code = getattr(exc, "code", "")
    if isinstance(code, str) and code.startswith("connect."):  # the approver's own sign-in
        return connect_error_text(exc)
    return erasure_error(exc)


class CustomerPage(WizardPage):
    def __init__(self, wizard: EndWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Which customer?"))
        self.picker = CustomerPicker(wizard.ctx)
        self.info = label()
        # Purges requested earlier: pick one to continue where it stands (approve or run).
        self.approvals: list[ApprovalView] = []
        self.pending_label = label(self.tr("Purges waiting (pick one to continue it):"))
        self.pending = QListWidget()
        self.pending.setAccessibleName(self.tr("Purges waiting"))
        self.pending.setMaximumHeight(110)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.info)
        layout.addWidget(self.pending_label)
        layout.addWidget(self.pending)
        layout.addStretch(1)
        self.pending_label.hide()
        self.pending.hide()
        self.picker.currentIndexChanged.connect(self._changed)
        self.picker.lineEdit().textChanged.connect(self._changed)
        self.picker.loaded.connect(self._fill_pending)
        self.pending.currentItemChanged.connect(self._pending_picked)
        wizard.ctx.runner.start(
            erasure.list_approvals,
            wizard.ctx.database,
            tag=f"erasure.approvals.{id(self)}",
            on_result=self._approvals,
            owner=self,
        )

    def _approvals(self, rows: list[ApprovalView]) -> None:
        self.approvals = [a for a in rows if a.status in ("requested", "approved")]
        self._fill_pending()

    def _fill_pending(self) -> None:
        if not self.picker.rows:  # the names come with the picker's list
            return
        names = {c.id: c for c in self.picker.rows}
        self.pending.clear()
        for a in self.approvals:
            c = names.get(a.customer_id)
            if c is None:
                continue
            if a.status == "requested":
                text = self.tr("%1: waiting for approval (requested by %2)")
                text = text.replace("%2", a.started_by)
            else:
                text = self.tr("%1: approved by %2, ready to run")
                text = text.replace("%2", a.approved_by or "")
            item = QListWidgetItem(text.replace("%1", customer_line(c)))
            item.setData(Qt.ItemDataRole.UserRole, a.customer_id)
            self.pending.addItem(item)
        shown = self.pending.count() > 0
        self.pending_label.setVisible(shown)
        self.pending.setVisible(shown)
        if self.w is not None and self.w.preselect is not None:
            self.picker.choose(self.w.preselect)
            self.w.preselect = None

    def _pending_picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.picker.choose(int(item.data(Qt.ItemDataRole.UserRole)))

    def _changed(self) -> None:
        c = self.picker.customer
        if c is None:
            self.info.clear()
        elif self.due():
            text = self.tr("Due for hard delete since %1: the next page is the purge.").replace(
                "%1", c.hard_delete_due.isoformat()
            )
            self.info.setText(customer_line(c) + "\n" + text)
        elif c.hard_delete_due:
            text = (
                self.tr("Ended on %1; hard delete due on %2.")
                .replace("%1", c.terminated_on.isoformat() if c.terminated_on else "-")
                .replace("%2", c.hard_delete_due.isoformat())
            )
            self.info.setText(customer_line(c) + "\n" + text)
        else:
            self.info.setText(customer_line(c) + "\n" + self.tr("An ongoing relationship."))
        self.completeChanged.emit()

    def due(self) -> bool:
        c = self.picker.customer
        return c is not None and is_hard_delete_due(c.hard_delete_due, self.w.today)

    def isComplete(self) -> bool:
        return self.picker.customer is not None

    def nextId(self) -> int:
        return PURGE if self.due() else TERMINATE


class TerminatePage(WizardPage):
    def __init__(self, wizard: EndWizard) -> None:
        super().__init__(wizard)
        self.setCommitPage(True)
        self.setTitle(self.tr("End the relationship"))
        self.setSubTitle(
            self.tr(
                "The customer keeps access to take its data out during the grace period; "
                "then everything is hard deleted and cannot be restored."
            )
        )
        self.ended = QDateEdit(from_date(wizard.today))
        self.ended.setCalendarPopup(True)
        self.ended.setDisplayFormat("yyyy-MM-dd")
        self.due = QLabel()
        self.error = label()
        self.error.setObjectName("errorText")
        form = QFormLayout(self)
        form.addRow(self.tr("Relationship ended on"), self.ended)
        form.addRow(self.tr("Hard delete due"), self.due)
        form.addRow(self.error)
        self.grace: int | None = None  # the database's, loaded when the page opens
        self.ended.dateChanged.connect(self._update)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Save dates"))
        self._update()

    def initializePage(self) -> None:
        c = self.w.customer_page.picker.customer
        if c is not None:  # the customer named from the first line of the page
            self.setTitle(self.tr("End the relationship with %1").replace("%1", customer_line(c)))
        if c is not None and c.terminated_on:
            self.ended.setDate(from_date(c.terminated_on))
        self.w.ctx.runner.start(
            admin.lifecycle,
            self.w.ctx.database,
            tag="erasure.lifecycle",
            on_result=self._lifecycle,
            on_error=lambda e: self.error.setText(erasure_error(e)),
            owner=self,
        )

    def _lifecycle(self, value: admin.Lifecycle) -> None:
        self.grace = value.grace_period_days
        self._update()

    def _update(self) -> None:
        if self.grace is None:
            self.due.setText(self.tr("Reading the grace period from the database…"))
            return
        due = hard_delete_due(to_date(self.ended.date()), self.grace)
        self.due.setText(
            self.tr("%1 (grace period %2 days)")
            .replace("%1", due.isoformat())
            .replace("%2", str(self.grace))
        )

    def validatePage(self) -> bool:
        if self.w.committed:
            return True
        c = self.w.customer_page.picker.customer
        assert c is not None  # the customer page is complete only with a customer
        self.w.run(
            self,
            erasure.set_termination,
            self.w.ctx.database,
            c.id,
            to_date(self.ended.date()),
        )
        return False

    def nextId(self) -> int:
        return RESULT


# What each per-customer table holds, in the user's words (never the table's name).
TABLE_COUNTS = {
    "contact": QT_TRANSLATE_NOOP("EndWizardTables", "%1 contact(s)"),
    "sftp_profile": QT_TRANSLATE_NOOP("EndWizardTables", "%1 file-transfer profile(s)"),
}


def table_count(table: str, count: int) -> str:
    text = TABLE_COUNTS.get(table)
    if text is None:  # a table a later feature adds: still counted, in general words
        text = QT_TRANSLATE_NOOP("EndWizardTables", "%1 other record(s)")
    return QCoreApplication.translate("EndWizardTables", text).replace("%1", str(count))


class PurgePage(WizardPage):
    """Request, approve and run, one after the other on this page: the customer stays picked,
    and each step's commit shows the next step here instead of ending the wizard."""

    def __init__(self, wizard: EndWizard) -> None:
        super().__init__(wizard)
        self.plan: PurgePlan | None = None
        self.approval: ApprovalView | None = None
        self.setCommitPage(True)
        self.setTitle(self.tr("Hard delete"))
        self.summary = label(self.tr("Loading…"))
        self.step_text = label()
        self.approve_now = QRadioButton(self.tr("The second person approves now, here"))
        self.approve_later = QRadioButton(
            self.tr("Approve later (the purge waits on this wizard's first page)")
        )
        self.approve_now.setChecked(True)
        self.approver = QLineEdit()
        self.approver_label = QLabel(self.tr("Approved by (name)"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = QLabel(self.tr("Their password"))
        self.confirm = QLineEdit()
        self.confirm_label = label()
        self.error = label()
        self.error.setObjectName("errorText")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.step_text)
        layout.addWidget(self.approve_now)
        layout.addWidget(self.approve_later)
        for widget in (
            self.approver_label,
            self.approver,
            self.password_label,
            self.password,
            self.confirm_label,
            self.confirm,
            self.error,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        for edit in (self.confirm, self.approver, self.password):
            edit.textChanged.connect(self.completeChanged)
        # Enter in the typed company name does not delete for good: it moves to "Delete for
        # good", which the user presses on purpose (issue 18: no destructive default).
        enter_runs(self.confirm, self._to_commit)
        self.approve_now.toggled.connect(self._show_step)

    def _to_commit(self) -> None:
        self.w.button(QWizard.WizardButton.CommitButton).setFocus()

    @property
    def customer(self) -> CustomerChoice:
        c: CustomerChoice | None = self.w.customer_page.picker.customer
        assert c is not None  # the customer page is complete only with a customer
        return c

    def initializePage(self) -> None:
        self.plan = None
        self.approval = None
        self.setTitle(self.tr("Hard delete of %1").replace("%1", customer_line(self.customer)))
        self._hide_inputs()
        self.step_text.clear()
        self.w.ctx.runner.start(
            erasure.purge_state,
            self.w.ctx.database,
            self.customer.id,
            self.w.today,
            tag="erasure.purge_state",
            on_result=self._loaded,
            on_error=lambda e: self.error.setText(failure_text(e)),
            owner=self,
        )

    def _hide_inputs(self) -> None:
        for widget in (
            self.approve_now,
            self.approve_later,
            self.approver,
            self.approver_label,
            self.password,
            self.password_label,
            self.confirm,
            self.confirm_label,
        ):
            widget.hide()

    def step(self) -> str:
        if self.approval is None:
            return "request"
        return "approve" if self.approval.status == "requested" else "run"

    def signs_in(self) -> bool:
        """PostgreSQL, and the requester is the one signed in here: the second person signs
        in with their own login to approve (the server refuses the requester)."""
        ctx = self.w.ctx
        return (
            not ctx.is_sqlite
            and self.approval is not None
            and self.approval.started_by == ctx.identity.user
        )

    def _loaded(self, state: PurgeState) -> None:
        self.plan, self.approval = state.plan, state.approval
        rows = ", ".join(table_count(t, n) for t, n in self.plan.rows)
        what = self.tr("What goes for good: %1; session log contents: %2 (the events stay).")
        self.summary.setText(
            what.replace("%1", rows).replace("%2", str(len(self.plan.payload_seqs)))
        )
        self._show_step()
        self._focus_step()

    def advance(self, approval: ApprovalView) -> None:
        """A step was committed: show the next one on this page."""
        self.approval = approval
        self.error.clear()
        self.password.clear()
        self.approve_now.setChecked(True)
        self._show_step()
        self.w.button(QWizard.WizardButton.CommitButton).setEnabled(True)
        self._focus_step()

    def _focus_step(self) -> None:
        """The focus goes where this step is typed, or to its button (not left on Cancel)."""
        for edit in (self.approver, self.confirm):
            if edit.isVisible():
                edit.setFocus()
                return
        commit = self.w.button(QWizard.WizardButton.CommitButton)
        if commit.isVisible() and commit.isEnabled():
            commit.setFocus()

    def _show_step(self) -> None:
        if self.plan is None:
            return
        self._hide_inputs()
        step = self.step()
        button = QWizard.WizardButton.CommitButton
        if step == "request":
            self.step_text.setText(
                self.tr(
                    "Step 1 of 3: an admin requests the purge; a second person, a lead or "
                    "admin, approves it (here, at once, or later); then an admin runs it."
                )
            )
            self.setButtonText(button, self.tr("Request purge"))
        elif step == "approve":
            assert self.approval is not None
            self.step_text.setText(
                self.tr(
                    "Step 2 of 3: requested by %1 (%2). A second person, a lead or admin and "
                    "not %1, approves it."
                )
                .replace("%1", self.approval.started_by)
                .replace("%2", self.approval.reference)
            )
            self.approve_now.show()
            self.approve_later.show()
            now = self.approve_now.isChecked()
            if now and self.w.ctx.is_sqlite:
                self.approver_label.setText(self.tr("Approved by (name)"))
                self.approver_label.show()
                self.approver.show()
            elif now and self.signs_in():
                self.approver_label.setText(self.tr("Their user name"))
                for widget in (
                    self.approver_label,
                    self.approver,
                    self.password_label,
                    self.password,
                ):
                    widget.show()
            self.setButtonText(
                button, self.tr("Approve purge") if now else self.tr("Finish; approve later")
            )
        else:
            assert self.approval is not None
            self.step_text.setText(
                self.tr("Step 3 of 3: approved by %1. An admin runs the purge.").replace(
                    "%1", self.approval.approved_by or ""
                )
            )
            self.confirm_label.setText(
                self.tr("Type the company name to delete it for good: %1").replace(
                    "%1", self.plan.customer_name
                )
            )
            self.confirm.show()
            self.confirm_label.show()
            self.confirm.setFocus()
            self.setButtonText(button, self.tr("Delete for good"))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.plan is None:
            return False
        step = self.step()
        if step == "run":
            return names_match(self.confirm.text(), self.plan.customer_name)
        if step == "approve" and self.approve_now.isChecked():
            if self.w.ctx.is_sqlite:
                return bool(self.approver.text().strip())
            if self.signs_in():
                return bool(self.approver.text().strip() and self.password.text())
        return True

    def validatePage(self) -> bool:
        if self.w.committed:
            return True
        ctx = self.w.ctx
        step = self.step()
        assert self.plan is not None  # the page is complete only once the plan is loaded
        if step == "request":
            self.w.run(
                self,
                erasure.request_purge,
                ctx.database,
                ctx.identity,
                self.plan.customer_id,
                self.w.today,
            )
            return False
        assert self.approval is not None
        if step == "approve" and not self.approve_now.isChecked():
            self.w.finish_later(self.approval)
            return True
        if step == "approve" and self.signs_in():
            self.w.run(
                self,
                erasure.approve_purge_signed_in,
                ctx.database_url,
                self.approver.text().strip(),
                self.password.text(),
                self.approval.id,
            )
        elif step == "approve":
            self.w.run(
                self,
                erasure.approve_purge,
                ctx.database,
                self.approval.id,
                approver=self.approver.text().strip() or None,
            )
        else:
            self.w.run(
                self,
                erasure.run_purge,
                ctx.database,
                ctx.identity,
                erasure.DatabaseJournal(ctx.paths.journal_dir),
                self.approval.id,
                self.confirm.text(),
                today=self.w.today,
            )
        return False

    def nextId(self) -> int:
        return RESULT


class EndWizard(QWizard):
    def __init__(
        self,
        ctx: AppContext,
        today: dt.date | None = None,
        parent: QWidget | None = None,
        *,
        customer_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or dt.date.today()
        self.preselect = customer_id  # chosen in the picker once its list is in
        self.committed = False
        self.outcome: object = None
        self.setWindowTitle(self.tr("End of relationship"))
        self.customer_page = CustomerPage(self)
        self.terminate = TerminatePage(self)
        self.purge_page = PurgePage(self)
        self.result_page = ResultPage()
        for page_id, page in (
            (CUSTOMER, self.customer_page),
            (TERMINATE, self.terminate),
            (PURGE, self.purge_page),
            (RESULT, self.result_page),
        ):
            self.setPage(page_id, page)
        # Esc or Cancel asks before losing a typed name, password or confirmation (issue 18);
        # picking the customer again is no loss.
        self.guard = InputGuard(self, ctx.prompts, ignore=(self.customer_page.picker,))
        self.currentIdChanged.connect(lambda _id: self.guard.mark())  # as each page opens
        # Enter never means Cancel or Back, even when the focus is left on them (the Next
        # button the user pressed is hidden on a commit page and the focus fell to Cancel).
        for which in (QWizard.WizardButton.CancelButton, QWizard.WizardButton.BackButton):
            self.button(which).setAutoDefault(False)

    def reject(self) -> None:
        self.guard.reject(lambda: QWizard.reject(self))

    def run(self, page: Any, fn: Callable[..., object], *args: Any, **kwargs: Any) -> None:
        self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
        page.error.setText(self.tr("Working…"))
        self.ctx.runner.start(
            fn,
            *args,
            tag="erasure.end",
            on_result=self._done,
            on_error=lambda exc: self._failed(page, exc),
            owner=self,
            **kwargs,
        )

    def _failed(self, page: Any, exc: BaseException) -> None:
        page.error.setText(self.tr("Nothing was changed: %1").replace("%1", failure_text(exc)))
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)

    def customer_text(self) -> str:
        return customer_line(self.customer_page.picker.customer)

    def finish_later(self, approval: ApprovalView) -> None:
        """The approval comes later: the wizard ends here, the purge waits on its first page."""
        self.committed = True
        self.outcome = approval
        self.result_page.text.setText(
            self.tr(
                "Requested (%1) for %2. A second person, a lead or admin, approves it: open "
                "“End a relationship / purge…” and pick it under “Purges waiting”."
            )
            .replace("%1", approval.reference)
            .replace("%2", self.customer_text())
        )

    def _files_text(self, outcome: PurgeDone) -> str:
        """The files outside the database: deleted here, not deletable, or on other machines."""
        files = outcome.files
        text = ""
        if files.deleted:
            text += "\n" + self.tr(
                "%Ln file(s) this computer had written were deleted.", "", len(files.deleted)
            )
        if files.kept:
            text += "\n" + self.tr("Delete these by hand (they could not be deleted): %1").replace(
                "%1", ", ".join(path for path, _ in files.kept)
            )
        if files.elsewhere:
            text += "\n" + self.tr(
                "Downloaded on other computers; have them deleted there: %1"
            ).replace(
                "%1",
                ", ".join(f"{d.name} ({d.agent}, {local_date(d.at)})" for d in files.elsewhere),
            )
        return text

    def _done(self, outcome: dt.date | PurgeDone | ApprovalView) -> None:
        if isinstance(outcome, ApprovalView) and (outcome.status == "requested" or self._may_run()):
            self.outcome = outcome
            self.purge_page.advance(outcome)  # the next step, on the same page
            self.guard.mark()  # what was typed is recorded now
            return
        self.committed = True
        self.outcome = outcome
        if isinstance(outcome, dt.date):
            text = self.tr("Saved. The hard delete is due on %1.").replace(
                "%1", outcome.isoformat()
            )
        elif isinstance(outcome, PurgeDone):
            text = self.tr("Deleted for good. Certificate %1 is on the Erasure screen.").replace(
                "%1", outcome.reference
            )
            if outcome.scrub.pending:
                text += " " + self.tr(
                    "The files could not be wiped yet (the tables were busy): an admin runs "
                    "`bowebb-console erasure compact` later."
                )
            text += self._files_text(outcome)
        else:  # approved by someone who may not run it
            text = self.tr("Approved. An admin can now run the purge.")
        self.result_page.text.setText(self.customer_text() + "\n" + text)
        self.next()
        self.guard.mark()

    def _may_run(self) -> bool:
        """Only an admin runs a purge: a lead who approves ends the wizard there."""
        return self.ctx.identity.role == "admin"
