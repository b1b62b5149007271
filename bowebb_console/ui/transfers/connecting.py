"""Connecting, host keys and profiles for the Transfers view.

The connect flow: read the remembered secret and connect on a worker; if a password or key
passphrase is missing, ask (offering "remember"), then try again; an unknown host key opens the
confirm-fingerprint dialog and, when confirmed, pins it (logged) and connects again; a changed
key opens the warning, where only leads and admins see "Replace pinned key". The typed secret
is kept only until the connection attempt ends.

The view owns this helper: it hands in a callable for what is selected now and listens to the
signals; the helper never reaches back into the view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from bowebb_console.services import transfers
from bowebb_console.services.transfers import (
    Link,
    NeedSecret,
    PendingKeys,
    PinnedKeyRow,
    ProfileRow,
    SftpError,
    TransferSession,
)
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.transfers.dialogs import (
    FingerprintDialog,
    KeyChangedDialog,
    PendingKeysDialog,
    ProfileDialog,
    SecretDialog,
)
from bowebb_console.ui.transfers.errors import shown_text

# What the view has selected now: the session and the connection profile (either may be None).
Selection = Callable[[], tuple[TransferSession | None, ProfileRow | None]]


class Connector(QObject):
    status = Signal(str, bool)  # text, is an error
    busy_changed = Signal()
    connected = Signal(object)  # Link
    profiles_changed = Signal(object)  # the profile id to select, or None

    def __init__(self, ctx: AppContext, selection: Selection, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.selection = selection
        self.window = parent  # parent of the dialogs
        self.busy = False
        self._typed: str | None = None
        self._remember = False
        self.dialog: Any = None  # the dialog open now (tests reach it here)

    def _start(self, fn: Callable[..., Any], *args: Any, **kw: Any) -> None:
        """Run a service call; its answer is dropped once this helper (and its view) is gone."""
        self.ctx.runner.start(fn, *args, owner=self, **kw)

    # --- connecting -----------------------------------------------------------------------

    def start(self) -> None:
        self._typed, self._remember = None, False
        self._attempt()

    def _attempt(self) -> None:
        session, profile = self.selection()
        if session is None or profile is None:
            return
        self._set_busy(True)
        self.status.emit(self.tr("Connecting to %1…").replace("%1", profile.host), False)
        # No owner: a link that arrives after the screen closed must still be closed.
        self.ctx.runner.start(
            transfers.open_link,
            self.ctx.database,
            session.session_uuid,
            profile,
            self.ctx.credentials,
            self._typed,
            self._remember,
            tag="transfers.connect",
            on_result=self._connected,
            on_error=self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit()

    def _connected(self, link: Link) -> None:
        if not shiboken6.isValid(self):
            link.close()  # the screen is gone: nobody will use it
            return
        self._typed = None
        self._set_busy(False)
        self.connected.emit(link)

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        if isinstance(exc, NeedSecret):
            self._ask_secret(exc.forgot_remembered)
        elif isinstance(exc, SftpError) and exc.kind == "host_key_unknown" and exc.offered:
            self._confirm_key(exc)
        elif isinstance(exc, SftpError) and exc.kind == "host_key_changed":
            self._key_changed(exc)
        elif isinstance(exc, SftpError):
            self._error(self.tr("Cannot connect"), shown_text(exc), exc.message)
        else:
            self._error(self.tr("Cannot connect"), shown_text(exc))

    def _forget(self) -> None:
        """The attempt is over: a typed secret is not kept."""
        self._typed = None

    def _error(self, title: str, text: str, details: str = "") -> None:
        self._forget()
        self.status.emit(text, True)
        self.ctx.prompts.show_error(title, text, details=details)

    def remote_error(self, exc: BaseException) -> None:
        """A listing or a batch failed as a whole (a single file's failure is in the queue)."""
        if not shiboken6.isValid(self):
            return
        details = exc.message if isinstance(exc, SftpError) else ""
        self._error(self.tr("Server"), shown_text(exc), details)

    def _ask_secret(self, forgot: bool) -> None:
        _, profile = self.selection()
        if profile is None:
            return
        what = (
            self.tr("The passphrase of the private key %1:").replace("%1", profile.key_path or "")
            if profile.auth_kind == "key"
            else self.tr("The password of %1:").replace("%1", f"{profile.username}@{profile.host}")
        )
        if forgot:
            what = self.tr("The remembered secret was refused and has been forgotten.") + " " + what
        store = self.ctx.credentials
        dialog = SecretDialog(what, store is not None and store.secure, self.window)
        dialog.accepted.connect(lambda: self._secret_given(dialog))
        self.dialog = dialog
        dialog.open()

    def _secret_given(self, dialog: SecretDialog) -> None:
        self._typed = dialog.secret.text()
        self._remember = dialog.remember.isChecked()
        dialog.secret.clear()
        self._attempt()

    def _confirm_key(self, exc: SftpError) -> None:
        (session, profile), offered = self.selection(), exc.offered
        if session is None or profile is None or offered is None:
            return
        pending = False  # shown as pending after the pin if the team requires approval
        dialog = FingerprintDialog(
            profile.host, profile.port, offered.key_type, offered.fingerprint, pending, self.window
        )
        dialog.accepted.connect(
            lambda: self._start(
                transfers.pin_key,
                self.ctx.database,
                self.ctx.identity,
                session.session_uuid,
                profile.host,
                profile.port,
                offered,
                on_result=self._pinned,
                on_error=self._failed,
            )
        )
        dialog.rejected.connect(self._forget)
        dialog.rejected.connect(
            lambda: self.status.emit(self.tr("Not connected: the key was not confirmed."), False)
        )
        self.dialog = dialog
        dialog.open()

    def _pinned(self, row: PinnedKeyRow) -> None:
        if row.trusted:
            self._attempt()
            return
        self._forget()
        text = self.tr(
            "The host key is pinned and logged. Your team requires a team lead's approval "
            "for new host keys: files can be transferred once a lead has approved it."
        )
        self.status.emit(text, False)
        self.ctx.prompts.show_info(self.tr("Waiting for approval"), text)

    def _key_changed(self, exc: SftpError) -> None:
        (session, profile), offered = self.selection(), exc.offered
        if profile is None:
            return
        new_type = offered.key_type if offered else ""
        new_fp = offered.fingerprint if offered else "?"
        can_replace = self.ctx.is_lead and offered is not None
        dialog = KeyChangedDialog(
            profile.host, profile.port, exc.old_fp, new_type, new_fp, can_replace, self.window
        )
        dialog.rejected.connect(self._forget)
        self.status.emit(
            self.tr("Refused: the server's host key has changed (pinned %1, now %2).")
            .replace("%1", exc.old_fp)
            .replace("%2", new_fp),
            True,
        )
        if can_replace and offered is not None:
            su = session.session_uuid if session is not None else None
            dialog.accepted.connect(
                lambda: self._start(
                    transfers.replace_key,
                    self.ctx.database,
                    self.ctx.identity,
                    su,
                    profile.host,
                    profile.port,
                    exc.old_fp,
                    offered,
                    on_result=lambda _row: self._attempt(),
                    on_error=self._failed,
                )
            )
        self.dialog = dialog
        dialog.open()

    # --- profiles -------------------------------------------------------------------------

    def edit_profile(self, row: ProfileRow | None) -> None:
        session, _ = self.selection()
        if session is None:
            return
        dialog = ProfileDialog(row, self.ctx.prompts, self.window)

        def save(values: dict[str, Any]) -> None:
            extra = {} if row is None else {"profile_id": row.id, "version": row.version}
            self._start(
                transfers.save_profile,
                self.ctx.database,
                customer_id=session.customer_id,
                **values,
                **extra,
                on_result=lambda saved: self._profile_saved(dialog, saved),
                on_error=lambda e: dialog.show_error(shown_text(e)),
            )

        dialog.submitted.connect(save)
        self.dialog = dialog
        dialog.open()

    def _profile_saved(self, dialog: ProfileDialog, saved: ProfileRow) -> None:
        dialog.accept()
        self.profiles_changed.emit(saved.id)

    def delete_profile(self) -> None:
        _, row = self.selection()
        if row is None:
            return

        def answer(yes: bool) -> None:
            if yes:
                self._start(
                    transfers.delete_profile,
                    self.ctx.database,
                    row.id,
                    on_result=lambda _: self.profiles_changed.emit(None),
                    on_error=lambda e: self._error(self.tr("Delete"), shown_text(e)),
                )

        self.ctx.prompts.confirm(
            self.tr("Delete profile"),
            self.tr("Delete the connection profile %1? Pinned host keys stay.").replace(
                "%1", row.name
            ),
            answer,
        )

    # --- leads: keys waiting for approval -------------------------------------------------

    def show_pending(self) -> None:
        self._start(
            transfers.pending_keys,
            self.ctx.database,
            on_result=self._pending_loaded,
            on_error=lambda e: self._error(self.tr("Host keys"), shown_text(e)),
        )

    def _pending_loaded(self, pending: PendingKeys) -> None:
        if isinstance(self.dialog, PendingKeysDialog) and self.dialog.isVisible():
            self.dialog.set_rows(pending.rows)
            return
        is_admin = self.ctx.identity.role == "admin"
        dialog = PendingKeysDialog(pending.rows, pending.required, is_admin, self.window)
        dialog.approve_requested.connect(
            lambda key_id: self._start(
                transfers.approve_key,
                self.ctx.database,
                self.ctx.identity,
                key_id,
                on_result=lambda _r: self.show_pending(),
                on_error=lambda e: self._error(self.tr("Approve"), shown_text(e)),
            )
        )
        dialog.setting_changed.connect(
            lambda on: self._start(
                transfers.set_approval_required,
                self.ctx.database,
                on,
                on_error=lambda e: self._error(self.tr("Host keys"), shown_text(e)),
            )
        )
        self.dialog = dialog
        dialog.open()
