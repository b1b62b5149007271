"""File transfers over SFTP inside an open, consented file-transfer session (no Qt).

What a screen, the CLI or a test may do here, each call owning its transaction:
- the agent's open file-transfer sessions, and the check that one still allows transfers
  (consent agreed, scope file transfer, an allowed purpose with its reference, not ended);
- connection profiles of a customer (list, save with optimistic locking, delete);
- host keys, pinned team-wide: pin a server's first key after the agent confirmed its
  fingerprint, replace a changed one (leads and admins), keys waiting for a lead's approval,
  the admin's approval setting; every decision is logged;
- connecting (``open_link``: two connections with the pinned keys, the secret from the keyring
  or typed) and running one batch of the queue (``run_batch``).

The batch rules: every file the engine finishes (or refuses while planning) becomes exactly
one ``file_transferred`` event, and a failed log write stops the batch (fail closed): nothing
more moves while it cannot be logged. Progress and results go to plain callbacks; the screen
turns them into signals.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection

from bowebb_console.credentials import CredentialStore
from bowebb_console.domain.errors import ShownError
from bowebb_console.services.database import Database, Identity, transaction
from bowebb_console.sftp.connection import (
    ConnectionProfile,
    SftpConnection,
    SftpError,
    connect,
    secret_account,
)
from bowebb_console.sftp.engine import TransferEngine
from bowebb_console.sftp.hostkeys import OfferedKey, PinnedKey
from bowebb_console.sftp.parts import SIDECAR_SUFFIX
from bowebb_console.sftp.plan import RemoteEntry
from bowebb_console.sftp.queue import Direction, FileJob, Progress, TransferQueue, TransferRecord
from bowebb_console.store.erasure import written
from bowebb_console.store.erasure.person import chain_id
from bowebb_console.store.log.chain import LogWriteError
from bowebb_console.store.transfers import host_keys, log, profiles
from bowebb_console.store.transfers.host_keys import HostKeyStoreError, PinnedKeyRow
from bowebb_console.store.transfers.log import TransferNotAllowed, TransferSession
from bowebb_console.store.transfers.profiles import ProfileError, ProfileRow

__all__ = [
    "Batch",
    "FileDone",
    "HostKeyStoreError",
    "Link",
    "NeedSecret",
    "NotLogged",
    "PendingKeys",
    "PinnedKeyRow",
    "ProfileError",
    "ProfileRow",
    "RemoteEntry",
    "SftpError",
    "TransferNotAllowed",
    "TransferSession",
    "approve_key",
    "check_session",
    "delete_profile",
    "interrupted_downloads",
    "list_dir",
    "list_profiles",
    "open_link",
    "open_sessions",
    "pending_keys",
    "pin_key",
    "replace_key",
    "run_batch",
    "save_profile",
    "set_approval_required",
    "to_profile",
    "transfers_of",
]


class NeedSecret(ShownError):
    """The server (or the key file) needs a password/passphrase nobody has given yet."""

    def __init__(self, forgot_remembered: bool) -> None:
        super().__init__("transfers.need_secret", "A password or key passphrase is needed.")
        self.forgot_remembered = forgot_remembered  # a remembered one was wrong and is gone


class NotLogged(ShownError):
    """An event could not be written to the session log (``unknown``: it may have been)."""

    def __init__(self, exc: LogWriteError) -> None:
        code = "transfers.log_unknown" if exc.unknown else "transfers.log_failed"
        super().__init__(code, exc.message)
        self.unknown = exc.unknown


@contextlib.contextmanager
def _logging() -> Iterator[None]:
    """A failed log write says, in the transfers' words, that nothing more was started."""
    try:
        yield
    except LogWriteError as exc:
        raise NotLogged(exc) from exc


def to_profile(row: ProfileRow) -> ConnectionProfile:
    return ConnectionProfile(
        row.host, row.port, row.username, row.auth_kind, row.key_path, row.remote_dir
    )


# --- sessions ---------------------------------------------------------------------------


def open_sessions(db: Database, identity: Identity) -> list[TransferSession]:
    """The signed-in agent's open file-transfer sessions, each with its customer's name."""
    with transaction(db, write=False) as conn:
        return log.open_transfer_sessions(conn, actor=identity.user)


