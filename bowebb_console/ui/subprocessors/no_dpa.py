"""For leads: active customers without a signed DPA (policy clause 6), to chase."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bowebb_console.services import subprocessors as service
from bowebb_console.services.subprocessors import CustomerWithoutDpa
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.lazy import LazyPanel
from bowebb_console.ui.kit.list_frame import ListFrame
from bowebb_console.ui.subprocessors.errors import shown
from bowebb_console.ui.subprocessors.models import NoDpaModel


class NoDpaPanel(LazyPanel):
    TAG = "subprocessors.no_dpa"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = NoDpaModel(self)
        self.frame = ListFrame(
            self.tr("Active customers without a signed DPA"), self.model, self.reload
        )
        note = QLabel(
            self.tr(
                "BoWebb processes these customers' data without a signed data processing "
                "agreement (DPA). Ask them to sign it."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.frame, 1)
        layout.addWidget(note)

    def reload(self) -> None:
        self.load(self.ctx, service.customers_without_dpa, self._loaded, self._failed)

    def _loaded(self, rows: list[CustomerWithoutDpa]) -> None:
        self.model.set_rows(rows)
        self.frame.clear_error()
        self.frame.table.resizeColumnsToContents()
        self.frame.count_label.setText(self.tr("%Ln customer(s)", "", len(rows)))

    def _failed(self, exc: BaseException) -> None:
        self.frame.show_error(self.tr("The list could not be loaded: %1").replace("%1", shown(exc)))
