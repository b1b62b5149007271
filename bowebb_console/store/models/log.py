"""The session log: chained events, their (erasable) payloads, and the chain's head."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from bowebb_console.store.models.base import Base


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
    # PostgreSQL: the partition key (migration 0025), the customer of the event's session as
    # the database's default finds it (0: none); it only decides which partition a wipe
    # rewrites. SQLite: always 0.
    customer_id: Mapped[int] = mapped_column(Integer, server_default="0")


class LogChainHead(Base):
    """A single row: the last ``seq`` and ``hash``. On PostgreSQL its row lock orders writers."""

    __tablename__ = "log_chain_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))


class PendingChange(Base):
    """SQLite: a row change to a customer, contact or profile seen by migration 0009's
    triggers, chained as an event when its transaction commits (store.log.changes).
    PostgreSQL's triggers write the events themselves and leave this table empty."""

    __tablename__ = "pending_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tbl: Mapped[str] = mapped_column(String(20))
    op: Mapped[str] = mapped_column(String(10))
    row_id: Mapped[int] = mapped_column(Integer)
    customer_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
