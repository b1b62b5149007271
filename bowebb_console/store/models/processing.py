"""The record of processing activities, "Personuppgiftsbehandlingar" (GDPR Art. 30; policy
clause 2; migration 0017). Everyone reads it; only admins change it (grants on PostgreSQL),
and every change is a chained ``processing_changed`` event with the changed fields before and
after in the erasable payload (the change record of migration 0009, both databases).

Retention periods the console enforces are not copied here: ``lifecycle`` names the
``lifecycle_setting`` columns that apply (``grace_period_days,trial_period_days``), and every
reader shows their current values next to ``retention``.
"""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bowebb_console.store.models.base import Base

LIFECYCLE_FIELDS = ("grace_period_days", "trial_period_days", "log_retention_days")


class Processing(Base):
    __tablename__ = "processing"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    name: Mapped[str] = mapped_column(String(200), unique=True)
    purpose: Mapped[str] = mapped_column(Text, default="", server_default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="", server_default="")
    data_subjects: Mapped[str] = mapped_column(Text, default="", server_default="")
    data_categories: Mapped[str] = mapped_column(Text, default="", server_default="")
    recipients: Mapped[str] = mapped_column(Text, default="", server_default="")
    transfers: Mapped[str] = mapped_column(Text, default="", server_default="")
    retention: Mapped[str] = mapped_column(Text, default="", server_default="")
    lifecycle: Mapped[str] = mapped_column(String(200), default="", server_default="")
    security: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}
