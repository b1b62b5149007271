"""Initial schema: customers, contacts, sub-processors, app metadata.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _timestamps() -> list[sa.Column[object]]:
    return [
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.current_timestamp(),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.current_timestamp(),
            nullable=False,
        ),
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # Trusted extensions: the database owner may create them. pg_trgm serves search,
        # pgcrypto the session log's hash chain.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto")

    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "customer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_number", sa.String(10), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("trial_registered_on", sa.Date()),
        sa.Column("customer_since", sa.Date()),
        sa.Column("terminated_on", sa.Date()),
        sa.Column("hard_delete_due", sa.Date()),
        sa.Column("dpa_signed_on", sa.Date()),
        sa.Column("dpa_version", sa.String(40)),
        sa.Column("dpa_reference", sa.String(200)),
        *_timestamps(),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('trial', 'active', 'terminated')", name="status"),
        sa.CheckConstraint("length(org_number) = 10", name="org_number_len"),
        sa.UniqueConstraint("org_number"),
    )
    op.create_index("ix_customer_hard_delete_due", "customer", ["hard_delete_due"])
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "customer_id",
            sa.Integer(),
            sa.ForeignKey("customer.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("phone", sa.String(20)),
        sa.Column("title", sa.String(100)),
        *_timestamps(),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_contact_customer_id", "contact", ["customer_id"])
    op.create_index("ix_contact_email", "contact", ["email"])
    op.create_table(
        "sub_processor",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("registration_number", sa.String(40)),
        sa.Column("service", sa.String(200), nullable=False),
        sa.Column("data_categories", sa.Text(), nullable=False),
        sa.Column("locations", sa.String(200), nullable=False),
        sa.Column("dpa_reference", sa.String(200)),
        sa.Column("dpa_signed_on", sa.Date()),
        sa.Column("next_review_on", sa.Date()),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('active', 'ended')", name="status"),
        sa.UniqueConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("sub_processor")
    op.drop_table("contact")
    op.drop_table("customer")
    op.drop_table("app_meta")
