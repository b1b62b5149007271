"""The Transfers screen against a real OpenSSH sshd: confirm the fingerprint, upload with
progress (one logged event with the right SHA-256), cancel, a changed host key, sessions that
do not allow transfers, and secrets that never reach logs or the database."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from pathlib import Path
from typing import Any

import paramiko
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from bowebb_console.services import transfers
from bowebb_console.services.sessions import session_events
from bowebb_console.sftp.hostkeys import fingerprint, public_key_b64
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.sessions import events as sessions
from bowebb_console.store.transfers import host_keys
from bowebb_console.store.transfers import log as transfer_log
from bowebb_console.ui.transfers.dialogs import FingerprintDialog, KeyChangedDialog, SecretDialog
from bowebb_console.ui.transfers.view import TransfersView
from tests.sftp.conftest import KEY_PASSPHRASE, Sshd, sha256sum
from tests.store.log_helpers import add_customer

pytestmark = pytest.mark.sshd
MiB = 1024 * 1024


def _consent(db: Any, customer: int, contact: int, **kw: Any) -> str:
    values: dict[str, Any] = {
        "session_kind": "file_transfer", "outcome": "agreed", "channel": "phone",
        "agreed_at": dt.datetime.now(dt.UTC), "reference": "T-501", "scope": "file_transfer",
        "purpose": "Skicka SIE-filen", "purpose_kind": "support", "purpose_reference": "T-501",
    }  # fmt: skip
    values |= kw
    return sessions.record_consent(
        db, customer_id=customer, contact_id=contact, **values
    ).session_uuid


def setup_db(url: str, server: Sshd, key: Path | None = None) -> tuple[str, int]:
    """A customer, an open file-transfer session of the local user and a profile."""
    init_database(url)
    db = Database(make_engine(url))
    try:
        customer, contact = add_customer(db.engine)
        su = _consent(db, customer, contact)
        sessions.start_session(db, su, tool="other")
        transfers.save_profile(
            db, customer_id=customer, name="Kundens server", host="127.0.0.1",
            port=server.port, username=server.user, auth_kind="key",
            key_path=str(key or server.client_key), remote_dir=str(server.root / "in"),
        )  # fmt: skip
    finally:
        db.dispose()
    (server.root / "in").mkdir(exist_ok=True)
    return su, customer


def pin_in_db(url: str, server: Sshd, key_file: Path) -> str:
    key = paramiko.PKey.from_path(key_file)
    db = Database(make_engine(url))
    try:
        with db.transaction() as conn:
            host_keys.pin_key(
                conn, "127.0.0.1", server.port, key.get_name(), fingerprint(key),
                public_key_b64(key), actor="lead", role="lead",
            )  # fmt: skip
    finally:
        db.dispose()
    return fingerprint(key)


def open_view(qtbot: Any, ctx: Any) -> TransfersView:
    view = TransfersView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.connect_button.isEnabled(), timeout=10_000)
    return view


def connect_and_confirm(qtbot: Any, view: TransfersView, server: Sshd) -> None:
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.connector.dialog, FingerprintDialog), timeout=15_000)
    dialog = view.connector.dialog
    expected = fingerprint(paramiko.PKey.from_path(server.host_key))
    assert dialog.fingerprint.text() == expected and expected.startswith("SHA256:")
    assert dialog.key_type.text() == "ssh-ed25519"
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.link is not None, timeout=15_000)
    assert expected in view.status.text()


def drop_files(view: TransfersView, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    view.remote_table.dropEvent(event)


def disconnect(qtbot: Any, view: TransfersView, ctx: Any) -> None:
    view._disconnect_now()
    ctx.runner.wait(15_000)
    qtbot.wait(50)


def test_confirm_fingerprint_then_upload_logged(
    qtbot, make_ctx, sqlite_url, sshd, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    su, _ = setup_db(sqlite_url, sshd)
    ctx = make_ctx(sqlite_url)
    view = open_view(qtbot, ctx)
    assert "T-501" in view.session_combo.currentText()
    connect_and_confirm(qtbot, view, sshd)
    timeline = session_events(ctx.database, su)
    assert timeline[-1].kind == "host_key_pinned"
    src = tmp_path / "löneunderlag.bin"
    src.write_bytes(os.urandom(3 * MiB + 17))
    expected = hashlib.sha256(src.read_bytes()).hexdigest()
    seen: list[int] = []
    view.queue.progress.connect(lambda _b, p: seen.append(p.total_done))
    drop_files(view, [src])
    qtbot.waitUntil(lambda: bool(view.queue_model.rows) and view.queue_model.rows[0].state == "ok",
                    timeout=30_000)  # fmt: skip
    assert seen and seen[-1] == src.stat().st_size
    assert view.total_bar.value() == 100 and view.file_bar.value() == 100
    assert view.queue_model.data(view.queue_model.index(0, 4)) == "Done, verified"
    (event,) = transfers.transfers_of(ctx.database, su)
    assert event["sha256"] == expected == sha256sum(sshd.root / "in" / src.name)
    assert event["direction"] == "upload" and event["result"] == "ok"
    assert event["host_key_fingerprint"] == view.link.fingerprint
    assert verify_log(ctx.database).ok
    disconnect(qtbot, view, ctx)


def test_cancel_logs_cancelled(qtbot, make_ctx, sqlite_url, sshd, tmp_path) -> None:  # type: ignore[no-untyped-def]
    su, _ = setup_db(sqlite_url, sshd)
    pin_in_db(sqlite_url, sshd, sshd.host_key)
    ctx = make_ctx(sqlite_url)
    view = open_view(qtbot, ctx)
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.link is not None, timeout=15_000)
    big = tmp_path / "stor.bin"
    with big.open("wb") as f:
        f.truncate(400 * MiB)
    view.queue.progress.connect(
        lambda *_: qtbot.mouseClick(view.cancel_all, Qt.MouseButton.LeftButton)
    )
    view.upload_paths([str(big)])
    qtbot.waitUntil(
        lambda: bool(view.queue_model.rows) and view.queue_model.rows[0].state == "cancelled",
        timeout=30_000,
    )
    (event,) = transfers.transfers_of(ctx.database, su)
    assert event["result"] == "cancelled" and event["sha256"] is None
    assert not (sshd.root / "in" / "stor.bin").exists()
    assert verify_log(ctx.database).ok
    disconnect(qtbot, view, ctx)
    big.unlink()


@pytest.mark.parametrize("role", ["agent", "lead"])
def test_changed_host_key_is_refused(qtbot, make_ctx, sqlite_url, sshd, role) -> None:  # type: ignore[no-untyped-def]
    su, _ = setup_db(sqlite_url, sshd)
    old = pin_in_db(sqlite_url, sshd, sshd.other_host_key)  # not the key the server has
    ctx = make_ctx(sqlite_url, role=role)
    view = open_view(qtbot, ctx)
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.connector.dialog, KeyChangedDialog), timeout=15_000)
    dialog = view.connector.dialog
    new = fingerprint(paramiko.PKey.from_path(sshd.host_key))
    assert dialog.old.text() == old and new in dialog.new.text()
    assert old in view.status.text() and new in view.status.text()
    assert view.link is None and not view.upload_files.isEnabled()
    assert transfers.transfers_of(ctx.database, su) == []
    if role == "agent":
        assert dialog.replace_button is None
        dialog.reject()
        return
    assert dialog.replace_button is not None
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.link is not None, timeout=15_000)
    kinds = [e.kind for e in session_events(ctx.database, su)]
    assert kinds[-1] == "host_key_replaced"
    disconnect(qtbot, view, ctx)


def test_no_allowed_session_cannot_start(qtbot, make_ctx, sqlite_url, sshd) -> None:  # type: ignore[no-untyped-def]
    init_database(sqlite_url)
    db = Database(make_engine(sqlite_url))
    customer, contact = add_customer(db.engine)
    _consent(db, customer, contact, outcome="refused")
    for kw in ({"purpose_kind": None, "purpose_reference": ""}, {"scope": "control"}):
        sessions.start_session(db, _consent(db, customer, contact, **kw), tool="other")
    db.dispose()
    ctx = make_ctx(sqlite_url)
    view = TransfersView(ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: "no open file-transfer session" in view.session_info.text())
    assert view.session_combo.count() == 0
    assert not view.connect_button.isEnabled() and not view.new_profile.isEnabled()


def test_passphrase_never_in_logs_or_database(qtbot, make_ctx, sqlite_url, sshd, tmp_path,
                                              memory_credentials) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    from bowebb_console.services.transfers import to_profile
    from bowebb_console.sftp.connection import secret_account

    log_file = tmp_path / "app.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.DEBUG)
    try:
        su, _ = setup_db(sqlite_url, sshd, sshd.client_key_protected)
        ctx = make_ctx(sqlite_url)
        ctx.credentials = memory_credentials
        view = open_view(qtbot, ctx)
        qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: isinstance(view.connector.dialog, SecretDialog), timeout=15_000)
        secret_dialog = view.connector.dialog
        secret_dialog.secret.setText(KEY_PASSPHRASE)
        secret_dialog.remember.setChecked(True)
        secret_dialog.accept()
        connect_and_confirm(qtbot, view, sshd)
        src = tmp_path / "liten.txt"
        src.write_text("hej")
        view.upload_paths([str(src)])
        qtbot.waitUntil(lambda: transfers.transfers_of(ctx.database, su) != [], timeout=15_000)
        account = secret_account(to_profile(view.profile()))
        assert memory_credentials.get(account) == KEY_PASSPHRASE  # only in the keyring
        disconnect(qtbot, view, ctx)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    db_path = Path(sqlite_url.removeprefix("sqlite:///"))
    db_bytes = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    logs = log_file.read_text("utf-8") + "".join(
        p.read_text("utf-8", "replace") for p in ctx.paths.log_dir.rglob("*") if p.is_file()
    )
    assert "SFTP connected" in logs
    assert KEY_PASSPHRASE not in logs
    assert KEY_PASSPHRASE.encode() not in db_bytes
    assert KEY_PASSPHRASE not in view.status.text()


def test_unloggable_transfer_stops_the_queue_and_says_so(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, sqlite_url, sshd, tmp_path, monkeypatch, prompts
) -> None:
    from bowebb_console.store.log.chain import LogWriteError

    def refuse(*_a: Any, **_k: Any) -> None:
        raise LogWriteError(
            "log.unreachable", "The database cannot be reached (test); nothing was logged."
        )

    setup_db(sqlite_url, sshd)
    pin_in_db(sqlite_url, sshd, sshd.host_key)
    ctx = make_ctx(sqlite_url)
    view = open_view(qtbot, ctx)
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.link is not None, timeout=15_000)
    monkeypatch.setattr(transfer_log, "log_file_transferred", refuse)
    # Small files move several at once (sftp/many.py): those past the files in flight never
    # start; one still moving is stopped (cancelled) unless it was already renamed (ok).
    files = [tmp_path / f"f{n:02d}.txt" for n in range(40)]
    for f in files:
        f.write_text(f.name)
    view.upload_paths([str(f) for f in files])
    qtbot.waitUntil(lambda: bool(prompts.texts("error")), timeout=15_000)
    qtbot.waitUntil(lambda: view.queue is not None and not view.queue.busy, timeout=15_000)
    assert "could not be written to the session log" in prompts.texts("error")[0]
    assert "could not be written to the session log" in view.status.text()
    states = [r.state for r in view.queue_model.rows]
    assert states[0] == "ok" and states.count("cancelled") >= 40 - 32
    for f, state in zip(files, states, strict=True):
        assert (sshd.root / "in" / f.name).exists() == (state == "ok"), (f.name, state)
    disconnect(qtbot, view, ctx)


def test_resume_interrupted_download(qtbot, make_ctx, sqlite_url, sshd, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    su, _ = setup_db(sqlite_url, sshd)
    pin_in_db(sqlite_url, sshd, sshd.host_key)
    remote = sshd.root / "in" / "halv.bin"
    data = os.urandom(2 * MiB + 5)
    remote.write_bytes(data)
    local = tmp_path / "ner"
    local.mkdir()
    st = remote.stat()
    (local / "halv.bin.part").write_bytes(data[:MiB])
    (local / "halv.bin.part.json").write_text(json.dumps(
        {"remote_path": str(remote), "size": st.st_size, "mtime": int(st.st_mtime), "durable": MiB}
    ))  # fmt: skip
    ctx = make_ctx(sqlite_url)
    view = open_view(qtbot, ctx)
    view.local_dir.setText(str(local))
    assert not view.resume_button.isEnabled()  # not connected yet
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.resume_button.isEnabled(), timeout=15_000)
    qtbot.mouseClick(view.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(view.queue_model.rows) and view.queue_model.rows[0].state == "ok",
                    timeout=15_000)  # fmt: skip
    (event,) = transfers.transfers_of(ctx.database, su)
    assert event["resumed_from"] == MiB and event["sha256"] == hashlib.sha256(data).hexdigest()
    assert (local / "halv.bin").read_bytes() == data and not (local / "halv.bin.part").exists()
    disconnect(qtbot, view, ctx)


def test_pin_waits_for_a_leads_approval(qtbot, make_ctx, sqlite_url, sshd, prompts) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.ui.transfers.dialogs import PendingKeysDialog

    su, _ = setup_db(sqlite_url, sshd)
    db = Database(make_engine(sqlite_url))
    transfers.set_approval_required(db, True)
    db.dispose()
    agent = make_ctx(sqlite_url, role="agent")
    view = open_view(qtbot, agent)
    assert not view.pending_button.isVisible()
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.connector.dialog, FingerprintDialog), timeout=15_000)
    qtbot.mouseClick(view.connector.dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Waiting for approval" in [s.title for s in prompts.shown])
    assert view.link is None
    lead = make_ctx(sqlite_url, role="lead")
    lead_view = open_view(qtbot, lead)
    assert lead_view.pending_button.isVisible()
    qtbot.mouseClick(lead_view.pending_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(lead_view.connector.dialog, PendingKeysDialog))
    dialog = lead_view.connector.dialog
    assert dialog.list.count() == 1 and not dialog.require.isEnabled()  # admins only
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=10_000)
    kinds = [e.kind for e in session_events(agent.database, su)]
    assert kinds[-1] == "host_key_pinned"
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)  # now trusted
    qtbot.waitUntil(lambda: view.link is not None, timeout=15_000)
    disconnect(qtbot, view, agent)


def test_existing_file_is_replaced_only_after_asking(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, sqlite_url, sshd, tmp_path, prompts
) -> None:
    su, _ = setup_db(sqlite_url, sshd)
    pin_in_db(sqlite_url, sshd, sshd.host_key)
    target = sshd.root / "in" / "finns.txt"
    target.write_text("old")
    src = tmp_path / "finns.txt"
    src.write_text("new version")
    prompts.answers.extend([True])
    ctx = make_ctx(sqlite_url)
    view = open_view(qtbot, ctx)
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.link is not None, timeout=15_000)
    view.upload_paths([str(src)])
    qtbot.waitUntil(lambda: len(transfers.transfers_of(ctx.database, su)) == 2, timeout=15_000)
    first, second = transfers.transfers_of(ctx.database, su)
    assert (first["result"], first["error_kind"]) == ("failed", "exists")
    assert "already exist" in prompts.texts("confirm")[0] and "finns.txt" in prompts.texts()[0]
    assert second["result"] == "ok" and target.read_text() == "new version"
    qtbot.waitUntil(lambda: view.queue is not None and not view.queue.busy, timeout=15_000)
    disconnect(qtbot, view, ctx)


def test_server_dies_mid_file_then_retry_resumes(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, sqlite_url, own_sshd, tmp_path
) -> None:
    su, _ = setup_db(sqlite_url, own_sshd)
    pin_in_db(sqlite_url, own_sshd, own_sshd.host_key)
    ctx = make_ctx(sqlite_url)
    view = open_view(qtbot, ctx)
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.link is not None, timeout=15_000)
    src = tmp_path / "avbruten.bin"
    src.write_bytes(os.urandom(64 * MiB))
    killed: list[bool] = []

    def kill_once(_batch: int, p: Any) -> None:
        if not killed and p.file_done >= 8 * MiB:
            killed.append(True)
            own_sshd.kill_sessions()

    view.queue.progress.connect(kill_once)
    view.upload_paths([str(src)])
    qtbot.waitUntil(lambda: view.panel.retry_button.isEnabled(), timeout=60_000)
    assert view.queue_model.rows[0].state == "failed"
    assert not (own_sshd.root / "in" / src.name).exists()  # never under its final name
    disconnect(qtbot, view, ctx)
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.link is not None, timeout=15_000)
    qtbot.mouseClick(view.panel.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.queue_model.rows[-1].state == "ok", timeout=60_000)
    failed, ok = transfers.transfers_of(ctx.database, su)
    assert failed["result"] == "failed" and failed["error_kind"] == "connection_lost"
    assert ok["resumed_from"] and ok["sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()
    assert sha256sum(own_sshd.root / "in" / src.name) == ok["sha256"]
    disconnect(qtbot, view, ctx)


def test_download_folder_refuses_hostile_names(qtbot, make_ctx, sqlite_url, sshd, tmp_path) -> None:  # type: ignore[no-untyped-def]
    su, _ = setup_db(sqlite_url, sshd)
    pin_in_db(sqlite_url, sshd, sshd.host_key)
    folder = sshd.root / "in" / "underlag"
    folder.mkdir()
    (folder / "bra.txt").write_text("bra")
    (folder / "ond\x07fil").write_text("x")
    local = tmp_path / "hit"
    local.mkdir()
    ctx = make_ctx(sqlite_url)
    view = open_view(qtbot, ctx)
    view.local_dir.setText(str(local))
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.link is not None, timeout=15_000)
    names = [view.remote_model.row_at(r).name for r in range(view.remote_model.rowCount())]
    view.remote_table.selectRow(names.index("underlag"))
    qtbot.mouseClick(view.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(transfers.transfers_of(ctx.database, su)) == 2, timeout=15_000)
    events = sorted(transfers.transfers_of(ctx.database, su), key=lambda e: e["result"])
    assert [(e["result"], e["error_kind"]) for e in events] == [
        ("failed", "name_refused"), ("ok", None),
    ]  # fmt: skip
    assert sorted(p.name for p in (local / "underlag").iterdir()) == ["bra.txt"]
    qtbot.waitUntil(lambda: {r.state for r in view.queue_model.rows} == {"ok", "failed"})
    qtbot.waitUntil(lambda: view.queue is not None and not view.queue.busy)
    disconnect(qtbot, view, ctx)


def test_profile_dialog_keeps_input_on_refusal(qtbot, make_ctx, sqlite_url, sshd) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.ui.transfers.dialogs import ProfileDialog

    setup_db(sqlite_url, sshd)
    ctx = make_ctx(sqlite_url)
    view = open_view(qtbot, ctx)
    qtbot.mouseClick(view.new_profile, Qt.MouseButton.LeftButton)
    dialog = view.connector.dialog
    assert isinstance(dialog, ProfileDialog)
    qtbot.keyClicks(dialog.name, "Kundens server")  # the name the first profile has
    qtbot.keyClicks(dialog.host, "sftp.kund.se")
    qtbot.keyClicks(dialog.user, "bowebb")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "already has a profile" in dialog.error.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.host.text() == "sftp.kund.se"  # nothing lost
    dialog.name.setText("Reserv")
    dialog.auth.setCurrentIndex(1)  # a private key, but no file chosen
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "private key file" in dialog.error.text(), timeout=10_000)
    qtbot.keyClicks(dialog.key_path, str(sshd.client_key))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: view.profile_combo.count() == 2, timeout=10_000)
    assert "Reserv" in view.profile_combo.currentText()
    assert ctx.runner.wait(10_000)


def test_cancel_one_file_the_rest_continues(qtbot, make_ctx, sqlite_url, sshd, tmp_path) -> None:  # type: ignore[no-untyped-def]
    su, _ = setup_db(sqlite_url, sshd)
    pin_in_db(sqlite_url, sshd, sshd.host_key)
    ctx = make_ctx(sqlite_url)
    view = open_view(qtbot, ctx)
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.link is not None, timeout=15_000)
    big, small = tmp_path / "en_stor.bin", tmp_path / "en_liten.txt"
    with big.open("wb") as f:
        f.truncate(400 * MiB)
    small.write_text("liten")
    done: list[bool] = []

    def cancel_first(_batch: int, p: Any) -> None:
        if not done and p.file_index == 0:
            done.append(True)
            view.panel.queue_table.selectRow(0)
            qtbot.mouseClick(view.panel.cancel_file, Qt.MouseButton.LeftButton)

    view.queue.progress.connect(cancel_first)
    view.upload_paths([str(big), str(small)])
    qtbot.waitUntil(lambda: len(transfers.transfers_of(ctx.database, su)) == 2, timeout=30_000)
    first, second = transfers.transfers_of(ctx.database, su)
    assert (first["local_name"], first["result"]) == ("en_stor.bin", "cancelled")
    assert (second["local_name"], second["result"]) == ("en_liten.txt", "ok")
    qtbot.waitUntil(lambda: view.queue is not None and not view.queue.busy)
    disconnect(qtbot, view, ctx)
    big.unlink()
