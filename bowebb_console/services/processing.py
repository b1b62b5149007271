"""The record of processing activities, "Personuppgiftsbehandlingar" (GDPR Art. 30; policy
clause 2): read by everyone (About shows it), kept by admins. The retention periods the
console enforces come from the lifecycle setting, read in the same transaction as the
record, so the two never disagree."""

from __future__ import annotations

from dataclasses import dataclass

from bowebb_console.domain.errors import ShownError
from bowebb_console.services.database import Database, Identity, transaction
from bowebb_console.store.db.grants import ADMIN
from bowebb_console.store.db.lifecycle import Lifecycle, read_lifecycle
from bowebb_console.store.models import LIFECYCLE_FIELDS
from bowebb_console.store.processing.record import (
    ProcessingInput,
    ProcessingRow,
    StaleProcessingEdit,
    read_record,
    save_processing,
)

__all__ = [
    "LIFECYCLE_FIELDS",
    "ProcessingInput",
    "ProcessingRow",
    "Record",
    "StaleProcessingEdit",
    "lifecycle_days",
    "record",
    "save",
]


@dataclass(frozen=True)
class Record:
    processings: tuple[ProcessingRow, ...]
    lifecycle: Lifecycle


def lifecycle_days(lifecycle: Lifecycle, key: str) -> int:
    """The value of one lifecycle setting (one of LIFECYCLE_FIELDS), in days."""
    return int(getattr(lifecycle, key))


def record(db: Database) -> Record:
    """The record with the lifecycle values the database holds now (one transaction)."""
    with transaction(db, write=False) as conn:
        return Record(tuple(read_record(conn)), read_lifecycle(conn))


def save(
    db: Database,
    identity: Identity,
    inp: ProcessingInput,
    *,
    processing_id: int | None = None,
    version: int | None = None,
) -> int:
    """Add or change one processing (admins; on PostgreSQL the grants refuse everyone else,
    and the change is a chained event written by the database)."""
    if identity.role != ADMIN:
        raise ShownError(
            "processing.admin_only", "Only an admin may change the record of processing."
        )
    with transaction(db) as conn:
        return save_processing(conn, inp, processing_id=processing_id, version=version)
