"""The SFTP wire work: pipelined reads and writes straight off paramiko's SFTP channel.

paramiko's own read/write paths send 32 KiB requests and wait for each; here up to
``read_depth``/``write_depth`` requests of ~255 KiB are in flight, every reply is checked in
file order, and hashing (plus writing, for downloads) runs in a second thread so the network
loop keeps draining the channel. docs/performance.md ("SFTP") has the numbers.

paramiko's PRIVATE API used by this engine (tests/sftp/test_paramiko_pin.py checks that each
still exists with the same call signature; PARAMIKO_MAJOR there is the one major version it
was read against; pyproject.toml pins paramiko to it). Identical in paramiko 3.4.0 to 5.1.0.

Here (wire.py):
- ``SFTPClient._async_request(fileobj, t, *args)``: sends a READ request and registers
  ``fileobj`` for its reply; the only way to have many requests in flight.
- ``SFTPClient._read_response(waitfor=None)``: reads one reply and hands it to the registered
  object's ``_async_response(t, msg, num)`` (our ``Replies``).
- ``SFTPClient._convert_status(msg)``: turns a STATUS reply into paramiko's OSError/EOFError,
  so errors read the same as on paramiko's own paths.
- ``SFTPClient._lock``, ``SFTPClient._expecting``, ``SFTPClient.request_number``: ``send_write``
  numbers and registers a WRITE request itself (one copy of the data instead of four), exactly
  as ``_async_request`` does.
- ``SFTPClient._write_all(out)``: ``send_write`` sends the whole request with it.
- ``SFTPFile.handle``: the server's handle of an open file, for our own requests.
- ``paramiko.sftp.CMD_READ/CMD_WRITE/CMD_DATA/CMD_STATUS`` and ``int64``: message types and the
  64-bit offset marker that ``_async_request`` packs.
- ``SFTPClient._request(t, *args)``: one request and its reply; ``listdir_attr`` reads the
  names itself (as bytes) because paramiko's decodes them strictly and one name that is not
  UTF-8 would make the whole folder unlistable. ``SFTPAttributes._from_msg(msg, name, long)``.

In fastpipe.py (the channel's receive buffer, installed by connection.connect):
- ``Channel.in_buffer``: replaced by a ChunkPipe (paramiko's BufferedPipe copies quadratically);
  ChunkPipe has BufferedPipe's methods (set_event, feed, read_ready, read, empty, close, len).
- ``SFTPClient._read_all(n)`` and ``_write_all(out)``: replaced on our one client instance;
  paramiko's ``_read_packet``/``_send_packet`` call them for every message.
- ``Channel._check_add_window(n)``, ``Channel.remote_chanid``, ``Channel.timeout``,
  ``Transport._send_user_message(m)``: the window update that ``Channel.recv`` would send.
- ``paramiko.buffered_pipe.PipeTimeout``, ``paramiko.common.cMSG_CHANNEL_WINDOW_ADJUST``.
"""

from __future__ import annotations

import contextlib
import queue
import struct
import threading
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any, Final

import paramiko
from paramiko.sftp import (
    CMD_CLOSE,
    CMD_DATA,
    CMD_HANDLE,
    CMD_NAME,
    CMD_OPENDIR,
    CMD_READ,
    CMD_READDIR,
    CMD_STATUS,
    CMD_WRITE,
    SFTP_EOF,
    int64,
)

from bowebb_console.sftp import fastpipe
from bowebb_console.sftp.connection import SftpError, Tuning

_QUEUE_BYTES: Final = 32 * 1024 * 1024  # bound on data waiting for the hash/write thread
# A download's .part is fsynced this often and the sidecar records how much is durable: after
# a power cut, resume starts from there, not from bytes the page cache never wrote.
CHECKPOINT_BYTES: Final = 64 * 1024 * 1024

Advance = Callable[[int, int], None]  # (bytes in this chunk, bytes done in the file)


class Replies:
    """Collects SFTP responses by request number (paramiko calls ``_async_response``)."""

    def __init__(self) -> None:
        self.got: dict[int, tuple[int, paramiko.Message]] = {}

    def _async_response(self, t: int, msg: paramiko.Message, num: int) -> None:
        self.got[num] = (t, msg)


def broken(exc: BaseException) -> bool:
    """After these the SFTP stream may be cut mid-message: nothing more can be read from it."""
    if isinstance(exc, TimeoutError | EOFError | ConnectionError | paramiko.SSHException):
        return True
    if isinstance(exc, paramiko.SFTPError):
        return True
    return isinstance(exc, OSError) and exc.errno is None and "closed" in str(exc).lower()


