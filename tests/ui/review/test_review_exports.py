"""The review's exports as a lead and an auditor read them (issue 18, item 11): the CSV opens
in Excel in either language (BOM, ';' and decimal comma in Swedish, words not codes, local
times with the zone named, no UUIDs); the PDF is readable at print size, starts with a
summary and lists 325 sessions on a few pages. PDFs are read back with poppler's tools."""

from __future__ import annotations

import csv
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from bowebb_console.domain.hashchain import VerifyResult
from bowebb_console.services.review import ExportHeader, ReviewFilter, ReviewRow
from bowebb_console.store.log.chain import EventRow
from bowebb_console.ui.review import pdf
from bowebb_console.ui.review.view import ReviewView

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
MICROSECONDS = re.compile(r"\d\d:\d\d:\d\d\.\d")
LOCAL = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d$")


@pytest.fixture
def stockholm(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.replace("\xa0", " ").replace("\u202f", " ")


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]


def _word_heights(path: Path) -> list[float]:
    """The height in points of every word on the first page, as poppler lays them out."""
    bbox = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        float(y1) - float(y0)
        for y0, y1 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', bbox)
    ]


def _open(qtbot, ctx) -> ReviewView:  # type: ignore[no-untyped-def]
    view = ReviewView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitUntil(lambda: view.model.ready)
    return view


def _export(qtbot, view: ReviewView, button, path: Path) -> None:  # type: ignore[no-untyped-def]
    view.ctx.prompts.paths.append(path)  # the file the user picks in the dialog
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: path.exists() and view.csv_button.isEnabled(), timeout=30_000)


def test_swedish_exports_from_the_review_screen(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, demo_url, tmp_path, language, stockholm
) -> None:
    language("sv")
    view = _open(qtbot, make_ctx(demo_url, role="lead"))
    shown = view.model.rowCount()
    out = tmp_path / "granskning.csv"
    _export(qtbot, view, view.csv_button, out)
    raw = out.read_bytes()
    assert raw.startswith("\ufeffLoggpost;".encode())  # BOM: Excel reads the å, ä, ö
    text = raw.decode("utf-8-sig")
    assert not UUID.search(text) and not MICROSECONDS.search(text)
    assert not any(line.startswith("#") for line in text.splitlines())
    rows = list(csv.DictReader(text.splitlines(), delimiter=";"))
    assert len(rows) == shown
    assert "Start (Europe/Stockholm)" in rows[0] and "Överenskommelse" in rows[0]
    assert all(LOCAL.match(r["Start (Europe/Stockholm)"]) for r in rows)
    assert {r["Typ"] for r in rows} <= {"Fjärrstyrning", "Filöverföring", ""}
    codes = {"agreed", "refused", "no_answer", "remote_control", "resolved", "ended", "yes"}
    assert not codes & {value for r in rows for value in r.values()}
    assert all(re.fullmatch(r"-?\d+,\d", r["Längd (min)"]) for r in rows if r["Längd (min)"])
    assert all(re.fullmatch(r"\d{6}-\d{4}", r["Org.nr"]) for r in rows if r["Org.nr"])

    report = tmp_path / "granskning.pdf"
    _export(qtbot, view, view.pdf_button, report)
    words = _text(report)
    for needle in (
        "Granskning av sessionsloggen",
        "Sammanfattning",
        "Urval",
        "Alla sessioner",
        "Lokal tid, Europe/Stockholm",
        "Medarbetare",
        "kedjan intakt",
    ):
        assert needle in words, needle
    assert "Filter all sessions" not in words and "all sessions" not in words
    assert not UUID.search(words)
    assert min(_word_heights(report)) >= 6  # print size, not a 1 pt strip
    assert _pages(report) <= 2 + shown // 20


def _row(i: int) -> ReviewRow:
    start = f"2026-11-{1 + i % 28:02d}T{8 + i % 9:02d}:{i % 60:02d}:00.123456+00:00"
    return ReviewRow(
        session_uuid=f"00000000-0000-4000-8000-{i:012d}",
        first_seq=10 * i + 1,
        opened_at=start,
        agent=("anna", "bertil", "cecilia")[i % 3],
        consent_actor="anna",
        customer_id=i,
        customer_name=f"Kund nummer {i} AB" + (" med ett ganska långt namn" * (i % 10 == 0)),
        session_kind=("remote_control", "file_transfer")[i % 2],
        channel="phone",
        consent_outcome="agreed",
        state="ended",
        started_at=start,
        ended_at=start,
        duration_s=300 + 37 * i,
        files=i % 4,
        bytes=1_234_567 * (i % 4),
        notes=1,
        reviewed=i % 5 == 0,
        followup=False,
        last_reviewer=None,
        flags=("too_long",) if i % 7 == 0 else (),
        key=(start, i),
        org_number="5566809827",
        outcome=("resolved", "escalated", "not_resolved")[i % 3],
    )


def _header() -> ExportHeader:
    result = VerifyResult(2331, 2331, "ab" * 32, 0, None)
    event = EventRow(2332, "e", "s", "review_exported", "anna", "2026-12-01T09:30:00+00:00",
                     "c", "p", "h", {})  # fmt: skip
    return ExportHeader(
        "all sessions", "-", "anna", "-", 2331, "ab" * 32, result.report(), True, event, result,
        ReviewFilter(),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "summary", "count"),
    [("sv", "Sammanfattning", "2 331 händelser"), ("en", "Summary", "2,331 events")],
)
def test_325_sessions_fit_on_a_few_readable_pages(  # type: ignore[no-untyped-def]
    qapp, tmp_path, language, stockholm, lang, summary, count
) -> None:
    language(lang)
    path = tmp_path / "review.pdf"
    listed = pdf.write_pdf(path, _header(), iter(_row(i) for i in range(325)))
    assert listed == 325
    pages = _pages(path)
    assert pages <= 14  # was 294 pages
    words = _text(path)
    assert words.index(summary) < words.index("Kund nummer 0 ")  # the summary comes first
    assert count in words
    assert "Kund nummer 324 " in words and "556680-9827" in words
    assert not UUID.search(words) and not MICROSECONDS.search(words)
    assert min(_word_heights(path)) >= 6
    if lang == "sv":
        assert "Utfall" in words and "Eskalerat" in words
