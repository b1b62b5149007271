"""SFTP over a slow path: the engine against OpenSSH's `sftp -b` through benchmarks.delay_proxy
(each chunk delayed RTT/2 each way, no bandwidth cap), same key, same private sshd (the tests'
fixture, as benchmarks.sftp starts it), same cipher, one run each, in one process.

From the root of a checkout, with the project installed in .venv (README.md, "Set-up"):

    .venv/bin/python -m benchmarks.sftp_latency [--rtt-ms 20] [--files 200] [--file-kib 32]
        [--big-mib 64] [--runs 1] [--cipher aes128-gcm@openssh.com]

Works: a folder of ``--files`` x ``--file-kib`` up and down, one ``--big-mib`` file up and
down. Both times include connecting. The engine runs as the Transfers screen runs it: plan the
folder (engine.plan_*), then the queue (queue.TransferQueue). Prints seconds per side and the
ratio OpenSSH time / engine time (above 1: the engine is faster), and the engine's peak memory
above its resident size before the run (Linux). With ``--runs`` above 1: medians. Not a test:
numbers go to docs/performance.md ("SFTP over a slow path").
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.sftp import reset_peak, rss_kib
from bowebb_console.sftp.connection import ConnectionProfile, Tuning, connect
from bowebb_console.sftp.engine import TransferEngine
from bowebb_console.sftp.queue import FileJob, TransferQueue, TransferRecord
from tests.conftest import free_port
from tests.sftp.conftest import Sshd, pinned_for


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.sftp_latency")
    ap.add_argument("--rtt-ms", type=float, default=20.0)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--file-kib", type=int, default=32)
    ap.add_argument("--big-mib", type=int, default=64)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--cipher", default="aes128-gcm@openssh.com")
    ap.add_argument("--upload-channels", type=int, default=Tuning.upload_channels)
    ap.add_argument("--no-bulk-send", action="store_true", help="uploads: paramiko's send path")
    ap.add_argument(
        "--only", default="", help="comma-separated: folder-up,folder-down,big-up,big-down"
    )
    return ap.parse_args()


def start_proxy(port: int, rtt_ms: float) -> tuple[subprocess.Popen[str], int]:
    listen = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.delay_proxy", "--listen", str(listen),
         "--to", f"127.0.0.1:{port}", "--rtt-ms", str(rtt_ms)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc, listen


def openssh(server: Sshd, port: int, cipher: str, batch: str) -> float:
    cmd = [
        "sftp", "-q", "-b", "-", "-c", cipher, "-i", str(server.client_key),
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
        "-o", "LogLevel=ERROR", "-P", str(port), f"{server.user}@127.0.0.1",
    ]  # fmt: skip
    t0 = time.perf_counter()
    subprocess.run(cmd, input=batch, text=True, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


PEAK: list[float] = []  # MiB above the RSS before each engine run
TUNING: dict[str, object] = {}  # from the command line


def engine_run(server: Sshd, port: int, cipher: str, work: str, src: Path, dst: Path) -> float:
    """Connect through the proxy, plan, run the queue; every file must end "ok"."""
    base = rss_kib("VmRSS")
    reset_peak()
    t0 = time.perf_counter()
    conn = connect(
        ConnectionProfile("127.0.0.1", port, server.user, "key", str(server.client_key)),
        secret=lambda: None,
        pinned=[p.__class__("127.0.0.1", port, p.key_type, p.fingerprint)
                for p in pinned_for(server)],
        tuning=Tuning(ciphers=(cipher,), **TUNING),
    )  # fmt: skip
    try:
        records: list[TransferRecord] = []
        eng = TransferEngine.for_connection(conn, records.append)
        if work == "folder-up":
            plan = eng.plan_upload(src, str(dst))
        elif work == "folder-down":
            plan = eng.plan_download(str(src), dst)
        elif work == "big-up":
            plan = eng.plan_upload(src, str(dst))
        else:
            plan = [FileJob("download", str(src), dst, src.stat().st_size)]
        jobs = [j for j in plan if isinstance(j, FileJob)]
        TransferQueue(eng, lambda p: None).run(jobs)
    finally:
        conn.close()
    elapsed = time.perf_counter() - t0
    PEAK.append((rss_kib("VmHWM") - base) / 1024)
    bad = [r for r in records if r.result != "ok"]
    assert not bad and len(records) == len(jobs), bad[:3]
    return elapsed


def main() -> int:
    args = parse_args()
    TUNING.update(upload_channels=args.upload_channels, bulk_send=not args.no_bulk_send)
    root = Path(tempfile.mkdtemp(prefix="bowebb-latency-"))
    server = Sshd(root)
    server.start()
    proxy, port = start_proxy(server.port, args.rtt_ms)
    try:
        folder = root / "src" / "mapp"
        folder.mkdir(parents=True)
        for i in range(args.files):
            (folder / f"fil-{i:04d}.bin").write_bytes(os.urandom(args.file_kib * 1024))
        big = root / "src" / "stor.bin"
        with big.open("wb") as f:
            for _ in range(args.big_mib):
                f.write(os.urandom(1024 * 1024))
        remote, back = root / "remote", root / "back"
        print(
            f"RTT {args.rtt_ms:g} ms through benchmarks.delay_proxy, cipher {args.cipher}, "
            f"{os.cpu_count()} CPUs, one run = connect + transfer"
        )
        print(f"{'work':44} {'OpenSSH s':>10} {'engine s':>10} {'ratio':>7} {'peak':>9}")
        works = [
            ("folder-up", f"{args.files} files x {args.file_kib} KiB, folder upload"),
            ("folder-down", f"{args.files} files x {args.file_kib} KiB, folder download"),
            ("big-up", f"{args.big_mib} MiB file upload"),
            ("big-down", f"{args.big_mib} MiB file download"),
        ]
        only = set(filter(None, args.only.split(",")))
        for work, label in works:
            if only and work not in only:
                continue
            theirs, ours = [], []
            PEAK.clear()
            for _ in range(args.runs):
                for d in (remote, back):
                    shutil.rmtree(d, ignore_errors=True)
                    d.mkdir()
                if work.endswith("down"):  # the server's copy, in place before either runs
                    if work == "folder-down":
                        shutil.copytree(folder, remote / "mapp")
                    else:
                        shutil.copyfile(big, remote / "stor.bin")
                if work == "folder-up":
                    batch, src, dst = f"put -r {folder} {remote}/mapp\n", folder, remote
                elif work == "folder-down":
                    batch = f"get -r {remote}/mapp {back}/mapp\n"
                    src, dst = remote / "mapp", back
                elif work == "big-up":
                    batch, src, dst = f"put {big} {remote}/stor.bin\n", big, remote
                else:
                    batch = f"get {remote}/stor.bin {back}/stor.bin\n"
                    src, dst = remote / "stor.bin", back
                theirs.append(openssh(server, port, args.cipher, batch))
                for d in (remote, back) if work.endswith("up") else (back,):
                    shutil.rmtree(d, ignore_errors=True)
                    d.mkdir()
                ours.append(engine_run(server, port, args.cipher, work, src, dst))
            t, o = statistics.median(theirs), statistics.median(ours)
            peak = max(PEAK)
            print(f"{label:44} {t:10.2f} {o:10.2f} {t / o:6.2f}x {peak:+6.0f} MiB", flush=True)
        return 0
    finally:
        proxy.terminate()
        proxy.wait(5)
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
