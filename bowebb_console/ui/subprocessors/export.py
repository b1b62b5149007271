"""Writing exports: CSV as text, PDF by printing the service's HTML with QTextDocument.

Files are written to a temporary name and renamed when complete, so a failed export never
leaves a truncated file under the name the user chose.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument


def _temp(path: Path) -> Path:
    return path.with_name(f".{path.name}.part")


def write_text(path: Path, text: str) -> None:
    tmp = _temp(path)
    tmp.write_text(text, encoding="utf-8-sig", newline="")  # BOM: Excel reads UTF-8 CSV
    os.replace(tmp, path)


def write_pdf(path: Path, html: str, title: str) -> None:
    """Render ``html`` to an A4 PDF (GUI thread: QTextDocument lays out with fonts)."""
    tmp = _temp(path)
    writer = QPdfWriter(str(tmp))
    writer.setTitle(title)
    writer.setCreator("BoWebb Console")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
        )
    )
    doc = QTextDocument()
    doc.setHtml(html)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)
    del writer  # flushes and closes the file
    os.replace(tmp, path)
