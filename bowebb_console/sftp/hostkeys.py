"""Host key fingerprints as OpenSSH prints them, and the check against team-pinned keys.

A key is accepted only if it equals a trusted pinned key for that host:port. An unknown key
raises UnknownHostKey (the UI shows the fingerprint for the agent to confirm with the customer
and pins it), a different key raises HostKeyChanged. Nothing is ever added silently.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import paramiko

from bowebb_console.domain.errors import ShownError


def fingerprint_of_blob(blob: bytes) -> str:
    """`ssh-keygen -lf` format: SHA256: + unpadded standard base64 of sha256(key blob)."""
    digest = hashlib.sha256(blob).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


def fingerprint(key: paramiko.PKey) -> str:
    return fingerprint_of_blob(key.asbytes())


def public_key_b64(key: paramiko.PKey) -> str:
    return base64.b64encode(key.asbytes()).decode("ascii")


def host_id(host: str, port: int) -> str:
    """The host as paramiko's SSHClient names it (OpenSSH known_hosts style)."""
    return host if port == 22 else f"[{host}]:{port}"


@dataclass(frozen=True)
class PinnedKey:
    """What the engine needs of a pinned key (store.host_keys.PinnedKeyRow converts to this)."""

    host: str
    port: int
    key_type: str
    fingerprint: str
    trusted: bool = True  # False: pinned but still waiting for a lead's approval

    @classmethod
    def from_row(cls, row: Any) -> PinnedKey:
        """From store.host_keys.PinnedKeyRow (duck-typed: sftp/ does not import the store)."""
        return cls(row.host, row.port, row.key_type, row.fingerprint, bool(row.trusted))


@dataclass(frozen=True)
class OfferedKey:
    """The key a server presented, with everything needed to show and pin it."""

    key_type: str
    fingerprint: str
    public_key: str  # base64 blob


class HostKeyError(ShownError):
    """A host key that is not (yet) trusted; codes ``hostkey.unknown|pending|changed``."""


class UnknownHostKey(HostKeyError):
    """Code ``hostkey.unknown``; params ``key_type``, ``fingerprint``."""

    def __init__(self, key_type: str, fingerprint: str, offered: OfferedKey | None = None) -> None:
        super().__init__(
            "hostkey.unknown",
            f"This server is not known yet. It presented a {key_type} key with fingerprint "
            f"{fingerprint}. Confirm it with the customer before trusting it.",
            {"key_type": key_type, "fingerprint": fingerprint},
        )
        self.key_type = key_type
        self.fingerprint = fingerprint
        self.offered = offered


class HostKeyPending(HostKeyError):
    """Code ``hostkey.pending``; params ``key_type``, ``fingerprint``."""

    def __init__(self, key_type: str, fingerprint: str) -> None:
        super().__init__(
            "hostkey.pending",
            f"The {key_type} key {fingerprint} of this server is pinned but waits for a lead's "
            "approval; nothing is transferred until then.",
            {"key_type": key_type, "fingerprint": fingerprint},
        )
        self.key_type = key_type
        self.fingerprint = fingerprint


class HostKeyChanged(HostKeyError):
    """Code ``hostkey.changed``; params ``old_fingerprint``, ``new_fingerprint``, ``key_type``
    (presented now) and ``old_key_type`` (pinned; empty if not known)."""

    def __init__(
        self,
        old_fp: str,
        new_fp: str,
        key_type: str,
        old_type: str = "",
        offered: OfferedKey | None = None,
    ) -> None:
        what = (
            f"its {old_type} key was {old_fp}; it now presents a {key_type} key {new_fp}"
            if old_type and old_type != key_type
            else f"its {key_type} key was {old_fp}; it now presents {new_fp}"
        )
        super().__init__(
            "hostkey.changed",
            f"WARNING: the server's host key has CHANGED ({what}). This can mean someone is "
            "intercepting the connection. Nothing was sent. Ask a lead to verify the new key "
            "with the customer; only a lead or admin can replace a pinned key.",
            {
                "old_fingerprint": old_fp,
                "new_fingerprint": new_fp,
                "key_type": key_type,
                "old_key_type": old_type,
            },
        )
        self.old_fp = old_fp
        self.new_fp = new_fp
        self.key_type = key_type
        self.offered = offered  # what a lead needs to replace the pinned key


class PinnedKeyPolicy(paramiko.MissingHostKeyPolicy):  # type: ignore[misc]
    """Used with an SSHClient that has no known_hosts loaded: every key reaches this check."""

    def __init__(self, pinned: Iterable[PinnedKey]) -> None:
        self._pinned = list(pinned)
        self.accepted: OfferedKey | None = None

    def missing_host_key(
        self, client: paramiko.SSHClient, hostname: str, key: paramiko.PKey
    ) -> None:
        offered = OfferedKey(key.get_name(), fingerprint(key), public_key_b64(key))
        check_key(self._pinned, hostname, offered)
        self.accepted = offered


def check_key(pinned: Iterable[PinnedKey], hostname: str, offered: OfferedKey) -> None:
    """Raise unless ``offered`` is a trusted pinned key for ``hostname`` (paramiko's host id)."""
    mine = [p for p in pinned if host_id(p.host, p.port) == hostname]
    for p in mine:
        if p.fingerprint == offered.fingerprint:
            if not p.trusted:
                raise HostKeyPending(offered.key_type, offered.fingerprint)
            return
    if mine:
        old = mine[0]
        raise HostKeyChanged(
            old.fingerprint, offered.fingerprint, offered.key_type, old.key_type, offered
        )
    raise UnknownHostKey(offered.key_type, offered.fingerprint, offered)
