"""The register's and a checklist's exports: ask where (``ctx.prompts.ask_path``), write the
CSV or the PDF there on the GUI thread (QTextDocument lays out with fonts), say where or why
not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWidgets import QLabel

from bowebb_console.ui.kit import export
from bowebb_console.ui.kit.context import AppContext


def write_pdf(path: Path, html: str, title: str) -> None:
    """An A4 landscape page: the register's and the checklist's tables are wide."""
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(12, 12, 12, 12),
    )
    export.write_pdf(path, html, title, layout)


class Exports(QObject):
    """One screen's exports: ``title`` heads the file dialog, ``message`` says the outcome."""

    def __init__(self, ctx: AppContext, title: str, message: QLabel, parent: QObject) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = title
        self.message = message

    def ask(self, suffix: str, suggested: str, on_path: Callable[[Path], None]) -> None:
        """Ask where to save the ``suffix`` ("csv" or "pdf") file."""
        filters = {"csv": self.tr("CSV files (*.csv)"), "pdf": self.tr("PDF files (*.pdf)")}
        self.ctx.prompts.ask_path(
            self.title, on_path, save=True, name_filter=filters[suffix], suggested=suggested
        )

    def write(self, write: Callable[[], None], path: Path) -> None:
        try:
            write()
        except OSError as exc:
            self.ctx.prompts.show_error(
                self.tr("Not exported"),
                self.tr("The file could not be written: %1").replace("%1", exc.strerror or ""),
            )
            return
        self.message.setText(self.tr("Exported to %1").replace("%1", str(path)))
