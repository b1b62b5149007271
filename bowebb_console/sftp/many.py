"""Many small files at once on one SFTP channel: each file's steps (open, write or read,
close, rename) are requests in flight together with the other files' steps, so a folder of
small files costs a few round trips in all instead of several per file.

Each file is a generator (``_upload`` / ``_download``): it yields the requests of one step,
gets their replies back in order, and returns the file's SHA-256 (or raises). ``run`` drives
up to ``Tuning.files_in_flight`` of them from one thread: it sends their requests, reads
replies as they come, and hands each step's replies back when all have arrived. Nothing here
calls paramiko's synchronous requests while the loop runs, except rare fallbacks (a server
without posix-rename, a short read) from the loop's own thread, where paramiko passes the other
replies on to us.

The file-safety rules are files.py's: a partial file never carries its final name (upload: a
hidden temporary name, renamed when the server has every byte; download: ``name.part`` with
its sidecar, fsynced, then renamed), links are not followed, nothing is overwritten unless
asked, a file that changed on either side fails as "changed". Small files are not resumed (a
failed one is sent again whole). Every outcome goes to ``done(index, sha, error)``; the caller
(engine.TransferEngine.run_jobs) turns it into the file's one record.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import logging
import os
import stat
import threading
from collections import deque
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import paramiko
from paramiko.sftp import (
    CMD_ATTRS,
    CMD_CLOSE,
    CMD_DATA,
    CMD_EXTENDED,
    CMD_FSTAT,
    CMD_HANDLE,
    CMD_LSTAT,
    CMD_OPEN,
    CMD_READ,
    CMD_REMOVE,
    CMD_RENAME,
    CMD_STAT,
    CMD_STATUS,
    SFTP_EOF,
    SFTP_FLAG_CREATE,
    SFTP_FLAG_READ,
    SFTP_FLAG_TRUNC,
    SFTP_FLAG_WRITE,
    SFTP_NO_SUCH_FILE,
    SFTP_OK,
    SFTP_PERMISSION_DENIED,
    int64,
)

from bowebb_console.sftp import fastpipe, files, parts, wire
from bowebb_console.sftp.connection import SftpError, Tuning, classify, local_error
from bowebb_console.sftp.queue import Attempt, CancelFlag, check_cancel

log = logging.getLogger(__name__)

# A request: (command, args) for paramiko's _async_request, or ("write", handle, offset, data).
Op = tuple[Any, ...]
Reply = tuple[Any, Any]  # (message type, paramiko.Message), or (LOCAL, error or None)
Step = Generator[list[Op], list[Reply], str]

LOCAL: Final = "local"  # (LOCAL, fn): work on this computer; the reply is (LOCAL, error)


class Fallback(Exception):
    """This file needs the one-file path (files.py): too big, or a server's short reads."""


@dataclass
class Item:
    """One file for ``run``: what to move and where, as engine.TransferEngine checked it."""

    index: int
    a: Attempt
    direction: str
    source: str  # local path (upload) or remote path (download)
    target_dir: str  # remote folder (upload) or local folder (download)
    overwrite: bool
    cancel: CancelFlag | None
    size_hint: int = 0  # bytes expected (the plan's size), for the in-flight bound


ProgressFn = Callable[[int, int, int], None]  # (index, done, size)
DoneFn = Callable[[Item, str | None, BaseException | None], None]


def _status_error(code: int, text: str) -> OSError:
    """paramiko's own mapping (SFTPClient._convert_status), without EOFError."""
    if code == SFTP_NO_SUCH_FILE:
        return FileNotFoundError(errno.ENOENT, text)
    if code == SFTP_PERMISSION_DENIED:
        return PermissionError(errno.EACCES, text)
    return OSError(text)


def _ok(reply: Reply) -> None:
    t, msg = reply
    if t != CMD_STATUS:
        raise SftpError("other", "Unexpected reply from the server.")
    code = msg.get_int()
    if code != SFTP_OK:
        raise _status_error(code, msg.get_text())


def _expect(reply: Reply, want: int) -> paramiko.Message:
    t, msg = reply
    if t == CMD_STATUS:
        code = msg.get_int()
        text = msg.get_text()
        if code == SFTP_EOF:
            raise SftpError("changed", "The file got shorter on the server.")
        raise _status_error(code, text)
    if t != want:
        raise SftpError("other", "Unexpected reply from the server.")
    return msg


def _attrs(reply: Reply) -> paramiko.SFTPAttributes:
    return paramiko.SFTPAttributes._from_msg(_expect(reply, CMD_ATTRS))


