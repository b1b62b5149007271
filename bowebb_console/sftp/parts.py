"""A download's unfinished local file: ``name.part`` and its sidecar ``name.part.json``.

The sidecar records what the part belongs to (remote path, size, mtime) and how many of its
bytes are durable (fsynced). A resume happens only when the sidecar describes the same remote
file; only durable bytes are kept, and they are re-hashed so the SHA-256 covers every byte. A
``.part`` without our sidecar may be somebody's real file called "x.part": never touched.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any, Final

from bowebb_console.sftp.connection import SftpError

PART_SUFFIX: Final = ".part"
SIDECAR_SUFFIX: Final = ".part.json"
REHASH_CHUNK: Final = 1024 * 1024
NOFOLLOW: Final = getattr(os, "O_NOFOLLOW", 0)
BINARY: Final = getattr(os, "O_BINARY", 0)


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # e.g. Windows: directories cannot be opened; NTFS renames are journaled
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def drop_part(part: Path, sidecar: Path) -> None:
    """Remove our unfinished download; a .part without our sidecar is not ours to delete."""
    if os.path.lexists(sidecar):
        part.unlink(missing_ok=True)
        sidecar.unlink(missing_ok=True)


def write_sidecar(sidecar: Path, meta: dict[str, object]) -> None:
    tmp = sidecar.with_name(sidecar.name + ".tmp")
    tmp.unlink(missing_ok=True)
    sfd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW, 0o600)
    try:
        write_all(sfd, json.dumps(meta).encode("utf-8"))
        os.fsync(sfd)
    finally:
        os.close(sfd)
    os.replace(tmp, sidecar)


def write_all(fd: int, data: bytes | bytearray | memoryview) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _resume_part(
    part: Path, sidecar: Path, meta: dict[str, object], size: int, hasher: Any
) -> tuple[int, int] | None:
    """(fd, offset) if the sidecar describes the same remote file and the part is usable; what
    is kept is re-hashed."""
    try:
        old = json.loads(sidecar.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(old, dict) or {k: old.get(k) for k in meta} != meta:
        return None
    try:
        fd = os.open(part, os.O_RDWR | NOFOLLOW | BINARY)
    except OSError:
        return None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or st.st_size > size:
        os.close(fd)
        return None
    # Only what was fsynced (at a checkpoint, or when the attempt failed) is trusted; bytes
    # after it may be a power cut's garbage.
    durable = old.get("durable")
    keep = durable if isinstance(durable, int) and durable >= 0 else 0
    if keep < st.st_size:
        os.ftruncate(fd, keep)
    while chunk := os.read(fd, REHASH_CHUNK):
        hasher.update(chunk)
    return fd, min(keep, st.st_size)


def open_part(
    part: Path,
    sidecar: Path,
    meta: dict[str, object],
    size: int,
    hasher: Any,
    *,
    resumable: bool = True,
) -> tuple[int, int]:
    """Open ``part`` for appending; returns (fd, offset). ``resumable`` False: start afresh
    (no trustworthy change signal for the source)."""
    resumed = _resume_part(part, sidecar, meta, size, hasher) if resumable else None
    if resumed is not None:
        return resumed
    # Start afresh. A .part with our sidecar is a stale attempt and is replaced; without one it
    # may be somebody's real file called "x.part", which is never touched.
    if os.path.lexists(part) and not os.path.lexists(sidecar):
        raise SftpError(
            "exists",
            f"{part.name} already exists and is not an unfinished download.",
            {"name": part.name},
        )
    part.unlink(missing_ok=True)
    write_sidecar(sidecar, meta)
    fd = os.open(part, os.O_RDWR | NOFOLLOW | BINARY | os.O_CREAT | os.O_EXCL, 0o600)
    return fd, 0
