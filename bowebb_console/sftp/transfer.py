"""The SFTP transfer engine: files and folders, up and down, resumable, verified, cancellable.

No Qt here: the UI runs the engine in a worker thread, tests and benchmarks call it directly.
Every file that is attempted ends as exactly one TransferRecord handed to ``on_file_done`` (the
session log turns it into a ``file_transferred`` event).

Safety rules (DESIGN.md, "SFTP"):
- A partial file never carries its final name. Downloads go to ``name.part`` with a sidecar
  ``name.part.json`` (remote path, size, mtime); they are fsynced, size-checked and then
  ``os.replace``d. Uploads go to a hidden temporary remote name and are renamed when the
  server reports the full size.
- Resume only when the source is unchanged (download: remote size and mtime as in the sidecar;
  upload: the temporary name encodes the local size and mtime), and the part already there is
  re-hashed so the SHA-256 covers every byte of the file.
- Remote names are checked with names.check_name and refused, never rewritten; remote symlinks
  are not followed; local files are opened with O_NOFOLLOW and never overwritten unless the
  caller says so (after asking the user).

Speed: paramiko's own read/write paths send 32 KiB requests; here the SFTP channel is driven
directly with up to ``read_depth`` outstanding requests of ~255 KiB, and hashing plus writing
run in a second thread (hashlib and os.write release the GIL). docs/performance.md has numbers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import logging
import os
import posixpath
import queue
import stat
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, Protocol

import paramiko
from paramiko.sftp import CMD_DATA, CMD_READ, CMD_STATUS, int64

from bowebb_console.sftp import fastpipe
from bowebb_console.sftp.connection import SftpConnection, SftpError, Tuning, classify
from bowebb_console.sftp.names import NameRefused, check_name

log = logging.getLogger(__name__)

Direction = Literal["upload", "download"]
Result = Literal["ok", "failed", "cancelled"]
PART_SUFFIX: Final = ".part"
SIDECAR_SUFFIX: Final = ".part.json"
REMOTE_TEMP_SUFFIX: Final = ".bowebb-part"
_REHASH_CHUNK: Final = 1024 * 1024
_QUEUE_BYTES: Final = 32 * 1024 * 1024  # bound on data waiting for the hash/write thread
# A download's .part is fsynced this often and the sidecar records how much is durable: after
# a power cut, resume starts from there, not from bytes the page cache never wrote.
_CHECKPOINT_BYTES: Final = 64 * 1024 * 1024


class CancelFlag(Protocol):
    """threading.Event, or anything else that says whether to stop."""

    def is_set(self) -> bool: ...


ProgressFn = Callable[[int, int], None]  # (bytes_done, total) of the current file
RecordFn = Callable[["TransferRecord"], None]


@dataclass(frozen=True)
class TransferRecord:
    """One finished file, with everything the ``file_transferred`` log event needs."""

    direction: Direction
    remote_path: str
    local_name: str  # file name only: the agent's own folders stay out of the shared log
    size: int  # size of the whole file (source side)
    sha256: str | None  # hex, of every byte sent or received; set only when result is ok
    host_key_fingerprint: str  # SHA256:... of the server
    resumed_from: int | None  # offset the transfer continued from, None if from the start
    duration_s: float
    result: Result
    reason: str | None  # why it failed or was cancelled, for people; never a secret
    error_kind: str | None  # SftpError kind
    bytes_transferred: int  # over the wire in this attempt
    started_at: dt.datetime  # UTC


@dataclass(frozen=True)
class RemoteEntry:
    name: str
    path: str
    size: int
    mtime: int
    is_dir: bool
    is_symlink: bool
    refused: str | None  # why the name is refused, or None


class Cancelled(Exception):
    pass


_CANCELLED: Final = SftpError("cancelled", "Cancelled by the user.")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _check_cancel(cancel: CancelFlag | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def _fsync_dir(path: Path) -> None:
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


def _broken(exc: BaseException) -> bool:
    """After these the SFTP stream may be cut mid-message: nothing more can be read from it."""
    if isinstance(exc, TimeoutError | EOFError | ConnectionError | paramiko.SSHException):
        return True
    if isinstance(exc, paramiko.SFTPError):
        return True
    return isinstance(exc, OSError) and exc.errno is None and "closed" in str(exc).lower()


@contextlib.contextmanager
def _remote_file(sftp: paramiko.SFTPClient, path: str, mode: str) -> Iterator[Any]:
    """sftp.open() whose close neither hangs on nor hides a broken connection."""
    f = sftp.open(path, mode)
    try:
        yield f
    except BaseException as exc:
        if _broken(exc):
            chan = sftp.get_channel()
            if chan is not None:
                chan.close()  # the session is unusable; the caller reconnects to resume
        else:
            with contextlib.suppress(Exception):
                f.close()
        raise
    f.close()


def name_ref(name: str) -> str:
    """A file name as the Python log shows it: a short hash, because names are free text that
    can be personal data (DESIGN.md, Conventions). The session log record has the name."""
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()
    return f"#{digest[:12]}"


def _drop_part(part: Path, sidecar: Path) -> None:
    """Remove our unfinished download; a .part without our sidecar is not ours to delete."""
    if os.path.lexists(sidecar):
        part.unlink(missing_ok=True)
        sidecar.unlink(missing_ok=True)


def _write_sidecar(sidecar: Path, meta: dict[str, object]) -> None:
    tmp = sidecar.with_name(sidecar.name + ".tmp")
    tmp.unlink(missing_ok=True)
    sfd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        _write_all(sfd, json.dumps(meta).encode("utf-8"))
        os.fsync(sfd)
    finally:
        os.close(sfd)
    os.replace(tmp, sidecar)


def _write_all(fd: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


class _Replies:
    """Collects SFTP responses by request number (paramiko calls ``_async_response``)."""

    def __init__(self) -> None:
        self.got: dict[int, tuple[int, paramiko.Message]] = {}

    def _async_response(self, t: int, msg: paramiko.Message, num: int) -> None:
        self.got[num] = (t, msg)


class _Digest:
    """SHA-256 (and, for downloads, writing) off the network thread, in order.

    The network thread hands over chunks; this thread hashes and writes them. The queue is
    bounded in bytes so a slow disk slows the network, not memory."""

    def __init__(
        self,
        hasher: Any,
        fd: int | None,
        threaded: bool,
        checkpoint: Callable[[int], None] | None = None,
    ) -> None:
        self.hasher = hasher
        self.fd = fd
        self.done = 0
        self._checkpoint = checkpoint
        self._next_checkpoint = _CHECKPOINT_BYTES
        self.error: BaseException | None = None
        self._threaded = threaded
        self._q: queue.Queue[bytes | None] = queue.Queue()
        self._room = threading.Semaphore(max(1, _QUEUE_BYTES // (256 * 1024)))
        self._thread: threading.Thread | None = None
        if threaded:
            self._thread = threading.Thread(target=self._run, name="sftp-digest", daemon=True)
            self._thread.start()

    def _consume(self, data: bytes) -> None:
        if self.fd is not None:
            _write_all(self.fd, data)
        self.hasher.update(data)
        self.done += len(data)
        if self._checkpoint is not None and self.done >= self._next_checkpoint:
            self._next_checkpoint = self.done + _CHECKPOINT_BYTES
            self._checkpoint(self.done)

    def _run(self) -> None:
        while True:
            item = self._q.get()
            if item is None:
                return
            try:
                if self.error is None:
                    self._consume(item)
            except BaseException as exc:
                self.error = exc
            finally:
                self._room.release()

    def feed(self, data: bytes) -> None:
        if self.error is not None:
            raise self.error
        if not self._threaded:
            self._consume(data)
            return
        self._room.acquire()
        self._q.put(data)

    def finish(self) -> None:
        """Wait until everything fed is hashed (and written); re-raise its error."""
        if self._thread is not None:
            self._q.put(None)
            self._thread.join()
            self._thread = None
        if self.error is not None:
            raise self.error


@dataclass
class _Attempt:
    direction: Direction
    remote_path: str
    local_name: str
    size: int = 0
    resumed_from: int | None = None
    moved: int = 0
    started_at: dt.datetime = field(default_factory=_now)
    t0: float = field(default_factory=time.monotonic)


class TransferEngine:
    """Transfers over one SFTP session, one file at a time (call it from one thread)."""

    def __init__(
        self,
        sftp: paramiko.SFTPClient,
        host_fingerprint: str,
        on_file_done: RecordFn,
        *,
        tuning: Tuning | None = None,
    ) -> None:
        self._sftp = sftp
        self._fp = host_fingerprint
        self._on_file_done = on_file_done
        self.tuning = tuning or Tuning()

    @classmethod
    def for_connection(cls, conn: SftpConnection, on_file_done: RecordFn) -> TransferEngine:
        return cls(conn.sftp, conn.host_key.fingerprint, on_file_done, tuning=conn.tuning)

    # --- records ------------------------------------------------------------------------

    def _finish(
        self,
        a: _Attempt,
        result: Result,
        sha256: str | None = None,
        error: SftpError | None = None,
    ) -> TransferRecord:
        record = TransferRecord(
            direction=a.direction,
            remote_path=a.remote_path,
            local_name=a.local_name,
            size=a.size,
            sha256=sha256 if result == "ok" else None,
            host_key_fingerprint=self._fp,
            resumed_from=a.resumed_from,
            duration_s=round(time.monotonic() - a.t0, 6),
            result=result,
            reason=None if error is None else error.message,
            error_kind=None if error is None else error.kind,
            bytes_transferred=a.moved,
            started_at=a.started_at,
        )
        level = logging.INFO if result == "ok" else logging.WARNING
        log.log(
            level,
            "%s %s, file %s (%d bytes): %s%s",
            a.direction,
            result,
            name_ref(a.remote_path),
            a.size,
            record.error_kind or "",
            f" from offset {a.resumed_from}" if a.resumed_from else "",
        )
        self._on_file_done(record)
        return record

    def _refuse(self, direction: Direction, remote_path: str, exc: NameRefused) -> TransferRecord:
        log.warning("Refused remote name %s: %s", name_ref(exc.name), exc.reason)
        a = _Attempt(direction, remote_path, "")
        return self._finish(a, "failed", error=SftpError("name_refused", str(exc)))

    # --- browsing -----------------------------------------------------------------------

    def listdir(self, remote_dir: str) -> list[RemoteEntry]:
        """Entries of a remote folder; refused names are listed with the reason (and logged)."""
        try:
            attrs = self._sftp.listdir_attr(remote_dir)
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

    # --- download -----------------------------------------------------------------------

    def download_file(
        self,
        remote_path: str,
        local_dir: str | Path,
        *,
        overwrite: bool = False,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> TransferRecord:
        name = posixpath.basename(remote_path)
        a = _Attempt("download", remote_path, name)
        try:
            check_name(name)
        except NameRefused as exc:
            return self._refuse("download", remote_path, exc)
        if cancel is not None and cancel.is_set():
            # Skipped before it started: leave any resumable part of an earlier attempt alone.
            return self._finish(a, "cancelled", error=_CANCELLED)
        local_dir = Path(local_dir)
        final = local_dir / name
        part = local_dir / (name + PART_SUFFIX)
        sidecar = local_dir / (name + SIDECAR_SUFFIX)
        fd = -1
        keep_part = True
        meta: dict[str, object] = {}
        try:
            _check_cancel(cancel)
            st = self._sftp.lstat(remote_path)
            mode = st.st_mode or 0
            if stat.S_ISLNK(mode):
                raise SftpError(
                    "name_refused", f"{name} is a symbolic link; links are not followed."
                )
            if not stat.S_ISREG(mode):
                raise SftpError("name_refused", f"{name} is not a regular file.")
            a.size = size = int(st.st_size or 0)
            mtime = int(st.st_mtime or 0)
            meta = {"remote_path": remote_path, "size": size, "mtime": mtime}
            if not overwrite and os.path.lexists(final):
                keep_part = False
                raise SftpError("exists", f"{name} already exists in the target folder.")
            hasher = hashlib.sha256()
            fd, offset = self._open_part(part, sidecar, remote_path, size, mtime, hasher)
            a.resumed_from = offset or None
            if progress:
                progress(offset, size)
            part_fd = fd

            def checkpoint(done: int) -> None:
                os.fsync(part_fd)
                _write_sidecar(sidecar, {**meta, "durable": offset + done})

            digest = _Digest(hasher, fd, self.tuning.hash_in_thread, checkpoint)
            try:
                self._receive(remote_path, digest, offset, size, a, progress, cancel)
            finally:
                digest.finish()
            os.fsync(fd)
            written = os.fstat(fd).st_size
            os.close(fd)
            fd = -1
            if written != size or offset + digest.done != size:
                raise SftpError("other", f"{name}: received {written} of {size} bytes; not saved.")
            now = self._sftp.stat(remote_path)
            if int(now.st_size or 0) != size or int(now.st_mtime or 0) != mtime:
                keep_part = False
                raise SftpError("changed", f"{name} changed on the server while downloading.")
            if not overwrite and os.path.lexists(final):
                raise SftpError("exists", f"{name} appeared in the target folder meanwhile.")
            os.replace(part, final)
            sidecar.unlink(missing_ok=True)
            _fsync_dir(local_dir)
            return self._finish(a, "ok", hasher.hexdigest())
        except Cancelled:
            if fd >= 0:
                os.close(fd)
                fd = -1
            _drop_part(part, sidecar)
            return self._finish(a, "cancelled", error=_CANCELLED)
        except Exception as exc:
            error = classify(exc)
            if fd >= 0:
                if keep_part and error.kind not in ("disk_full", "quota"):
                    # The process is alive: make what arrived durable so a resume keeps it.
                    with contextlib.suppress(OSError):
                        os.fsync(fd)
                        durable = os.fstat(fd).st_size
                        _write_sidecar(sidecar, {**meta, "durable": durable})
                os.close(fd)
                fd = -1
            if not keep_part or error.kind in ("disk_full", "quota"):
                _drop_part(part, sidecar)
            return self._finish(a, "failed", error=error)
        finally:
            if fd >= 0:
                os.close(fd)

    def _open_part(
        self,
        part: Path,
        sidecar: Path,
        remote_path: str,
        size: int,
        mtime: int,
        hasher: Any,
    ) -> tuple[int, int]:
        """Open ``part`` for appending; returns (fd, offset). Resumes only if the sidecar
        describes the same remote file, and re-hashes what is already there."""
        meta = {"remote_path": remote_path, "size": size, "mtime": mtime}
        flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            old = json.loads(sidecar.read_text("utf-8"))
        except (OSError, ValueError):
            old = None
        if isinstance(old, dict) and {k: old.get(k) for k in meta} == meta:
            try:
                fd = os.open(part, flags)
            except OSError:
                fd = -1
            if fd >= 0:
                st = os.fstat(fd)
                durable = old.get("durable")
                if stat.S_ISREG(st.st_mode) and st.st_size <= size:
                    # Only what was fsynced (at a checkpoint, or when the attempt failed) is
                    # trusted; bytes after it may be a power cut's garbage.
                    keep = durable if isinstance(durable, int) and durable >= 0 else 0
                    if keep < st.st_size:
                        os.ftruncate(fd, keep)
                    while True:
                        chunk = os.read(fd, _REHASH_CHUNK)
                        if not chunk:
                            break
                        hasher.update(chunk)
                    return fd, min(keep, st.st_size)
                os.close(fd)
        # Start afresh. A .part with our sidecar is a stale attempt and is replaced; without
        # one it may be somebody's real file called "x.part", which is never touched.
        if os.path.lexists(part) and not os.path.lexists(sidecar):
            raise SftpError(
                "exists", f"{part.name} already exists and is not an unfinished download."
            )
        part.unlink(missing_ok=True)
        _write_sidecar(sidecar, meta)
        fd = os.open(part, flags | os.O_CREAT | os.O_EXCL, 0o600)
        return fd, 0

    def _receive(
        self,
        remote_path: str,
        digest: _Digest,
        offset: int,
        size: int,
        a: _Attempt,
        progress: ProgressFn | None,
        cancel: CancelFlag | None,
    ) -> None:
        """Pipelined reads, in file order, straight off the SFTP channel."""
        sftp = self._sftp
        tuning = self.tuning
        with _remote_file(sftp, remote_path, "rb") as f:
            handle = f.handle
            replies = _Replies()
            got = replies.got
            pending: deque[tuple[int, int, int]] = deque()  # (request, offset, length)
            next_off = offset
            done = offset
            last_report = -1.0
            try:
                while done < size:
                    while len(pending) < tuning.read_depth and next_off < size:
                        n = min(tuning.read_request, size - next_off)
                        num = sftp._async_request(
                            replies, CMD_READ, handle, int64(next_off), int(n)
                        )
                        pending.append((num, next_off, n))
                        next_off += n
                    num, off, n = pending[0]
                    while num not in got:
                        sftp._read_response(None)
                    t, msg = got.pop(num)
                    pending.popleft()
                    if t == CMD_DATA:
                        data = msg.get_string()
                    elif t == CMD_STATUS:
                        sftp._convert_status(msg)  # raises; EOF means the file shrank
                        raise SftpError("other", "Unexpected reply from the server.")
                    else:
                        raise SftpError("other", "Unexpected reply from the server.")
                    if not data:
                        raise SftpError("changed", "The file got shorter on the server.")
                    if len(data) < n:
                        # A short read: ask for the rest before anything else, keeping order.
                        rest = sftp._async_request(
                            replies, CMD_READ, handle, int64(off + len(data)), int(n - len(data))
                        )
                        pending.appendleft((rest, off + len(data), n - len(data)))
                    digest.feed(data)
                    done += len(data)
                    a.moved += len(data)
                    now = time.monotonic()
                    if now - last_report > 0.05 or done == size:
                        last_report = now
                        if progress:
                            progress(done, size)
                    _check_cancel(cancel)  # after the report: a cancel from it counts
            except BaseException as exc:
                if not _broken(exc):  # collect what is in flight: the channel stays usable
                    self._drain(pending, replies)
                raise

    def _drain(self, pending: deque[tuple[int, int, int]], replies: _Replies) -> None:
        try:
            while pending:
                num = pending[0][0]
                while num not in replies.got:
                    self._sftp._read_response(None)
                replies.got.pop(num)
                pending.popleft()
        except Exception:
            pass  # the connection is gone; the caller reports why

    # --- upload -------------------------------------------------------------------------

    def upload_file(
        self,
        local_path: str | Path,
        remote_dir: str,
        *,
        overwrite: bool = False,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> TransferRecord:
        local_path = Path(local_path)
        name = local_path.name
        remote_final = posixpath.join(remote_dir, name)
        a = _Attempt("upload", remote_final, name)
        try:
            # The server may be Windows: the same rules keep our names usable there.
            check_name(name)
        except NameRefused as exc:
            return self._refuse("upload", remote_final, exc)
        if cancel is not None and cancel.is_set():
            return self._finish(a, "cancelled", error=_CANCELLED)
        fd = -1
        temp = ""
        keep_temp = True
        try:
            _check_cancel(cancel)
            fd = os.open(
                local_path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
            )
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise SftpError("name_refused", f"{name} is not a regular file.")
            a.size = size = st.st_size
            if self._remote_exists(remote_final) and not overwrite:
                keep_temp = False
                raise SftpError("exists", f"{name} already exists on the server.")
            tag = hashlib.sha256(f"{size}:{st.st_mtime_ns}".encode()).hexdigest()[:10]
            stem = name.encode("utf-8")[:200].decode("utf-8", "ignore")
            temp = posixpath.join(remote_dir, f".{stem}.{tag}{REMOTE_TEMP_SUFFIX}")
            hasher = hashlib.sha256()
            offset = self._remote_resume_offset(temp, size)
            if offset:
                # Re-hash what the server already has from our unchanged local file.
                left = offset
                while left:
                    chunk = os.read(fd, min(_REHASH_CHUNK, left))
                    if not chunk:
                        raise SftpError("changed", f"{name} got shorter while uploading.")
                    hasher.update(chunk)
                    left -= len(chunk)
            a.resumed_from = offset or None
            if progress:
                progress(offset, size)
            digest = _Digest(hasher, None, self.tuning.upload_hash_in_thread)
            try:
                self._send(fd, temp, offset, size, digest, a, progress, cancel)
            finally:
                digest.finish()
            after = os.fstat(fd)
            if after.st_size != size or after.st_mtime_ns != st.st_mtime_ns:
                keep_temp = False
                raise SftpError("changed", f"{name} changed on this computer while uploading.")
            remote_size = int(self._sftp.stat(temp).st_size or 0)
            if remote_size != size or offset + digest.done != size:
                raise SftpError(
                    "other", f"{name}: the server has {remote_size} of {size} bytes; not renamed."
                )
            self._rename_into_place(temp, remote_final, overwrite)
            return self._finish(a, "ok", hasher.hexdigest())
        except Cancelled:
            self._remove_quietly(temp)
            return self._finish(a, "cancelled", error=_CANCELLED)
        except Exception as exc:
            error = classify(exc)
            if temp and (not keep_temp or error.kind in ("quota", "permission_denied")):
                self._remove_quietly(temp)
            return self._finish(a, "failed", error=error)
        finally:
            if fd >= 0:
                os.close(fd)

    def _remote_exists(self, path: str) -> bool:
        try:
            self._sftp.lstat(path)
        except FileNotFoundError:
            return False
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                return False
            raise
        return True

    def _remote_resume_offset(self, temp: str, size: int) -> int:
        try:
            st = self._sftp.lstat(temp)
        except OSError:
            return 0
        if stat.S_ISREG(st.st_mode or 0) and int(st.st_size or 0) <= size:
            return int(st.st_size or 0)
        self._sftp.remove(temp)  # not ours to resume: a link, or longer than the source
        return 0

    def _remove_quietly(self, path: str) -> None:
        if not path:
            return
        try:
            self._sftp.remove(path)
        except Exception:
            log.info("Could not remove the temporary remote file %s", name_ref(path))

    def _rename_into_place(self, temp: str, final: str, overwrite: bool) -> None:
        if not overwrite:
            # Plain SFTP rename refuses an existing target (OpenSSH: link + unlink): no race.
            try:
                self._sftp.rename(temp, final)
            except OSError as exc:
                if self._remote_exists(final):
                    raise SftpError(
                        "exists", f"{posixpath.basename(final)} appeared on the server meanwhile."
                    ) from None
                raise exc
            return
        try:
            self._sftp.posix_rename(temp, final)  # atomic replace, where offered
        except OSError:
            if self._remote_exists(final):
                self._sftp.remove(final)
            self._sftp.rename(temp, final)

    def _send(
        self,
        fd: int,
        temp: str,
        offset: int,
        size: int,
        digest: _Digest,
        a: _Attempt,
        progress: ProgressFn | None,
        cancel: CancelFlag | None,
    ) -> None:
        """Pipelined writes of ``write_request`` bytes; every reply is checked, in order."""
        sftp = self._sftp
        tuning = self.tuning
        mode = "r+b" if offset else "wb"  # ("x" in paramiko 5 forgets the write flag)
        with _remote_file(sftp, temp, mode) as f:
            handle = f.handle
            replies = _Replies()
            got = replies.got
            pending: deque[tuple[int, int]] = deque()
            pos = offset
            acked = offset
            last_report = -1.0
            try:
                while acked < size:
                    while len(pending) < tuning.write_depth and pos < size:
                        data = os.read(fd, min(tuning.write_request, size - pos))
                        if not data:
                            raise SftpError(
                                "changed", f"{a.local_name} got shorter while uploading."
                            )
                        digest.feed(data)
                        num = fastpipe.send_write(sftp, replies, handle, pos, data)
                        pending.append((num, len(data)))
                        pos += len(data)
                    num, n = pending[0]
                    while num not in got:
                        sftp._read_response(None)
                    t, msg = got.pop(num)
                    pending.popleft()
                    if t != CMD_STATUS:
                        raise SftpError("other", "Unexpected reply from the server.")
                    try:
                        sftp._convert_status(msg)  # raises unless OK
                    except OSError as exc:
                        if exc.errno is not None:  # e.g. EACCES: classify() says so
                            raise
                        # OpenSSH reports a failed write (disk full, quota) only as a
                        # generic failure.
                        raise SftpError(
                            "quota",
                            "The server refused to store more data: its disk is full or your "
                            "quota is used up.",
                        ) from None
                    acked += n
                    a.moved += n
                    now = time.monotonic()
                    if now - last_report > 0.05 or acked == size:
                        last_report = now
                        if progress:
                            progress(acked, size)
                    _check_cancel(cancel)  # after the report: a cancel from it counts
            except BaseException as exc:
                if not _broken(exc):
                    self._drain_writes(pending, replies)
                raise

    def _drain_writes(self, pending: deque[tuple[int, int]], replies: _Replies) -> None:
        try:
            while pending:
                num = pending[0][0]
                while num not in replies.got:
                    self._sftp._read_response(None)
                replies.got.pop(num)
                pending.popleft()
        except Exception:
            pass

    # --- folders ------------------------------------------------------------------------

    def download_tree(
        self,
        remote_dir: str,
        local_parent: str | Path,
        *,
        overwrite: bool = False,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> list[TransferRecord]:
        """Download ``remote_dir`` as a folder inside ``local_parent``."""
        return [
            self.run_job(job, progress=progress, cancel=cancel) if isinstance(job, FileJob) else job
            for job in self.plan_download(remote_dir, local_parent, overwrite=overwrite)
        ]

    def upload_tree(
        self,
        local_dir: str | Path,
        remote_parent: str,
        *,
        overwrite: bool = False,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> list[TransferRecord]:
        return [
            self.run_job(job, progress=progress, cancel=cancel) if isinstance(job, FileJob) else job
            for job in self.plan_upload(local_dir, remote_parent, overwrite=overwrite)
        ]

    def plan_download(
        self, remote_dir: str, local_parent: str | Path, *, overwrite: bool = False
    ) -> list[FileJob | TransferRecord]:
        """The files to fetch (folders are created now); refused names become failed records."""
        name = posixpath.basename(remote_dir.rstrip("/")) or "download"
        try:
            check_name(name)
        except NameRefused as exc:
            return [self._refuse("download", remote_dir, exc)]
        out: list[FileJob | TransferRecord] = []
        self._plan_down(remote_dir, Path(local_parent) / name, overwrite, out, depth=0)
        return out

    def _plan_down(
        self,
        remote_dir: str,
        local_dir: Path,
        overwrite: bool,
        out: list[FileJob | TransferRecord],
        depth: int,
    ) -> None:
        if depth > 64:
            raise SftpError("other", f"{remote_dir} is nested too deeply.")
        _make_local_dir(local_dir)
        for entry in self.listdir(remote_dir):
            if entry.refused is not None:
                out.append(
                    self._refuse("download", entry.path, NameRefused(entry.name, entry.refused))
                )
            elif entry.is_symlink:
                log.warning("Not following the remote symbolic link %s", name_ref(entry.path))
                a = _Attempt("download", entry.path, entry.name)
                out.append(
                    self._finish(
                        a,
                        "failed",
                        error=SftpError(
                            "name_refused", f"{entry.name} is a symbolic link; not followed."
                        ),
                    )
                )
            elif entry.is_dir:
                self._plan_down(entry.path, local_dir / entry.name, overwrite, out, depth + 1)
            else:
                out.append(FileJob("download", entry.path, local_dir, entry.size, overwrite))

    def plan_upload(
        self, local_dir: str | Path, remote_parent: str, *, overwrite: bool = False
    ) -> list[FileJob | TransferRecord]:
        local_dir = Path(local_dir)
        out: list[FileJob | TransferRecord] = []
        try:
            check_name(local_dir.name)
        except NameRefused as exc:
            return [self._refuse("upload", posixpath.join(remote_parent, local_dir.name), exc)]
        self._plan_up(local_dir, posixpath.join(remote_parent, local_dir.name), overwrite, out)
        return out

    def _plan_up(
        self, local_dir: Path, remote_dir: str, overwrite: bool, out: list[FileJob | TransferRecord]
    ) -> None:
        try:
            self._sftp.mkdir(remote_dir)
        except OSError:
            st = self._sftp.lstat(remote_dir)  # raises if it is really missing
            if not stat.S_ISDIR(st.st_mode or 0):
                raise SftpError(
                    "exists", f"{remote_dir} exists on the server and is not a folder."
                ) from None
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
                out.append(self._refuse("upload", remote, exc))
                continue
            if entry.is_dir(follow_symlinks=False):
                self._plan_up(Path(entry.path), remote, overwrite, out)
            elif entry.is_file(follow_symlinks=False):
                size = entry.stat(follow_symlinks=False).st_size
                out.append(FileJob("upload", entry.path, remote_dir, size, overwrite))

    def run_job(
        self,
        job: FileJob,
        *,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> TransferRecord:
        if job.direction == "download":
            return self.download_file(
                job.source,
                job.target_dir,
                overwrite=job.overwrite,
                progress=progress,
                cancel=cancel,
            )
        return self.upload_file(
            job.source,
            str(job.target_dir),
            overwrite=job.overwrite,
            progress=progress,
            cancel=cancel,
        )


def _make_local_dir(path: Path) -> None:
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        st = os.lstat(path)
        if not stat.S_ISDIR(st.st_mode):  # a symlink or file where our folder should be
            raise SftpError("exists", f"{path.name} exists and is not a folder.") from None


# --- the queue ---------------------------------------------------------------------------


@dataclass
class FileJob:
    direction: Direction
    source: str  # remote path (download) or local path (upload)
    target_dir: Path | str  # local folder (download) or remote folder (upload)
    size: int
    overwrite: bool = False
    cancel: threading.Event = field(default_factory=threading.Event)  # cancel this file


@dataclass(frozen=True)
class Progress:
    file_index: int  # 0-based
    file_count: int
    source: str
    file_done: int
    file_total: int
    total_done: int
    total_bytes: int
    speed_bps: float  # smoothed
    eta_s: float | None


class TransferQueue:
    """Runs file jobs one after another with per-file and total progress; ``cancel_all``
    stops the current file and skips the rest (each skipped file is recorded as cancelled)."""

    def __init__(self, engine: TransferEngine, on_progress: Callable[[Progress], None]) -> None:
        self.engine = engine
        self.on_progress = on_progress
        self.cancel_all = threading.Event()

    def run(self, jobs: list[FileJob]) -> list[TransferRecord]:
        total = sum(j.size for j in jobs)
        finished = 0
        speed = _Speed()
        records = []
        for index, job in enumerate(jobs):
            base = finished

            def report(
                done: int, size: int, index: int = index, job: FileJob = job, base: int = base
            ) -> None:
                bps = speed.update(base + done)
                left = total - base - done
                self.on_progress(
                    Progress(
                        index,
                        len(jobs),
                        job.source,
                        done,
                        size,
                        base + done,
                        total,
                        bps,
                        left / bps if bps > 0 else None,
                    )
                )

            cancel = _AnyEvent(job.cancel, self.cancel_all)
            records.append(self.engine.run_job(job, progress=report, cancel=cancel))
            finished += job.size
        return records


class _AnyEvent:
    """Looks like a threading.Event that is set when either event is."""

    def __init__(self, *events: threading.Event) -> None:
        self._events = events

    def is_set(self) -> bool:
        return any(e.is_set() for e in self._events)


class _Speed:
    """Bytes per second, smoothed over about two seconds."""

    def __init__(self) -> None:
        self._t = time.monotonic()
        self._done = 0
        self.bps = 0.0

    def update(self, done: int) -> float:
        now = time.monotonic()
        dt_ = now - self._t
        if dt_ >= 0.25:
            rate = (done - self._done) / dt_
            self.bps = rate if self.bps == 0 else 0.8 * self.bps + 0.2 * rate
            self._t, self._done = now, done
        return self.bps
