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
# Look-alike names: direction overrides and isolates (U+202A-U+202E, U+2066-U+2069) make
# "invoice\u202efdp.exe" show as "invoiceexe.pdf"; zero-width characters (U+200B-U+200F,
# U+2060, U+FEFF) hide inside a name that looks like another.
_INVISIBLE: Final = frozenset(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0x200B, 0x2010), 0x2060, 0xFEFF]
)
_DEVICE: Final = re.compile(
    r"^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])$", re.IGNORECASE
)


class NameRefused(ShownError, ValueError):
    """Code ``sftp.name_refused``. ``reason`` says in English what is wrong, ``rule`` names the
    broken rule for a translated text (empty, dots, char, control, undecodable, trailing,
    device, too_long, invisible); ``name`` is the offending name (show it with repr()).
    Params: ``name`` (repr), ``reason``, ``rule``, and ``char`` or ``max_bytes`` where they
    apply."""

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
        if ord(ch) in _INVISIBLE:
            raise NameRefused(
                name,
                f"it contains an invisible or direction-changing character (U+{ord(ch):04X})",
                "invisible",
                char=f"U+{ord(ch):04X}",
            )
    if name[-1] in ". ":
        raise NameRefused(name, "it ends with a dot or a space", "trailing")
    if _DEVICE.match(name.split(".")[0].rstrip(" ")):
        raise NameRefused(name, "it is a reserved Windows device name", "device")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise NameRefused(
            name, f"it is longer than {MAX_NAME_BYTES} bytes", "too_long", max_bytes=MAX_NAME_BYTES
        )
    return name


def check_remote_path(path: str) -> str:
    """A remote path to fetch: its last component is a safe name (check_name), and no
    component is "..", undecodable, or hides characters (control, invisible). Folder names on
    the server may otherwise be what the server allows. Returns the last component."""
    parts = path.split("/")
    for part in parts[:-1]:
        if part == "..":
            raise NameRefused(path, "it goes up a folder ('..')", "dots")
        for ch in part:
            if ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0:
                raise NameRefused(path, "a folder in it contains a control character", "control")
            if 0xD800 <= ord(ch) <= 0xDFFF:
                raise NameRefused(
                    path, "a folder in it is not valid text (undecodable bytes)", "undecodable"
                )
            if ord(ch) in _INVISIBLE:
                raise NameRefused(
                    path,
                    "a folder in it contains an invisible or direction-changing character "
                    f"(U+{ord(ch):04X})",
                    "invisible",
                    char=f"U+{ord(ch):04X}",
                )
    return check_name(parts[-1])


def escaped(text: str) -> str:
    """``text`` safe to record and show: undecodable bytes as \\xNN, invisible and
    direction-changing characters as \\uXXXX (visible, and valid UTF-8 for the log)."""
    if not any(0xD800 <= ord(c) <= 0xDFFF or ord(c) in _INVISIBLE for c in text):
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # surrogateescape of byte code - 0xDC00
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or code in _INVISIBLE:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


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
