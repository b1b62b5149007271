"""The Review screen: filter bar, the paged session table, a session's timeline with the
review actions, export (CSV, PDF), "Verify log integrity", and the week's overview."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services import review
from bowebb_console.services.review import ReviewFilter, SessionQuery
from bowebb_console.ui.kit import icons
from bowebb_console.ui.kit.errors import error_text
from bowebb_console.ui.kit.events import SESSION_KINDS, word
from bowebb_console.ui.kit.formats import count
from bowebb_console.ui.kit.job_bar import JobBar
from bowebb_console.ui.kit.verify import VerifyLogBox, verify_words
from bowebb_console.ui.kit.widgets import count_label, error_label, read_only_table
from bowebb_console.ui.review.detail import SessionDetail
from bowebb_console.ui.review.errors import TEXTS
from bowebb_console.ui.review.models import ReviewTableModel
from bowebb_console.ui.review.overview import OverviewPanel
from bowebb_console.ui.review.pdf import write_pdf
from bowebb_console.ui.review.report import csv_format
from bowebb_console.ui.review.settings import limits_from_settings

if TYPE_CHECKING:
    from bowebb_console.services.review import Exported
    from bowebb_console.ui.kit.context import AppContext

DEBOUNCE_MS = 300


def _combo(items: list[tuple[str, Any]]) -> QComboBox:
    box = QComboBox()
    for label, data in items:
        box.addItem(label, data)
    return box


class ReviewView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.limits = limits_from_settings(ctx.settings)
        self.model = ReviewTableModel(ctx, self)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)
        self._build_filters()
        self.table = read_only_table(self.model)
        self.table.setAccessibleName(self.tr("Sessions"))
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Compact enough that every column, Reviewed and Flags included, is in view at 1366.
        start = self.table.fontMetrics().horizontalAdvance("2026-12-31 23:59") + 20
        for column, width in enumerate((start, 80, 140, 92, 64, 44, 92, 64, 72)):
            self.table.setColumnWidth(column, width)
        header.setMinimumSectionSize(40)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.detail = SessionDetail(ctx)
        self.detail.reviewed.connect(self._reviewed)
        self.count_label = count_label()
        self.error_label = error_label()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        icons.give(self.refresh_button, "refresh")
        self.refresh_button.clicked.connect(self.apply_filter)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        icons.give(self.csv_button, "export")
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        icons.give(self.pdf_button, "export")
        self.csv_button.clicked.connect(lambda: self.choose_file("csv"))
        self.pdf_button.clicked.connect(lambda: self.choose_file("pdf"))
        # One bar for the long jobs (verify, export): one at a time, each can be cancelled.
        self.job = JobBar(ctx)
        self.job.running_changed.connect(self._busy)
        self.verify_box = VerifyLogBox(ctx, self.job)
        self.verify_button = self.verify_box.button

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([860, 340])  # scaled to the window; the table gets its columns' room
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addWidget(self.refresh_button)
        actions.addStretch(1)
        actions.addWidget(self.csv_button)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.verify_box)
        sessions = QWidget()
        box = QVBoxLayout(sessions)
        box.addLayout(self.filters)
        box.addWidget(self.error_label)
        box.addWidget(split, 1)
        box.addLayout(actions)
        box.addWidget(self.job)
        self.overview = OverviewPanel(ctx, self.limits)
        self.tabs = QTabWidget()
        self.tabs.addTab(sessions, self.tr("Sessions"))
        self.tabs.addTab(self.overview, self.tr("This week"))
        self.tabs.currentChanged.connect(self._tab)
        title = QLabel(self.tr("Review"))
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs)

        # Sorting is the database's: the header only tells the model which column (this
        # first indicator starts the first query, with the limits from the settings).
        self.model.query = SessionQuery(ReviewFilter(), self.limits)
        self.reselect: int | None = None
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        ctx.runner.start(
            review.agents, ctx.database, tag="review.agents", owner=self, on_result=self._agents
        )

    # --- filters ------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.agent_combo = _combo([(self.tr("All agents"), "")])
        self.customer_edit = QLineEdit()
        self.customer_edit.setPlaceholderText(self.tr("Customer or org. number"))
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("Search notes and summaries"))
        self.kind_combo = _combo(
            [
                (self.tr("All kinds"), ""),
                (word(SESSION_KINDS, "remote_control"), "remote_control"),
                (word(SESSION_KINDS, "file_transfer"), "file_transfer"),
            ]
        )
        self.reviewed_combo = _combo(
            [
                (self.tr("Reviewed or not"), None),
                (self.tr("Not reviewed"), False),
                (self.tr("Reviewed"), True),
            ]
        )
        self.flagged_combo = _combo(
            [
                (self.tr("Flagged or not"), None),
                (self.tr("Flagged"), True),
                (self.tr("Not flagged"), False),
            ]
        )
        self.period_check = QCheckBox(self.tr("Period:"))
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addDays(-30))
        self.to_edit = QDateEdit(today)
        self.from_edit.setAccessibleName(self.tr("Period from"))
        self.to_edit.setAccessibleName(self.tr("Period to"))
        for field in (self.customer_edit, self.text_edit):
            field.setAccessibleName(field.placeholderText())  # the placeholder is its label
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self.apply_filter)
        self.period_check.toggled.connect(self._period_toggled)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.apply_filter)
        for edit in (self.customer_edit, self.text_edit):
            edit.textChanged.connect(self.debounce.start)
        for combo in (self.agent_combo, self.kind_combo, self.reviewed_combo, self.flagged_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        # Two rows, so the search fields show their whole hint even in Swedish at 1366.
        for edit in (self.customer_edit, self.text_edit):
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 24)
        words = QHBoxLayout()
        words.addWidget(self.agent_combo)
        words.addWidget(self.customer_edit, 1)
        words.addWidget(self.text_edit, 1)
        choices = QHBoxLayout()
        for w in (self.kind_combo, self.reviewed_combo, self.flagged_combo, self.period_check):
            choices.addWidget(w)
        choices.addWidget(self.from_edit)
        choices.addWidget(self.to_edit)
        choices.addStretch(1)
        self.filters = QVBoxLayout()
        self.filters.addLayout(words)
        self.filters.addLayout(choices)

    def _period_toggled(self, on: bool) -> None:
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)
        self.apply_filter()

    def current_filter(self) -> ReviewFilter:
        period = self.period_check.isChecked()
        return ReviewFilter(
            agent=str(self.agent_combo.currentData() or ""),
            customer=self.customer_edit.text().strip(),
            date_from=_date(self.from_edit) if period else None,
            date_to=_date(self.to_edit) if period else None,
            kind=str(self.kind_combo.currentData() or ""),
            reviewed=self.reviewed_combo.currentData(),
            flagged=self.flagged_combo.currentData(),
            text=self.text_edit.text().strip(),
        )

    def apply_filter(self) -> None:
        self.debounce.stop()
        flt = self.current_filter()
        if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
            self._failed(self.tr("The period ends before it starts: change one of the dates."))
            return
        self.count_label.setText(self.tr("Loading…"))
        self.detail.show_session(None)
        self.limits = limits_from_settings(self.ctx.settings)  # the Settings dialog may change
        self.overview.limits = self.limits
        self.model.set_query(replace(self.model.query, flt=flt, limits=self.limits))

    def _reviewed(self, _session_uuid: str) -> None:
        """Re-read the list and select the row now in the same place (with the Not reviewed
        filter that is the next session to review)."""
        rows = self.table.selectionModel().selectedRows()
        self.reselect = rows[0].row() if rows else None
        self.model.refresh()

    def _agents(self, agents: list[str]) -> None:
        current = self.agent_combo.currentData()
        self.agent_combo.blockSignals(True)
        for agent in agents:
            self.agent_combo.addItem(agent, agent)
        self.agent_combo.setCurrentIndex(max(0, self.agent_combo.findData(current)))
        self.agent_combo.blockSignals(False)

    def _loaded(self, total: int) -> None:
        self.error_label.hide()
        self.count_label.setText(self.tr("%Ln session(s)", "", total))
        row, self.reselect = self.reselect, None
        if row is not None and total:
            row = min(row, total - 1)
            if self.model.row_at(row) is not None:
                self.table.selectRow(row)

    def _failed(self, message: str) -> None:
        self.count_label.clear()
        self.error_label.setText(
            self.tr("The sessions could not be loaded: %1").replace("%1", message)
        )
        self.error_label.show()

    def _selected(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.detail.show_session(self.model.row_at(rows[0].row()) if rows else None)

    def _tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.overview:
            self.overview.reload()

    # --- verify and export --------------------------------------------------------------

    def _busy(self, on: bool) -> None:
        for b in (self.csv_button, self.pdf_button, self.verify_button):
            b.setEnabled(not on)

    def verify(self) -> None:
        self.verify_box.start()

    def choose_file(self, fmt: str) -> None:
        name = f"review-{dt.date.today().isoformat()}.{fmt}"
        self.ctx.prompts.ask_path(
            self.tr("Export the sessions shown"),
            lambda path: self.export_to(path, fmt),
            save=True,
            name_filter="CSV (*.csv)" if fmt == "csv" else "PDF (*.pdf)",
            suggested=str(Path.home() / name),
        )

    def export_to(self, path: Path, fmt: str) -> None:
        if not path.suffix:  # what the file dialog's default suffix did
            path = path.with_name(f"{path.name}.{fmt}")
        started = self.job.start(
            review.export_sessions,
            self.ctx.database,
            self.model.query,
            fmt,
            path,
            write_pdf=write_pdf if fmt == "pdf" else None,
            csv_format=csv_format() if fmt == "csv" else None,
            on_result=lambda result: self._exported(result, path),
            on_error=self._job_error,
        )
        if started:
            self.job.say(self.tr("Verifying the log before exporting…"))

    def _exported(self, result: Exported | None, path: Path) -> None:
        if result is None:
            self.job.say(self.tr("Export cancelled: nothing was written or logged."))
            return
        text = self.tr("%1 sessions exported to %2. %3").replace("%1", count(result.count))
        words = verify_words(result.header.result, short=True)  # the whole head is in the file
        self.job.say(text.replace("%2", str(path)).replace("%3", words))
        self.job.result_label.setToolTip(verify_words(result.header.result))

    def _job_error(self, exc: BaseException) -> None:
        self.job.say(self.tr("Failed: %1").replace("%1", error_text(exc, TEXTS)))


def _date(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())
