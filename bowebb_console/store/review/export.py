"""Exporting what the review filter shows: rows streamed by keyset, the header, and the CSV
written safely. services.review logs the export in the chain before any file is written
(fail closed).

CSV cells a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab
or CR) get a leading apostrophe. The PDF is drawn by the UI (Qt); its header and sections
come from here, so both formats say the same.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from bowebb_console.domain.hashchain import VerifyResult
from bowebb_console.store.log.chain import EventRow, read_sessions_events
from bowebb_console.store.review.queries import FlagLimits, ReviewFilter, ReviewRow, fetch_page

EXPORTED = "review_exported"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BATCH = 1_000
COLUMNS = (
    "session",
    "start",
    "agent",
    "consent_by",
    "customer",
    "kind",
    "channel",
    "consent",
    "state",
    "duration_s",
    "files",
    "bytes",
    "notes",
    "reviewed",
    "follow_up",
    "flags",
)


def csv_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def row_cells(row: ReviewRow) -> list[str]:
    """A row in codes, for programs (the default format; screens hand in people's words)."""
    values: tuple[Any, ...] = (
        row.session_uuid,
        row.opened_at,
        row.agent,
        row.consent_actor,
        row.customer_name,
        row.session_kind,
        row.channel,
        row.consent_outcome,
        row.state,
        row.duration_s,
        row.files,
        row.bytes,
        row.notes,
        "yes" if row.reviewed else "no",
        "yes" if row.followup else "no",
        " ".join(row.flags),
    )
    return [csv_cell(v) for v in values]


def iter_rows(
    conn: Connection,
    flt: ReviewFilter,
    limits: FlagLimits,
    sort: str = "start",
    descending: bool = True,
) -> Iterator[ReviewRow]:
    after = None
    while True:
        page = fetch_page(conn, flt, limits, sort, descending, after=after, limit=BATCH)
        yield from page
        if len(page) < BATCH:
            return
        after = page[-1].key


@dataclass(frozen=True)
class ExportHeader:
    filter: str
    period: str
    exported_by: str
    exported_at: str
    head_seq: int
    head_hash: str
    verification: str
    verified_ok: bool
    event: EventRow  # the export's own log event
    result: VerifyResult
    query_filter: ReviewFilter = field(default_factory=ReviewFilter)  # to say it in words

    def lines(self) -> list[tuple[str, str]]:
        return [
            ("Filter", self.filter),
            ("Period", self.period),
            ("Exported by", self.exported_by),
            ("Exported at", self.exported_at),
            ("Chain head", f"{self.head_seq} {self.head_hash}"),
            ("Verification", self.verification),
        ]


def period_text(flt: ReviewFilter) -> str:
    start = flt.date_from.isoformat() if flt.date_from else "the first session"
    end = flt.date_to.isoformat() if flt.date_to else "today"
    return f"{start} – {end}"


def write_csv(
    path: Path,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    delimiter: str = ",",
) -> int:
    """The column headings, then one line per row (formula cells escaped); returns the row
    count. Written to a temporary name and renamed, so a failed export leaves no partial
    file. UTF-8 with a BOM: Excel then reads the letters right."""
    tmp = path.with_name(path.name + ".part")
    count = 0
    with tmp.open("w", newline="", encoding="utf-8-sig") as f:
        out = csv.writer(f, delimiter=delimiter, lineterminator="\r\n")
        out.writerow([csv_cell(c) for c in columns])
        for row in rows:
            out.writerow([csv_cell(v) for v in row])
            count += 1
    tmp.replace(path)
    return count


def iter_sections(
    conn: Connection, rows: Iterator[ReviewRow], batch: int = 200
) -> Iterator[tuple[ReviewRow, list[EventRow]]]:
    """Each row with its whole timeline, read for ``batch`` sessions at a time."""
    chunk: list[ReviewRow] = []

    def flush() -> Iterator[tuple[ReviewRow, list[EventRow]]]:
        events = read_sessions_events(conn, [r.session_uuid for r in chunk])
        for r in chunk:
            yield r, events[r.session_uuid]

    for row in rows:
        chunk.append(row)
        if len(chunk) >= batch:
            yield from flush()
            chunk = []
    if chunk:
        yield from flush()
