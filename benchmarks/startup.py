"""Start-up time of BoWebb Console against a bare PySide6 window, in the same run.

    python benchmarks/startup.py [--runs 9] [--platform offscreen|xcb]

Both are measured from process start (just before the parent spawns it) to the first paint
of their main window: the console runs ``bowebb-console --smoke-test`` on an embedded SQLite
database with demo data (created before timing starts), which reports when its main window
first painted, when it painted again with the customer list loaded (on the embedded database
the first page, read without SQLAlchemy) and when the database was open and the screens
attached (search works from then on). Prints medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import time
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
class Watch(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(f"painted {time.time():.6f}")
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1100, 700)
watch = Watch(); w.installEventFilter(watch); w.show()
app.exec()
"""
SMOKE = re.compile(
    r"painted (\d+) ms, with its data (\d+) ms after start \(start clock ([\d.]+)\)"
    r"(?:; database open and screens attached (\d+) ms)?"
)


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    spawned = time.time()
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    return spawned, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    bare_ms, first_ms, data_ms, open_ms = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=args.platform)
        for name in ("CONFIG", "DATA", "LOG"):
            env[f"BOWEBB_{name}_DIR"] = str(Path(tmp) / name.lower())
        console = [sys.executable, "-m", "bowebb_console", "--smoke-test"]
        run([*console, "--demo"], env)  # creates and fills the demo database: not timed
        bare = [sys.executable, "-c", BARE]
        run(bare, env)  # warm the file cache
        for _ in range(args.runs):
            spawned, out = run(bare, env)
            bare_ms.append((float(out.split()[-1]) - spawned) * 1000)
            spawned, out = run(console, env)
            match = SMOKE.search(out)
            assert match, "the smoke test printed no timings"
            started = (float(match.group(3)) - spawned) * 1000  # interpreter start-up
            first_ms.append(started + float(match.group(1)))
            data_ms.append(started + float(match.group(2)))
            if match.group(4):
                open_ms.append(started + float(match.group(4)))
    b = statistics.median(bare_ms)
    f, d = statistics.median(first_ms), statistics.median(data_ms)
    print(f"platform {args.platform}, {args.runs} runs each, medians from process start:")
    print(f"  bare PySide6 window painted           {b:6.0f} ms")
    print(f"  BoWebb Console main window painted    {f:6.0f} ms   {f / b:.2f}x bare (floor 2x)")
    print(f"  ... with 2,000 customers listed       {d:6.0f} ms   {d / b:.2f}x bare")
    if open_ms:
        o = statistics.median(open_ms)
        print(f"  ... database open, screens attached   {o:6.0f} ms   {o / b:.2f}x bare")


if __name__ == "__main__":
    main()
