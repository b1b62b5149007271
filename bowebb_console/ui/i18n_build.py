"""Regenerate the translation files: ``python -m bowebb_console.ui.i18n_build``.

1. ``pyside6-lupdate`` collects every ``tr()`` / ``QT_TRANSLATE_NOOP`` string of the GUI
   sources into ``resources/translations/bowebb_sv.ts`` and ``bowebb_en.ts`` (existing
   translations are kept; vanished strings are marked obsolete and dropped with -no-obsolete).
2. Translate the new Swedish strings with Qt Linguist (``pyside6-linguist``) or in the XML;
   use the words in shared/DOMAIN.md (kund, kontaktperson, underbiträde, sessionslogg, ...).
3. ``pyside6-lrelease`` compiles both to ``.qm``; the ``.qm`` files are committed too.

The same by hand, from the repository root:
    pyside6-lupdate -extensions py -no-obsolete bowebb_console/app.py bowebb_console/ui \\
        -ts resources/translations/bowebb_sv.ts resources/translations/bowebb_en.ts
    pyside6-lrelease resources/translations/bowebb_sv.ts resources/translations/bowebb_en.ts

English is the source language: bowebb_en.ts carries no translations and exists so a
pseudo-translation or English wording fixes can be made without touching the code.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "bowebb_console" / "app.py", ROOT / "bowebb_console" / "ui"]
TS_FILES = [ROOT / "resources" / "translations" / f"bowebb_{lang}.ts" for lang in ("sv", "en")]


def _tool(name: str) -> str:
    """The tool beside this Python (a venv's bin/Scripts), else on PATH."""
    beside = Path(sys.executable).parent / name
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (it ships {name}).")
    return found


def update() -> None:
    TS_FILES[0].parent.mkdir(parents=True, exist_ok=True)
    args = [_tool("pyside6-lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none"]
    args += [str(p) for p in SOURCES] + ["-ts"] + [str(p) for p in TS_FILES]
    subprocess.run(args, check=True, cwd=ROOT)


def release() -> None:
    subprocess.run([_tool("pyside6-lrelease"), *map(str, TS_FILES)], check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    steps = (argv if argv is not None else sys.argv[1:]) or ["update", "release"]
    for step in steps:
        {"update": update, "release": release}[step]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
