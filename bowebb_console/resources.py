"""One resolver for bundled files (translations, icons, guidance texts, checklists).

Icons: ``icons/lucide/*.svg`` (Lucide, ISC licence, ``icons/lucide/LICENSE``), rendered by
``ui.kit.icons``; ``icons/bowebb.svg``/``.png`` is the app's own.

Works from a source checkout (``resources/`` beside the package), from an installed wheel
(``resources/`` is packaged as ``bowebb_console/_resources``) and from a PyInstaller bundle
(``sys._MEIPASS/resources``).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = []
    if bundle:
        candidates.append(Path(bundle) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here / "_resources", here.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("BoWebb Console's resources folder is missing from this install.")


def resource_path(relative: str) -> Path:
    """Absolute path of a bundled file, e.g. ``resource_path("translations/bowebb_sv.qm")``."""
    return resources_dir() / relative
