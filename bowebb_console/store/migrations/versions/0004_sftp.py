"""SFTP: team-wide pinned host keys and per-customer connection profiles.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

On PostgreSQL a trigger makes the server, not the client, say who pinned, approved or retired a
key (session_user), and decides whether a new pin needs a lead's approval (app_meta
``sftp_pin_requires_approval``). Column GRANTs (store/grants.py) keep agents to INSERT of the key
columns only; a partial unique index allows one active key per host:port, so an agent can pin a
first key but never replace one.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Runs as the invoker: agents need only SELECT on app_meta. session_user is the login even
# inside SECURITY DEFINER code, and it is the login that is recorded.
_TRIGGER_FN = """
CREATE OR REPLACE FUNCTION host_key_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    needs_approval boolean;
    prefix text;
    is_lead boolean;
BEGIN
    SELECT coalesce(lower(value) IN ('1', 'true', 'yes'), false) INTO needs_approval
        FROM app_meta WHERE key = 'sftp_pin_requires_approval';
    SELECT value INTO prefix FROM app_meta WHERE key = 'role_prefix';
    prefix := coalesce(prefix, 'bowebb');
    is_lead := pg_has_role(session_user, prefix || '_lead', 'MEMBER')
        OR pg_has_role(session_user, prefix || '_admin', 'MEMBER')
        OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user);
    IF TG_OP = 'INSERT' THEN
        NEW.pinned_by := session_user;
        NEW.pinned_at := current_timestamp;
        NEW.retired_at := NULL;
        NEW.retired_by := NULL;
        IF coalesce(needs_approval, false) AND NOT is_lead THEN
            NEW.approved_by := NULL;
            NEW.approved_at := NULL;
        ELSE
            NEW.approved_by := session_user;
            NEW.approved_at := current_timestamp;
        END IF;
        RETURN NEW;
    END IF;
    -- UPDATE: only approving and retiring exist; the key itself never changes.
    IF NEW.host IS DISTINCT FROM OLD.host OR NEW.port IS DISTINCT FROM OLD.port
        OR NEW.key_type IS DISTINCT FROM OLD.key_type
        OR NEW.fingerprint_sha256 IS DISTINCT FROM OLD.fingerprint_sha256
        OR NEW.public_key IS DISTINCT FROM OLD.public_key
        OR NEW.pinned_by IS DISTINCT FROM OLD.pinned_by
        OR NEW.pinned_at IS DISTINCT FROM OLD.pinned_at THEN
        RAISE EXCEPTION 'a pinned host key cannot be edited; retire it and pin a new one'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.retired_at IS NOT NULL AND NEW.retired_at IS DISTINCT FROM OLD.retired_at THEN
        RAISE EXCEPTION 'a retired host key stays retired'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.approved_by IS DISTINCT FROM OLD.approved_by THEN
        IF OLD.approved_by IS NOT NULL THEN
            RAISE EXCEPTION 'an approval cannot be changed'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.approved_by := session_user;
        NEW.approved_at := current_timestamp;
    END IF;
    IF NEW.retired_at IS NOT NULL AND OLD.retired_at IS NULL THEN
        NEW.retired_by := session_user;
        NEW.retired_at := current_timestamp;
    END IF;
    RETURN NEW;
END
$$
"""


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "host_key",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("key_type", sa.String(64), nullable=False),
        sa.Column("fingerprint_sha256", sa.String(64), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),  # base64 key blob
        sa.Column(
            "pinned_by",
            sa.String(63),
            server_default=sa.text("session_user") if postgres else None,
            nullable=False,
        ),
        sa.Column(
            "pinned_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.current_timestamp(),
            nullable=False,
        ),
        sa.Column("approved_by", sa.String(63)),
        sa.Column("approved_at", sa.DateTime(timezone=True)),
        sa.Column("retired_by", sa.String(63)),
        sa.Column("retired_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint("port BETWEEN 1 AND 65535", name="port"),
        sa.CheckConstraint("fingerprint_sha256 LIKE 'SHA256:%'", name="fingerprint"),
    )
    op.create_index(
        "uq_host_key_active",
        "host_key",
        ["host", "port"],
        unique=True,
        sqlite_where=sa.text("retired_at IS NULL"),
        postgresql_where=sa.text("retired_at IS NULL"),
    )
    op.create_table(
        "sftp_profile",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "customer_id",
            sa.Integer(),
            sa.ForeignKey("customer.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("auth_kind", sa.String(10), nullable=False),
        sa.Column("key_path", sa.String(1024)),
        sa.Column("remote_dir", sa.String(1024), nullable=False),
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
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("auth_kind IN ('password', 'key')", name="auth_kind"),
        sa.CheckConstraint("port BETWEEN 1 AND 65535", name="port"),
        sa.CheckConstraint("auth_kind = 'password' OR key_path IS NOT NULL", name="key_path"),
        sa.UniqueConstraint("customer_id", "name", name="uq_sftp_profile_customer_id"),
    )
    op.create_index("ix_sftp_profile_customer_id", "sftp_profile", ["customer_id"])
    if postgres:
        op.execute(_TRIGGER_FN)
        op.execute(
            "CREATE TRIGGER host_key_guard BEFORE INSERT OR UPDATE ON host_key "
            "FOR EACH ROW EXECUTE FUNCTION host_key_guard()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS host_key_guard ON host_key")
        op.execute("DROP FUNCTION IF EXISTS host_key_guard()")
    op.drop_table("sftp_profile")
    op.drop_table("host_key")
