"""Planned sub-processor changes (GDPR Art. 28(2)): record the change, when customers were
told and when their objection window ends; export the customers to notify (the recorded
service-notice export) and record objections as they arrive."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain.errors import ValidationError
from bowebb_console.services import subprocessors as service
from bowebb_console.services.subprocessors import Changes, PlannedChange
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.lazy import LazyPanel
from bowebb_console.ui.kit.list_frame import ListFrame
from bowebb_console.ui.subprocessors.common import CHANGE_KINDS, change_kind_text, parse_date
from bowebb_console.ui.subprocessors.errors import shown
from bowebb_console.ui.subprocessors.models import ChangesModel, ObjectionsModel


class ChangesPanel(LazyPanel):
    TAG = "subprocessors.changes"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.identity.role == "admin"
        self.model = ChangesModel(self)
        self.frame = ListFrame(
            self.tr("Planned changes of sub-processors"), self.model, self.reload
        )
        self.table = self.frame.table
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.objections_model = ObjectionsModel(self)
        self.objections = ListFrame(self.tr("Objections received"), self.objections_model)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        # New change (admins)
        self.kind = QComboBox()
        for key, _text in CHANGE_KINDS.items():
            self.kind.addItem(change_kind_text(key), key)
        self.sub_processor = QComboBox()
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("Which sub-processor, what it does, where"))
        self.planned_on = QLineEdit()
        self.notified_on = QLineEdit()
        self.window_ends = QLineEdit()
        for edit in (self.planned_on, self.notified_on, self.window_ends):
            edit.setPlaceholderText("YYYY-MM-DD")
        self.add_button = QPushButton(self.tr("Record planned change"))
        self.add_button.clicked.connect(self.add)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Replaces / concerns"), self.sub_processor)
        form.addRow(self.tr("Change"), self.description)
        form.addRow(self.tr("Takes effect on"), self.planned_on)
        form.addRow(self.tr("Customers notified on"), self.notified_on)
        form.addRow(self.tr("Objections until"), self.window_ends)
        form.addRow("", self.add_button)
        self.new_box = QGroupBox(self.tr("New planned change"))
        self.new_box.setLayout(form)
        self.new_box.setVisible(self.can_edit)

        # Objection (admins) and the recipients export (everyone may export notices)
        self.objection_org = QLineEdit()
        self.objection_org.setPlaceholderText(self.tr("Customer's org. number"))
        self.objection_date = QLineEdit(dt.date.today().isoformat())
        self.objection_note = QLineEdit()
        self.objection_note.setPlaceholderText(self.tr("What the customer objects to"))
        self.objection_button = QPushButton(self.tr("Record objection"))
        self.objection_button.clicked.connect(self.record_objection)
        objection_row = QHBoxLayout()
        for w in (
            self.objection_org,
            self.objection_date,
            self.objection_note,
            self.objection_button,
        ):
            objection_row.addWidget(w)
        self.objection_box = QGroupBox(self.tr("Objection to the selected change"))
        self.objection_box.setLayout(objection_row)
        self.objection_box.setVisible(self.can_edit)
        self.recipients_button = QPushButton(self.tr("Export customers to notify…"))
        self.recipients_button.clicked.connect(self.export_recipients)

        lower = QWidget()
        box = QVBoxLayout(lower)
        box.addWidget(self.objections, 1)
        box.addWidget(self.objection_box)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.recipients_button)
        box.addLayout(row)
        box.addWidget(self.new_box)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.frame)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._enable()

    def _enable(self) -> None:
        selected = self.current() is not None
        self.objection_button.setEnabled(selected)
        self.recipients_button.setEnabled(selected)

    def reload(self) -> None:
        self.load(self.ctx, service.list_changes, self._loaded, self._failed)

    def _loaded(self, result: Changes) -> None:
        changes, names = result.changes, result.sub_processors
        current = self.current()
        self.model.set_rows(changes)
        self.frame.clear_error()
        self.frame.count_label.setText(self.tr("%Ln planned change(s)", "", len(changes)))
        chosen = self.sub_processor.currentData()
        self.sub_processor.clear()
        self.sub_processor.addItem(self.tr("(a new sub-processor)"), None)
        for sp_id, name in names:
            self.sub_processor.addItem(name, sp_id)
        self.sub_processor.setCurrentIndex(max(0, self.sub_processor.findData(chosen)))
        self.table.resizeColumnsToContents()
        self.objections.table.resizeColumnsToContents()
        wanted = current.id if current is not None else None
        for r in range(self.model.rowCount()):
            if wanted is None or self.model.row_at(r).id == wanted:
                self.table.selectRow(self.frame.proxy.mapFromSource(self.model.index(r, 0)).row())
                break
        self._show_objections()

    def _failed(self, exc: BaseException) -> None:
        self.frame.show_error(
            self.tr("The planned changes could not be loaded: %1").replace("%1", shown(exc))
        )

    def current(self) -> PlannedChange | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.frame.proxy.mapToSource(index).row())

    def _selected(self, *_args: object) -> None:
        self._show_objections()

    def _show_objections(self) -> None:
        change = self.current()
        self.objections_model.set_rows(list(change.objections) if change else [])
        self._enable()

    def add(self) -> None:
        try:
            values = {
                "kind": str(self.kind.currentData()),
                "description": self.description.text(),
                "sub_processor_id": self.sub_processor.currentData(),
                "planned_on": parse_date(self.planned_on.text(), "planned_on"),
                "customers_notified_on": parse_date(self.notified_on.text(), "notified_on"),
                "objection_window_ends": parse_date(self.window_ends.text(), "window_ends"),
            }
        except ValidationError as exc:
            self.message.setText(shown(exc))
            return
        self.add_button.setEnabled(False)
        self.ctx.runner.start(
            service.add_planned_change,
            self.ctx.database,
            self.ctx.identity,
            **values,
            owner=self,
            on_result=self._added,
            on_error=self._write_failed,
            on_finished=lambda: self.add_button.setEnabled(True),
        )

    def _added(self, _change_id: int) -> None:
        self.message.setText(self.tr("Planned change recorded."))
        for edit in (self.description, self.planned_on, self.notified_on, self.window_ends):
            edit.clear()
        self.reload()

    def record_objection(self) -> None:
        change = self.current()
        if change is None:
            return
        try:
            received = parse_date(self.objection_date.text(), "received_on")
        except ValidationError as exc:
            self.message.setText(shown(exc))
            return
        self.objection_button.setEnabled(False)
        self.ctx.runner.start(
            service.record_objection,
            self.ctx.database,
            self.ctx.identity,
            change.id,
            self.objection_org.text(),
            received,
            self.objection_note.text(),
            owner=self,
            on_result=self._objection_recorded,
            on_error=self._write_failed,
            on_finished=self._enable,
        )

    def _objection_recorded(self, _id: int) -> None:
        self.message.setText(self.tr("Objection recorded."))
        self.objection_org.clear()
        self.objection_note.clear()
        self.reload()

    def _write_failed(self, exc: BaseException) -> None:
        self.message.setText(shown(exc))

    def export_recipients(self) -> None:
        name = f"notice-recipients-{dt.date.today().isoformat()}.csv"
        self.ctx.prompts.ask_path(
            self.tr("Export customers to notify"),
            self.export_recipients_to,
            save=True,
            name_filter=self.tr("CSV files (*.csv)"),
            suggested=name,
        )

    def export_recipients_to(self, path: Path) -> None:
        change = self.current()
        if change is None:
            return
        self.ctx.runner.start(
            service.export_change_recipients,
            self.ctx.database,
            self.ctx.identity,
            change,
            path,
            owner=self,
            on_result=lambda n: self.message.setText(
                self.tr("%Ln recipient(s) exported; the export is recorded.", "", n)
            ),
            on_error=self._write_failed,
        )
