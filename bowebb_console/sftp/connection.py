"""Connecting to a customer's SFTP server: pinned host keys, secrets from a callable, tuned
transport, and errors a person can act on.

The host key is checked before authentication, so a password is never sent to an impostor.
Secrets (password, key passphrase) are asked for only when needed, are not kept, and never
appear in an exception message or a log line.
"""

from __future__ import annotations

import errno
import logging
import os
import socket
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import paramiko

from bowebb_console.domain.errors import ShownError
from bowebb_console.sftp import fastpipe
from bowebb_console.sftp.hostkeys import (
    HostKeyChanged,
    HostKeyPending,
    OfferedKey,
    PinnedKey,
    PinnedKeyPolicy,
    UnknownHostKey,
)

log = logging.getLogger(__name__)

KINDS: Final = (
    "dns",
    "refused",
    "timeout",
    "auth_failed",
    "host_key_changed",
    "host_key_unknown",
    "permission_denied",
    "disk_full",
    "quota",
    "connection_lost",
    "name_refused",
    "exists",
    "changed",
    "cancelled",
    "other",
)

# CBC (padding-oracle history, Terrapin's CBC-EtM variant) and SHA-1/MD5 MACs are never offered.
# Strict kex (Terrapin) is negotiated by paramiko >= 3.4 by itself.
DISABLED_ALGORITHMS: Final[dict[str, list[str]]] = {
    "ciphers": ["aes128-cbc", "aes192-cbc", "aes256-cbc", "3des-cbc", "blowfish-cbc"],
    "macs": ["hmac-sha1", "hmac-md5", "hmac-sha1-96", "hmac-md5-96"],
}
# AEAD first: GCM needs no separate MAC pass and is AES-NI fast. paramiko has no chacha20-poly1305.
PREFERRED_CIPHERS: Final = (
    "aes128-gcm@openssh.com",
    "aes256-gcm@openssh.com",
    "aes128-ctr",
    "aes256-ctr",
)

SecretSource = Callable[[], str | None]


@dataclass(frozen=True)
class Tuning:
    """Flow-control and pipelining settings (docs/performance.md, "SFTP", says why)."""

    window_size: int = 64 * 1024 * 1024
    max_packet_size: int = 256 * 1024
    # OpenSSH's sftp-server answers at most 256 KiB - 1 KiB per read; larger requests come
    # back short and would cost a second round trip.
    read_request: int = 255 * 1024
    read_depth: int = 16  # outstanding read requests (more only fills buffers: measured)
    write_request: int = 255 * 1024  # sftp-server takes messages up to 256 KiB
    write_depth: int = 8  # 2 MiB in flight: the size of sshd's channel window
    ciphers: tuple[str, ...] = PREFERRED_CIPHERS
    # Downloads: hashing and writing in a second thread keeps the receive loop draining the
    # channel (faster). Uploads: hashing inline costs less CPU than handing chunks over, and
    # the sender is CPU-bound (measured; docs/performance.md).
    hash_in_thread: bool = True
    upload_hash_in_thread: bool = False
    # Uploads: SFTP write requests leave as whole batches of channel packets, framed and
    # encrypted past paramiko's per-packet path (fastpipe.BulkSender; AES-GCM only).
    bulk_send: bool = True
    # Downloads: the transport thread reads many packets per recv, decrypts AES-GCM with
    # paramiko's state and hands channel data to its channel without paramiko's per-packet
    # Message and dispatch (fastpipe.BulkReceiver; anything unusual goes paramiko's way).
    bulk_receive: bool = True
    # Downloads: while a file is read, its channel's data is parsed into whole SFTP replies
    # as it arrives (fastpipe.ReplySink: one copy, one wake-up per reply), and read requests
    # leave read_batch at a time in one packet.
    reply_sink: bool = True
    read_batch: int = 4
    # ... and the download's own thread reads the socket while the file is read (the
    # transport thread only handles what is not channel data): one thread instead of two.
    drive_receive: bool = True
    # Uploads of at least striped_min bytes spread their writes over this many SFTP channels
    # of the one connection: each has its own flow-control window (sshd's: 2 MiB), which
    # bounds one channel to 2 MiB per round trip. Must stay >= wire.STRIPE_SPAN (resume).
    upload_channels: int = 2
    # Open the upload's extra channels right after connecting (in a thread), so that they are
    # there when a large upload starts; otherwise the upload opens them (three round trips,
    # during which only one channel carries it). Costs one idle sftp-server per connection.
    extra_at_connect: bool = True
    tcp_nodelay: bool = True  # (connection.py says why)
    striped_min: int = 16 * 1024 * 1024
    # A cut network (laptop closed, VPN gone) sends no RST: without these a transfer would
    # wait for TCP to give up, which takes many minutes.
    # Folders of small files (many.py): up to this many files in flight at once on the one
    # channel, with at most this many of their bytes; files up to small_file_max go this way.
    files_in_flight: int = 32
    bytes_in_flight: int = 16 * 1024 * 1024
    small_file_max: int = 1024 * 1024
    local_workers: int = 4  # threads saving downloaded small files (fsync waits for the disk)
    stall_timeout: float = 60.0  # seconds without progress before a transfer fails
    keepalive_s: int = 15


