"""What the Transfers screen says when something fails, by code: the service's ``transfers.*``
and ``hostkey.*`` ShownErrors, and the SFTP engine's failures by their ``kind`` (``sftp.*``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bowebb_console.services.transfers import SftpError
from bowebb_console.ui.kit.errors import CONTEXT, error_text

TEXTS: dict[str, str] = {
    # The session does not allow transfers.
    "transfers.no_session": QT_TRANSLATE_NOOP("Errors", "This session does not exist."),
    "transfers.no_consent": QT_TRANSLATE_NOOP("Errors", "This session has no recorded agreement."),
    "transfers.consent_erased": QT_TRANSLATE_NOOP(
        "Errors", "The agreement of this session was erased."
    ),
    "transfers.consent_refused": QT_TRANSLATE_NOOP(
        "Errors", "The customer did not agree: no files can be transferred."
    ),
    "transfers.wrong_scope": QT_TRANSLATE_NOOP(
        "Errors",
        "The agreement of this session does not cover file transfers; record a new "
        "agreement for a file-transfer session.",
    ),
    "transfers.no_purpose": QT_TRANSLATE_NOOP(
        "Errors",
        "The agreement does not name a purpose the policy allows for file transfers: "
        "a purchased service with its order reference, or support with its ticket reference.",
    ),
    "transfers.not_started": QT_TRANSLATE_NOOP("Errors", "This session has not started."),
    "transfers.ended": QT_TRANSLATE_NOOP("Errors", "This session has ended; start a new one."),
    "transfers.need_secret": QT_TRANSLATE_NOOP(
        "Errors", "The server needs a password or a key passphrase."
    ),
    # The session log (fail closed).
    "transfers.log_failed": QT_TRANSLATE_NOOP(
        "Errors",
        "The event could not be written to the session log, so nothing more was started. "
        "Try again when the database answers.",
    ),
    "transfers.log_unknown": QT_TRANSLATE_NOOP(
        "Errors",
        "The database did not answer, and it is not known whether the event was logged; "
        "nothing more was started. Try again when the database answers.",
    ),
    # Connection profiles.
    "transfers.profile_auth_kind": QT_TRANSLATE_NOOP(
        "Errors", "Choose password or private key authentication."
    ),
    "transfers.profile_key_missing": QT_TRANSLATE_NOOP("Errors", "Choose the private key file."),
    "transfers.profile_port": QT_TRANSLATE_NOOP("Errors", "The port must be between 1 and 65535."),
    "transfers.profile_host": QT_TRANSLATE_NOOP("Errors", "The host name is missing."),
    "transfers.profile_name_taken": QT_TRANSLATE_NOOP(
        "Errors", "This customer already has a profile with that name."
    ),
    "transfers.profile_stale": QT_TRANSLATE_NOOP(
        "Errors", "Someone else changed or deleted this profile meanwhile."
    ),
    # Pinned host keys.
    "hostkey.already_pinned": QT_TRANSLATE_NOOP(
        "Errors", "This server already has a pinned key; only a lead or admin can replace it."
    ),
    "hostkey.invalid_fingerprint": QT_TRANSLATE_NOOP(
        "Errors", "The fingerprint must be SHA256:… as OpenSSH prints it."
    ),
    "hostkey.pin_not_allowed": QT_TRANSLATE_NOOP("Errors", "Your role may not pin host keys."),
    "hostkey.approve_not_allowed": QT_TRANSLATE_NOOP(
        "Errors", "Only a lead or admin can approve a host key."
    ),
    "hostkey.replace_not_allowed": QT_TRANSLATE_NOOP(
        "Errors", "Only a lead or admin can replace a host key."
    ),
    "hostkey.setting_not_allowed": QT_TRANSLATE_NOOP(
        "Errors", "Only an admin can change this setting."
    ),
    "hostkey.approval_stale": QT_TRANSLATE_NOOP(
        "Errors", "This key is not waiting for approval any more."
    ),
    "hostkey.replace_stale": QT_TRANSLATE_NOOP(
        "Errors", "The pinned key changed meanwhile; look again."
    ),
    # The SFTP engine's failures, by SftpError.kind.
    "sftp.dns": QT_TRANSLATE_NOOP(
        "Errors",
        "The server's name was not found (DNS). Check the spelling, or whether a VPN is needed.",
    ),
    "sftp.refused": QT_TRANSLATE_NOOP(
        "Errors",
        "The server refused the connection: nothing answers on that port, or a firewall blocks it.",
    ),
    "sftp.timeout": QT_TRANSLATE_NOOP(
        "Errors", "The server did not answer in time. Check the network or the VPN."
    ),
    "sftp.auth_failed": QT_TRANSLATE_NOOP(
        "Errors", "The server refused the login: wrong user name, password or key."
    ),
    "sftp.host_key_changed": QT_TRANSLATE_NOOP(
        "Errors", "The server's host key has changed. Nothing was sent."
    ),
    "sftp.host_key_unknown": QT_TRANSLATE_NOOP(
        "Errors", "The server's host key is not trusted yet."
    ),
    "sftp.permission_denied": QT_TRANSLATE_NOOP(
        "Errors", "Permission denied: the account may not read or write there."
    ),
    "sftp.disk_full": QT_TRANSLATE_NOOP("Errors", "The local disk is full."),
    "sftp.quota": QT_TRANSLATE_NOOP("Errors", "The disk quota is used up."),
    "sftp.connection_lost": QT_TRANSLATE_NOOP("Errors", "The connection was lost."),
    "sftp.name_refused": QT_TRANSLATE_NOOP("Errors", "The name was refused as unsafe."),
    "sftp.exists": QT_TRANSLATE_NOOP(
        "Errors", "A file with that name already exists; nothing was overwritten."
    ),
    "sftp.changed": QT_TRANSLATE_NOOP("Errors", "The file changed while it was being transferred."),
    "sftp.cancelled": QT_TRANSLATE_NOOP("Errors", "Cancelled."),
    "sftp.other": QT_TRANSLATE_NOOP("Errors", "The transfer failed."),
}


def kind_text(kind: str | None) -> str:
    """The engine's failure ``kind`` (SftpError.kind, TransferRecord.error_kind) in words."""
    source = TEXTS.get(f"sftp.{kind}") or TEXTS["sftp.other"]
    return QCoreApplication.translate(CONTEXT, source)


def shown_text(exc: BaseException) -> str:
    """The translated sentence for any failure of this screen; never a class name."""
    if isinstance(exc, SftpError):
        return kind_text(exc.kind)
    return error_text(exc, TEXTS)
