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

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize

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


def _t(text: str) -> str:
    return QCoreApplication.translate("ReviewPdf", text)


def _esc(text: object) -> str:
    return html.escape(str(text))


def _hours(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return _t("%1 h %2 min").replace("%1", number(hours)).replace("%2", str(rest // 60))


def _table(headings: list[str], rows: list[list[str]], width: str = "100%") -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in headings)
    body = "".join("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in r) + "</tr>" for r in rows)
    return (
        f"<table border='1' cellspacing='0' cellpadding='3' width='{width}'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _counts(title: str, counts: Counter[str]) -> str:
    rows = [[k, number(v)] for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return _table([title, _t("Sessions")], rows or [[_t("none"), "0"]])


def _header(header: ExportHeader) -> str:
    flt = header.query_filter
    facts = [
        (_t("Period"), period_words(flt)),
        (_t("Filter"), filter_words(flt)),
        (_t("Exported by"), header.exported_by),
        (_t("Exported at"), f"{local_time(header.event.at)} ({zone()})"),
        (_t("Times"), _t("Local time, %1").replace("%1", zone())),
        (_t("Chain head"), f"{number(header.head_seq)}: {header.head_hash}"),
        (_t("Verification"), verify_words(header.result)),
    ]
    rows = "".join(f"<tr><td><b>{_esc(k)}</b></td><td>{_esc(v)}</td></tr>" for k, v in facts)
    return f"<table cellspacing='0' cellpadding='2'>{rows}</table>"


def _summary(s: Summary) -> str:
    line = " · ".join(
        [
            _t("Sessions: %1").replace("%1", number(s.sessions)),
            _t("Total time: %1").replace("%1", _hours(s.seconds)),
            _t("Reviewed: %1").replace("%1", number(s.reviewed)),
            _t("Flagged: %1").replace("%1", number(s.flagged)),
        ]
    )
    cells = [
        _counts(_t("Agent"), s.agents),
        _counts(_t("Kind"), s.kinds),
        _counts(_t("Outcome"), s.outcomes),
        _counts(_t("Flag"), s.flags),
    ]
    grid = "".join(f"<td valign='top' width='25%'>{c}</td>" for c in cells)
    return (
        f"<h2>{_esc(_t('Summary'))}</h2><p><b>{_esc(line)}</b></p>"
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
        _t("Start (%1)").replace("%1", zone()),
        _t("Customer"),
        _t("Org. number"),
        _t("Agent"),
        _t("Kind"),
        _t("Duration"),
        _t("Outcome"),
        _t("Files"),
        _t("Reviewed"),
        _t("Flags"),
    ]
    parts = [
        f"<h1>{_esc(_t('Session log review'))}</h1>",
        _header(header),
        _summary(summary),
        f"<h2>{_esc(_t('Sessions'))}</h2>",
        _table(headings, listed) if listed else f"<p>{_esc(_t('No sessions.'))}</p>",
    ]
    if summary.sessions > len(listed):
        note = _t("Only the first %1 sessions are listed; the CSV export has all.")
        parts.append(f"<p><i>{_esc(note.replace('%1', number(len(listed))))}</i></p>")
    return "".join(parts), len(listed)


def write_pdf(path: Path, header: ExportHeader, rows: Iterator[ReviewRow]) -> int:
    """Write the report (services.review.export_sessions calls it with the rows); returns the
    number of sessions listed. Written to a temporary name and renamed, so a failed export
    leaves no partial file."""
    body, count = report_html(header, rows)
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,  # ten columns per session
        QMarginsF(5, 5, 5, 5),  # Qt adds 2 cm of its own around a numbered document
        QPageLayout.Unit.Millimeter,
    )
    export.write_pdf(path, body, _t("Session log review"), layout, style_sheet=STYLE, numbered=True)
    return count
