"""A leaner receive path for the SFTP channel (measured: docs/performance.md, "SFTP").

paramiko buffers channel data in an ``array('B')`` and answers each read by copying the front
out and deleting it, which moves every byte still buffered: with megabytes in flight, receiving
becomes quadratic. Here incoming packets stay as the ``bytes`` objects they arrived as, in a
deque, and the SFTP client reads whole messages in one step (one join, one window update)
instead of paramiko's loop of ``recv`` calls and concatenations.

Only our own channel is patched, never paramiko's classes. The private names of paramiko this
relies on are listed at the top of wire.py.
"""

from __future__ import annotations

import os
import struct
import threading
import time
import types
import weakref
from collections import deque
from collections.abc import Callable, Sequence
from logging import DEBUG
from typing import Any, Final

import paramiko
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from paramiko.buffered_pipe import PipeTimeout
from paramiko.common import cMSG_CHANNEL_DATA, cMSG_CHANNEL_WINDOW_ADJUST


class ChunkPipe:
    """Drop-in for paramiko.BufferedPipe (same methods and semantics)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cv = threading.Condition(self._lock)
        self._event: threading.Event | None = None
        self._chunks: deque[bytes] = deque()
        self._size = 0
        self._closed = False
        # How many bytes each waiting reader needs: a packet that does not complete any of
        # them wakes nobody (a 255 KiB SFTP reply arrives in ~10 packets).
        self._needs: list[int] = []
        self._fed_at = 0.0
        self._woken = False  # notified since a waiter last waited
        self._sink: ReplySink | None = None  # while a download reads replies whole

    def feed_view(self, data: memoryview) -> None:
        """``feed`` for a view of a buffer its caller reuses (BulkReceiver): a sink copies
        the bytes straight into its replies, otherwise they are kept as ``bytes``."""
        with self._lock:
            sink = self._sink
            if sink is not None:
                sink.take(data)
                return
        self.feed(bytes(data))

    def attach_sink(self, pool: BufferPool | None = None) -> ReplySink | None:
        """From now on channel data is parsed into whole SFTP replies by a ReplySink (the
        caller reads them with ``ReplySink.get``) until ``detach_sink``. None if the pipe is
        closed or already has one."""
        with self._lock:
            if self._closed or self._sink is not None:
                return None
            sink = ReplySink(self._cv, pool)
            if self._size:  # (nothing is in flight when a download starts; to be safe)
                for chunk in self._chunks:
                    sink.take(memoryview(chunk))
                self._chunks.clear()
                self._size = 0
            sink.fed_at = self._fed_at
            self._sink = sink
            return sink

    def detach_sink(self, sink: ReplySink) -> None:
        """Back to plain buffering. What the sink holds and its reader did not take (whole
        replies and a partial one) goes back into the pipe as the raw bytes it came as, in
        order, so paramiko's own reads continue exactly where the sink stopped."""
        with self._lock:
            if self._sink is not sink:
                return
            self._sink = None
            raw = sink.give_back()
            if raw:
                self._chunks.appendleft(raw)
                self._size += len(raw)
                if self._event is not None:
                    self._event.set()
            self._fed_at = max(self._fed_at, sink.fed_at)
            self._cv.notify_all()

    def set_event(self, event: threading.Event) -> None:
        with self._lock:
            self._event = event
            if self._closed or self._size:
                event.set()
            else:
                event.clear()

    def swap_event(self, event: threading.Event | None) -> threading.Event | None:
        """Set the event that ``feed`` and ``close`` set (many.py waits on it together with
        local work); returns the one it replaces."""
        with self._lock:
            old, self._event = self._event, event
            if event is not None and (self._closed or self._size):
                event.set()
            return old

    @property
    def closed(self) -> bool:
        return self._closed

    def feed(self, data: bytes) -> None:
        if not data:
            return
        with self._lock:
            if self._sink is not None:
                self._sink.take(memoryview(data))
                return
            if self._event is not None:  # (may be paramiko's pipe for Channel.fileno: no is_set)
                self._event.set()
            self._chunks.append(bytes(data))
            self._size += len(data)
            self._fed_at = time.monotonic()
            needs = self._needs
            if needs and not self._woken and self._size >= min(needs):
                self._woken = True  # once: the waiters re-arm it when they wait again
                self._cv.notify_all()

    def read_ready(self) -> bool:
        with self._lock:
            return self._size > 0

    def _wait(self, needed: int, timeout: float | None) -> None:
        # Caller holds the lock.
        if self._size >= needed or self._closed:
            return
        needs = self._needs
        needs.append(needed)
        try:
            wait = timeout
            while self._size < needed and not self._closed:
                self._woken = False
                if not self._cv.wait(wait) and timeout is not None:
                    # A timeout counts from the last bytes that arrived, as paramiko's does
                    # (a reader here is not woken by every packet).
                    wait = self._fed_at + timeout - time.monotonic()
                    if wait <= 0:
                        raise PipeTimeout()
        finally:
            needs.remove(needed)

    def _take(self, nbytes: int) -> bytes:
        # Caller holds the lock; nbytes <= self._size.
        chunks = self._chunks
        first = chunks[0]
        if len(first) == nbytes:
            chunks.popleft()
            out = first
        elif len(first) > nbytes:
            out = first[:nbytes]
            chunks[0] = first[nbytes:]
        else:
            parts = []
            left = nbytes
            while left:
                head = chunks[0]
                if len(head) <= left:
                    parts.append(chunks.popleft())
                    left -= len(head)
                else:
                    parts.append(head[:left])
                    chunks[0] = head[left:]
                    left = 0
            out = b"".join(parts)
        self._size -= nbytes
        if not self._size and self._event is not None and not self._closed:
            self._event.clear()
        return out

    def read(self, nbytes: int, timeout: float | None = None) -> bytes:
        with self._lock:
            self._wait(1, timeout)
            if not self._size:
                return b""
            return self._take(min(nbytes, self._size))

    def read_exact(self, nbytes: int, timeout: float | None = None) -> bytes:
        """Exactly ``nbytes``, or fewer only if the pipe was closed."""
        with self._lock:
            self._wait(nbytes, timeout)
            return self._take(min(nbytes, self._size)) if self._size else b""

    def empty(self) -> bytes:
        with self._lock:
            out = b"".join(self._chunks)
            self._chunks.clear()
            self._size = 0
            if self._event is not None and not self._closed:
                self._event.clear()
            return out

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._sink is not None:
                self._sink.closed = True
            self._cv.notify_all()
            if self._event is not None:
                self._event.set()

    def __len__(self) -> int:
        with self._lock:
            return self._size


