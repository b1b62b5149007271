"""Where a download's client CPU goes, per thread (docs/performance.md, "SFTP", "Downloads past
paramiko's per-packet path"). Not a test.

    .venv/bin/python -m benchmarks.sftp_profile [--size-mib 256] [--runs 3] [--cprofile]

Starts the tests' sshd, downloads one random file with the engine ``--runs`` times and prints,
per run, MB/s, the process's CPU seconds per GiB and each live thread's (the main thread is the
SFTP reader, the other long-lived one paramiko's transport thread; the hash/write thread ends
with the file, so its share is the total minus the two). ``--cprofile`` also profiles the last
run of the reader, the transport thread and the hash/write thread (wall-clock times: on a busy
machine waits and preemption show up as time in C calls).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import paramiko

from benchmarks.sftp import make_files
from bowebb_console.sftp import wire
from bowebb_console.sftp.connection import Tuning, connect
from bowebb_console.sftp.engine import TransferEngine
from tests.sftp.conftest import Sshd, pinned_for, profile_for

PROFILES: dict[str, Any] = {}


def _profiled(name: str, run: Any) -> Any:
    def wrapper(self: Any) -> None:
        p = cProfile.Profile()
        PROFILES[name] = p
        p.enable()
        try:
            run(self)
        finally:
            p.disable()

    return wrapper


def thread_cpu() -> dict[str, float]:
    out = {}
    tick = os.sysconf("SC_CLK_TCK")
    for tid in os.listdir("/proc/self/task"):
        fields = Path(f"/proc/self/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
        out[tid] = (int(fields[11]) + int(fields[12])) / tick
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mib", type=int, default=256)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cprofile", action="store_true")
    ap.add_argument("--no-bulk-receive", action="store_true")
    args = ap.parse_args()
    if args.cprofile:
        paramiko.Transport.run = _profiled("transport", paramiko.Transport.run)
        wire.Digest._run = _profiled("hash/write", wire.Digest._run)  # type: ignore[method-assign]
    root = Path(tempfile.mkdtemp(prefix="bowebb-prof-"))
    server = Sshd(root)
    server.start()
    try:
        files = make_files(root, args.size_mib)
        shutil.copyfile(files.src, files.remote)
        tuning = Tuning(ciphers=("aes128-gcm@openssh.com",), bulk_receive=not args.no_bulk_receive)
        conn = connect(
            profile_for(server), secret=lambda: None, pinned=pinned_for(server), tuning=tuning
        )
        eng = TransferEngine.for_connection(conn, lambda r: None)
        gib = files.size / 2**30
        main_tid = str(os.getpid())
        for i in range(args.runs):
            files.back.unlink(missing_ok=True)
            before, c0, t0 = thread_cpu(), time.process_time(), time.perf_counter()
            reader = cProfile.Profile() if args.cprofile and i == args.runs - 1 else None
            if reader:
                PROFILES["reader"] = reader
                reader.enable()
            r = eng.download_file(str(files.remote), files.back.parent)
            if reader:
                reader.disable()
            elapsed, cpu, after = time.perf_counter() - t0, time.process_time() - c0, thread_cpu()
            assert r.result == "ok", r
            per = {t: (after[t] - before.get(t, 0.0)) / gib for t in after}
            reader_cpu = per.pop(main_tid, 0.0)
            rest = ", ".join(f"{v:.2f}" for v in per.values() if v > 0.01)
            print(
                f"run {i}: {files.mb / elapsed:6.1f} MB/s, CPU {cpu / gib:.2f} s/GiB "
                f"(reader {reader_cpu:.2f}, other live threads {rest}, hash/write thread "
                f"{cpu / gib - reader_cpu - sum(per.values()):.2f})  load {os.getloadavg()[0]:.2f}"
            )
        conn.close()
        for name, p in PROFILES.items():
            s = io.StringIO()
            pstats.Stats(p, stream=s).sort_stats("tottime").print_stats(15)
            print(f"===== {name}\n{s.getvalue()}")
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
