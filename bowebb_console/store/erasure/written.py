"""What the console itself writes outside the database, per customer (issue 14, item 13).

A download of a customer's files and a notice export are files on this machine that hold
the customer's data; the shared log keeps only a download's file name (the agent's folders
stay out of it), so each workstation keeps its own list of what it wrote: a JSON-lines file
in its data dir (``written-files.jsonl``), one line per file: which database (the log
chain's first hash), which customer (none for a notice export: it lists every customer's
contacts), what kind, the full path and when. The purge deletes the files this machine
wrote for the purged customer and every notice export of the database, and reports those it
could not delete; downloads logged by other machines (known only by name and agent) are
listed for the admin to have deleted there (services.erasure).

The SQLite copies taken before an upgrade (``<file>.before-<rev>-<stamp>``, store.db.connect)
hold every customer: the purge deletes them, and they age out after
``PRE_UPGRADE_COPY_DAYS`` anyway (``prune_upgrade_copies``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

MANIFEST_NAME = "written-files.jsonl"
DOWNLOAD, NOTICE_EXPORT = "download", "notice_export"
PRE_UPGRADE_COPY_DAYS = 30


@dataclass(frozen=True)
class WrittenFile:
    chain: str  # the database: hash of its log's first event
    customer_id: int | None  # None: a file about every customer (a notice export)
    kind: str  # download | notice_export
    path: str
    at: str  # ISO time (UTC)


def record(manifest: Path, chain: str, customer_id: int | None, kind: str, path: Path) -> None:
    """Add one file to this machine's list (appended and flushed: a crash keeps it)."""
    entry = WrittenFile(
        chain, customer_id, kind, str(path.absolute()), dt.datetime.now(dt.UTC).isoformat()
    )
    manifest.parent.mkdir(parents=True, exist_ok=True)
    with manifest.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(asdict(entry), sort_keys=True) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def entries(manifest: Path) -> list[WrittenFile]:
    try:
        text = manifest.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    found = []
    for line in text.splitlines():
        try:
            found.append(WrittenFile(**json.loads(line)))
        except (ValueError, TypeError):
            continue  # a line torn by a crash: its file was never finished
    return found


def of_customer(manifest: Path, chain: str, customer_id: int) -> list[WrittenFile]:
    """The files this machine wrote that hold the customer: its downloads, and every notice
    export of the same database."""
    return [
        e
        for e in entries(manifest)
        if e.chain == chain
        and (e.customer_id == customer_id or (e.customer_id is None and e.kind == NOTICE_EXPORT))
    ]


@dataclass(frozen=True)
class Removed:
    deleted: tuple[str, ...]  # gone now (or already gone)
    kept: tuple[tuple[str, str], ...]  # (path, why) that could not be deleted


def remove(manifest: Path, files: list[WrittenFile]) -> Removed:
    """Delete the files (and a download's leftover part and its sidecar), and drop the deleted ones
    from the list; those that could not be deleted stay listed."""
    deleted, kept = [], []
    for f in files:
        try:
            for candidate in (Path(f.path), Path(f.path + ".part"), Path(f.path + ".part.json")):
                candidate.unlink(missing_ok=True)
            deleted.append(f.path)
        except OSError as exc:
            kept.append((f.path, exc.strerror or type(exc).__name__))
    with contextlib.suppress(OSError):  # the files are gone; a stale line is harmless
        _drop(manifest, set(deleted))
    return Removed(tuple(deleted), tuple(kept))


def _drop(manifest: Path, paths: set[str]) -> None:
    if not paths or not manifest.exists():
        return
    lines = [
        line
        for line in manifest.read_text(encoding="utf-8").splitlines(keepends=True)
        if _path_of(line) not in paths
    ]
    fd, tmp = tempfile.mkstemp(prefix=".written.", dir=manifest.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.writelines(lines)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, manifest)


def _path_of(line: str) -> str | None:
    try:
        return str(json.loads(line)["path"])
    except (ValueError, KeyError, TypeError):
        return None


def upgrade_copies(database_file: Path) -> list[Path]:
    """The copies store.db.connect took of this SQLite file before upgrades (and their WAL)."""
    return sorted(database_file.parent.glob(database_file.name + ".before-*"))


def remove_upgrade_copies(database_file: Path) -> Removed:
    """The purge: every pre-upgrade copy holds the purged customer."""
    deleted, kept = [], []
    for copy in upgrade_copies(database_file):
        try:
            copy.unlink(missing_ok=True)
            deleted.append(str(copy))
        except OSError as exc:
            kept.append((str(copy), exc.strerror or type(exc).__name__))
    return Removed(tuple(deleted), tuple(kept))


def prune_upgrade_copies(
    database_file: Path, *, days: int = PRE_UPGRADE_COPY_DAYS, now: dt.datetime | None = None
) -> list[Path]:
    """Delete pre-upgrade copies taken more than ``days`` ago (the time in their name, local
    time as store.db.connect writes it; else the file's time); returns them."""
    limit = (now or dt.datetime.now()) - dt.timedelta(days=days)
    gone = []
    for copy in upgrade_copies(database_file):
        try:
            if _taken(copy) < limit:
                copy.unlink()
                gone.append(copy)
        except OSError:
            continue  # in use or already gone: the next start tries again
    return gone


_STAMP = re.compile(r"\.before-.*-(\d{8}-\d{6})(-wal)?$")


def _taken(copy: Path) -> dt.datetime:
    found = _STAMP.search(copy.name)
    if found:
        try:
            return dt.datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
        except ValueError:
            pass
    return dt.datetime.fromtimestamp(copy.stat().st_mtime)
