"""Team-lead review: a derived ``session_summary`` table, and only leads may add reviews.

Revision ID: 0007
Revises: 0005
Create Date: 2026-11-26

``session_summary`` holds one row per session, DERIVED from the session log (the log stays
the only source of truth): a trigger on ``log_payload`` insert folds each event into its
session's row (the payload is written right after its event, in the same transaction, so the
trigger sees both). ``store.review.rebuild_summaries`` recomputes the whole table from the log
in Python; a test checks that rebuild and trigger agree. Erasing a payload clears its
session's ``search_text`` (the copy of free text), so erasure reaches the derived copy too.

PostgreSQL: ``session_summary_apply`` is SECURITY DEFINER, handed to the NOLOGIN log-writer
role by setup.apply_grants (which also creates the row-level-security policies: agents read
only the summaries of sessions they ran, and no payload of a review or review export; leads
and admins read all). ``log_event_fill`` is replaced with
the same body plus one rule: a ``review_added`` event needs a lead or admin ``session_user``.
SQLite is single-user (admin), so it has no such check.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FILL_HEAD = r"""
CREATE OR REPLACE FUNCTION log_event_fill() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    new_seq bigint;
    last_hash text;
    latest_outcome text;
    prefix text;
BEGIN
    IF NEW.kind = 'review_added' THEN
        SELECT coalesce(max(value), 'bowebb') INTO prefix FROM public.app_meta
        WHERE key = 'role_prefix';
        IF NOT EXISTS (SELECT 1 FROM pg_roles r
                       WHERE r.rolname IN (prefix || '_lead', prefix || '_admin')
                       AND pg_has_role(session_user, r.oid, 'MEMBER')) THEN
            RAISE EXCEPTION 'only team leads and admins may add a review'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
"""

# Everything after the new rule is 0002's body, unchanged.
_FILL_REST = r"""
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

_OLD_FILL_HEAD = r"""
CREATE OR REPLACE FUNCTION log_event_fill() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    new_seq bigint;
    last_hash text;
    latest_outcome text;
BEGIN"""

# One event folded into its session's row; the same rules as store.review.fold_event.
_PG_APPLY = r"""
CREATE FUNCTION session_summary_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    e record;
    p jsonb := NEW.payload::jsonb;
BEGIN
    SELECT seq, session_uuid, kind, actor, at INTO e FROM public.log_event WHERE seq = NEW.seq;
    IF e.kind = 'consent_recorded' THEN
        INSERT INTO public.session_summary AS s (
            session_uuid, first_seq, last_seq, opened_at, agent, consent_actor, customer_id,
            session_kind, channel, consent_outcome, state, search_text)
        VALUES (e.session_uuid, e.seq, e.seq, e.at, e.actor, e.actor,
            (p ->> 'customer_id')::integer, p ->> 'session_kind', p ->> 'channel',
            p ->> 'outcome',
            CASE WHEN p ->> 'outcome' = 'agreed' THEN 'consented' ELSE 'refused' END,
            coalesce(p ->> 'purpose', ''))
        ON CONFLICT (session_uuid) DO UPDATE SET
            last_seq = EXCLUDED.last_seq,
            consent_actor = EXCLUDED.consent_actor,
            agent = CASE WHEN s.started_at IS NULL THEN EXCLUDED.agent ELSE s.agent END,
            customer_id = EXCLUDED.customer_id,
            session_kind = EXCLUDED.session_kind,
            channel = EXCLUDED.channel,
            consent_outcome = EXCLUDED.consent_outcome,
            state = CASE WHEN s.state IN ('consented', 'refused') THEN EXCLUDED.state
                         ELSE s.state END,
            search_text = s.search_text || E'\n' || EXCLUDED.search_text;
    ELSIF e.kind = 'session_started' THEN
        UPDATE public.session_summary SET last_seq = e.seq, started_at = e.at, agent = e.actor,
            state = 'open', dpa_missing = (p ? 'dpa_missing_reason')
        WHERE session_uuid = e.session_uuid;
    ELSIF e.kind = 'note_added' THEN
        UPDATE public.session_summary SET last_seq = e.seq, notes = notes + 1,
            search_text = search_text || E'\n' || coalesce(p ->> 'note', '')
        WHERE session_uuid = e.session_uuid;
    ELSIF e.kind = 'file_transferred' THEN
        -- Only complete, verified files count (a failure is logged too, with its reason).
        UPDATE public.session_summary SET last_seq = e.seq,
            files = files + CASE WHEN coalesce(p ->> 'status', 'ok') = 'ok' THEN 1 ELSE 0 END,
            bytes = bytes + CASE WHEN coalesce(p ->> 'status', 'ok') = 'ok'
                                 THEN coalesce((p ->> 'size')::bigint, 0) ELSE 0 END
        WHERE session_uuid = e.session_uuid;
    ELSIF e.kind IN ('session_ended', 'session_ended_late') THEN
        UPDATE public.session_summary SET last_seq = e.seq, ended_at = e.at,
            state = CASE WHEN e.kind = 'session_ended' THEN 'ended' ELSE 'ended_late' END,
            outcome = p ->> 'outcome',
            duration_s = CASE WHEN started_at IS NULL THEN NULL ELSE greatest(0, floor(
                extract(epoch FROM (e.at::timestamptz - started_at::timestamptz))))::integer END,
            search_text = search_text || E'\n' || coalesce(p ->> 'summary', '')
        WHERE session_uuid = e.session_uuid;
    ELSIF e.kind = 'review_added' THEN
        UPDATE public.session_summary SET last_seq = e.seq,
            reviewed = (p ->> 'action' = 'reviewed'), followup = (p ->> 'action' = 'flagged'),
            reviews = reviews + 1, last_reviewer = e.actor, last_review_at = e.at,
            search_text = search_text || E'\n' || coalesce(p ->> 'comment', '')
        WHERE session_uuid = e.session_uuid;
    END IF;
    RETURN NULL;
END $$
"""

