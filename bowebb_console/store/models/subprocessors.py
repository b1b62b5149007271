"""The sub-processor register: sub-processors, their DPA checklists and evidence, planned
changes and customers' objections."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from bowebb_console.store.models.base import Base
from bowebb_console.store.models.customers import NAME_MAX


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
    # The remote-control tool this entry covers, as the consent dialog names it ("AnyDesk");
    # at most one entry per tool (migration 0017).
    remote_tool: Mapped[str | None] = mapped_column(String(40), unique=True)

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