class BufferPool:
    """Reply buffers of one size, used again once their data is written and hashed: a new
    255 KiB ``bytearray`` per reply costs zeroing and page faults on the transport thread.
    ``take`` and ``give`` may run on different threads (deque operations are atomic)."""

    def __init__(self, size: int, keep: int = 32) -> None:
        self.size = size
        self._free: deque[bytearray] = deque(maxlen=keep)

    def take(self, n: int) -> bytearray:
        if n == self.size:
            try:
                return self._free.pop()
            except IndexError:
                pass
        return bytearray(n)

    def give(self, buf: bytearray) -> None:
        """``buf`` is no longer used by anyone (its data was consumed)."""
        if len(buf) == self.size:
            self._free.append(buf)

    def clear(self) -> None:
        self._free.clear()


_SFTP_LEN = struct.Struct(">I")
_SFTP_HEAD = struct.Struct(">IBII")  # length, type, request id, data length (a DATA reply)
_SFTP_DATA: Final = 103  # SSH_FXP_DATA
_SFTP_HEAD_LEN: Final = 13


class ReplySink:
    """SFTP replies parsed off the channel data as it arrives (on the transport thread),
    for a download's reader: a DATA reply's data is copied once, straight into a
    ``bytearray`` of its own (no chunks to join, no ``bytes`` per packet), and the reader is
    woken once per whole reply, not per packet.

    Lives inside a ChunkPipe and under its lock (``attach_sink``/``detach_sink``); every
    byte of the channel goes through it while attached, whichever path fed it (the
    BulkReceiver, or paramiko's own during a key exchange). ``get`` hands replies over in
    order as ``(type, request id, body, raw length)``: ``body`` is the data (a bytearray)
    of a well-formed DATA reply, else the bytes after the request id, as
    ``wire._read_data_reply`` reads them."""

    def __init__(self, cv: threading.Condition, pool: BufferPool | None = None) -> None:
        self._cv = cv  # the pipe's (its lock guards everything here)
        self._pool = pool
        self.done: deque[tuple[int, int, Any, int]] = deque()
        self.closed = False
        self.fed_at = 0.0
        self.waiting = False
        self._head = bytearray()  # the start of the message being read (up to 13 bytes)
        self._size = -1  # its length field (-1: not known yet)
        self._body: bytearray | None = None  # a DATA reply's data, being filled
        self._fill = 0
        self._num = 0
        self._rest: bytearray | None = None  # any other message, being filled
        self._bad: bytearray | None = None  # everything from a garbage length on

    def take(self, view: memoryview) -> None:
        """Parse ``view`` (the caller holds the pipe's lock)."""
        self.fed_at = time.monotonic()
        pos, n = 0, len(view)
        completed = False
        while pos < n:
            body = self._body
            if body is not None:  # (the common case: a packet inside a DATA reply)
                fill = self._fill
                k = min(n - pos, len(body) - fill)
                body[fill : fill + k] = view[pos : pos + k]
                pos += k
                fill += k
                if fill == len(body):
                    self.done.append((_SFTP_DATA, self._num, body, 4 + self._size))
                    self._body = None
                    self._head.clear()
                    self._size = -1
                    completed = True
                else:
                    self._fill = fill
                continue
            rest = self._rest
            if rest is not None:
                k = min(n - pos, self._size - len(rest))
                rest += view[pos : pos + k]
                pos += k
                if len(rest) == self._size:
                    self._finish_other(rest)
                    completed = True
                continue
            if self._bad is not None:  # after garbage: kept raw for paramiko to refuse
                self._bad += view[pos:]
                break
            head = self._head
            size = self._size
            k = min(n - pos, (4 if size < 0 else 4 + min(size, 9)) - len(head))
            head += view[pos : pos + k]
            pos += k
            if size < 0 and len(head) == 4:
                self._size = size = _SFTP_LEN.unpack_from(head)[0]
                if head[0]:  # as paramiko's _read_packet: no SFTP message is that long
                    self._bad = bytearray(head)
                    head.clear()
                    self.done.append((-1, -1, b"", 0))
                    completed = True
                    continue
            if size >= 0 and len(head) == 4 + min(size, 9):
                completed |= self._start_body()
        if completed and self.waiting:
            self._cv.notify_all()

    def _start_body(self) -> bool:
        """The header is there: choose how the body is read. True if a message completed."""
        head, size = self._head, self._size
        if size >= 9:
            t, num, n = _SFTP_HEAD.unpack_from(head)[1:]
            if t == _SFTP_DATA and size == 9 + n:
                self._num = num
                if n == 0:
                    self.done.append((t, num, bytearray(), 4 + size))
                    head.clear()
                    self._size = -1
                    return True
                self._body = bytearray(n) if self._pool is None else self._pool.take(n)
                self._fill = 0
                return False
        # Anything else: the whole message, then parsed as _read_data_reply parses it.
        rest = bytearray(head[4:])
        del head[4:]
        if len(rest) > size:  # (a message shorter than the 9 header bytes read)
            raise AssertionError("unreachable: the header read stops at the message's end")
        self._rest = rest
        if len(rest) == size:
            self._finish_other(rest)
            return True
        return False

    def _finish_other(self, raw: bytearray) -> None:
        size = self._size
        t = raw[0] if raw else 0
        # (as _read_data_reply: a message too short for a request id reads as zeros)
        num = _SFTP_LEN.unpack_from(bytes(raw[1:5]).ljust(4, b"\0"))[0]
        self.done.append((t, num, bytes(raw), 4 + size))
        self._rest = None
        self._head.clear()
        self._size = -1

    def get(self, timeout: float | None) -> tuple[int, int, Any, int]:
        """The next reply, waiting for it (the caller holds the pipe's lock). Raises
        EOFError once the channel is closed and nothing is left, PipeTimeout after
        ``timeout`` seconds without any bytes arriving."""
        done = self.done
        if done:
            return done.popleft()
        self.waiting = True
        try:
            wait = timeout
            while not done and not self.closed:
                if not self._cv.wait(wait) and timeout is not None:
                    wait = self.fed_at + timeout - time.monotonic()
                    if wait <= 0:
                        raise PipeTimeout()
        finally:
            self.waiting = False
        if done:
            return done.popleft()
        raise EOFError()

    def wait(self, seconds: float) -> tuple[int, int, Any, int] | None:
        """The next reply if one comes within ``seconds`` (caller holds the pipe's lock);
        EOFError once the channel is closed and nothing is left."""
        done = self.done
        if not done and not self.closed:
            self.waiting = True
            try:
                self._cv.wait(seconds)
            finally:
                self.waiting = False
        if done:
            return done.popleft()
        if self.closed:
            raise EOFError()
        return None

    def give_back(self) -> bytes:
        """Everything held, as the bytes that came off the channel (caller holds the lock)."""
        parts: list[bytes] = []
        for t, num, body, raw_len in self.done:
            if t < 0:
                continue  # (the garbage itself is in _bad)
            if t == _SFTP_DATA and isinstance(body, bytearray):
                parts.append(_SFTP_HEAD.pack(raw_len - 4, t, num, len(body)) + body)
            else:
                parts.append(_SFTP_LEN.pack(raw_len - 4) + body)
        self.done.clear()
        if self._bad is not None:
            parts.append(bytes(self._bad))
        elif self._body is not None:
            parts.append(bytes(self._head) + self._body[: self._fill])
        elif self._rest is not None:
            parts.append(bytes(self._head[:4]) + self._rest)
        else:
            parts.append(bytes(self._head))
        self._body = self._rest = self._bad = None
        self._head.clear()
        self._size = -1
        return b"".join(parts)