_PG_ERASED = r"""
CREATE FUNCTION session_summary_erased() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    UPDATE public.session_summary SET search_text = ''
    WHERE session_uuid = (SELECT session_uuid FROM public.log_event WHERE seq = OLD.seq);
    RETURN NULL;
END $$
"""


def _sqlite_triggers() -> list[str]:
    ev = "(SELECT {col} FROM log_event WHERE seq = NEW.seq)"
    kind, at, actor = ev.format(col="kind"), ev.format(col="at"), ev.format(col="actor")
    su = ev.format(col="session_uuid")
    p = "json_extract(NEW.payload, '$.{}')"
    ok = f"coalesce({p.format('status')}, 'ok') = 'ok'"  # failed transfers do not count
    # Whole seconds between two canonical `at` texts, exactly (julianday is a float). The
    # fraction is cut off before strftime: SQLite rounds it to milliseconds, so .9996 s would
    # otherwise count as the next second.
    dur = (
        "max(0, (strftime('%s', substr({end}, 1, 19)) - strftime('%s', substr({start}, 1, 19)))"
        " * 1000000"
        " + CAST(substr({end}, 21, 6) AS INTEGER) - CAST(substr({start}, 21, 6) AS INTEGER))"
        " / 1000000"
    ).format(end=at, start="started_at")
    return [
        f"""CREATE TRIGGER session_summary_apply AFTER INSERT ON log_payload
        BEGIN
            INSERT INTO session_summary (session_uuid, first_seq, last_seq, opened_at, agent,
                consent_actor, customer_id, session_kind, channel, consent_outcome, state,
                search_text)
            SELECT e.session_uuid, e.seq, e.seq, e.at, e.actor, e.actor,
                {p.format("customer_id")}, {p.format("session_kind")}, {p.format("channel")},
                {p.format("outcome")},
                CASE WHEN {p.format("outcome")} = 'agreed' THEN 'consented' ELSE 'refused' END,
                coalesce({p.format("purpose")}, '')
            FROM log_event e WHERE e.seq = NEW.seq AND e.kind = 'consent_recorded'
            ON CONFLICT (session_uuid) DO UPDATE SET
                last_seq = excluded.last_seq,
                consent_actor = excluded.consent_actor,
                agent = CASE WHEN started_at IS NULL THEN excluded.agent ELSE agent END,
                customer_id = excluded.customer_id,
                session_kind = excluded.session_kind,
                channel = excluded.channel,
                consent_outcome = excluded.consent_outcome,
                state = CASE WHEN state IN ('consented', 'refused') THEN excluded.state
                             ELSE state END,
                search_text = search_text || char(10) || excluded.search_text;
            UPDATE session_summary SET last_seq = NEW.seq, started_at = {at}, agent = {actor},
                state = 'open',
                dpa_missing = json_type(NEW.payload, '$.dpa_missing_reason') IS NOT NULL
            WHERE session_uuid = {su} AND {kind} = 'session_started';
            UPDATE session_summary SET last_seq = NEW.seq, notes = notes + 1,
                search_text = search_text || char(10) || coalesce({p.format("note")}, '')
            WHERE session_uuid = {su} AND {kind} = 'note_added';
            UPDATE session_summary SET last_seq = NEW.seq,
                files = files + ({ok}),
                bytes = bytes + CASE WHEN {ok} THEN coalesce({p.format("size")}, 0) ELSE 0 END
            WHERE session_uuid = {su} AND {kind} = 'file_transferred';
            UPDATE session_summary SET last_seq = NEW.seq, ended_at = {at},
                state = CASE WHEN {kind} = 'session_ended' THEN 'ended' ELSE 'ended_late' END,
                outcome = {p.format("outcome")},
                duration_s = CASE WHEN started_at IS NULL THEN NULL ELSE {dur} END,
                search_text = search_text || char(10) || coalesce({p.format("summary")}, '')
            WHERE session_uuid = {su} AND {kind} IN ('session_ended', 'session_ended_late');
            UPDATE session_summary SET last_seq = NEW.seq,
                reviewed = coalesce({p.format("action")} = 'reviewed', 0),
                followup = coalesce({p.format("action")} = 'flagged', 0),
                reviews = reviews + 1, last_reviewer = {actor}, last_review_at = {at},
                search_text = search_text || char(10) || coalesce({p.format("comment")}, '')
            WHERE session_uuid = {su} AND {kind} = 'review_added';
        END""",
        """CREATE TRIGGER session_summary_erased AFTER DELETE ON log_payload
        BEGIN
            UPDATE session_summary SET search_text = ''
            WHERE session_uuid = (SELECT session_uuid FROM log_event WHERE seq = OLD.seq);
        END""",
    ]


