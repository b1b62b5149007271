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

In fastpipe.BulkSender (the send side of uploads; what ``Channel.send`` →
``Transport._send_user_message`` → ``Packetizer.send_message`` do, for many packets at once):
- ``Channel.lock``, ``Channel.closed``, ``Channel._wait_for_send_window(size)``,
  ``Channel.out_window_size``, ``Channel.out_max_packet_size``: the remote window, taken
  under the channel's lock as ``Channel._send`` takes it.
- ``Transport.active``, ``Transport.clear_to_send`` (an Event) and
  ``Transport.clear_to_send_lock``: held while sending, as ``_send_user_message`` holds it,
  so no key exchange starts meanwhile.
- ``Transport.packetizer`` and its name-mangled state, under its ``__write_lock``:
  ``__block_engine_out`` (the AESGCM object), ``__iv_out``, ``__aead_out``, ``__etm_out``,
  ``__compress_engine_out``, ``__dump_packets``, ``__need_rekey``, ``__block_size_out``,
  ``__sequence_number_out``, ``__sent_bytes``, ``__sent_packets``,
  ``__received_bytes_overflow``, ``__received_packets_overflow``; ``REKEY_BYTES``,
  ``REKEY_PACKETS``, ``write_all(out)``, ``_trigger_rekey()``, ``_log(level, msg)``; the
  framing of ``_build_packet`` and the nonce of ``_inc_iv_counter`` (test_paramiko_pin.py
  checks their source still reads as BulkSender assumes).

In fastpipe.BulkReceiver (the receive side: ``Packetizer.read_message`` replaced on our one
transport's packetizer instance; what ``read_message`` + ``Transport.run`` do with AES-GCM
CHANNEL_DATA, for many packets per ``recv``):
- ``Packetizer.read_message()`` (the original is called for anything unusual) and
  ``read_all(n, check_rekey)``, which reads ``__remainder`` first: our buffer is handed back
  there before paramiko reads.
- The packetizer's name-mangled input state: ``__socket``, ``__remainder``,
  ``__block_engine_in``, ``__iv_in``, ``__aead_in``, ``__etm_in``, ``__compress_engine_in``,
  ``__dump_packets``, ``__need_rekey``, ``__block_size_in``, ``__mac_size_in``,
  ``__sequence_number_in``, ``__received_bytes``, ``__received_packets`` (and the overflow
  counts, ``REKEY_BYTES``, ``REKEY_PACKETS``, ``_trigger_rekey``, ``_log`` as above).
- ``Transport.active``, ``Transport.in_kex``, ``Transport._expected_packet`` (during a key
  exchange paramiko checks the order of messages: everything goes its way then),
  ``Transport._channels.get(chanid)`` and ``Channel._feed(bytes)``, which is what
  ``Transport.run`` calls for CHANNEL_DATA.
- ``BulkReceiver.drive`` (a download's reader reads the socket itself while the file is
  read): the packetizer's ``__closed`` and ``_check_keepalive()``, as ``read_all`` uses them
  when a recv times out; ``Transport.run`` starts a rekey (``need_rekey()``,
  ``_send_kex_init``) before its next ``read_message``, which is where a message the driver
  handed over is returned.

