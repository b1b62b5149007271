"""SQLAlchemy 2.0 typed ORM models. The schema itself is made by Alembic migrations
(store/migrations); these classes must match them, which a test checks.

Customers are companies (policy clause 1); contacts are the people at a customer. Both use
optimistic locking through ``version`` so a stale save is refused, never silently applied.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class CustomerStatus(enum.StrEnum):
    TRIAL = "trial"
    ACTIVE = "active"
    TERMINATED = "terminated"


NAME_MAX = 200
EMAIL_MAX = 254
PHONE_MAX = 20


class Customer(Base):
    __tablename__ = "customer"
    __table_args__ = (
        CheckConstraint("status IN ('trial', 'active', 'terminated')", name="status"),
        CheckConstraint("length(org_number) = 10", name="org_number_len"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_number: Mapped[str] = mapped_column(String(10), unique=True)  # ten digits, normalised
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    status: Mapped[str] = mapped_column(String(12), default=CustomerStatus.ACTIVE.value)
    trial_registered_on: Mapped[dt.date | None] = mapped_column(Date)
    customer_since: Mapped[dt.date | None] = mapped_column(Date)
    terminated_on: Mapped[dt.date | None] = mapped_column(Date)
    hard_delete_due: Mapped[dt.date | None] = mapped_column(Date, index=True)
    dpa_signed_on: Mapped[dt.date | None] = mapped_column(Date)
    dpa_version: Mapped[str | None] = mapped_column(String(40))
    dpa_reference: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.current_timestamp()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=func.current_timestamp(),
        onupdate=func.current_timestamp(),
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}


class Contact(Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    email: Mapped[str] = mapped_column(String(EMAIL_MAX), index=True)  # required (clause 1)
    phone: Mapped[str | None] = mapped_column(String(PHONE_MAX))  # E.164
    title: Mapped[str | None] = mapped_column(String(100))  # role at the customer
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.current_timestamp()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=func.current_timestamp(),
        onupdate=func.current_timestamp(),
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    customer: Mapped[Customer] = relationship(back_populates="contacts")

    __mapper_args__ = {"version_id_col": version}


class SubProcessor(Base):
    """A sub-processor (underbiträde); the DPA checklist is added by its own issue."""

    __tablename__ = "sub_processor"
    __table_args__ = (CheckConstraint("status IN ('active', 'ended')", name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX), unique=True)
    registration_number: Mapped[str | None] = mapped_column(String(40))
    service: Mapped[str] = mapped_column(String(200))
    data_categories: Mapped[str] = mapped_column(Text, default="")
    locations: Mapped[str] = mapped_column(String(200), default="")  # ISO 3166 codes, "SE,DE"
    dpa_reference: Mapped[str | None] = mapped_column(String(200))
    dpa_signed_on: Mapped[dt.date | None] = mapped_column(Date)
    next_review_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="active")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}


class AppMeta(Base):
    """Facts about the database itself (e.g. the group-role prefix), readable by every role."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


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
