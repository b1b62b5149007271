"""A thin credential store over `keyring` that fails closed.

Secrets go only to a secure system keyring (Secret Service, KWallet, Windows Credential Manager,
macOS Keychain). Anything else — `keyrings.alt` plaintext files, the null/fail backends, a chain of
such — is refused, and the secret is kept in this process's memory for the run instead, so the UI
can say where the password is. Trust is decided by the backend's exact class, not its priority: a
plaintext backend can have a high priority, and a subclass of a trusted class may store
differently.

Secrets never appear in exception messages or log lines; accounts (e.g. "db:anna@host/db") may.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend

log = logging.getLogger(__name__)

SERVICE: Final = "bowebb-console"

# Dotted class name -> name shown to the user. Strings, not classes, because the Windows and
# macOS modules do not import everywhere.
SECURE_BACKENDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "keyring.backends.SecretService.Keyring": "Secret Service",
        "keyring.backends.libsecret.Keyring": "Secret Service (libsecret)",
        "keyring.backends.kwallet.DBusKeyring": "KWallet",
        "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet",
        "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
        "keyring.backends.macOS.Keyring": "macOS Keychain",
    }
)

NO_SECURE_KEYRING: Final = (
    "No secure system keyring (Secret Service, KWallet, Windows Credential Manager or macOS "
    "Keychain) is available; the password is kept in memory until you quit."
)


class CredentialError(Exception):
    """A keyring operation failed. The message is for the user and never contains the secret."""


@dataclass(frozen=True)
class StoreResult:
    """Where a stored secret went, for the UI to tell the user."""

    location: Literal["keyring", "memory"]
    backend_name: str
    reason: str


def dotted_name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


class CredentialStore:
    """Secrets by account name, in a secure keyring if there is one, else in memory for the run.

    `trusted_backends` maps dotted class names to display names; it replaces the default set,
    which is how tests admit an in-memory backend explicitly.
    """

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        trusted_backends: Mapping[str, str] = SECURE_BACKENDS,
    ) -> None:
        self._trusted = dict(trusted_backends)
        found = backend if backend is not None else keyring.get_keyring()
        self._backend = self._pick_secure(found)
        self._found_name = self._describe(found)
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()  # store/get may be called from worker threads
        if self._backend is None:
            log.warning(
                "No secure keyring (found %s); credentials stay in memory", self._found_name
            )

    def _pick_secure(self, backend: KeyringBackend) -> KeyringBackend | None:
        if dotted_name(type(backend)) in self._trusted:
            return backend
        if isinstance(backend, ChainerBackend):
            # Use the best secure child directly: the chainer itself would fall through to a
            # plaintext child whenever the secure one refuses to store.
            children: list[KeyringBackend] = list(backend.backends)
            for child in children:
                if dotted_name(type(child)) in self._trusted:
                    return child
        return None

    def _describe(self, backend: KeyringBackend) -> str:
        trusted = self._trusted.get(dotted_name(type(backend)))
        if trusted is not None:
            return trusted
        if isinstance(backend, ChainerBackend):
            children = ", ".join(self._describe(child) for child in backend.backends)
            return f"keyring chain ({children or 'empty'})"
        return str(type(backend).name)

    @property
    def secure(self) -> bool:
        return self._backend is not None

    @property
    def backend_name(self) -> str:
        """The keyring holding secrets, or the insecure one that was found and refused."""
        if self._backend is not None:
            return self._describe(self._backend)
        return self._found_name

    @property
    def reason_insecure(self) -> str:
        """Why secrets stay in memory; empty when a secure keyring is in use."""
        return "" if self.secure else NO_SECURE_KEYRING

    def get(self, account: str) -> str | None:
        _check_account(account)
        with self._lock:
            if account in self._memory:
                return self._memory[account]
        if self._backend is None:
            return None  # never read from an insecure backend either
        try:
            return self._backend.get_password(SERVICE, account)
        except Exception as exc:
            raise self._error("read the password from", exc, None) from None

    def store(self, account: str, secret: str) -> StoreResult:
        _check_account(account)
        if self._backend is None:
            with self._lock:
                self._memory[account] = secret
            return StoreResult("memory", "memory", NO_SECURE_KEYRING)
        name = self.backend_name
        try:
            self._backend.set_password(SERVICE, account, secret)
            read_back = self._backend.get_password(SERVICE, account)
        except Exception as exc:
            raise self._error("save the password in", exc, secret) from None
        if read_back != secret:
            # Don't leave a wrong password behind to fail the next login mysteriously.
            try:
                self._backend.delete_password(SERVICE, account)
            except Exception:
                log.warning("Could not remove the mismatched entry for %s", account)
            raise CredentialError(
                f"{name} did not return the password that was just saved for {account}; "
                "it was not saved."
            )
        with self._lock:
            self._memory.pop(account, None)
        log.info("Credential for %s saved in %s", account, name)
        return StoreResult("keyring", name, f"Saved in {name}.")

    def delete(self, account: str) -> None:
        """Forget the secret everywhere; deleting a missing one is not an error."""
        _check_account(account)
        with self._lock:
            self._memory.pop(account, None)
        if self._backend is None:
            return
        try:
            # Look first: backends raise PasswordDeleteError both for "missing" and for real
            # failures, and only the latter should reach the user.
            if self._backend.get_password(SERVICE, account) is not None:
                self._backend.delete_password(SERVICE, account)
        except Exception as exc:
            raise self._error("delete the password from", exc, None) from None

    def _error(self, action: str, exc: Exception, secret: str | None) -> CredentialError:
        if isinstance(exc, keyring.errors.KeyringLocked):
            detail = "the keyring is locked, or unlocking it was cancelled"
        else:
            message = str(exc)
            detail = type(exc).__name__
            if message and not (secret and secret in message):
                detail = f"{detail}: {message}"
        # Logged without traceback: a backend's frames and messages may hold the secret.
        log.warning("Keyring failure (%s %s): %s", action, self.backend_name, detail)
        return CredentialError(f"Could not {action} {self.backend_name}: {detail}.")


def _check_account(account: str) -> None:
    if not account:
        raise ValueError("account must be a non-empty string")
