"""The transfer engine of one SFTP session: files and folders, up and down, resumable,
verified, cancellable. No Qt here: the UI runs it in a worker thread, tests and benchmarks
call it directly.

It checks each name (names.py), moves the file by the file-safety protocol (files.py, which
drives the wire through wire.py), walks folders by plan.py, and turns every attempt, refusal
included, into exactly one TransferRecord handed to ``on_file_done`` (queue.py).
"""

from __future__ import annotations

import functools
import logging
import posixpath
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import paramiko

from bowebb_console.sftp import many, plan
from bowebb_console.sftp.connection import SftpConnection, SftpError, Tuning, classify
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
ManyProgressFn = Callable[[int, int, int], None]  # (job index, bytes done, size)


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

    def run_jobs(
        self,
        jobs: Sequence[FileJob],
        *,
        progress: ManyProgressFn | None = None,
        cancels: Sequence[CancelFlag | None] = (),
    ) -> list[TransferRecord]:
        """Several files at once on the one channel (many.py); records are handed on in the
        jobs' order. ``progress(i, done, size)`` is about ``jobs[i]``, ``cancels[i]`` stops it.
        A file too big for this way (or meeting a server's short reads) runs as ``run_job``."""
        records: dict[int, TransferRecord] = {}
        emitted: list[TransferRecord] = []
        items: list[many.Item] = []

        def flag(i: int) -> CancelFlag | None:
            return cancels[i] if i < len(cancels) else None

        def report(i: int, done: int, size: int) -> None:
            if progress is not None:
                progress(i, done, size)

        saved = self._on_file_done

        def keep(i: int, record: TransferRecord) -> None:
            records[i] = record
            while len(emitted) in records:
                emitted.append(records[len(emitted)])
                saved(emitted[-1])  # may stop the batch (a failed log write sets the cancel)

        self._on_file_done = lambda record: None  # records are handed on in order by keep()
        try:
            for i, job in enumerate(jobs):
                item = self._item(i, job, flag(i))
                if isinstance(item, TransferRecord):
                    keep(i, item)
                else:
                    items.append(item)

            def done(item: many.Item, sha: str | None, error: BaseException | None) -> None:
                if isinstance(error, many.Fallback):
                    i = item.index
                    one = functools.partial(report, i)
                    keep(i, self.run_job(jobs[i], progress=one, cancel=item.cancel))
                    return
                keep(item.index, self._outcome(item.a, sha, error))

            many.run(self._sftp, items, self.tuning, report, done)
        finally:
            self._on_file_done = saved
        return emitted

    def _item(self, i: int, job: FileJob, cancel: CancelFlag | None) -> many.Item | TransferRecord:
        """The job as a many.Item, or its record if it is refused or cancelled before it
        starts (the checks of download_file / upload_file)."""
        if job.direction == "download":
            remote = job.source
            name = posixpath.basename(remote)
            target = str(job.target_dir)
        else:
            name = Path(job.source).name
            remote = posixpath.join(str(job.target_dir), name)
            target = str(job.target_dir)
        a = Attempt(job.direction, remote, name)
        try:
            if job.direction == "download":
                check_remote_path(remote)
            else:
                check_name(name)
        except NameRefused as exc:
            return self._refused(plan.refuse_name(job.direction, remote, exc))
        if cancel is not None and cancel.is_set():
            return self._finish(a, "cancelled", error=_CANCELLED)
        return many.Item(i, a, job.direction, job.source, target, job.overwrite, cancel, job.size)

    def _outcome(self, a: Attempt, sha: str | None, error: BaseException | None) -> TransferRecord:
        if error is None:
            return self._finish(a, "ok", sha)
        if isinstance(error, Cancelled):
            return self._finish(a, "cancelled", error=_CANCELLED)
        sftp_error = classify(error) if isinstance(error, Exception) else _CANCELLED
        if sftp_error.kind == "changed" and sftp_error.params.get("name") != a.local_name:
            name = a.local_name
            sftp_error = SftpError("changed", f"{name} changed on the server.", {"name": name})
        return self._finish(a, "failed", error=sftp_error)

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
        planned = self.plan_download(remote_dir, local_parent, overwrite=overwrite)
        return self._run_planned(planned, progress, cancel)

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
        planned = self.plan_upload(local_dir, remote_parent, overwrite=overwrite)
        return self._run_planned(planned, progress, cancel)

    def _run_planned(
        self,
        planned: list[FileJob | TransferRecord],
        progress: ProgressFn | None,
        cancel: CancelFlag | None,
    ) -> list[TransferRecord]:
        jobs = [j for j in planned if isinstance(j, FileJob)]
        each = None if progress is None else (lambda i, done, size: progress(done, size))
        records = iter(self.run_jobs(jobs, progress=each, cancels=[cancel] * len(jobs)))
        return [next(records) if isinstance(j, FileJob) else j for j in planned]