@dataclass(frozen=True)
class ConnectionProfile:
    host: str
    port: int
    username: str
    auth_kind: str  # password | key
    key_path: str | None = None
    remote_dir: str = ""


def secret_account(profile: ConnectionProfile) -> str:
    """The keyring account of a profile's password or key passphrase (no secret in it)."""
    what = "key" if profile.auth_kind == "key" else "password"
    return f"sftp-{what}:{profile.username}@{profile.host}:{profile.port}"


class SftpError(ShownError):
    """Code ``sftp.<kind>``, ``kind`` one of KINDS; ``message`` is English (CLI, tests, the
    transfer record's reason) and never contains a secret.

    Params, where the failure has them: ``server`` (host:port, empty if not known), ``name``
    (a file or folder name), ``path`` (a key file or remote folder), ``got`` and ``size``
    (bytes), ``detail`` (the OS's or SSH's own words); host_key_*: ``key_type``,
    ``fingerprint`` (presented) and, when changed, ``old_fingerprint``, ``new_fingerprint``,
    ``old_key_type``; name_refused from a name check: ``name``, ``reason``, ``rule``."""

    def __init__(
        self,
        kind: str,
        message: str,
        params: Mapping[str, object] | None = None,
        *,
        offered: OfferedKey | None = None,
        old_fp: str = "",
    ) -> None:
        assert kind in KINDS, kind
        super().__init__(f"sftp.{kind}", message, params)
        self.kind = kind
        self.offered = offered  # host_key_*: the key the server presented
        self.old_fp = old_fp  # host_key_changed: the pinned fingerprint


@dataclass
class SftpConnection:
    """An open SFTP session. One transfer at a time per connection (the engine drives the
    SFTP channel directly for pipelining). Large uploads also write through a second SFTP
    session on the same SSH connection (wire.extra_sessions, opened in a thread right after
    connecting); it closes with the connection."""

    client: paramiko.SSHClient
    sftp: paramiko.SFTPClient
    host_key: OfferedKey
    profile: ConnectionProfile
    tuning: Tuning = field(default_factory=Tuning)

    @property
    def cipher(self) -> str:
        transport = self.client.get_transport()
        return str(transport.remote_cipher) if transport is not None else ""

    def start_dir(self) -> str:
        """The profile's remote start folder as an absolute path (the login's home if empty)."""
        return str(self.sftp.normalize(self.profile.remote_dir or "."))

    def close(self) -> None:
        try:
            self.sftp.close()
        finally:
            self.client.close()

    def __enter__(self) -> SftpConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _transport_factory(tuning: Tuning) -> Callable[..., paramiko.Transport]:
    def make(sock: Any, disabled_algorithms: Any = None, **_: Any) -> paramiko.Transport:
        inet = isinstance(sock, socket.socket) and sock.family in (socket.AF_INET, socket.AF_INET6)
        if tuning.tcp_nodelay and inet:
            # paramiko writes whole packets. Without this, a small request sent while another
            # is unacknowledged (a second channel opening, say) waits for the ACK: a round trip.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        t = paramiko.Transport(
            sock,
            default_window_size=tuning.window_size,
            default_max_packet_size=tuning.max_packet_size,
            disabled_algorithms=DISABLED_ALGORITHMS,
        )
        t.get_security_options().ciphers = tuning.ciphers
        return t

    return make


