"""The privacy officer's desk: access requests (Art. 15/20), restriction (Art. 18),
objection to news (Art. 21) and rectification (Art. 16). Qt-free; each call owns its
transaction.

An access request is answered in one transaction (request row, report, ``done``, the logged
hashes); the files are written to temporary names first and renamed only after the COMMIT, so
no export exists without its logged hash, and a failed answer leaves no file behind.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from bowebb_console.domain.errors import ShownError
from bowebb_console.services.database import Database, Identity, transaction
from bowebb_console.store.erasure.journal import Journal
from bowebb_console.store.erasure.person import PersonQuery
from bowebb_console.store.erasure.requests import NewRequest
from bowebb_console.store.privacy import access, restriction

__all__ = [
    "AccessDone",
    "NewRequest",
    "PersonQuery",
    "answer_access_request",
    "rectify_contact",
    "save_access_request",
    "set_news_objection",
    "set_restricted",
]


@dataclass(frozen=True)
class AccessDone:
    reference: str
    json_path: Path
    pdf_path: Path
    json_sha256: str
    counts: dict[str, int]


def save_access_request(db: Database, request: NewRequest, today: dt.date) -> str:
    """Record an access request as received; returns its reference."""
    with transaction(db) as conn:
        return access.save_access_request(conn, request, today)


def _out_dir(out_dir: Path) -> Path:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / ".bowebb-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ShownError(
            "privacy.out_unwritable",
            f"The folder {out_dir} cannot be written ({exc.strerror}); nothing was exported.",
            {"path": out_dir, "reason": exc.strerror or ""},
        ) from None
    return out_dir


def answer_access_request(
    db: Database,
    identity: Identity,
    query: PersonQuery,
    request: int | NewRequest,
    out_dir: Path,
    *,
    today: dt.date,
    journal_file: Path | None = None,
) -> AccessDone:
    """Find everything held about the person and write ``access-<reference>.json`` and
    ``.pdf`` into ``out_dir``; the request is closed as answered and the files' SHA-256 logged."""
    query.check()
    folder = _out_dir(out_dir)
    journal = Journal(journal_file) if journal_file is not None else None
    temps: list[Path] = []
    try:
        with transaction(db) as conn:
            done = access.answer_access_request(
                conn, query, request, today=today, journal=journal, actor=identity.user
            )
            json_path = folder / f"access-{done.reference}.json"
            pdf_path = folder / f"access-{done.reference}.pdf"
            for path, data in ((json_path, done.json_bytes), (pdf_path, done.pdf_bytes)):
                tmp = path.with_name(path.name + ".part")
                temps.append(tmp)
                with tmp.open("wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
        os.replace(temps[0], json_path)
        os.replace(temps[1], pdf_path)
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
    return AccessDone(done.reference, json_path, pdf_path, done.json_sha256, done.counts())


# -- restriction, objection, rectification ------------------------------------------------


def _admin_only(identity: Identity, what: str) -> None:
    """SQLite has no logins: the signed-in role is checked here (PostgreSQL's grants also)."""
    if identity.role != "admin":
        raise ShownError("privacy.admin_only", f"Only an admin may {what}.", {"what": what})


def set_restricted(
    db: Database, identity: Identity, contact_id: int, restricted: bool, reason: str
) -> bool:
    """Restrict a contact's data (Art. 18) or lift the restriction (admins); logged with the
    reason. False when it already was so."""
    _admin_only(identity, "restrict a contact or lift a restriction")
    with transaction(db) as conn:
        return restriction.set_restricted(conn, contact_id, restricted, reason, actor=identity.user)


def set_news_objection(db: Database, identity: Identity, contact_id: int, objects: bool) -> bool:
    """Record or withdraw a contact's objection to news e-mails (Art. 21); logged."""
    with transaction(db) as conn:
        return restriction.set_news_objection(conn, contact_id, objects, actor=identity.user)


def rectify_contact(
    db: Database,
    identity: Identity,
    contact_id: int,
    version: int,
    changes: dict[str, str | None],
    reason: str,
) -> int:
    """Correct a contact (Art. 16): the change record keeps before/after, the
    ``privacy_rectified`` event why and who. Returns the new version."""
    with transaction(db) as conn:
        return restriction.rectify_contact(
            conn, contact_id, version, changes, reason, actor=identity.user
        )
