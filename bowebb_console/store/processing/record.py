"""Reading and keeping the record of processing activities (migration 0017).

The change record is the table's own: PostgreSQL's statement trigger and SQLite's row
triggers (chained at COMMIT by store.log.changes) write one ``processing_changed`` event per
change with the changed fields before and after, so nothing here writes events itself.
Only admins may write (PostgreSQL grants; the service checks the role first).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from bowebb_console.domain.errors import ShownError, ValidationError
from bowebb_console.store.db.errors import driver_code
from bowebb_console.store.models import LIFECYCLE_FIELDS, Processing

NAME_MAX = 200
TEXT_MAX = 4000


class StaleProcessingEdit(ShownError):
    def __init__(self) -> None:
        super().__init__(
            "processing.stale_edit",
            "Someone else changed or removed this processing since you opened it; your input "
            "is kept — reload and apply it again.",
        )


@dataclass(frozen=True)
class ProcessingInput:
    name: str
    purpose: str = ""
    legal_basis: str = ""
    data_subjects: str = ""
    data_categories: str = ""
    recipients: str = ""
    transfers: str = ""
    retention: str = ""
    lifecycle: tuple[str, ...] = ()  # lifecycle_setting columns that apply (shown, not copied)
    security: str = ""
    position: int = 0


@dataclass(frozen=True)
class ProcessingRow(ProcessingInput):
    id: int = 0
    version: int = 0


TEXT_FIELDS = tuple(
    f.name for f in fields(ProcessingInput) if f.name not in ("name", "lifecycle", "position")
)


def _lifecycle(text: str) -> tuple[str, ...]:
    return tuple(k for k in text.split(",") if k in LIFECYCLE_FIELDS)


def read_record(conn: Connection) -> list[ProcessingRow]:
    rows = conn.execute(
        select(Processing.__table__).order_by(Processing.position, Processing.id)
    ).all()
    out = []
    for p in rows:
        values = {f: getattr(p, f) or "" for f in TEXT_FIELDS}
        out.append(
            ProcessingRow(
                name=p.name,
                lifecycle=_lifecycle(p.lifecycle or ""),
                position=int(p.position),
                id=int(p.id),
                version=int(p.version),
                **values,
            )
        )
    return out


def validate(inp: ProcessingInput) -> dict[str, object]:
    name = " ".join(inp.name.split())
    if not name:
        raise ValidationError("name", "This field is required.", "processing.required")
    if len(name) > NAME_MAX:
        raise _too_long("name", NAME_MAX)
    values: dict[str, object] = {"name": name, "position": int(inp.position)}
    for f in TEXT_FIELDS:
        text = str(getattr(inp, f) or "").strip()
        if len(text) > TEXT_MAX:
            raise _too_long(f, TEXT_MAX)
        values[f] = text
    unknown = [k for k in inp.lifecycle if k not in LIFECYCLE_FIELDS]
    if unknown:
        raise ValidationError(
            "lifecycle",
            "Not a lifecycle setting.",
            "processing.bad_lifecycle",
            {"name": unknown[0]},
        )
    values["lifecycle"] = ",".join(dict.fromkeys(inp.lifecycle))
    return values


def _too_long(field: str, limit: int) -> ValidationError:
    return ValidationError(
        field, f"Too long (at most {limit} characters).", "processing.too_long", {"limit": limit}
    )


def save_processing(
    conn: Connection,
    inp: ProcessingInput,
    *,
    processing_id: int | None = None,
    version: int | None = None,
) -> int:
    """Add (``processing_id`` None) or change one processing; returns its id. A newer saved
    version than ``version`` raises StaleProcessingEdit."""
    values = validate(inp)
    try:
        if processing_id is None:
            return int(
                conn.execute(
                    insert(Processing).values(**values, version=1).returning(Processing.id)
                ).scalar_one()
            )
        old = conn.execute(
            select(Processing.version).where(Processing.id == processing_id)
        ).scalar()
        if old is None or (version is not None and old != version):
            raise StaleProcessingEdit()
        done = conn.execute(
            update(Processing)
            .where(Processing.id == processing_id, Processing.version == old)
            .values(**values, version=old + 1)
        )
        if done.rowcount != 1:
            raise StaleProcessingEdit()
        return processing_id
    except IntegrityError as exc:
        if driver_code(exc) == "db.conflict":
            raise ValidationError(
                "name", "A processing with this name exists.", "processing.name_exists"
            ) from exc
        raise
