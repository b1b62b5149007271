"""What the Erasure screen shows when something fails: the translated text of the error's
code, never an exception's class name or the English message; and the certificate PDF is
saved through the prompts' path picker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from bowebb_console.domain.errors import ShownError
from bowebb_console.services import erasure
from bowebb_console.ui.erasure.view import ErasureView
from bowebb_console.ui.kit.errors import CONTEXT, UNEXPECTED
from bowebb_console.ui.kit.prompts import RecordingPrompts

CLASS_NAMES = ("Error", "Exception", "DBAPI", "Operational", "sqlalchemy", "psycopg")


@pytest.fixture
def view(qtbot, make_ctx, demo_url):  # type: ignore[no-untyped-def]
    screen = ErasureView(make_ctx(demo_url), today=dt.date.today())
    qtbot.addWidget(screen)
    screen.show()  # the LazyPanel loads on first show
    qtbot.waitUntil(lambda: not screen.loading and screen.requests.rowCount() > 0)
    return screen


def _select_open_request(view: ErasureView) -> None:
    model = view.requests
    row = next(
        i
        for i in range(model.rowCount())
        if model.row_at(i).status == "open"
        and not model.row_at(i).extended_to
        and not model.row_at(i).is_overdue(view.today)
    )
    proxy_row = view.request_frame.proxy.mapFromSource(model.index(row, 0)).row()
    view.request_frame.table.selectRow(proxy_row)


def _extend(qtbot, view: ErasureView) -> str:  # type: ignore[no-untyped-def]
    view.message.clear()
    _select_open_request(view)
    qtbot.mouseClick(view.extend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.message.text() != "")
    text = view.message.text()
    assert not any(name in text for name in CLASS_NAMES), text
    return text


def test_a_refusal_is_shown_in_swedish_by_its_code(qtbot, view, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    assert _extend(qtbot, view) == "En förlängning kräver ett angivet skäl."


def test_a_database_refusal_and_a_bug_show_no_class_name(  # type: ignore[no-untyped-def]
    qtbot, view, monkeypatch, language
) -> None:
    language("en")

    def refused(*_args: object) -> None:
        raise ShownError("db.permission", "permission denied for table erasure_request (psycopg)")

    monkeypatch.setattr(erasure, "extend_request", refused)
    assert _extend(qtbot, view) == (
        "The database refused: your role may not do this (erasure is for admins)."
    )

    def bug(*_args: object) -> None:
        raise RuntimeError("KeyError in OperationalError")

    monkeypatch.setattr(erasure, "extend_request", bug)
    assert _extend(qtbot, view) == QCoreApplication.translate(CONTEXT, UNEXPECTED)


def test_lists_that_fail_to_load_say_so(qtbot, view, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def unreachable(*_args: object) -> None:
        raise ShownError("db.unreachable", "could not connect (OperationalError)")

    monkeypatch.setattr(erasure, "erasure_lists", unreachable)
    view.reload()
    qtbot.waitUntil(lambda: not view.loading)
    qtbot.waitUntil(lambda: not view.request_frame.error_label.isHidden())
    text = view.request_frame.error_label.text()
    assert "cannot be reached" in text and "OperationalError" not in text


def test_certificate_pdf_is_saved_through_the_path_prompt(  # type: ignore[no-untyped-def]
    qtbot, view, prompts: RecordingPrompts, tmp_path: Path
) -> None:
    target = tmp_path / "certificate.pdf"
    prompts.paths.append(target)
    view.certificate_frame.table.selectRow(0)
    qtbot.mouseClick(view.save_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.message.text().startswith("Saved"))
    assert prompts.shown[-1].kind == "path" and prompts.shown[-1].text.endswith(".pdf")
    assert target.read_bytes().startswith(b"%PDF")
