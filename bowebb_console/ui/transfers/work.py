"""What the Transfers screen runs off the GUI thread (always through ctx.runner).

Plain functions over the store and the SFTP engine; no widgets. ``Link`` holds the two SFTP
connections of one profile: one for browsing, one for the transfer queue (the engine drives
its channel directly, so a transfer and a listing never share a connection). Secrets are
fetched from the keyring or typed, used for the two logins and not kept.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
from bowebb_console.sftp.queue import FileJob, Progress, TransferQueue, TransferRecord
from bowebb_console.ui.kit.context import AppContext


class NeedSecret(Exception):
    """The server (or the key file) needs a password/passphrase nobody has given yet."""

    def __init__(self, forgot_remembered: bool) -> None:
        super().__init__("secret needed")
        self.forgot_remembered = forgot_remembered  # a remembered one was wrong and is gone


def to_profile(row: Any) -> ConnectionProfile:
    return ConnectionProfile(
        row.host, row.port, row.username, row.auth_kind, row.key_path, row.remote_dir
    )


# --- sessions, profiles, keys -----------------------------------------------------------


def load_sessions(ctx: AppContext) -> list[tuple[Any, str]]:
    """The agent's open file-transfer sessions, with each customer's name."""
    from sqlalchemy import select

    from bowebb_console.store.models import Customer
    from bowebb_console.store.transfers.log import open_transfer_sessions

    found = open_transfer_sessions(ctx.database, actor=ctx.identity.user)
    with ctx.database.session() as s:
        ids = {t.customer_id for t in found}
        names = dict(
            s.execute(select(Customer.id, Customer.name).where(Customer.id.in_(ids))).all()
        )
    return [(t, str(names.get(t.customer_id, "?"))) for t in found]


def load_profiles(ctx: AppContext, customer_id: int) -> list[Any]:
    from bowebb_console.store.transfers.host_keys import list_profiles

    with ctx.database.session() as s:
        return list_profiles(s, customer_id)


def save_profile(ctx: AppContext, **fields: Any) -> Any:
    from bowebb_console.store.transfers.host_keys import save_profile as save

    with ctx.database.session() as s:
        return save(s, **fields)


def delete_profile(ctx: AppContext, profile_id: int) -> None:
    from bowebb_console.store.transfers.host_keys import delete_profile as delete

    with ctx.database.session() as s:
        delete(s, profile_id)


def load_pending(ctx: AppContext) -> tuple[list[Any], bool]:
    from bowebb_console.store.transfers.host_keys import pending_keys, requires_approval

    with ctx.database.session() as s:
        return pending_keys(s), requires_approval(s)


def approve(ctx: AppContext, key_id: int) -> Any:
    from bowebb_console.store.transfers.host_keys import approve_key
    from bowebb_console.store.transfers.log import log_host_key_approved

    with ctx.database.session() as s:
        row = approve_key(s, key_id, actor=ctx.identity.user)
    log_host_key_approved(ctx.database, None, row, actor=ctx.identity.user)
    return row


def set_approval_required(ctx: AppContext, required: bool) -> None:
    from bowebb_console.store.transfers.host_keys import set_requires_approval

    with ctx.database.session() as s:
        set_requires_approval(s, required)


def pin(ctx: AppContext, session_uuid: str, host: str, port: int, offered: OfferedKey) -> Any:
    """Pin the key the agent confirmed (team-wide) and log it in the session."""
    from bowebb_console.store.transfers.host_keys import pin_key
    from bowebb_console.store.transfers.log import log_host_key_pinned

    with ctx.database.session() as s:
        row = pin_key(
            s,
            host,
            port,
            offered.key_type,
            offered.fingerprint,
            offered.public_key,
            actor=ctx.identity.user,
            role=ctx.identity.role,
        )
    log_host_key_pinned(ctx.database, session_uuid, row, actor=ctx.identity.user)
    return row


def replace(
    ctx: AppContext, session_uuid: str, host: str, port: int, old_fp: str, offered: OfferedKey
) -> Any:
    from bowebb_console.store.transfers.host_keys import replace_key
    from bowebb_console.store.transfers.log import log_host_key_replaced

    with ctx.database.session() as s:
        row = replace_key(
            s,
            host,
            port,
            old_fp,
            offered.key_type,
            offered.fingerprint,
            offered.public_key,
            actor=ctx.identity.user,
            role=ctx.identity.role,
        )
    log_host_key_replaced(ctx.database, session_uuid, old_fp, row, actor=ctx.identity.user)
    return row


# --- connecting -------------------------------------------------------------------------


@dataclass
class Link:
    """The open connections of one profile; ``browse_lock`` keeps listings one at a time."""

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
    ctx: AppContext,
    session_uuid: str,
    profile_row: Any,
    typed: str | None,
    remember: bool,
    connect_timeout: float = 15.0,
) -> Link:
    """Check the session, connect twice with the pinned keys; NeedSecret or SftpError."""
    from bowebb_console.store.transfers.host_keys import key_history
    from bowebb_console.store.transfers.log import check_transfer_session

    check_transfer_session(ctx.database, session_uuid)
    profile = to_profile(profile_row)
    with ctx.database.session() as s:
        rows = [r for r in key_history(s, profile.host, profile.port) if r.retired_at is None]
    pinned = [PinnedKey.from_row(r) for r in rows]
    account = secret_account(profile)
    store = ctx.credentials
    remembered = None if typed is not None or store is None else store.get(account)
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
            if remembered is not None and store is not None:
                store.delete(account)  # wrong: forget it so the next attempt asks
                raise NeedSecret(True) from None
        raise
    try:
        transfer = connect(profile, secret=secret, pinned=pinned, timeout=connect_timeout)
        start = browse.start_dir()
        listing = TransferEngine.for_connection(browse, _no_record).listdir(start)
    except BaseException:
        browse.close()
        raise
    if typed is not None and remember and store is not None:
        store.store(account, typed)
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
    direction: str  # upload | download
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
    log_error: str | None  # the event could not be written
    job: FileJob | None = None  # what to queue again (retry, overwrite)


def run_batch(
    ctx: AppContext,
    link: Link,
    batch: Batch,
    *,
    planned: Callable[[int, list[FileJob]], None],
    progress: Callable[[int, Progress], None],
    file_done: Callable[[FileDone], None],
    interval: float = 0.1,
) -> int:
    """Plan and run ``batch`` on the transfer connection; every record becomes one logged
    event. A failed log write stops the batch (fail closed). Returns the number of files."""
    from bowebb_console.store.log.chain import LogWriteError
    from bowebb_console.store.transfers.log import check_transfer_session, log_file_transferred

    check_transfer_session(ctx.database, batch.session_uuid)
    state = {"running": False, "next": 0}

    def on_file_done(record: TransferRecord) -> None:
        index = None
        if state["running"]:
            index = state["next"]
            state["next"] += 1
        error = None
        try:
            log_file_transferred(ctx.database, batch.session_uuid, record, actor=ctx.identity.user)
        except LogWriteError as exc:
            error = exc.message
            batch.cancel_all.set()  # nothing more moves while it cannot be logged
        job = batch.jobs[index] if index is not None and index < len(batch.jobs) else None
        file_done(FileDone(batch.batch_id, index, record, error, job))

    engine = TransferEngine.for_connection(link.transfer, on_file_done)
    jobs: list[FileJob] = []
    for path, is_folder in batch.sources:
        if batch.cancel_all.is_set():
            break
        if is_folder and batch.direction == "upload":
            plan = engine.plan_upload(path, batch.target, overwrite=batch.overwrite)
        elif is_folder:
            plan = engine.plan_download(path, batch.target, overwrite=batch.overwrite)
        else:
            size = Path(path).stat().st_size if batch.direction == "upload" else 0
            direction: Any = batch.direction
            plan = [FileJob(direction, path, batch.target, size, batch.overwrite)]
        jobs.extend(j for j in plan if isinstance(j, FileJob))
    if batch.direction == "download":
        jobs = [_sized(engine, link, j) for j in jobs]
    batch.jobs = jobs
    planned(batch.batch_id, jobs)
    last = [0.0]

    def throttle(p: Progress) -> None:
        # ~10 updates a second reach the GUI thread, and always each file's last one.
        now = time.monotonic()
        if now - last[0] >= interval or p.file_done == p.file_total:
            last[0] = now
            progress(batch.batch_id, p)

    queue = TransferQueue(engine, throttle)
    queue.cancel_all = batch.cancel_all
    state["running"] = True
    queue.run(jobs)
    return len(jobs)


def _sized(engine: TransferEngine, link: Link, job: FileJob) -> FileJob:
    """Downloads of single files are queued before their size is known: ask the server."""
    if job.size:
        return job
    with contextlib.suppress(OSError):  # the engine reports the real problem when it tries
        job.size = int(link.transfer.sftp.lstat(job.source).st_size or 0)
    return job
