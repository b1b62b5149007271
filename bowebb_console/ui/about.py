"""About: app version, the privacy-policy version, and the console's own record of processing.

The record (policy clause 2, GDPR Art. 30) lists what the console itself processes, why, on
which legal basis and for how long — the grace period, trial period and session-log retention
as the database holds them (one setting for every workstation, read when the dialog opens).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bowebb_console import POLICY_VERSION, __version__
from bowebb_console.services.admin import Lifecycle


class AboutDialog(QDialog):
    def __init__(self, lifecycle: Lifecycle | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About BoWebb Console"))
        self.resize(1000, 640)
        title = QLabel(self.tr("BoWebb Console %1").replace("%1", __version__))
        title.setObjectName("pageTitle")
        self.version_label = QLabel(self.tr("Version: %1").replace("%1", __version__))
        self.policy_label = QLabel(self.tr("Privacy policy: %1").replace("%1", POLICY_VERSION))
        self.policy_label.setWordWrap(True)
        owner = QLabel(
            self.tr(
                "Controller for the processing below: BackOffice Webbtjänster Sweden AB "
                "(556680-9827)."
            )
        )
        owner.setWordWrap(True)
        record_title = QLabel(self.tr("The console's own record of processing"))
        record_title.setObjectName("sectionTitle")

        self.record = QTableWidget(0, 5)
        self.record.setHorizontalHeaderLabels(
            [
                self.tr("Processing"),
                self.tr("Personal data"),
                self.tr("Purpose"),
                self.tr("Legal basis"),
                self.tr("Retention"),
            ]
        )
        self.show_lifecycle(lifecycle)
        self.record.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.record.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.record.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.record.setWordWrap(True)
        self.record.verticalHeader().hide()
        self.record.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.record.resizeRowsToContents()
        note = QLabel(
            self.tr(
                "No sensitive personal data (GDPR Art. 9) is processed, and contact details are "
                "never used for marketing: only for major news and service disruptions."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, self.version_label, self.policy_label, owner, record_title):
            layout.addWidget(widget)
        layout.addWidget(self.record, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def show_lifecycle(self, lifecycle: Lifecycle | None) -> None:
        """The record with the database's values (None: not read yet, or not connected)."""
        self.record.setRowCount(0)
        for row in self.rows(lifecycle):
            self._add(row)
        self.record.resizeRowsToContents()

    def _add(self, values: list[str]) -> None:
        row = self.record.rowCount()
        self.record.insertRow(row)
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.record.setItem(row, column, item)

    def rows(self, lifecycle: Lifecycle | None) -> list[list[str]]:
        if lifecycle is None:
            grace = trial = log_days = self.tr("the period set in the database")
        else:
            grace = self.tr("%Ln day(s)", "", lifecycle.grace_period_days)
            trial = self.tr("%Ln day(s)", "", lifecycle.trial_period_days)
            log_days = self.tr("%Ln day(s)", "", lifecycle.log_retention_days)
        return [
            [
                self.tr("Customer contacts"),
                self.tr("Name, e-mail address, phone number, role at the customer"),
                self.tr("Support, and notices about major news and service disruptions"),
                self.tr("Contract (Art. 6(1)(b)); legitimate interest (Art. 6(1)(f))"),
                self.tr("During the business relationship, then %1 before hard delete").replace(
                    "%1", grace
                ),
            ],
            [
                self.tr("Trial accounts"),
                self.tr("Company, and the registrant's name, e-mail address and phone number"),
                self.tr("Letting a prospect try the service"),
                self.tr("Steps at the data subject's request (Art. 6(1)(b))"),
                self.tr("A trial not made a customer within %1 is hard deleted %2 after that")
                .replace("%1", trial)
                .replace("%2", grace),
            ],
            [
                self.tr("Session log"),
                self.tr(
                    "Who agreed to remote control and how, the agent, times, notes and summary"
                ),
                self.tr("Accountability for remote sessions; team-lead review; customer audits"),
                self.tr("Legitimate interest (Art. 6(1)(f)); accountability (Art. 5(2))"),
                log_days,
            ],
            [
                self.tr("File transfers (SFTP)"),
                self.tr("File names, sizes, SHA-256, direction, the agent"),
                self.tr("Proof of what was transferred, for the customer and for support"),
                self.tr("Contract (Art. 6(1)(b)); legitimate interest (Art. 6(1)(f))"),
                log_days,
            ],
            [
                self.tr("Erasure requests and certificates"),
                self.tr(
                    "Requester's name and contact details; the certificate holds no personal data"
                ),
                self.tr("Handling the data subject's right to erasure (Art. 17)"),
                self.tr("Legal obligation (Art. 6(1)(c))"),
                self.tr(
                    "Request details until the request is closed; the certificate is kept as proof"
                ),
            ],
            [
                self.tr("Console users"),
                self.tr("User name, role, sign-in and actions recorded in the log"),
                self.tr("Access control and accountability (policy: access system)"),
                self.tr("Legitimate interest (Art. 6(1)(f)); security (Art. 32)"),
                self.tr("While the account exists; log entries as the session log"),
            ],
        ]