def window_consumed(chan: paramiko.Channel, nbytes: int) -> None:
    """What ``Channel.recv`` does after reading: count ``nbytes`` towards the window and
    send the adjustment when paramiko says it is due."""
    ack = chan._check_add_window(nbytes)
    if ack > 0:
        m = paramiko.Message()
        m.add_byte(cMSG_CHANNEL_WINDOW_ADJUST)
        m.add_int(chan.remote_chanid)
        m.add_int(ack)
        chan.transport._send_user_message(m)


def install(sftp: paramiko.SFTPClient) -> None:
    """Give ``sftp``'s channel a ChunkPipe and whole-message reads. Call right after opening
    the SFTP client, before any request is in flight."""
    chan = sftp.get_channel()
    if chan is None:
        return
    old = chan.in_buffer
    pipe = ChunkPipe()
    leftover = old.empty()  # the server's version reply may already be here
    if leftover:
        pipe.feed(leftover)
    chan.in_buffer = pipe

    def _read_all(self: Any, n: int) -> bytes:
        try:
            data = pipe.read_exact(n, chan.timeout)
        except PipeTimeout:
            raise TimeoutError() from None
        if len(data) < n:
            raise EOFError()
        window_consumed(chan, len(data))
        return data

    def _write_all(self: Any, out: bytes) -> None:
        # paramiko's loop re-slices the remaining bytes after every 32 KiB packet (quadratic
        # copying); a memoryview slices for free and paramiko's Message accepts it.
        view = memoryview(out)
        while view:
            n = chan.send(view)
            if n <= 0:
                raise EOFError()
            view = view[n:]

    sftp._read_all = types.MethodType(_read_all, sftp)
    sftp._write_all = types.MethodType(_write_all, sftp)


# --- the send side: many CHANNEL_DATA packets per lock, per encryption pass, per syscall ----

_CHANNEL_DATA: Final = 94  # SSH_MSG_CHANNEL_DATA
_GCM_TAG: Final = 16
_GCM_BLOCK: Final = 16
_MAX_PAD: Final = 3 + _GCM_BLOCK  # paramiko's padding is 4..19 bytes for a 16-byte block
_POOL: Final = 64 * 1024  # random bytes drawn at once for padding
_HEAD = struct.Struct(">BBII")  # padding length, CHANNEL_DATA, recipient channel, data length
_LEN = struct.Struct(">I")
_CTR = struct.Struct(">Q")  # the nonce's invocation counter (RFC 5647, 7.1)