def _load_key(path: str, secret: SecretSource) -> paramiko.PKey:
    try:
        return paramiko.PKey.from_path(path)
    except paramiko.PasswordRequiredException:
        pass
    except TypeError as exc:  # cryptography's way of saying "encrypted, no passphrase given"
        if "password" not in str(exc).lower():
            raise
    except FileNotFoundError:
        raise SftpError(
            "auth_failed", f"The private key file {path} does not exist.", {"path": path}
        ) from None
    except PermissionError:
        raise SftpError(
            "permission_denied", f"The private key file {path} cannot be read.", {"path": path}
        ) from None
    except (paramiko.SSHException, ValueError):
        raise SftpError(
            "auth_failed", f"{path} is not a private key paramiko can read.", {"path": path}
        ) from None
    passphrase = secret()
    if not passphrase:
        raise SftpError("auth_failed", "The private key is protected; enter its passphrase.")
    try:
        return paramiko.PKey.from_path(path, password=passphrase.encode("utf-8"))
    except (paramiko.SSHException, ValueError):
        # cryptography's messages do not contain the passphrase, but say nothing useful either.
        raise SftpError("auth_failed", "The passphrase of the private key is wrong.") from None


def connect(
    profile: ConnectionProfile,
    *,
    secret: SecretSource,
    pinned: Sequence[PinnedKey],
    timeout: float = 15.0,
    tuning: Tuning | None = None,
) -> SftpConnection:
    """Open an SFTP session or raise SftpError. ``secret`` is called only if a password or
    passphrase is needed."""
    tuning = tuning or Tuning()
    client = paramiko.SSHClient()
    policy = PinnedKeyPolicy(pinned)
    client.set_missing_host_key_policy(policy)  # no known_hosts loaded: every key is checked
    try:
        pkey = None
        if profile.auth_kind == "key":
            if not profile.key_path:
                raise SftpError("auth_failed", "The profile names no private key file.")
            pkey = _load_key(profile.key_path, secret)
        client.connect(
            profile.host,
            port=profile.port,
            username=profile.username,
            timeout=timeout,
            banner_timeout=timeout,
            auth_timeout=timeout,
            channel_timeout=timeout,
            allow_agent=False,
            look_for_keys=False,
            transport_factory=_transport_factory(tuning),
            # The strategy runs after the host key was accepted, so a password is fetched
            # (and sent) only to a pinned server.
            auth_strategy=_Strategy(profile.username, pkey, secret),
        )
        transport = client.get_transport()
        assert transport is not None and policy.accepted is not None
        sftp = paramiko.SFTPClient.from_transport(
            transport, window_size=tuning.window_size, max_packet_size=tuning.max_packet_size
        )
        if sftp is None:
            raise SftpError("other", "The server has no SFTP subsystem.")
        fastpipe.install(sftp)
        if tuning.bulk_send:
            fastpipe.install_sender(sftp)
        if tuning.bulk_receive:
            fastpipe.install_receiver(transport)
        if tuning.upload_channels > 1 and tuning.extra_at_connect:
            from bowebb_console.sftp import wire  # (wire imports this module)

            wire.extra_opener(sftp, tuning)  # in a thread: connecting does not wait for it
        sftp.get_channel().settimeout(tuning.stall_timeout)
        transport.set_keepalive(tuning.keepalive_s)
        log.info(
            "SFTP connected to %s:%s as %s (%s, host key %s)",
            profile.host,
            profile.port,
            profile.username,
            transport.remote_cipher,
            policy.accepted.fingerprint,
        )
        return SftpConnection(client, sftp, policy.accepted, profile, tuning)
    except BaseException as exc:
        transport = client.get_transport()
        alive = transport is not None and transport.is_active()
        inner = None
        if transport is not None and "no existing session" in str(exc).lower():
            if alive:
                # start_client waited the whole timeout and the handshake is still not done:
                # a stalled server. Not a second wait, and not "connection lost".
                client.close()
                where = f"{profile.host}:{profile.port}"
                raise SftpError(
                    "timeout",
                    f"{where} did not complete the SSH handshake in time; "
                    "check the network or VPN.",
                    {"server": where},
                ) from None
            # The transport thread is ending: it keeps the real cause (e.g. no SSH banner).
            transport.join(min(timeout, 1.0))
            inner = getattr(transport, "saved_exception", None)
        client.close()
        if isinstance(exc, SftpError):
            raise
        if isinstance(exc, paramiko.AuthenticationException):
            raise _auth_error(exc, alive, profile) from None
        if isinstance(exc, Exception):
            if isinstance(inner, Exception):
                exc = inner
            raise classify(exc, profile) from None
        raise


