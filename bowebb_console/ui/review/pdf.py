"""The review report as a PDF a lead or an auditor can read on paper: a header (period,
filter in words, who exported and when, the chain head, the verification result), a summary
(sessions by agent, kind, outcome and flag), then one compact table row per session with
local times (the zone named) and numbers as the reader's locale writes them.

Drawn with Qt's own QTextDocument and QPdfWriter (no extra library); runs on a worker thread
(painting on a QPdfWriter is allowed off the GUI thread). Very large exports list the first
``MAX_SESSIONS`` sessions with a line saying so (the summary counts all; the CSV has all).
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from bowebb_console.ui.kit import export
from bowebb_console.ui.kit.events import local_time
from bowebb_console.ui.kit.verify import verify_words
from bowebb_console.ui.review import texts
from bowebb_console.ui.review.report import (
    Summary,
    filter_words,
    kind,
    number,
    org_number,
    outcome,
    period_words,
    zone,
)

if TYPE_CHECKING:
    from bowebb_console.services.review import ExportHeader, ReviewRow

MAX_SESSIONS = 2_000
STYLE = (
    "body { font-size: 8pt; } h1 { font-size: 15pt; } h2 { font-size: 11pt; }"
    " th { background-color: #e8e8e8; text-align: left; }"
)


def _title() -> str:
    return QCoreApplication.translate("ReviewPdf", "Session log review")


def _esc(text: object) -> str:
    return html.escape(str(text))


def _hours(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return (
        QCoreApplication.translate("ReviewPdf", "%1 h %2 min")
        .replace("%1", number(hours))
        .replace("%2", str(rest // 60))
    )


# The session table's column widths (percent): one line per session on a landscape page.
WIDTHS = (13, 17, 10, 9, 10, 6, 11, 4, 7, 13)


def _table(
    headings: list[str],
    rows: list[list[str]],
    widths: tuple[int, ...] = (),
    width: str = "100%",
) -> str:
    head = "".join(
        f"<th width='{w}%'>{_esc(h)}</th>" if w else f"<th>{_esc(h)}</th>"
        for h, w in zip(headings, widths or (0,) * len(headings), strict=True)
    )
    body = "".join("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in r) + "</tr>" for r in rows)
    return (
        f"<table border='1' cellspacing='0' cellpadding='2' width='{width}'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _counts(title: str, counts: Counter[str]) -> str:
    rows = [[k, number(v)] for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return _table(
        [title, QCoreApplication.translate("ReviewPdf", "Sessions")],
        rows or [[QCoreApplication.translate("ReviewPdf", "none"), "0"]],
    )


def _header(header: ExportHeader, summary: Summary) -> str:
    flt = header.query_filter
    facts = [
        (QCoreApplication.translate("ReviewPdf", "Period"), period_words(flt, summary)),
        (QCoreApplication.translate("ReviewPdf", "Filter"), filter_words(flt)),
        (QCoreApplication.translate("ReviewPdf", "Exported by"), header.exported_by),
        (
            QCoreApplication.translate("ReviewPdf", "Exported at"),
            f"{local_time(header.event.at)} ({zone()})",
        ),
        (
            QCoreApplication.translate("ReviewPdf", "Times"),
            QCoreApplication.translate("ReviewPdf", "Local time, %1").replace("%1", zone()),
        ),
        (
            QCoreApplication.translate("ReviewPdf", "Chain head"),
            f"{number(header.head_seq)}: {header.head_hash}",
        ),
        (QCoreApplication.translate("ReviewPdf", "Verification"), verify_words(header.result)),
    ]
    rows = "".join(f"<tr><td><b>{_esc(k)}</b></td><td>{_esc(v)}</td></tr>" for k, v in facts)
    return f"<table cellspacing='0' cellpadding='2'>{rows}</table>"


def _summary(s: Summary) -> str:
    line = " · ".join(
        [
            QCoreApplication.translate("ReviewPdf", "Sessions: %1").replace(
                "%1", number(s.sessions)
            ),
            QCoreApplication.translate("ReviewPdf", "Total time: %1").replace(
                "%1", _hours(s.seconds)
            ),
            QCoreApplication.translate("ReviewPdf", "Reviewed: %1").replace(
                "%1", number(s.reviewed)
            ),
            QCoreApplication.translate("ReviewPdf", "Flagged: %1").replace("%1", number(s.flagged)),
        ]
    )
    cells = [
        _counts(QCoreApplication.translate("ReviewPdf", "Agent"), s.agents),
        _counts(QCoreApplication.translate("ReviewPdf", "Kind"), s.kinds),
        _counts(QCoreApplication.translate("ReviewPdf", "Outcome"), s.outcomes),
        _counts(QCoreApplication.translate("ReviewPdf", "Flag"), s.flags),
    ]
    grid = "".join(f"<td valign='top' width='25%'>{c}</td>" for c in cells)
    title = QCoreApplication.translate("ReviewPdf", "Summary")
    return (
        f"<h2>{_esc(title)}</h2><p><b>{_esc(line)}</b></p>"
        f"<table cellspacing='6' cellpadding='0' width='100%'><tr>{grid}</tr></table>"
    )


def _session_row(row: ReviewRow) -> list[str]:
    return [
        local_time(row.opened_at),
        row.customer_name or "",
        org_number(row.org_number),
        row.agent,
        kind(row),
        texts.duration(row.duration_s),
        outcome(row),
        number(row.files) if row.files else "",
        texts.yes_no(True) if row.reviewed else "",
        ", ".join(texts.flag_text(f) for f in row.flags),
    ]


def report_html(header: ExportHeader, rows: Iterator[ReviewRow]) -> tuple[str, int]:
    """The report's HTML and the number of sessions listed."""
    summary = Summary()
    listed: list[list[str]] = []
    for row in rows:
        summary.add(row)
        if len(listed) < MAX_SESSIONS:
            listed.append(_session_row(row))
    headings = [
        QCoreApplication.translate("ReviewPdf", "Start (%1)").replace("%1", zone()),
        QCoreApplication.translate("ReviewPdf", "Customer"),
        QCoreApplication.translate("ReviewPdf", "Org. number"),
        QCoreApplication.translate("ReviewPdf", "Agent"),
        QCoreApplication.translate("ReviewPdf", "Kind"),
        QCoreApplication.translate("ReviewPdf", "Duration"),
        QCoreApplication.translate("ReviewPdf", "Outcome"),
        QCoreApplication.translate("ReviewPdf", "Files"),
        QCoreApplication.translate("ReviewPdf", "Reviewed"),
        QCoreApplication.translate("ReviewPdf", "Flags"),
    ]
    sessions = QCoreApplication.translate("ReviewPdf", "Sessions")
    none = QCoreApplication.translate("ReviewPdf", "No sessions.")
    parts = [
        f"<h1>{_esc(_title())}</h1>",
        _header(header, summary),
        _summary(summary),
        f"<h2>{_esc(sessions)}</h2>",
        _table(headings, listed, WIDTHS) if listed else f"<p>{_esc(none)}</p>",
    ]
    if summary.sessions > len(listed):
        note = QCoreApplication.translate(
            "ReviewPdf", "Only the first %1 sessions are listed; the CSV export has all."
        )
        parts.append(f"<p><i>{_esc(note.replace('%1', number(len(listed))))}</i></p>")
    return "<html><body style='font-size: 8pt'>" + "".join(parts) + "</body></html>", len(listed)


def write_pdf(path: Path, header: ExportHeader, rows: Iterator[ReviewRow]) -> int:
    """Write the report (services.review.export_sessions calls it with the rows); returns the
    number of sessions listed. Written to a temporary name and renamed, so a failed export
    leaves no partial file."""
    body, count = report_html(header, rows)
    layout = export.a4_numbered(landscape=True)  # ten columns per session
    export.write_pdf(
        path,
        body,
        QCoreApplication.translate("ReviewPdf", "Session log review"),
        layout,
        style_sheet=STYLE,
        numbered=True,
    )
    return count
