"""The review report as a PDF: a header (filter, period, who exported, chain head and the
verification result at export time), then one section per session with its timeline.

Drawn with Qt's own QTextDocument and QPdfWriter (no extra library); runs on a worker thread
(painting on a QPdfWriter is allowed off the GUI thread). Very large exports are cut at
``MAX_SESSIONS`` with a line saying so: the CSV carries every row.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize

from bowebb_console.ui.kit import export
from bowebb_console.ui.kit.timeline import timeline_html
from bowebb_console.ui.kit.verify import verify_words
from bowebb_console.ui.review import texts

if TYPE_CHECKING:
    from bowebb_console.services.review import EventRow, ExportHeader, ReviewRow

Sections = Iterator[tuple["ReviewRow", list["EventRow"]]]

MAX_SESSIONS = 2_000


def report_html(header: ExportHeader, sections: Sections) -> tuple[str, int]:
    esc = html.escape
    labels = {
        "Filter": QCoreApplication.translate("ReviewPdf", "Filter"),
        "Period": QCoreApplication.translate("ReviewPdf", "Period"),
        "Exported by": QCoreApplication.translate("ReviewPdf", "Exported by"),
        "Exported at": QCoreApplication.translate("ReviewPdf", "Exported at"),
        "Chain head": QCoreApplication.translate("ReviewPdf", "Chain head"),
        "Verification": QCoreApplication.translate("ReviewPdf", "Verification"),
    }
    lines = dict(header.lines())
    lines["Verification"] = verify_words(header.result)  # in the reader's language
    head = "".join(
        f"<tr><td><b>{esc(labels[k])}</b></td><td>{esc(v)}</td></tr>" for k, v in lines.items()
    )
    title = QCoreApplication.translate("ReviewPdf", "Session log review")
    parts = [f"<h1>{esc(title)}</h1><table cellspacing='3' cellpadding='2'>{head}</table><hr/>"]
    count = 0
    for row, events in sections:
        if count == MAX_SESSIONS:
            note = QCoreApplication.translate(
                "ReviewPdf",
                "Only the first %1 sessions are in this report; the CSV export has all.",
            )
            parts.append(f"<p><i>{esc(note.replace('%1', str(MAX_SESSIONS)))}</i></p>")
            break
        count += 1
        title = QCoreApplication.translate("ReviewPdf", "Session %1").replace(
            "%1", row.session_uuid
        )
        facts = [
            (QCoreApplication.translate("ReviewPdf", "Agent"), row.agent),
            (QCoreApplication.translate("ReviewPdf", "Start (UTC)"), texts.when_utc(row.opened_at)),
            (QCoreApplication.translate("ReviewPdf", "Duration"), texts.duration(row.duration_s)),
            (QCoreApplication.translate("ReviewPdf", "Files"), f"{row.files} ({row.bytes:,} B)"),
            (
                QCoreApplication.translate("ReviewPdf", "Reviewed"),
                texts.yes_no(row.reviewed),
            ),
        ]
        fact_html = " · ".join(f"{esc(k)}: {esc(v)}" for k, v in facts)
        parts.append(
            f"<h2>{esc(title)}</h2><p>{fact_html}</p>"
            + texts.heading_html(row)
            + timeline_html(events)
            + "<hr/>"
        )
    return "".join(parts), count


def write_pdf(path: Path, header: ExportHeader, sections: Sections) -> int:
    """Write the report (services.review.export_sessions calls it with each session and its
    events); returns the number of session sections. Written to a temporary name and
    renamed, so a failed export leaves no partial file."""
    body, count = report_html(header, sections)
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(15, 15, 15, 15),
        QPageLayout.Unit.Millimeter,
    )
    export.write_pdf(
        path,
        body,
        QCoreApplication.translate("ReviewPdf", "Session log review"),
        layout,
        style_sheet="body { font-size: 9pt; } h2 { font-size: 11pt; }",
        numbered=True,  # a long report: page numbers
    )
    return count
