"""A screen that a later release fills: its title and a paragraph saying what will be there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bowebb_console.ui.kit.context import AppContext


class PlaceholderView(QWidget):
    def __init__(self, ctx: AppContext, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        self.body = QLabel(text)
        self.body.setObjectName("placeholderText")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setMaximumWidth(640)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.body)
        layout.addStretch(1)