def _missing(reply: Reply) -> bool:
    """An LSTAT reply: True when there is nothing at that path."""
    t, msg = reply
    if t == CMD_STATUS:
        code = msg.get_int()
        if code == SFTP_NO_SUCH_FILE:
            return True
        raise _status_error(code, msg.get_text())
    return False


def _open(path: str, flags: int) -> Op:
    return (CMD_OPEN, path, flags, paramiko.SFTPAttributes())


# --- one small upload --------------------------------------------------------------------


def _upload(sftp: paramiko.SFTPClient, it: Item, tuning: Tuning, progress: ProgressFn) -> Step:
    a, name = it.a, it.a.local_name
    try:
        fd = os.open(it.source, os.O_RDONLY | parts.NOFOLLOW | parts.BINARY)
    except OSError as exc:
        if exc.errno == errno.ELOOP or os.path.islink(it.source):
            raise SftpError(
                "name_refused", f"{name} is a symbolic link; links are not followed.",
                {"name": name},
            ) from None  # fmt: skip
        raise local_error(name, exc, "read") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SftpError("name_refused", f"{name} is not a regular file.", {"name": name})
        if st.st_size > tuning.small_file_max:
            raise Fallback()
        a.size = st.st_size
        chunks: list[bytes] = []
        left = st.st_size
        while left:
            chunk = os.read(fd, left)
            if not chunk:
                raise SftpError("changed", f"{name} got shorter while uploading.", {"name": name})
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise local_error(name, exc, "read") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    sha = hashlib.sha256(data).hexdigest()
    progress(it.index, 0, a.size)
    temp = files._temp_name(it.target_dir, name, st)
    handle = b""
    made = False
    try:
        check_cancel(it.cancel)
        first = [_open(temp, SFTP_FLAG_WRITE | SFTP_FLAG_CREATE | SFTP_FLAG_TRUNC)]
        if not it.overwrite:
            first.append((CMD_LSTAT, a.remote_path))
        replies = yield first
        handle = _expect(replies[0], CMD_HANDLE).get_binary()
        made = True
        if not it.overwrite and not _missing(replies[1]):
            raise SftpError("exists", f"{name} already exists on the server.", {"name": name})
        check_cancel(it.cancel)
        step: list[Op] = []
        for off in range(0, len(data), tuning.write_request):
            step.append(("write", handle, off, data[off : off + tuning.write_request]))
        step += [(CMD_FSTAT, handle), (CMD_CLOSE, handle)]
        replies = yield step
        for reply in replies[:-2]:
            _ok(reply)
        remote_size = int(_attrs(replies[-2]).st_size or 0)
        _ok(replies[-1])
        handle = b""
        a.moved = len(data)
        after = os.lstat(it.source)
        if after.st_size != st.st_size or after.st_mtime_ns != st.st_mtime_ns:
            raise SftpError(
                "changed", f"{name} changed on this computer while uploading.", {"name": name}
            )
        if remote_size != len(data):
            raise SftpError(
                "other",
                f"{name}: the server has {remote_size} of {len(data)} bytes; not renamed.",
                {"name": name, "got": remote_size, "size": len(data)},
            )
        progress(it.index, len(data), len(data))
        check_cancel(it.cancel)
        if it.overwrite:
            replies = yield [(CMD_EXTENDED, "posix-rename@openssh.com", temp, a.remote_path)]
            try:
                _ok(replies[0])
            except OSError:  # no posix-rename here: the one-file way (remove, rename)
                files._rename_into_place(sftp, temp, a.remote_path, True)
        else:
            replies = yield [(CMD_RENAME, temp, a.remote_path)]
            try:
                _ok(replies[0])
            except OSError:
                if files._remote_exists(sftp, a.remote_path):
                    raise SftpError(
                        "exists", f"{name} appeared on the server meanwhile.", {"name": name}
                    ) from None
                raise
        return sha
    except GeneratorExit:
        raise
    except BaseException:
        cleanup: list[Op] = []
        if handle:
            cleanup.append((CMD_CLOSE, handle))
        if made:
            cleanup.append((CMD_REMOVE, temp))
        if cleanup:
            yield cleanup  # replies ignored: the file's outcome is already decided
        raise


# --- one small download ------------------------------------------------------------------


