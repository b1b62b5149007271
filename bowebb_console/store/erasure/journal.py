"""The erasure journal: kept OUTSIDE the database, so a restore cannot roll it back.

One JSON line per erasure, with a pseudonymous reference, a date, row ids and keyed hashes
(HMAC-SHA-256, see domain.erasure) of the erased person's normalised identifiers, never the
identifiers. After a database is restored from a backup, ``replay`` finds the rows again by
id and hash and erases them once more (store.erasure.replay).

Write-ahead: the line is written (fsynced) as ``pending`` before the erasing transaction
commits, and a short ``done`` line follows the commit. A process killed between the two
leaves a pending line, never a missing one; replay resolves it against the database (the
erasure's certificate is there: it committed) and erases again what it names either way: a
restored database cannot tell whether it committed, and the erasure was decided.

The HMAC key lives in a second file beside the journal (``<journal>.key``, mode 0600): the
journal alone confirms nothing about a guessed e-mail address. Back both up together, apart
from the database backups.

Its place is the database's, one for every workstation (issue 14, item 11): the folder in
``lifecycle_setting.erasure_journal_dir`` (migration 0019, set by an admin). On PostgreSQL an
erasure is refused while none is set (each machine's own journal would make a replay on one
machine skip what another erased); on SQLite an empty value means the console's default
folder beside (never inside) its data dir. Never the SQLite file's own folder: restoring
that folder from a backup would roll the journal back with the database. ``place_of``
decides; an explicit file (the CLI's ``--journal`` for a replay, the tests) overrides it.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bowebb_console.domain.erasure import identifier_forms, keyed_hash
from bowebb_console.domain.errors import ShownError

JOURNAL_NAME = "erasure-journal.jsonl"
KEY_BYTES = 32
PENDING, DONE = "pending", "done"


class JournalError(ShownError):
    """The journal (or its key) cannot be read or written; ``params["path"]`` names the file.

    Codes: ``erasure.journal_key_missing``, ``erasure.journal_unwritable`` (``reason``),
    ``erasure.journal_missing``, ``erasure.journal_unreadable`` (``line``)."""


@dataclass(frozen=True)
class JournalEntry:
    reference: str
    on: str  # ISO date
    kind: str  # person | customer
    chain: str  # hash of the log's first event: which database this was (or "")
    contacts_erased: list[int] = field(default_factory=list)
    contacts_anonymised: list[int] = field(default_factory=list)
    customers: list[int] = field(default_factory=list)
    payload_seqs: list[int] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    # Connection profiles the erasure deleted, as [table, id] (the same log chain only).
    profiles: list[list[Any]] = field(default_factory=list)


def _is_absolute(folder: str) -> bool:
    """POSIX, a Windows drive (C:\\ or C:/) or a UNC share (\\\\server\\share)."""
    return folder.startswith(("/", "\\\\")) or (
        len(folder) > 2 and folder[0].isalpha() and folder[1] == ":" and folder[2] in "\\/"
    )


def check_folder(folder: str, database_file: Path | None) -> Path:
    """A folder the journal may live in: absolute, and not the SQLite file's own folder."""
    if not _is_absolute(folder):
        raise JournalError(
            "erasure.journal_not_absolute",
            f"The journal's folder must be a full path, not {folder!r}.",
            {"path": folder},
        )
    path = Path(folder)
    if database_file is not None and _same(path, database_file.parent):
        raise JournalError(
            "erasure.journal_beside_database",
            f"The journal must not be in the database file's folder {path}: restoring that "
            "folder from a backup would roll the journal back too.",
            {"path": path},
        )
    return path


def _same(a: Path, b: Path) -> bool:
    try:
        return a.expanduser().resolve() == b.expanduser().resolve()
    except OSError:
        return a == b


def place_of(
    configured: str, default_dir: Path, *, dialect: str, database_file: Path | None
) -> Path:
    """The journal file for a database: in the folder the database names; with none, on
    SQLite in ``default_dir``; on PostgreSQL none is refused (``erasure.journal_unset``)."""
    if configured.strip():
        return check_folder(configured.strip(), database_file) / JOURNAL_NAME
    if dialect != "sqlite":
        raise JournalError(
            "erasure.journal_unset",
            "No place for the erasure journal is set for this database; an admin sets a "
            "shared folder first (bowebb-console journal set FOLDER). Nothing was erased.",
        )
    return check_folder(str(default_dir), database_file) / JOURNAL_NAME


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.key_path = path.with_name(path.name + ".key")
        self._key: bytes | None = None

    def key(self, *, create: bool = True) -> bytes:
        if self.key_path.exists():
            return bytes.fromhex(self.key_path.read_text(encoding="ascii").strip())
        if not create:
            raise JournalError(
                "erasure.journal_key_missing",
                f"The journal key {self.key_path} is missing.",
                {"path": self.key_path},
            )
        self.key_path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(KEY_BYTES)
        fd = os.open(self.key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(key.hex())
        return key

    def hashes(self, *, email: str = "", phone: str = "", name: str = "") -> list[str]:
        key = self.key()
        return [keyed_hash(key, f) for f in identifier_forms(email=email, phone=phone, name=name)]

    def hash_form(self, form: str) -> str:
        if self._key is None:
            self._key = self.key()
        return keyed_hash(self._key, form)

    def check_writable(self) -> None:
        """Before erasing: an erasure that cannot be journalled would not survive a restore."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8"):
                pass
            self.key()
        except OSError as exc:
            raise JournalError(
                "erasure.journal_unwritable",
                f"The erasure journal {self.path} cannot be written ({exc.strerror}); "
                "nothing was erased.",
                {"path": self.path, "reason": exc.strerror or ""},
            ) from None

    def _write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, sort_keys=True, separators=(",", ":"))
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def begin(self, entry: JournalEntry) -> None:
        """Before the erasing transaction commits: the entry, marked pending, on disk."""
        self._write({**asdict(entry), "state": PENDING})

    def finish(self, reference: str) -> None:
        """After the commit (or when replay found the erasure in the database)."""
        self._write({"mark": reference, "state": DONE})

    def append(self, entry: JournalEntry) -> None:
        """An entry already known to be done (a single line)."""
        self._write(asdict(entry))

    def pending(self) -> set[str]:
        """References of entries written as pending and not yet marked done."""
        return {r for r, state in self._read()[1].items() if state == PENDING}

    def entries(self) -> list[JournalEntry]:
        return self._read()[0]

    def _read(self) -> tuple[list[JournalEntry], dict[str, str]]:
        if not self.path.exists():
            raise JournalError(
                "erasure.journal_missing",
                f"No erasure journal at {self.path}.",
                {"path": self.path},
            )
        found = []
        states: dict[str, str] = {}
        content = self.path.read_text(encoding="utf-8")
        lines = content.splitlines()
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            if number == len(lines) and not content.endswith("\n"):
                # Torn by a crash while being written: its transaction never committed
                # (the line is fsynced before the COMMIT).
                continue
            try:
                raw: dict[str, Any] = json.loads(line)
                if "mark" in raw:
                    states[str(raw["mark"])] = str(raw["state"])
                    continue
                state = str(raw.pop("state", DONE))
                entry = JournalEntry(**raw)
                found.append(entry)
                if state == DONE or entry.reference not in states:
                    states[entry.reference] = state
            except (ValueError, TypeError, KeyError):
                raise JournalError(
                    "erasure.journal_unreadable",
                    f"Line {number} of {self.path} is damaged.",
                    {"path": self.path, "line": number},
                ) from None
        return found, states
