"""Hostile remote names (a fake server listing, since OpenSSH never lists such names) and
secrets that must never surface in logs, the database or exception messages."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import paramiko
import pytest
from sqlalchemy import text

from bowebb_console.sftp.connection import ConnectionProfile, SftpError, connect
from bowebb_console.sftp.engine import TransferEngine
from bowebb_console.sftp.queue import TransferRecord
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.transfers import host_keys, profiles
from tests.sftp.conftest import KEY_PASSPHRASE, Sshd, pinned_for, profile_for

EVIL_TOP = ["../evil", "/etc/x", "a/../../b", "..", ".", "ok", "trailing.", "NUL"]
EVIL_SUB = ["..\\evil", "CON.txt", "new\nline.txt", "<script>", "x" * 300]


def attr(name: str, mode: int) -> paramiko.SFTPAttributes:
    a = paramiko.SFTPAttributes()
    a.filename = name
    a.st_mode = mode
    a.st_size = 10
    a.st_mtime = 1
    return a


class HostileSftp:
    """Lists what a malicious server could send; any file open is a test failure."""

    def listdir_attr(self, path: str) -> list[paramiko.SFTPAttributes]:
        if path.endswith("/ok"):
            return [attr(n, stat.S_IFREG | 0o644) for n in EVIL_SUB]
        return [attr(n, (stat.S_IFDIR if n == "ok" else stat.S_IFREG) | 0o755) for n in EVIL_TOP]

    def open(self, *args: object, **kw: object) -> None:
        raise AssertionError("no file should be opened")

    lstat = stat_ = open


def test_hostile_listing_writes_nothing_outside(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    tmp_path = tmp_path / "w"
    target = tmp_path / "target"
    target.mkdir(parents=True)
    records: list[TransferRecord] = []
    eng = TransferEngine(HostileSftp(), "SHA256:fake", records.append)  # type: ignore[arg-type]
    entries = eng.listdir("/srv/in")
    assert {e.name for e in entries if e.refused} == set(EVIL_TOP) - {".", "..", "ok"}
    out = eng.download_tree("/srv/in", target)
    assert out == records and all(r.result == "failed" for r in out)
    assert all(r.error_kind == "name_refused" and r.sha256 is None for r in out)
    rules = {dict(r.error_params).get("rule") for r in out}
    assert {"char", "control", "device", "too_long", "trailing"} <= rules
    assert len(out) == len(EVIL_TOP) - 3 + len(EVIL_SUB)
    # Only the folders we made, nothing else anywhere under tmp_path.
    made = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    assert made == ["target", "target/in", "target/in/ok"]
    # Each refusal is logged with its reason, the name only as a hash (names are free text);
    # the record handed to the session log carries the name.
    assert caplog.text.count("Refused remote name #") >= len(out)
    assert "it contains '/'" in caplog.text and "control character" in caplog.text
    assert "evil" not in caplog.text and "line.txt" not in caplog.text
    assert any(r.remote_path.endswith("new\nline.txt") for r in out)
    # A hostile folder name itself is refused too.
    assert eng.download_tree("/srv/..", target)[0].error_kind == "name_refused"


def test_download_file_refuses_a_hostile_name(tmp_path: Path) -> None:
    tmp_path = tmp_path / "w"
    tmp_path.mkdir()
    eng = TransferEngine(HostileSftp(), "SHA256:fake", lambda r: None)  # type: ignore[arg-type]
    for path in ("/srv/..", "/srv/a\\..\\b", "/srv/CON", "/srv/x\x1b[2J"):
        r = eng.download_file(path, tmp_path)
        assert (r.result, r.error_kind) == ("failed", "name_refused")
    assert list(tmp_path.iterdir()) == []


PASSWORD = "Lösenord-Mycket-Hemligt-7"


@pytest.mark.sshd
def test_secrets_never_surface(
    sshd: Sshd, tmp_path: Path, caplog: pytest.LogCaptureFixture, sqlite_url: str
) -> None:
    log_file = tmp_path / "app.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    root.addHandler(handler)
    caplog.set_level(logging.DEBUG)
    messages: list[str] = []
    try:
        # The right passphrase opens the protected key; asked for exactly once.
        asked: list[int] = []
        prof = profile_for(sshd, sshd.client_key_protected)
        with connect(
            prof, secret=lambda: asked.append(1) or KEY_PASSPHRASE, pinned=pinned_for(sshd)
        ) as c:
            assert c.sftp.listdir(str(tmp_path)) is not None
        assert asked == [1]
        # A wrong passphrase, and a password the server refuses.
        wrong = KEY_PASSPHRASE + "x"
        with pytest.raises(SftpError) as info:
            connect(prof, secret=lambda: wrong, pinned=pinned_for(sshd))
        assert info.value.kind == "auth_failed"
        messages += [str(info.value), repr(info.value), str(info.value.__cause__)]
        pw_prof = ConnectionProfile("127.0.0.1", sshd.port, sshd.user, "password")
        with pytest.raises(SftpError) as info:
            connect(pw_prof, secret=lambda: PASSWORD, pinned=pinned_for(sshd))
        assert info.value.kind == "auth_failed"
        messages += [str(info.value), repr(info.value), str(info.value.__context__)]
        # Unknown host: the password is not even asked for.
        with pytest.raises(SftpError) as info:
            connect(pw_prof, secret=lambda: pytest.fail("asked"), pinned=[])  # type: ignore[arg-type,return-value]
        assert info.value.kind == "host_key_unknown"
    finally:
        root.removeHandler(handler)
        handler.close()
    # The profile and the pinned key go to the database; no secret does.
    init_database(sqlite_url)
    db = Database(make_engine(sqlite_url))
    with db.transaction() as conn:
        conn.execute(
            text(
                "INSERT INTO customer (org_number, name, status, version) "
                "VALUES ('5566809827', 'Test AB', 'active', 1)"
            )
        )
        profiles.save_profile(
            conn,
            customer_id=1,
            name="p",
            host="127.0.0.1",
            port=sshd.port,
            username=sshd.user,
            auth_kind="key",
            key_path=str(sshd.client_key_protected),
            remote_dir="/",
        )
        pin = pinned_for(sshd)[0]
        host_keys.pin_key(
            conn,
            "127.0.0.1",
            sshd.port,
            pin.key_type,
            pin.fingerprint,
            "AAAA",
            actor="a",
            role="agent",
        )
    db.dispose()
    db_bytes = b"".join(p.read_bytes() for p in tmp_path.rglob("*.sqlite3*"))
    everything = "\n".join([log_file.read_text("utf-8"), caplog.text, *messages])
    assert log_file.stat().st_size > 0 and "paramiko" in caplog.text
    for secret in (KEY_PASSPHRASE, wrong, PASSWORD):
        assert secret not in everything
        assert secret.encode() not in db_bytes
