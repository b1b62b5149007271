"""The transfer engine of one SFTP session: files and folders, up and down, resumable,
verified, cancellable. No Qt here: the UI runs it in a worker thread, tests and benchmarks
call it directly.

It checks each name (names.py), moves the file by the file-safety protocol (files.py, which
drives the wire through wire.py), walks folders by plan.py, and turns every attempt, refusal
included, into exactly one TransferRecord handed to ``on_file_done`` (queue.py).
"""

from __future__ import annotations

import logging
import posixpath
import time
from pathlib import Path

import paramiko

from bowebb_console.sftp import plan
from bowebb_console.sftp.connection import SftpConnection, SftpError, Tuning
from bowebb_console.sftp.files import Download, Upload
from bowebb_console.sftp.names import NameRefused, check_name, check_remote_path, name_ref
from bowebb_console.sftp.plan import Refusal, RemoteEntry
from bowebb_console.sftp.queue import (
    Attempt,
    CancelFlag,
    Cancelled,
    FileJob,
    ProgressFn,
    RecordFn,
    Result,
    TransferRecord,
)

log = logging.getLogger(__name__)

_CANCELLED = SftpError("cancelled", "Cancelled by the user.")


class TransferEngine:
    """Transfers over one SFTP session, one file at a time (call it from one thread)."""

    def __init__(
        self,
        sftp: paramiko.SFTPClient,
        host_fingerprint: str,
        on_file_done: RecordFn,
        *,
        tuning: Tuning | None = None,
    ) -> None:
        self._sftp = sftp
        self._fp = host_fingerprint
        self._on_file_done = on_file_done
        self.tuning = tuning or Tuning()

    @classmethod
    def for_connection(cls, conn: SftpConnection, on_file_done: RecordFn) -> TransferEngine:
        return cls(conn.sftp, conn.host_key.fingerprint, on_file_done, tuning=conn.tuning)

    # --- records ------------------------------------------------------------------------

    def _finish(
        self,
        a: Attempt,
        result: Result,
        sha256: str | None = None,
        error: SftpError | None = None,
    ) -> TransferRecord:
        record = TransferRecord(
            direction=a.direction,
            remote_path=a.remote_path,
            local_name=a.local_name,
            size=a.size,
            sha256=sha256 if result == "ok" else None,
            host_key_fingerprint=self._fp,
            resumed_from=a.resumed_from,
            duration_s=round(time.monotonic() - a.t0, 6),
            result=result,
            reason=None if error is None else error.message,
            error_kind=None if error is None else error.kind,
            bytes_transferred=a.moved,
            started_at=a.started_at,
            error_params=() if error is None else tuple(sorted(error.params.items())),
        )
        level = logging.INFO if result == "ok" else logging.WARNING
        log.log(
            level,
            "%s %s, file %s (%d bytes): %s%s",
            a.direction,
            result,
            name_ref(a.remote_path),
            a.size,
            record.error_kind or "",
            f" from offset {a.resumed_from}" if a.resumed_from else "",
        )
        self._on_file_done(record)
        return record

    def _refused(self, refusal: Refusal) -> TransferRecord:
        a = Attempt(refusal.direction, refusal.remote_path, refusal.local_name)
        return self._finish(a, "failed", error=refusal.error)

    def _recorded(self, item: FileJob | Refusal) -> FileJob | TransferRecord:
        return item if isinstance(item, FileJob) else self._refused(item)

    # --- one file -----------------------------------------------------------------------

    def listdir(self, remote_dir: str) -> list[RemoteEntry]:
        """Entries of a remote folder; refused names are listed with the reason (and logged)."""
        return plan.listdir(self._sftp, remote_dir)

    def download_file(
        self,
        remote_path: str,
        local_dir: str | Path,
        *,
        overwrite: bool = False,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> TransferRecord:
        name = posixpath.basename(remote_path)
        a = Attempt("download", remote_path, name)
        try:
            check_remote_path(remote_path)  # every component, not only the file's name
        except NameRefused as exc:
            return self._refused(plan.refuse_name("download", remote_path, exc))
        if cancel is not None and cancel.is_set():
            # Skipped before it started: leave any resumable part of an earlier attempt alone.
            return self._finish(a, "cancelled", error=_CANCELLED)
        download = Download(self._sftp, self.tuning, a, Path(local_dir), overwrite)
        return self._run(download, progress, cancel)

    def upload_file(
        self,
        local_path: str | Path,
        remote_dir: str,
        *,
        overwrite: bool = False,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> TransferRecord:
        local_path = Path(local_path)
        name = local_path.name
        remote_final = posixpath.join(remote_dir, name)
        a = Attempt("upload", remote_final, name)
        try:
            # The server may be Windows: the same rules keep our names usable there.
            check_name(name)
        except NameRefused as exc:
            return self._refused(plan.refuse_name("upload", remote_final, exc))
        if cancel is not None and cancel.is_set():
            return self._finish(a, "cancelled", error=_CANCELLED)
        upload = Upload(self._sftp, self.tuning, a, local_path, remote_dir, overwrite)
        return self._run(upload, progress, cancel)

    def _run(
        self, job: Download | Upload, progress: ProgressFn | None, cancel: CancelFlag | None
    ) -> TransferRecord:
        """Run one file's protocol; its outcome (ok, cancelled, failed) becomes the record."""
        try:
            sha = job.run(progress, cancel)
        except Cancelled:
            return self._finish(job.a, "cancelled", error=_CANCELLED)
        except SftpError as error:
            return self._finish(job.a, "failed", error=error)
        return self._finish(job.a, "ok", sha)

    def run_job(
        self,
        job: FileJob,
        *,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> TransferRecord:
        if job.direction == "download":
            return self.download_file(
                job.source,
                job.target_dir,
                overwrite=job.overwrite,
                progress=progress,
                cancel=cancel,
            )
        return self.upload_file(
            job.source,
            str(job.target_dir),
            overwrite=job.overwrite,
            progress=progress,
            cancel=cancel,
        )

    # --- folders ------------------------------------------------------------------------

    def plan_download(
        self, remote_dir: str, local_parent: str | Path, *, overwrite: bool = False
    ) -> list[FileJob | TransferRecord]:
        """The files to fetch (folders are created now); refused names become failed records."""
        walk = plan.plan_download(self._sftp, remote_dir, Path(local_parent), overwrite)
        return [self._recorded(item) for item in walk]

    def plan_upload(
        self, local_dir: str | Path, remote_parent: str, *, overwrite: bool = False
    ) -> list[FileJob | TransferRecord]:
        """The files to send (folders are created on the server now); refused names become
        failed records."""
        walk = plan.plan_upload(self._sftp, Path(local_dir), remote_parent, overwrite)
        return [self._recorded(item) for item in walk]

    def download_tree(
        self,
        remote_dir: str,
        local_parent: str | Path,
        *,
        overwrite: bool = False,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> list[TransferRecord]:
        """Download ``remote_dir`` as a folder inside ``local_parent``."""
        return [
            self.run_job(job, progress=progress, cancel=cancel) if isinstance(job, FileJob) else job
            for job in self.plan_download(remote_dir, local_parent, overwrite=overwrite)
        ]

    def upload_tree(
        self,
        local_dir: str | Path,
        remote_parent: str,
        *,
        overwrite: bool = False,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> list[TransferRecord]:
        """Upload ``local_dir`` as a folder inside ``remote_parent``."""
        return [
            self.run_job(job, progress=progress, cancel=cancel) if isinstance(job, FileJob) else job
            for job in self.plan_upload(local_dir, remote_parent, overwrite=overwrite)
        ]