def check_session(db: Database, session_uuid: str) -> TransferSession:
    """TransferNotAllowed (a ``transfers.*`` code) unless files may move in this session now."""
    with transaction(db, write=False) as conn:
        return log.check_transfer_session(conn, session_uuid)


def transfers_of(db: Database, session_uuid: str) -> list[dict[str, object]]:
    """The session's logged transfers in order (erased payloads left out)."""
    with transaction(db, write=False) as conn:
        return log.transfers_of(conn, session_uuid)


# --- profiles ---------------------------------------------------------------------------


def list_profiles(db: Database, customer_id: int) -> list[ProfileRow]:
    with transaction(db, write=False) as conn:
        return profiles.list_profiles(conn, customer_id)


def save_profile(
    db: Database,
    *,
    customer_id: int,
    name: str,
    host: str,
    port: int,
    username: str,
    auth_kind: str,
    key_path: str | None,
    remote_dir: str,
    profile_id: int | None = None,
    version: int | None = None,
) -> ProfileRow:
    """Create (``profile_id`` None) or update a profile; ProfileError when refused."""
    with transaction(db) as conn:
        return profiles.save_profile(
            conn,
            customer_id=customer_id,
            name=name,
            host=host,
            port=port,
            username=username,
            auth_kind=auth_kind,
            key_path=key_path,
            remote_dir=remote_dir,
            profile_id=profile_id,
            version=version,
        )


def delete_profile(db: Database, profile_id: int) -> None:
    """Pinned host keys stay: they belong to the server, not to the profile."""
    with transaction(db) as conn:
        profiles.delete_profile(conn, profile_id)


# --- host keys --------------------------------------------------------------------------


@dataclass(frozen=True)
class PendingKeys:
    rows: list[PinnedKeyRow]  # pins waiting for a lead's approval, oldest first
    required: bool  # the team setting: new pins need a lead's approval


def pending_keys(db: Database) -> PendingKeys:
    with transaction(db, write=False) as conn:
        return PendingKeys(host_keys.pending_keys(conn), host_keys.requires_approval(conn))


def set_approval_required(db: Database, required: bool) -> None:
    """An admin's team setting (the database refuses anyone else on PostgreSQL)."""
    with transaction(db) as conn:
        host_keys.set_requires_approval(conn, required)


def approve_key(db: Database, identity: Identity, key_id: int) -> PinnedKeyRow:
    """A lead approves a pending pin; the approval is logged as a session of its own."""
    return _keep_and_log(
        db,
        lambda conn: host_keys.approve_key(conn, key_id, actor=identity.user),
        lambda row: log.log_host_key_approved(db, None, row, actor=identity.user),
    )


def pin_key(
    db: Database,
    identity: Identity,
    session_uuid: str,
    host: str,
    port: int,
    offered: OfferedKey,
) -> PinnedKeyRow:
    """Pin the server's first key, which the agent confirmed (team-wide), and log it in the
    session. On a team that requires approval the pin waits (``row.trusted`` is False)."""
    return _keep_and_log(
        db,
        lambda conn: host_keys.pin_key(
            conn, host, port, offered.key_type, offered.fingerprint, offered.public_key,
            actor=identity.user, role=identity.role,
        ),
        lambda row: log.log_host_key_pinned(db, session_uuid, row, actor=identity.user),
    )  # fmt: skip


def replace_key(
    db: Database,
    identity: Identity,
    session_uuid: str | None,
    host: str,
    port: int,
    old_fingerprint: str,
    offered: OfferedKey,
) -> PinnedKeyRow:
    """Retire the pinned key (still ``old_fingerprint``) and pin ``offered``; leads and
    admins only. The replacement is logged."""
    return _keep_and_log(
        db,
        lambda conn: host_keys.replace_key(
            conn, host, port, old_fingerprint, offered.key_type, offered.fingerprint,
            offered.public_key, actor=identity.user, role=identity.role,
        ),
        lambda row: log.log_host_key_replaced(
            db, session_uuid, old_fingerprint, row, actor=identity.user
        ),
    )  # fmt: skip


def _keep_and_log(
    db: Database,
    write: Callable[[Connection], PinnedKeyRow],
    logged: Callable[[PinnedKeyRow], object],
) -> PinnedKeyRow:
    """A host-key decision commits first (it is the team's, whatever happens next), then is
    logged; a failed log write raises (``_logging``), and the caller stops."""
    with transaction(db) as conn:
        row = write(conn)
    with _logging():
        logged(row)
    return row


