"""Connecting, host keys and profiles for the Transfers view.

The connect flow: read the remembered secret and connect on a worker; if a password or key
passphrase is missing, ask (offering "remember"), then try again; an unknown host key opens the
confirm-fingerprint dialog and, when confirmed, pins it (logged) and connects again; a changed
key opens the warning, where only leads and admins see "Replace pinned key". The typed secret
is kept only until the connection attempt ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from bowebb_console.sftp.connection import SftpError
from bowebb_console.ui.transfers import work
from bowebb_console.ui.transfers.dialogs import (
    FingerprintDialog,
    KeyChangedDialog,
    PendingKeysDialog,
    ProfileDialog,
    SecretDialog,
    kind_words,
)

if TYPE_CHECKING:
    from bowebb_console.ui.transfers.view import TransfersView


class Connector(QObject):
    def __init__(self, view: TransfersView) -> None:
        super().__init__(view)
        self.view = view
        self.ctx = view.ctx
        self.busy = False
        self._typed: str | None = None
        self._remember = False
        self.dialog: Any = None  # the dialog open now (tests reach it here)

    # --- connecting -----------------------------------------------------------------------

    def start(self) -> None:
        self._typed, self._remember = None, False
        self._attempt()

    def _attempt(self) -> None:
        su, profile = self.view.session_uuid(), self.view.profile()
        if su is None or profile is None:
            return
        self.busy = True
        self.view.show_status(self.tr("Connecting to %1…").replace("%1", profile.host))
        self.view._update_buttons()
        self.ctx.runner.start(
            work.open_link,
            self.ctx,
            su,
            profile,
            self._typed,
            self._remember,
            tag="transfers.connect",
            on_result=self._connected,
            on_error=self._failed,
        )

    def _done(self) -> None:
        self.busy = False
        self.view._update_buttons()

    def _connected(self, link: work.Link) -> None:
        if not self.view.alive():
            link.close()  # the screen is gone: nobody will use it
            return
        self._typed = None
        self._done()
        self.view.connected(link)

    def _failed(self, exc: BaseException) -> None:
        if not self.view.alive():
            return
        from bowebb_console.store.log.chain import LogWriteError
        from bowebb_console.store.sessions.events import SessionError
        from bowebb_console.store.transfers.host_keys import HostKeyStoreError

        self._done()
        if isinstance(exc, work.NeedSecret):
            self._ask_secret(exc.forgot_remembered)
            return
        if isinstance(exc, SessionError | LogWriteError | HostKeyStoreError):
            self._error(self.tr("Cannot connect"), exc.message)
        elif isinstance(exc, SftpError) and exc.kind == "host_key_unknown" and exc.offered:
            self._confirm_key(exc)
        elif isinstance(exc, SftpError) and exc.kind == "host_key_changed":
            self._key_changed(exc)
        elif isinstance(exc, SftpError):
            self._error(self.tr("Cannot connect"), kind_words(exc.kind), exc.message)
        else:
            self._error(self.tr("Cannot connect"), f"{type(exc).__name__}: {exc}")

    def _forget(self) -> None:
        """The attempt is over: a typed secret is not kept."""
        self._typed = None

    def _error(self, title: str, text: str, details: str = "") -> None:
        self._forget()
        self.view.show_status(text, error=True)
        self.ctx.prompts.show_error(title, text, details=details)

    def remote_error(self, exc: BaseException) -> None:
        """A listing or a batch failed as a whole (a single file's failure is in the queue)."""
        if not self.view.alive():
            return
        if isinstance(exc, SftpError):
            self._error(self.tr("Server"), kind_words(exc.kind), exc.message)
        else:
            self._error(self.tr("Server"), str(getattr(exc, "message", exc)))

    def _ask_secret(self, forgot: bool) -> None:
        profile = self.view.profile()
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
        dialog = SecretDialog(what, store is not None and store.secure, self.view)
        dialog.accepted.connect(lambda: self._secret_given(dialog))
        self.dialog = dialog
        dialog.open()

    def _secret_given(self, dialog: SecretDialog) -> None:
        self._typed = dialog.secret.text()
        self._remember = dialog.remember.isChecked()
        dialog.secret.clear()
        self._attempt()

    def _confirm_key(self, exc: SftpError) -> None:
        profile, offered = self.view.profile(), exc.offered
        if profile is None or offered is None:
            return
        pending = False  # shown as pending after the pin if the team requires approval
        dialog = FingerprintDialog(
            profile.host, profile.port, offered.key_type, offered.fingerprint, pending, self.view
        )
        su = self.view.session_uuid()
        dialog.accepted.connect(
            lambda: self.ctx.runner.start(
                work.pin,
                self.ctx,
                su,
                profile.host,
                profile.port,
                offered,
                on_result=self._pinned,
                on_error=self._failed,
            )
        )
        dialog.rejected.connect(self._forget)
        dialog.rejected.connect(
            lambda: self.view.show_status(self.tr("Not connected: the key was not confirmed."))
        )
        self.dialog = dialog
        dialog.open()

    def _pinned(self, row: Any) -> None:
        if not self.view.alive():
            return
        if row.trusted:
            self._attempt()
            return
        self._forget()
        text = self.tr(
            "The host key is pinned and logged. Your team requires a team lead's approval "
            "for new host keys: files can be transferred once a lead has approved it."
        )
        self.view.show_status(text)
        self.ctx.prompts.show_info(self.tr("Waiting for approval"), text)

    def _key_changed(self, exc: SftpError) -> None:
        profile, offered = self.view.profile(), exc.offered
        if profile is None:
            return
        new_type = offered.key_type if offered else ""
        new_fp = offered.fingerprint if offered else "?"
        can_replace = self.ctx.is_lead and offered is not None
        dialog = KeyChangedDialog(
            profile.host, profile.port, exc.old_fp, new_type, new_fp, can_replace, self.view
        )
        dialog.rejected.connect(self._forget)
        self.view.show_status(
            self.tr("Refused: the server's host key has changed (pinned %1, now %2).")
            .replace("%1", exc.old_fp)
            .replace("%2", new_fp),
            error=True,
        )
        if can_replace and offered is not None:
            su = self.view.session_uuid()
            dialog.accepted.connect(
                lambda: self.ctx.runner.start(
                    work.replace,
                    self.ctx,
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

    def edit_profile(self, row: Any | None) -> None:
        sessions = self.view.sessions
        if not sessions:
            return
        customer = sessions[self.view.session_combo.currentIndex()][0].customer_id
        dialog = ProfileDialog(row, self.view)

        def save(values: dict[str, Any]) -> None:
            extra = {} if row is None else {"profile_id": row.id, "version": row.version}
            self.ctx.runner.start(
                work.save_profile,
                self.ctx,
                customer_id=customer,
                **values,
                **extra,
                on_result=lambda saved: self._profile_saved(dialog, saved),
                on_error=lambda e: dialog.show_error(str(getattr(e, "message", e))),
            )

        dialog.submitted.connect(save)
        self.dialog = dialog
        dialog.open()

    def _profile_saved(self, dialog: ProfileDialog, saved: Any) -> None:
        dialog.accept()
        if self.view.alive():
            self.view.reload_profiles(saved.id)

    def delete_profile(self) -> None:
        row = self.view.profile()
        if row is None:
            return

        def answer(yes: bool) -> None:
            if yes:
                self.ctx.runner.start(
                    work.delete_profile,
                    self.ctx,
                    row.id,
                    on_result=lambda _: self.view.reload_profiles(),
                    on_error=lambda e: self._error(self.tr("Delete"), str(e)),
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
        self.ctx.runner.start(
            work.load_pending,
            self.ctx,
            on_result=self._pending_loaded,
            on_error=lambda e: self._error(self.tr("Host keys"), str(e)),
        )

    def _pending_loaded(self, result: tuple[list[Any], bool]) -> None:
        if not self.view.alive():
            return
        rows, required = result
        if isinstance(self.dialog, PendingKeysDialog) and self.dialog.isVisible():
            self.dialog.set_rows(rows)
            return
        dialog = PendingKeysDialog(rows, required, self.ctx.identity.role == "admin", self.view)
        dialog.approve_requested.connect(
            lambda key_id: self.ctx.runner.start(
                work.approve,
                self.ctx,
                key_id,
                on_result=lambda _r: self.show_pending(),
                on_error=lambda e: self._error(self.tr("Approve"), str(getattr(e, "message", e))),
            )
        )
        dialog.setting_changed.connect(
            lambda on: self.ctx.runner.start(
                work.set_approval_required,
                self.ctx,
                on,
                on_error=lambda e: self._error(self.tr("Host keys"), str(getattr(e, "message", e))),
            )
        )
        self.dialog = dialog
        dialog.open()
