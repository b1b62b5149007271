"""Wizard 1: guide a customer thinning or erasing its own data (policy clause 4).

Customer -> what they want to remove -> the step-by-step guidance (texts from
resources/guidance, editable without code) -> what the customer confirmed done (the one
commit: an ``erasure_guidance_given`` event in the session log, ids and topic keys only).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from bowebb_console.services import erasure
from bowebb_console.ui.erasure.common import CustomerPicker, ResultPage, WizardPage
from bowebb_console.ui.erasure.errors import erasure_error
from bowebb_console.ui.erasure.guidance_texts import Topic, load_topics
from bowebb_console.ui.kit.context import AppContext

CUSTOMER, TOPICS, STEPS, CONFIRM, RESULT = range(5)


def _checklist() -> QListWidget:
    return QListWidget()


def _check_item(text: str, key: str, checked: bool = False) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    item.setData(Qt.ItemDataRole.UserRole, key)
    return item


def _checked(widget: QListWidget) -> list[str]:
    items = (widget.item(i) for i in range(widget.count()))
    return [
        i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked
    ]


class CustomerPage(WizardPage):
    def __init__(self, wizard: GuidanceWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Which customer?"))
        self.setSubTitle(self.tr("The customer who wants to thin or erase its own data."))
        self.picker = CustomerPicker(wizard.ctx)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addStretch(1)
        self.picker.currentIndexChanged.connect(self.completeChanged)
        self.picker.lineEdit().textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return self.picker.customer is not None


class TopicsPage(WizardPage):
    def __init__(self, wizard: GuidanceWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("What does the customer want to remove?"))
        self.list = _checklist()
        for topic in wizard.topics:
            self.list.addItem(_check_item(topic.title, topic.id))
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        self.list.itemChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(_checked(self.list))


class StepsPage(WizardPage):
    def __init__(self, wizard: GuidanceWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Guide the customer step by step"))
        self.text = QTextBrowser()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)

    def initializePage(self) -> None:
        parts = []
        for topic in self.w.chosen_topics():
            steps = "".join(f"<li>{s}</li>" for s in topic.steps)
            parts.append(f"<h3>{topic.title}</h3><ol>{steps}</ol>")
        self.text.setHtml("".join(parts))


class ConfirmPage(WizardPage):
    def __init__(self, wizard: GuidanceWizard) -> None:
        super().__init__(wizard)
        self.setCommitPage(True)
        self.setTitle(self.tr("What did the customer confirm as done?"))
        self.setSubTitle(self.tr("Check what the customer has done. The guidance given is logged."))
        self.list = _checklist()
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.error)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Log guidance"))

    def initializePage(self) -> None:
        self.list.clear()
        for topic in self.w.chosen_topics():
            self.list.addItem(_check_item(topic.title, topic.id))

    def validatePage(self) -> bool:
        if self.w.committed:
            return True
        self.w.commit(self)
        return False


class GuidanceWizard(QWizard):
    def __init__(
        self, ctx: AppContext, language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.committed = False
        self.topics: list[Topic] = load_topics(language)
        self.setWindowTitle(self.tr("Erasure guidance"))
        self.customer_page = CustomerPage(self)
        self.topics_page = TopicsPage(self)
        self.steps_page = StepsPage(self)
        self.confirm = ConfirmPage(self)
        self.result_page = ResultPage(self.tr("The guidance is logged in the session log."))
        for page_id, page in (
            (CUSTOMER, self.customer_page),
            (TOPICS, self.topics_page),
            (STEPS, self.steps_page),
            (CONFIRM, self.confirm),
            (RESULT, self.result_page),
        ):
            self.setPage(page_id, page)

    def chosen_topics(self) -> list[Topic]:
        keys = set(_checked(self.topics_page.list))
        return [t for t in self.topics if t.id in keys]

    def commit(self, page: ConfirmPage) -> None:
        customer = self.customer_page.picker.customer
        assert customer is not None  # the customer page is complete only with a customer
        topics = [t.id for t in self.chosen_topics()]
        done = _checked(page.list)
        self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
        self.ctx.runner.start(
            erasure.log_guidance,
            self.ctx.database,
            self.ctx.identity,
            customer.id,
            topics,
            done,
            tag="erasure.guidance",
            on_result=lambda _: self._done(),
            on_error=lambda exc: self._failed(page, exc),
            owner=self,
        )

    def _failed(self, page: ConfirmPage, exc: BaseException) -> None:
        page.error.setText(self.tr("Nothing was logged: %1").replace("%1", erasure_error(exc)))
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)

    def _done(self) -> None:
        self.committed = True
        self.next()
