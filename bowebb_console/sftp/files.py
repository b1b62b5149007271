"""The file-safety protocol: one file up or down, resumable, verified, never half-named.

Rules (DESIGN.md, "SFTP"):
- A partial file never carries its final name. Downloads go to ``name.part`` with a sidecar
  ``name.part.json`` (parts.py); they are fsynced, size-checked and then ``os.replace``d.
  Uploads go to a hidden temporary remote name and are renamed when the server reports the
  full size (posix-rename when replacing, where the server offers it).
- Resume only when the source is unchanged (download: remote size and mtime as in the sidecar;
  upload: the temporary name encodes the local size and mtime), and the part already there is
  re-hashed so the SHA-256 covers every byte of the file.
- Remote symlinks are not followed; local files are opened with O_NOFOLLOW and never
  overwritten unless the caller says so (after asking the user).

``Download.run`` and ``Upload.run`` return the SHA-256, or clean up and raise ``Cancelled``
or ``SftpError``; engine.TransferEngine turns either into the file's one TransferRecord.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import posixpath
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import paramiko

from bowebb_console.sftp import fastpipe, parts, wire
from bowebb_console.sftp.connection import SftpError, Tuning, classify, local_error
from bowebb_console.sftp.names import name_ref
from bowebb_console.sftp.queue import (
    Attempt,
    CancelFlag,
    Cancelled,
    Meter,
    ProgressFn,
    check_cancel,
)

log = logging.getLogger(__name__)

REMOTE_TEMP_SUFFIX: Final = ".bowebb-part"
# Before a download resumes, this much at the start and at the end of what is already here is
# read again from the server and compared.
RESUME_CHECK_BYTES: Final = 64 * 1024


class _Local(Exception):
    """An OSError of this computer's file system (not the server's), while saving a file."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(str(cause))
        self.cause = cause


@contextlib.contextmanager
def _locally() -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise _Local(exc) from exc


def _file_error(kind: str, name: str, message: str) -> SftpError:
    return SftpError(kind, message, {"name": name})


# --- download ----------------------------------------------------------------------------


