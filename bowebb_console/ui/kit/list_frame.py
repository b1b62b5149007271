"""Shared frame of the list screens: title, count line, refresh, table, inline error + retry."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.ui.kit import icons
from bowebb_console.ui.kit.rows import RowTableModel, SortProxy
from bowebb_console.ui.kit.widgets import count_label, error_label, read_only_table


class ListFrame(QWidget):
    """Layout only; the screen owns the loading logic and the texts. With ``on_refresh`` the
    frame has a Refresh button that calls it; without, the list is filled by its screen."""

    def __init__(
        self,
        title: str,
        model: RowTableModel,
        on_refresh: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setObjectName("pageTitle")
        self.count_label = count_label()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        icons.give(self.refresh_button, "refresh")
        if on_refresh is None:
            self.refresh_button.hide()
        else:
            self.refresh_button.clicked.connect(on_refresh)
        self.error_label = error_label()

        self.model = model
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(model)
        self.table = read_only_table(self.proxy)
        self.table.setAccessibleName(title)  # screen readers: the list is what the title says
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the store's order first
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Fitting columns reads only the first rows: every data() call crosses into Python.
        header.setResizeContentsPrecision(40)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
