"""The SFTP engine's errors carry a code and params (the UI translates by code); ``kind`` and
the English ``message`` stay for the CLI, the tests and the transfer record's reason."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

import paramiko
import pytest

from bowebb_console.domain.errors import ShownError
from bowebb_console.sftp.connection import (
    KINDS,
    ConnectionProfile,
    SftpError,
    classify,
    connect,
)
from bowebb_console.sftp.hostkeys import (
    HostKeyChanged,
    HostKeyError,
    HostKeyPending,
    OfferedKey,
    PinnedKey,
    UnknownHostKey,
    check_key,
)
from bowebb_console.sftp.names import NameRefused, check_name

PROFILE = ConnectionProfile("files.example.se", 2222, "agent", "password")


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_a_shown_error_coded_by_kind(kind: str) -> None:
    exc = SftpError(kind, "English text.", {"name": "a.txt"})
    assert isinstance(exc, ShownError)
    assert (exc.code, exc.kind, exc.message, str(exc)) == (
        f"sftp.{kind}",
        kind,
        "English text.",
        "English text.",
    )
    assert exc.params == {"name": "a.txt"}


def test_name_refused_has_code_rule_and_params() -> None:
    with pytest.raises(NameRefused) as info:
        check_name("a/b")
    exc = info.value
    assert isinstance(exc, ShownError) and isinstance(exc, ValueError)
    assert exc.code == "sftp.name_refused" and exc.rule == "char"
    assert exc.params == {
        "name": "'a/b'",
        "reason": "it contains '/'",
        "rule": "char",
        "char": "'/'",
    }
    assert str(exc) == "Refused the name 'a/b': it contains '/'."
    with pytest.raises(NameRefused) as info:
        check_name("x" * 300)
    assert info.value.params["rule"] == "too_long" and info.value.params["max_bytes"] == "255"


def test_host_key_errors_have_codes_and_fingerprints() -> None:
    offered = OfferedKey("ssh-ed25519", "SHA256:new", "AAAA")
    cases: list[tuple[list[PinnedKey], str, dict[str, str]]] = [
        ([], "hostkey.unknown", {"key_type": "ssh-ed25519", "fingerprint": "SHA256:new"}),
        (
            [PinnedKey("h", 22, "ssh-ed25519", "SHA256:new", trusted=False)],
            "hostkey.pending",
            {"key_type": "ssh-ed25519", "fingerprint": "SHA256:new"},
        ),
        (
            [PinnedKey("h", 22, "ssh-rsa", "SHA256:old")],
            "hostkey.changed",
            {
                "old_fingerprint": "SHA256:old",
                "new_fingerprint": "SHA256:new",
                "key_type": "ssh-ed25519",
                "old_key_type": "ssh-rsa",
            },
        ),
    ]
    for pinned, code, params in cases:
        with pytest.raises(HostKeyError) as info:
            check_key(pinned, "h", offered)
        assert isinstance(info.value, ShownError)
        assert (info.value.code, info.value.params) == (code, params)
        assert info.value.message == str(info.value) and "SHA256:new" in info.value.message


def test_classify_keeps_the_host_key_values() -> None:
    offered = OfferedKey("ssh-ed25519", "SHA256:new", "AAAA")
    changed = classify(HostKeyChanged("SHA256:old", "SHA256:new", "ssh-ed25519", "", offered))
    assert (changed.kind, changed.code, changed.old_fp) == (
        "host_key_changed",
        "sftp.host_key_changed",
        "SHA256:old",
    )
    assert changed.params["old_fingerprint"] == "SHA256:old"
    assert changed.params["fingerprint"] == changed.params["new_fingerprint"] == "SHA256:new"
    unknown = classify(UnknownHostKey("ssh-ed25519", "SHA256:new", offered), PROFILE)
    assert unknown.code == "sftp.host_key_unknown" and unknown.offered == offered
    assert unknown.params == {
        "key_type": "ssh-ed25519",
        "fingerprint": "SHA256:new",
        "server": "files.example.se:2222",
    }
    pending = classify(HostKeyPending("ssh-ed25519", "SHA256:new"))
    assert pending.kind == "host_key_unknown" and pending.offered is None
    assert pending.message.startswith("The ssh-ed25519 key SHA256:new")


@pytest.mark.parametrize(
    ("exc", "kind", "params"),
    [
        (socket.gaierror(-2, "Name or service not known"), "dns", {"server": "x"}),
        (ConnectionRefusedError(), "refused", {"server": "x"}),
        (TimeoutError(), "timeout", {"server": "x"}),
        (paramiko.AuthenticationException("no"), "auth_failed", {"server": "x"}),
        (EOFError(), "connection_lost", {"server": "x"}),
        # Only the file name: reasons go to the shared session log (issue 16, item 8).
        (
            OSError(errno.EACCES, "Permission denied", "/srv/f"),
            "permission_denied",
            {"detail": "Permission denied: f"},
        ),
        (OSError(errno.ENOSPC, "No space left"), "disk_full", {"detail": "No space left"}),
        (paramiko.SSHException("Error reading SSH protocol banner"), "timeout", {"server": "x"}),
        (
            paramiko.SSHException("kex went wrong"),
            "other",
            {"server": "x", "detail": "kex went wrong"},
        ),
    ],
)
def test_classify_gives_kind_and_params(
    exc: BaseException, kind: str, params: dict[str, str]
) -> None:
    error = classify(exc, PROFILE)
    params = {k: "files.example.se:2222" if v == "x" else v for k, v in params.items()}
    assert (error.kind, error.code, error.params) == (kind, f"sftp.{kind}", params)


def test_no_exception_class_name_in_messages(tmp_path: Path) -> None:
    """A bug-like failure, and a file that is no private key: plain words, no class names."""
    error = classify(RuntimeError("boom"))
    assert (error.kind, error.message, error.params) == (
        "other",
        "Unexpected error: boom",
        {"detail": "boom"},
    )
    assert "RuntimeError" not in error.message
    bogus = tmp_path / "not_a_key"
    bogus.write_text("-----BEGIN OPENSSH PRIVATE KEY-----\nnonsense\n")
    profile = ConnectionProfile("127.0.0.1", 1, "agent", "key", str(bogus))
    with pytest.raises(SftpError) as info:
        connect(profile, secret=lambda: None, pinned=[])
    assert info.value.kind == "auth_failed" and info.value.params == {"path": str(bogus)}
    for name in ("SSHException", "ValueError", "Error"):
        assert name not in info.value.message
