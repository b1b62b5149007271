"""Pinned SSH host keys (team-wide) and SFTP connection profiles; frozen rows out.

On PostgreSQL the server records who pinned, approved and retired a key (session_user, via
migration 0004's trigger) and refuses what a role may not do: agents can pin a host's first key
but cannot replace or approve one. On the embedded SQLite database the app fills those columns
itself from the identity it is given (there is one local user).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from bowebb_console.store.db.grants import ADMIN, LEAD
from bowebb_console.store.models import AppMeta, HostKey, SftpProfile

REQUIRE_APPROVAL_KEY = "sftp_pin_requires_approval"
AUTH_KINDS = ("password", "key")


class HostKeyStoreError(Exception):
    """``kind``: already_pinned | not_pinned | not_allowed | stale | invalid. Safe to show."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


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


def _row(k: HostKey) -> PinnedKeyRow:
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


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def requires_approval(session: Session) -> bool:
    value = session.execute(select(AppMeta.value).where(AppMeta.key == REQUIRE_APPROVAL_KEY))
    return (value.scalar() or "").lower() in ("1", "true", "yes")


def set_requires_approval(session: Session, required: bool) -> None:
    """An admin's team setting: new pins wait for a lead's approval before they are trusted."""
    value = "true" if required else "false"
    try:
        exists = session.get(AppMeta, REQUIRE_APPROVAL_KEY)
        if exists is None:
            session.execute(insert(AppMeta).values(key=REQUIRE_APPROVAL_KEY, value=value))
        else:
            exists.value = value
        session.commit()
    except DBAPIError as exc:
        session.rollback()
        raise _refused(exc, "Only an admin can change this setting.") from None


def active_key(session: Session, host: str, port: int) -> PinnedKeyRow | None:
    found = session.execute(
        select(HostKey).where(
            HostKey.host == host, HostKey.port == port, HostKey.retired_at.is_(None)
        )
    ).scalar_one_or_none()
    return _row(found) if found is not None else None


def key_history(session: Session, host: str, port: int) -> list[PinnedKeyRow]:
    rows = session.execute(
        select(HostKey).where(HostKey.host == host, HostKey.port == port).order_by(HostKey.id)
    ).scalars()
    return [_row(k) for k in rows]


def pending_keys(session: Session) -> list[PinnedKeyRow]:
    rows = session.execute(
        select(HostKey)
        .where(HostKey.approved_by.is_(None), HostKey.retired_at.is_(None))
        .order_by(HostKey.pinned_at)
    ).scalars()
    return [_row(k) for k in rows]


def _refused(exc: DBAPIError, message: str) -> HostKeyStoreError:
    detail = str(exc.orig).lower()
    if isinstance(exc, IntegrityError):
        return HostKeyStoreError(
            "already_pinned",
            "This server already has a pinned key; only a lead or admin can replace it.",
        )
    if "permission denied" in detail or "cannot be" in detail or "stays retired" in detail:
        return HostKeyStoreError("not_allowed", message)
    raise exc


