"""The review screen's per-session summary, derived from the log."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Integer,
    String,
    Text,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from bowebb_console.store.models.base import Base


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
    tool_flagged: Mapped[bool] = mapped_column(Boolean, server_default=false())  # 0021
    reviewed: Mapped[bool] = mapped_column(Boolean, server_default=false())
    followup: Mapped[bool] = mapped_column(Boolean, server_default=false())
    reviews: Mapped[int] = mapped_column(Integer, server_default="0")
    last_reviewer: Mapped[str | None] = mapped_column(String(128))
    last_review_at: Mapped[str | None] = mapped_column(String(27))
    search_text: Mapped[str] = mapped_column(Text, server_default="")
