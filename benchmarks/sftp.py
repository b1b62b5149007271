"""SFTP throughput: the engine (SHA-256 included) against OpenSSH's own `sftp -b`, same file,
same run, same cipher, on a private loopback sshd (the tests' fixture, on a free port).

From the root of a checkout, with the project installed in .venv (README.md, "Set-up"):

    .venv/bin/python -m benchmarks.sftp [--size-mib 1024] [--runs 5] [--only up|down]

Needs what tests/sftp/ needs: OpenSSH's sshd at /usr/sbin/sshd, and ssh-keygen and sftp on
the PATH. ``--help`` lists the tuning knobs (request sizes, pipeline depths, hashing thread).
Prints MB/s per run, the median, the ratio engine/OpenSSH per direction and cipher, the slowest
run against the median, and the engine's peak memory growth. Not a test: numbers go to
docs/performance.md ("SFTP").
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bowebb_console.sftp.connection import SftpConnection, SftpError, Tuning, connect
from bowebb_console.sftp.engine import TransferEngine
from bowebb_console.sftp.queue import TransferRecord
from tests.sftp.conftest import Sshd, pinned_for, profile_for

CIPHERS = ("aes128-gcm@openssh.com", "chacha20-poly1305@openssh.com")


def rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def reset_peak() -> None:
    with contextlib.suppress(OSError):  # resets VmHWM to the current RSS (Linux)
        Path("/proc/self/clear_refs").write_text("5")


def children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def openssh(server: Sshd, cipher: str, batch: str) -> float:
    cmd = [
        "sftp",
        "-q",
        "-b",
        "-",
        "-c",
        cipher,
        "-i",
        str(server.client_key),
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        "-P",
        str(server.port),
        f"{server.user}@127.0.0.1",
    ]
    t0 = time.perf_counter()
    subprocess.run(cmd, input=batch, text=True, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.sftp")
    ap.add_argument("--size-mib", type=int, default=1024)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", choices=["up", "down"], default=None)
    ap.add_argument("--no-openssh", action="store_true")
    ap.add_argument("--read-depth", type=int, default=Tuning.read_depth)
    ap.add_argument("--read-request", type=int, default=Tuning.read_request)
    ap.add_argument("--write-depth", type=int, default=Tuning.write_depth)
    ap.add_argument("--write-request", type=int, default=Tuning.write_request)
    ap.add_argument("--inline-hash", action="store_true", help="downloads: hash inline")
    ap.add_argument("--hash-thread", action="store_true", help="downloads: hash in a thread")
    ap.add_argument("--read-batch", type=int, default=Tuning.read_batch)
    ap.add_argument("--no-reply-sink", action="store_true", help="downloads: no ReplySink")
    ap.add_argument("--no-drive", action="store_true", help="downloads: transport thread reads")
    ap.add_argument("--upload-hash-thread", action="store_true", help="uploads: hash in a thread")
    ap.add_argument("--upload-channels", type=int, default=Tuning.upload_channels)
    ap.add_argument("--no-bulk-send", action="store_true", help="uploads: paramiko's send path")
    ap.add_argument("--no-nodelay", action="store_true", help="leave Nagle's algorithm on")
    return ap.parse_args()


def tuning_for(args: argparse.Namespace, cipher: str) -> Tuning:
    return Tuning(
        ciphers=(cipher,),
        read_depth=args.read_depth,
        read_request=args.read_request,
        write_depth=args.write_depth,
        write_request=args.write_request,
        hash_in_thread=(
            True if args.hash_thread else False if args.inline_hash else Tuning.hash_in_thread
        ),
        read_batch=args.read_batch,
        reply_sink=not args.no_reply_sink,
        drive_receive=not args.no_drive,
        upload_hash_in_thread=args.upload_hash_thread,
        upload_channels=args.upload_channels,
        bulk_send=not args.no_bulk_send,
        tcp_nodelay=not args.no_nodelay,
    )


@dataclass
class Files:
    src: Path
    remote: Path
    back: Path
    size: int

    @property
    def mb(self) -> float:
        return self.size / 1e6


def make_files(root: Path, size_mib: int) -> Files:
    data = root / "data"
    for d in ("src", "remote", "back"):
        (data / d).mkdir(parents=True)
    src = data / "src" / "blob.bin"
    size = size_mib * 1024 * 1024
    with src.open("wb") as f:
        for _ in range(size_mib // 8 or 1):
            f.write(os.urandom(min(size, 8 * 1024 * 1024)))
    return Files(src, data / "remote" / "blob.bin", data / "back" / "blob.bin", src.stat().st_size)


@dataclass
class Runs:
    ours: list[float] = field(default_factory=list)  # MB/s
    theirs: list[float] = field(default_factory=list)
    our_cpu: list[float] = field(default_factory=list)  # seconds
    their_cpu: list[float] = field(default_factory=list)
    peak_mib: float = 0.0


def run_openssh(server: Sshd, cipher: str, direction: str, files: Files, runs: Runs) -> None:
    if direction == "up":
        files.remote.unlink(missing_ok=True)
    files.back.unlink(missing_ok=True)
    batch = (
        f"put {files.src} {files.remote}\n"
        if direction == "up"
        else f"get {files.remote} {files.back}\n"
    )
    c0 = children_cpu()
    runs.theirs.append(files.mb / openssh(server, cipher, batch))
    runs.their_cpu.append(children_cpu() - c0)


def run_engine(conn: SftpConnection, direction: str, files: Files, runs: Runs) -> None:
    if direction == "up":
        files.remote.unlink(missing_ok=True)
    files.back.unlink(missing_ok=True)
    records: list[TransferRecord] = []
    eng = TransferEngine.for_connection(conn, records.append)
    base = rss_kib("VmRSS")
    reset_peak()
    c0 = time.process_time()
    t0 = time.perf_counter()
    if direction == "up":
        r = eng.upload_file(files.src, str(files.remote.parent))
    else:
        r = eng.download_file(str(files.remote), files.back.parent)
    elapsed = time.perf_counter() - t0
    runs.our_cpu.append(time.process_time() - c0)
    assert r.result == "ok", r
    runs.peak_mib = max(runs.peak_mib, (rss_kib("VmHWM") - base) / 1024)
    runs.ours.append(files.mb / elapsed)


def report(cipher: str, direction: str, runs: Runs, size: int) -> float | None:
    """Print one direction's line; returns the engine/OpenSSH ratio when both ran."""
    ratio = None
    line = f"{cipher:32} {direction:4}"
    if runs.theirs:
        line += f" openssh median {statistics.median(runs.theirs):7.1f} MB/s"
    if runs.ours:
        med = statistics.median(runs.ours)
        line += (
            f" | engine median {med:7.1f} MB/s (runs "
            + ", ".join(f"{x:.0f}" for x in runs.ours)
            + f"), slowest/median {min(runs.ours) / med:.2f}, peak +{runs.peak_mib:.0f} MiB"
        )
        if runs.theirs:
            ratio = med / statistics.median(runs.theirs)
            line += f", ratio {ratio:.2f}"
    gib = size / 2**30
    if runs.their_cpu:
        cpu = statistics.median(runs.their_cpu) / gib
        line += f"\n{'':37} client CPU s/GiB: openssh {cpu:.2f}"
    if runs.our_cpu:
        line += f", engine {statistics.median(runs.our_cpu) / gib:.2f}"
    print(line, flush=True)
    return ratio