class Download:
    """Fetch ``a.remote_path`` into ``local_dir`` as ``a.local_name`` (a checked name); ``run``
    returns its SHA-256. A failed attempt keeps its part for a resume unless the source changed,
    the target exists or the disk is full; a cancelled one removes it."""

    def __init__(
        self, sftp: paramiko.SFTPClient, tuning: Tuning, a: Attempt, local_dir: Path, ow: bool
    ) -> None:
        self.sftp = sftp
        self.tuning = tuning
        self.a = a
        self.name = name = a.local_name
        self.local_dir = local_dir
        self.overwrite = ow
        self.final = local_dir / name
        self.part = local_dir / (name + parts.PART_SUFFIX)
        self.sidecar = local_dir / (name + parts.SIDECAR_SUFFIX)
        self.fd = -1
        self.keep_part = True
        self.meta: dict[str, object] = {}

    def run(self, progress: ProgressFn | None, cancel: CancelFlag | None) -> str:
        try:
            check_cancel(cancel)
            size, mtime = self._check_source()
            hasher = self._open_part(size, mtime is not None)
            offset = self.a.resumed_from or 0
            if progress:
                progress(offset, size)
            self._receive(hasher, offset, size, Meter(self.a, size, progress, cancel))
            self._put_in_place(size, mtime)
            return str(hasher.hexdigest())
        except Cancelled:
            self._close()
            parts.drop_part(self.part, self.sidecar)
            raise
        except Exception as exc:
            error = self._error(exc)
            self._keep_or_drop(error)
            raise error from None
        finally:
            self._close()

    def _error(self, exc: Exception) -> SftpError:
        if isinstance(exc, _Local):
            return local_error(self.name, exc.cause, "write")
        error = classify(exc)
        if error.kind == "changed" and error.params.get("name") != self.name:
            return _file_error("changed", self.name, f"{self.name} changed on the server.")
        return error

    def _check_source(self) -> tuple[int, int | None]:
        name = self.name
        st = self.sftp.lstat(self.a.remote_path)
        mode = st.st_mode or 0
        if stat.S_ISLNK(mode):
            raise _file_error(
                "name_refused", name, f"{name} is a symbolic link; links are not followed."
            )
        if not stat.S_ISREG(mode):
            raise _file_error("name_refused", name, f"{name} is not a regular file.")
        self.a.size = size = int(st.st_size or 0)
        # No mtime from the server: no change signal, so no resume (a replaced file of the
        # same size would be spliced onto the old part).
        mtime = None if st.st_mtime is None else int(st.st_mtime)
        self.meta = {"remote_path": self.a.remote_path, "size": size, "mtime": mtime}
        if not self.overwrite and os.path.lexists(self.final):
            self.keep_part = False
            raise _file_error("exists", name, f"{name} already exists in the target folder.")
        return size, mtime

    def _open_part(self, size: int, resumable: bool) -> Any:
        """Open the part (resumed only with a change signal, and only if a sample of what is
        already here still matches the server); returns the hasher, fed with the kept bytes."""
        hasher = hashlib.sha256()
        with _locally():
            self.fd, offset = parts.open_part(
                self.part, self.sidecar, self.meta, size, hasher, resumable=resumable
            )
        if offset and not _sample_matches(self.sftp, self.a.remote_path, self.fd, offset):
            log.warning("Not resuming %s: the server's copy differs", name_ref(self.name))
            self._close()
            with _locally():
                parts.drop_part(self.part, self.sidecar)
                hasher = hashlib.sha256()
                self.fd, offset = parts.open_part(
                    self.part, self.sidecar, self.meta, size, hasher, resumable=False
                )
        self.a.resumed_from = offset or None
        return hasher

    def _receive(self, hasher: Any, offset: int, size: int, meter: Meter) -> None:
        fd = self.fd

        def checkpoint(done: int) -> None:
            os.fsync(fd)
            parts.write_sidecar(self.sidecar, {**self.meta, "durable": offset + done})

        def write(data: bytes | bytearray) -> None:
            with _locally():
                parts.write_all(fd, data)

        def durable(done: int) -> None:
            with _locally():
                checkpoint(done)

        pool = fastpipe.BufferPool(self.tuning.read_request)
        digest = wire.Digest(hasher, write, self.tuning.hash_in_thread, durable, pool)
        try:
            wire.receive(
                self.sftp, self.a.remote_path, offset, size, self.tuning, digest.feed, meter, pool
            )
        finally:
            digest.finish()
            pool.clear()
        with _locally():
            os.fsync(fd)
            written = os.fstat(fd).st_size
        self._close()
        if written != size or offset + digest.done != size:
            raise SftpError(
                "other",
                f"{self.name}: received {written} of {size} bytes; not saved.",
                {"name": self.name, "got": written, "size": size},
            )

    def _put_in_place(self, size: int, mtime: int | None) -> None:
        name = self.name
        now = self.sftp.stat(self.a.remote_path)
        now_mtime = None if now.st_mtime is None else int(now.st_mtime)
        if int(now.st_size or 0) != size or now_mtime != mtime:
            self.keep_part = False
            raise _file_error("changed", name, f"{name} changed on the server while downloading.")
        if not self.overwrite and os.path.lexists(self.final):
            raise _file_error("exists", name, f"{name} appeared in the target folder meanwhile.")
        with _locally():
            os.replace(self.part, self.final)
            self.sidecar.unlink(missing_ok=True)
        parts.fsync_dir(self.local_dir)

    def _keep_or_drop(self, error: SftpError) -> None:
        full = error.kind in ("disk_full", "quota")
        if error.kind == "changed":
            self.keep_part = False
        if self.fd >= 0:
            if self.keep_part and not full:
                # The process is alive: make what arrived durable so a resume keeps it.
                with contextlib.suppress(OSError):
                    os.fsync(self.fd)
                    durable = os.fstat(self.fd).st_size
                    parts.write_sidecar(self.sidecar, {**self.meta, "durable": durable})
            self._close()
        if not self.keep_part or full:
            parts.drop_part(self.part, self.sidecar)

    def _close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


# --- upload ------------------------------------------------------------------------------


