"""Several small files at once on one channel (sftp/many.py through queue.TransferQueue),
against the real sshd: one record per file in the jobs' order with its SHA-256, per-file and
total progress, cancel stops everything in flight, a broken connection fails every file once."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from bowebb_console.sftp.connection import SftpConnection, Tuning
from bowebb_console.sftp.engine import TransferEngine
from bowebb_console.sftp.queue import FileJob, Progress, TransferQueue, TransferRecord
from tests.sftp.conftest import Sshd, open_conn, sha256sum

pytestmark = pytest.mark.sshd


def small_files(folder: Path, n: int, size: int = 3000) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for i in range(n):
        data = os.urandom(size + i)
        (folder / f"f{i:03d}.bin").write_bytes(data)
        out[f"f{i:03d}.bin"] = hashlib.sha256(data).hexdigest()
    return out


def upload_jobs(folder: Path, remote: Path) -> list[FileJob]:
    return [
        FileJob("upload", str(p), str(remote), p.stat().st_size) for p in sorted(folder.iterdir())
    ]


def test_many_files_each_one_record_in_order(conn: SftpConnection, tmp_path: Path) -> None:
    hashes = small_files(tmp_path / "src", 70)
    remote, back = tmp_path / "remote", tmp_path / "back"
    remote.mkdir()
    back.mkdir()
    records: list[TransferRecord] = []
    eng = TransferEngine.for_connection(conn, records.append)
    seen: list[Progress] = []
    jobs = upload_jobs(tmp_path / "src", remote)
    out = TransferQueue(eng, seen.append).run(jobs)
    assert out == records and [r.local_name for r in out] == sorted(hashes)
    assert all(r.result == "ok" and r.sha256 == hashes[r.local_name] for r in out)
    assert all(sha256sum(remote / n) == h for n, h in hashes.items())
    total = sum(j.size for j in jobs)
    assert {p.file_index for p in seen} == set(range(70))
    assert max(p.total_done for p in seen) == total and all(p.total_bytes == total for p in seen)
    assert not [p for p in remote.iterdir() if p.name.startswith(".")]  # no temporary left
    down = [FileJob("download", str(remote / n), back, 0) for n in sorted(hashes)]
    records.clear()
    out = TransferQueue(eng, lambda p: None).run(down)
    assert [(r.local_name, r.sha256) for r in out] == sorted(hashes.items())
    assert sorted(p.name for p in back.iterdir()) == sorted(hashes)


@pytest.mark.parametrize("direction", ["upload", "download"])
def test_cancel_stops_every_file_in_flight(
    conn: SftpConnection, tmp_path: Path, direction: str
) -> None:
    hashes = small_files(tmp_path / "src", 80)
    remote, back = tmp_path / "remote", tmp_path / "back"
    remote.mkdir()
    back.mkdir()
    eng = TransferEngine.for_connection(conn, lambda r: None)
    if direction == "download":
        TransferQueue(eng, lambda p: None).run(upload_jobs(tmp_path / "src", remote))
        jobs = [FileJob("download", str(remote / n), back, 0) for n in sorted(hashes)]
        landed = back
    else:
        jobs = upload_jobs(tmp_path / "src", remote)
        landed = remote
    queue = TransferQueue(eng, lambda p: None)

    def stop(p: Progress) -> None:
        queue.cancel_all.set()

    queue.on_progress = stop
    out = queue.run(jobs)
    assert len(out) == 80
    for r in out:
        there = (landed / r.local_name).exists()
        assert (r.result, there) in (("ok", True), ("cancelled", False)), r
    assert sum(r.result == "cancelled" for r in out) >= 80 - Tuning().files_in_flight
    assert sorted(p.name for p in landed.iterdir()) == sorted(
        r.local_name for r in out if r.result == "ok"
    )  # no temporary, part or sidecar left behind
    extra = tmp_path / "extra"
    extra.mkdir()
    again = eng.upload_file(tmp_path / "src" / "f000.bin", str(extra))  # the channel still works
    assert (again.result, again.sha256) == ("ok", hashes["f000.bin"])


def test_a_file_that_grew_past_the_small_limit_takes_the_one_file_path(
    sshd: Sshd, tmp_path: Path
) -> None:
    hashes = small_files(tmp_path / "remote", 5)
    big = os.urandom(200_000)
    (tmp_path / "remote" / "f002.bin").write_bytes(big)  # planned small, now big
    hashes["f002.bin"] = hashlib.sha256(big).hexdigest()
    back = tmp_path / "back"
    back.mkdir()
    c = open_conn(sshd, tuning=Tuning(small_file_max=64 * 1024))
    try:
        eng = TransferEngine.for_connection(c, lambda r: None)
        jobs = [FileJob("download", str(tmp_path / "remote" / n), back, 3000) for n in hashes]
        out = TransferQueue(eng, lambda p: None).run(jobs)
    finally:
        c.close()
    assert [(r.local_name, r.result, r.sha256) for r in out] == [
        (n, "ok", h) for n, h in hashes.items()
    ]


@pytest.mark.parametrize("direction", ["upload", "download"])
def test_a_broken_connection_fails_each_file_once(
    own_sshd: Sshd, tmp_path: Path, direction: str
) -> None:
    hashes = small_files(tmp_path / "src", 60)
    remote, back = tmp_path / "remote", tmp_path / "back"
    remote.mkdir()
    back.mkdir()
    if direction == "download":
        for name in hashes:
            (remote / name).write_bytes((tmp_path / "src" / name).read_bytes())
        jobs = [FileJob("download", str(remote / n), back, 0) for n in sorted(hashes)]
        landed = back
    else:
        jobs = upload_jobs(tmp_path / "src", remote)
        landed = remote
    c = open_conn(own_sshd)
    try:
        eng = TransferEngine.for_connection(c, lambda r: None)
        killed: list[bool] = []

        def kill(p: Progress) -> None:
            if not killed:
                killed.append(True)
                own_sshd.kill_sessions()

        out = TransferQueue(eng, kill).run(jobs)
    finally:
        c.close()
    assert len(out) == 60 and killed
    failed = [r for r in out if r.result != "ok"]
    assert failed and all(r.error_kind == "connection_lost" for r in failed)
    for r in out:  # a file is in place exactly when its record says ok, with its hash
        there = (landed / r.local_name).exists()
        assert there == (r.result == "ok"), r
        assert r.result != "ok" or r.sha256 == hashes[r.local_name]
    if direction == "download":
        assert not [p for p in back.iterdir() if p.name.endswith((".part", ".json"))]


def test_links_in_a_group_are_refused_never_followed(conn: SftpConnection, tmp_path: Path) -> None:
    hashes = small_files(tmp_path / "remote", 2)
    remote, back = tmp_path / "remote", tmp_path / "back"
    back.mkdir()
    (remote / "trasig").symlink_to(remote / "saknas")
    (remote / "pekar").symlink_to(remote / "f000.bin")
    names = ["f000.bin", "trasig", "pekar", "f001.bin"]
    jobs = [FileJob("download", str(remote / n), back, 10) for n in names]
    out = TransferQueue(TransferEngine.for_connection(conn, lambda r: None), lambda p: None).run(
        jobs
    )
    assert [(r.local_name, r.result, r.error_kind) for r in out] == [
        ("f000.bin", "ok", None),
        ("trasig", "failed", "name_refused"),
        ("pekar", "failed", "name_refused"),
        ("f001.bin", "ok", None),
    ]
    assert out[0].sha256 == hashes["f000.bin"]
    assert sorted(p.name for p in back.iterdir()) == ["f000.bin", "f001.bin"]