class BulkSender:
    """Channel data for one SFTP channel, sent as paramiko would send it, in bulk.

    ``Channel.send`` costs a Message, two locks, a padding draw, an AES-GCM call and a
    ``socket.send`` for every packet of at most 32 KiB (sshd's packet limit for a session
    channel), all in Python: the upload's CPU bottleneck. ``send`` takes the remote window for
    as many packets as it has data for (under the channel's lock, exactly as
    ``Channel._wait_for_send_window`` does, waiting only when the window is shut), then — under
    the transport's ``clear_to_send_lock`` and the Packetizer's write lock, as
    ``Transport._send_user_message`` and ``Packetizer.send_message`` hold them — frames,
    pads and encrypts all those packets into one buffer with paramiko's cipher state (its
    AES-GCM object, nonce counter and sequence number, which it advances), writes it with
    ``Packetizer.write_all`` and counts the bytes and packets towards paramiko's rekey limits.

    Anything unusual sends the packets through paramiko's own path instead (``Message`` +
    ``Transport._send_user_message``): a cipher other than AES-GCM, encrypt-then-MAC,
    compression, packet dumps, a key exchange pending or running, a transport not active. A
    batch stops as soon as it crosses paramiko's rekey limit (paramiko asks for the new keys
    then, as it does itself); the rest goes the normal way, which waits for the key exchange.
    """

    def __init__(self, chan: paramiko.Channel) -> None:
        self.chan = chan
        self.transport = chan.transport
        self.fast_packets = 0  # how many packets went each way (tests look)
        self.slow_packets = 0
        self._plain = bytearray()
        self._out = bytearray()
        self._pool = b""
        self._pool_at = 0

    def send(self, pieces: Sequence[bytes | memoryview]) -> None:
        """Send the concatenation of ``pieces`` as channel data, all of it, in order; raises
        as ``Channel.send`` would (EOFError when the channel is at its end)."""
        views = [memoryview(p).cast("B") for p in pieces if len(p)]
        left = sum(len(v) for v in views)
        while left:
            granted = self._window(left)
            packets, views = _split(views, granted, self.chan.out_max_packet_size - 64)
            left -= granted
            done = self._fast(packets)
            for segs in packets[done:]:
                self._slow(segs)

    def _window(self, want: int) -> int:
        chan = self.chan
        with chan.lock:
            if chan.closed:
                raise OSError("Socket is closed")  # what Channel.send raises
            first = int(chan._wait_for_send_window(want))  # waits while the window is shut
            if first <= 0:
                raise EOFError()
            extra = min(int(chan.out_window_size), want - first)
            if extra > 0:
                chan.out_window_size -= extra
                return first + extra
            return first

    def _padding(self, n: int) -> bytes:
        """``n`` random bytes (padding, as paramiko draws it), from a pool: one getrandom
        call per many batches, no byte used twice."""
        if len(self._pool) - self._pool_at < n:
            self._pool = os.urandom(max(n, _POOL))
            self._pool_at = 0
        at = self._pool_at
        self._pool_at = at + n
        return self._pool[at : at + n]

    def _slow(self, segs: list[memoryview]) -> None:
        m = paramiko.Message()
        m.add_byte(cMSG_CHANNEL_DATA)
        m.add_int(self.chan.remote_chanid)
        m.add_string(segs[0].tobytes() if len(segs) == 1 else b"".join(segs))
        self.transport._send_user_message(m)
        self.slow_packets += 1

    def _fast(self, packets: list[list[memoryview]]) -> int:
        """Encrypt and write as many of ``packets`` as the fast path may; returns how many."""
        t = self.transport
        if not t.active or not t.clear_to_send.is_set():
            return 0
        with t.clear_to_send_lock:
            if not t.clear_to_send.is_set():
                return 0
            pk = t.packetizer
            with pk._Packetizer__write_lock:
                return self._encrypt_and_write(pk, packets)

    def _encrypt_and_write(self, pk: Any, packets: list[list[memoryview]]) -> int:
        # Caller holds clear_to_send_lock (no key exchange can start) and the write lock.
        aead = pk._Packetizer__block_engine_out
        iv = pk._Packetizer__iv_out
        if (
            type(aead) is not AESGCM
            or not pk._Packetizer__aead_out
            or pk._Packetizer__etm_out
            or pk._Packetizer__compress_engine_out is not None
            or pk._Packetizer__dump_packets
            or pk._Packetizer__need_rekey
            or pk._Packetizer__block_size_out != _GCM_BLOCK
            or not isinstance(iv, bytes)
            or len(iv) != 12
        ):
            return 0
        seq = int(pk._Packetizer__sequence_number_out)
        if seq + len(packets) > 0xFFFFFFFF:
            return 0  # let paramiko handle the wrap
        sent_bytes = int(pk._Packetizer__sent_bytes)
        sent_packets = int(pk._Packetizer__sent_packets)
        rekey_bytes, rekey_packets = pk.REKEY_BYTES, pk.REKEY_PACKETS
        chanid = self.chan.remote_chanid
        biggest = self.chan.out_max_packet_size  # no packet carries more (_split)
        if len(self._plain) < 10 + biggest + _MAX_PAD:
            self._plain = bytearray(10 + biggest + _MAX_PAD)
        plain = self._plain
        pview = memoryview(plain)
        room = len(packets) * (4 + 10 + biggest + _MAX_PAD + _GCM_TAG)
        if len(self._out) < room:
            self._out = bytearray(room)
        out = memoryview(self._out)
        fixed = iv[:4]
        counter = int.from_bytes(iv[4:], "big")
        pad_bytes = self._padding(_MAX_PAD * len(packets))
        head_into, len_into, ctr = _HEAD.pack_into, _LEN.pack_into, _CTR.pack
        encrypt = aead.encrypt_into
        pos = 0
        pp = 0  # next unused padding byte
        count = 0
        rekey = False
        for segs in packets:
            # plaintext: padding length, CHANNEL_DATA, channel, data length, data, padding
            q = 10
            for seg in segs:
                e = q + len(seg)
                pview[q:e] = seg
                q = e
            n = q - 10
            # paramiko's 3 + bsize - ((len(payload) + 4) % bsize), payload = 9 + n bytes
            pad = 19 - ((n + 13) & 15)
            head_into(plain, 0, pad, _CHANNEL_DATA, chanid, n)
            e = q + pad  # = the packet length field: 1 + payload + padding
            pview[q:e] = pad_bytes[pp : pp + pad]
            pp += pad
            len_into(out, pos, e)
            end = pos + 4 + e + _GCM_TAG
            encrypt(fixed + ctr(counter), pview[:e], out[pos : pos + 4], out[pos + 4 : end])
            counter += 1
            count += 1
            sent_bytes += end - pos
            sent_packets += 1
            pos = end
            if sent_bytes >= rekey_bytes or sent_packets >= rekey_packets:
                rekey = True
                break
        # paramiko's order: nonce and sequence number first, then the write, then the counts.
        pk._Packetizer__iv_out = fixed + counter.to_bytes(8, "big")
        pk._Packetizer__sequence_number_out = (seq + count) & 0xFFFFFFFF
        pk.write_all(out[:pos])
        pk._Packetizer__sent_bytes = sent_bytes
        pk._Packetizer__sent_packets = sent_packets
        self.fast_packets += count
        if rekey:
            # As Packetizer.send_message does when a packet crosses the limit.
            pk._log(DEBUG, f"Rekeying (hit {sent_packets} packets, {sent_bytes} bytes sent)")
            pk._Packetizer__received_bytes_overflow = 0
            pk._Packetizer__received_packets_overflow = 0
            pk._trigger_rekey()
        return count


