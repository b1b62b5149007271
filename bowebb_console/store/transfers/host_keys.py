"""Pinned SSH host keys (team-wide) and the team's approval setting; frozen rows out.

Every function works in the caller's transaction (``conn``); the service commits. On
PostgreSQL the server records who pinned, approved and retired a key (session_user, via
migration 0004's trigger) and refuses what a role may not do: agents can pin a host's first key
but cannot replace or approve one. On the embedded SQLite database the app fills those columns
itself from the identity it is given (there is one local user).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from bowebb_console.domain.errors import ShownError
from bowebb_console.store.db.errors import driver_code, driver_error
from bowebb_console.store.db.grants import ADMIN, LEAD
from bowebb_console.store.models import AppMeta, HostKey

REQUIRE_APPROVAL_KEY = "sftp_pin_requires_approval"


class HostKeyStoreError(ShownError):
    """``kind``: already_pinned | not_allowed | stale | invalid; ``code`` says which case."""

    def __init__(self, kind: str, code: str, message: str) -> None:
        super().__init__(code, message)
        self.kind = kind


@dataclass(frozen=True)
class PinnedKeyRow:
    id: int
    host: str
    port: int
    key_type: str
    fingerprint: str  # SHA256:... as OpenSSH prints it
    public_key: str  # base64 key blob
    pinned_by: str
    pinned_at: dt.datetime
    approved_by: str | None
    approved_at: dt.datetime | None
    retired_by: str | None
    retired_at: dt.datetime | None

    @property
    def trusted(self) -> bool:
        """A pending pin (waiting for a lead) is not trusted yet; a retired key never is."""
        return self.approved_by is not None and self.retired_at is None


def _row(k: Row[Any]) -> PinnedKeyRow:
    return PinnedKeyRow(
        k.id,
        k.host,
        k.port,
        k.key_type,
        k.fingerprint_sha256,
        k.public_key,
        k.pinned_by,
        k.pinned_at,
        k.approved_by,
        k.approved_at,
        k.retired_by,
        k.retired_at,
    )


def _keys(conn: Connection, *where: ColumnElement[bool]) -> list[PinnedKeyRow]:
    rows = conn.execute(select(HostKey.__table__).where(*where).order_by(HostKey.id))
    return [_row(r) for r in rows]


def _postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@contextmanager
def _refusing(code: str, message: str) -> Iterator[None]:
    """The database's refusals in words: a second active key (unique index) or a role that
    may not do this (GRANTs on PostgreSQL); any other driver error is mapped as usual."""
    try:
        yield
    except IntegrityError:
        raise HostKeyStoreError(
            "already_pinned",
            "hostkey.already_pinned",
            "This server already has a pinned key; only a lead or admin can replace it.",
        ) from None
    except DBAPIError as exc:
        if driver_code(exc) == "db.permission":
            raise HostKeyStoreError("not_allowed", code, message) from None
        raise driver_error(exc) from exc


def requires_approval(conn: Connection) -> bool:
    value = conn.execute(select(AppMeta.value).where(AppMeta.key == REQUIRE_APPROVAL_KEY))
    return (value.scalar() or "").lower() in ("1", "true", "yes")


def set_requires_approval(conn: Connection, required: bool) -> None:
    """An admin's team setting: new pins wait for a lead's approval before they are trusted."""
    value = "true" if required else "false"
    with _refusing("hostkey.setting_not_allowed", "Only an admin can change this setting."):
        exists = conn.execute(
            select(AppMeta.key).where(AppMeta.key == REQUIRE_APPROVAL_KEY)
        ).scalar()
        if exists is None:
            conn.execute(insert(AppMeta).values(key=REQUIRE_APPROVAL_KEY, value=value))
        else:
            conn.execute(
                update(AppMeta).where(AppMeta.key == REQUIRE_APPROVAL_KEY).values(value=value)
            )


def active_key(conn: Connection, host: str, port: int) -> PinnedKeyRow | None:
    found = _keys(conn, HostKey.host == host, HostKey.port == port, HostKey.retired_at.is_(None))
    return found[0] if found else None


def key_history(conn: Connection, host: str, port: int) -> list[PinnedKeyRow]:
    return _keys(conn, HostKey.host == host, HostKey.port == port)


def pending_keys(conn: Connection) -> list[PinnedKeyRow]:
    found = _keys(conn, HostKey.approved_by.is_(None), HostKey.retired_at.is_(None))
    return sorted(found, key=lambda k: k.pinned_at)


def pin_key(
    conn: Connection,
    host: str,
    port: int,
    key_type: str,
    fingerprint: str,
    public_key: str,
    *,
    actor: str,
    role: str,
) -> PinnedKeyRow:
    """Pin the first key of host:port after the agent confirmed its fingerprint.

    ``actor``/``role`` are used only on SQLite; PostgreSQL takes them from the login."""
    if not fingerprint.startswith("SHA256:"):
        raise HostKeyStoreError(
            "invalid",
            "hostkey.invalid_fingerprint",
            "The fingerprint must be SHA256:… as OpenSSH prints it.",
        )
    values: dict[str, object] = {
        "host": host,
        "port": port,
        "key_type": key_type,
        "fingerprint_sha256": fingerprint,
        "public_key": public_key,
    }
    if not _postgres(conn):
        approved = role in (LEAD, ADMIN) or not requires_approval(conn)
        now = _now()
        values.update(
            pinned_by=actor,
            pinned_at=now,
            approved_by=actor if approved else None,
            approved_at=now if approved else None,
        )
    with _refusing("hostkey.pin_not_allowed", "Your role may not pin host keys."):
        conn.execute(insert(HostKey).values(**values))
    row = active_key(conn, host, port)
    assert row is not None
    return row


def approve_key(conn: Connection, key_id: int, *, actor: str) -> PinnedKeyRow:
    """A lead approves a pending pin (PostgreSQL refuses agents)."""
    values: dict[str, object] = {"approved_by": actor}
    if not _postgres(conn):
        values["approved_at"] = _now()
    with _refusing("hostkey.approve_not_allowed", "Only a lead or admin can approve a host key."):
        result = conn.execute(
            update(HostKey)
            .where(HostKey.id == key_id, HostKey.approved_by.is_(None))
            .values(**values)
        )
    if result.rowcount != 1:
        raise HostKeyStoreError(
            "stale", "hostkey.approval_stale", "This key is not waiting for approval any more."
        )
    (row,) = _keys(conn, HostKey.id == key_id)
    return row


def replace_key(
    conn: Connection,
    host: str,
    port: int,
    old_fingerprint: str,
    key_type: str,
    fingerprint: str,
    public_key: str,
    *,
    actor: str,
    role: str,
) -> PinnedKeyRow:
    """Retire the active key (it must still be ``old_fingerprint``) and pin the new one, in the
    caller's transaction. Leads and admins only; PostgreSQL refuses anyone else."""
    refused = ("hostkey.replace_not_allowed", "Only a lead or admin can replace a host key.")
    if not _postgres(conn) and role not in (LEAD, ADMIN):
        raise HostKeyStoreError("not_allowed", *refused)
    retire: dict[str, object] = {"retired_by": actor, "retired_at": _now()}
    with _refusing(*refused):
        result = conn.execute(
            update(HostKey)
            .where(
                HostKey.host == host,
                HostKey.port == port,
                HostKey.retired_at.is_(None),
                HostKey.fingerprint_sha256 == old_fingerprint,
            )
            .values(**retire)
        )
        if result.rowcount != 1:
            raise HostKeyStoreError(
                "stale", "hostkey.replace_stale", "The pinned key changed meanwhile; look again."
            )
        values: dict[str, object] = {
            "host": host,
            "port": port,
            "key_type": key_type,
            "fingerprint_sha256": fingerprint,
            "public_key": public_key,
        }
        if not _postgres(conn):
            now = _now()
            values.update(pinned_by=actor, pinned_at=now, approved_by=actor, approved_at=now)
        conn.execute(insert(HostKey).values(**values))
    row = active_key(conn, host, port)
    assert row is not None
    return row
