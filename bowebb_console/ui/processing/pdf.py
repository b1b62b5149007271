"""The record of processing as a PDF to read on paper: A4 portrait, 10 pt, one block per
processing with every Art. 30 field, the lifecycle values the database holds, the date of
the export and who exported it."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from bowebb_console import POLICY_VERSION
from bowebb_console.services.processing import Record
from bowebb_console.ui.kit import export
from bowebb_console.ui.kit.formats import local_time
from bowebb_console.ui.processing.texts import TEXT_FIELDS, field_name, lifecycle_lines

STYLE = (
    "body { font-size: 10pt; } h1 { font-size: 16pt; } h2 { font-size: 12pt; }"
    " th { text-align: left; vertical-align: top; background-color: #eeeeee; }"
    " td { vertical-align: top; }"
)


def _title() -> str:
    return QCoreApplication.translate("ProcessingPdf", "Record of processing activities")


def _esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br/>")


def record_html(record: Record, exported_by: str) -> str:
    parts = [
        f"<h1>{_esc(_title())}</h1>",
        "<p>"
        + _esc(
            QCoreApplication.translate(
                "ProcessingPdf",
                "Controller: BackOffice Webbtjänster Sweden AB (556680-9827). Privacy policy: "
                "%1. Exported %2 by %3. The lifecycle values are the database's settings; "
                "every change of them is logged in the session log.",
            )
            .replace("%1", POLICY_VERSION)
            .replace("%2", local_time(dt.datetime.now(dt.UTC)))
            .replace("%3", exported_by)
        )
        + "</p>",
    ]
    for p in record.processings:
        parts.append(f"<h2>{_esc(p.name)}</h2>")
        rows = []
        for key in TEXT_FIELDS:
            value = str(getattr(p, key))
            if key == "retention":
                value = "\n".join(x for x in [value, *lifecycle_lines(p, record)] if x)
            rows.append((field_name(key), value))
        parts.append(export.facts_table(rows))
    return "<html><body>" + "".join(parts) + "</body></html>"


def write_pdf(path: Path, record: Record, exported_by: str) -> None:
    layout = export.a4_numbered()
    export.write_pdf(
        path,
        record_html(record, exported_by),
        _title(),
        layout,
        style_sheet=STYLE,
        numbered=True,
    )