In ``_Sink`` / ``fastpipe.ReplySink`` (a download's replies parsed whole as they arrive): the
framing of ``_read_packet`` and ``_read_data_reply`` below, ``SFTPClient._expecting``,
``_lock``, ``_log``, ``Channel._check_add_window`` (``fastpipe.window_consumed``),
``Channel.timeout``. ``_send_reads`` frames READ requests as ``_async_request`` does.

In ``_read_data_reply`` (reads): ``SFTPClient._read_all``, ``_lock``, ``_expecting`` and
``_log``, as ``_read_response`` uses them (``_read_packet``'s framing: a length, the type,
the request id; DATA replies are handed over as bytes instead of a Message).
"""

from __future__ import annotations

import contextlib
import queue
import struct
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from logging import DEBUG
from typing import Any, Final, TypeAlias

import paramiko
from paramiko.buffered_pipe import PipeTimeout
from paramiko.sftp import (
    CMD_ATTRS,
    CMD_CLOSE,
    CMD_DATA,
    CMD_HANDLE,
    CMD_LSTAT,
    CMD_NAME,
    CMD_OPEN,
    CMD_OPENDIR,
    CMD_READ,
    CMD_READDIR,
    CMD_STAT,
    CMD_STATUS,
    CMD_WRITE,
    SFTP_EOF,
    SFTP_FLAG_CREATE,
    SFTP_FLAG_READ,
    SFTP_FLAG_TRUNC,
    SFTP_FLAG_WRITE,
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
    pieces = (b"".join((head, handle, struct.pack(">QI", offset, len(data)))), data)
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


Lstat: TypeAlias = paramiko.SFTPAttributes | OSError  # an lstat's answer: attributes, or its error


def lstat_pair(sftp: paramiko.SFTPClient, first: str, second: str) -> tuple[Lstat, Lstat]:
    """``sftp.lstat`` of two paths in one round trip; each answer is the attributes or the
    OSError that ``lstat`` would raise (other errors raise)."""
    if not isinstance(sftp, paramiko.SFTPClient):  # a scripted stand-in (tests)
        return _lstat(sftp, first), _lstat(sftp, second)
    replies = Replies()
    nums = [int(sftp._async_request(replies, CMD_LSTAT, p)) for p in (first, second)]
    out: list[Lstat] = []
    for num in nums:
        t, msg = _reply(sftp, replies, num)
        if t == CMD_ATTRS:
            out.append(paramiko.SFTPAttributes._from_msg(msg))
            continue
        if t != CMD_STATUS:
            raise SftpError("other", "Unexpected reply from the server.")
        try:
            sftp._convert_status(msg)  # raises; OK would be a protocol error
            raise SftpError("other", "Unexpected reply from the server.")
        except OSError as exc:
            out.append(exc)
    return out[0], out[1]


def _lstat(sftp: Any, path: str) -> Lstat:
    try:
        return sftp.lstat(path)
    except OSError as exc:
        return exc


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


_U32 = struct.Struct(">I")
_DATA_HEAD = struct.Struct(">BII")  # type, request id, data length


class DataReplies(Replies):
    """Replies whose DATA payload is kept as the ``bytes`` read off the channel (one copy)
    instead of a ``Message`` (three: paramiko's ``_read_packet`` slices the packet, then
    ``get_string`` copies the data out). Filled by ``_read_data_reply``."""

    got: dict[int, tuple[int, Any]]


def _read_data_reply(sftp: paramiko.SFTPClient) -> None:
    """Read one reply as ``SFTPClient._read_response(None)`` does (same errors, same
    ``_expecting`` bookkeeping), but a DATA reply for a ``DataReplies`` is handed over as bytes.
    """
    try:
        head = sftp._read_all(4)
        if head[0]:
            raise paramiko.SFTPError("Garbage packet received")
        size = _U32.unpack(head)[0]
        if size >= 9:
            part = sftp._read_all(9)
            t, num, n = _DATA_HEAD.unpack(part)
            if t == CMD_DATA and size == 9 + n:
                body: Any = sftp._read_all(n) if n else b""
            else:
                rest = sftp._read_all(size - 9) if size > 9 else b""
                body = paramiko.Message(part[5:] + rest)
        else:
            raw = sftp._read_all(size) if size else b""
            t = raw[0] if raw else 0
            body = paramiko.Message(raw[1:])
            num = body.get_int()
    except EOFError as e:
        raise paramiko.SSHException(f"Server connection dropped: {e}") from None
    with sftp._lock:
        if num not in sftp._expecting:  # e.g. for a file closed before its replies came
            sftp._log(DEBUG, f"Unexpected response #{num}")
            return
        fileobj = sftp._expecting.pop(num)
    if isinstance(body, bytes) and not isinstance(fileobj, DataReplies):
        body = paramiko.Message(_U32.pack(len(body)) + body)
    if fileobj is not type(None):  # (as paramiko: synchronous requests register NoneType)
        fileobj._async_response(t, body, num)


def _data_reply(sftp: paramiko.SFTPClient, replies: DataReplies, num: int) -> tuple[int, Any]:
    """``_reply`` for reads: a DATA reply comes back as (CMD_DATA, bytes)."""
    while num not in replies.got:
        _read_data_reply(sftp)
    return replies.got.pop(num)


class _Sink:
    """A download's replies read whole off the channel (fastpipe.ReplySink) instead of
    through ``SFTPClient._read_all``: the same replies, errors and window updates."""

    def __init__(
        self,
        sftp: paramiko.SFTPClient,
        chan: paramiko.Channel,
        pipe: Any,
        pool: fastpipe.BufferPool | None,
        drive: bool,
    ) -> None:
        self.sftp = sftp
        self.chan = chan
        self.pipe = pipe
        self.sink: fastpipe.ReplySink | None = pipe.attach_sink(pool)
        self.receiver: fastpipe.BulkReceiver | None = None
        if drive and self.sink is not None:
            self.receiver = fastpipe.receiver_of(chan.get_transport())

    def _next(self) -> tuple[int, int, Any, int]:
        """The next reply off the channel: read on this thread while the receiver lets it
        drive, else waited for from the transport thread."""
        sink, lock, receiver = self.sink, self.pipe._lock, self.receiver
        assert sink is not None
        timeout = self.chan.timeout
        done = sink.done
        if receiver is None:
            try:
                with lock:
                    return sink.get(timeout)
            except PipeTimeout:
                raise TimeoutError() from None
        while True:
            if done:
                with lock:
                    return done.popleft()
            if receiver.drive(lambda: bool(done), self.chan):
                continue
            with lock:
                got = sink.wait(0.005)  # (the transport thread's turn: it feeds the sink)
            if got is not None:
                return got
            if timeout is not None and time.monotonic() - sink.fed_at >= timeout:
                raise TimeoutError()

    def reply(self, replies: DataReplies, num: int) -> tuple[int, Any]:
        """``_data_reply`` through the sink."""
        sftp, chan = self.sftp, self.chan
        got = replies.got
        while num not in got:
            try:
                t, rnum, body, raw = self._next()
            except EOFError as e:
                raise paramiko.SSHException(f"Server connection dropped: {e}") from None
            if t < 0:
                raise paramiko.SFTPError("Garbage packet received")
            fastpipe.window_consumed(chan, raw)
            with sftp._lock:
                if rnum not in sftp._expecting:
                    sftp._log(DEBUG, f"Unexpected response #{rnum}")
                    continue
                fileobj = sftp._expecting.pop(rnum)
            if isinstance(body, bytearray):
                if not isinstance(fileobj, DataReplies):
                    body = paramiko.Message(_U32.pack(len(body)) + bytes(body))
            else:
                body = paramiko.Message(body[5:])
            if fileobj is not type(None):
                fileobj._async_response(t, body, rnum)
        return got.pop(num)

    def close(self) -> None:
        if self.receiver is not None:
            self.receiver.undrive()
            self.receiver = None
        if self.sink is not None:
            self.pipe.detach_sink(self.sink)
            self.sink = None


def _sink_for(
    sftp: paramiko.SFTPClient, tuning: Tuning, pool: fastpipe.BufferPool | None
) -> _Sink | None:
    if not tuning.reply_sink or not isinstance(sftp, paramiko.SFTPClient):
        return None
    chan = sftp.get_channel()
    pipe = None if chan is None else chan.in_buffer
    if not isinstance(pipe, fastpipe.ChunkPipe):
        return None
    sink = _Sink(sftp, chan, pipe, pool, tuning.drive_receive)
    return sink if sink.sink is not None else None


_READ_HEAD = struct.Struct(">IBII")  # length, CMD_READ, request id, handle length
_READ_TAIL = struct.Struct(">QI")  # offset, length


def _send_reads(
    sftp: paramiko.SFTPClient, replies: Replies, handle: bytes, reads: list[tuple[int, int]]
) -> list[int]:
    """SSH_FXP_READ requests for ``reads`` ((offset, length) each), framed here and sent in
    one go (one channel packet, one encryption, one syscall: BulkSender), numbered and
    registered as ``_async_request`` does; returns their request numbers."""
    if len(reads) == 1 or fastpipe.sender_of(sftp) is None:
        return [_read(sftp, replies, handle, off, n) for off, n in reads]
    with sftp._lock:
        first = int(sftp.request_number)
        nums = list(range(first, first + len(reads)))
        for num in nums:
            sftp._expecting[num] = replies
        sftp.request_number = first + len(reads)
    size = 1 + 4 + 4 + len(handle) + 8 + 4
    out = b"".join(
        _READ_HEAD.pack(size, CMD_READ, num, len(handle)) + handle + _READ_TAIL.pack(off, n)
        for num, (off, n) in zip(nums, reads, strict=True)
    )
    sender = fastpipe.sender_of(sftp)
    assert sender is not None
    sender.send((out,))
    return nums


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
    feed: Callable[[bytes | bytearray], None],
    advance: Advance,
    pool: fastpipe.BufferPool | None = None,
) -> None:
    """Pipelined reads of ``remote_path`` from ``offset`` to ``size``, in file order.

    ``feed`` gets every chunk in order, then ``advance(len, done)`` runs; either may raise to
    stop (what is in flight is collected first, unless the connection broke). ``pool``:
    where the chunks' buffers come from (the consumer gives each back once it is done)."""
    with remote_file(sftp, remote_path, "rb") as f:
        handle = f.handle
        replies = DataReplies()
        pending: deque[tuple[int, int, int]] = deque()  # (request, offset, length)
        next_off = offset
        done = offset
        # Requests go out in batches of this many (once that many replies are in), not one
        # per reply: fewer packets and wake-ups on both sides. The pipeline holds up to
        # batch - 1 more, so that at least read_depth stay in flight (a long round trip).
        batch = max(1, min(tuning.read_batch, tuning.read_depth))
        depth = tuning.read_depth + batch - 1
        sink = _sink_for(sftp, tuning, pool)
        try:
            while done < size:
                if len(pending) <= depth - batch or not pending:
                    reads: list[tuple[int, int]] = []
                    while len(pending) + len(reads) < depth and next_off < size:
                        n = min(tuning.read_request, size - next_off)
                        reads.append((next_off, n))
                        next_off += n
                    if reads:
                        nums = _send_reads(sftp, replies, handle, reads)
                        for num, (off, n) in zip(nums, reads, strict=True):
                            pending.append((num, off, n))
                num, off, n = pending[0]
                if sink is not None:
                    t, msg = sink.reply(replies, num)
                else:
                    t, msg = _data_reply(sftp, replies, num)
                pending.popleft()
                if t == CMD_DATA:
                    data = msg if isinstance(msg, bytes | bytearray) else msg.get_string()
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
                feed(data)  # (a bytearray from the sink: nothing else holds it)
                done += len(data)
                advance(len(data), done)
        except BaseException as exc:
            if sink is not None:
                sink.close()  # what it holds goes back to the channel's buffer
                sink = None
            if not broken(exc):  # collect what is in flight: the channel stays usable
                _drain(sftp, replies, [p[0] for p in pending])
            raise
        finally:
            if sink is not None:
                sink.close()


def send(
    sftp: paramiko.SFTPClient,
    remote_path: str,
    offset: int,
    size: int,
    tuning: Tuning,
    source: Callable[[int], bytes],
    advance: Advance,
    extra: Sequence[paramiko.SFTPClient] | ExtraSessions = (),
) -> int | None:
    """Pipelined writes of ``write_request`` bytes from ``offset`` to ``size``; every reply is
    checked, in order. ``source(n)`` gives the next at most ``n`` bytes (never empty);
    ``advance(len, acked)`` runs after each acknowledged write and may raise to stop.

    With ``extra`` SFTP sessions (other channels of the same connection), the writes are
    spread over all of them: each channel has its own flow-control window (sshd's is 2 MiB),
    so over a long round trip several carry that many times the data (``_send_striped``;
    sessions still being opened, ``ExtraSessions``, join as soon as they are there);
    the file's size on the server after closing is returned then (None otherwise)."""
    if isinstance(extra, ExtraSessions):
        return _send_striped([sftp], remote_path, offset, size, tuning, source, advance, extra)
    if extra:
        return _send_striped([sftp, *extra], remote_path, offset, size, tuning, source, advance)
    mode = "r+b" if offset else "wb"  # ("x" in paramiko 5 forgets the write flag)
    with remote_file(sftp, remote_path, mode) as f:
        handle = f.handle
        replies = DataReplies()
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
    return None


# A striped upload never sends a write ending more than this far past the end of the part of
# the file that is acknowledged without a gap. So in a temporary file it left behind, every
# byte more than this far before its end was written: a resume backs off by this much
# (files.py, ``_remote_resume_offset``), since the bytes after may hold gaps.
STRIPE_SPAN: Final = 8 * 1024 * 1024
_WB: Final = SFTP_FLAG_WRITE | SFTP_FLAG_CREATE | SFTP_FLAG_TRUNC  # paramiko's "wb"
_ATTRS: Final = paramiko.SFTPAttributes()  # none: as paramiko's open sends


class _Lane:
    """One SFTP session of a striped upload: its handle and the writes it has in flight."""

    def __init__(self, sftp: paramiko.SFTPClient) -> None:
        self.sftp = sftp
        self.handle = b""
        self.replies = Replies()
        self.pending: dict[int, tuple[int, int]] = {}  # request -> (offset, length)
        chan = sftp.get_channel()
        self.pipe = None if chan is None else chan.in_buffer
        self.timeout = None if chan is None else chan.timeout

    def request(self, t: int, *args: Any) -> int:
        return int(self.sftp._async_request(self.replies, t, *args))

    def reply(self, num: int) -> tuple[int, paramiko.Message]:
        return _reply(self.sftp, self.replies, num)


def _open_lanes(lanes: list[_Lane], remote_path: str, offset: int) -> None:
    """Open ``remote_path`` on every session in one round trip. The first session truncates
    unless resuming ("wb" / "r+b"); the others only create, so whichever is served first,
    the file starts empty (nothing is written before every open is answered)."""
    first = SFTP_FLAG_READ | SFTP_FLAG_WRITE if offset else _WB
    others = SFTP_FLAG_WRITE if offset else SFTP_FLAG_WRITE | SFTP_FLAG_CREATE
    nums = [
        lane.request(CMD_OPEN, remote_path, first if i == 0 else others, _ATTRS)
        for i, lane in enumerate(lanes)
    ]
    error: BaseException | None = None
    for lane, num in zip(lanes, nums, strict=True):
        t, msg = lane.reply(num)
        try:
            if t == CMD_STATUS:
                lane.sftp._convert_status(msg)  # raises
            if t != CMD_HANDLE:
                raise SftpError("other", "Unexpected reply from the server.")
            lane.handle = msg.get_binary()
        except Exception as exc:
            error = error or exc
    if error is not None:
        _close_quietly(lanes)
        raise error


def _close_lanes(lanes: list[_Lane], remote_path: str) -> int:
    """Close every handle and stat the file, in one round trip (the first session serves its
    requests in order, so the stat sees the file closed); returns its size."""
    nums = [lane.request(CMD_CLOSE, lane.handle) for lane in lanes]
    stat_num = lanes[0].request(CMD_STAT, remote_path)
    for lane in lanes:
        lane.handle = b""
    for lane, num in zip(lanes, nums, strict=True):
        lane.reply(num)  # as paramiko's close: the size check below is what counts
    t, msg = lanes[0].reply(stat_num)
    if t == CMD_STATUS:
        lanes[0].sftp._convert_status(msg)  # raises
    if t != CMD_ATTRS:
        raise SftpError("other", "Unexpected reply from the server.")
    return int(paramiko.SFTPAttributes._from_msg(msg).st_size or 0)


def _close_quietly(lanes: list[_Lane]) -> None:
    for lane in lanes:
        if lane.handle:
            with contextlib.suppress(Exception):
                lane.reply(lane.request(CMD_CLOSE, lane.handle))
            lane.handle = b""


def _send_striped(
    sftps: list[paramiko.SFTPClient],
    remote_path: str,
    offset: int,
    size: int,
    tuning: Tuning,
    source: Callable[[int], bytes],
    advance: Advance,
    joining: ExtraSessions | None = None,
) -> int:
    """``send`` over several sessions: the file is read (and hashed, by ``source``) in order,
    each write goes to the session with the fewest in flight, every reply is checked, and
    ``advance`` sees only the part acknowledged without a gap. No write is sent that ends more
    than STRIPE_SPAN past that part. Returns the file's size on the server once closed.

    ``joining``: sessions still being opened; writing starts on ``sftps`` and each of these
    joins (opens the file, then takes writes) as soon as it is there."""
    lanes = [_Lane(s) for s in sftps]
    opening: dict[int, tuple[_Lane, int]] = {}  # id(lane) -> (lane, OPEN request)
    wake = threading.Event()
    swapped: list[tuple[_Lane, Any]] = []

    def watch(lane: _Lane) -> None:
        if not isinstance(lane.pipe, fastpipe.ChunkPipe):
            raise SftpError("other", "Striped upload without the channel buffer it needs.")
        swapped.append((lane, lane.pipe.swap_event(wake)))

    def join(lane: _Lane) -> None:
        """An OPEN on a session that comes late: the file exists (its first open was
        answered), so it is opened for writing only."""
        watch(lane)
        opening[id(lane)] = (lane, lane.request(CMD_OPEN, remote_path, SFTP_FLAG_WRITE, _ATTRS))

    def opened(lane: _Lane, num: int) -> None:
        del opening[id(lane)]
        t, msg = lane.reply(num)  # (blocks only in settle_opening)
        if t == CMD_HANDLE:
            lane.handle = msg.get_binary()
            lanes.append(lane)
        # else: that session cannot open it; the others carry the file (nothing was sent)

    def settle_opening() -> None:
        for lane, num in list(opening.values()):
            opened(lane, num)

    try:
        for lane in lanes:
            watch(lane)
        _open_lanes(lanes, remote_path, offset)
        pos = offset
        acked = offset  # everything before this is acknowledged
        done: dict[int, int] = {}  # acknowledged beyond ``acked``: offset -> length
        timeout = lanes[0].timeout
        quiet_since = time.monotonic()
        while acked < size:
            if joining is not None and joining.done():
                for other in joining.get():
                    join(_Lane(other))
                joining = None
            while pos < size:
                lane = min(lanes, key=lambda ln: len(ln.pending))
                n = min(tuning.write_request, size - pos)
                if len(lane.pending) >= tuning.write_depth or pos + n - acked > STRIPE_SPAN:
                    break
                data = source(n)
                num = send_write(lane.sftp, lane.replies, lane.handle, pos, data)
                lane.pending[num] = (pos, len(data))
                pos += len(data)
            wake.clear()
            got = False
            for lane, num in list(opening.values()):
                pipe = lane.pipe
                assert pipe is not None
                if pipe.read_ready() or pipe.closed:
                    opened(lane, num)  # EOFError once the channel is gone
                    got = True
            for lane in lanes:
                pipe = lane.pipe
                assert pipe is not None
                while lane.pending and (pipe.read_ready() or pipe.closed):
                    lane.sftp._read_response(None)  # EOFError once the channel is gone
                    for num in list(lane.replies.got):
                        t, msg = lane.replies.got.pop(num)
                        off, n = lane.pending.pop(num)
                        if t != CMD_STATUS:
                            raise SftpError("other", "Unexpected reply from the server.")
                        _check_written(lane.sftp, msg)
                        done[off] = n
                        got = True
            while acked in done:
                n = done.pop(acked)
                acked += n
                advance(n, acked)
            # Only this thread empties the pipes (clearing ``wake``): with no reply read
            # since the clear above, a reply arriving now sets it again. A session still
            # being opened is looked at again within a tenth of a second.
            if got:
                quiet_since = time.monotonic()
            elif not wake.wait(timeout if joining is None else 0.1) and (
                timeout is not None and time.monotonic() - quiet_since >= timeout
            ):
                raise TimeoutError()
        settle_opening()
        return _close_lanes(lanes, remote_path)
    except BaseException as exc:
        everyone = lanes + [lane for lane, _ in opening.values()]
        if broken(exc):  # the session is unusable; the caller reconnects to resume
            for lane in everyone:
                chan = lane.sftp.get_channel()
                if chan is not None:
                    chan.close()
        else:  # collect what is in flight and close: the channels stay usable
            with contextlib.suppress(Exception):
                settle_opening()
            for lane in lanes:
                _drain(lane.sftp, lane.replies, list(lane.pending))
            _close_quietly(lanes)
        raise
    finally:
        for lane, old in swapped:
            if lane.pipe is not None:
                lane.pipe.swap_event(old)


def extra_sessions(sftp: paramiko.SFTPClient, tuning: Tuning) -> list[paramiko.SFTPClient]:
    """Up to ``tuning.upload_channels - 1`` more SFTP sessions on ``sftp``'s connection,
    opened once and kept with it (they close with the connection); fewer if the server
    refuses more sessions."""
    if not isinstance(sftp, paramiko.SFTPClient):
        return []
    chan = sftp.get_channel()
    transport = None if chan is None else chan.get_transport()
    if chan is None or transport is None or not transport.is_active():
        return []
    with _EXTRA_LOCK:  # one opener at a time: a second finds what the first opened
        return _open_extra(sftp, tuning, chan, transport)


def _open_extra(
    sftp: paramiko.SFTPClient, tuning: Tuning, chan: paramiko.Channel, transport: Any
) -> list[paramiko.SFTPClient]:
    have = [c for c in _EXTRA.get(sftp, []) if _alive(c)]
    while len(have) < tuning.upload_channels - 1:
        try:
            other = paramiko.SFTPClient.from_transport(
                transport, window_size=tuning.window_size, max_packet_size=tuning.max_packet_size
            )
        except (paramiko.SSHException, OSError, EOFError):
            break  # MaxSessions reached, or the like: stripe over what there is
        if other is None:
            break
        fastpipe.install(other)
        if tuning.bulk_send:
            fastpipe.install_sender(other)
        other.get_channel().settimeout(chan.gettimeout())
        have.append(other)
    _EXTRA[sftp] = have
    return have


class ExtraSessions:
    """``extra_sessions`` in a thread, so that opening them (three round trips) overlaps the
    upload's first steps on the main session."""

    def __init__(self, sftp: paramiko.SFTPClient, tuning: Tuning) -> None:
        self._got: list[paramiko.SFTPClient] = []
        self._timeout = tuning.stall_timeout
        self._thread = threading.Thread(
            target=self._open, args=(sftp, tuning), name="sftp-extra", daemon=True
        )
        self._thread.start()

    def _open(self, sftp: paramiko.SFTPClient, tuning: Tuning) -> None:
        with contextlib.suppress(Exception):  # none: the upload uses the main session only
            self._got = extra_sessions(sftp, tuning)

    def done(self) -> bool:
        return not self._thread.is_alive()

    def get(self) -> list[paramiko.SFTPClient]:
        self._thread.join(self._timeout)
        return [] if self._thread.is_alive() else [c for c in self._got if _alive(c)]


def extra_opener(sftp: paramiko.SFTPClient, tuning: Tuning) -> ExtraSessions:
    """The ExtraSessions of ``sftp``'s connection: the one still opening (connect starts it),
    else a new one (which finds the sessions already open, or reopens lost ones)."""
    with _OPENERS_LOCK:
        opener = _OPENERS.get(sftp)
        if opener is None or opener.done():
            opener = ExtraSessions(sftp, tuning)
            _OPENERS[sftp] = opener
        return opener


def _alive(sftp: paramiko.SFTPClient) -> bool:
    chan = sftp.get_channel()
    return chan is not None and not chan.closed


_EXTRA: weakref.WeakKeyDictionary[paramiko.SFTPClient, list[paramiko.SFTPClient]] = (
    weakref.WeakKeyDictionary()
)
_OPENERS: weakref.WeakKeyDictionary[paramiko.SFTPClient, ExtraSessions] = (
    weakref.WeakKeyDictionary()
)
_OPENERS_LOCK = threading.Lock()
_EXTRA_LOCK = threading.Lock()


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
        write: Callable[[bytes | bytearray], None] | None,
        threaded: bool,
        checkpoint: Callable[[int], None] | None = None,
        pool: fastpipe.BufferPool | None = None,
    ) -> None:
        self.hasher = hasher
        self.write = write
        self.pool = pool  # bytearrays consumed go back to it
        self.done = 0
        self._checkpoint = checkpoint
        self._next_checkpoint = CHECKPOINT_BYTES
        self.error: BaseException | None = None
        self._threaded = threaded
        self._q: queue.Queue[bytes | bytearray | None] = queue.Queue()
        self._room = threading.Semaphore(max(1, _QUEUE_BYTES // (256 * 1024)))
        self._thread: threading.Thread | None = None
        if threaded:
            self._thread = threading.Thread(target=self._run, name="sftp-digest", daemon=True)
            self._thread.start()

    def _consume(self, data: bytes | bytearray) -> None:
        if self.write is not None:
            self.write(data)
        self.hasher.update(data)
        self.done += len(data)
        if self.pool is not None and type(data) is bytearray:
            self.pool.give(data)  # written and hashed: nothing else holds it
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

    def feed(self, data: bytes | bytearray) -> None:
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