def _replace_fill(body: str) -> None:
    """CREATE OR REPLACE keeps the function's owner (the log writer); a non-superuser joins
    that role for the moment of the replacement only."""
    bind = op.get_bind()
    owner = bind.execute(
        sa.text("SELECT proowner::regrole::text FROM pg_proc WHERE proname = 'log_event_fill'")
    ).scalar()
    me, superuser = bind.execute(
        sa.text("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
    ).one()
    join = owner is not None and owner.strip('"') != me and not superuser
    if join:
        op.execute(f"GRANT {owner} TO current_user")
    op.execute(body)
    if join:
        op.execute(f"REVOKE {owner} FROM current_user")


def upgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "session_summary",
        sa.Column("session_uuid", sa.String(36), primary_key=True),
        sa.Column("first_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("opened_at", sa.String(27), nullable=False),
        sa.Column("agent", sa.String(128), nullable=False),
        sa.Column("consent_actor", sa.String(128), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("session_kind", sa.String(40), nullable=True),
        sa.Column("channel", sa.String(20), nullable=True),
        sa.Column("consent_outcome", sa.String(20), nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("started_at", sa.String(27), nullable=True),
        sa.Column("ended_at", sa.String(27), nullable=True),
        sa.Column("duration_s", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(40), nullable=True),
        sa.Column("notes", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("files", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("bytes", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("dpa_missing", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("reviewed", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("followup", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("reviews", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_reviewer", sa.String(128), nullable=True),
        sa.Column("last_review_at", sa.String(27), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False, server_default=""),
    )
    # Keyset pagination: every sort is (column, first_seq); the common ones are indexed.
    op.create_index("ix_session_summary_first_seq", "session_summary", ["first_seq"], unique=True)
    op.create_index("ix_session_summary_opened", "session_summary", ["opened_at", "first_seq"])
    op.create_index("ix_session_summary_agent", "session_summary", ["agent", "opened_at"])
    op.create_index("ix_session_summary_customer", "session_summary", ["customer_id", "opened_at"])
    op.create_index("ix_session_summary_reviewed", "session_summary", ["reviewed", "opened_at"])
    if pg:
        op.execute(
            "CREATE INDEX ix_session_summary_text_trgm ON session_summary "
            "USING gin (search_text gin_trgm_ops)"
        )
        _replace_fill(_FILL_HEAD + _FILL_REST)
        op.execute(_PG_APPLY)
        op.execute(_PG_ERASED)
        op.execute(
            "CREATE TRIGGER session_summary_apply AFTER INSERT ON log_payload "
            "FOR EACH ROW EXECUTE FUNCTION session_summary_apply()"
        )
        op.execute(
            "CREATE TRIGGER session_summary_erased AFTER DELETE ON log_payload "
            "FOR EACH ROW EXECUTE FUNCTION session_summary_erased()"
        )
        # No policy yet: nobody but the owner reads a row until setup.apply_grants adds them.
        op.execute("ALTER TABLE session_summary ENABLE ROW LEVEL SECURITY")
        op.execute("ALTER TABLE log_payload ENABLE ROW LEVEL SECURITY")
    else:
        for statement in _sqlite_triggers():
            op.execute(statement)
    # Sessions logged before this revision: fold the existing log in once.
    from bowebb_console.store.review.fold import rebuild_summaries

    rebuild_summaries(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS session_summary_apply ON log_payload")
        op.execute("DROP TRIGGER IF EXISTS session_summary_erased ON log_payload")
        op.execute("DROP FUNCTION IF EXISTS session_summary_apply()")
        op.execute("DROP FUNCTION IF EXISTS session_summary_erased()")
        _replace_fill(_OLD_FILL_HEAD + _FILL_REST)
        for policy in ("payload_agent", "payload_insert", "payload_all"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON log_payload")
        op.execute("ALTER TABLE log_payload DISABLE ROW LEVEL SECURITY")
    else:
        op.execute("DROP TRIGGER IF EXISTS session_summary_apply")
        op.execute("DROP TRIGGER IF EXISTS session_summary_erased")
    op.drop_table("session_summary")
