"""SFTP connection profiles of a customer (no secrets: those live in the keyring); frozen rows
out, in the caller's transaction. Saves are optimistic: a stale ``version`` is refused.

The demo data (``demo/transfers.py``) points its profiles at an address reserved here,
``DEMO_HOST`` and the ports from ``DEMO_PORT``: nothing answers there, and ``ProfileRow.demo``
lets the screen say so without knowing about demo data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from bowebb_console.domain.errors import ShownError
from bowebb_console.store.db.errors import driver_code, driver_error
from bowebb_console.store.models import SftpProfile

AUTH_KINDS = ("password", "key")
DEMO_HOST = "127.0.0.1"
DEMO_PORT = 2222
DEMO_SERVERS = 6  # demo profiles use DEMO_PORT .. DEMO_PORT + DEMO_SERVERS - 1


class ProfileError(ShownError):
    """``kind``: invalid | stale; ``code`` says which case."""

    def __init__(self, kind: str, code: str, message: str) -> None:
        super().__init__(code, message)
        self.kind = kind


@dataclass(frozen=True)
class ProfileRow:
    id: int
    customer_id: int
    name: str
    host: str
    port: int
    username: str
    auth_kind: str  # password | key
    key_path: str | None
    remote_dir: str
    version: int
    demo: bool = False  # the demo data's unreachable server


def is_demo(host: str, port: int) -> bool:
    return host == DEMO_HOST and DEMO_PORT <= port < DEMO_PORT + DEMO_SERVERS


def _row(p: Row[Any]) -> ProfileRow:
    return ProfileRow(
        p.id,
        p.customer_id,
        p.name,
        p.host,
        p.port,
        p.username,
        p.auth_kind,
        p.key_path,
        p.remote_dir,
        p.version,
        is_demo(p.host, p.port),
    )


def _select() -> Any:
    t = SftpProfile.__table__
    return select(
        t.c.id,
        t.c.customer_id,
        t.c.name,
        t.c.host,
        t.c.port,
        t.c.username,
        t.c.auth_kind,
        t.c.key_path,
        t.c.remote_dir,
        t.c.version,
    )


def list_profiles(conn: Connection, customer_id: int) -> list[ProfileRow]:
    rows = conn.execute(
        _select().where(SftpProfile.customer_id == customer_id).order_by(SftpProfile.name)
    )
    return [_row(p) for p in rows]


def _check(auth_kind: str, key_path: str | None, port: int, host: str) -> None:
    if auth_kind not in AUTH_KINDS:
        raise ProfileError(
            "invalid",
            "transfers.profile_auth_kind",
            "Choose password or private key authentication.",
        )
    if auth_kind == "key" and not key_path:
        raise ProfileError(
            "invalid", "transfers.profile_key_missing", "Choose the private key file."
        )
    if not 1 <= port <= 65535:
        raise ProfileError(
            "invalid", "transfers.profile_port", "The port must be between 1 and 65535."
        )
    if not host.strip():
        raise ProfileError("invalid", "transfers.profile_host", "The host name is missing.")


def save_profile(
    conn: Connection,
    *,
    customer_id: int,
    name: str,
    host: str,
    port: int,
    username: str,
    auth_kind: str,
    key_path: str | None,
    remote_dir: str,
    profile_id: int | None = None,
    version: int | None = None,
) -> ProfileRow:
    """Create (``profile_id`` None) or update a profile; a stale ``version`` is refused."""
    _check(auth_kind, key_path, port, host)
    fields = {
        "customer_id": customer_id,
        "name": name.strip(),
        "host": host.strip(),
        "port": port,
        "username": username,
        "auth_kind": auth_kind,
        "key_path": key_path if auth_kind == "key" else None,
        "remote_dir": remote_dir,
    }
    try:
        if profile_id is None:
            result = conn.execute(insert(SftpProfile).values(**fields, version=1))
            key = result.inserted_primary_key
            assert key is not None
            profile_id = int(key[0])
        else:
            where = [SftpProfile.id == profile_id]
            if version is not None:
                where.append(SftpProfile.version == version)
            changed = conn.execute(
                update(SftpProfile).where(*where).values(**fields, version=SftpProfile.version + 1)
            )
            if changed.rowcount != 1:
                raise ProfileError(
                    "stale",
                    "transfers.profile_stale",
                    "Someone else changed or deleted this profile.",
                )
    except IntegrityError as exc:
        if driver_code(exc) != "db.conflict":  # e.g. the customer was deleted meanwhile
            raise driver_error(exc) from exc
        raise ProfileError(
            "invalid",
            "transfers.profile_name_taken",
            "This customer already has a profile with that name.",
        ) from None
    return _row(conn.execute(_select().where(SftpProfile.id == profile_id)).one())


def delete_profile(conn: Connection, profile_id: int) -> None:
    """On PostgreSQL through ``profile_delete`` (migration 0009): no login holds DELETE on
    the table (which would also let it lock everyone out of it); the change is recorded."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT public.profile_delete(:id, NULL)"), {"id": profile_id})
    else:
        conn.execute(delete(SftpProfile).where(SftpProfile.id == profile_id))