def _split(
    views: list[memoryview], nbytes: int, maxp: int
) -> tuple[list[list[memoryview]], list[memoryview]]:
    """The first ``nbytes`` of ``views`` as packets of at most ``maxp`` bytes (each a list of
    slices), and the views that remain."""
    packets: list[list[memoryview]] = []
    segs: list[memoryview] = []
    room = maxp
    i = 0
    v = views[0] if views else memoryview(b"")
    while nbytes:
        ln = len(v)
        take = ln if ln <= room and ln <= nbytes else min(room, nbytes)
        if take == ln:
            segs.append(v)
            i += 1
            v = views[i] if i < len(views) else memoryview(b"")
        else:
            segs.append(v[:take])
            v = v[take:]
        nbytes -= take
        room -= take
        if not room or not nbytes:
            packets.append(segs)
            segs = []
            room = maxp
    rest = ([v] if len(v) else []) + views[i + 1 :]
    return packets, rest


def install_sender(sftp: paramiko.SFTPClient) -> BulkSender | None:
    chan = sftp.get_channel()
    if chan is None:
        return None
    sender = BulkSender(chan)
    _SENDERS[sftp] = sender
    return sender


def sender_of(sftp: Any) -> BulkSender | None:
    try:
        return _SENDERS.get(sftp)
    except TypeError:  # not weak-referenceable: a scripted stand-in
        return None


_SENDERS: weakref.WeakKeyDictionary[Any, BulkSender] = weakref.WeakKeyDictionary()


# --- the receive side: CHANNEL_DATA packets decrypted and handed to their channel in bulk ---

_RBUF: Final = 1024 * 1024  # receive buffer (many packets per recv)
# At most this much per recv: the transport thread then lets go of the GIL between bursts of
# packets, so the SFTP reader can take its replies and send new requests (medians of 4 runs
# of benchmarks.sftp, load 4-5: 0.90x OpenSSH at 64 KiB, 0.85x reading up to 4 MiB at once).
_RECV_MAX: Final = 64 * 1024
# Larger packets (never sent to us: our channels take at most 256 KiB) go paramiko's way.
_MAX_FAST: Final = 512 * 1024
_U32 = struct.Struct(">I")
_U32X2 = struct.Struct(">II")
_LAST_SEQ: Final = 0xFFFFFFFF
# A download's own thread reads as much as is there (no other thread waits for the GIL).
_DRIVE_RECV_MAX: Final = 256 * 1024
_NOTHING: Final = object()


