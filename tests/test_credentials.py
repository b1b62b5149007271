"""CredentialStore: secure backends only, read-back check, no secret in errors or on disk."""

from __future__ import annotations

import base64
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend

from bowebb_console.credentials import (
    SECURE_BACKENDS,
    SERVICE,
    CredentialError,
    CredentialStore,
    dotted_name,
)
from tests.keyrings import MemoryKeyring

UNDER_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
REPO_ROOT = Path(__file__).resolve().parents[1]
ACCOUNT = "db:anna@dbhost:5432/bowebb"
SECRET = "pä$$ 'w\"ord ✓ 7f3a9c"


class ManglingKeyring(MemoryKeyring):
    """Stores something other than what it was given."""

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password[:-1]


class LockedKeyring(MemoryKeyring):
    """Fails like a locked Secret Service collection, echoing the secret as a bad backend may."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError(f"D-Bus failure while storing {password}")

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


class PlaintextKeyring(KeyringBackend):
    """Stand-in for keyrings.alt.file.PlaintextKeyring: base64 in a file under XDG_DATA_HOME."""

    priority = 0.5
    viable = False

    def __init__(self) -> None:
        super().__init__()
        self.file = Path(os.environ["XDG_DATA_HOME"]) / "python_keyring" / "keyring_pass.cfg"

    def get_password(self, service: str, username: str) -> str | None:
        if not self.file.exists():
            return None
        data = json.loads(self.file.read_text())
        value = data.get(f"{service}/{username}")
        return None if value is None else base64.b64decode(value).decode()

    def set_password(self, service: str, username: str, password: str) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        data = json.loads(self.file.read_text()) if self.file.exists() else {}
        data[f"{service}/{username}"] = base64.b64encode(password.encode()).decode()
        self.file.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("not needed here")


PlaintextKeyring.__module__ = "keyrings.alt.file"
PlaintextKeyring.__qualname__ = "PlaintextKeyring"

TRUSTING_MEMORY = {**SECURE_BACKENDS, dotted_name(MemoryKeyring): "Test memory keyring"}


def trusting(*classes: type[KeyringBackend]) -> dict[str, str]:
    return {**SECURE_BACKENDS, **{dotted_name(c): c.__name__ for c in classes}}


def chainer_of(*children: KeyringBackend) -> ChainerBackend:
    class FixedChainer(ChainerBackend):
        viable = False
        backends = list(children)  # replaces the discovering classproperty

    return FixedChainer()


@pytest.fixture
def fake_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME and XDG dirs inside tmp_path, so a scan of tmp_path covers every place a backend
    (or this app's config/data/log dirs from conftest) could write."""
    for var, sub in [
        ("HOME", "home"),
        ("XDG_DATA_HOME", "home/.local/share"),
        ("XDG_CONFIG_HOME", "home/.config"),
        ("XDG_STATE_HOME", "home/.local/state"),
        ("XDG_CACHE_HOME", "home/.cache"),
    ]:
        (tmp_path / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(tmp_path / sub))
    return tmp_path


def files_containing(root: Path, secret: str) -> list[Path]:
    """Files under root holding the secret raw or base64-encoded (as keyrings.alt does)."""
    raw = secret.encode()
    needles = [raw, base64.b64encode(raw), secret.encode("utf-16-le")]
    return [p for p in root.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)]


# --- secure (trusted) backend --------------------------------------------------------------


def test_round_trip_in_trusted_backend() -> None:
    backend = MemoryKeyring()
    store = CredentialStore(backend, trusted_backends=TRUSTING_MEMORY)
    assert store.secure
    assert store.backend_name == "Test memory keyring"
    assert store.reason_insecure == ""

    result = store.store(ACCOUNT, SECRET)
    assert (result.location, result.backend_name) == ("keyring", "Test memory keyring")
    assert backend.items == {(SERVICE, ACCOUNT): SECRET}
    assert store.get(ACCOUNT) == SECRET
    # A fresh store (next run: empty memory) finds it in the keyring.
    assert CredentialStore(backend, trusted_backends=TRUSTING_MEMORY).get(ACCOUNT) == SECRET

    store.delete(ACCOUNT)
    assert backend.items == {}
    assert store.get(ACCOUNT) is None
    store.delete(ACCOUNT)  # deleting what is gone is not an error


def test_untrusted_by_default_even_with_priority() -> None:
    store = CredentialStore(MemoryKeyring())
    assert not store.secure


def test_trust_is_by_exact_class_not_subclass() -> None:
    assert not CredentialStore(ManglingKeyring(), trusted_backends=TRUSTING_MEMORY).secure


def test_read_back_mismatch_raises_and_removes_entry(caplog: pytest.LogCaptureFixture) -> None:
    backend = ManglingKeyring()
    store = CredentialStore(backend, trusted_backends=trusting(ManglingKeyring))
    with caplog.at_level(logging.DEBUG), pytest.raises(CredentialError) as info:
        store.store(ACCOUNT, SECRET)
    assert SECRET not in str(info.value)
    assert SECRET[:-1] not in str(info.value)
    assert SECRET[:-1] not in caplog.text
    assert backend.items == {}
    assert store.get(ACCOUNT) is None


