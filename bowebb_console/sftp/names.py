"""Remote file names are hostile input: one safe path component, or refused.

A name is never rewritten into something else (the agent would download a file under a name
the customer did not give it); it is refused, and the caller logs the refusal. The rules are the
union of what POSIX and Windows reject or treat specially, so a file received on one desktop is
usable on all of them.
"""

from __future__ import annotations

import hashlib
import re
from typing import Final

from bowebb_console.domain.errors import ShownError

MAX_NAME_BYTES: Final = 255
_FORBIDDEN: Final = frozenset('<>:"|?*/\\')
# Windows maps these to devices whatever the extension, and ignores spaces before the dot.
_DEVICE: Final = re.compile(
    r"^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])$", re.IGNORECASE
)


class NameRefused(ShownError, ValueError):
    """Code ``sftp.name_refused``. ``reason`` says in English what is wrong, ``rule`` names the
    broken rule for a translated text (empty, dots, char, control, undecodable, trailing,
    device, too_long); ``name`` is the offending name (show it with repr()). Params: ``name``
    (repr), ``reason``, ``rule``, and ``char`` or ``max_bytes`` where they apply."""

    def __init__(self, name: str, reason: str, rule: str = "", **extra: object) -> None:
        params = {"name": repr(name), "reason": reason, "rule": rule, **extra}
        super().__init__("sftp.name_refused", f"Refused the name {name!r}: {reason}.", params)
        self.name = name
        self.reason = reason
        self.rule = rule


def check_name(name: str) -> str:
    """Return ``name`` unchanged if it is one safe path component, else raise NameRefused."""
    if not name:
        raise NameRefused(name, "it is empty", "empty")
    if name in (".", ".."):
        raise NameRefused(name, "it refers to a folder, not a file", "dots")
    for ch in name:
        if ch in _FORBIDDEN:
            raise NameRefused(name, f"it contains {ch!r}", "char", char=repr(ch))
        if ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0:
            raise NameRefused(name, "it contains a control character", "control")
        if 0xD800 <= ord(ch) <= 0xDFFF:
            raise NameRefused(name, "it is not valid text (undecodable bytes)", "undecodable")
    if name[-1] in ". ":
        raise NameRefused(name, "it ends with a dot or a space", "trailing")
    if _DEVICE.match(name.split(".")[0].rstrip(" ")):
        raise NameRefused(name, "it is a reserved Windows device name", "device")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise NameRefused(
            name, f"it is longer than {MAX_NAME_BYTES} bytes", "too_long", max_bytes=MAX_NAME_BYTES
        )
    return name


def is_safe_name(name: str) -> bool:
    try:
        check_name(name)
    except NameRefused:
        return False
    return True


def name_ref(name: str) -> str:
    """A file name as the Python log shows it: a short hash, because names are free text that
    can be personal data (DESIGN.md, Conventions). The session log record has the name."""
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()
    return f"#{digest[:12]}"
