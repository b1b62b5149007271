"""What the Transfers screen says when something fails: by code, translated, never an
exception class name; the demo servers' note; file pickers through ctx.prompts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from bowebb_console.services import transfers
from bowebb_console.sftp.connection import KINDS
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.sessions import events as sessions
from bowebb_console.ui.kit.errors import UNEXPECTED
from bowebb_console.ui.transfers.dialogs import ProfileDialog
from bowebb_console.ui.transfers.errors import TEXTS
from bowebb_console.ui.transfers.view import TransfersView
from tests.store.log_helpers import add_customer

ROOT = Path(__file__).resolve().parents[3] / "bowebb_console"


def open_session(url: str, *, host: str = "127.0.0.1", port: int = 1) -> str:
    """An open file-transfer session of the local user and one profile of its customer."""
    init_database(url)
    db = Database(make_engine(url))
    try:
        customer, contact = add_customer(db.engine)
        su = sessions.record_consent(
            db, customer_id=customer, contact_id=contact, session_kind="file_transfer",
            outcome="agreed", channel="phone", agreed_at=dt.datetime.now(dt.UTC),
            reference="T-9", scope="file_transfer", purpose="Loggar", purpose_kind="support",
            purpose_reference="T-9",
        ).session_uuid  # fmt: skip
        sessions.start_session(db, su, tool="other")
        transfers.save_profile(
            db, customer_id=customer, name="Server", host=host, port=port, username="bw",
            auth_kind="password", key_path=None, remote_dir="",
        )  # fmt: skip
    finally:
        db.dispose()
    return su


def open_view(qtbot: Any, ctx: Any) -> TransfersView:
    view = TransfersView(ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.connect_button.isEnabled(), timeout=10_000)
    return view


def test_every_code_and_engine_kind_has_a_text() -> None:
    sources = [
        ROOT / "services" / "transfers.py",
        *sorted((ROOT / "store" / "transfers").glob("*.py")),
    ]
    codes = set()
    for path in sources:
        codes |= set(re.findall(r'"((?:transfers|hostkey)\.[a-z_]+)"', path.read_text("utf-8")))
    assert len(codes) > 20
    assert codes - TEXTS.keys() == set()
    assert {f"sftp.{kind}" for kind in KINDS} - TEXTS.keys() == set()


def test_an_ended_session_is_refused_in_the_users_language(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, sqlite_url, prompts, language
) -> None:
    language("sv")
    su = open_session(sqlite_url)
    ctx = make_ctx(sqlite_url)
    view = open_view(qtbot, ctx)
    sessions.end_session(ctx.database, su, "klart", "resolved")  # meanwhile, elsewhere
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.texts("error")), timeout=10_000)
    expected = QCoreApplication.translate("Errors", TEXTS["transfers.ended"])
    assert expected != TEXTS["transfers.ended"]  # Swedish, not the English source
    assert prompts.texts("error") == [expected] and view.status.text() == expected
    assert view.link is None and view.connect_button.isEnabled()


def test_a_load_failure_names_no_exception_class(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, sqlite_url, monkeypatch
) -> None:
    open_session(sqlite_url)

    def broken(*_a: Any) -> None:
        raise RuntimeError("internal detail")

    monkeypatch.setattr(transfers, "open_sessions", broken)
    view = TransfersView(make_ctx(sqlite_url))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: bool(view.status.text()), timeout=10_000)
    text = view.status.text()
    assert QCoreApplication.translate("Errors", UNEXPECTED) in text and "Refresh" in text
    assert "RuntimeError" not in text and "internal detail" not in text


def test_demo_profiles_say_the_server_is_not_reachable(qtbot, make_ctx, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.transfers.profiles import DEMO_HOST, DEMO_PORT

    open_session(sqlite_url, host=DEMO_HOST, port=DEMO_PORT + 3)  # not only the first one
    view = open_view(qtbot, make_ctx(sqlite_url))
    view.show()
    assert view.profile() is not None and view.profile().demo  # type: ignore[union-attr]
    assert view.demo_note.isVisible()


def test_real_profiles_have_no_demo_note(qtbot, make_ctx, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    open_session(sqlite_url, host="sftp.kund.se", port=22)
    view = open_view(qtbot, make_ctx(sqlite_url))
    view.show()
    assert not view.demo_note.isVisible()


def test_file_pickers_go_through_prompts(qtbot, make_ctx, sqlite_url, prompts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    open_session(sqlite_url)
    ctx = make_ctx(sqlite_url)
    view = open_view(qtbot, ctx)
    prompts.paths.append(tmp_path)
    qtbot.mouseClick(view.choose_local, Qt.MouseButton.LeftButton)
    assert view.local_dir.text() == str(tmp_path)
    key = tmp_path / "id_ed25519"
    prompts.paths.append(key)
    dialog = ProfileDialog(None, ctx.prompts, view)
    qtbot.addWidget(dialog)
    dialog.auth.setCurrentIndex(1)
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert dialog.key_path.text() == str(key)
    assert [s.kind for s in prompts.shown] == ["path", "path"]
