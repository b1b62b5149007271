"""Erasure: requests, certificates and purge approvals (no personal data in any)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    false,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from bowebb_console.store.models.base import Base


class ErasureRequest(Base):
    """A data subject's erasure request: a pseudonymous reference and dates, no personal data.

    The person's identifiers are never stored here; the wizard finds their data by what the
    agent types, and the erasure journal (outside the database) keeps only keyed hashes.
    """

    __tablename__ = "erasure_request"
    __table_args__ = (
        CheckConstraint(
            "channel IN ('email', 'phone', 'letter', 'web_form', 'in_person')", name="channel"
        ),
        CheckConstraint("status IN ('open', 'forwarded', 'done', 'refused')", name="status"),
        CheckConstraint(
            "controller_role IS NULL OR controller_role IN ('controller', 'processor')",
            name="controller_role",
        ),
        CheckConstraint(
            "extended_to IS NULL OR (extension_reason IS NOT NULL AND extended_to > due_on)",
            name="extension",
        ),
        CheckConstraint("due_on > received_on", name="due_after_receipt"),
        CheckConstraint("kind IN ('erasure', 'access')", name="kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(24), unique=True)
    received_on: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(12))
    due_on: Mapped[dt.date] = mapped_column(Date)
    extended_to: Mapped[dt.date | None] = mapped_column(Date)
    extension_reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), server_default="open", index=True)
    identity_check: Mapped[str | None] = mapped_column(String(40))
    controller_role: Mapped[str | None] = mapped_column(String(10))
    forwarded_customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="SET NULL")
    )
    forwarded_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(200))
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # Migration 0016: an access request (Art. 15) shares the dates and the overdue list.
    kind: Mapped[str] = mapped_column(String(10), server_default="erasure")

    __mapper_args__ = {"version_id_col": version}


class ErasureCertificate(Base):
    """The lasting proof of an erasure: reference, date, categories, basis, role; no person."""

    __tablename__ = "erasure_certificate"
    __table_args__ = (CheckConstraint("kind IN ('person', 'customer')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(24), unique=True)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10))
    categories: Mapped[str] = mapped_column(Text)  # JSON list of category keys
    legal_basis: Mapped[str] = mapped_column(Text)
    kept: Mapped[str] = mapped_column(Text)
    performed_by_role: Mapped[str] = mapped_column(String(10))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)


class PurgeApproval(Base):
    """Four eyes on a hard delete: started by one admin, approved by another lead or admin.

    On PostgreSQL the names are the server's ``session_user``, set by a trigger.
    """

    __tablename__ = "purge_approval"
    __table_args__ = (
        CheckConstraint("status IN ('requested', 'approved', 'done', 'cancelled')", name="status"),
        CheckConstraint("approved_by IS NULL OR approved_by <> started_by", name="four_eyes"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(24), unique=True)
    customer_id: Mapped[int] = mapped_column(Integer, index=True)  # no FK: the row goes
    status: Mapped[str] = mapped_column(String(10), server_default="requested")
    started_by: Mapped[str] = mapped_column(String(128))
    started_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.current_timestamp()
    )
    approved_by: Mapped[str | None] = mapped_column(String(128))
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    performed_by: Mapped[str | None] = mapped_column(String(128))
    performed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ErasureWipeDue(Base):
    """PostgreSQL: a partition of ``session_summary`` whose files may still hold text that
    left its rows (migration 0025's trigger); the wipe rewrites these only. SQLite: unused."""

    __tablename__ = "erasure_wipe_due"

    relname: Mapped[str] = mapped_column(String(63), primary_key=True)


class ErasureXact(Base):
    """Marks the one transaction that is an erasure or a purge (migration 0009). While its row
    is there, deletes and anonymisation are not recorded as changes: their values must not
    survive in a new payload; the erasure's own event records them. PostgreSQL removes the
    row at COMMIT (after checking that event), store.log.changes does on SQLite."""

    __tablename__ = "erasure_xact"

    xact: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    logged: Mapped[bool] = mapped_column(Boolean, server_default=false())
