"""Erasure: requests with deadlines, certificates, four-eyes purge approvals.

None of these tables holds personal data: requests and certificates carry a pseudonymous
reference, dates, categories and roles; a purge approval names the customer by id only.

PostgreSQL: ``purge_approval_guard`` (BEFORE INSERT/UPDATE) sets who started, approved and
ran a purge from ``session_user`` (never a value the client sends) and allows only
requested -> approved (by a lead or admin other than the starter) -> done (by an admin), or
cancelled. A CHECK keeps approver and starter apart on both dialects.

Revision ID: 0006
Revises: 0007
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PG_GUARD = r"""
CREATE FUNCTION purge_approval_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    prefix text;
BEGIN
    SELECT value INTO prefix FROM app_meta WHERE key = 'role_prefix';
    prefix := coalesce(prefix, 'bowebb');
    IF TG_OP = 'INSERT' THEN
        IF NOT pg_has_role(session_user, prefix || '_admin', 'MEMBER') THEN
            RAISE EXCEPTION 'only an admin may start a purge' USING ERRCODE = '42501';
        END IF;
        NEW.status := 'requested';
        NEW.started_by := session_user;
        NEW.started_at := current_timestamp;
        NEW.approved_by := NULL; NEW.approved_at := NULL;
        NEW.performed_by := NULL; NEW.performed_at := NULL;
        RETURN NEW;
    END IF;
    -- What was recorded stays: only the status moves, and the server says who moved it.
    NEW.id := OLD.id; NEW.reference := OLD.reference; NEW.customer_id := OLD.customer_id;
    NEW.started_by := OLD.started_by; NEW.started_at := OLD.started_at;
    NEW.approved_by := OLD.approved_by; NEW.approved_at := OLD.approved_at;
    NEW.performed_by := OLD.performed_by; NEW.performed_at := OLD.performed_at;
    IF OLD.status = 'requested' AND NEW.status = 'approved' THEN
        IF session_user = OLD.started_by THEN
            RAISE EXCEPTION 'four eyes: the person who started a purge cannot approve it'
                USING ERRCODE = '42501';
        END IF;
        IF NOT (pg_has_role(session_user, prefix || '_lead', 'MEMBER')
                OR pg_has_role(session_user, prefix || '_admin', 'MEMBER')) THEN
            RAISE EXCEPTION 'only a lead or admin may approve a purge' USING ERRCODE = '42501';
        END IF;
        NEW.approved_by := session_user;
        NEW.approved_at := current_timestamp;
    ELSIF OLD.status = 'approved' AND NEW.status = 'done' THEN
        IF NOT pg_has_role(session_user, prefix || '_admin', 'MEMBER') THEN
            RAISE EXCEPTION 'only an admin may run a purge' USING ERRCODE = '42501';
        END IF;
        NEW.performed_by := session_user;
        NEW.performed_at := current_timestamp;
    ELSIF NEW.status = 'cancelled' AND OLD.status IN ('requested', 'approved') THEN
        NULL;
    ELSE
        RAISE EXCEPTION 'a purge approval cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$
"""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "erasure_request",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(24), nullable=False, unique=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(12), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("extended_to", sa.Date(), nullable=True),
        sa.Column("extension_reason", sa.Text(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False, server_default="open"),
        sa.Column("identity_check", sa.String(40), nullable=True),
        sa.Column("controller_role", sa.String(10), nullable=True),
        sa.Column(
            "forwarded_customer_id",
            sa.Integer(),
            sa.ForeignKey("customer.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("forwarded_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(200), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "channel IN ('email', 'phone', 'letter', 'web_form', 'in_person')", name="channel"
        ),
        sa.CheckConstraint("status IN ('open', 'forwarded', 'done', 'refused')", name="status"),
        sa.CheckConstraint(
            "controller_role IS NULL OR controller_role IN ('controller', 'processor')",
            name="controller_role",
        ),
        sa.CheckConstraint(
            "extended_to IS NULL OR (extension_reason IS NOT NULL AND extended_to > due_on)",
            name="extension",
        ),
        sa.CheckConstraint("due_on > received_on", name="due_after_receipt"),
    )
    op.create_index("ix_erasure_request_status", "erasure_request", ["status"])
    op.create_table(
        "erasure_certificate",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(24), nullable=False, unique=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("kept", sa.Text(), nullable=False),
        sa.Column("performed_by_role", sa.String(10), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("kind IN ('person', 'customer')", name="kind"),
    )
    op.create_table(
        "purge_approval",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(24), nullable=False, unique=True),
        sa.Column("customer_id", sa.Integer(), nullable=False, index=True),
        sa.Column("status", sa.String(10), nullable=False, server_default="requested"),
        sa.Column("started_by", sa.String(128), nullable=False),
        sa.Column(
            "started_at",
            sa.DateTime(timezone=True),
            nullable=False,
            server_default=sa.func.current_timestamp(),
        ),
        sa.Column("approved_by", sa.String(128), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("performed_by", sa.String(128), nullable=True),
        sa.Column("performed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('requested', 'approved', 'done', 'cancelled')", name="status"
        ),
        sa.CheckConstraint("approved_by IS NULL OR approved_by <> started_by", name="four_eyes"),
    )
    if dialect == "postgresql":
        op.execute(_PG_GUARD)
        op.execute(
            "CREATE TRIGGER purge_approval_guard BEFORE INSERT OR UPDATE ON purge_approval "
            "FOR EACH ROW EXECUTE FUNCTION purge_approval_guard()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS purge_approval_guard ON purge_approval")
        op.execute("DROP FUNCTION IF EXISTS purge_approval_guard()")
    op.drop_table("purge_approval")
    op.drop_table("erasure_certificate")
    op.drop_index("ix_erasure_request_status", table_name="erasure_request")
    op.drop_table("erasure_request")
