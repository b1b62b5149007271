"""Review exports: formula cells escaped, the header says what was verified, the export is
itself an event in the chain."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.chain import event_by_uuid
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.review.export import (
    EXPORTED,
    begin_export,
    csv_cell,
    iter_rows,
    iter_sections,
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


def test_csv_export_is_logged(any_db_url: str, tmp_path: Path) -> None:
    engine = make_engine(any_db_url)
    customer, contact = add_customer(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE customer SET name = '=cmd|x' WHERE id = {customer}")
    su = full_session(engine, customer, contact)
    consent(engine, customer, contact, outcome="refused")
    flt = ReviewFilter(kind="remote_control")
    header = begin_export(engine, flt, "csv", 2)
    assert header is not None and header.verified_ok
    assert "chain intact" in header.verification
    event = event_by_uuid(engine, header.event.event_uuid)
    assert event is not None and event.kind == EXPORTED
    assert event.payload == {
        "format": "csv",
        "filter": "kind=remote_control",
        "rows": 2,
        "head_seq": header.head_seq,
        "head": header.head_hash,
        "verified": True,
    }
    assert header.head_seq == event.seq - 1  # the head verified, before the export's event
    out = tmp_path / "review.csv"
    assert write_csv(out, header, iter_rows(engine, flt, FlagLimits())) == 2
    lines = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert lines[0] == ["# Filter: kind=remote_control"]
    assert lines[4][0].startswith("# Chain head: ")
    body = lines[7:]
    assert [r[0] for r in body][1] == su
    assert {r[4] for r in body} == {"'=cmd|x"}
    sections = list(iter_sections(engine, iter_rows(engine, flt, FlagLimits()), batch=1))
    assert [len(events) for _, events in sections] == [1, 5]
    # The export does not become a session, and the chain still verifies.
    assert len(list(iter_rows(engine, ReviewFilter(), FlagLimits()))) == 2
    assert verify_log(engine).ok
    engine.dispose()


def test_cancelled_export_logs_nothing(any_db_url: str) -> None:
    engine = make_engine(any_db_url)
    customer, contact = add_customer(engine)
    full_session(engine, customer, contact)
    from bowebb_console.store.review import export as review_export

    before = review_export.log_head(engine)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(review_export, "verify_log", lambda db, **kw: _cancelled())
        assert begin_export(engine, ReviewFilter(), "pdf", 1) is None
    assert review_export.log_head(engine) == before
    engine.dispose()


def _cancelled():  # type: ignore[no-untyped-def]
    from bowebb_console.domain.hashchain import VerifyResult

    return VerifyResult(0, 0, "0" * 64, 0, None, cancelled=True)