def _pinned(db: Database, host: str, port: int) -> list[PinnedKey]:
    with transaction(db, write=False) as conn:
        rows = host_keys.key_history(conn, host, port)
    return [PinnedKey.from_row(r) for r in rows if r.retired_at is None]


# --- connecting -------------------------------------------------------------------------


@dataclass
class Link:
    """The open connections of one profile: one for browsing, one for the transfer queue (the
    engine drives its channel directly, so a transfer and a listing never share a connection);
    ``browse_lock`` keeps listings one at a time."""

    browse: SftpConnection
    transfer: SftpConnection
    start_dir: str
    listing: list[RemoteEntry]
    browse_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def fingerprint(self) -> str:
        return self.browse.host_key.fingerprint

    def close(self) -> None:
        for conn in (self.browse, self.transfer):
            with contextlib.suppress(Exception):  # already dead: nothing left to release
                conn.close()


def open_link(
    db: Database,
    session_uuid: str,
    profile_row: ProfileRow,
    credentials: CredentialStore | None,
    typed: str | None,
    remember: bool,
    connect_timeout: float = 15.0,
) -> Link:
    """Check the session, then connect twice with the pinned keys. Raises TransferNotAllowed,
    NeedSecret (ask the agent, then call again with ``typed``) or SftpError (its ``kind``
    says what, e.g. ``host_key_unknown`` with the key offered). A typed secret is used for
    the two logins and, with ``remember``, stored in the keyring; never kept here."""
    check_session(db, session_uuid)
    profile = to_profile(profile_row)
    pinned = _pinned(db, profile.host, profile.port)
    account = secret_account(profile)
    remembered = None if typed is not None or credentials is None else credentials.get(account)
    value = typed if typed is not None else remembered
    asked: list[bool] = []

    def secret() -> str | None:
        asked.append(True)
        return value

    try:
        browse = connect(profile, secret=secret, pinned=pinned, timeout=connect_timeout)
    except SftpError as exc:
        if exc.kind == "auth_failed" and asked:
            if value is None:
                raise NeedSecret(False) from None
            if remembered is not None and credentials is not None:
                credentials.delete(account)  # wrong: forget it so the next attempt asks
                raise NeedSecret(True) from None
        raise
    try:
        transfer = connect(profile, secret=secret, pinned=pinned, timeout=connect_timeout)
        start = browse.start_dir()
        listing = TransferEngine.for_connection(browse, _no_record).listdir(start)
    except BaseException:
        browse.close()
        raise
    if typed is not None and remember and credentials is not None:
        credentials.store(account, typed)
    return Link(browse, transfer, start, listing)


def _no_record(record: TransferRecord) -> None:
    """Browsing transfers nothing (refused names are logged by the engine's logger)."""


def list_dir(link: Link, path: str) -> tuple[str, list[RemoteEntry]]:
    with link.browse_lock:
        return path, TransferEngine.for_connection(link.browse, _no_record).listdir(path)


