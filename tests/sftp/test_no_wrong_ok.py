"""Issue 16, "Correctness": what a broken or hostile server (or this computer's own file
system) must never turn into a wrong "ok", against the real sshd or a small scripted server."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import paramiko
import pytest

from bowebb_console.sftp import parts
from bowebb_console.sftp.connection import ConnectionProfile, SftpConnection, SftpError, connect
from bowebb_console.sftp.engine import TransferEngine
from bowebb_console.sftp.names import NameRefused, check_name
from bowebb_console.sftp.queue import TransferRecord
from tests.sftp import scripted
from tests.sftp.conftest import Sshd, open_conn, pinned_for, sha256sum, write_random

pytestmark = pytest.mark.sshd

KiB = 1024


def engine(c: SftpConnection) -> tuple[TransferEngine, list[TransferRecord]]:
    records: list[TransferRecord] = []
    return TransferEngine.for_connection(c, records.append), records


def loggable(record: TransferRecord) -> None:
    """What the session log will write: valid UTF-8 JSON."""
    json.dumps([record.remote_path, record.local_name, record.reason]).encode("utf-8")


def folders(tmp_path: Path) -> tuple[Path, Path]:
    remote, local = tmp_path / "remote", tmp_path / "local"
    remote.mkdir()
    local.mkdir()
    return remote, local


def leave_part(local: Path, name: str, data: bytes, remote_path: str, st: os.stat_result,
               *, mtime: int | None) -> None:  # fmt: skip
    """What an interrupted download leaves: the part and its sidecar."""
    (local / (name + parts.PART_SUFFIX)).write_bytes(data)
    meta = {"remote_path": remote_path, "size": st.st_size, "mtime": mtime, "durable": len(data)}
    (local / (name + parts.SIDECAR_SUFFIX)).write_text(json.dumps(meta))


# --- 1. a resume never splices two versions ----------------------------------------------


def test_no_resume_without_an_mtime(conn: SftpConnection, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    remote, local = folders(tmp_path)
    src = remote / "avtal.pdf"
    old = os.urandom(600 * KiB)
    src.write_bytes(old)
    leave_part(local, "avtal.pdf", old[: 300 * KiB], str(src), src.stat(), mtime=None)
    new = os.urandom(600 * KiB)  # replaced on the server, same size
    src.write_bytes(new)
    sftp = conn.sftp
    real_lstat, real_stat = sftp.lstat, sftp.stat

    def no_mtime(f):  # type: ignore[no-untyped-def]
        def call(path: str) -> paramiko.SFTPAttributes:
            st = f(path)
            st.st_mtime = None  # a server that sends no times
            return st

        return call

    monkeypatch.setattr(sftp, "lstat", no_mtime(real_lstat))
    monkeypatch.setattr(sftp, "stat", no_mtime(real_stat))
    eng, _ = engine(conn)
    r = eng.download_file(str(src), local)
    assert (r.result, r.resumed_from) == ("ok", None)
    assert (local / "avtal.pdf").read_bytes() == new
    assert r.sha256 == hashlib.sha256(new).hexdigest()


def test_resume_only_when_a_sample_matches(conn: SftpConnection, tmp_path: Path) -> None:
    remote, local = folders(tmp_path)
    src = remote / "logg.bin"
    old = os.urandom(900 * KiB)
    src.write_bytes(old)
    st = src.stat()
    eng, _ = engine(conn)
    # Same size, same mtime, other bytes after the first block: no resume onto the old part.
    leave_part(local, "logg.bin", old[: 500 * KiB], str(src), st, mtime=int(st.st_mtime))
    new = old[: 100 * KiB] + os.urandom(800 * KiB)
    src.write_bytes(new)
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns))
    r = eng.download_file(str(src), local)
    assert (r.result, r.resumed_from) == ("ok", None)
    assert (local / "logg.bin").read_bytes() == new
    assert r.sha256 == hashlib.sha256(new).hexdigest()
    # An unchanged source does resume, and the hash covers the whole file.
    (local / "logg.bin").unlink()
    leave_part(local, "logg.bin", new[: 500 * KiB], str(src), st, mtime=int(st.st_mtime))
    r = eng.download_file(str(src), local)
    assert (r.result, r.resumed_from) == ("ok", 500 * KiB)
    assert r.sha256 == hashlib.sha256(new).hexdigest() == sha256sum(local / "logg.bin")


# --- 2. a file that shrinks is "changed", and the connection stays ------------------------


def test_a_file_that_shrinks_is_changed_and_the_connection_stays(
    sshd: Sshd, tmp_path: Path
) -> None:
    from bowebb_console.sftp.connection import Tuning

    remote, local = folders(tmp_path)
    src = remote / "växer.bin"
    write_random(src, 8 * 1024 * KiB)
    other = remote / "nästa.txt"
    other_sha = write_random(other, 5000)
    tuning = Tuning(read_request=32 * KiB, read_depth=2, hash_in_thread=False)
    c = open_conn(sshd, tuning=tuning)
    try:
        eng, _ = engine(c)
        shrunk: list[bool] = []

        def progress(done: int, total: int) -> None:
            if done and not shrunk:
                os.truncate(src, 100 * KiB)
                shrunk.append(True)

        r = eng.download_file(str(src), local, progress=progress)
        assert (r.result, r.error_kind) == ("failed", "changed") and shrunk
        assert r.reason == "växer.bin changed on the server."
        assert sorted(p.name for p in local.iterdir()) == []  # no part kept of a changed file
        again = eng.download_file(str(other), local)  # same connection
        assert (again.result, again.sha256) == ("ok", other_sha)
    finally:
        c.close()


# --- 3 and 4. only a real refusal is auth_failed; a stalled handshake waits once -----------


def password_profile(port: int) -> ConnectionProfile:
    return ConnectionProfile("127.0.0.1", port, "anna", "password")


@pytest.mark.parametrize(
    ("how", "kind"),
    [("refuse", "auth_failed"), ("stall", "timeout"), ("drop", "connection_lost")],
)
def test_only_a_real_refusal_is_auth_failed(sshd: Sshd, how: str, kind: str) -> None:
    server = scripted.login_server(sshd.host_key, how)
    try:
        with pytest.raises(SftpError) as info:
            connect(
                password_profile(server.port),
                secret=lambda: "Rätt-lösenord-1",
                pinned=[p.__class__("127.0.0.1", server.port, p.key_type, p.fingerprint)
                        for p in pinned_for(sshd)],
                timeout=1.5,
            )  # fmt: skip
    finally:
        server.close()
    assert info.value.kind == kind, info.value.message
    assert "Rätt-lösenord-1" not in info.value.message


def test_a_stalled_handshake_is_a_timeout_waited_once(sshd: Sshd) -> None:
    server = scripted.stalled_handshake()
    t0 = time.monotonic()
    try:
        with pytest.raises(SftpError) as info:
            connect(password_profile(server.port), secret=lambda: None, pinned=[], timeout=2.0)
    finally:
        server.close()
    waited = time.monotonic() - t0
    assert info.value.kind == "timeout" and "handshake" in info.value.message
    assert waited < 3.5  # one timeout (2 s) and some slack, not two


# --- 5. links: never followed, always recorded --------------------------------------------


def test_a_folder_that_is_a_link_is_recorded_not_followed(
    conn: SftpConnection, tmp_path: Path
) -> None:
    remote, local = folders(tmp_path)
    real = local / "riktig"
    real.mkdir()
    (real / "hemlig.txt").write_text("x")
    (local / "länkmapp").symlink_to(real, target_is_directory=True)
    (local / "trasig").symlink_to(local / "saknas")
    eng, records = engine(conn)
    out = eng.plan_upload(local / "länkmapp", str(remote))
    out += eng.plan_upload(local / "trasig", str(remote))
    assert [(r.result, r.error_kind, r.local_name) for r in out] == [  # type: ignore[union-attr]
        ("failed", "name_refused", "länkmapp"),
        ("failed", "name_refused", "trasig"),
    ]
    assert records == out and list(remote.iterdir()) == []


# --- 6 and 10. undecodable and look-alike names: refused per entry, recorded escaped -------


def test_remote_names_not_utf8_or_look_alike_are_refused_one_by_one(
    conn: SftpConnection, tmp_path: Path
) -> None:
    remote, local = folders(tmp_path)
    folder = remote / "in"
    folder.mkdir()
    ok_sha = write_random(folder / "bra.txt", 1000)
    fd = os.open(os.fsencode(folder) + b"/r\xe4kning.pdf", os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    (folder / "invoice\u202efdp.exe").write_bytes(b"MZ")
    (folder / "a\u200bb.txt").write_bytes(b"z")
    eng, records = engine(conn)
    listing = {e.name: e for e in eng.listdir(str(folder))}
    assert set(listing) == {"bra.txt", "r\\xe4kning.pdf", "invoice\\u202efdp.exe", "a\\u200bb.txt"}
    out = eng.download_tree(str(folder), local)
    ok = [r for r in out if r.result == "ok"]
    assert [r.sha256 for r in ok] == [ok_sha]
    refused = sorted(r.remote_path.rsplit("/", 1)[1] for r in out if r.result != "ok")
    assert refused == ["a\\u200bb.txt", "invoice\\u202efdp.exe", "r\\xe4kning.pdf"]
    for r in records:
        loggable(r)
    assert sorted(p.name for p in (local / "in").iterdir()) == ["bra.txt"]


def test_local_names_not_utf8_are_refused_and_the_batch_goes_on(
    conn: SftpConnection, tmp_path: Path
) -> None:
    remote, local = folders(tmp_path)
    folder = local / "ut"
    folder.mkdir()
    (folder / "bra.txt").write_text("ok")
    os.close(os.open(os.fsencode(folder) + b"/d\xe5lig.txt", os.O_WRONLY | os.O_CREAT, 0o600))
    (folder / "kvitto\u2066gpj.exe").write_text("x")
    eng, records = engine(conn)
    out = eng.upload_tree(folder, str(remote))
    assert sorted((r.result, r.remote_path.rsplit("/", 1)[1]) for r in out) == [
        ("failed", "d\\xe5lig.txt"),
        ("failed", "kvitto\\u2066gpj.exe"),
        ("ok", "bra.txt"),
    ]
    for r in records:
        loggable(r)
    assert sorted(os.listdir(remote / "ut")) == ["bra.txt"]


def test_look_alike_characters_are_refused_by_the_name_check() -> None:
    for name in ("invoice\u202efdp.exe", "a\u200bb", "\ufeffx.txt", "x\u2060y", "p\u2069q"):
        with pytest.raises(NameRefused) as info:
            check_name(name)
        assert info.value.rule == "invisible"
        assert "\\u" in info.value.message  # shown escaped, never as a look-alike
    check_name("räkning åäö ✓.pdf")


# --- 7 and 8. local errors: clear, recorded, named by file only ----------------------------


def test_local_folder_errors_are_recorded_not_raised(conn: SftpConnection, tmp_path: Path) -> None:
    remote, local = folders(tmp_path)
    (remote / "in").mkdir()
    write_random(remote / "in" / "a.txt", 10)
    not_a_folder = local / "fil.txt"
    not_a_folder.write_text("x")
    eng, records = engine(conn)
    out = eng.download_tree(str(remote / "in"), not_a_folder)
    assert [(r.result, r.error_kind) for r in out] == [("failed", "other")]
    assert out[0].reason == "Could not make the folder in on this computer: Not a directory."
    assert records == out and str(tmp_path) not in str(out[0].reason)


def test_a_single_file_error_names_no_internal_file(conn: SftpConnection, tmp_path: Path) -> None:
    remote, local = folders(tmp_path)
    write_random(remote / "b.txt", 10)
    (local / ("b.txt" + parts.SIDECAR_SUFFIX + ".tmp")).mkdir()  # the sidecar cannot be made
    eng, _ = engine(conn)
    r = eng.download_file(str(remote / "b.txt"), local)
    assert r.result == "failed"
    assert r.reason == "Could not save b.txt on this computer: Is a directory."
    missing = eng.upload_file(local / "saknas.txt", str(remote))
    assert (
        missing.reason == "Could not read saknas.txt on this computer: No such file or directory."
    )
    for reason in (r.reason, missing.reason):
        assert ".part" not in str(reason) and str(tmp_path) not in str(reason)


# --- 9. download_file checks every component ------------------------------------------------


def test_download_file_checks_every_component(conn: SftpConnection, tmp_path: Path) -> None:
    remote, local = folders(tmp_path)
    (remote / "in").mkdir()
    write_random(remote / "x.txt", 10)
    eng, _ = engine(conn)
    for path in (f"{remote}/in/../x.txt", f"{remote}/i\u202en/x.txt", f"{remote}/\x1b/x.txt"):
        r = eng.download_file(path, local)
        assert (r.result, r.error_kind) == ("failed", "name_refused"), path
        loggable(r)
    assert list(local.iterdir()) == []


def test_an_upload_resumes_only_onto_a_matching_temporary(
    conn: SftpConnection, tmp_path: Path
) -> None:
    from bowebb_console.sftp.files import _temp_name

    remote, local = folders(tmp_path)
    src = local / "rapport.bin"
    data = os.urandom(700 * KiB)
    src.write_bytes(data)
    temp = Path(_temp_name(str(remote), "rapport.bin", src.stat()))
    temp.write_bytes(os.urandom(300 * KiB))  # the temporary name, other bytes
    eng, _ = engine(conn)
    r = eng.upload_file(src, str(remote))
    assert (r.result, r.resumed_from) == ("ok", None)
    assert (remote / "rapport.bin").read_bytes() == data and not temp.exists()
    assert r.sha256 == hashlib.sha256(data).hexdigest()
    (remote / "rapport.bin").unlink()
    temp.write_bytes(data[: 300 * KiB])  # a real earlier attempt: resumed
    r = eng.upload_file(src, str(remote))
    assert (r.result, r.resumed_from) == ("ok", 300 * KiB)
    assert (remote / "rapport.bin").read_bytes() == data