@contextlib.contextmanager
def remote_file(sftp: paramiko.SFTPClient, path: str, mode: str) -> Iterator[Any]:
    """sftp.open() whose close neither hangs on nor hides a broken connection."""
    f = sftp.open(path, mode)
    try:
        yield f
    except BaseException as exc:
        if broken(exc):
            chan = sftp.get_channel()
            if chan is not None:
                chan.close()  # the session is unusable; the caller reconnects to resume
        else:
            with contextlib.suppress(Exception):
                f.close()
        raise
    f.close()


def send_write(
    sftp: paramiko.SFTPClient, fileobj: Any, handle: bytes, offset: int, data: bytes
) -> int:
    """An SSH_FXP_WRITE request with one copy of ``data`` (paramiko's Message path makes
    four); returns the request number, whose reply goes to ``fileobj._async_response``."""
    with sftp._lock:
        num = int(sftp.request_number)
        sftp._expecting[num] = fileobj
        sftp.request_number += 1
    head = struct.pack(
        ">IBII", 1 + 4 + 4 + len(handle) + 8 + 4 + len(data), CMD_WRITE, num, len(handle)
    )
    pieces = (head, handle, struct.pack(">QI", offset, len(data)), data)
    sender = fastpipe.sender_of(sftp)
    if sender is not None:
        sender.send(pieces)  # framed and encrypted in bulk, no copy of the request
    else:
        sftp._write_all(b"".join(pieces))
    return num


def listdir_attr(sftp: paramiko.SFTPClient, path: str) -> list[paramiko.SFTPAttributes]:
    """paramiko's ``listdir_attr``, except that names are decoded with ``surrogateescape``: a
    name that is not UTF-8 comes back with lone surrogates (names.check_name refuses it)
    instead of making the whole folder unlistable."""
    if not isinstance(sftp, paramiko.SFTPClient):  # a scripted stand-in (tests)
        return list(sftp.listdir_attr(path))
    t, msg = sftp._request(CMD_OPENDIR, path)
    if t != CMD_HANDLE:
        raise paramiko.SFTPError("Expected handle")
    handle = msg.get_binary()
    out = []
    try:
        while True:
            try:
                t, msg = sftp._request(CMD_READDIR, handle)
            except EOFError:
                break
            if t != CMD_NAME:
                raise paramiko.SFTPError("Expected name response")
            for _ in range(msg.get_int()):
                name = msg.get_string().decode("utf-8", "surrogateescape")
                longname = msg.get_string().decode("utf-8", "replace")
                attr = paramiko.SFTPAttributes._from_msg(msg, name, longname)
                if name not in (".", ".."):
                    out.append(attr)
    finally:
        with contextlib.suppress(Exception):
            sftp._request(CMD_CLOSE, handle)
    return out


def _status(sftp: paramiko.SFTPClient, msg: paramiko.Message) -> None:
    """A STATUS reply to a READ: end of file means the file got shorter on the server (the
    connection is fine); other errors raise as paramiko raises them."""
    code = msg.get_int()
    text = msg.get_text()
    if code == SFTP_EOF:
        raise SftpError("changed", "The file got shorter on the server.")
    again = paramiko.Message()
    again.add_int(code)
    again.add_string(text)
    again.rewind()
    sftp._convert_status(again)


def _reply(sftp: paramiko.SFTPClient, replies: Replies, num: int) -> tuple[int, paramiko.Message]:
    """Read until the reply to request ``num`` has arrived (others are kept for later)."""
    while num not in replies.got:
        sftp._read_response(None)
    return replies.got.pop(num)


def _drain(sftp: paramiko.SFTPClient, replies: Replies, nums: list[int]) -> None:
    """Collect the replies still in flight, so the channel stays usable after a stop."""
    try:
        for num in nums:
            _reply(sftp, replies, num)
    except Exception:
        pass  # the connection is gone; the caller reports why


def _read(sftp: paramiko.SFTPClient, replies: Replies, handle: bytes, off: int, n: int) -> int:
    return int(sftp._async_request(replies, CMD_READ, handle, int64(off), int(n)))


