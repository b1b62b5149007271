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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import paramiko

from bowebb_console.sftp import wire
from bowebb_console.sftp.connection import SftpError, classify, local_error
from bowebb_console.sftp.names import NameRefused, check_name, escaped, name_ref
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
    # A refused name is shown and recorded escaped (names.escaped): ``name`` and ``path`` are
    # then not the server's bytes; the refusal itself is kept here.
    refusal: NameRefused | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Refusal:
    """A file or folder not transferred because of its name or kind."""

    direction: Direction
    remote_path: str
    local_name: str
    error: SftpError


def refuse_name(direction: Direction, remote_path: str, exc: NameRefused) -> Refusal:
    """Log the refusal (the name only as a hash) and say what to record (the path escaped:
    undecodable bytes cannot be written to the log, look-alike characters must show)."""
    log.warning("Refused remote name %s: %s", name_ref(exc.name), exc.reason)
    error = SftpError("name_refused", escaped(str(exc)), exc.params)
    return Refusal(direction, escaped(remote_path), "", error)


def _link(direction: Direction, remote_path: str, name: str, where: str) -> Refusal:
    log.warning("Not following the %s symbolic link %s", where, name_ref(name))
    shown = escaped(name)
    error = SftpError(
        "name_refused", f"{shown} is a symbolic link; links are not followed.", {"name": shown}
    )
    return Refusal(direction, escaped(remote_path), shown, error)


def _failed(direction: Direction, remote_path: str, name: str, error: SftpError) -> Refusal:
    log.warning("Could not plan %s %s: %s", direction, name_ref(name), error.kind)
    return Refusal(direction, escaped(remote_path), escaped(name), error)


def listdir(sftp: paramiko.SFTPClient, remote_dir: str) -> list[RemoteEntry]:
    """Entries of a remote folder, folders first; refused names are listed with the reason
    (and logged)."""
    try:
        attrs = wire.listdir_attr(sftp, remote_dir)
    except Exception as exc:
        raise classify(exc) from None
    out = []
    for attr in attrs:
        name = str(attr.filename)
        if name in (".", ".."):
            continue
        refusal = None
        try:
            check_name(name)
        except NameRefused as exc:
            refusal = exc
            log.warning("Refused remote name %s: %s", name_ref(name), exc.reason)
        mode = attr.st_mode or 0
        out.append(
            RemoteEntry(
                name=escaped(name),
                path=posixpath.join(remote_dir, name if refusal is None else escaped(name)),
                size=int(attr.st_size or 0),
                mtime=int(attr.st_mtime or 0),
                is_dir=stat.S_ISDIR(mode),
                is_symlink=stat.S_ISLNK(mode),
                refused=None if refusal is None else refusal.reason,
                refusal=refusal,
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
    try:
        _make_local_dir(local_dir)
    except SftpError as error:
        # One folder that cannot be made here is recorded; the rest of the batch goes on.
        yield _failed("download", remote_dir, local_dir.name, error)
        return
    try:
        entries = listdir(sftp, remote_dir)
    except SftpError as error:
        if error.kind in ("connection_lost", "timeout"):
            raise
        yield _failed("download", remote_dir, local_dir.name, error)
        return
    for entry in entries:
        if entry.refusal is not None:
            yield refuse_name("download", entry.path, entry.refusal)
        elif entry.is_symlink:
            yield _link("download", entry.path, entry.name, "remote")
        elif entry.is_dir:
            yield from _walk_remote(sftp, entry.path, local_dir / entry.name, overwrite, depth + 1)
        else:
            yield FileJob("download", entry.path, local_dir, entry.size, overwrite)


def plan_upload(
    sftp: paramiko.SFTPClient, local_dir: Path, remote_parent: str, overwrite: bool
) -> Iterator[FileJob | Refusal]:
    """``local_dir`` (a folder or a file; a symbolic link is recorded, never followed) inside
    ``remote_parent``: folders are made on the server as the walk reaches them."""
    name = local_dir.name
    remote = posixpath.join(remote_parent, name)
    try:
        check_name(name)
    except NameRefused as exc:
        yield refuse_name("upload", remote, exc)
        return
    try:
        st = os.lstat(local_dir)
    except OSError as exc:
        yield _failed("upload", remote, name, local_error(name, exc, "read"))
        return
    yield from _local_entry(sftp, local_dir, st, remote_parent, overwrite, 0)


def _local_entry(
    sftp: paramiko.SFTPClient,
    path: Path,
    st: os.stat_result,
    remote_parent: str,
    overwrite: bool,
    depth: int,
) -> Iterator[FileJob | Refusal]:
    remote = posixpath.join(remote_parent, path.name)
    if stat.S_ISLNK(st.st_mode):
        yield _link("upload", remote, path.name, "local")
    elif stat.S_ISDIR(st.st_mode):
        yield from _walk_local(sftp, path, remote, overwrite, depth)
    elif stat.S_ISREG(st.st_mode):
        yield FileJob("upload", str(path), remote_parent, st.st_size, overwrite)
    else:
        shown = escaped(path.name)
        error = SftpError(
            "name_refused", f"{shown} is not a regular file or folder.", {"name": shown}
        )
        yield _failed("upload", remote, path.name, error)


def _walk_local(
    sftp: paramiko.SFTPClient, local_dir: Path, remote_dir: str, overwrite: bool, depth: int
) -> Iterator[FileJob | Refusal]:
    if depth > MAX_DEPTH:
        raise SftpError("other", f"{local_dir.name} is nested too deeply.", {"path": remote_dir})
    try:
        with os.scandir(local_dir) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield _failed(
            "upload", remote_dir, local_dir.name, local_error(local_dir.name, exc, "read")
        )
        return
    _make_remote_dir(sftp, remote_dir)
    for entry in entries:
        remote = posixpath.join(remote_dir, entry.name)
        try:
            check_name(entry.name)
        except NameRefused as exc:
            yield refuse_name("upload", remote, exc)
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError as exc:
            yield _failed("upload", remote, entry.name, local_error(entry.name, exc, "read"))
            continue
        yield from _local_entry(sftp, Path(entry.path), st, remote_dir, overwrite, depth + 1)


def _make_local_dir(path: Path) -> None:
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        st = os.lstat(path)
        if not stat.S_ISDIR(st.st_mode):  # a symlink or file where our folder should be
            raise SftpError(
                "exists", f"{path.name} exists and is not a folder.", {"name": path.name}
            ) from None
    except OSError as exc:
        raise local_error(path.name, exc, "make") from None


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
