"""The breach register (GDPR Art. 33/34): team leads and admins record and edit breaches,
admins close them; each change is written with its chained event in one transaction.

On PostgreSQL the database refuses everyone else (GRANTs and the ``breach_guard`` trigger of
migration 0014); that refusal leaves here as :class:`BreachRefused`. SQLite is single-user:
the same rule is checked here from the signed-in role, so the GUI, the CLI and the tests
all get it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sqlalchemy import Connection

from bowebb_console.domain.breaches import Clock, clock
from bowebb_console.domain.errors import ShownError, ValidationError
from bowebb_console.services.customers import write_recorded_csv
from bowebb_console.services.database import Database, Identity, transaction
from bowebb_console.store.breaches import export as store_export
from bowebb_console.store.breaches import register as store
from bowebb_console.store.breaches.register import BreachInput, BreachRecord, StaleBreachEdit
from bowebb_console.store.customers import notices

__all__ = [
    "BreachInput",
    "BreachRecord",
    "BreachRefused",
    "StaleBreachEdit",
    "breaches_csv",
    "change_breach",
    "clock_of",
    "close_breach",
    "get_breach",
    "list_breaches",
    "notify_customers",
    "record_breach",
]


class BreachRefused(ShownError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "breaches.refused",
            "Team leads and admins record breaches; only admins close them or change a closed one.",
            {"detail": detail},
        )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _may_record(identity: Identity) -> None:
    if identity.role not in ("lead", "admin"):
        raise BreachRefused()


def _may_close(identity: Identity) -> None:
    if identity.role != "admin":
        raise BreachRefused()


@contextmanager
def _writing(db: Database) -> Iterator[Connection]:
    try:
        with transaction(db) as conn:
            yield conn
    except ShownError as exc:
        if exc.code == "db.permission":
            raise BreachRefused(str(exc.params.get("detail", ""))) from exc
        raise


def _actor(identity: Identity) -> str | None:
    return identity.user.replace("|", "_") if identity.dialect == "sqlite" else None


def list_breaches(db: Database, identity: Identity) -> list[BreachRecord]:
    """Open breaches first, newest discovery first. Leads and admins only."""
    _may_record(identity)
    try:
        with transaction(db, write=False) as conn:
            return store.list_breaches(conn)
    except ShownError as exc:
        if exc.code == "db.permission":
            raise BreachRefused() from exc
        raise


def get_breach(db: Database, identity: Identity, breach_id: int) -> BreachRecord | None:
    _may_record(identity)
    with transaction(db, write=False) as conn:
        return store.get_breach(conn, breach_id)


def record_breach(db: Database, identity: Identity, inp: BreachInput) -> int:
    """Record a new, open breach (leads and admins); returns its id."""
    _may_record(identity)
    with _writing(db) as conn:
        return store.record_breach(conn, inp, now=_now(), actor=_actor(identity))


def change_breach(
    db: Database, identity: Identity, breach_id: int, inp: BreachInput, *, version: int | None
) -> bool:
    """Save changes to a breach (``version``: the one the user loaded; a newer one raises
    StaleBreachEdit and nothing changes). A closed breach: admins only."""
    _may_record(identity)
    with _writing(db) as conn:
        current = store.get_breach(conn, breach_id)
        if current is not None and current.status == "closed":
            _may_close(identity)
        return store.change_breach(
            conn, breach_id, inp, version=version, now=_now(), actor=_actor(identity)
        )


def close_breach(db: Database, identity: Identity, breach_id: int, *, version: int | None) -> None:
    """Close a breach (admins only)."""
    _may_close(identity)
    with _writing(db) as conn:
        store.close_breach(conn, breach_id, version=version, now=_now(), actor=_actor(identity))


def clock_of(record: BreachRecord, now: dt.datetime | None = None) -> Clock | None:
    """The 72-hour clock for notifying IMY; None for a closed breach."""
    if record.status == "closed" or record.discovered_at is None:
        return None
    return clock(record.discovered_at, record.imy_decision, now or _now())


def breaches_csv(records: Sequence[BreachRecord], lang: str = "en") -> str:
    out = io.StringIO()
    store_export.breaches_csv(records, out, lang)
    return out.getvalue()


@dataclass(frozen=True)
class Notified:
    """A breach notice exported: how many addresses went to the file, to which companies."""

    count: int
    customers: str


def notify_customers(
    db: Database,
    identity: Identity,
    breach_id: int,
    customer_ids: Sequence[int],
    path: Path,
    *,
    version: int | None,
    reason: str,
    how: str,
    columns: Sequence[str] = notices.CSV_COLUMNS,
    delimiter: str = ",",
    written_files: Path | None = None,
) -> Notified:
    """Notify the customers a breach affected (Art. 34) through the recorded notice export:
    the e-mail addresses of those customers' contacts go to ``path`` as CSV (restricted
    contacts never; an objection to news does not hold back a breach notice, a legal duty),
    the export is recorded (``reason`` names the breach) and, in the same transaction, the
    breach's who/when/how many/how are filled from it with a chained ``breach_changed``.

    Written as ``services.customers.export_notices`` is (``write_recorded_csv``)."""
    _may_record(identity)
    if not customer_ids:
        raise ValidationError("customers", "Pick the affected customers.", "breaches.no_customers")

    def notify(conn: Connection, out: TextIO) -> Notified:
        current = store.get_breach(conn, breach_id)
        if current is not None and current.status == "closed":
            _may_close(identity)
        count = notices.export_notice_recipients(
            conn,
            out,
            reason=reason,
            local_user=_actor(identity) or identity.user,
            columns=columns,
            delimiter=delimiter,
            customer_ids=customer_ids,
        )
        names = ", ".join(notices.customer_names(conn, customer_ids))
        store.record_notification(
            conn,
            breach_id,
            version=version,
            customers=names,
            on=dt.date.today(),
            count=count,
            how=how,
            export_reason=" ".join(reason.split()),
            now=_now(),
            actor=_actor(identity),
        )
        return Notified(count, names)

    return write_recorded_csv(path, _writing(db), notify, written_files=written_files)
