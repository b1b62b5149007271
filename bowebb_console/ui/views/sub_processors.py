"""Sub-processors: the register (policy clauses 8 and 10). The DPA checklist comes later."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.list_frame import ListFrame
from bowebb_console.ui.models.customers import SubProcessorTableModel


def load_sub_processors(ctx: AppContext) -> list:
    from bowebb_console.store.customers.listing import list_sub_processors

    with ctx.database.session() as session:
        return list_sub_processors(session)


class SubProcessorsView(QWidget):
    TAG = "sub_processors.list"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = SubProcessorTableModel(self)
        self.frame = ListFrame(self.tr("Sub-processors"), self.model)
        self.frame.refresh_button.setText(self.tr("Refresh"))
        self.frame.refresh_button.clicked.connect(self.reload)
        self.table = self.frame.table
        self.loading = False
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(
            SubProcessorTableModel.COL_SERVICE, QHeaderView.ResizeMode.Stretch
        )
        header.setStretchLastSection(False)
        note = QLabel(
            self.tr(
                "The privacy policy promises a data processing agreement (DPA) with every "
                "sub-processor and processing inside the EU/EEA only. The checklist of each "
                "DPA's required terms (GDPR Art. 28) and the flags for gaps, overdue reviews "
                "and locations outside the EU/EEA come here in a later version."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("placeholderText")
        note.setContentsMargins(9, 0, 9, 9)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame, 1)
        layout.addWidget(note)
        self.reload()

    def reload(self) -> None:
        self.loading = True
        self.frame.refresh_button.setEnabled(False)
        self.frame.count_label.setText(self.tr("Loading…"))
        self.ctx.runner.start(
            load_sub_processors,
            self.ctx,
            tag=self.TAG,
            on_result=self._loaded,
            on_error=self._failed,
            on_finished=self._done,
        )

    def _loaded(self, rows: list) -> None:
        self.model.set_rows(rows)
        self.frame.clear_error()
        self.frame.count_label.setText(self.tr("%n sub-processor(s)", "", len(rows)))
        self.table.resizeColumnsToContents()

    def _failed(self, exc: BaseException) -> None:
        self.frame.count_label.clear()
        self.frame.show_error(
            self.tr(
                "The register could not be loaded (%1). Check the connection and press Refresh."
            ).replace("%1", type(exc).__name__)
        )

    def _done(self) -> None:
        self.loading = False
        self.frame.refresh_button.setEnabled(True)
