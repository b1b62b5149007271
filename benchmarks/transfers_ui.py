"""The Transfers screen during a big upload: does the window stay responsive, and what does
going through the screen's queue cost against the engine alone?

    # from the repository root, with the project's Python
    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python benchmarks/transfers_ui.py [--size-mib 1024]

Prints MB/s through the screen (queue, worker, logging, progress signals) and through the
engine alone on the same file and server, the longest the GUI thread's event loop went without
running a 10 ms timer, and how many progress updates per second reached the GUI thread. Not a
test: numbers go to docs/performance.md ("Transfers screen").
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from tests.sftp.conftest import Sshd, open_conn
from tests.ui.transfers.test_transfers_view import pin_in_db, setup_db


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mib", type=int, default=1024)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    root = Path(tempfile.mkdtemp(prefix="bowebb-ui-bench-"))
    (root / "sshd").mkdir()
    server = Sshd(root / "sshd")
    try:
        server.start()
        return run(app, root, server, args.size_mib)
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


def run(app: QApplication, root: Path, server: Sshd, size_mib: int) -> int:
    from bowebb_console.config import Settings
    from bowebb_console.sftp.engine import TransferEngine
    from bowebb_console.store.db.connect import open_database
    from bowebb_console.ui.kit.context import AppContext
    from bowebb_console.ui.kit.prompts import RecordingPrompts
    from bowebb_console.ui.kit.tasks import TaskRunner
    from bowebb_console.ui.transfers.view import TransfersView

    url = f"sqlite:///{root / 'bench.sqlite3'}"
    setup_db(url, server)
    pin_in_db(url, server, server.host_key)
    src = root / "big.bin"
    with src.open("wb") as f:
        for _ in range(size_mib):
            f.write(b"\x5a" * (1024 * 1024))
    size = src.stat().st_size
    database, identity = open_database(url)
    runner = TaskRunner()
    ctx = AppContext(None, Settings(), database, identity, runner, RecordingPrompts(), url)  # type: ignore[arg-type]
    view = TransfersView(ctx)
    view.show()

    def until(cond, timeout_s: float = 600) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + timeout_s
        while not cond():
            app.processEvents()
            time.sleep(0.002)
            if time.monotonic() > end:
                raise TimeoutError

    until(lambda: view.connect_button.isEnabled())
    view.connector.start()
    until(lambda: view.link is not None)
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    tick = QTimer()
    tick.setInterval(10)
    last = [clock.elapsed()]

    def on_tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    tick.timeout.connect(on_tick)
    updates = [0]
    view.queue.progress.connect(lambda *_: updates.__setitem__(0, updates[0] + 1))
    tick.start()
    t0 = time.monotonic()
    view.upload_paths([str(src)])
    until(lambda: bool(view.queue_model.rows) and view.queue_model.rows[0].state == "ok")
    ui_s = time.monotonic() - t0
    tick.stop()
    view._disconnect_now()
    runner.shutdown()
    (server.root / "in" / src.name).unlink()
    conn = open_conn(server)
    t0 = time.monotonic()
    TransferEngine.for_connection(conn, lambda r: None).upload_file(src, str(server.root / "in"))
    engine_s = time.monotonic() - t0
    conn.close()
    database.dispose()
    mb = size / 1e6
    print(f"file {size_mib} MiB upload, loopback sshd")
    print(f"through the screen: {mb / ui_s:7.1f} MB/s ({ui_s:.2f} s)")
    print(f"engine alone:       {mb / engine_s:7.1f} MB/s ({engine_s:.2f} s)")
    print(f"ratio screen/engine: {engine_s / ui_s:.2f}")
    print(f"GUI event loop: longest gap {max(gaps):.0f} ms between 10 ms ticks "
          f"(median {sorted(gaps)[len(gaps) // 2]:.0f} ms, {len(gaps)} ticks)")  # fmt: skip
    print(f"progress updates reaching the GUI: {updates[0] / ui_s:.1f} per second")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