def test_keyring_error_becomes_credential_error_without_secret(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = CredentialStore(LockedKeyring(), trusted_backends=trusting(LockedKeyring))
    with caplog.at_level(logging.DEBUG), pytest.raises(CredentialError) as info:
        store.store(ACCOUNT, SECRET)
    assert "PasswordSetError" in str(info.value)
    assert SECRET not in str(info.value)
    assert info.value.__cause__ is None
    assert SECRET not in caplog.text

    with pytest.raises(CredentialError, match="locked"):
        store.get(ACCOUNT)


def test_chainer_uses_its_secure_child_only(fake_home: Path) -> None:
    plaintext, memory = PlaintextKeyring(), MemoryKeyring()
    store = CredentialStore(chainer_of(plaintext, memory), trusted_backends=TRUSTING_MEMORY)
    assert store.secure
    assert store.store(ACCOUNT, SECRET).location == "keyring"
    assert memory.items == {(SERVICE, ACCOUNT): SECRET}
    assert files_containing(fake_home, SECRET) == []


# --- insecure backends ---------------------------------------------------------------------


@pytest.fixture(
    params=[
        keyring.backends.null.Keyring,
        keyring.backends.fail.Keyring,
        PlaintextKeyring,
        lambda: chainer_of(keyring.backends.null.Keyring(), PlaintextKeyring()),
    ],
    ids=["null", "fail", "plaintext", "insecure-chain"],
)
def insecure_backend(request: pytest.FixtureRequest, fake_home: Path) -> Iterator[KeyringBackend]:
    yield request.param()


def test_insecure_backend_is_refused_and_nothing_written(
    insecure_backend: KeyringBackend, fake_home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        store = CredentialStore(insecure_backend)
        assert not store.secure
        assert "kept in memory until you quit" in store.reason_insecure
        assert store.backend_name

        result = store.store(ACCOUNT, SECRET)
        assert result.location == "memory"
        assert result.reason == store.reason_insecure
        assert store.get(ACCOUNT) == SECRET
        assert files_containing(fake_home, SECRET) == []

        store.delete(ACCOUNT)
        assert store.get(ACCOUNT) is None
    assert SECRET not in caplog.text
    # Memory is per run: a new store (next start) has nothing.
    assert CredentialStore(insecure_backend).get(ACCOUNT) is None


def test_insecure_backend_is_not_read_either(fake_home: Path) -> None:
    plaintext = PlaintextKeyring()
    plaintext.set_password(SERVICE, ACCOUNT, SECRET)  # left over from some other tool
    assert CredentialStore(plaintext).get(ACCOUNT) is None


def test_scan_finds_a_plaintext_secret(fake_home: Path) -> None:
    """The disk scan above would catch a backend that wrote the secret."""
    PlaintextKeyring().set_password(SERVICE, ACCOUNT, SECRET)
    assert len(files_containing(fake_home, SECRET)) == 1


def test_empty_account_is_refused() -> None:
    store = CredentialStore(MemoryKeyring(), trusted_backends=TRUSTING_MEMORY)
    with pytest.raises(ValueError):
        store.store("", SECRET)


# --- a real Secret Service (gnome-keyring on a private D-Bus session) -----------------------

REAL_SCRIPT = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    from bowebb_console.credentials import CredentialStore

    secret, account = sys.argv[1], sys.argv[2]
    store = CredentialStore()
    out = {"secure": store.secure, "backend": store.backend_name}
    out["location"] = store.store(account, secret).location
    out["same_store"] = store.get(account) == secret
    out["fresh_store"] = CredentialStore().get(account) == secret
    home = Path(os.environ["HOME"])
    out["plaintext_on_disk"] = [
        str(p) for p in home.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()
    ]
    out["keyring_files"] = sorted(p.name for p in home.rglob("*.keyring"))
    store.delete(account)
    out["after_delete"] = CredentialStore().get(account)
    print("RESULT " + json.dumps(out))
    """
)


@pytest.mark.keyring_real
def test_real_secret_service(tmp_path: Path) -> None:
    tools = ["dbus-run-session", "gnome-keyring-daemon"]
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        message = f"needs {' and '.join(missing)} (apt: dbus, gnome-keyring)"
        if UNDER_CI:
            pytest.fail(message)
        pytest.skip(message)

    home, runtime = tmp_path / "home", tmp_path / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    script = tmp_path / "real_keyring.py"
    script.write_text(REAL_SCRIPT)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "PYTHONPATH": str(REPO_ROOT),
        "KEYRING_PW": "test-login-password",
        "LANG": "C.UTF-8",
    }
    # --unlock with the password on stdin creates and unlocks the "login" collection, which
    # becomes the default one, so no prompt is ever needed. The daemon exits with the bus.
    shell = (
        'printf %s "$KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets >/dev/null'
        ' && exec "$0" "$@"'
    )
    cmd = ["dbus-run-session", "--", "sh", "-c", shell, sys.executable, str(script)]
    proc = subprocess.Popen(
        [*cmd, SECRET, ACCOUNT],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # so a hang can be killed with everything it started
    )
    try:
        stdout, stderr = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        pytest.fail(f"real keyring test timed out:\n{stdout}\n{stderr}")

    lines = [line for line in stdout.splitlines() if line.startswith("RESULT ")]
    assert proc.returncode == 0 and lines, f"exit {proc.returncode}:\n{stdout}\n{stderr}"
    result = json.loads(lines[-1].removeprefix("RESULT "))
    assert result == {
        "secure": True,
        "backend": "Secret Service",
        "location": "keyring",
        "same_store": True,
        "fresh_store": True,
        "plaintext_on_disk": [],
        "keyring_files": ["login.keyring"],
        "after_delete": None,
    }
    assert SECRET not in stderr
