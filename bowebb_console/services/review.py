"""Team-lead review: the session list and its flags, reviews, exports, and the log's integrity.

Verification lives here because it is a lead's tool (the Review screen's button, the
Sessions screen's button and ``bowebb-console verify-log`` all call :func:`verify_log`).
Every failure leaves as a :class:`ShownError`: ``review.*`` for the rules below, ``db.*`` for
the database (mapped once, in store/db/errors.py).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from bowebb_console.domain.errors import ShownError
from bowebb_console.domain.hashchain import VerifyResult
from bowebb_console.services.database import Database, Identity, transaction

# A session's events and timeline are the sessions service's; the Review detail shows them.
from bowebb_console.services.sessions import session_events
from bowebb_console.services.sessions import timeline as session_timeline
from bowebb_console.store.db.errors import driver_error
from bowebb_console.store.log import verify as store_verify
from bowebb_console.store.log.chain import (
    EventRow,
    Head,
    append_event,
)
from bowebb_console.store.log.chain import log_head as store_log_head
from bowebb_console.store.log.verify import default_workers
from bowebb_console.store.review import export as store_export
from bowebb_console.store.review import queries
from bowebb_console.store.review.export import EXPORTED, ExportHeader
from bowebb_console.store.review.fold import Rebuilt
from bowebb_console.store.review.fold import rebuild_summaries as store_rebuild
from bowebb_console.store.review.queries import (
    FLAGS,
    REVIEW,
    SORTS,
    FlagLimits,
    Key,
    Overview,
    ReviewFilter,
    ReviewRow,
)
from bowebb_console.store.sessions.desk import Timeline

__all__ = [
    "ACTIONS",
    "EXPORTED",
    "FLAGS",
    "FORMATS",
    "REVIEW",
    "SORTS",
    "CsvFormat",
    "EventRow",
    "ExportHeader",
    "Exported",
    "FlagLimits",
    "Head",
    "Overview",
    "Rebuilt",
    "ReviewFilter",
    "ReviewRow",
    "SessionQuery",
    "Timeline",
    "VerifyResult",
    "add_review",
    "agents",
    "check_log",
    "count_sessions",
    "default_workers",
    "export_sessions",
    "first_page",
    "log_head",
    "rebuild_summaries",
    "session_events",
    "session_timeline",
    "sessions_page",
    "verify_log",
    "week_overview",
]

ACTIONS = ("reviewed", "flagged")
FORMATS = ("csv", "pdf")
LEADS = ("lead", "admin")

Progress = Callable[[int], None] | None
Cancel = Callable[[], bool] | None
# Draws the PDF (Qt, so the UI hands it in): path, header, the rows -> sessions listed.
PdfWriter = Callable[[Path, ExportHeader, Iterator[ReviewRow]], int]


@dataclass(frozen=True)
class CsvFormat:
    """How the CSV says things: column headings, a row's cells and the separator. The UI
    hands in one in the reader's language (words, local times, ';' in Swedish); without one
    the CSV is in codes and UTC, for programs."""

    columns: Sequence[str] = store_export.COLUMNS
    cells: Callable[[ReviewRow], Sequence[object]] = store_export.row_cells
    delimiter: str = ","


@dataclass(frozen=True)
class SessionQuery:
    """What the Review list shows: the filter, the flag limits and the database's sort."""

    flt: ReviewFilter = field(default_factory=ReviewFilter)
    limits: FlagLimits = field(default_factory=FlagLimits)
    sort: str = "start"
    descending: bool = True


@dataclass(frozen=True)
class Exported:
    count: int  # rows (CSV) or session sections (PDF) written
    header: ExportHeader


@contextmanager
def _shown() -> Iterator[None]:
    """Driver errors outside ``transaction()`` become ShownErrors (a failed log write already
    is one: ``log.*``)."""
    try:
        yield
    except DBAPIError as exc:
        raise driver_error(exc) from exc


# --- the log's integrity ----------------------------------------------------------------


def verify_log(
    db: Database,
    *,
    anchor: str | None = None,
    progress: Progress = None,
    cancel: Cancel = None,
    workers: int = 1,
) -> VerifyResult:
    """Recompute the whole chain; the result names the first problem, if any."""
    with _shown():
        return store_verify.verify_log(
            db, anchor=anchor, progress=progress, cancel=cancel, workers=workers
        )


def log_head(db: Database) -> Head:
    """The last event's position and hash, to keep outside the database as an anchor."""
    with transaction(db, write=False) as conn:
        return store_log_head(conn)


def check_log(
    db: Database, *, progress: Progress = None, cancel: Cancel = None, total: Progress = None
) -> VerifyResult:
    """The screens' "Verify log integrity": ``total`` hears the number of events first (for
    a progress bar), then ``progress`` counts them as they are checked."""
    if total is not None:
        total(log_head(db).seq)
    return verify_log(db, progress=progress, cancel=cancel)


def rebuild_summaries(db: Database) -> Rebuilt:
    """Recompute the session summary from the log (after a restore or an erasure); a payload
    that is not a JSON object is folded as erased and counted in ``skipped``."""
    with transaction(db) as conn:
        return store_rebuild(conn)


# --- the session list -------------------------------------------------------------------


