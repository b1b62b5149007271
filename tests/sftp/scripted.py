"""Small scripted servers for what a real sshd will not do on cue: stall a handshake, stall
or drop a login. A test helper, not a fixture: each server runs in daemon threads on a free
loopback port and is closed by the test."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import paramiko


class _Listener:
    def __init__(self, serve: Callable[[socket.socket], None]) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = int(self.sock.getsockname()[1])
        self._serve = serve
        self._open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self._open.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()
        for conn in self._open:
            with contextlib.suppress(OSError):
                conn.close()


def stalled_handshake() -> _Listener:
    """Sends an SSH banner, then never answers the key exchange."""

    def serve(conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")
            while conn.recv(65536):
                pass

    return _Listener(serve)


class _Login(paramiko.ServerInterface):  # type: ignore[misc]
    def __init__(self, how: str, sock: socket.socket, stall_s: float) -> None:
        self.how = how
        self.sock = sock
        self.stall_s = stall_s

    def get_allowed_auths(self, username: str) -> str:
        return "password"

    def check_auth_password(self, username: str, password: str) -> int:
        if self.how == "stall":
            time.sleep(self.stall_s)
        elif self.how == "drop":
            with contextlib.suppress(OSError):
                self.sock.shutdown(socket.SHUT_RDWR)
        return int(paramiko.AUTH_FAILED)


def login_server(host_key: Path, how: str, stall_s: float = 5.0) -> _Listener:
    """An SSH server whose password login ``how``: "refuse" (a real refusal), "stall" (no
    answer for ``stall_s``) or "drop" (the connection goes away)."""
    key = paramiko.PKey.from_path(host_key)

    def serve(conn: socket.socket) -> None:
        t = paramiko.Transport(conn)
        t.add_server_key(key)
        with contextlib.suppress(Exception):
            t.start_server(server=_Login(how, conn, stall_s))
            chan: Any = t.accept(30)
            if chan is not None:
                chan.close()

    return _Listener(serve)