def interrupted_downloads(local_dir: str) -> list[tuple[str, str]]:
    """(remote path, local folder) of downloads that left a .part and its sidecar here."""
    out: list[tuple[str, str]] = []
    folder = Path(local_dir)
    if not folder.is_dir():
        return out
    for sidecar in sorted(folder.glob("*" + SIDECAR_SUFFIX)):
        part = sidecar.with_name(sidecar.name[: -len(".json")])
        try:
            meta = json.loads(sidecar.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if part.is_file() and isinstance(meta, dict) and isinstance(meta.get("remote_path"), str):
            out.append((meta["remote_path"], str(folder)))
    return out


# --- one batch of the queue -------------------------------------------------------------


@dataclass
class Batch:
    """Files and folders to move in one direction; planned and run on a worker."""

    batch_id: int
    direction: Direction
    sources: list[tuple[str, bool]]  # (path, is_folder)
    target: str  # remote folder (upload) or local folder (download)
    session_uuid: str
    overwrite: bool = False  # only after the agent said yes to replacing existing files
    cancel_all: threading.Event = field(default_factory=threading.Event)
    jobs: list[FileJob] = field(default_factory=list)


@dataclass(frozen=True)
class FileDone:
    batch_id: int
    job_index: int | None  # None: refused while planning (no job)
    record: TransferRecord
    log_error: ShownError | None  # the event could not be written: the batch stopped
    job: FileJob | None = None  # what to queue again (retry, overwrite)


def run_batch(
    db: Database,
    identity: Identity,
    link: Link,
    batch: Batch,
    *,
    planned: Callable[[int, list[FileJob]], None],
    progress: Callable[[int, Progress], None],
    file_done: Callable[[FileDone], None],
    interval: float = 0.1,
    written_files: Path | None = None,
) -> int:
    """Plan and run ``batch`` on the transfer connection; every record becomes one logged
    event. A failed log write stops the batch (fail closed). Returns the number of files.

    Small files move several at once (sftp/many.py), and their records arrive in job order.
    When a log write fails, no further file starts; each file still moving stops at its next
    step and its temporary file or part is removed (recorded "cancelled"), except one whose
    final rename was already sent: it is in place, recorded "ok", and its event is tried
    too (if that write also fails, its FileDone carries the error, as the first one did).

    Each download is added to this machine's list of files written for the customer
    (``written_files``, by default in the data dir): the customer's purge deletes them."""
    session = check_session(db, batch.session_uuid)
    manifest = written_files or _written_files()
    with transaction(db, write=False) as conn:
        chain = chain_id(conn)
    running = False
    next_index = 0

    def on_file_done(record: TransferRecord) -> None:
        nonlocal next_index
        index = None
        if running:  # while planning, records are refusals without a job
            index = next_index
            next_index += 1
        error: ShownError | None = None
        try:
            with _logging():
                log.log_file_transferred(db, batch.session_uuid, record, actor=identity.user)
        except ShownError as exc:
            error = exc
            batch.cancel_all.set()  # nothing more moves while it cannot be logged
        job = batch.jobs[index] if index is not None and index < len(batch.jobs) else None
        if job is not None and record.direction == "download" and record.local_name:
            local = Path(job.target_dir) / record.local_name
            with contextlib.suppress(OSError):  # the list is a help to the purge, not a gate
                written.record(manifest, chain, session.customer_id, written.DOWNLOAD, local)
        file_done(FileDone(batch.batch_id, index, record, error, job))

    engine = TransferEngine.for_connection(link.transfer, on_file_done)
    jobs = _plan(engine, batch)
    if batch.direction == "download":
        jobs = [_sized(link, j) for j in jobs]
    batch.jobs = jobs
    planned(batch.batch_id, jobs)
    last = 0.0

    def throttle(p: Progress) -> None:
        # ~10 updates a second reach the GUI thread, and always each file's last one.
        nonlocal last
        now = time.monotonic()
        if now - last >= interval or p.file_done == p.file_total:
            last = now
            progress(batch.batch_id, p)

    queue = TransferQueue(engine, throttle)
    queue.cancel_all = batch.cancel_all
    running = True
    queue.run(jobs)
    return len(jobs)


def _written_files() -> Path:
    from bowebb_console.config import Paths

    return Paths.from_environment().written_files


def _plan(engine: TransferEngine, batch: Batch) -> list[FileJob]:
    """The batch's files; names refused while planning are recorded (and logged) at once."""
    jobs: list[FileJob] = []
    for path, is_folder in batch.sources:
        if batch.cancel_all.is_set():
            break
        if batch.direction == "upload":
            # A file or a folder, as the file system says now (never following a link: a
            # link, dangling or not, is recorded as refused).
            plan = engine.plan_upload(path, batch.target, overwrite=batch.overwrite)
        elif is_folder:
            plan = engine.plan_download(path, batch.target, overwrite=batch.overwrite)
        else:
            plan = [FileJob(batch.direction, path, batch.target, 0, batch.overwrite)]
        jobs.extend(j for j in plan if isinstance(j, FileJob))
    return jobs


def _sized(link: Link, job: FileJob) -> FileJob:
    """Downloads of single files are queued before their size is known: ask the server."""
    if job.size:
        return job
    with contextlib.suppress(OSError):  # the engine reports the real problem when it tries
        job.size = int(link.transfer.sftp.lstat(job.source).st_size or 0)
    return job
