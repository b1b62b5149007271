"""Remote file names are hostile input: one safe path component, or refused.

A name is never rewritten into something else (the agent would download a file under a name
the customer did not give it); it is refused, and the caller logs the refusal. The rules are the
union of what POSIX and Windows reject or treat specially, so a file received on one desktop is
usable on all of them.
"""

from __future__ import annotations

import re
from typing import Final

MAX_NAME_BYTES: Final = 255
_FORBIDDEN: Final = frozenset('<>:"|?*/\\')
# Windows maps these to devices whatever the extension, and ignores spaces before the dot.
_DEVICE: Final = re.compile(
    r"^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])$", re.IGNORECASE
)


class NameRefused(ValueError):
    """``reason`` says what is wrong; ``name`` is the offending name (show it with repr())."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"Refused the name {name!r}: {reason}.")
        self.name = name
        self.reason = reason


def check_name(name: str) -> str:
    """Return ``name`` unchanged if it is one safe path component, else raise NameRefused."""
    if not name:
        raise NameRefused(name, "it is empty")
    if name in (".", ".."):
        raise NameRefused(name, "it refers to a folder, not a file")
    for ch in name:
        if ch in _FORBIDDEN:
            raise NameRefused(name, f"it contains {ch!r}")
        if ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0:
            raise NameRefused(name, "it contains a control character")
        if 0xD800 <= ord(ch) <= 0xDFFF:
            raise NameRefused(name, "it is not valid text (undecodable bytes)")
    if name[-1] in ". ":
        raise NameRefused(name, "it ends with a dot or a space")
    if _DEVICE.match(name.split(".")[0].rstrip(" ")):
        raise NameRefused(name, "it is a reserved Windows device name")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise NameRefused(name, f"it is longer than {MAX_NAME_BYTES} bytes")
    return name


def is_safe_name(name: str) -> bool:
    try:
        check_name(name)
    except NameRefused:
        return False
    return True
