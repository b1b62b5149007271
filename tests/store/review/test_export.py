"""Review exports in the store: formula cells escaped, rows streamed by keyset, each row with
its events, the CSV with its header (the service's export is in tests/services)."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import pytest

from bowebb_console.domain.hashchain import VerifyResult
from bowebb_console.store.log.chain import append_event
from bowebb_console.store.review.export import (
    COLUMNS,
    ExportHeader,
    csv_cell,
    iter_rows,
    iter_sections,
    row_cells,
    write_csv,
)
from bowebb_console.store.review.queries import FlagLimits, ReviewFilter
from tests.store.log_helpers import add_customer, consent, full_session


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_cells_are_escaped(start: str) -> None:
    assert csv_cell(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"


def test_plain_cells_stay() -> None:
    assert csv_cell("Anna") == "Anna"
    assert csv_cell(12) == "12"
    assert csv_cell(None) == ""


def _header(event) -> ExportHeader:  # type: ignore[no-untyped-def]
    result = VerifyResult(event.seq, event.seq, event.hash, 0, None)
    return ExportHeader(
        "kind=remote_control", "the first session – today", "anna", "2026-05-04 10:00 UTC",
        event.seq, event.hash, result.report(), True, event, result,
    )  # fmt: skip


def test_csv_rows_and_sections(engine, db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    customer, contact = add_customer(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE customer SET name = '=cmd|x' WHERE id = {customer}")
    su = full_session(db, customer, contact)
    consent(db, customer, contact, outcome="refused")
    flt = ReviewFilter(kind="remote_control")
    marker = append_event(db, "review_exported", str(uuid.uuid4()), {"format": "csv"})
    out = tmp_path / "review.csv"
    with engine.connect() as conn:
        assert _header(marker).lines()[0] == ("Filter", "kind=remote_control")
        cells = map(row_cells, iter_rows(conn, flt, FlagLimits()))
        assert write_csv(out, COLUMNS, cells, delimiter=";") == 2
        sections = list(iter_sections(conn, iter_rows(conn, flt, FlagLimits()), batch=1))
        # An event that is not a session's (the export's own) makes no row.
        assert len(list(iter_rows(conn, ReviewFilter(), FlagLimits()))) == 2
    assert not out.with_name("review.csv.part").exists()
    assert out.read_bytes().startswith(b"\xef\xbb\xbfsession;start;")  # BOM, no '#' lines
    lines = list(csv.reader(out.open(encoding="utf-8-sig"), delimiter=";"))
    assert lines[0] == list(COLUMNS)
    body = lines[1:]
    assert [r[0] for r in body][1] == su
    assert {r[4] for r in body} == {"'=cmd|x"}
    assert [len(events) for _, events in sections] == [1, 5]
