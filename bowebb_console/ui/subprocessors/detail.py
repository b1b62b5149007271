"""One sub-processor in detail: its flags, the DPA checklist editor and the evidence files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain import checklist as cl
from bowebb_console.domain.subprocessor_flags import COUNTRY_FLAGS, Flag
from bowebb_console.services import subprocessors as service
from bowebb_console.services.subprocessors import Detail, EvidenceInfo
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.export import write_text
from bowebb_console.ui.kit.rows import ROW_ROLE
from bowebb_console.ui.kit.widgets import read_only_table
from bowebb_console.ui.subprocessors.common import flag_label, language, status_text
from bowebb_console.ui.subprocessors.errors import shown
from bowebb_console.ui.subprocessors.export import Exports, write_pdf
from bowebb_console.ui.subprocessors.models import ChecklistModel, EvidenceModel


def _table(model: Any) -> QTableView:
    table = read_only_table(model)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    return table


class DetailPanel(QWidget):
    TAG = "subprocessors.detail"

    def __init__(
        self, ctx: AppContext, on_changed: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.on_changed = on_changed
        self.can_edit = ctx.identity.role == "admin"
        self.sp_id: int | None = None
        self.detail: Detail | None = None
        self.loading = False
        self.busy = False

        self.title = QLabel(self.tr("Select a sub-processor to see its checklist."))
        self.title.setObjectName("sectionTitle")
        self.flags_label = QLabel()
        self.flags_label.setWordWrap(True)
        self.flags_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.exports = Exports(ctx, self.tr("Export checklist"), self.message, self)
        self.export_csv_button = QPushButton(self.tr("Checklist as CSV…"))
        self.export_pdf_button = QPushButton(self.tr("Checklist as PDF…"))
        self.export_csv_button.clicked.connect(self.export_csv)
        self.export_pdf_button.clicked.connect(self.export_pdf)

        # Checklist
        self.checklist_model = ChecklistModel(self)
        self.checklist_table = _table(self.checklist_model)
        self.checklist_table.setAccessibleName(self.tr("DPA checklist"))
        header = self.checklist_table.horizontalHeader()
        header.setSectionResizeMode(ChecklistModel.COL_ITEM, QHeaderView.ResizeMode.Stretch)
        self.checklist_table.setColumnWidth(ChecklistModel.COL_EVIDENCE, 320)
        self.checklist_table.setColumnWidth(ChecklistModel.COL_ARTICLE, 100)
        self.checklist_table.selectionModel().currentRowChanged.connect(self._item_selected)
        self.status_box = QComboBox()
        for status in cl.STATUSES:
            self.status_box.addItem(status_text(status), status)
        self.evidence_edit = QLineEdit()
        self.evidence_edit.setAccessibleName(self.tr("Evidence"))
        self.evidence_edit.setPlaceholderText(
            self.tr("Evidence: clause of the DPA, document reference or note")
        )
        self.save_item_button = QPushButton(self.tr("Save item"))
        self.save_item_button.clicked.connect(self.save_item)
        editor = QHBoxLayout()
        editor.addWidget(self.status_box)
        editor.addWidget(self.evidence_edit, 1)
        editor.addWidget(self.save_item_button)
        checklist_page = QWidget()
        box = QVBoxLayout(checklist_page)
        box.addWidget(self.checklist_table, 1)
        box.addLayout(editor)

        # Evidence
        self.evidence_model = EvidenceModel(self)
        self.evidence_table = _table(self.evidence_model)
        self.evidence_table.setAccessibleName(self.tr("Evidence"))
        self.evidence_table.selectionModel().currentRowChanged.connect(self._file_selected)
        self.attach_to = QComboBox()
        self.attach_to.addItem(self.tr("The sub-processor as a whole"), None)
        for item in cl.load_checklist().items:
            self.attach_to.addItem(item.article, item.key)
        self.attach_button = QPushButton(self.tr("Attach file…"))
        self.attach_button.clicked.connect(self.choose_file)
        self.hash_label = QLabel()
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash_label.setWordWrap(True)
        attach_row = QHBoxLayout()
        attach_row.addWidget(QLabel(self.tr("Attach to:")))
        attach_row.addWidget(self.attach_to)
        attach_row.addWidget(self.attach_button)
        attach_row.addStretch(1)
        self.save_copy_button = QPushButton(self.tr("Save a copy…"))
        self.save_copy_button.clicked.connect(self.choose_copy_path)
        attach_row.addWidget(self.save_copy_button)
        evidence_page = QWidget()
        box = QVBoxLayout(evidence_page)
        box.addWidget(self.evidence_table, 1)
        box.addWidget(self.hash_label)
        box.addLayout(attach_row)

        self.tabs = QTabWidget()
        self.tabs.addTab(checklist_page, self.tr("DPA checklist"))
        self.tabs.addTab(evidence_page, self.tr("Evidence"))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.export_csv_button)
        top.addWidget(self.export_pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 0, 9, 0)
        layout.addLayout(top)
        layout.addWidget(self.flags_label)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        for widget in (
            self.status_box,
            self.evidence_edit,
            self.save_item_button,
            self.attach_to,
            self.attach_button,
        ):
            widget.setVisible(self.can_edit)
        self._enable()

    def _enable(self) -> None:
        has = self.detail is not None
        for w in (self.export_csv_button, self.export_pdf_button, self.tabs):
            w.setEnabled(has)
        self.save_item_button.setEnabled(has and not self.busy)
        self.attach_button.setEnabled(has and not self.busy)
        self.save_copy_button.setEnabled(has and self.evidence_table.currentIndex().isValid())

    # -- loading ---------------------------------------------------------------------------

    def show_sub_processor(self, sp_id: int | None) -> None:
        self.sp_id = sp_id
        if sp_id is None:
            self.detail = None
            self.checklist_model.set_rows([])
            self.evidence_model.set_rows([])
            self._enable()
            return
        self.loading = True
        self.ctx.runner.start(
            service.load_detail,
            self.ctx.database,
            sp_id,
            tag=self.TAG,
            owner=self,
            on_result=self._loaded,
            on_error=self._failed,
            on_finished=self._done,
        )

    def reload(self) -> None:
        self.show_sub_processor(self.sp_id)

    def _loaded(self, detail: Detail | None) -> None:
        self.detail = detail
        if detail is None:
            self.title.setText(self.tr("This sub-processor no longer exists."))
            self.show_sub_processor(None)
            return
        current = self.checklist_table.currentIndex().row()
        self.title.setText(detail.record.name)
        self.flags_label.setText(self.flags_text(detail.flags))
        breach = any(f.kind in COUNTRY_FLAGS for f in detail.flags)
        self.flags_label.setObjectName("errorText" if detail.flags else "")
        self.flags_label.setStyleSheet("color: #b00020;" if breach else "")
        self.checklist_model.set_rows(detail.entries)
        self.evidence_model.set_rows(detail.evidence)
        self.evidence_table.resizeColumnsToContents()  # the whole hash, so a copy can be checked
        self.checklist_table.resizeRowsToContents()
        if current >= 0:
            self.checklist_table.selectRow(current)
        self._enable()

    def flags_text(self, flags: tuple[Flag, ...]) -> str:
        if not flags:
            return self.tr(
                "No flags: DPA signed, every checklist item yes, review on time, inside the EU."
            )
        return "\n".join(f"⚑ {flag_label(f)}" for f in flags)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(
            self.tr("The sub-processor could not be loaded: %1").replace("%1", shown(exc))
        )

    def _done(self) -> None:
        self.loading = False

    # -- checklist -------------------------------------------------------------------------

    def _item_selected(self, index: Any, _previous: Any = None) -> None:
        if not index.isValid():
            return
        entry = self.checklist_model.index(index.row(), 0).data(ROW_ROLE)
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(entry.status)))
        self.evidence_edit.setText(entry.evidence)

    def save_item(self) -> None:
        row = self.checklist_table.currentIndex().row()
        if self.sp_id is None or row < 0:
            self.message.setText(self.tr("Select a checklist item first."))
            return
        entry = self.checklist_model.row_at(row)
        self._busy(True)
        self.ctx.runner.start(
            service.set_checklist_item,
            self.ctx.database,
            self.ctx.identity,
            self.sp_id,
            entry.item.key,
            str(self.status_box.currentData()),
            self.evidence_edit.text(),
            owner=self,
            on_result=lambda _r: self._changed(self.tr("Item saved.")),
            on_error=self._write_failed,
            on_finished=lambda: self._busy(False),
        )

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        self._enable()

    def _changed(self, text: str) -> None:
        self.message.setText(text)
        self.reload()
        self.on_changed()

    def _write_failed(self, exc: BaseException) -> None:
        text = shown(exc)
        self.message.setText(text)
        self.ctx.prompts.show_error(self.tr("Not saved"), text)

    # -- evidence --------------------------------------------------------------------------

    def choose_file(self) -> None:
        self.ctx.prompts.ask_path(
            self.tr("Attach evidence"),
            self.attach_path,
            save=False,
            name_filter=self.tr("Documents (*.pdf *.txt *.*)"),
        )

    def attach_path(self, path: Path) -> None:
        if self.sp_id is None:
            return
        self._busy(True)
        self.ctx.runner.start(
            service.attach_evidence,
            self.ctx.database,
            self.ctx.identity,
            self.sp_id,
            Path(path),
            item_key=self.attach_to.currentData(),
            owner=self,
            on_result=self._attached,
            on_error=self._write_failed,
            on_finished=lambda: self._busy(False),
        )

    def _attached(self, info: EvidenceInfo) -> None:
        self._attached_text(info)
        self._changed(self.tr("File attached."))

    def _file_selected(self, index: Any, _previous: Any = None) -> None:
        if index.isValid():
            self._attached_text(self.evidence_model.row_at(index.row()))
        self._enable()

    def choose_copy_path(self) -> None:
        index = self.evidence_table.currentIndex()
        if not index.isValid():
            return
        info = self.evidence_model.row_at(index.row())
        self.ctx.prompts.ask_path(
            self.tr("Save a copy"),
            lambda path: self.save_copy_to(info, path),
            save=True,
            name_filter=self.tr("All files (*)"),
            suggested=info.file_name,
        )

    def save_copy_to(self, info: EvidenceInfo, path: Path) -> None:
        self.ctx.runner.start(
            service.save_evidence_copy,
            self.ctx.database,
            info.id,
            path,
            owner=self,
            on_result=lambda digest: self.message.setText(
                self.tr("Copy saved to %1; its SHA-256 matches: %2")
                .replace("%1", str(path))
                .replace("%2", digest)
            ),
            on_error=self._write_failed,
        )

    def _attached_text(self, info: EvidenceInfo) -> None:
        self.hash_label.setText(
            self.tr("%1: SHA-256 %2, %3 bytes")
            .replace("%1", info.file_name)
            .replace("%2", info.sha256)
            .replace("%3", str(info.size))
        )

    # -- exports ---------------------------------------------------------------------------

    def _name(self, suffix: str) -> str:
        name = self.detail.record.name if self.detail else "checklist"
        safe = "".join(c if c.isalnum() else "-" for c in name).strip("-")
        return f"dpa-checklist-{safe}-{dt.date.today().isoformat()}.{suffix}"

    def export_csv(self) -> None:
        self.exports.ask("csv", self._name("csv"), self.export_csv_to)

    def export_pdf(self) -> None:
        self.exports.ask("pdf", self._name("pdf"), self.export_pdf_to)

    def export_csv_to(self, path: Path) -> None:
        if self.detail is None:
            return
        text = service.checklist_csv(self.detail, language())
        self.exports.write(lambda: write_text(path, text), path)

    def export_pdf_to(self, path: Path) -> None:
        d = self.detail
        if d is None:
            return
        html = service.checklist_html(d, dt.date.today(), language())
        self.exports.write(lambda: write_pdf(path, html, d.record.name), path)
