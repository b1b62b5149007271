"""Writing exports: CSV as text, PDF by printing HTML with QTextDocument.

Files are written to a temporary name and renamed when complete, so a failed export never
leaves a truncated file under the name the user chose.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument


def _temp(path: Path) -> Path:
    return path.with_name(f".{path.name}.part")


def a4_numbered(landscape: bool = False) -> QPageLayout:
    """An A4 page for a numbered document (``write_pdf(numbered=True)``): no margins of its
    own, because Qt adds 2 cm around a numbered document."""
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        orientation,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def facts_table(rows: Iterable[tuple[str, str]]) -> str:
    """A two-column HTML table of (label, value) for a PDF; an empty value shows as a dash."""
    cells = "".join(
        f"<tr><th width='28%'>{html.escape(label)}</th><td>{html.escape(value or '–')}</td></tr>"
        for label, value in rows
    )
    return f"<table width='100%' cellspacing='0' cellpadding='4' border='1'>{cells}</table>"


def csv_delimiter() -> str:
    """The separator Excel expects in the reader's locale: ';' where the decimal mark is a
    comma (Swedish), ',' otherwise."""
    return ";" if QLocale().decimalPoint() == "," else ","


def write_text(path: Path, text: str) -> None:
    tmp = _temp(path)
    tmp.write_text(text, encoding="utf-8-sig", newline="")  # BOM: Excel reads UTF-8 CSV
    os.replace(tmp, path)


def write_pdf(
    path: Path,
    html: str,
    title: str,
    layout: QPageLayout,
    *,
    style_sheet: str = "",
    numbered: bool = False,
) -> None:
    """Render ``html`` to a PDF with the page ``layout``. The text fills the page inside the
    layout's margins; ``numbered`` lets Qt paginate instead, which adds page numbers and a
    2 cm margin of its own. Painting on a QPdfWriter is allowed off the GUI thread.

    The document is laid out on the writer itself, so a 10 pt font is 10 pt on paper: a page
    size in the writer's pixels with the screen as layout device shrank the text by the
    writer's resolution over the screen's (1200/96: about 1 pt, in a strip at the top)."""
    tmp = _temp(path)
    writer = QPdfWriter(str(tmp))
    writer.setTitle(title)
    writer.setCreator("BoWebb Console")
    writer.setPageLayout(layout)
    doc = QTextDocument()
    if style_sheet:
        doc.setDefaultStyleSheet(style_sheet)
    doc.documentLayout().setPaintDevice(writer)
    doc.setHtml(html)
    if not numbered:
        doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)
    del writer  # flushes and closes the file
    os.replace(tmp, path)