def receive(
    sftp: paramiko.SFTPClient,
    remote_path: str,
    offset: int,
    size: int,
    tuning: Tuning,
    feed: Callable[[bytes], None],
    advance: Advance,
) -> None:
    """Pipelined reads of ``remote_path`` from ``offset`` to ``size``, in file order.

    ``feed`` gets every chunk in order, then ``advance(len, done)`` runs; either may raise to
    stop (what is in flight is collected first, unless the connection broke)."""
    with remote_file(sftp, remote_path, "rb") as f:
        handle = f.handle
        replies = Replies()
        pending: deque[tuple[int, int, int]] = deque()  # (request, offset, length)
        next_off = offset
        done = offset
        try:
            while done < size:
                while len(pending) < tuning.read_depth and next_off < size:
                    n = min(tuning.read_request, size - next_off)
                    pending.append((_read(sftp, replies, handle, next_off, n), next_off, n))
                    next_off += n
                num, off, n = pending[0]
                t, msg = _reply(sftp, replies, num)
                pending.popleft()
                if t == CMD_DATA:
                    data = msg.get_string()
                elif t == CMD_STATUS:
                    _status(sftp, msg)  # raises; EOF means the file shrank
                    raise SftpError("other", "Unexpected reply from the server.")
                else:
                    raise SftpError("other", "Unexpected reply from the server.")
                if not data:
                    raise SftpError("changed", "The file got shorter on the server.")
                if len(data) < n:
                    # A short read: ask for the rest before anything else, keeping order.
                    rest = _read(sftp, replies, handle, off + len(data), n - len(data))
                    pending.appendleft((rest, off + len(data), n - len(data)))
                feed(data)
                done += len(data)
                advance(len(data), done)
        except BaseException as exc:
            if not broken(exc):  # collect what is in flight: the channel stays usable
                _drain(sftp, replies, [p[0] for p in pending])
            raise


def send(
    sftp: paramiko.SFTPClient,
    remote_path: str,
    offset: int,
    size: int,
    tuning: Tuning,
    source: Callable[[int], bytes],
    advance: Advance,
) -> None:
    """Pipelined writes of ``write_request`` bytes from ``offset`` to ``size``; every reply is
    checked, in order. ``source(n)`` gives the next at most ``n`` bytes (never empty);
    ``advance(len, acked)`` runs after each acknowledged write and may raise to stop."""
    mode = "r+b" if offset else "wb"  # ("x" in paramiko 5 forgets the write flag)
    with remote_file(sftp, remote_path, mode) as f:
        handle = f.handle
        replies = Replies()
        pending: deque[tuple[int, int]] = deque()  # (request, length)
        pos = offset
        acked = offset
        try:
            while acked < size:
                while len(pending) < tuning.write_depth and pos < size:
                    data = source(min(tuning.write_request, size - pos))
                    pending.append((send_write(sftp, replies, handle, pos, data), len(data)))
                    pos += len(data)
                num, n = pending[0]
                t, msg = _reply(sftp, replies, num)
                pending.popleft()
                if t != CMD_STATUS:
                    raise SftpError("other", "Unexpected reply from the server.")
                _check_written(sftp, msg)
                acked += n
                advance(n, acked)
        except BaseException as exc:
            if not broken(exc):
                _drain(sftp, replies, [p[0] for p in pending])
            raise


def _check_written(sftp: paramiko.SFTPClient, msg: paramiko.Message) -> None:
    try:
        sftp._convert_status(msg)  # raises unless OK
    except OSError as exc:
        if exc.errno is not None:  # e.g. EACCES: classify() says so
            raise
        # OpenSSH reports a failed write (disk full, quota) only as a generic failure.
        raise SftpError(
            "quota",
            "The server refused to store more data: its disk is full or your quota is used up.",
        ) from None


class Digest:
    """SHA-256 (and, for downloads, writing) off the network thread, in order.

    The network thread hands over chunks; this thread hashes and ``write``s them. The queue is
    bounded in bytes so a slow disk slows the network, not memory. ``checkpoint(done)`` runs
    every CHECKPOINT_BYTES (the download makes its part durable there)."""

    def __init__(
        self,
        hasher: Any,  # hashlib's sha256 object
        write: Callable[[bytes], None] | None,
        threaded: bool,
        checkpoint: Callable[[int], None] | None = None,
    ) -> None:
        self.hasher = hasher
        self.write = write
        self.done = 0
        self._checkpoint = checkpoint
        self._next_checkpoint = CHECKPOINT_BYTES
        self.error: BaseException | None = None
        self._threaded = threaded
        self._q: queue.Queue[bytes | None] = queue.Queue()
        self._room = threading.Semaphore(max(1, _QUEUE_BYTES // (256 * 1024)))
        self._thread: threading.Thread | None = None
        if threaded:
            self._thread = threading.Thread(target=self._run, name="sftp-digest", daemon=True)
            self._thread.start()

    def _consume(self, data: bytes) -> None:
        if self.write is not None:
            self.write(data)
        self.hasher.update(data)
        self.done += len(data)
        if self._checkpoint is not None and self.done >= self._next_checkpoint:
            self._next_checkpoint = self.done + CHECKPOINT_BYTES
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