def _download(sftp: paramiko.SFTPClient, it: Item, tuning: Tuning, progress: ProgressFn) -> Step:
    a, name = it.a, it.a.local_name
    local_dir = Path(it.target_dir)
    final = local_dir / name
    if not it.overwrite and os.path.lexists(final):
        raise SftpError("exists", f"{name} already exists in the target folder.", {"name": name})
    handle = b""
    try:
        check_cancel(it.cancel)
        replies = yield [(CMD_LSTAT, a.remote_path), _open(a.remote_path, SFTP_FLAG_READ)]
        opened: Exception | None = None
        try:
            handle = _expect(replies[1], CMD_HANDLE).get_binary()
        except (OSError, SftpError) as exc:
            opened = exc
        st = _attrs(replies[0])  # (a handle we got is closed on the way out)
        mode = st.st_mode or 0
        if stat.S_ISLNK(mode):
            raise SftpError(
                "name_refused", f"{name} is a symbolic link; links are not followed.",
                {"name": name},
            )  # fmt: skip
        if not stat.S_ISREG(mode):
            raise SftpError("name_refused", f"{name} is not a regular file.", {"name": name})
        if opened is not None:
            raise opened
        a.size = size = int(st.st_size or 0)
        if size > tuning.small_file_max:
            raise Fallback()
        mtime = None if st.st_mtime is None else int(st.st_mtime)
        progress(it.index, 0, size)
        check_cancel(it.cancel)
        reads = [
            (CMD_READ, handle, int64(off), min(tuning.read_request, size - off))
            for off in range(0, size, tuning.read_request)
        ]
        replies = yield [*reads, (CMD_CLOSE, handle), (CMD_STAT, a.remote_path)]
        handle = b""
        pieces = []
        for (_, _, _, n), reply in zip(reads, replies, strict=False):
            piece = _expect(reply, CMD_DATA).get_string()
            if len(piece) != n:
                raise Fallback()  # a server with short reads: the one-file path handles them
            pieces.append(piece)
        _ok(replies[-2])
        now = _attrs(replies[-1])
        now_mtime = None if now.st_mtime is None else int(now.st_mtime)
        if int(now.st_size or 0) != size or now_mtime != mtime:
            raise SftpError("changed", f"{name} changed on the server.", {"name": name})
        data = b"".join(pieces)
        a.moved = len(data)
        check_cancel(it.cancel)
        save = functools.partial(
            _save, local_dir, name, final, it.overwrite, a.remote_path, size, mtime, data
        )
        replies = yield [(LOCAL, save)]  # fsyncs: in a worker, while the channel keeps going
        if replies[0][1] is not None:
            raise replies[0][1]
        progress(it.index, size, size)
        return hashlib.sha256(data).hexdigest()
    except GeneratorExit:
        raise
    except BaseException:
        if handle:
            yield [(CMD_CLOSE, handle)]
        raise


def _save(
    local_dir: Path,
    name: str,
    final: Path,
    overwrite: bool,
    remote_path: str,
    size: int,
    mtime: int | None,
    data: bytes,
) -> None:
    """The part protocol of files.Download, for a file already in memory."""
    part = local_dir / (name + parts.PART_SUFFIX)
    sidecar = local_dir / (name + parts.SIDECAR_SUFFIX)
    meta: dict[str, object] = {"remote_path": remote_path, "size": size, "mtime": mtime}
    fd = -1
    try:
        fd, _ = parts.open_part(part, sidecar, meta, size, None, resumable=False)
        parts.write_all(fd, data)
        os.fsync(fd)
        os.close(fd)
        fd = -1
        if not overwrite and os.path.lexists(final):
            raise SftpError("exists", f"{name} appeared in the target folder meanwhile.",
                            {"name": name})  # fmt: skip
        os.replace(part, final)
        sidecar.unlink(missing_ok=True)
    except OSError as exc:
        raise local_error(name, exc, "write") from None
    finally:
        if fd >= 0:
            os.close(fd)
        if os.path.lexists(sidecar):
            parts.drop_part(part, sidecar)
    parts.fsync_dir(local_dir)


# --- the loop ----------------------------------------------------------------------------


@dataclass(eq=False)
class _Flight:
    item: Item
    gen: Step
    nums: list[int] = field(default_factory=list)
    got: dict[int, Reply] = field(default_factory=dict)


class _Router:
    """paramiko calls ``_async_response`` for every reply to our requests."""

    def __init__(self) -> None:
        self.owner: dict[int, _Flight | None] = {}
        self.ready: deque[_Flight] = deque()

    def _async_response(self, t: int, msg: paramiko.Message, num: int) -> None:
        flight = self.owner.pop(num, None)
        if flight is None:
            return
        flight.got[num] = (t, msg)
        if len(flight.got) == len(flight.nums):
            self.ready.append(flight)


