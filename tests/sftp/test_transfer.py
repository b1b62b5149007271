"""Round trips and faults against a real OpenSSH sshd."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bowebb_console.sftp.connection import SftpConnection, SftpError, connect
from bowebb_console.sftp.engine import TransferEngine
from bowebb_console.sftp.queue import FileJob, Progress, TransferQueue, TransferRecord
from tests.sftp.conftest import (
    Sshd,
    open_conn,
    pinned_for,
    profile_for,
    sha256sum,
    write_random,
)

pytestmark = pytest.mark.sshd

MiB = 1024 * 1024


def engine(c: SftpConnection) -> tuple[TransferEngine, list[TransferRecord]]:
    records: list[TransferRecord] = []
    return TransferEngine.for_connection(c, records.append), records


def dirs(tmp_path: Path) -> tuple[Path, Path, Path]:
    out = tmp_path / "out", tmp_path / "remote", tmp_path / "back"
    for d in out:
        d.mkdir()
    return out


def leftovers(*folders: Path) -> list[str]:
    return [
        p.name
        for d in folders
        for p in d.rglob("*")
        if p.name.endswith((".part", ".part.json", ".bowebb-part"))
    ]


@pytest.mark.parametrize(
    "size",
    [0, 1, 1000, 128 * 1024 + 1, 255 * 1024 + 1, 200 * MiB],
    ids=["empty", "1B", "small", "write+1", "read+1", "200MB"],
)
def test_round_trip(conn: SftpConnection, tmp_path: Path, size: int) -> None:
    out, remote, back = dirs(tmp_path)
    src = out / "fil.bin"
    expected = write_random(src, size)
    eng, records = engine(conn)
    progress: list[tuple[int, int]] = []
    up = eng.upload_file(src, str(remote), progress=lambda d, t: progress.append((d, t)))
    down = eng.download_file(str(remote / "fil.bin"), back)
    assert records == [up, down]
    for r in records:
        assert (r.result, r.reason, r.error_kind) == ("ok", None, None)
        assert r.size == size and r.sha256 == expected and r.resumed_from is None
        assert r.host_key_fingerprint == conn.host_key.fingerprint.replace("", "")
        assert r.remote_path == str(remote / "fil.bin") and r.local_name == "fil.bin"
        assert r.bytes_transferred == size and r.duration_s >= 0
    assert (up.direction, down.direction) == ("upload", "download")
    assert sha256sum(remote / "fil.bin") == sha256sum(back / "fil.bin") == expected
    assert progress[-1] == (size, size)
    assert leftovers(remote, back) == []
    for f in (src, remote / "fil.bin", back / "fil.bin"):
        f.unlink()  # pytest keeps the last runs' tmp dirs: don't keep 600 MB in them


def test_unicode_folder_tree(conn: SftpConnection, tmp_path: Path) -> None:
    out, remote, back = dirs(tmp_path)
    assert conn.start_dir() == conn.sftp.normalize(".")
    root = out / "Kund Åäö"
    files = {
        "räkning.pdf": 5000,
        "tomt": 0,
        "Ünder/naïve ✓.txt": 70_000,
        "Ünder/djupt/日本語.bin": 300_000,
        "tom mapp/.keep": 1,
    }
    hashes = {}
    for rel, size in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        hashes[rel] = write_random(root / rel, size)
    (root / "länk").symlink_to(root / "räkning.pdf")  # local symlinks are not followed
    (root / "trasig").symlink_to(root / "finns-inte")  # a dangling one stops nothing
    eng, records = engine(conn)
    up = eng.upload_tree(root, str(remote))
    links = [r for r in up if r.result != "ok"]  # ... and are recorded (issue 16, item 5)
    assert sorted((r.local_name, r.error_kind) for r in links) == [
        ("länk", "name_refused"),
        ("trasig", "name_refused"),
    ]
    assert all("symbolic link" in str(r.reason) for r in links)
    up = [r for r in up if r.result == "ok"]
    assert len(up) == len(files)
    (remote / "Kund Åäö" / "fjärrlänk").symlink_to("/etc/passwd")  # nor remote ones
    down = eng.download_tree(str(remote / "Kund Åäö"), back)
    ok = [r for r in down if r.result == "ok"]
    assert len(ok) == len(files)
    refused = [r for r in down if r.result != "ok"]
    assert [(r.error_kind, r.remote_path.endswith("fjärrlänk")) for r in refused] == [
        ("name_refused", True)
    ]
    for rel in files:
        assert sha256sum(back / "Kund Åäö" / rel) == hashes[rel]
    assert {r.sha256 for r in ok} == set(hashes.values())
    assert not (back / "Kund Åäö" / "fjärrlänk").exists()
    assert not (remote / "Kund Åäö" / "länk").exists()
    assert len(records) == len(up + links + down) and set(records) == set(up + links + down)


def test_existing_local_file_is_not_overwritten(conn: SftpConnection, tmp_path: Path) -> None:
    out, remote, back = dirs(tmp_path)
    write_random(remote / "a.txt", 100)
    (back / "a.txt").write_bytes(b"mine")
    eng, _ = engine(conn)
    r = eng.download_file(str(remote / "a.txt"), back)
    assert (r.result, r.error_kind) == ("failed", "exists")
    assert r.error_params == (("name", "a.txt"),)  # for a translated reason
    assert (back / "a.txt").read_bytes() == b"mine" and leftovers(back) == []
    (out / "a.txt").write_bytes(b"other")
    r = eng.upload_file(out / "a.txt", str(remote))
    assert (r.result, r.error_kind) == ("failed", "exists")
    r = eng.download_file(str(remote / "a.txt"), back, overwrite=True)
    assert r.result == "ok" and (back / "a.txt").read_bytes() == (remote / "a.txt").read_bytes()
    r = eng.upload_file(out / "a.txt", str(remote), overwrite=True)
    assert r.result == "ok" and (remote / "a.txt").read_bytes() == b"other"
    # A real file that happens to be called "a.txt.part" is not our temporary file.
    (back / "a.txt").unlink()
    (back / "a.txt.part").write_bytes(b"keep me")
    r = eng.download_file(str(remote / "a.txt"), back)
    assert (r.result, r.error_kind) == ("failed", "exists")
    assert (back / "a.txt.part").read_bytes() == b"keep me"


def test_cancel_one_and_all(conn: SftpConnection, tmp_path: Path) -> None:
    out, remote, back = dirs(tmp_path)
    for name in ("a", "b", "c"):
        write_random(remote / name, 8 * MiB)
    eng, records = engine(conn)
    jobs = [FileJob("download", str(remote / n), back, 8 * MiB) for n in ("a", "b", "c")]
    seen: list[Progress] = []
    queue = TransferQueue(eng, seen.append)

    def on_progress(p: Progress) -> None:
        seen.append(p)
        if p.file_index == 0 and p.file_done > MiB:
            jobs[0].cancel.set()  # cancel this file only
        if p.file_index == 1 and p.file_done > MiB:
            queue.cancel_all.set()

    queue.on_progress = on_progress
    result = queue.run(jobs)
    assert [r.result for r in result] == ["cancelled", "cancelled", "cancelled"]
    assert result == records
    assert list(back.iterdir()) == []  # no partial file under any name
    assert seen[-1].total_bytes == 24 * MiB and seen[0].file_count == 3
    # Uploads cancel too, and leave no temporary file behind.
    cancel = threading.Event()
    write_random(out / "u", 8 * MiB)
    r = eng.upload_file(out / "u", str(back), progress=lambda d, t: cancel.set(), cancel=cancel)
    assert r.result == "cancelled" and list(back.iterdir()) == []


def test_server_killed_mid_download_then_resume(own_sshd: Sshd, tmp_path: Path) -> None:
    _out, remote, back = dirs(tmp_path)
    expected = write_random(remote / "stor.bin", 64 * MiB)
    c = open_conn(own_sshd)
    eng, _ = engine(c)

    def kill_at_half(done: int, total: int) -> None:
        if done > total // 3:
            own_sshd.kill_sessions()

    r = eng.download_file(str(remote / "stor.bin"), back, progress=kill_at_half)
    c.close()
    assert r.result == "failed" and r.error_kind == "connection_lost", r
    assert r.sha256 is None
    assert not (back / "stor.bin").exists()
    part = back / "stor.bin.part"
    assert 0 < part.stat().st_size < 64 * MiB
    c = open_conn(own_sshd)
    eng, _records = engine(c)
    r = eng.download_file(str(remote / "stor.bin"), back)
    c.close()
    assert r.result == "ok" and r.resumed_from and r.resumed_from > 0
    assert r.bytes_transferred == 64 * MiB - r.resumed_from
    assert r.sha256 == expected == sha256sum(back / "stor.bin")
    assert leftovers(back) == []


def test_changed_remote_file_is_not_resumed(own_sshd: Sshd, tmp_path: Path) -> None:
    _out, remote, back = dirs(tmp_path)
    write_random(remote / "f.bin", 32 * MiB)
    c = open_conn(own_sshd)
    eng, _ = engine(c)
    r = eng.download_file(
        str(remote / "f.bin"), back, progress=lambda d, t: d > t // 3 and own_sshd.kill_sessions()
    )
    c.close()
    assert r.result == "failed"
    expected = write_random(remote / "f.bin", 32 * MiB)  # new content, new mtime
    os.utime(remote / "f.bin", (1, 1))
    with open_conn(own_sshd) as c:
        r = engine(c)[0].download_file(str(remote / "f.bin"), back)
    assert r.result == "ok" and r.resumed_from is None and r.sha256 == expected


def test_server_killed_mid_upload_then_resume(own_sshd: Sshd, tmp_path: Path) -> None:
    out, remote, _back = dirs(tmp_path)
    expected = write_random(out / "upp.bin", 64 * MiB)
    c = open_conn(own_sshd)
    eng, _ = engine(c)
    r = eng.upload_file(
        out / "upp.bin", str(remote), progress=lambda d, t: d > t // 3 and own_sshd.kill_sessions()
    )
    c.close()
    assert r.result == "failed" and r.error_kind == "connection_lost", r
    assert not (remote / "upp.bin").exists()
    assert len(leftovers(remote)) == 1
    with open_conn(own_sshd) as c:
        r = engine(c)[0].upload_file(out / "upp.bin", str(remote))
    assert r.result == "ok" and r.resumed_from and r.sha256 == expected
    assert sha256sum(remote / "upp.bin") == expected and leftovers(remote) == []


_DISK_FULL_CHILD = """
import json, resource, signal, sys
sys.path.insert(0, sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG, as on a full disk, not a kill
from bowebb_console.sftp.connection import ConnectionProfile, connect
from bowebb_console.sftp.hostkeys import PinnedKey
from bowebb_console.sftp.engine import TransferEngine
port, key, ktype, fp, remote, local = sys.argv[2:8]
conn = connect(ConnectionProfile("127.0.0.1", int(port), "root", "key", key),
               secret=lambda: None, pinned=[PinnedKey("127.0.0.1", int(port), ktype, fp)])
resource.setrlimit(resource.RLIMIT_FSIZE, (2 * 1024 * 1024, 2 * 1024 * 1024))
r = TransferEngine.for_connection(conn, lambda r: None).download_file(remote, local)
print(json.dumps({"result": r.result, "kind": r.error_kind, "reason": r.reason}))
"""


def test_local_disk_full(sshd: Sshd, tmp_path: Path) -> None:
    _out, remote, back = dirs(tmp_path)
    write_random(remote / "big.bin", 8 * MiB)
    pin = pinned_for(sshd)[0]
    root = str(Path(__file__).resolve().parents[2])
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            _DISK_FULL_CHILD,
            root,
            str(sshd.port),
            str(sshd.client_key),
            pin.key_type,
            pin.fingerprint,
            str(remote / "big.bin"),
            str(back),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["result"] == "failed" and got["kind"] == "disk_full", got
    assert list(back.iterdir()) == []


def test_remote_permission_denied(own_sshd: Sshd, tmp_path: Path) -> None:
    out, remote, back = dirs(tmp_path)
    write_random(out / "a.bin", 1000)
    write_random(remote / "b.bin", 1000)
    own_sshd.restart(sftp_flags="-R")  # read-only SFTP: every write is refused as EACCES
    with open_conn(own_sshd) as c:
        eng, _ = engine(c)
        r = eng.upload_file(out / "a.bin", str(remote))
        assert (r.result, r.error_kind) == ("failed", "permission_denied"), r
        assert list(remote.iterdir()) == [remote / "b.bin"]
        assert eng.download_file(str(remote / "b.bin"), back).result == "ok"


def test_host_key_changed_is_refused(own_sshd: Sshd, tmp_path: Path) -> None:
    pinned = pinned_for(own_sshd)
    with open_conn(own_sshd):
        pass
    own_sshd.restart(host_key=own_sshd.other_host_key)
    with pytest.raises(SftpError) as info:
        connect(profile_for(own_sshd), secret=lambda: None, pinned=pinned, timeout=10)
    new_fp = pinned_for(own_sshd, own_sshd.other_host_key)[0].fingerprint
    assert info.value.kind == "host_key_changed" and info.value.code == "sftp.host_key_changed"
    assert pinned[0].fingerprint in info.value.message and new_fp in info.value.message
    assert info.value.params["old_fingerprint"] == pinned[0].fingerprint
    assert info.value.params["new_fingerprint"] == new_fp
    assert info.value.params["server"] == f"127.0.0.1:{own_sshd.port}"
    # First contact: unknown, with the fingerprint exactly as ssh-keygen prints it.
    with pytest.raises(SftpError) as info:
        connect(profile_for(own_sshd), secret=lambda: None, pinned=[], timeout=10)
    keygen = subprocess.run(
        ["ssh-keygen", "-lf", f"{own_sshd.other_host_key}.pub"], capture_output=True, text=True
    ).stdout.split()[1]
    assert info.value.kind == "host_key_unknown" and info.value.offered is not None
    assert info.value.offered.fingerprint == keygen and keygen in info.value.message


def test_connection_errors_name_the_cause(tmp_path: Path, sshd: Sshd) -> None:
    import socket

    from tests.conftest import free_port

    def kind(host: str, port: int, timeout: float = 5) -> str:
        profile = profile_for(sshd)
        profile = type(profile)(host, port, profile.username, "key", profile.key_path)
        with pytest.raises(SftpError) as info:
            connect(profile, secret=lambda: None, pinned=pinned_for(sshd), timeout=timeout)
        return info.value.kind

    assert kind("no-such-host.invalid", 22) == "dns"
    assert kind("127.0.0.1", free_port()) == "refused"
    with socket.socket() as silent:  # accepts, never speaks SSH
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        assert kind("127.0.0.1", silent.getsockname()[1], timeout=0.5) == "timeout"
    # Wrong key: the server refuses the login.
    other = tmp_path / "other"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(other)], check=True)
    with pytest.raises(SftpError) as info:
        connect(profile_for(sshd, other), secret=lambda: None, pinned=pinned_for(sshd))
    assert info.value.kind == "auth_failed"


def test_hash_covers_every_byte(conn: SftpConnection, tmp_path: Path) -> None:
    _out, remote, back = dirs(tmp_path)
    data = os.urandom(3 * MiB + 17)
    (remote / "x").write_bytes(data)
    eng, _ = engine(conn)
    r = eng.download_file(str(remote / "x"), back)
    assert r.sha256 == hashlib.sha256(data).hexdigest()


@pytest.fixture
def tiny_tmpfs(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 2 MiB tmpfs, if this machine lets us mount one (root, not in a locked container)."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], capture_output=True
    )
    if proc.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mnt
    subprocess.run(["umount", str(mnt)], check=True)


def test_remote_disk_full(conn: SftpConnection, tmp_path: Path, tiny_tmpfs: Path) -> None:
    out, _, _ = dirs(tmp_path)
    write_random(out / "big.bin", 8 * MiB)
    eng, _ = engine(conn)
    r = eng.upload_file(out / "big.bin", str(tiny_tmpfs))
    assert (r.result, r.error_kind, r.sha256) == ("failed", "quota", None), r
    assert "full" in (r.reason or "")
    assert list(tiny_tmpfs.iterdir()) == []  # neither the final name nor the temporary one


def test_resume_trusts_only_durable_bytes(conn: SftpConnection, tmp_path: Path) -> None:
    """After a power cut the tail of a .part may be garbage: resume keeps only what the
    sidecar says was fsynced."""
    _, remote, back = dirs(tmp_path)
    expected = write_random(remote / "r.bin", 8 * MiB)
    data = (remote / "r.bin").read_bytes()
    st = (remote / "r.bin").stat()
    meta = {"remote_path": str(remote / "r.bin"), "size": st.st_size, "mtime": int(st.st_mtime)}
    eng, _ = engine(conn)
    for durable, resumed in ((3 * MiB, 3 * MiB), (None, None)):
        (back / "r.bin.part").write_bytes(data[: 3 * MiB] + b"\0" * MiB)  # garbage tail
        sidecar = {**meta, "durable": durable} if durable is not None else meta
        (back / "r.bin.part.json").write_text(json.dumps(sidecar))
        r = eng.download_file(str(remote / "r.bin"), back)
        assert (r.result, r.resumed_from, r.sha256) == ("ok", resumed, expected), r
        assert sha256sum(back / "r.bin") == expected and leftovers(back) == []
        (back / "r.bin").unlink()


def test_silent_network_times_out_then_resumes(own_sshd: Sshd, tmp_path: Path) -> None:
    import signal

    from bowebb_console.sftp.connection import Tuning

    _, remote, back = dirs(tmp_path)
    expected = write_random(remote / "tyst.bin", 48 * MiB)
    c = open_conn(own_sshd, tuning=Tuning(stall_timeout=1.0))
    eng, _ = engine(c)
    frozen: list[bool] = []

    def freeze(done: int, total: int) -> None:
        if done > total // 3 and not frozen:
            frozen.append(True)
            own_sshd.signal_sessions(signal.SIGSTOP)

    try:
        r = eng.download_file(str(remote / "tyst.bin"), back, progress=freeze)
    finally:
        own_sshd.signal_sessions(signal.SIGCONT)
        own_sshd.kill_sessions()
        c.close()
    assert (r.result, r.error_kind) == ("failed", "timeout"), r
    assert not (back / "tyst.bin").exists()
    with open_conn(own_sshd) as c:
        r = engine(c)[0].download_file(str(remote / "tyst.bin"), back)
    assert r.result == "ok" and r.resumed_from and r.sha256 == expected
