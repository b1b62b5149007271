"""SFTP throughput: the engine (SHA-256 included) against OpenSSH's own `sftp -b`, same file,
same run, same cipher, on a private loopback sshd.

    cd /work/wt-sftp && PYTHONPATH=. /work/venv/bin/python benchmarks/sftp.py [--size-mib 1024]

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
from pathlib import Path

from bowebb_console.sftp.connection import SftpError, Tuning, connect
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mib", type=int, default=1024)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", choices=["up", "down"], default=None)
    ap.add_argument("--no-openssh", action="store_true")
    ap.add_argument("--read-depth", type=int, default=Tuning.read_depth)
    ap.add_argument("--read-request", type=int, default=Tuning.read_request)
    ap.add_argument("--write-depth", type=int, default=Tuning.write_depth)
    ap.add_argument("--write-request", type=int, default=Tuning.write_request)
    ap.add_argument("--inline-hash", action="store_true", help="downloads: hash inline")
    ap.add_argument("--upload-hash-thread", action="store_true", help="uploads: hash in a thread")
    args = ap.parse_args()
    tuning_kw = dict(
        read_depth=args.read_depth,
        read_request=args.read_request,
        write_depth=args.write_depth,
        write_request=args.write_request,
        hash_in_thread=not args.inline_hash,
        upload_hash_in_thread=args.upload_hash_thread,
    )
    root = Path(tempfile.mkdtemp(prefix="bowebb-bench-"))
    server = Sshd(root)
    server.start()
    try:
        data = root / "data"
        for d in ("src", "remote", "back"):
            (data / d).mkdir(parents=True)
        src = data / "src" / "blob.bin"
        size = args.size_mib * 1024 * 1024
        with src.open("wb") as f:
            for _ in range(args.size_mib // 8 or 1):
                f.write(os.urandom(min(size, 8 * 1024 * 1024)))
        size = src.stat().st_size
        mb = size / 1e6
        print(f"file {size} bytes, sshd {server.port}, {os.cpu_count()} CPUs")
        remote = data / "remote" / "blob.bin"
        back = data / "back" / "blob.bin"
        summary = []
        for cipher in CIPHERS:
            tuning = Tuning(ciphers=(cipher,), **tuning_kw)  # type: ignore[arg-type]
            try:
                conn = connect(
                    profile_for(server),
                    secret=lambda: None,
                    pinned=pinned_for(server),
                    tuning=tuning,
                )
            except SftpError as exc:
                print(f"{cipher}: engine cannot use it ({exc.message}); OpenSSH only")
                conn = None
            for direction in ("up", "down"):
                if args.only and direction != args.only:
                    continue
                ours: list[float] = []
                theirs: list[float] = []
                our_cpu: list[float] = []
                their_cpu: list[float] = []
                peak_mib = 0.0
                for _ in range(args.runs):
                    if direction == "down" and not remote.exists():
                        shutil.copyfile(src, remote)
                    if not args.no_openssh:
                        remote.unlink(missing_ok=True) if direction == "up" else None
                        back.unlink(missing_ok=True)
                        batch = (
                            f"put {src} {remote}\n"
                            if direction == "up"
                            else f"get {remote} {back}\n"
                        )
                        c0 = children_cpu()
                        theirs.append(mb / openssh(server, cipher, batch))
                        their_cpu.append(children_cpu() - c0)
                    if conn is None:
                        continue
                    if direction == "up":
                        remote.unlink(missing_ok=True)
                    back.unlink(missing_ok=True)
                    records: list[TransferRecord] = []
                    eng = TransferEngine.for_connection(conn, records.append)
                    base = rss_kib("VmRSS")
                    reset_peak()
                    c0 = time.process_time()
                    t0 = time.perf_counter()
                    if direction == "up":
                        r = eng.upload_file(src, str(remote.parent))
                    else:
                        r = eng.download_file(str(remote), back.parent)
                    elapsed = time.perf_counter() - t0
                    our_cpu.append(time.process_time() - c0)
                    assert r.result == "ok", r
                    peak_mib = max(peak_mib, (rss_kib("VmHWM") - base) / 1024)
                    ours.append(mb / elapsed)
                line = f"{cipher:32} {direction:4}"
                if theirs:
                    line += f" openssh median {statistics.median(theirs):7.1f} MB/s"
                if ours:
                    med = statistics.median(ours)
                    line += (
                        f" | engine median {med:7.1f} MB/s (runs "
                        + ", ".join(f"{x:.0f}" for x in ours)
                        + f"), slowest/median {min(ours) / med:.2f}, peak +{peak_mib:.0f} MiB"
                    )
                    if theirs:
                        ratio = med / statistics.median(theirs)
                        line += f", ratio {ratio:.2f}"
                        summary.append((cipher, direction, ratio))
                gib = size / 2**30
                if their_cpu:
                    cpu = statistics.median(their_cpu) / gib
                    line += f"\n{'':37} client CPU s/GiB: openssh {cpu:.2f}"
                if our_cpu:
                    line += f", engine {statistics.median(our_cpu) / gib:.2f}"
                print(line, flush=True)
            if conn is not None:
                print(f"  negotiated: {conn.cipher}")
                conn.close()
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