def _auth_error(
    exc: paramiko.AuthenticationException, alive: bool, profile: ConnectionProfile
) -> SftpError:
    """Only a real refusal by a server still talking to us is ``auth_failed`` (the Transfers
    screen forgets a remembered password then); a login that timed out or whose connection
    dropped is ``timeout`` / ``connection_lost``, and the password stays."""
    causes: list[BaseException] = [exc]
    result = getattr(exc, "result", None)  # AuthFailure: what each source raised
    if result is not None:
        causes = [r.result for r in result if isinstance(r.result, BaseException)] or causes
    for cause in causes:
        if isinstance(cause, SftpError):
            return cause  # ours: no password or passphrase to try
    where = f"{profile.host}:{profile.port}"
    at = {"server": where}
    texts = " ".join(str(c).lower() for c in causes)
    if "timeout" in texts or "timed out" in texts:
        return SftpError("timeout", f"{where} did not answer the login in time.", at)
    refused = all(
        isinstance(c, paramiko.BadAuthenticationType)
        or (isinstance(c, paramiko.AuthenticationException) and "eof" not in str(c).lower())
        for c in causes
    )
    if not alive or not refused:
        for cause in causes:
            if not isinstance(cause, paramiko.AuthenticationException):
                return classify(cause, profile)
        return _lost(where, at)
    return classify(exc, profile)


class _Strategy(paramiko.auth_strategy.AuthStrategy):  # type: ignore[misc]
    """Exactly one method: the profile's key, or its password (never agent or ~/.ssh keys)."""

    def __init__(self, username: str, pkey: paramiko.PKey | None, secret: SecretSource) -> None:
        super().__init__(ssh_config=paramiko.SSHConfig())
        self._username = username
        self._pkey = pkey
        self._secret = secret

    def get_sources(self) -> Any:
        if self._pkey is not None:
            yield paramiko.auth_strategy.InMemoryPrivateKey(self._username, self._pkey)
        else:
            yield paramiko.auth_strategy.Password(self._username, password_getter=self._get)

    def _get(self) -> str:
        value = self._secret()
        if not value:
            raise SftpError("auth_failed", "Enter the password for this server.")
        return value


def classify(exc: BaseException, profile: ConnectionProfile | None = None) -> SftpError:
    """Turn a connect or transfer exception into an SftpError; never echoes secrets."""
    if isinstance(exc, SftpError):
        return exc
    server = f"{profile.host}:{profile.port}" if profile else ""
    where = server or "the server"
    at = {"server": server}
    if isinstance(exc, HostKeyChanged):
        return SftpError(
            "host_key_changed",
            str(exc),
            {**exc.params, "fingerprint": exc.new_fp, **at},
            offered=exc.offered,
            old_fp=exc.old_fp,
        )
    if isinstance(exc, UnknownHostKey):
        return SftpError("host_key_unknown", str(exc), {**exc.params, **at}, offered=exc.offered)
    if isinstance(exc, HostKeyPending):
        return SftpError("host_key_unknown", str(exc), {**exc.params, **at})
    if isinstance(exc, socket.gaierror):
        return SftpError(
            "dns",
            f"The server name {where} was not found (DNS). Check the spelling or the VPN.",
            at,
        )
    if isinstance(exc, paramiko.ssh_exception.NoValidConnectionsError):
        codes = {e.errno for e in exc.errors.values() if isinstance(e, OSError)}
        if codes <= {errno.ECONNREFUSED}:
            return _refused(where, at)
        return _unreachable(where, at)
    if isinstance(exc, ConnectionRefusedError):
        return _refused(where, at)
    if isinstance(exc, socket.timeout | TimeoutError):
        return SftpError(
            "timeout", f"{where} did not answer in time; check the network or VPN.", at
        )
    if isinstance(exc, paramiko.AuthenticationException):
        return SftpError(
            "auth_failed", "The server refused the login: wrong user name, password or key.", at
        )
    if isinstance(exc, EOFError | ConnectionResetError | BrokenPipeError):
        return _lost(where, at)
    if isinstance(exc, paramiko.SSHException):
        return _classify_ssh(str(exc), where, at)
    if isinstance(exc, OSError):
        return _classify_os(exc, where, at)
    # Not one we know: a bug or a new library error. Its class name goes to the log only.
    log.info("Unclassified SFTP failure: %s", type(exc).__name__)
    detail = _first_line(str(exc))
    return SftpError("other", f"Unexpected error: {detail}", {"detail": detail})


