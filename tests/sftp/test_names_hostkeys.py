"""Remote-name validation and host-key fingerprints/policy (no server needed except for
comparing with ssh-keygen)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import paramiko
import pytest

from bowebb_console.sftp.hostkeys import (
    HostKeyChanged,
    HostKeyPending,
    OfferedKey,
    PinnedKey,
    UnknownHostKey,
    check_key,
    fingerprint,
    host_id,
)
from bowebb_console.sftp.names import NameRefused, check_name, is_safe_name

GOOD = [
    "a",
    "rapport.pdf",
    "Årsredovisning 2025.xlsx",
    "ünïcødé ✓.txt",
    ".hidden",
    "a..b",
    "x" * 255,
    "CONSOLE.txt",
    "com10",
]
BAD = [
    "",
    ".",
    "..",
    "../evil",
    "/etc/x",
    "a/../../b",
    "a\\b",
    "..\\evil",
    "a\x00b",
    "tab\there",
    "new\nline",
    "del\x7f",
    "c1\x85",
    "a<b",
    "a>b",
    "a:b",
    'a"b',
    "a|b",
    "a?b",
    "a*b",
    "trailing.",
    "trailing ",
    "CON",
    "con",
    "NUL.txt",
    "Com1",
    "LPT9.tar.gz",
    "AUX .txt",
    "CONIN$",
    "x" * 256,
    "å" * 128,
    "bad\udcffsurrogate",
]


@pytest.mark.parametrize("name", GOOD)
def test_good_names_pass_unchanged(name: str) -> None:
    assert check_name(name) == name and is_safe_name(name)


@pytest.mark.parametrize("name", BAD)
def test_bad_names_are_refused_not_rewritten(name: str) -> None:
    with pytest.raises(NameRefused) as info:
        check_name(name)
    assert info.value.name == name and info.value.reason
    assert repr(name) in str(info.value)  # shown escaped: control characters stay visible


def test_fingerprint_matches_ssh_keygen(tmp_path: Path) -> None:
    for kind in ("ed25519", "rsa", "ecdsa"):
        path = tmp_path / f"k_{kind}"
        subprocess.run(["ssh-keygen", "-q", "-t", kind, "-N", "", "-f", str(path)], check=True)
        out = subprocess.run(
            ["ssh-keygen", "-lf", f"{path}.pub"], capture_output=True, text=True, check=True
        ).stdout.split()[1]
        assert fingerprint(paramiko.PKey.from_path(path)) == out
        assert out.startswith("SHA256:") and "=" not in out


def test_policy_accepts_only_trusted_pinned_keys() -> None:
    offered = OfferedKey("ssh-ed25519", "SHA256:new", "AAAA")
    assert host_id("h", 22) == "h" and host_id("h", 2222) == "[h]:2222"
    with pytest.raises(UnknownHostKey) as unknown:
        check_key([], "[h]:2222", offered)
    assert unknown.value.fingerprint == "SHA256:new" and unknown.value.offered == offered
    # The same host on another port is another server.
    with pytest.raises(UnknownHostKey):
        check_key([PinnedKey("h", 22, "ssh-ed25519", "SHA256:new")], "[h]:2222", offered)
    check_key([PinnedKey("h", 2222, "ssh-ed25519", "SHA256:new")], "[h]:2222", offered)
    with pytest.raises(HostKeyChanged) as changed:
        check_key([PinnedKey("h", 2222, "ssh-rsa", "SHA256:old")], "[h]:2222", offered)
    message = str(changed.value)
    assert "SHA256:old" in message and "SHA256:new" in message and "ssh-rsa" in message
    assert "CHANGED" in message
    with pytest.raises(HostKeyPending):
        check_key(
            [PinnedKey("h", 2222, "ssh-ed25519", "SHA256:new", trusted=False)], "[h]:2222", offered
        )
