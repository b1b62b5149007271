"""SFTP: pinned host keys and connection profiles."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from bowebb_console.store.models.base import Base


class HostKey(Base):
    """A pinned SSH host key, shared by the whole team. Rows are never edited or deleted: a
    replaced key is retired (retired_at set) and stays as history. On PostgreSQL the server
    fills pinned_by/approved_by/retired_by from session_user (migration 0004's trigger)."""

    __tablename__ = "host_key"
    __table_args__ = (
        CheckConstraint("port BETWEEN 1 AND 65535", name="port"),
        CheckConstraint("fingerprint_sha256 LIKE 'SHA256:%'", name="fingerprint"),
        # One active key per host:port: an agent can pin the first, never a second.
        Index(
            "uq_host_key_active",
            "host",
            "port",
            unique=True,
            sqlite_where=text("retired_at IS NULL"),
            postgresql_where=text("retired_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    port: Mapped[int] = mapped_column(Integer)
    key_type: Mapped[str] = mapped_column(String(64))
    fingerprint_sha256: Mapped[str] = mapped_column(String(64))
    public_key: Mapped[str] = mapped_column(Text)
    pinned_by: Mapped[str] = mapped_column(String(63), server_default=FetchedValue())
    pinned_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.current_timestamp()
    )
    approved_by: Mapped[str | None] = mapped_column(String(63))
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    retired_by: Mapped[str | None] = mapped_column(String(63))
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class SftpProfile(Base):
    """How to reach a customer's SFTP server. Secrets live only in the keyring."""

    __tablename__ = "sftp_profile"
    __table_args__ = (
        CheckConstraint("auth_kind IN ('password', 'key')", name="auth_kind"),
        CheckConstraint("port BETWEEN 1 AND 65535", name="port"),
        CheckConstraint("auth_kind = 'password' OR key_path IS NOT NULL", name="key_path"),
        UniqueConstraint("customer_id", "name", name="uq_sftp_profile_customer_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    host: Mapped[str] = mapped_column(String(255))
    port: Mapped[int] = mapped_column(Integer, default=22)
    username: Mapped[str] = mapped_column(String(100))
    auth_kind: Mapped[str] = mapped_column(String(10))
    key_path: Mapped[str | None] = mapped_column(String(1024))
    remote_dir: Mapped[str] = mapped_column(String(1024), default="")
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.current_timestamp()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=func.current_timestamp(),
        onupdate=func.current_timestamp(),
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}
