"""The Sub-processors screen's background work: each function runs on the task runner (one
ORM session per task) and hands frozen rows back to the GUI thread."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bowebb_console.domain import checklist as cl
from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.subprocessor_flags import Flag
from bowebb_console.ui.kit.context import AppContext


@dataclass(frozen=True)
class Detail:
    record: Any  # SubProcessorRecord
    entries: list[Any]  # ChecklistEntry
    evidence: list[Any]  # EvidenceInfo
    flags: tuple[Flag, ...]


def load_detail(ctx: AppContext, sp_id: int) -> Detail | None:
    from bowebb_console.domain.subprocessor_flags import flags_for
    from bowebb_console.store.subprocessors import register as sp
    from bowebb_console.store.subprocessors.evidence import list_evidence

    with ctx.database.session() as session:
        record = sp.get_record(session, sp_id)
        if record is None:
            return None
        entries = sp.checklist_entries(session, sp_id)
        evidence = list_evidence(session, sp_id)
    statuses = {e.item.key: e.status for e in entries}
    flags = flags_for(sp.facts_of(record, statuses), cl.load_checklist(), dt.date.today())
    return Detail(record, entries, evidence, flags)


def save_item(ctx: AppContext, sp_id: int, key: str, status: str, evidence: str) -> None:
    from bowebb_console.store.subprocessors.register import set_checklist_item

    set_checklist_item(ctx.database, sp_id, key, status, evidence, actor=ctx.identity.user)


def attach(ctx: AppContext, sp_id: int, path: str, item_key: str | None) -> Any:
    from bowebb_console.store.subprocessors.evidence import add_evidence, check_evidence_size

    file = Path(path)
    check_evidence_size(file.stat().st_size)  # refused before it is read into memory
    return add_evidence(
        ctx.database,
        sp_id,
        file.name,
        file.read_bytes(),
        item_key=item_key,
        actor=ctx.identity.user,
    )


def save_copy(ctx: AppContext, info: Any, path: str) -> str:
    """Write a stored file out (temporary name, then rename) and check the copy's SHA-256."""
    from bowebb_console.store.subprocessors.evidence import evidence_content

    with ctx.database.session() as session:
        content = evidence_content(session, info.id)
    target = Path(path)
    tmp = target.with_name(f".{target.name}.part")
    tmp.write_bytes(content)
    os.replace(tmp, target)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    if digest != info.sha256:
        raise ValidationError("file", "The copy does not match the stored SHA-256.")
    return digest
