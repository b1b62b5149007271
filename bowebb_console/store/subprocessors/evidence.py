"""Evidence files of a sub-processor (signed DPA, audit reports), stored in the database
with their SHA-256 and size so that a copy can be checked; at most 20 MB each. Adding one is
an admin's change to the register, logged as ``evidence_added``."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from bowebb_console.domain import checklist as cl
from bowebb_console.domain.errors import ValidationError
from bowebb_console.store.log.chain import local_actor
from bowebb_console.store.models import EVIDENCE_MAX_BYTES, SubProcessorEvidence
from bowebb_console.store.subprocessors.register import log_change, not_an_item, utcnow

__all__ = [
    "EVIDENCE_MAX_BYTES",
    "EvidenceInfo",
    "add_evidence",
    "check_evidence_size",
    "evidence_file",
    "list_evidence",
]


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    sub_processor_id: int
    item_key: str | None
    file_name: str
    sha256: str
    size: int
    added_by: str
    added_at: dt.datetime


def check_evidence_size(size: int) -> None:
    if size > EVIDENCE_MAX_BYTES:
        size_mb, max_mb = f"{size / 1048576:.1f}", EVIDENCE_MAX_BYTES // 1048576
        raise ValidationError(
            "file",
            f"The file is {size_mb} MB; at most {max_mb} MB can be attached. Attach a smaller "
            "copy or record a document reference instead.",
            "subprocessors.evidence_too_large",
            {"size_mb": size_mb, "max_mb": max_mb},
        )


def add_evidence(
    conn: Connection,
    sp_id: int,
    file_name: str,
    content: bytes,
    *,
    item_key: str | None = None,
    actor: str | None = None,
) -> EvidenceInfo:
    """Store a file (signed DPA, audit report) with its SHA-256 and size."""
    name = (file_name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name:
        raise ValidationError("file", "Choose a file to attach.", "subprocessors.no_file")
    check_evidence_size(len(content))
    if item_key is not None and cl.load_checklist().item(item_key) is None:
        raise not_an_item(item_key)
    digest = hashlib.sha256(content).hexdigest()
    values: dict[str, Any] = {
        "sub_processor_id": sp_id,
        "item_key": item_key,
        "file_name": name[:255],
        "content": content,
        "sha256": digest,
        "size": len(content),
    }
    if conn.dialect.name == "sqlite":
        values |= {"added_by": actor or local_actor(), "added_at": utcnow()}
    new_id = conn.execute(
        insert(SubProcessorEvidence).values(**values).returning(SubProcessorEvidence.id)
    ).scalar_one()
    payload = {
        "sub_processor_id": sp_id,
        "evidence_id": new_id,
        "item": item_key,
        "file_name": name,
        "sha256": digest,
        "size": len(content),
    }
    log_change(conn, "evidence_added", sp_id, payload, actor)
    row = conn.execute(_evidence_query().where(SubProcessorEvidence.id == new_id)).one()
    return EvidenceInfo(*row)


def _evidence_query() -> Any:
    e = SubProcessorEvidence
    return select(
        e.id, e.sub_processor_id, e.item_key, e.file_name, e.sha256, e.size, e.added_by, e.added_at
    )


def list_evidence(conn: Connection, sp_id: int) -> list[EvidenceInfo]:
    rows = conn.execute(
        _evidence_query()
        .where(SubProcessorEvidence.sub_processor_id == sp_id)
        .order_by(SubProcessorEvidence.added_at, SubProcessorEvidence.id)
    )
    return [EvidenceInfo(*r) for r in rows]


def evidence_file(conn: Connection, evidence_id: int) -> tuple[bytes, str] | None:
    """A stored file's content and the SHA-256 recorded when it was added; None: gone."""
    row = conn.execute(
        select(SubProcessorEvidence.content, SubProcessorEvidence.sha256).where(
            SubProcessorEvidence.id == evidence_id
        )
    ).first()
    return (bytes(row[0]), str(row[1])) if row is not None else None
