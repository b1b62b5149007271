"""Session log: chained events, erasable payloads, the chain head; guard triggers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

PostgreSQL: ``log_event_fill`` (BEFORE INSERT, SECURITY DEFINER) fills seq, actor, at,
prev_hash and hash from the single chain-head row, whose row lock (held to commit) orders
concurrent writers. setup.apply_grants hands the function to the NOLOGIN ``<prefix>_log_writer``
role (the prefix is not known yet when this runs on a fresh database). Guard triggers refuse
UPDATE, DELETE and TRUNCATE of log_event for every role, the table owner included.
SQLite: the application computes the same values inside BEGIN IMMEDIATE; triggers refuse
UPDATE/DELETE and check seq and the link on INSERT (also against INSERT OR REPLACE).
Both: a ``session_started`` event needs an earlier agreed ``consent_recorded`` in its session.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64

_PG_FILL = r"""
CREATE FUNCTION log_event_fill() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    new_seq bigint;
    last_hash text;
    latest_outcome text;
BEGIN
    IF NEW.kind = 'session_started' THEN
        IF EXISTS (SELECT 1 FROM public.log_event e
                   WHERE e.session_uuid = NEW.session_uuid AND e.kind = 'session_started') THEN
            RAISE EXCEPTION 'session % has already started', NEW.session_uuid
                USING ERRCODE = 'check_violation';
        END IF;
        SELECT (p.payload::jsonb ->> 'outcome') INTO latest_outcome
        FROM public.log_event e LEFT JOIN public.log_payload p ON p.seq = e.seq
        WHERE e.session_uuid = NEW.session_uuid AND e.kind = 'consent_recorded'
        ORDER BY e.seq DESC LIMIT 1;
        IF latest_outcome IS DISTINCT FROM 'agreed' THEN
            RAISE EXCEPTION 'session_started needs an agreed consent_recorded event first'
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    -- The head row's lock is held until commit: writers queue here, the chain never forks.
    UPDATE public.log_chain_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash
        INTO new_seq, last_hash;
    NEW.seq := new_seq;
    NEW.actor := session_user;  -- not current_user: that is this function's owner
    NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
    NEW.prev_hash := last_hash;
    NEW.hash := encode(public.digest(convert_to(
        'v1|' || NEW.seq::text || '|' || NEW.event_uuid || '|' || NEW.session_uuid || '|'
        || NEW.kind || '|' || NEW.actor || '|' || NEW.at || '|' || NEW.payload_commitment
        || '|' || NEW.prev_hash, 'UTF8'), 'sha256'), 'hex');
    UPDATE public.log_chain_head SET hash = NEW.hash WHERE id = 1;
    RETURN NEW;
END $$
"""

_PG_GUARD = r"""
CREATE FUNCTION log_refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: the session log is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$
"""

_SQLITE_TRIGGERS = [
    """CREATE TRIGGER log_event_no_update BEFORE UPDATE ON log_event
    BEGIN SELECT RAISE(ABORT, 'UPDATE on log_event is not allowed: the log is append-only'); END""",
    """CREATE TRIGGER log_event_no_delete BEFORE DELETE ON log_event
    BEGIN SELECT RAISE(ABORT, 'DELETE on log_event is not allowed: the log is append-only'); END""",
    """CREATE TRIGGER log_payload_no_update BEFORE UPDATE ON log_payload
    BEGIN SELECT RAISE(ABORT, 'UPDATE on log_payload is not allowed'); END""",
    # BEFORE INSERT runs before OR REPLACE's conflict handling: an existing event_uuid or seq
    # is refused here, so a replace can never delete (and re-add) a chained row.
    f"""CREATE TRIGGER log_event_link BEFORE INSERT ON log_event
    BEGIN
        SELECT RAISE(ABORT, 'log_event: this event_uuid is already logged')
        WHERE EXISTS (SELECT 1 FROM log_event WHERE event_uuid = NEW.event_uuid);
        SELECT RAISE(ABORT, 'log_event: seq must follow the last event')
        WHERE NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM log_event);
        SELECT RAISE(ABORT, 'log_event: prev_hash must be the last event''s hash')
        WHERE NEW.prev_hash IS NOT coalesce(
            (SELECT hash FROM log_event ORDER BY seq DESC LIMIT 1), '{GENESIS}');
        SELECT RAISE(ABORT, 'session has already started')
        WHERE NEW.kind = 'session_started' AND EXISTS (
            SELECT 1 FROM log_event
            WHERE session_uuid = NEW.session_uuid AND kind = 'session_started');
        SELECT RAISE(ABORT, 'session_started needs an agreed consent_recorded event first')
        WHERE NEW.kind = 'session_started' AND (
            SELECT json_extract(p.payload, '$.outcome')
            FROM log_event e LEFT JOIN log_payload p ON p.seq = e.seq
            WHERE e.session_uuid = NEW.session_uuid AND e.kind = 'consent_recorded'
            ORDER BY e.seq DESC LIMIT 1) IS NOT 'agreed';
    END""",
    """CREATE TRIGGER log_event_head AFTER INSERT ON log_event
    BEGIN UPDATE log_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1; END""",
]


def upgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "log_event",
        sa.Column("seq", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("event_uuid", sa.String(36), nullable=False),
        sa.Column("session_uuid", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("at", sa.String(27), nullable=False),
        sa.Column("payload_commitment", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.CheckConstraint("seq > 0", name="seq_positive"),
        sa.CheckConstraint("length(hash) = 64 AND length(prev_hash) = 64", name="hash_len"),
        sa.CheckConstraint("length(payload_commitment) = 64", name="commitment_len"),
        sa.CheckConstraint("actor NOT LIKE '%|%'", name="actor_no_bar"),
        sa.UniqueConstraint("event_uuid"),
    )
    op.create_index("ix_log_event_session_uuid", "log_event", ["session_uuid"])
    op.create_table(
        "log_payload",
        sa.Column(
            "seq",
            sa.BigInteger(),
            sa.ForeignKey("log_event.seq"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("salt", sa.LargeBinary(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
    )
    op.create_table(
        "log_chain_head",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.CheckConstraint("id = 1", name="single_row"),
    )
    op.execute(f"INSERT INTO log_chain_head (id, seq, hash) VALUES (1, 0, '{GENESIS}')")
    if pg:
        op.execute(_PG_FILL)
        op.execute(_PG_GUARD)
        op.execute(
            "CREATE TRIGGER log_event_fill BEFORE INSERT ON log_event "
            "FOR EACH ROW EXECUTE FUNCTION log_event_fill()"
        )
        op.execute(
            "CREATE TRIGGER log_event_no_change BEFORE UPDATE OR DELETE ON log_event "
            "FOR EACH ROW EXECUTE FUNCTION log_refuse_change()"
        )
        for table in ("log_event", "log_chain_head"):
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION log_refuse_change()"
            )
        op.execute(
            "CREATE TRIGGER log_payload_no_update BEFORE UPDATE ON log_payload "
            "FOR EACH ROW EXECUTE FUNCTION log_refuse_change()"
        )
    else:
        for statement in _SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    # Dropping the log loses the audit trail: only for development databases.
    op.drop_table("log_payload")
    op.drop_table("log_chain_head")
    op.drop_table("log_event")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS log_event_fill()")
        op.execute("DROP FUNCTION IF EXISTS log_refuse_change()")