def sessions_page(
    db: Database,
    query: SessionQuery,
    *,
    after: Key | None = None,
    before: Key | None = None,
    offset: int = 0,
    from_end: bool = False,
    limit: int = 100,
) -> list[ReviewRow]:
    """Up to ``limit`` rows in display order: after the key ``after``, before the key
    ``before``, or at ``offset`` from the start (or from the end)."""
    with transaction(db, write=False) as conn:
        return queries.fetch_page(
            conn,
            query.flt,
            query.limits,
            query.sort,
            query.descending,
            after=after,
            before=before,
            offset=offset,
            from_end=from_end,
            limit=limit,
        )


def first_page(db: Database, query: SessionQuery, limit: int) -> tuple[int, list[ReviewRow]]:
    """The filtered total and the first page, read in one snapshot (no COUNT when the page
    already holds them all)."""
    with transaction(db, write=False) as conn:
        rows = queries.fetch_page(
            conn, query.flt, query.limits, query.sort, query.descending, limit=limit
        )
        if len(rows) < limit:
            return len(rows), rows
        return queries.count_sessions(conn, query.flt, query.limits), rows


def count_sessions(db: Database, flt: ReviewFilter, limits: FlagLimits) -> int:
    with transaction(db, write=False) as conn:
        return queries.count_sessions(conn, flt, limits)


def agents(db: Database) -> list[str]:
    """Every agent the session summaries name, for the filter."""
    with transaction(db, write=False) as conn:
        return queries.list_agents(conn)


def week_overview(
    db: Database, week_start: dt.date, limits: FlagLimits, tz: dt.tzinfo | None = None
) -> Overview:
    """Sessions per agent and per day in the week starting ``week_start`` (a Monday), by the
    days of ``tz`` (the screen passes the local zone; UTC when None)."""
    with transaction(db, write=False) as conn:
        return queries.week_overview(conn, week_start, limits, tz)


# --- reviews ----------------------------------------------------------------------------


def add_review(
    db: Database, identity: Identity, session_uuid: str, action: str, comment: str
) -> EventRow:
    """Mark a session reviewed (comment optional) or flag it for follow-up (comment needed),
    as a ``review_added`` event. Leads and admins only (on PostgreSQL the server refuses
    anyone else too)."""
    if identity.role not in LEADS:
        raise ShownError("review.not_lead", "Only a team lead or an admin may review sessions.")
    if action not in ACTIONS:
        raise ShownError(
            "review.bad_action",
            f"The action must be one of: {', '.join(ACTIONS)}.",
            {"action": action},
        )
    comment = comment.strip()
    if action == "flagged" and not comment:
        raise ShownError(
            "review.comment_needed", "Say what needs following up: a comment is required."
        )
    with transaction(db, write=False) as conn:
        found = queries.session_exists(conn, session_uuid)
    if not found:
        raise ShownError("review.no_session", "That session is not in the log.")
    with _shown():
        # append_event owns its connection: a lost COMMIT is settled by re-reading the uuid.
        return append_event(db, REVIEW, session_uuid, {"action": action, "comment": comment})


# --- export -----------------------------------------------------------------------------


def _begin_export(
    db: Database, flt: ReviewFilter, fmt: str, rows: int, progress: Progress, cancel: Cancel
) -> ExportHeader | None:
    """Verify the log, read its head and log the export before any file is written (a
    failed log write stops it). ``None`` when cancelled during verification."""
    result = verify_log(db, progress=progress, cancel=cancel)
    if result.cancelled:
        return None
    head = log_head(db)
    payload: dict[str, Any] = {
        "format": fmt,
        "filter": flt.describe(),
        "rows": rows,
        "head_seq": head.seq,
        "head": head.hash,
        "verified": result.ok,
    }
    with _shown():
        event = append_event(db, EXPORTED, str(uuid.uuid4()), payload)
    return ExportHeader(
        filter=flt.describe(),
        period=store_export.period_text(flt),
        exported_by=event.actor,  # as the database recorded it
        exported_at=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        head_seq=head.seq,
        head_hash=head.hash,
        verification=result.report(),
        verified_ok=result.ok,
        event=event,
        result=result,
        query_filter=flt,
    )


def export_sessions(
    db: Database,
    query: SessionQuery,
    fmt: str,
    path: Path,
    *,
    write_pdf: PdfWriter | None = None,
    csv_format: CsvFormat | None = None,
    progress: Progress = None,
    cancel: Cancel = None,
    total: Progress = None,
) -> Exported | None:
    """Export what ``query`` shows as CSV or PDF: verify the log (``total`` hears its size,
    ``progress`` the events checked), log the export, then write the file. ``None`` when
    cancelled during verification: nothing was written or logged."""
    if fmt not in FORMATS or (fmt == "pdf" and write_pdf is None):
        raise ValueError(f"cannot export {fmt!r}")  # a bug, never the user's choice
    if total is not None:
        total(log_head(db).seq)
    rows = count_sessions(db, query.flt, query.limits)
    header = _begin_export(db, query.flt, fmt, rows, progress, cancel)
    if header is None:
        return None
    try:
        with transaction(db, write=False) as conn:
            found = store_export.iter_rows(
                conn, query.flt, query.limits, query.sort, query.descending
            )
            if fmt == "csv":
                form = csv_format or CsvFormat()
                cells = (form.cells(row) for row in found)
                count = store_export.write_csv(path, form.columns, cells, delimiter=form.delimiter)
            else:
                assert write_pdf is not None
                count = write_pdf(path, header, found)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ShownError(
            "review.write_failed",
            f"The file could not be written: {path} ({reason})",
            {"path": str(path), "detail": reason},
        ) from exc
    return Exported(count, header)
