"""Customers (companies, policy clause 1), their contacts (the people), and the log of
service-disruption notice exports. Customers and contacts use optimistic locking through
``version`` so a stale save is refused, never silently applied."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    false,
    func,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from bowebb_console.domain.search_text import fold, plain
from bowebb_console.store.models.base import Base


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


def _plain_from(source: str) -> object:
    """A column default for Core inserts: the diacritic-insensitive key of ``source``."""

    def default(context: DefaultExecutionContext) -> str:
        return plain(context.get_current_parameters().get(source))  # type: ignore[no-untyped-call]

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
    # Diacritic-insensitive key (migration 0011): what search matches names on.
    name_plain: Mapped[str] = mapped_column(String(NAME_MAX * 2), default=_plain_from("name"))
    status: Mapped[str] = mapped_column(String(12), default=CustomerStatus.ACTIVE.value)
    trial_registered_on: Mapped[dt.date | None] = mapped_column(Date)
    customer_since: Mapped[dt.date | None] = mapped_column(Date)
    terminated_on: Mapped[dt.date | None] = mapped_column(Date)
    # Derived by the database (migration 0013's trigger), never written by the app: the
    # date the customer is due for the hard delete, and the grace period that date used.
    hard_delete_due: Mapped[dt.date | None] = mapped_column(Date, index=True)
    grace_period_days: Mapped[int | None] = mapped_column(Integer)
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
        self.name_plain = plain(value)
        return value


class Contact(Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    name_folded: Mapped[str] = mapped_column(String(NAME_MAX * 2), default=_folded_from("name"))
    name_plain: Mapped[str] = mapped_column(String(NAME_MAX * 2), default=_plain_from("name"))
    # Not indexed: look-ups go by email_folded (migration 0030).
    email: Mapped[str] = mapped_column(String(EMAIL_MAX))  # required (clause 1)
    email_folded: Mapped[str] = mapped_column(String(EMAIL_MAX * 2), default=_folded_from("email"))
    phone: Mapped[str | None] = mapped_column(String(PHONE_MAX))  # E.164
    title: Mapped[str | None] = mapped_column(String(100))  # role at the customer
    # Migration 0016: Art. 18 restriction (hidden from agents, no new consent, no notices) and
    # Art. 21 objection to "news" notices. Changed only through services.privacy (logged).
    restricted: Mapped[bool] = mapped_column(Boolean, server_default=false())
    news_objection: Mapped[bool] = mapped_column(Boolean, server_default=false())
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
        if key == "name":
            self.name_plain = plain(value)
        return value


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
    # What it covered (migration 0022): news or a disruption notice, and for a breach notice
    # the customers' ids as a JSON list (NULL: every customer in the notice statuses).
    news: Mapped[bool] = mapped_column(Boolean, server_default=false())
    customer_ids: Mapped[str | None] = mapped_column(Text)