def bench_cipher(
    args: argparse.Namespace, server: Sshd, cipher: str, files: Files
) -> list[tuple[str, str, float]]:
    try:
        conn: SftpConnection | None = connect(
            profile_for(server),
            secret=lambda: None,
            pinned=pinned_for(server),
            tuning=tuning_for(args, cipher),
        )
    except SftpError as exc:
        print(f"{cipher}: engine cannot use it ({exc.message}); OpenSSH only")
        conn = None
    summary = []
    for direction in ("up", "down"):
        if args.only and direction != args.only:
            continue
        runs = Runs()
        for _ in range(args.runs):
            if direction == "down" and not files.remote.exists():
                shutil.copyfile(files.src, files.remote)
            if not args.no_openssh:
                run_openssh(server, cipher, direction, files, runs)
            if conn is not None:
                run_engine(conn, direction, files, runs)
        ratio = report(cipher, direction, runs, files.size)
        if ratio is not None:
            summary.append((cipher, direction, ratio))
    if conn is not None:
        print(f"  negotiated: {conn.cipher}")
        conn.close()
    return summary


def main() -> int:
    args = parse_args()
    root = Path(tempfile.mkdtemp(prefix="bowebb-bench-"))
    server = Sshd(root)
    server.start()
    try:
        files = make_files(root, args.size_mib)
        print(f"file {files.size} bytes, sshd {server.port}, {os.cpu_count()} CPUs")
        summary = []
        for cipher in CIPHERS:
            summary += bench_cipher(args, server, cipher, files)
        for cipher, direction, ratio in summary:
            floor = 0.85 if direction == "up" else 0.6
            verdict = "meets" if ratio >= floor else "BELOW"
            print(f"{cipher} {direction}: {ratio:.2f}x OpenSSH ({verdict} floor {floor})")
        return 0
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
