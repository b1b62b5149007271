"""Sibling exports of the review's (issue 18, item 11): the sub-processor register's PDF is
readable at print size (it was about 1 pt, in a strip at the top of the page) and its CSV
and the notice recipients' CSV open in Swedish Excel (';', Swedish headings, BOM)."""

from __future__ import annotations

import csv
import re
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt

from bowebb_console.services import customers
from bowebb_console.services.customers import ContactInput, CustomerInput
from bowebb_console.ui.customers.notice_dialog import NoticeExportDialog
from tests.ui.customers.helpers import open_view as open_customers
from tests.ui.subprocessors.test_subprocessors import add_hosting, choose_file, empty_url
from tests.ui.subprocessors.test_subprocessors import open_view as open_register

__all__ = ["empty_url"]  # the fixture, used by name


def _word_heights(path: Path) -> list[float]:
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        float(y1) - float(y0)
        for y0, y1 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', bbox)
    ]


def test_register_pdf_is_readable_and_its_csv_is_swedish(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, empty_url, tmp_path, language
) -> None:
    language("sv")
    view = open_register(qtbot, make_ctx(empty_url))
    add_hosting(qtbot, view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    pdf = tmp_path / "register.pdf"
    choose_file(view, pdf)
    qtbot.mouseClick(view.export_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(pdf.exists)
    heights = _word_heights(pdf)
    assert heights and min(heights) >= 6  # print size: 9 pt text, not 1 pt
    layout = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Register över underbiträden" in layout and "Norrhall Drift AB" in layout

    out = tmp_path / "register.csv"
    choose_file(view, out)
    qtbot.mouseClick(view.export_csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists)
    assert out.read_bytes().startswith("\ufeffUnderbiträde;".encode())
    rows = list(csv.reader(out.open(encoding="utf-8-sig"), delimiter=";"))
    assert rows[1][0] == "Norrhall Drift AB"


def test_notice_recipients_csv_in_swedish(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, sqlite_url, tmp_path, language
) -> None:
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    language("sv")
    ctx = make_ctx(sqlite_url)
    customers.create_customer(
        ctx.database,
        CustomerInput("556680-9827", "BoWebb AB"),
        [ContactInput("Åsa Ek", "asa@bowebb.se")],
    )
    view = open_customers(qtbot, ctx)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, NoticeExportDialog)
    target = tmp_path / "mottagare.csv"
    qtbot.keyClicks(dialog.path, str(target))
    qtbot.keyClicks(dialog.reason, "Avbrott i e-posten")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert target.read_text(encoding="utf-8-sig").splitlines() == [
        "E-post;Kontaktperson;Företag",
        "asa@bowebb.se;Åsa Ek;BoWebb AB",
    ]
