"""Sub-processor register: DPA checklist, evidence files, planned changes and objections.

Extends ``sub_processor`` with a contact, storage locations (``locations`` holds the
processing locations) and whether an ended sub-processor still receives data. On PostgreSQL
triggers fill ``assessed_by``/``assessed_at`` and ``added_by`` from the server's
``session_user`` whatever the client sends (DESIGN.md); on SQLite the app sets them.

Revision ID: 0005
Revises: 0003 (re-pointed at merge)
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVIDENCE_MAX_BYTES = 20 * 1024 * 1024  # also store.subprocessors.EVIDENCE_MAX_BYTES

_PG_FUNCTIONS = (
    """CREATE FUNCTION dpa_checklist_item_actor() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.assessed_by := session_user;
        NEW.assessed_at := current_timestamp;
        RETURN NEW;
    END $$""",
    """CREATE FUNCTION sub_processor_evidence_actor() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.added_by := session_user;
        NEW.added_at := current_timestamp;
        RETURN NEW;
    END $$""",
    "CREATE TRIGGER dpa_checklist_item_actor BEFORE INSERT OR UPDATE ON dpa_checklist_item "
    "FOR EACH ROW EXECUTE FUNCTION dpa_checklist_item_actor()",
    "CREATE TRIGGER sub_processor_evidence_actor BEFORE INSERT OR UPDATE "
    "ON sub_processor_evidence FOR EACH ROW EXECUTE FUNCTION sub_processor_evidence_actor()",
)


def _now() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        "created_at",
        sa.DateTime(timezone=True),
        server_default=sa.func.current_timestamp(),
        nullable=False,
    )


def upgrade() -> None:
    with op.batch_alter_table("sub_processor") as batch:
        batch.add_column(sa.Column("contact", sa.String(200)))
        batch.add_column(
            sa.Column("storage_locations", sa.String(200), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("receiving_data", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch.add_column(sa.Column("ended_on", sa.Date()))
    op.create_table(
        "dpa_checklist_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "sub_processor_id",
            sa.Integer(),
            sa.ForeignKey("sub_processor.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("item_key", sa.String(40), nullable=False),
        sa.Column("status", sa.String(14), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("assessed_by", sa.String(128), nullable=False),
        sa.Column("assessed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('yes', 'no', 'partly', 'not_assessed')", name="status"),
        sa.UniqueConstraint("sub_processor_id", "item_key"),
    )
    op.create_table(
        "sub_processor_evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "sub_processor_id",
            sa.Integer(),
            sa.ForeignKey("sub_processor.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("item_key", sa.String(40)),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.String(128), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(f"size >= 0 AND size <= {EVIDENCE_MAX_BYTES}", name="size"),
        sa.CheckConstraint("length(sha256) = 64", name="sha256_len"),
    )
    op.create_index(
        "ix_sub_processor_evidence_sub_processor_id", "sub_processor_evidence", ["sub_processor_id"]
    )
    op.create_table(
        "sub_processor_change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "sub_processor_id",
            sa.Integer(),
            sa.ForeignKey("sub_processor.id", ondelete="SET NULL"),
        ),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.Column("customers_notified_on", sa.Date()),
        sa.Column("objection_window_ends", sa.Date()),
        _now(),
        sa.CheckConstraint("kind IN ('addition', 'replacement')", name="kind"),
    )
    op.create_table(
        "sub_processor_objection",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "change_id",
            sa.Integer(),
            sa.ForeignKey("sub_processor_change.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "customer_id",
            sa.Integer(),
            sa.ForeignKey("customer.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index(
        "ix_sub_processor_objection_change_id", "sub_processor_objection", ["change_id"]
    )
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_FUNCTIONS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS sub_processor_evidence_actor ON sub_processor_evidence")
        op.execute("DROP TRIGGER IF EXISTS dpa_checklist_item_actor ON dpa_checklist_item")
        op.execute("DROP FUNCTION IF EXISTS sub_processor_evidence_actor()")
        op.execute("DROP FUNCTION IF EXISTS dpa_checklist_item_actor()")
    op.drop_table("sub_processor_objection")
    op.drop_table("sub_processor_change")
    op.drop_table("sub_processor_evidence")
    op.drop_table("dpa_checklist_item")
    with op.batch_alter_table("sub_processor") as batch:
        batch.drop_column("ended_on")
        batch.drop_column("receiving_data")
        batch.drop_column("storage_locations")
        batch.drop_column("contact")
