"""SQLAlchemy 2.0 typed ORM models. The schema itself is made by Alembic migrations
(store/migrations); these classes must match them, which a test checks.

Customers are companies (policy clause 1); contacts are the people at a customer. Both use
optimistic locking through ``version`` so a stale save is refused, never silently applied.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
    true,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from bowebb_console.domain.search_text import fold

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


def _folded_from(source: str) -> object:
    """A column default for Core inserts (demo data, import, benchmarks): fold ``source``."""

    def default(context: DefaultExecutionContext) -> str:
        return fold(context.get_current_parameters().get(source))  # type: ignore[no-untyped-call]

    return default


class Customer(Base):
    __tablename__ = "customer"
    __table_args__ = (
        CheckConstraint("status IN ('trial', 'active', 'terminated')", name="status"),
        CheckConstraint("length(org_number) = 10", name="org_number_len"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_number: Mapped[str] = mapped_column(String(10), unique=True)  # ten digits, normalised
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    # Search keys (store/search.py): folded in Python because SQL folds only ASCII.
    name_folded: Mapped[str] = mapped_column(String(NAME_MAX * 2), default=_folded_from("name"))
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

    @validates("name")
    def _fold_name(self, _key: str, value: str) -> str:
        self.name_folded = fold(value)
        return value


class Contact(Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    name_folded: Mapped[str] = mapped_column(String(NAME_MAX * 2), default=_folded_from("name"))
    email: Mapped[str] = mapped_column(String(EMAIL_MAX), index=True)  # required (clause 1)
    email_folded: Mapped[str] = mapped_column(String(EMAIL_MAX * 2), default=_folded_from("email"))
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

    @validates("name", "email")
    def _fold(self, key: str, value: str) -> str:
        setattr(self, f"{key}_folded", fold(value))
        return value


class SubProcessor(Base):
    """A sub-processor (underbiträde) in the register admins keep (policy clauses 8, 10).

    ``locations`` are the processing locations, ``storage_locations`` where data is stored
    (both ISO 3166 codes, "SE,DE"); an ended sub-processor may still be receiving data,
    which is flagged.
    """

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
    contact: Mapped[str | None] = mapped_column(String(200))
    storage_locations: Mapped[str] = mapped_column(String(200), default="", server_default="")
    receiving_data: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    ended_on: Mapped[dt.date | None] = mapped_column(Date)

    __mapper_args__ = {"version_id_col": version}


EVIDENCE_MAX_BYTES = 20 * 1024 * 1024


class DpaChecklistItem(Base):
    """One assessed item of a sub-processor's DPA checklist (items: domain.checklist).

    On PostgreSQL ``assessed_by``/``assessed_at`` are set by a trigger from ``session_user``.
    """

    __tablename__ = "dpa_checklist_item"
    __table_args__ = (
        CheckConstraint("status IN ('yes', 'no', 'partly', 'not_assessed')", name="status"),
        UniqueConstraint("sub_processor_id", "item_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sub_processor_id: Mapped[int] = mapped_column(
        ForeignKey("sub_processor.id", ondelete="CASCADE")
    )
    item_key: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(14))
    evidence: Mapped[str] = mapped_column(Text, default="")
    assessed_by: Mapped[str] = mapped_column(String(128))
    assessed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class SubProcessorEvidence(Base):
    """A signed DPA or audit report, stored in the database with its SHA-256 and size."""

    __tablename__ = "sub_processor_evidence"
    __table_args__ = (
        CheckConstraint(f"size >= 0 AND size <= {EVIDENCE_MAX_BYTES}", name="size"),
        CheckConstraint("length(sha256) = 64", name="sha256_len"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sub_processor_id: Mapped[int] = mapped_column(
        ForeignKey("sub_processor.id", ondelete="CASCADE"), index=True
    )
    item_key: Mapped[str | None] = mapped_column(String(40))  # None: the whole sub-processor
    file_name: Mapped[str] = mapped_column(String(255))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(128))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class SubProcessorChange(Base):
    """A planned addition or replacement of a sub-processor (Art. 28(2) general
    authorisation): customers are told in advance and may object until the window ends."""

    __tablename__ = "sub_processor_change"
    __table_args__ = (CheckConstraint("kind IN ('addition', 'replacement')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sub_processor_id: Mapped[int | None] = mapped_column(
        ForeignKey("sub_processor.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(String(12))
    description: Mapped[str] = mapped_column(Text)
    planned_on: Mapped[dt.date] = mapped_column(Date)
    customers_notified_on: Mapped[dt.date | None] = mapped_column(Date)
    objection_window_ends: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.current_timestamp()
    )


class SubProcessorObjection(Base):
    __tablename__ = "sub_processor_objection"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    change_id: Mapped[int] = mapped_column(
        ForeignKey("sub_processor_change.id", ondelete="CASCADE"), index=True
    )
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    received_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class NoticeExport(Base):
    """One bulk export of contact addresses for a service-disruption notice (the only one).

    On PostgreSQL ``actor`` is the server's ``session_user``, set by a trigger whatever the
    client sends; on SQLite (single-user) it is the signed-in local user.
    """

    __tablename__ = "notice_export"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor: Mapped[str] = mapped_column(String(128))
    exported_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.current_timestamp()
    )
    recipient_count: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)


class AppMeta(Base):
    """Facts about the database itself (e.g. the group-role prefix), readable by every role."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class LogEvent(Base):
    """One chained event (see domain.hashchain). No personal data: that lives in LogPayload.

    Never updated or deleted; on PostgreSQL ``seq``, ``actor``, ``at``, ``prev_hash`` and
    ``hash`` are filled by the server's trigger and clients may not supply them.
    """

    __tablename__ = "log_event"
    __table_args__ = (
        CheckConstraint("seq > 0", name="seq_positive"),
        CheckConstraint("length(hash) = 64 AND length(prev_hash) = 64", name="hash_len"),
        CheckConstraint("length(payload_commitment) = 64", name="commitment_len"),
        CheckConstraint("actor NOT LIKE '%|%'", name="actor_no_bar"),
    )

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    event_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    session_uuid: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(128))
    at: Mapped[str] = mapped_column(String(27))  # canonical UTC text, the bytes hashed
    payload_commitment: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class LogPayload(Base):
    """The erasable half of an event: its canonical JSON text and the salt of its commitment."""

    __tablename__ = "log_payload"

    # Keyed by the event's seq, so the verifier reads events and payloads as two streams
    # in the same order (measured: a join on event_uuid made verifying 1M events 3x slower).
    seq: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("log_event.seq"), primary_key=True, autoincrement=False
    )
    salt: Mapped[bytes] = mapped_column(LargeBinary)
    payload: Mapped[str] = mapped_column(Text)


