"""The layers hold: import-linter's contracts (pyproject.toml, [tool.importlinter]) are kept.

domain ← store, sftp ← services ← demo ← ui ← app ← cli; ui, cli and app never import the
store; nothing below ui imports Qt. Run in a fresh process so this test's own imports (and
the package installed elsewhere) cannot hide a broken contract.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]


def test_core_modules_do_not_import_qt_when_run() -> None:
    """Belt and braces for the static contract: importing the whole core and the CLI in a
    fresh interpreter loads no Qt module (a lazily imported Qt would not show statically)."""
    code = (
        "import importlib, pkgutil, sys\n"
        "import bowebb_console\n"
        "for m in pkgutil.walk_packages(bowebb_console.__path__, 'bowebb_console.'):\n"
        "    top = m.name.split('.')[1]\n"
        "    if top in ('ui', 'app', '__main__') or '.migrations' in m.name:\n"
        "        continue\n"
        "    importlib.import_module(m.name)\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(','.join(sorted(qt)))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""
