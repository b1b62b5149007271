"""Wizard 3: the end of a business relationship, and the purge when it is due.

Customer -> termination date (the database derives the hard-delete date from its one grace
period, shown here as it loads; saving it is this path's commit) or, when the customer is
due, the purge: what would go (a dry run), then by the approval's state: request it (an
admin), approve it (a second lead or admin), or run it (an admin, typing the company name).
Each path writes only on its last page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from bowebb_console.domain.erasure import names_match
from bowebb_console.domain.policy import hard_delete_due, is_hard_delete_due
from bowebb_console.services import admin, erasure
from bowebb_console.services.erasure import ApprovalView, PurgeDone, PurgePlan, PurgeState
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

CUSTOMER, TERMINATE, PURGE, RESULT = range(4)


class CustomerPage(WizardPage):
    def __init__(self, wizard: EndWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Which customer?"))
        self.picker = CustomerPicker(wizard.ctx)
        self.info = label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.info)
        layout.addStretch(1)
        self.picker.currentIndexChanged.connect(self._changed)
        self.picker.lineEdit().textChanged.connect(self._changed)

    def _changed(self) -> None:
        c = self.picker.customer
        if c is None:
            self.info.clear()
        elif self.due():
            self.info.setText(
                self.tr("Due for hard delete since %1: the next page is the purge.").replace(
                    "%1", c.hard_delete_due.isoformat()
                )
            )
        elif c.hard_delete_due:
            self.info.setText(
                self.tr("Ended on %1; hard delete due on %2.")
                .replace("%1", c.terminated_on.isoformat() if c.terminated_on else "-")
                .replace("%2", c.hard_delete_due.isoformat())
            )
        else:
            self.info.setText(self.tr("An ongoing relationship."))
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
            self.setTitle(self.tr("End the relationship with %1").replace("%1", c.name))
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
    def __init__(self, wizard: EndWizard) -> None:
        super().__init__(wizard)
        self.plan: PurgePlan | None = None
        self.approval: ApprovalView | None = None
        self.setCommitPage(True)
        self.setTitle(self.tr("Hard delete"))
        self.summary = label(self.tr("Loading…"))
        self.approver = QLineEdit()
        self.approver_label = QLabel(self.tr("Approved by (name)"))
        self.confirm = QLineEdit()
        self.confirm_label = label()
        self.error = label()
        self.error.setObjectName("errorText")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.approver_label)
        layout.addWidget(self.approver)
        layout.addWidget(self.confirm_label)
        layout.addWidget(self.confirm)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.confirm.textChanged.connect(self.completeChanged)
        self.approver.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        self.plan = None
        c = self.w.customer_page.picker.customer
        assert c is not None  # the customer page is complete only with a customer
        self.setTitle(self.tr("Hard delete of %1").replace("%1", c.name))
        for widget in (self.approver, self.approver_label, self.confirm, self.confirm_label):
            widget.hide()
        self.w.ctx.runner.start(
            erasure.purge_state,
            self.w.ctx.database,
            c.id,
            self.w.today,
            tag="erasure.purge_state",
            on_result=self._loaded,
            on_error=lambda e: self.error.setText(erasure_error(e)),
            owner=self,
        )

    def step(self) -> str:
        if self.approval is None:
            return "request"
        return "approve" if self.approval.status == "requested" else "run"

    def _loaded(self, state: PurgeState) -> None:
        self.plan, self.approval = state.plan, state.approval
        rows = ", ".join(table_count(t, n) for t, n in self.plan.rows)
        what = self.tr("What goes for good: %1; session log contents: %2 (the events stay).")
        text = what.replace("%1", rows).replace("%2", str(len(self.plan.payload_seqs)))
        step = self.step()
        if step == "request":
            text += "\n" + self.tr(
                "First an admin requests the purge; a second person approves it."
            )
            self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Request purge"))
        elif step == "approve":
            text += "\n" + self.tr(
                "Requested by %1. Approve as the second person (not the requester)."
            ).replace("%1", self.approval.started_by)
            self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Approve purge"))
            if self.w.ctx.is_sqlite:
                self.approver.show()
                self.approver_label.show()
        else:
            text += "\n" + self.tr("Approved by %1.").replace("%1", self.approval.approved_by or "")
            self.confirm_label.setText(
                self.tr("Type the company name to delete it for good: %1").replace(
                    "%1", self.plan.customer_name
                )
            )
            self.confirm.show()
            self.confirm_label.show()
            self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Delete for good"))
        self.summary.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.plan is None:
            return False
        if self.step() == "run":
            return names_match(self.confirm.text(), self.plan.customer_name)
        if self.step() == "approve" and self.w.ctx.is_sqlite:
            return bool(self.approver.text().strip())
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
        if step == "approve":
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
        self, ctx: AppContext, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or dt.date.today()
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
        page.error.setText(self.tr("Nothing was changed: %1").replace("%1", erasure_error(exc)))
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)

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
        elif outcome.status == "approved":
            text = self.tr("Approved. An admin can now run the purge.")
        else:
            text = self.tr(
                "Requested (%1). A second person, a lead or admin, approves it."
            ).replace("%1", outcome.reference)
        self.result_page.text.setText(text)
        self.next()
