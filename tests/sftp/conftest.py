"""A real OpenSSH sshd on a free loopback port, with its own keys and config in a temp dir.

Outside CI a missing sshd skips the SFTP tests with one line; under CI (CI=true) it fails them.
The server is stopped by its PID (and its session processes by theirs), never by name.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bowebb_console.sftp.connection import ConnectionProfile, SftpConnection, connect
from bowebb_console.sftp.hostkeys import PinnedKey, fingerprint
from tests.conftest import UNDER_CI, free_port

SSHD = "/usr/sbin/sshd"
KEY_PASSPHRASE = "Sommarstuga-Hemlig-42!"


def _keygen(path: Path, kind: str = "ed25519", passphrase: str = "") -> Path:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", kind, "-N", passphrase, "-C", "", "-f", str(path)],
        check=True,
    )
    return path


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").glob("*/children"))
    except OSError:  # the process exited meanwhile (seen under load)
        return out
    for task in tasks:
        with contextlib.suppress(OSError):  # exited meanwhile
            out.extend(int(x) for x in task.read_text().split())
    return out


class Sshd:
    """One sshd. ``restart(host_key=...)`` brings it back on the same port with another key."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = free_port()
        self.host_key = _keygen(root / "host_ed25519")
        self.other_host_key = _keygen(root / "host_ed25519_other")
        self.client_key = _keygen(root / "client_ed25519")
        self.client_key_protected = _keygen(root / "client_protected", passphrase=KEY_PASSPHRASE)
        auth = root / "authorized_keys"
        auth.write_text(
            (root / "client_ed25519.pub").read_text() + (root / "client_protected.pub").read_text()
        )
        self.user = os.environ.get("USER") or __import__("getpass").getuser()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = root / "sshd.log"

    def config(self, host_key: Path, sftp_flags: str) -> Path:
        cfg = self.root / "sshd_config"
        cfg.write_text(
            "\n".join(
                [
                    "ListenAddress 127.0.0.1",
                    f"Port {self.port}",
                    f"HostKey {host_key}",
                    f"PidFile {self.root / 'sshd.pid'}",
                    f"AuthorizedKeysFile {self.root / 'authorized_keys'}",
                    "UsePAM no",
                    "StrictModes no",
                    "PermitRootLogin prohibit-password",
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    f"Subsystem sftp internal-sftp {sftp_flags}".rstrip(),
                    "LogLevel ERROR",
                    "",
                ]
            )
        )
        return cfg

    def start(self, host_key: Path | None = None, sftp_flags: str = "") -> None:
        if os.geteuid() == 0:
            Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # privilege separation dir
        cfg = self.config(host_key or self.host_key, sftp_flags)
        self.proc = subprocess.Popen(
            [SSHD, "-D", "-e", "-f", str(cfg)],
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("ab"),
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"sshd exited: {self.log.read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("sshd did not start listening")

    def kill_sessions(self) -> None:
        """Kill the processes serving connections (as if the server died mid-transfer)."""
        if self.proc is not None:
            for child in _children(self.proc.pid):
                for pid in [*_children(child), child]:
                    with contextlib.suppress(ProcessLookupError):  # already gone
                        os.kill(pid, signal.SIGKILL)

    def signal_sessions(self, sig: int) -> None:
        """E.g. SIGSTOP: the server goes silent without closing anything, like a cut network."""
        if self.proc is not None:
            for child in _children(self.proc.pid):
                for pid in [child, *_children(child)]:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, sig)

    def stop(self) -> None:
        if self.proc is None:
            return
        self.kill_sessions()
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
        self.proc = None

    def restart(self, host_key: Path | None = None, sftp_flags: str = "") -> None:
        self.stop()
        self.start(host_key, sftp_flags)


def _require_sshd() -> None:
    if not (os.access(SSHD, os.X_OK) and shutil.which("ssh-keygen")):
        if UNDER_CI:
            pytest.fail(f"OpenSSH sshd ({SSHD}) is required under CI")
        pytest.skip(f"OpenSSH sshd not found at {SSHD}")


def _make() -> Iterator[Sshd]:
    _require_sshd()
    root = Path(tempfile.mkdtemp(prefix="bowebb-sshd-"))
    server = Sshd(root)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def sshd() -> Iterator[Sshd]:
    """One server for the session (tests that kill or restart it use ``own_sshd``)."""
    yield from _make()


@pytest.fixture
def own_sshd() -> Iterator[Sshd]:
    yield from _make()


# --- connecting ------------------------------------------------------------------------


def pinned_for(server: Sshd, host_key: Path | None = None) -> list[PinnedKey]:
    import paramiko

    key = paramiko.PKey.from_path(host_key or server.host_key)
    return [PinnedKey("127.0.0.1", server.port, key.get_name(), fingerprint(key))]


def profile_for(server: Sshd, key: Path | None = None) -> ConnectionProfile:
    return ConnectionProfile(
        "127.0.0.1", server.port, server.user, "key", str(key or server.client_key)
    )


def open_conn(server: Sshd, **kwargs: object) -> SftpConnection:
    return connect(
        profile_for(server),
        secret=lambda: None,
        pinned=pinned_for(server),
        timeout=10,
        **kwargs,  # type: ignore[arg-type]
    )


def write_random(path: Path, size: int) -> str:
    """Random bytes, written fast; returns `sha256sum`'s hex digest of the file."""
    with path.open("wb") as f:
        left = size
        while left:
            n = min(left, 8 * 1024 * 1024)
            f.write(os.urandom(n))
            left -= n
    return sha256sum(path)


def sha256sum(path: Path) -> str:
    out = subprocess.run(["sha256sum", str(path)], capture_output=True, text=True, check=True)
    return out.stdout.split()[0]


@pytest.fixture
def conn(sshd: Sshd) -> Iterator[SftpConnection]:
    c = open_conn(sshd)
    yield c
    c.close()
