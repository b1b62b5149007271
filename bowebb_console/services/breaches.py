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

from sqlalchemy import Connection

from bowebb_console.domain.breaches import Clock, clock
from bowebb_console.domain.errors import ShownError
from bowebb_console.services.database import Database, Identity, transaction
from bowebb_console.store.breaches import export as store_export
from bowebb_console.store.breaches import register as store
from bowebb_console.store.breaches.register import BreachInput, BreachRecord, StaleBreachEdit

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
