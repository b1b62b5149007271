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

import threading
import types
from collections import deque
from typing import Any

import paramiko
from paramiko.buffered_pipe import PipeTimeout
from paramiko.common import cMSG_CHANNEL_WINDOW_ADJUST


class ChunkPipe:
    """Drop-in for paramiko.BufferedPipe (same methods and semantics)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cv = threading.Condition(self._lock)
        self._event: threading.Event | None = None
        self._chunks: deque[bytes] = deque()
        self._size = 0
        self._closed = False

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
            if self._event is not None:
                self._event.set()
            self._chunks.append(bytes(data))
            self._size += len(data)
            self._cv.notify_all()

    def read_ready(self) -> bool:
        with self._lock:
            return self._size > 0

    def _wait(self, needed: int, timeout: float | None) -> None:
        # Caller holds the lock.
        while self._size < needed and not self._closed:
            if not self._cv.wait(timeout):
                raise PipeTimeout()

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
            self._cv.notify_all()
            if self._event is not None:
                self._event.set()

    def __len__(self) -> int:
        with self._lock:
            return self._size


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
        ack = chan._check_add_window(len(data))
        if ack > 0:
            m = paramiko.Message()
            m.add_byte(cMSG_CHANNEL_WINDOW_ADJUST)
            m.add_int(chan.remote_chanid)
            m.add_int(ack)
            chan.transport._send_user_message(m)
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