class BulkReceiver:
    """The transport thread's ``Packetizer.read_message``, in bulk, for AES-GCM.

    paramiko reads each packet with two ``recv`` calls, copies it five times and builds a
    ``Message`` that ``Transport.run`` dispatches to ``Channel._feed``: per packet (sshd sends
    SFTP data in packets of ~16–32 KiB, ~50 000 per GiB) that Python is the download's CPU
    bottleneck. Installed on one transport's packetizer (the instance, not the class), this
    reads many packets per ``recv_into`` into one buffer, decrypts each with paramiko's own
    AES-GCM object and nonce, advances paramiko's sequence number, nonce and received
    bytes/packets (asking for a rekey at paramiko's limits, exactly as ``read_message`` does),
    and hands CHANNEL_DATA straight to ``Channel._feed`` — what ``Transport.run`` does with
    it — without returning to the loop. Every other packet is returned as paramiko returns it
    (a ``Message`` with its ``seqno``), for ``Transport.run`` to handle.

    Anything unusual goes paramiko's own way: a cipher other than AES-GCM (the state is
    checked before every packet, so a key exchange that changes it is followed), compression,
    packet dumps, a rekey pending or a key exchange running (paramiko checks the order of key
    exchange messages), a packet that is malformed or too large, a channel not open, and every
    ``recv`` that times out, fails or reaches the end. Before going that way the bytes this
    buffer holds are handed back to paramiko (its ``__remainder``, which ``read_all`` reads
    first), so paramiko sees the stream exactly where this left it.
    """

    def __init__(self, transport: paramiko.Transport) -> None:
        self.transport = transport
        self.pk = pk = transport.packetizer
        self._paramiko = pk.read_message  # the bound method of the class
        self._buf = bytearray(_RBUF)
        self._view = memoryview(self._buf)
        self._plain = bytearray(_MAX_FAST)  # one packet, decrypted
        self._pview = memoryview(self._plain)
        self._start = 0
        self._end = 0
        self.fast_packets = 0  # channel data handed over here / packets returned (tests look)
        self.returned_packets = 0
        self.slow_calls = 0
        self.driven_packets = 0  # channel data read by a driving download's thread
        # Who reads the socket: "transport", "driver" (a download's reader, ``drive``) or
        # nobody; the buffer above belongs to whoever does.
        self._cv = threading.Condition()
        self._owner: str | None = None
        self._want = False  # a download drives: the transport thread leaves the socket alone
        self._no_drive = False  # a driver met the end of the stream: never again
        self._handed: deque[tuple[int, paramiko.Message]] = deque()  # for Transport.run
        self._dispatching = False  # Transport.run is handling a message from here

    def _eligible(self) -> bool:
        pk, t = self.pk, self.transport
        iv = pk._Packetizer__iv_in
        return bool(
            t.active
            and not t.in_kex
            and not t._expected_packet
            and type(pk._Packetizer__block_engine_in) is AESGCM
            and pk._Packetizer__aead_in
            and not pk._Packetizer__etm_in
            and pk._Packetizer__compress_engine_in is None
            and not pk._Packetizer__dump_packets
            and not pk._Packetizer__need_rekey
            and pk._Packetizer__block_size_in == _GCM_BLOCK
            and pk._Packetizer__mac_size_in == _GCM_TAG
            and isinstance(iv, bytes)
            and len(iv) == 12
            and pk._Packetizer__sequence_number_in != _LAST_SEQ
        )

    def _hand_back(self) -> None:
        """Give what is buffered back to paramiko (read first by its ``read_all``)."""
        if self._end > self._start:
            pk = self.pk
            pk._Packetizer__remainder = (
                bytes(self._view[self._start : self._end]) + pk._Packetizer__remainder
            )
        self._start = self._end = 0

    def _paramikos(self) -> tuple[int, paramiko.Message]:
        self._hand_back()
        self.slow_calls += 1
        return self._paramiko()  # type: ignore[no-any-return]

    def read_message(self) -> tuple[int, paramiko.Message]:
        """``Packetizer.read_message`` on the transport thread. While a download drives the
        receive itself (``drive``), this waits and returns the messages the driver handed
        over for ``Transport.run``, in order; it takes the socket back when nobody drives
        or the transport is closing."""
        cv = self._cv
        while True:
            with cv:
                # Transport.run has handled the last message it got from here.
                self._dispatching = False
                cv.notify_all()
                while True:
                    if self._handed:
                        self._dispatching = True
                        return self._handed.popleft()
                    if self._owner is None and (
                        not self._want or self._closing() or not self._eligible()
                    ):
                        self._owner = "transport"
                        break
                    cv.wait(0.1)
            got = None
            try:
                got = self._read()
            finally:
                with cv:
                    self._owner = None
                    if got is not None:
                        self._dispatching = True
                    cv.notify_all()
            if got is not None:
                return got

    def _closing(self) -> bool:
        return bool(self.pk._Packetizer__closed or not self.transport.active)

    def _take_remainder(self) -> bool:
        """Take the bytes paramiko holds (after its banner read, or handed back) into this
        buffer; False if they do not fit (paramiko's way then)."""
        pk = self.pk
        rem = pk._Packetizer__remainder
        if rem:
            self._hand_back()
            rem = pk._Packetizer__remainder
            if len(rem) > _RBUF:
                return False
            self._view[: len(rem)] = rem
            self._start, self._end = 0, len(rem)
            pk._Packetizer__remainder = b""
        return True

    def _read(self) -> tuple[int, paramiko.Message] | None:
        """One message for Transport.run (the transport thread owns the socket), or None
        when a driver asked for the socket (at a packet boundary)."""
        if not self._eligible() or not self._take_remainder():
            return self._paramikos()
        buf, view = self._buf, self._view
        sock = self.pk._Packetizer__socket
        while True:
            start, end = self._start, self._end
            avail = end - start
            if avail >= 4:
                size = _U32.unpack_from(buf, start)[0]
                if size > _MAX_FAST or size < _GCM_BLOCK or size % _GCM_BLOCK:
                    return self._paramikos()  # paramiko says what is wrong with it
                total = 4 + size + _GCM_TAG
                if avail >= total:
                    if not self._eligible():
                        return self._paramikos()
                    got = self._packet(view, start, size, total)
                    if got is not None:
                        return got
                    if self._want:
                        return None
                    continue
            else:
                total = 4
            if self._want:
                return None
            # Need more bytes: make room at the end, then one recv for as much as is there.
            if start + total > _RBUF:
                view[:avail] = view[start:end]
                self._start, self._end = start, end = 0, avail
            try:
                n = sock.recv_into(view[end : end + _RECV_MAX])
            except OSError:  # timeout (idle), EAGAIN, closed: paramiko's read_all decides
                return self._paramikos()
            if not n:
                return self._paramikos()  # the end: paramiko raises EOFError
            self._end = end + n

    def drive(self, ready: Callable[[], bool], chan: Any = None) -> bool | None:
        """Read the socket on the calling thread (a download's reader) instead of the
        transport thread: channel data goes to its channel as on the transport thread (a
        download's ReplySink parses it right here: no hand-over, no wake-up per packet),
        until ``ready()`` is true (True). Returns False when it stopped for anything else: a
        message for Transport.run (handed to the transport thread, which returns it next;
        nothing more is read until it has been handled), a packet that is not AES-GCM
        channel data as the fast path takes it, a recv that timed out (after paramiko's
        keepalive check), failed or ended (the transport thread then reads, and paramiko
        reports it). None if it cannot start now (the transport thread owns the socket or
        has a message to handle; it gives the socket up at its next packet boundary).
        Until ``undrive``, the transport thread reads only when nobody drives and the
        transport is closing."""
        cv = self._cv
        with cv:
            if self._no_drive:
                return None
            self._want = True
            if self._owner is not None or self._handed or self._dispatching or not self._eligible():
                return None
            self._owner = "driver"
        try:
            return self._drive(ready, chan)
        except Exception as exc:  # a packet that fails its tag, a malformed one...
            failed = exc
        finally:
            with cv:
                self._owner = None
                # Wake the transport thread only when it has something to do: every
                # wake-up costs it the GIL, taken from this thread.
                if self._handed or not self._want or not self._eligible() or self._closing():
                    cv.notify_all()
        # ... ends the connection, as Transport.run ends it when read_message raises; the
        # reader then sees the channel closed, as it would have.
        self._stop_driving()
        t = self.transport
        t._log(DEBUG, f"Reading a packet failed: {failed!r}")
        t.saved_exception = failed
        t.close()
        raise EOFError(str(failed))

    def undrive(self) -> None:
        """The download is over: the transport thread reads again."""
        with self._cv:
            self._want = False
            self._cv.notify_all()

    def _stop_driving(self) -> bool:
        # Caller owns the socket. The transport thread reads from now on, paramiko's way.
        with self._cv:
            self._want = False
            self._no_drive = True
        return False

    def _drive(self, ready: Callable[[], bool], chan: Any) -> bool:
        if not self._take_remainder():
            return self._stop_driving()
        buf, view = self._buf, self._view
        pk = self.pk
        sock = pk._Packetizer__socket
        pipe = None if chan is None else getattr(chan, "in_buffer", None)
        sink = pipe._sink if type(pipe) is ChunkPipe else None
        chanid = -1 if chan is None else chan.chanid
        while True:
            if ready():
                return True
            if sink is not None and pipe is not None and self._eligible():
                got = self._drive_batch(pipe, sink, chanid)
                if got is not None:
                    if got is not _NOTHING:
                        with self._cv:
                            self._handed.append(got)  # next for Transport.run, in order
                        return False
                    continue
            start, end = self._start, self._end
            avail = end - start
            if avail >= 4:
                size = _U32.unpack_from(buf, start)[0]
                if size > _MAX_FAST or size < _GCM_BLOCK or size % _GCM_BLOCK:
                    return self._stop_driving()  # paramiko says what is wrong with it
                total = 4 + size + _GCM_TAG
                if avail >= total:
                    if not self._eligible():
                        return False  # (a rekey asked for: the transport thread's turn)
                    got = self._packet(view, start, size, total)
                    if got is not None:
                        with self._cv:
                            self._handed.append(got)
                        return False
                    self.driven_packets += 1
                    continue
            else:
                total = 4
            if start + total > _RBUF:
                view[:avail] = view[start:end]
                self._start, self._end = start, end = 0, avail
            try:
                n = sock.recv_into(view[end : end + _DRIVE_RECV_MAX])
            except TimeoutError:  # (socket.timeout) nothing for paramiko's 0.1 s
                if self._closing():
                    return self._stop_driving()
                pk._check_keepalive()  # as paramiko's read_all does on a timeout
                return False
            except OSError:
                return self._stop_driving()
            if not n:
                return self._stop_driving()  # the end: the transport thread sees it too
            self._end = end + n

    def _drive_batch(self, pipe: ChunkPipe, sink: ReplySink, chanid: int) -> Any:
        """The whole packets in the buffer, while they are what a download receives: each
        decrypted (``_packet``'s accounting, kept in locals and written back once) and its
        channel data parsed by ``sink`` under one hold of the pipe's lock; stops when a
        reply is complete. A packet that is anything else is left undecrypted for
        ``_packet`` (one that would reach a rekey limit) or, once decrypted, dispatched as
        ``_packet`` dispatches it. Returns a message for Transport.run, _NOTHING (handled,
        look again) or None (nothing more here: read)."""
        pk = self.pk
        buf, view, plain, pview = self._buf, self._view, self._plain, self._pview
        iv = pk._Packetizer__iv_in
        fixed = iv[:4]
        counter = int.from_bytes(iv[4:], "big")
        seq = pk._Packetizer__sequence_number_in
        first_seq = seq
        rbytes = pk._Packetizer__received_bytes
        rpackets = pk._Packetizer__received_packets
        max_bytes, max_packets = pk.REKEY_BYTES, pk.REKEY_PACKETS
        decrypt = pk._Packetizer__block_engine_in.decrypt_into
        ctr, u32, u32x2 = _CTR.pack, _U32.unpack_from, _U32X2.unpack_from
        take, done = sink.take, sink.done
        start, end = self._start, self._end
        odd = -1  # size of a decrypted packet that is not our channel's data
        try:
            with pipe._lock:
                while end - start >= 4:
                    size = u32(buf, start)[0]
                    if size > _MAX_FAST or size < _GCM_BLOCK or size % _GCM_BLOCK:
                        break
                    total = 4 + size + _GCM_TAG
                    if end - start < total:
                        break
                    raw = total  # (4 + size + tag, as read_message counts it)
                    if (
                        rbytes + raw >= max_bytes
                        or rpackets + 1 >= max_packets
                        or seq + 1 >= _LAST_SEQ
                    ):
                        break  # _packet asks for the rekey, as read_message does
                    decrypt(
                        fixed + ctr(counter),
                        view[start + 4 : start + total],
                        view[start : start + 4],
                        pview[:size],
                    )
                    counter += 1
                    seq += 1
                    rbytes += raw
                    rpackets += 1
                    start += total
                    stop = size - plain[0]
                    if plain[1] == _CHANNEL_DATA and stop >= 10:
                        cid, n = u32x2(plain, 2)
                        if cid == chanid and 10 + n <= stop:
                            take(pview[10 : 10 + n])
                            if done:
                                break
                            continue
                    odd = size
                    break
        finally:
            pk._Packetizer__iv_in = fixed + counter.to_bytes(8, "big")
            pk._Packetizer__sequence_number_in = seq
            pk._Packetizer__received_bytes = rbytes
            pk._Packetizer__received_packets = rpackets
            self._start = start
            fed = seq - first_seq - (odd >= 0)
            self.driven_packets += fed
            self.fast_packets += fed
        if odd >= 0:
            got = self._dispatch(odd, seq - 1, False)
            return _NOTHING if got is None else got
        return _NOTHING if seq != first_seq else None

    def _packet(
        self, view: memoryview, start: int, size: int, total: int
    ) -> tuple[int, paramiko.Message] | None:
        """Decrypt and account for the packet at ``start``; hand channel data over (None) or
        return the message as paramiko's read_message would."""
        pk = self.pk
        iv = pk._Packetizer__iv_in
        # Into a buffer of our own: decrypt() would allocate (and zero) a new one per packet.
        pk._Packetizer__block_engine_in.decrypt_into(
            iv, view[start + 4 : start + total], view[start : start + 4], self._pview[:size]
        )
        # As read_message: the nonce, the sequence number, the counts and the rekey limits.
        pk._Packetizer__iv_in = iv[:4] + (int.from_bytes(iv[4:], "big") + 1).to_bytes(8, "big")
        seq = pk._Packetizer__sequence_number_in
        pk._Packetizer__sequence_number_in = seq + 1  # (never 0xFFFFFFFF here: _eligible)
        self._start = start + total
        raw = size + _GCM_TAG + 4
        pk._Packetizer__received_bytes += raw
        pk._Packetizer__received_packets += 1
        rekey = False
        if (
            pk._Packetizer__received_packets >= pk.REKEY_PACKETS
            or pk._Packetizer__received_bytes >= pk.REKEY_BYTES
        ):
            pk._log(
                DEBUG,
                f"Rekeying (hit {pk._Packetizer__received_packets} packets, "
                f"{pk._Packetizer__received_bytes} bytes received)",
            )
            pk._Packetizer__received_bytes_overflow = 0
            pk._Packetizer__received_packets_overflow = 0
            pk._trigger_rekey()
            rekey = True
        return self._dispatch(size, seq, rekey)

    def _dispatch(self, size: int, seq: int, rekey: bool) -> tuple[int, paramiko.Message] | None:
        """The decrypted packet in ``self._plain`` (``size`` bytes, sequence number ``seq``):
        channel data handed to its channel (None), or the message for Transport.run."""
        t = self.transport
        plain, pview = self._plain, self._pview
        end = size - plain[0]  # without the padding
        if end < 2:
            raise paramiko.SSHException("Invalid packet: no message")
        cmd = plain[1]
        if cmd == _CHANNEL_DATA and not rekey and end >= 10:
            chanid, n = _U32X2.unpack_from(plain, 2)
            if 10 + n <= end:
                chan = t._channels.get(chanid)
                if chan is not None:
                    pipe = getattr(chan, "in_buffer", None)
                    if type(pipe) is ChunkPipe:  # no bytes copy when a download's sink reads
                        pipe.feed_view(pview[10 : 10 + n])
                    else:
                        chan._feed(bytes(pview[10 : 10 + n]))
                    self.fast_packets += 1
                    return None
        msg = paramiko.Message(bytes(pview[2:end]))
        msg.seqno = seq
        self.returned_packets += 1
        return cmd, msg  # what this buffer holds beyond it stays for the next call


def install_receiver(transport: paramiko.Transport) -> BulkReceiver:
    """Read ``transport``'s packets through a BulkReceiver (only this transport's)."""
    receiver = BulkReceiver(transport)
    transport.packetizer.read_message = receiver.read_message
    _RECEIVERS[transport] = receiver
    return receiver


def receiver_of(transport: Any) -> BulkReceiver | None:
    try:
        return _RECEIVERS.get(transport)
    except TypeError:
        return None


_RECEIVERS: weakref.WeakKeyDictionary[Any, BulkReceiver] = weakref.WeakKeyDictionary()
