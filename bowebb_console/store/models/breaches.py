"""The breach register (GDPR Art. 33/34): one row per personal-data breach (migration 0014)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bowebb_console.store.models.base import Base


class Breach(Base):
    """A breach, from discovery to closing. On PostgreSQL ``recorded_by``/``closed_by`` and
    their times are set by the ``breach_guard`` trigger from ``session_user``; leads and admins
    record and edit, admins close."""

    __tablename__ = "breach"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'closed')", name="status"),
        CheckConstraint(
            "imy_decision IN ('undecided', 'notify', 'not_notify')", name="imy_decision"
        ),
        CheckConstraint("people_approx IS NULL OR people_approx >= 0", name="people"),
        CheckConstraint("notified_count IS NULL OR notified_count >= 0", name="notified"),
        Index("ix_breach_status", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    discovered_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    description: Mapped[str] = mapped_column(Text)
    categories: Mapped[str] = mapped_column(Text, server_default="")
    people_approx: Mapped[int | None] = mapped_column(Integer)
    customers_affected: Mapped[str] = mapped_column(Text, server_default="")
    measures: Mapped[str] = mapped_column(Text, server_default="")
    imy_decision: Mapped[str] = mapped_column(String(12), server_default="undecided")
    imy_reference: Mapped[str | None] = mapped_column(String(100))
    imy_notified_on: Mapped[dt.date | None] = mapped_column(Date)
    imy_reason: Mapped[str] = mapped_column(Text, server_default="")
    notified_customers: Mapped[str] = mapped_column(Text, server_default="")
    notified_on: Mapped[dt.date | None] = mapped_column(Date)
    notified_count: Mapped[int | None] = mapped_column(Integer)
    notified_how: Mapped[str] = mapped_column(Text, server_default="")
    status: Mapped[str] = mapped_column(String(8), server_default="open")
    recorded_by: Mapped[str] = mapped_column(String(128))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    closed_by: Mapped[str | None] = mapped_column(String(128))
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, server_default="1")
