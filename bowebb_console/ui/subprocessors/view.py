"""The Sub-processors screen: the register with its flags (sortable), one sub-processor's
checklist and evidence below it, planned changes, and for leads the customers without a DPA.

Everyone reads; only admins see the buttons that change the register (and PostgreSQL
refuses anyone else anyway)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain.subprocessor_flags import FlagKind
from bowebb_console.services import subprocessors as service
from bowebb_console.services.subprocessors import RegisterRow, SubProcessorRecord
from bowebb_console.ui.kit import icons
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.export import write_text
from bowebb_console.ui.kit.list_frame import ListFrame
from bowebb_console.ui.subprocessors.changes import ChangesPanel
from bowebb_console.ui.subprocessors.common import language
from bowebb_console.ui.subprocessors.detail import DetailPanel
from bowebb_console.ui.subprocessors.dialogs import SubProcessorDialog
from bowebb_console.ui.subprocessors.errors import shown
from bowebb_console.ui.subprocessors.export import Exports, write_pdf
from bowebb_console.ui.subprocessors.models import RegisterModel
from bowebb_console.ui.subprocessors.no_dpa import NoDpaPanel


class SubProcessorsView(QWidget):
    TAG = "subprocessors.register"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.identity.role == "admin"
        self._loading = False
        self._show_next: int | None = None  # asked for by show_record before the rows came
        self.rows: list[RegisterRow] = []
        self.dialog: SubProcessorDialog | None = None

        self.model = RegisterModel(self)
        self.frame = ListFrame(self.tr("Sub-processor register"), self.model, self.reload)
        self.table = self.frame.table
        self.table.horizontalHeader().setSectionResizeMode(
            RegisterModel.COL_SERVICE, QHeaderView.ResizeMode.Stretch
        )
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _i: self.edit())

        self.overview = QLabel()
        self.overview.setWordWrap(True)
        self.overview.setTextFormat(Qt.TextFormat.PlainText)
        self.add_button = QPushButton(self.tr("Add sub-processor…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.export_csv_button = QPushButton(self.tr("Register as CSV…"))
        icons.give(self.export_csv_button, "export")
        self.export_pdf_button = QPushButton(self.tr("Register as PDF…"))
        icons.give(self.export_pdf_button, "export")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.export_csv_button.clicked.connect(self.export_csv)
        self.export_pdf_button.clicked.connect(self.export_pdf)
        self.add_button.setVisible(self.can_edit)
        self.edit_button.setVisible(self.can_edit)
        self.read_only_note = QLabel(
            self.tr("Read only: only admins change the sub-processor register.")
        )
        self.read_only_note.setVisible(not self.can_edit)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.exports = Exports(ctx, self.tr("Export register"), self.message, self)
        buttons = QHBoxLayout()
        for w in (self.add_button, self.edit_button, self.read_only_note):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.message)
        buttons.addWidget(self.export_csv_button)
        buttons.addWidget(self.export_pdf_button)

        self.detail = DetailPanel(ctx, self.reload)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addWidget(self.frame, 1)
        top_box.addWidget(self.overview)
        top_box.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("Register"))
        self.changes = ChangesPanel(ctx)
        self.tabs.addTab(self.changes, self.tr("Planned changes"))
        self.no_dpa: NoDpaPanel | None = None
        if ctx.is_lead:
            self.no_dpa = NoDpaPanel(ctx)
            self.tabs.addTab(self.no_dpa, self.tr("Customers without DPA"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.reload()

    @property
    def loading(self) -> bool:
        """True while any part of the screen is still loading."""
        parts = [self.changes.loading, self.detail.loading]
        if self.no_dpa is not None:
            parts.append(self.no_dpa.loading)
        return self._loading or any(parts)

    # -- register --------------------------------------------------------------------------

    def reload(self) -> None:
        self._loading = True
        self.frame.refresh_button.setEnabled(False)
        self.frame.count_label.setText(self.tr("Loading…"))
        self.ctx.runner.start(
            service.list_register,
            self.ctx.database,
            tag=self.TAG,
            owner=self,
            on_result=self._loaded,
            on_error=self._failed,
            on_finished=self._done,
        )

    def _loaded(self, rows: list[RegisterRow]) -> None:
        selected = self._show_next or self.selected_id()
        self._show_next = None
        self.rows = rows
        self.model.set_rows(rows)
        self.frame.clear_error()
        self.frame.count_label.setText(self.tr("%Ln sub-processor(s)", "", len(rows)))
        self.overview.setText(self.overview_text(rows))
        self.table.resizeColumnsToContents()
        if selected is not None:
            self.select_id(selected)
        self.edit_button.setEnabled(self.selected_id() is not None)

    def overview_text(self, rows: list[RegisterRow]) -> str:
        flagged = [r for r in rows if r.flags]
        if not flagged:
            return self.tr(
                "No flags: every sub-processor has a complete, signed DPA inside "
                "the EU and its review on time."
            )

        def count(kind: FlagKind) -> int:
            return sum(1 for r in rows if any(f.kind is kind for f in r.flags))

        text = self.tr(
            "%1 of %2 flagged: %3 outside the EU/EEA (breach of the policy), "
            "%8 in the EEA but outside the EU (the policy says EU), "
            "%4 without a signed DPA, %5 with checklist gaps, %6 review overdue, "
            "%7 ended but still receiving data."
        )
        values = [
            len(flagged),
            len(rows),
            count(FlagKind.OUTSIDE_EU_EEA),
            count(FlagKind.NO_DPA),
            count(FlagKind.CHECKLIST_GAP),
            count(FlagKind.REVIEW_OVERDUE),
            count(FlagKind.ENDED_RECEIVING),
            count(FlagKind.EEA_NOT_EU),
        ]
        for i, v in reversed(list(enumerate(values, 1))):
            text = text.replace(f"%{i}", str(v))
        return text

    def _failed(self, exc: BaseException) -> None:
        self.frame.count_label.clear()
        self.frame.show_error(
            self.tr("The register could not be loaded: %1 Press Refresh to try again.").replace(
                "%1", shown(exc)
            )
        )

    def _done(self) -> None:
        self._loading = False
        self.frame.refresh_button.setEnabled(True)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return int(self.model.row_at(self.frame.proxy.mapToSource(index).row()).record.id)

    def select_id(self, sp_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).record.id == sp_id:
                index = self.frame.proxy.mapFromSource(self.model.index(row, 0))
                self.table.setCurrentIndex(index)
                return

    def show_record(self, sp_id: int) -> None:
        """The privacy dashboard opened this sub-processor: select it, now or once loaded."""
        if self._loading or not self.rows:
            self._show_next = sp_id
        else:
            self.select_id(sp_id)

    def _selected(self, *_args: object) -> None:
        self.edit_button.setEnabled(self.selected_id() is not None)
        sp_id = self.selected_id()
        if sp_id != self.detail.sp_id:
            self.detail.show_sub_processor(sp_id)

    # -- editing ---------------------------------------------------------------------------

    def add(self) -> None:
        self._open_dialog(None)

    def edit(self) -> None:
        sp_id = self.selected_id()
        if sp_id is None or not self.can_edit:
            return
        record = next(r.record for r in self.rows if r.record.id == sp_id)
        self._open_dialog(record)

    def _open_dialog(self, record: SubProcessorRecord | None) -> None:
        self.dialog = SubProcessorDialog(self.ctx, record, self._saved, self)
        self.dialog.open()

    def _saved(self, sp_id: int) -> None:
        self.message.setText(self.tr("Saved."))
        self.ctx.runner.start(
            service.list_register,
            self.ctx.database,
            tag=self.TAG,
            owner=self,
            on_result=lambda rows: self._loaded_then_select(rows, sp_id),
            on_error=self._failed,
        )

    def _loaded_then_select(self, rows: list[RegisterRow], sp_id: int) -> None:
        self._loaded(rows)
        self.select_id(sp_id)
        self.detail.show_sub_processor(sp_id)
        self.changes.reload()

    # -- exports ---------------------------------------------------------------------------

    def _name(self, suffix: str) -> str:
        return f"sub-processor-register-{dt.date.today().isoformat()}.{suffix}"

    def export_csv(self) -> None:
        self.exports.ask("csv", self._name("csv"), self.export_csv_to)

    def export_pdf(self) -> None:
        self.exports.ask("pdf", self._name("pdf"), self.export_pdf_to)

    def export_csv_to(self, path: Path) -> None:
        text = service.register_csv(self.rows, language())
        self.exports.write(lambda: write_text(path, text), path)

    def export_pdf_to(self, path: Path) -> None:
        html = service.register_html(self.rows, dt.date.today(), language())
        title = self.tr("Sub-processor register")
        self.exports.write(lambda: write_pdf(path, html, title), path)