class LogChainHead(Base):
    """A single row: the last ``seq`` and ``hash``. On PostgreSQL its row lock orders writers."""

    __tablename__ = "log_chain_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))


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
class SessionSummaryRow(Base):
    """One row per session, DERIVED from the log by triggers (migration 0007) for the review
    screen's filters, sorting and paging; rebuilt from the log by store.review."""

    __tablename__ = "session_summary"

    session_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    first_seq: Mapped[int] = mapped_column(BigInteger)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    opened_at: Mapped[str] = mapped_column(String(27))
    agent: Mapped[str] = mapped_column(String(128))  # who ran it (else recorded the consent)
    consent_actor: Mapped[str] = mapped_column(String(128))
    customer_id: Mapped[int | None] = mapped_column(Integer)
    session_kind: Mapped[str | None] = mapped_column(String(40))
    channel: Mapped[str | None] = mapped_column(String(20))
    consent_outcome: Mapped[str | None] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[str | None] = mapped_column(String(27))
    ended_at: Mapped[str | None] = mapped_column(String(27))
    duration_s: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[int] = mapped_column(Integer, server_default="0")
    files: Mapped[int] = mapped_column(Integer, server_default="0")
    bytes: Mapped[int] = mapped_column(BigInteger, server_default="0")
    dpa_missing: Mapped[bool] = mapped_column(Boolean, server_default=false())
    reviewed: Mapped[bool] = mapped_column(Boolean, server_default=false())
    followup: Mapped[bool] = mapped_column(Boolean, server_default=false())
    reviews: Mapped[int] = mapped_column(Integer, server_default="0")
    last_reviewer: Mapped[str | None] = mapped_column(String(128))
    last_review_at: Mapped[str | None] = mapped_column(String(27))
    search_text: Mapped[str] = mapped_column(Text, server_default="")
