"""Facts about the database itself."""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from bowebb_console.store.models.base import Base


class AppMeta(Base):
    """Facts about the database itself (e.g. the group-role prefix), readable by every role."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class LifecycleSetting(Base):
    """The customer lifecycle, one row for the whole database (migration 0013): everyone reads
    it, only admins change it (grants), and the customer trigger computes dates from it."""

    __tablename__ = "lifecycle_setting"
    __table_args__ = (
        CheckConstraint("id = 1", name="one_row"),
        CheckConstraint("grace_period_days BETWEEN 30 AND 3650", name="grace"),
        CheckConstraint("trial_period_days BETWEEN 7 AND 365", name="trial"),
        CheckConstraint("log_retention_days BETWEEN 365 AND 36500", name="log"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    grace_period_days: Mapped[int] = mapped_column(Integer, server_default="90")
    trial_period_days: Mapped[int] = mapped_column(Integer, server_default="30")
    log_retention_days: Mapped[int] = mapped_column(Integer, server_default="1095")
    # The erasure journal's folder for this database (migration 0019); "" = not set.
    erasure_journal_dir: Mapped[str] = mapped_column(Text, server_default="")
