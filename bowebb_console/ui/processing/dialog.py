"""Keep the record of processing (admins): pick a processing on the left, edit its Art. 30
fields on the right, save. The lifecycle settings that apply are ticked, not typed: their
values are the database's and shown as they are now. Saving runs on the task runner; a
refusal or a bad field is said in the dialog and everything typed stays."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain.errors import ValidationError
from bowebb_console.services import processing
from bowebb_console.services.processing import LIFECYCLE_FIELDS, ProcessingInput, Record
from bowebb_console.ui.kit.guard import InputGuard, primary_button
from bowebb_console.ui.kit.widgets import error_label
from bowebb_console.ui.processing.errors import shown
from bowebb_console.ui.processing.texts import TEXT_FIELDS, days, field_name, lifecycle_word

if TYPE_CHECKING:
    from bowebb_console.ui.kit.context import AppContext

NEW = -1


class ProcessingDialog(QDialog):
    """Emits ``saved(id)`` after each save the database confirmed."""

    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record: Record | None = None
        self.current: int | None = None  # the processing shown (NEW: a new one)
        self.busy = False
        self.loading = False  # a reload is under way: no save until it has shown its result
        self.setWindowTitle(self.tr("Record of processing activities"))
        self.resize(1000, 660)

        self.list = QListWidget()
        self.list.setMinimumWidth(220)
        self.list.currentItemChanged.connect(self._picked)
        self.add_button = QPushButton(self.tr("Add processing"))
        self.add_button.clicked.connect(self.add_new)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.add_button)

        self.name = QLineEdit()
        self.edits: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(field_name("name"), self.name)
        for key in TEXT_FIELDS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(52)
            self.edits[key] = edit
            form.addRow(field_name(key), edit)
        self.lifecycle_boxes: dict[str, QCheckBox] = {}
        boxes = QVBoxLayout()
        for key in LIFECYCLE_FIELDS:
            box = QCheckBox(lifecycle_word(key))
            self.lifecycle_boxes[key] = box
            boxes.addWidget(box)
        hint = QLabel(
            self.tr(
                "The values are the database's lifecycle settings (File ▸ Lifecycle); the "
                "record shows them as they are, so it never disagrees with them. Every "
                "change of those settings is logged in the session log."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("hintText")
        boxes.addWidget(hint)
        form.addRow(field_name("lifecycle"), boxes)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.error_label = error_label()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.close_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.reject)

        columns = QHBoxLayout()
        columns.addLayout(left)
        columns.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        # Enter saves (never Close); Esc, Close or picking another processing asks before
        # losing what was typed (issue 18).
        primary_button(self, self.save_button)
        self.guard = InputGuard(self, ctx.prompts)
        self._enable(False)
        self.reload()

    def reject(self) -> None:
        if not self.busy:
            self.guard.reject(lambda: QDialog.reject(self))

    # --- loading ------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        self.loading = True
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Loading…"))
        self.ctx.runner.start(
            processing.record,
            self.ctx.database,
            tag=f"processing.record.{id(self)}",
            on_result=lambda record: self._loaded(record, select),
            on_error=self._load_failed,
            owner=self,
        )

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = False
        self._failed(exc)

    def _loaded(self, record: Record, select: int | None) -> None:
        self.record = record
        self.loading = False
        if self.status.text() == self.tr("Loading…"):
            self.status.setText("")
        for key, box in self.lifecycle_boxes.items():
            value = days(processing.lifecycle_days(record.lifecycle, key))
            box.setText(f"{lifecycle_word(key)} ({value})")
        self.list.blockSignals(True)
        self.list.clear()
        for p in record.processings:
            item = QListWidgetItem(p.name)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        wanted = select if select is not None else self.current
        row = next(
            (i for i, p in enumerate(record.processings) if p.id == wanted),
            0 if record.processings else -1,
        )
        self.list.setCurrentRow(row)
        if row >= 0:
            self._show(record.processings[row].id)

    def _picked(self, item: QListWidgetItem | None, previous: Any = None) -> None:
        if item is None:
            return
        wanted = int(item.data(Qt.ItemDataRole.UserRole))
        if wanted == self.current:
            return

        def go(yes: bool) -> None:
            self.guard.asking = False
            if yes:
                self._show(wanted)
                return
            self.list.blockSignals(True)  # stay on the processing being edited
            self.list.setCurrentItem(previous if isinstance(previous, QListWidgetItem) else None)
            self.list.blockSignals(False)

        if self.current is None or not self.guard.changed():
            go(True)
            return
        self.guard.asking = True
        self.ctx.prompts.confirm(
            self.tr("Discard your changes?"),
            self.tr("Show another processing? What you typed here is not saved."),
            go,
            ok_text=self.tr("Discard"),
        )

    def _show(self, processing_id: int) -> None:
        assert self.record is not None
        p = next(x for x in self.record.processings if x.id == processing_id)
        self.current = p.id
        self.name.setText(p.name)
        for key, edit in self.edits.items():
            edit.setPlainText(str(getattr(p, key)))
        for key, box in self.lifecycle_boxes.items():
            box.setChecked(key in p.lifecycle)
        self.error_label.hide()
        self._enable(True)
        self.guard.mark()

    def add_new(self) -> None:
        self.list.clearSelection()
        self.current = NEW
        self.name.clear()
        for edit in self.edits.values():
            edit.clear()
        for box in self.lifecycle_boxes.values():
            box.setChecked(False)
        self._enable(True)
        self.guard.mark()
        self.name.setFocus()

    def _enable(self, on: bool) -> None:
        for widget in (self.name, *self.edits.values(), *self.lifecycle_boxes.values()):
            widget.setEnabled(on)
        self.save_button.setEnabled(on and not self.busy and not self.loading)

    # --- saving -------------------------------------------------------------------------
    def values(self) -> ProcessingInput:
        assert self.record is not None
        existing = next((p for p in self.record.processings if p.id == self.current), None)
        position = (
            existing.position
            if existing is not None
            else max((p.position for p in self.record.processings), default=0) + 10
        )
        return ProcessingInput(
            name=self.name.text(),
            lifecycle=tuple(k for k, box in self.lifecycle_boxes.items() if box.isChecked()),
            position=position,
            **{key: edit.toPlainText() for key, edit in self.edits.items()},
        )

    def submit(self) -> None:
        if self.busy or self.loading or self.record is None or self.current is None:
            return
        inp = self.values()
        existing = next((p for p in self.record.processings if p.id == self.current), None)
        self.busy = True
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.ctx.runner.start(
            processing.save,
            self.ctx.database,
            self.ctx.identity,
            inp,
            processing_id=existing.id if existing is not None else None,
            version=existing.version if existing is not None else None,
            tag=f"processing.save.{id(self)}",
            on_result=self._saved,
            on_error=self._failed,
            owner=self,
        )

    def _saved(self, processing_id: int) -> None:
        self.busy = False
        self.guard.mark()  # saved: nothing typed is left to lose
        self.error_label.hide()
        self.current = processing_id
        self.saved.emit(processing_id)
        self.reload(select=processing_id)
        self.status.setText(self.tr("Saved."))

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.status.setText("")
        text = shown(exc)
        if isinstance(exc, ValidationError):
            text = (
                f"{field_name(exc.field)}: {text}"
                if exc.field in ("name", *TEXT_FIELDS, "lifecycle")
                else text
            )
        self.error_label.setText(text)
        self.error_label.show()
        self._enable(self.current is not None)
