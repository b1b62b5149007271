"""Issue 15, item 5: an admin keeps the record of processing from About — edits a
processing, ticks the lifecycle settings that apply, saves (logged with before/after) —
and exports it as a PDF readable at print size, with the lifecycle values the database holds."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pypdf
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import text

from bowebb_console.services import admin
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.ui.about import AboutDialog


def _about(qtbot, ctx) -> AboutDialog:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.record.rowCount() > 0)
    return dialog


def _names(about: AboutDialog) -> list[str]:
    return [about.record.item(r, 0).text() for r in range(about.record.rowCount())]


def test_admin_edits_the_record_from_about(qtbot, make_ctx, sqlite_url, language) -> None:  # type: ignore[no-untyped-def]
    language("en")
    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    about = _about(qtbot, ctx)
    assert "Konsolens användare" in _names(about)
    qtbot.mouseClick(about.edit_button, Qt.MouseButton.LeftButton)
    editor = about.processing_dialog
    assert editor is not None
    qtbot.waitUntil(lambda: editor.list.count() == 7)
    # The lifecycle settings are named with the values the database holds.
    assert "90 days" in editor.lifecycle_boxes["grace_period_days"].text()
    # Pick "Personuppgiftsincidenter": no lifecycle setting yet; give it the log retention.
    row = [editor.list.item(i).text() for i in range(editor.list.count())].index(
        "Personuppgiftsincidenter"
    )
    editor.list.setCurrentRow(row)
    assert editor.name.text() == "Personuppgiftsincidenter"
    editor.edits["recipients"].clear()
    qtbot.keyClicks(editor.edits["recipients"], "IMY; berorda kunder")
    box = editor.lifecycle_boxes["log_retention_days"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.status.text() == "Saved." and not editor.loading, timeout=5000)
    # About follows, with the value read from the lifecycle setting.
    qtbot.waitUntil(lambda: "IMY; berorda kunder" in about.record.item(row, 5).text(), timeout=5000)
    assert "Session-log retention: 1,095 days" in about.record.item(row, 4).text()

    # A bad save: the name emptied. Said in the dialog, nothing lost, nothing logged.
    editor.name.clear()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.error_label.isVisible(), timeout=5000)
    assert "required" in editor.error_label.text()
    assert editor.edits["recipients"].toPlainText() == "IMY; berorda kunder"

    # Add a processing.
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.name, "Nyhetsbrev")
    qtbot.keyClicks(editor.edits["purpose"], "Information om storre nyheter")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.list.count() == 8 and not editor.loading, timeout=5000)
    qtbot.waitUntil(lambda: "Nyhetsbrev" in _names(about), timeout=5000)
    editor.close()

    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        payloads = [
            json.loads(r[0])
            for r in conn.execute(
                text(
                    "SELECT p.payload FROM log_event e JOIN log_payload p ON p.seq = e.seq "
                    "WHERE e.kind = 'processing_changed' ORDER BY e.seq"
                )
            )
        ]
    engine.dispose()
    assert [p["op"] for p in payloads] == ["update", "insert"]
    change = payloads[0]["rows"][0]
    assert change["after"] == {
        "recipients": "IMY; berorda kunder",
        "lifecycle": "log_retention_days",
    }
    assert "IMY" in change["before"]["recipients"] and change["before"]["lifecycle"] == ""


def test_record_pdf_reads_well(qtbot, make_ctx, sqlite_url, tmp_path, prompts, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    admin.set_lifecycle(ctx.database, ctx.identity, admin.Lifecycle(120, 14, 2000))
    about = _about(qtbot, ctx)
    pdf = tmp_path / "behandlingar.pdf"
    prompts.paths.append(pdf)
    qtbot.mouseClick(about.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Exporterad till" in about.export_note.text(), timeout=10_000)
    raw = "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    words = " ".join(unicodedata.normalize("NFKC", raw).split())  # "ﬀ" ligatures: "ff"
    assert "Personuppgiftsbehandlingar" in words
    for name in ("Kundkontakter", "Testkonton", "Fjärrsessioner (sessionslogg)"):
        assert name in words
    for heading in ("Ändamål", "Rättslig grund", "Överföring utanför EU", "Säkerhetsåtgärder"):
        assert heading in words
    # The lifecycle values as the database holds them now, never a copy.
    assert "Gallringsfrist efter avslutad affärsrelation: 120 dagar" in words
    assert "Testperiod: 14 dagar" in words
    assert re.search(r"Lagringstid för sessionsloggen: 2\s?000 dagar", words)
    heights = _word_heights(pdf)
    assert heights and min(heights) >= 6  # print size, not a 1 pt strip


def _word_heights(path: Path) -> list[float]:
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        float(y1) - float(y0)
        for y0, y1 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', bbox)
    ]