def run(
    sftp: paramiko.SFTPClient,
    items: Sequence[Item],
    tuning: Tuning,
    progress: ProgressFn,
    done: DoneFn,
) -> None:
    """Move ``items``, up to ``tuning.files_in_flight`` at once; ``done`` gets each outcome
    (in the order they finish). A file that needs the one-file path ends with ``Fallback``."""
    if not items:
        return
    router = _Router()
    waiting = deque(items)
    active: set[_Flight] = set()
    in_flight_bytes = 0
    local_done: deque[tuple[_Flight, BaseException | None]] = deque()
    chan = sftp.get_channel()
    pipe = chan.in_buffer if chan is not None else None
    wake = threading.Event()
    threaded = isinstance(pipe, fastpipe.ChunkPipe) and tuning.local_workers > 0
    pool = ThreadPoolExecutor(tuning.local_workers, "sftp-save") if threaded else None
    local_pending = 0

    def local(flight: _Flight, fn: Callable[[], None]) -> None:
        nonlocal local_pending

        def run_it() -> None:
            try:
                fn()
            except BaseException as exc:
                local_done.append((flight, exc))
            else:
                local_done.append((flight, None))
            wake.set()

        local_pending += 1
        if pool is None:
            run_it()
        else:
            pool.submit(run_it)

    def send(flight: _Flight, ops: list[Op]) -> None:
        flight.nums, flight.got = [], {}
        if ops and ops[0][0] == LOCAL:
            local(flight, ops[0][1])
            return
        for op in ops:
            if op[0] == "write":
                num = wire.send_write(sftp, router, op[1], op[2], op[3])
            else:
                num = int(sftp._async_request(router, *op))
            router.owner[num] = flight
            flight.nums.append(num)
        if not ops:
            router.ready.append(flight)

    def finish(flight: _Flight, sha: str | None, error: BaseException | None) -> None:
        nonlocal in_flight_bytes
        active.discard(flight)
        in_flight_bytes -= flight.item.size_hint
        done(flight.item, sha, error)

    def advance(flight: _Flight, value: list[Reply] | None) -> None:
        try:
            ops = next(flight.gen) if value is None else flight.gen.send(value)
        except StopIteration as stop:
            finish(flight, str(stop.value), None)
            return
        except Exception as exc:
            if wire.broken(exc) and not isinstance(exc, SftpError):
                raise  # the connection: every file in flight fails with it
            finish(flight, None, exc)
            return
        send(flight, ops)

    def local_step() -> bool:
        nonlocal local_pending
        if not local_done:
            return False
        flight, error = local_done.popleft()
        local_pending -= 1
        advance(flight, [(LOCAL, error)])
        return True

    old_event = pipe.swap_event(wake) if threaded and pipe is not None else None
    try:
        while waiting or active:
            while (
                waiting
                and len(active) < tuning.files_in_flight
                and (not active or in_flight_bytes < tuning.bytes_in_flight)
            ):
                item = waiting.popleft()
                make = _upload if item.direction == "upload" else _download
                flight = _Flight(item, make(sftp, item, tuning, progress))
                active.add(flight)
                in_flight_bytes += item.size_hint
                advance(flight, None)
            if router.ready:
                flight = router.ready.popleft()
                advance(flight, [flight.got[n] for n in flight.nums])
                continue
            wake.clear()
            if local_step():
                continue
            if router.owner and (not local_pending or pipe is None or _readable(pipe)):
                sftp._read_response(None)  # blocks at most the channel's stall timeout
            elif local_pending or router.owner:
                wake.wait(1.0)  # local work, or replies, whichever comes first
        if pool is not None:
            pool.shutdown()
    except BaseException as exc:
        # The connection broke (or a bug): every file still moving fails with its cause,
        # except one whose local save finished meanwhile (it is in place: it ends "ok").
        if pool is not None:
            pool.shutdown()
        with contextlib.suppress(Exception):
            while local_step():
                pass
        error = classify(exc) if isinstance(exc, Exception) else exc
        for flight in list(active):
            flight.gen.close()
            finish(flight, None, error)
        active.clear()
        for item in waiting:
            done(item, None, error)
        if not isinstance(exc, Exception) or wire.broken(exc):
            chan = sftp.get_channel()
            if chan is not None:
                with contextlib.suppress(Exception):  # already gone: nothing to close
                    chan.close()
        if not isinstance(exc, Exception):
            raise
    finally:
        if threaded and pipe is not None:
            pipe.swap_event(old_event)


def _readable(pipe: Any) -> bool:
    return bool(pipe.read_ready() or getattr(pipe, "closed", False))