class Upload:
    """Send ``local_path`` into ``remote_dir`` as ``a.remote_path`` (a checked name); ``run``
    returns its SHA-256. A failed attempt keeps the temporary remote file for a resume unless
    the source changed, the target exists or the server refused the data; a cancelled one
    removes it."""

    def __init__(
        self,
        sftp: paramiko.SFTPClient,
        tuning: Tuning,
        a: Attempt,
        local_path: Path,
        remote_dir: str,
        ow: bool,
    ) -> None:
        self.sftp = sftp
        self.tuning = tuning
        self.a = a
        self.name = a.local_name
        self.local_path = local_path
        self.remote_dir = remote_dir
        self.overwrite = ow
        self.temp = ""
        self.keep_temp = True
        self.fd = -1
        self.extra: wire.ExtraSessions | None = None
        self.remote_size: int | None = None

    def run(self, progress: ProgressFn | None, cancel: CancelFlag | None) -> str:
        try:
            check_cancel(cancel)
            self._open_source()
            st = os.fstat(self.fd)
            t = self.tuning
            if t.upload_channels > 1 and st.st_size >= max(t.striped_min, wire.STRIPE_SPAN + 1):
                # Opened (usually already, since connecting) while the next round trips run
                # on the first channel; they join the upload once there.
                self.extra = wire.extra_opener(self.sftp, t)
            temp = _temp_name(self.remote_dir, self.name, st)
            # The target and the temporary name, looked up in one round trip.
            target_st, temp_st = wire.lstat_pair(self.sftp, self.a.remote_path, temp)
            size = self._check_source(st, target_st)
            self.temp = temp  # (only now: a refused upload leaves an earlier part alone)
            hasher = hashlib.sha256()
            offset = _remote_resume_offset(self.sftp, self.temp, size, temp_st)
            if offset and not _sample_matches(self.sftp, self.temp, self.fd, offset):
                log.warning("Not resuming %s: the server's part differs", name_ref(self.name))
                self.sftp.remove(self.temp)
                offset = 0
            if offset:
                self._rehash(hasher, offset)  # what the server has, from our unchanged file
            self.a.resumed_from = offset or None
            if progress:
                progress(offset, size)
            sent = self._send(hasher, offset, size, Meter(self.a, size, progress, cancel))
            self._check_sent(st, offset + sent, size)
            _rename_into_place(self.sftp, self.temp, self.a.remote_path, self.overwrite)
            return hasher.hexdigest()
        except Cancelled:
            _remove_quietly(self.sftp, self.temp)
            raise
        except Exception as exc:
            error = local_error(self.name, exc.cause, "read") if isinstance(exc, _Local) else None
            error = error or classify(exc)
            if self.temp and (not self.keep_temp or error.kind in ("quota", "permission_denied")):
                _remove_quietly(self.sftp, self.temp)
            raise error from None
        finally:
            if self.fd >= 0:
                os.close(self.fd)

    def _open_source(self) -> None:
        try:
            self.fd = os.open(self.local_path, os.O_RDONLY | parts.NOFOLLOW | parts.BINARY)
        except OSError as exc:
            if exc.errno == errno.ELOOP or os.path.islink(self.local_path):
                raise _file_error(
                    "name_refused",
                    self.name,
                    f"{self.name} is a symbolic link; links are not followed.",
                ) from None
            raise _Local(exc) from None

    def _check_source(self, st: os.stat_result, target: wire.Lstat) -> int:
        name = self.name
        if not stat.S_ISREG(st.st_mode):
            raise _file_error("name_refused", name, f"{name} is not a regular file.")
        self.a.size = st.st_size
        if _exists(target) and not self.overwrite:
            self.keep_temp = False
            raise _file_error("exists", name, f"{name} already exists on the server.")
        return st.st_size

    def _shorter(self) -> SftpError:
        return _file_error("changed", self.name, f"{self.name} got shorter while uploading.")

    def _rehash(self, hasher: Any, offset: int) -> None:
        left = offset
        while left:
            with _locally():
                chunk = os.read(self.fd, min(parts.REHASH_CHUNK, left))
            if not chunk:
                raise self._shorter()
            hasher.update(chunk)
            left -= len(chunk)

    def _send(self, hasher: Any, offset: int, size: int, meter: Meter) -> int:
        """Send from ``offset`` on; returns how many bytes were read and sent."""
        fd = self.fd
        digest = wire.Digest(hasher, None, self.tuning.upload_hash_in_thread)

        def source(n: int) -> bytes:
            with _locally():
                data = os.read(fd, n)
            if not data:
                raise self._shorter()
            digest.feed(data)
            return data

        extra: wire.ExtraSessions | tuple[()] = ()
        if self.extra is not None and size - offset >= self.tuning.striped_min:
            extra = self.extra  # they join the upload as soon as they are open
        try:
            self.remote_size = wire.send(
                self.sftp, self.temp, offset, size, self.tuning, source, meter, extra
            )
        finally:
            digest.finish()
        return digest.done

    def _check_sent(self, st: os.stat_result, sent: int, size: int) -> None:
        name = self.name
        after = os.fstat(self.fd)
        if after.st_size != size or after.st_mtime_ns != st.st_mtime_ns:
            self.keep_temp = False
            raise _file_error("changed", name, f"{name} changed on this computer while uploading.")
        remote_size = self.remote_size
        if remote_size is None:  # (a striped send stats the file as it closes it)
            remote_size = int(self.sftp.stat(self.temp).st_size or 0)
        if remote_size != size or sent != size:
            raise SftpError(
                "other",
                f"{name}: the server has {remote_size} of {size} bytes; not renamed.",
                {"name": name, "got": remote_size, "size": size},
            )


