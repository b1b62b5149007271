"""Planned sub-processor changes (GDPR Art. 28(2)): record the change, when customers were
told and when their objection window ends; export the customers to notify (the recorded
service-notice export) and record objections as they arrive."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
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
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.list_frame import ListFrame
from bowebb_console.ui.kit.rows import RowTableModel
from bowebb_console.ui.subprocessors.common import CHANGE_KINDS, change_kind_text, parse_date
from bowebb_console.ui.subprocessors.files import ask_path
from bowebb_console.ui.subprocessors.messages import ui_message
from bowebb_console.ui.subprocessors.models import ChangesModel, ObjectionsModel


def load_changes(ctx: AppContext) -> tuple[list[Any], list[tuple[int, str]]]:
    from sqlalchemy import select

    from bowebb_console.store.models import SubProcessor
    from bowebb_console.store.subprocessors.changes import list_planned_changes

    with ctx.database.session() as session:
        names = session.execute(
            select(SubProcessor.id, SubProcessor.name).order_by(SubProcessor.name)
        ).all()
        return list_planned_changes(session), [(int(i), str(n)) for i, n in names]


def add_change(ctx: AppContext, values: dict[str, Any]) -> int:
    from bowebb_console.store.subprocessors.changes import add_planned_change

    return add_planned_change(ctx.database, **values, actor=ctx.identity.user)


def add_objection(ctx: AppContext, change_id: int, org: str, received: Any, note: str) -> int:
    from sqlalchemy import select

    from bowebb_console.domain.orgnr import parse_orgnr
    from bowebb_console.store.models import Customer
    from bowebb_console.store.subprocessors.changes import record_objection

    digits = parse_orgnr(org).digits  # a ValidationError says what is wrong with it
    with ctx.database.session() as session:
        customer = session.scalar(select(Customer.id).where(Customer.org_number == digits))
    if customer is None:
        raise ValidationError("customer", "No customer has this organisation number.")
    return record_objection(
        ctx.database, change_id, customer, received, note, actor=ctx.identity.user
    )


def export_recipients(ctx: AppContext, path: str, reason: str) -> int:
    """The recorded service-notice export (store.notices): the file appears only after the
    record of the export is committed."""
    from bowebb_console.store.customers.notices import export_notice_recipients

    target = Path(path)
    out = io.StringIO()
    with ctx.database.session() as session, session.begin():
        count = export_notice_recipients(session, out, reason=reason, local_user=ctx.identity.user)
    tmp = target.with_name(f".{target.name}.part")
    tmp.write_text(out.getvalue(), encoding="utf-8-sig", newline="")
    os.replace(tmp, target)
    return count


class ChangesPanel(QWidget):
    TAG = "subprocessors.changes"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.identity.role == "admin"
        self.loading = False
        self.shown_once = False
        self.model = ChangesModel(self)
        self.frame = ListFrame(self.tr("Planned changes of sub-processors"), self.model)
        self.frame.refresh_button.setText(self.tr("Refresh"))
        self.frame.refresh_button.clicked.connect(self.reload)
        self.table = self.frame.table
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.objections_model: RowTableModel[Any] = ObjectionsModel(self)
        self.objections = ListFrame(self.tr("Objections received"), self.objections_model)
        self.objections.refresh_button.hide()
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

    def showEvent(self, event: QShowEvent) -> None:
        # Loaded when first shown: the screen opens on the register, and fewer queries at
        # start-up leave the GUI thread (and the GIL) to the user.
        if not self.shown_once:
            self.shown_once = True
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        self.loading = True
        self.ctx.runner.start(
            load_changes,
            self.ctx,
            tag=self.TAG,
            on_result=self._loaded,
            on_error=self._failed,
            on_finished=self._done,
        )

    def _loaded(self, result: tuple[list[Any], list[tuple[int, str]]]) -> None:
        changes, names = result
        current = self.current()
        self.model.set_rows(changes)
        self.frame.clear_error()
        self.frame.count_label.setText(self.tr("%n planned change(s)", "", len(changes)))
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
            self.tr("The planned changes could not be loaded (%1).").replace(
                "%1", type(exc).__name__
            )
        )

    def _done(self) -> None:
        self.loading = False

    def current(self) -> Any:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.frame.proxy.mapToSource(index).row())

    def _selected(self, *_args: Any) -> None:
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
            self.message.setText(ui_message(exc.message))
            return
        self.add_button.setEnabled(False)
        self.ctx.runner.start(
            add_change,
            self.ctx,
            values,
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
            self.message.setText(ui_message(exc.message))
            return
        self.objection_button.setEnabled(False)
        self.ctx.runner.start(
            add_objection,
            self.ctx,
            change.id,
            self.objection_org.text(),
            received,
            self.objection_note.text(),
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
        from bowebb_console.store.subprocessors.register import RegisterRefused

        if isinstance(exc, ValidationError):
            text = ui_message(exc.message)
        elif isinstance(exc, RegisterRefused):
            text = self.tr("The database refused the change: only admins keep the register.")
        elif isinstance(exc, OSError):
            text = self.tr("The file could not be written: %1").replace("%1", exc.strerror or "")
        else:
            text = self.tr("Not saved: %1. Try again.").replace("%1", type(exc).__name__)
        self.message.setText(text)

    def export_recipients(self) -> None:
        name = f"notice-recipients-{dt.date.today().isoformat()}.csv"
        ask_path(
            self,
            self.tr("Export customers to notify"),
            self.tr("CSV files (*.csv)"),
            self.export_recipients_to,
            save_as=name,
        )

    def export_recipients_to(self, path: str) -> None:
        change = self.current()
        if change is None:
            return
        reason = f"Planned sub-processor change #{change.id}: {change.description}"
        self.ctx.runner.start(
            export_recipients,
            self.ctx,
            path,
            reason[:500],
            on_result=lambda n: self.message.setText(
                self.tr("%n recipient(s) exported; the export is recorded.", "", n)
            ),
            on_error=self._write_failed,
        )
