"""Regenerate the translation files: ``python -m bowebb_console.ui.i18n_build``.

The GUI's strings are kept in one ``.ts`` file per *part*, so features developed side by side
never edit the same file: a module ``bowebb_console/ui/<part>/...`` (a sub-package) belongs to
``<part>``; ``app.py``, the modules directly in ``ui/`` and ``ui/kit`` belong
to ``shell``. For each part and language there is ``resources/translations/<part>_<lang>.ts``.

1. ``update``: ``pyside6-lupdate`` collects every ``tr()`` / ``QT_TRANSLATE_NOOP`` /
   ``QCoreApplication.translate`` string of a part's sources into its ``.ts`` files (existing
   translations are kept; vanished strings are dropped with -no-obsolete).
2. Translate the new Swedish strings with Qt Linguist (``pyside6-linguist``) or in the XML;
   use the words in shared/DOMAIN.md (kund, kontaktperson, underbiträde, sessionslogg, ...).
3. ``release``: ``pyside6-lrelease`` compiles all parts of a language into one
   ``bowebb_<lang>.qm``; the ``.qm`` files are committed (after a merge, just run release).

English is the source language: the ``_en.ts`` files carry no translations and exist so a
pseudo-translation or English wording fixes can be made without touching the code.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "bowebb_console" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("sv", "en")
SHELL = "shell"
SHELL_PACKAGES = ("kit",)


def parts() -> dict[str, list[Path]]:
    """Source files per part."""
    found: dict[str, list[Path]] = {SHELL: [ROOT / "bowebb_console" / "app.py"]}
    for path in sorted(UI.rglob("*.py")):
        rel = path.relative_to(UI)
        part = SHELL if len(rel.parts) == 1 or rel.parts[0] in SHELL_PACKAGES else rel.parts[0]
        found.setdefault(part, []).append(path)
    return found


def ts_file(part: str, lang: str) -> Path:
    return TRANSLATIONS / f"{part}_{lang}.ts"


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


def lupdate_args(sources: list[Path], targets: list[Path]) -> list[str]:
    args = [_tool("pyside6-lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none"]
    return args + [str(p) for p in sources] + ["-ts"] + [str(p) for p in targets]


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for part, sources in parts().items():
        targets = [ts_file(part, lang) for lang in LANGUAGES]
        subprocess.run(lupdate_args(sources, targets), check=True, cwd=ROOT, capture_output=True)


def release() -> None:
    for lang in LANGUAGES:
        files = sorted(TRANSLATIONS.glob(f"*_{lang}.ts"))
        qm = TRANSLATIONS / f"bowebb_{lang}.qm"
        args = [_tool("pyside6-lrelease"), *map(str, files), "-qm", str(qm)]
        subprocess.run(args, check=True, cwd=ROOT, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    steps = (argv if argv is not None else sys.argv[1:]) or ["update", "release"]
    for step in steps:
        {"update": update, "release": release}[step]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