def _sample_matches(sftp: paramiko.SFTPClient, remote: str, fd: int, offset: int) -> bool:
    """Before a resume: the first and the last block of what is already there, read again
    from the server (``remote``) and compared with the local file (``fd``)."""
    block = RESUME_CHECK_BYTES
    spans = sorted({(0, min(block, offset)), (max(0, offset - block), offset)})
    with wire.remote_file(sftp, remote, "rb") as f:
        for start, end in spans:
            f.seek(start)
            theirs = f.read(end - start)
            with _locally():
                ours = os.pread(fd, end - start, start)
            if theirs != ours:
                return False
    return True


def _temp_name(remote_dir: str, name: str, st: os.stat_result) -> str:
    """Hidden, and tied to the local size and mtime: a changed source never resumes it."""
    tag = hashlib.sha256(f"{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:10]
    stem = name.encode("utf-8")[:200].decode("utf-8", "ignore")
    return posixpath.join(remote_dir, f".{stem}.{tag}{REMOTE_TEMP_SUFFIX}")


def _remote_exists(sftp: paramiko.SFTPClient, path: str) -> bool:
    try:
        sftp.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            return False
        raise
    return True


def _exists(got: wire.Lstat) -> bool:
    """``_remote_exists`` on an answer already there."""
    if isinstance(got, FileNotFoundError):
        return False
    if isinstance(got, OSError):
        if got.errno == errno.ENOENT:
            return False
        raise got
    return True


def _remote_resume_offset(sftp: paramiko.SFTPClient, temp: str, size: int, st: wire.Lstat) -> int:
    if isinstance(st, OSError):
        return 0
    if stat.S_ISREG(st.st_mode or 0) and int(st.st_size or 0) <= size:
        there = int(st.st_size or 0)
        if size > wire.STRIPE_SPAN:
            # It may have been written striped over several channels (wire.send): only the
            # bytes more than STRIPE_SPAN before its end are certainly all there.
            return max(0, there - wire.STRIPE_SPAN)
        return there
    sftp.remove(temp)  # not ours to resume: a link, or longer than the source
    return 0


def _remove_quietly(sftp: paramiko.SFTPClient, path: str) -> None:
    if not path:
        return
    try:
        sftp.remove(path)
    except Exception:
        log.info("Could not remove the temporary remote file %s", name_ref(path))


def _rename_into_place(sftp: paramiko.SFTPClient, temp: str, final: str, overwrite: bool) -> None:
    if not overwrite:
        # Plain SFTP rename refuses an existing target (OpenSSH: link + unlink): no race.
        try:
            sftp.rename(temp, final)
        except OSError as exc:
            if _remote_exists(sftp, final):
                name = posixpath.basename(final)
                raise _file_error(
                    "exists", name, f"{name} appeared on the server meanwhile."
                ) from None
            raise exc
        return
    try:
        sftp.posix_rename(temp, final)  # atomic replace, where offered
    except OSError:
        if _remote_exists(sftp, final):
            sftp.remove(final)
        sftp.rename(temp, final)
