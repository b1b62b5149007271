"""Folders: what goes where. Walks a remote folder (for a download) or a local one (for an
upload), makes the target folders, and yields one FileJob per file to move.

Names are hostile input (names.py): a name that is not one safe path component is refused,
never rewritten, and so is a symbolic link on either side (links are not followed). Each
refusal is yielded as a Refusal, which the engine records as a failed transfer at once, in
walking order.
"""

from __future__ import annotations

import logging
import os
import posixpath
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import paramiko

from bowebb_console.sftp.connection import SftpError, classify
from bowebb_console.sftp.names import NameRefused, check_name, name_ref
from bowebb_console.sftp.queue import Direction, FileJob

log = logging.getLogger(__name__)

MAX_DEPTH: Final = 64


@dataclass(frozen=True)
class RemoteEntry:
    name: str
    path: str
    size: int
    mtime: int
    is_dir: bool
    is_symlink: bool
    refused: str | None  # why the name is refused, or None


@dataclass(frozen=True)
class Refusal:
    """A file or folder not transferred because of its name or kind."""

    direction: Direction
    remote_path: str
    local_name: str
    error: SftpError


def refuse_name(direction: Direction, remote_path: str, exc: NameRefused) -> Refusal:
    """Log the refusal (the name only as a hash) and say what to record."""
    log.warning("Refused remote name %s: %s", name_ref(exc.name), exc.reason)
    return Refusal(direction, remote_path, "", SftpError("name_refused", str(exc), exc.params))


def listdir(sftp: paramiko.SFTPClient, remote_dir: str) -> list[RemoteEntry]:
    """Entries of a remote folder, folders first; refused names are listed with the reason
    (and logged)."""
    try:
        attrs = sftp.listdir_attr(remote_dir)
    except Exception as exc:
        raise classify(exc) from None
    out = []
    for attr in attrs:
        name = str(attr.filename)
        if name in (".", ".."):
            continue
        refused = None
        try:
            check_name(name)
        except NameRefused as exc:
            refused = exc.reason
            log.warning("Refused remote name %s: %s", name_ref(name), refused)
        mode = attr.st_mode or 0
        out.append(
            RemoteEntry(
                name=name,
                path=posixpath.join(remote_dir, name),
                size=int(attr.st_size or 0),
                mtime=int(attr.st_mtime or 0),
                is_dir=stat.S_ISDIR(mode),
                is_symlink=stat.S_ISLNK(mode),
                refused=refused,
            )
        )
    return sorted(out, key=lambda e: (not e.is_dir, e.name.lower()))


def plan_download(
    sftp: paramiko.SFTPClient, remote_dir: str, local_parent: Path, overwrite: bool
) -> Iterator[FileJob | Refusal]:
    """``remote_dir`` as a folder inside ``local_parent``: folders are made as the walk
    reaches them."""
    name = posixpath.basename(remote_dir.rstrip("/")) or "download"
    try:
        check_name(name)
    except NameRefused as exc:
        yield refuse_name("download", remote_dir, exc)
        return
    yield from _walk_remote(sftp, remote_dir, local_parent / name, overwrite, depth=0)


def _walk_remote(
    sftp: paramiko.SFTPClient, remote_dir: str, local_dir: Path, overwrite: bool, depth: int
) -> Iterator[FileJob | Refusal]:
    if depth > MAX_DEPTH:
        raise SftpError("other", f"{remote_dir} is nested too deeply.", {"path": remote_dir})
    _make_local_dir(local_dir)
    for entry in listdir(sftp, remote_dir):
        if entry.refused is not None:
            try:
                check_name(entry.name)  # raises again, with the whole reason
            except NameRefused as exc:
                yield refuse_name("download", entry.path, exc)
        elif entry.is_symlink:
            log.warning("Not following the remote symbolic link %s", name_ref(entry.path))
            error = SftpError(
                "name_refused",
                f"{entry.name} is a symbolic link; not followed.",
                {"name": entry.name},
            )
            yield Refusal("download", entry.path, entry.name, error)
        elif entry.is_dir:
            yield from _walk_remote(sftp, entry.path, local_dir / entry.name, overwrite, depth + 1)
        else:
            yield FileJob("download", entry.path, local_dir, entry.size, overwrite)


def plan_upload(
    sftp: paramiko.SFTPClient, local_dir: Path, remote_parent: str, overwrite: bool
) -> Iterator[FileJob | Refusal]:
    """``local_dir`` as a folder inside ``remote_parent``: folders are made on the server as
    the walk reaches them."""
    remote_dir = posixpath.join(remote_parent, local_dir.name)
    try:
        check_name(local_dir.name)
    except NameRefused as exc:
        yield refuse_name("upload", remote_dir, exc)
        return
    yield from _walk_local(sftp, local_dir, remote_dir, overwrite)


def _walk_local(
    sftp: paramiko.SFTPClient, local_dir: Path, remote_dir: str, overwrite: bool
) -> Iterator[FileJob | Refusal]:
    _make_remote_dir(sftp, remote_dir)
    with os.scandir(local_dir) as it:
        entries = sorted(it, key=lambda e: e.name)
    for entry in entries:
        remote = posixpath.join(remote_dir, entry.name)
        if entry.is_symlink():
            log.warning("Not following the local symbolic link %s", name_ref(entry.path))
            continue
        try:
            check_name(entry.name)
        except NameRefused as exc:
            yield refuse_name("upload", remote, exc)
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk_local(sftp, Path(entry.path), remote, overwrite)
        elif entry.is_file(follow_symlinks=False):
            size = entry.stat(follow_symlinks=False).st_size
            yield FileJob("upload", entry.path, remote_dir, size, overwrite)


def _make_local_dir(path: Path) -> None:
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        st = os.lstat(path)
        if not stat.S_ISDIR(st.st_mode):  # a symlink or file where our folder should be
            raise SftpError(
                "exists", f"{path.name} exists and is not a folder.", {"name": path.name}
            ) from None


def _make_remote_dir(sftp: paramiko.SFTPClient, remote_dir: str) -> None:
    try:
        sftp.mkdir(remote_dir)
    except OSError:
        st = sftp.lstat(remote_dir)  # raises if it is really missing
        if not stat.S_ISDIR(st.st_mode or 0):
            raise SftpError(
                "exists",
                f"{remote_dir} exists on the server and is not a folder.",
                {"path": remote_dir},
            ) from None