def pin_key(
    session: Session,
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
        raise HostKeyStoreError("invalid", "The fingerprint must be SHA256:… as OpenSSH prints it.")
    values: dict[str, object] = {
        "host": host,
        "port": port,
        "key_type": key_type,
        "fingerprint_sha256": fingerprint,
        "public_key": public_key,
    }
    if not _postgres(session):
        approved = role in (LEAD, ADMIN) or not requires_approval(session)
        now = _now()
        values.update(
            pinned_by=actor,
            pinned_at=now,
            approved_by=actor if approved else None,
            approved_at=now if approved else None,
        )
    try:
        session.execute(insert(HostKey).values(**values))
        session.commit()
    except DBAPIError as exc:
        session.rollback()
        raise _refused(exc, "Your role may not pin host keys.") from None
    row = active_key(session, host, port)
    assert row is not None
    return row


def approve_key(session: Session, key_id: int, *, actor: str) -> PinnedKeyRow:
    """A lead approves a pending pin (PostgreSQL refuses agents)."""
    values: dict[str, object] = {"approved_by": actor}
    if not _postgres(session):
        values["approved_at"] = _now()
    try:
        result = session.execute(
            update(HostKey)
            .where(HostKey.id == key_id, HostKey.approved_by.is_(None))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        session.commit()
    except DBAPIError as exc:
        session.rollback()
        raise _refused(exc, "Only a lead or admin can approve a host key.") from None
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise HostKeyStoreError("stale", "This key is not waiting for approval any more.")
    found = session.get(HostKey, key_id, populate_existing=True)
    assert found is not None
    return _row(found)


def replace_key(
    session: Session,
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
    """Retire the active key (it must still be ``old_fingerprint``) and pin the new one, in one
    transaction. Leads and admins only; PostgreSQL refuses anyone else."""
    if not _postgres(session) and role not in (LEAD, ADMIN):
        raise HostKeyStoreError("not_allowed", "Only a lead or admin can replace a host key.")
    retire: dict[str, object] = {"retired_by": actor, "retired_at": _now()}
    try:
        result = session.execute(
            update(HostKey)
            .where(
                HostKey.host == host,
                HostKey.port == port,
                HostKey.retired_at.is_(None),
                HostKey.fingerprint_sha256 == old_fingerprint,
            )
            .values(**retire)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            session.rollback()
            raise HostKeyStoreError("stale", "The pinned key changed meanwhile; look again.")
        values: dict[str, object] = {
            "host": host,
            "port": port,
            "key_type": key_type,
            "fingerprint_sha256": fingerprint,
            "public_key": public_key,
        }
        if not _postgres(session):
            now = _now()
            values.update(pinned_by=actor, pinned_at=now, approved_by=actor, approved_at=now)
        session.execute(insert(HostKey).values(**values))
        session.commit()
    except DBAPIError as exc:
        session.rollback()
        raise _refused(exc, "Only a lead or admin can replace a pinned host key.") from None
    row = active_key(session, host, port)
    assert row is not None
    return row


# --- Profiles ----------------------------------------------------------------------------


def _profile_row(p: SftpProfile) -> ProfileRow:
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
    )


def list_profiles(session: Session, customer_id: int) -> list[ProfileRow]:
    rows = session.execute(
        select(SftpProfile).where(SftpProfile.customer_id == customer_id).order_by(SftpProfile.name)
    ).scalars()
    return [_profile_row(p) for p in rows]


def get_profile(session: Session, profile_id: int) -> ProfileRow | None:
    found = session.get(SftpProfile, profile_id, populate_existing=True)
    return _profile_row(found) if found is not None else None


def _check_profile(auth_kind: str, key_path: str | None, port: int, host: str) -> None:
    if auth_kind not in AUTH_KINDS:
        raise HostKeyStoreError("invalid", "Choose password or private key authentication.")
    if auth_kind == "key" and not key_path:
        raise HostKeyStoreError("invalid", "Choose the private key file.")
    if not 1 <= port <= 65535:
        raise HostKeyStoreError("invalid", "The port must be between 1 and 65535.")
    if not host.strip():
        raise HostKeyStoreError("invalid", "The host name is missing.")


def save_profile(
    session: Session,
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
    _check_profile(auth_kind, key_path, port, host)
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
            profile = SftpProfile(**fields)
            session.add(profile)
        else:
            found = session.get(SftpProfile, profile_id, populate_existing=True)
            if found is None or (version is not None and found.version != version):
                raise HostKeyStoreError("stale", "Someone else changed or deleted this profile.")
            profile = found
            for key, value in fields.items():
                setattr(profile, key, value)
        session.commit()
    except StaleDataError:
        session.rollback()
        raise HostKeyStoreError("stale", "Someone else changed this profile meanwhile.") from None
    except IntegrityError:
        session.rollback()
        raise HostKeyStoreError(
            "invalid", "This customer already has a profile with that name."
        ) from None
    return _profile_row(profile)


def delete_profile(session: Session, profile_id: int) -> None:
    session.execute(delete(SftpProfile).where(SftpProfile.id == profile_id))
    session.commit()
