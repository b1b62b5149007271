"""What a notice export covered: news or not, and which customers (issue 15, items 1 and 4).

A notice export stores no addresses. An access request lists the exports that may have
included the person; a breach notice goes to a few customers only, so without its scope every
breach notice would be listed for everyone. ``customer_ids`` (a JSON list; NULL = every
customer in the notice statuses) and ``news`` are written with the export.

Revision ID: 0022
Revises: 0021
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN on both dialects (a batch copy would drop SQLite's triggers).
    op.execute("ALTER TABLE notice_export ADD COLUMN news BOOLEAN DEFAULT false NOT NULL")
    op.execute("ALTER TABLE notice_export ADD COLUMN customer_ids TEXT")


def downgrade() -> None:
    op.execute("ALTER TABLE notice_export DROP COLUMN customer_ids")
    op.execute("ALTER TABLE notice_export DROP COLUMN news")