def _refused(where: str, at: dict[str, str]) -> SftpError:
    return SftpError(
        "refused", f"{where} refused the connection: no SSH server there, or a firewall.", at
    )


def _unreachable(where: str, at: dict[str, str]) -> SftpError:
    return SftpError("timeout", f"{where} cannot be reached; check the network or VPN.", at)


def _lost(where: str, at: dict[str, str]) -> SftpError:
    return SftpError("connection_lost", f"The connection to {where} was lost.", at)


def _classify_ssh(text: str, where: str, at: dict[str, str]) -> SftpError:
    lower = text.lower()
    if "banner" in lower:
        return SftpError(
            "timeout", f"{where} did not answer as an SSH server (no protocol banner).", at
        )
    if "incompatible" in lower or "no acceptable" in lower:
        detail = (
            "offers only ciphers or MACs this app refuses as weak; "
            "ask the customer to enable aes-gcm or aes-ctr with hmac-sha2"
        )
        return SftpError("other", f"{where} {detail}.", {**at, "detail": detail})
    if "dropped" in lower or "closed" in lower or "eof" in lower:
        return _lost(where, at)
    detail = _first_line(text)
    return SftpError("other", f"SSH error from {where}: {detail}", {**at, "detail": detail})


def _classify_os(exc: OSError, where: str, at: dict[str, str]) -> SftpError:
    code = exc.errno
    detail = _os_detail(exc)
    if code in (errno.EACCES, errno.EPERM):
        return SftpError("permission_denied", f"Permission denied: {detail}", {"detail": detail})
    if code in (errno.ENOSPC, errno.EFBIG):
        return SftpError("disk_full", f"The local disk is full: {detail}", {"detail": detail})
    if code == errno.EDQUOT:
        return SftpError("quota", f"The local disk quota is used up: {detail}", {"detail": detail})
    if code in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return _unreachable(where, at)
    if code is None and "closed" in str(exc).lower():  # paramiko: "Socket is closed"
        return _lost(where, at)
    if code in (errno.ECONNRESET, errno.EPIPE, errno.ECONNABORTED):
        return _lost(where, at)
    return SftpError("other", detail, {"detail": detail})


def _os_detail(exc: OSError) -> str:
    """The OS's words and, at most, the file's name: a full local path never reaches a reason
    (reasons go to the shared session log)."""
    parts = [exc.strerror or type(exc).__name__]
    if exc.filename:
        parts.append(os.path.basename(os.fsdecode(exc.filename).rstrip("/\\")))
    return ": ".join(parts)


_LOCAL_VERBS: Final = {
    "read": "read {name} on this computer",
    "make": "make the folder {name} on this computer",
    "write": "save {name} on this computer",
}


def local_error(name: str, exc: OSError, what: str) -> SftpError:
    """A local file-system failure (read-only or full target, unreadable source) about the
    file or folder ``name``: a clear message with no path and no internal file name."""
    shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    why = exc.strerror or type(exc).__name__
    message = "Could not " + _LOCAL_VERBS[what].format(name=shown) + f": {why}."
    params = {"name": shown, "detail": why}
    code = exc.errno
    if code in (errno.ENOSPC, errno.EFBIG):
        return SftpError("disk_full", message, params)
    if code == errno.EDQUOT:
        return SftpError("quota", message, params)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return SftpError("permission_denied", message, params)
    return SftpError("other", message, params)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:300] if text.strip() else "unknown error"
