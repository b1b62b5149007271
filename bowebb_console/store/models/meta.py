"""Facts about the database itself."""

from __future__ import annotations

from sqlalchemy import (
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
