"""The database is the boundary (issue 13): what one hostile login could still do, refused.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-06

PostgreSQL (docs/security.md lists what each part answers):
- ``log_payload_check`` (BEFORE INSERT on log_payload, SECURITY DEFINER, owned by the log
  writer): a payload goes in only in the transaction that wrote its event (the event row's
  ``xmin`` is this transaction), by that event's writer, and only when SHA-256(salt ‖ payload)
  is the event's ``payload_commitment``. An erased payload can therefore never come back,
  and a junk payload can never break the log. A ``session_started`` payload for a customer
  with no signed DPA must carry ``dpa_missing_reason``; the constraint trigger
  ``log_event_payload_due`` (deferred to COMMIT) makes sure such an event has its payload.
- ``log_event_fill`` gets a role rule per event kind and session ownership: only the login
  that recorded a session's first consent writes into it (leads/admins review it, or end it
  late); notes, tools, ends and files only into a started, not ended session; files only
  under an agreed file-transfer consent with an allowed purpose; unknown kinds are refused.
- CHECK constraints on every chained field of log_event (kind, UUIDs, at, hex fields, actor).
- Every trigger function gets ``search_path = pg_catalog, public, pg_temp`` and qualified
  names (0004's host_key_guard and 0006's purge_approval_guard read app_meta and pg_roles
  unqualified: a temporary table could stand in for them).
- ``erasure_request_guard``: a request is recorded open; it closes as done only with the
  certificate issued in the same transaction, by an admin, and as forwarded only by a lead
  or admin naming the customer; a closed request never changes its status or outcome.
- Personal columns keep no values in pg_stats (SET STATISTICS 0, old statistics dropped).
SQLite (single user: integrity only): the same field checks as a trigger, and a payload goes
in only for the newest event and only when it matches that event's commitment (the
``bowebb_commitment`` function is registered by store.db.engine on every connection).
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_PATH = "SET search_path = pg_catalog, public, pg_temp"


def _migration(name: str) -> ModuleType:
    """An earlier migration's module: its function bodies are reused, not copied."""
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"bowebb_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


UUID_RE = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
HEX64_RE = "^[0-9a-f]{64}$"
# Item 6: every chained field; ``|`` can then appear in none, so no bytes move between them.
PG_CHECKS = {
    "kind_format": "kind ~ '^[a-z_]{1,40}$'",
    "event_uuid_format": f"event_uuid ~ '{UUID_RE}'",
    "session_uuid_format": f"session_uuid ~ '{UUID_RE}'",
    "at_format": r"at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'",
    "hex_format": f"payload_commitment ~ '{HEX64_RE}' AND prev_hash ~ '{HEX64_RE}' "
    f"AND hash ~ '{HEX64_RE}'",
    "actor_format": r"actor <> '' AND actor !~ '[|\r\n]'",
}

_UUID_GLOB = "-".join("[0-9a-f]" * n for n in (8, 4, 4, 4, 12))
_HEX_GLOB = "[0-9a-f]" * 64
_AT_GLOB = "[0-9]" * 4 + "-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]." + "[0-9]" * 6
_SQLITE_FIELDS = f"""CREATE TRIGGER log_event_fields BEFORE INSERT ON log_event
BEGIN
    SELECT RAISE(ABORT, 'log_event: a chained field is malformed') WHERE (
        length(NEW.kind) BETWEEN 1 AND 40 AND NEW.kind NOT GLOB '*[^a-z_]*'
        AND NEW.event_uuid GLOB '{_UUID_GLOB}' AND NEW.session_uuid GLOB '{_UUID_GLOB}'
        AND NEW.at GLOB '{_AT_GLOB}Z'
        AND NEW.payload_commitment GLOB '{_HEX_GLOB}' AND NEW.prev_hash GLOB '{_HEX_GLOB}'
        AND NEW.hash GLOB '{_HEX_GLOB}'
        AND length(NEW.actor) > 0 AND instr(NEW.actor, '|') = 0
        AND instr(NEW.actor, char(10)) = 0 AND instr(NEW.actor, char(13)) = 0
    ) IS NOT 1;
END"""
_SQLITE_PAYLOAD = """CREATE TRIGGER log_payload_check BEFORE INSERT ON log_payload
BEGIN
    SELECT RAISE(ABORT, 'log_payload: a payload is written only with the newest event')
    WHERE NEW.seq IS NOT (SELECT max(seq) FROM log_event);
    SELECT RAISE(ABORT, 'log_payload: the payload does not match its event''s commitment')
    WHERE bowebb_commitment(NEW.salt, NEW.payload)
        IS NOT (SELECT payload_commitment FROM log_event WHERE seq = NEW.seq);
    SELECT RAISE(ABORT, 'log_payload: a payload is a JSON object')
    WHERE json_valid(NEW.payload) = 0 OR json_type(NEW.payload) IS NOT 'object';
END"""

# Items 1, 2 and 5 (the DPA reason, which is in the started event's own payload).
_PG_PAYLOAD_CHECK = rf"""
CREATE FUNCTION public.log_payload_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    e record;
    customer integer;
    signed date;
BEGIN
    SELECT ev.xmin AS x, ev.actor, ev.kind, ev.session_uuid, ev.payload_commitment INTO e
    FROM public.log_event ev WHERE ev.seq = NEW.seq;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'a payload needs its event' USING ERRCODE = 'foreign_key_violation';
    END IF;
    -- Visible and written by this very transaction: never a later one (an erased payload
    -- put back), never another writer's.
    IF NOT (e.x = pg_catalog.pg_current_xact_id()::xid) THEN
        RAISE EXCEPTION 'a payload is written only together with its event'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF e.actor <> session_user THEN
        RAISE EXCEPTION 'only the writer of event % may write its payload', NEW.seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF pg_catalog.encode(public.digest(NEW.salt || pg_catalog.convert_to(NEW.payload, 'UTF8'),
            'sha256'), 'hex') <> e.payload_commitment THEN
        RAISE EXCEPTION 'the payload does not match the commitment of event %', NEW.seq
            USING ERRCODE = 'check_violation';
    END IF;
    IF e.kind = 'session_started' THEN
        SELECT (p.payload::jsonb ->> 'customer_id')::integer INTO customer
        FROM public.log_event c JOIN public.log_payload p ON p.seq = c.seq
        WHERE c.session_uuid = e.session_uuid AND c.kind = 'consent_recorded'
        ORDER BY c.seq DESC LIMIT 1;
        SELECT k.dpa_signed_on INTO signed FROM public.customer k WHERE k.id = customer;
        IF signed IS NULL AND pg_catalog.btrim(
                coalesce(NEW.payload::jsonb ->> 'dpa_missing_reason', '')) = '' THEN
            RAISE EXCEPTION 'the customer has no signed DPA: starting needs a reason'
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END $$
"""

_PG_PAYLOAD_DUE = rf"""
CREATE FUNCTION public.log_event_payload_due() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.log_payload p WHERE p.seq = NEW.seq) THEN
        RAISE EXCEPTION 'a % event needs its payload in the same transaction', NEW.kind
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$
"""

# Items 3, 4 and 5: who may write which kind, and into which session. 0007's body follows.
_FILL_RULES = rf"""
CREATE OR REPLACE FUNCTION public.log_event_fill() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    new_seq bigint;
    last_hash text;
    latest_outcome text;
    prefix text;
    is_admin boolean;
    is_lead boolean;
    owner text;
    started boolean;
    ended boolean;
    consent jsonb;
    last_event_at text;
    last_event_hash text;
BEGIN
    -- The roles are looked up only for the kinds whose rule needs them (most events don't).
    IF NEW.kind NOT IN ('consent_recorded', 'session_started', 'note_added', 'tool_recorded',
                        'session_ended', 'file_transferred', 'host_key_pinned') THEN
        SELECT coalesce(max(m.value), 'bowebb') INTO prefix FROM public.app_meta m
        WHERE m.key = 'role_prefix';
        is_admin := EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                            WHERE r.rolname = prefix || '_admin'
                            AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'));
        is_lead := is_admin OR EXISTS (
            SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = prefix || '_lead'
            AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'));
    END IF;
    IF NEW.kind IN ('consent_recorded', 'session_started', 'note_added', 'tool_recorded',
                    'session_ended', 'session_ended_late', 'file_transferred',
                    'review_added') THEN
        -- The session's owner: whoever recorded its first consent.
        SELECT e.actor INTO owner FROM public.log_event e
        WHERE e.session_uuid = NEW.session_uuid AND e.kind = 'consent_recorded'
        ORDER BY e.seq LIMIT 1;
        started := EXISTS (SELECT 1 FROM public.log_event e
                           WHERE e.session_uuid = NEW.session_uuid
                           AND e.kind = 'session_started');
        ended := EXISTS (SELECT 1 FROM public.log_event e
                         WHERE e.session_uuid = NEW.session_uuid
                         AND e.kind IN ('session_ended', 'session_ended_late'));
        -- A step of a session goes only into a started, not ended one; a note with no
        -- session at all (no consent) stays an orphan no list shows; a file never does.
        IF NEW.kind NOT IN ('consent_recorded', 'session_started', 'review_added')
           AND (owner IS NOT NULL OR NEW.kind = 'file_transferred') THEN
            IF owner IS NULL THEN
                RAISE EXCEPTION 'session % does not exist', NEW.session_uuid
                    USING ERRCODE = 'check_violation';
            ELSIF NOT started THEN
                RAISE EXCEPTION 'session % has not started', NEW.session_uuid
                    USING ERRCODE = 'check_violation';
            ELSIF ended THEN
                RAISE EXCEPTION 'session % has ended', NEW.session_uuid
                    USING ERRCODE = 'check_violation';
            END IF;
        END IF;
        IF NEW.kind = 'review_added' THEN
            IF owner IS NULL THEN
                RAISE EXCEPTION 'session % does not exist', NEW.session_uuid
                    USING ERRCODE = 'check_violation';
            END IF;
        ELSIF owner IS NOT NULL AND owner <> session_user
              AND NOT (NEW.kind = 'session_ended_late' AND is_lead) THEN
            RAISE EXCEPTION 'session % belongs to %: only they may write into it',
                NEW.session_uuid, owner USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.kind = 'file_transferred' THEN
            SELECT p.payload::jsonb INTO consent
            FROM public.log_event e LEFT JOIN public.log_payload p ON p.seq = e.seq
            WHERE e.session_uuid = NEW.session_uuid AND e.kind = 'consent_recorded'
            ORDER BY e.seq DESC LIMIT 1;
            IF consent IS NULL OR consent ->> 'outcome' IS DISTINCT FROM 'agreed'
               OR consent ->> 'session_kind' IS DISTINCT FROM 'file_transfer'
               OR consent ->> 'scope' IS DISTINCT FROM 'file_transfer'
               OR coalesce(consent ->> 'purpose_kind', '') NOT IN ('purchased_service', 'support')
               OR pg_catalog.btrim(coalesce(consent ->> 'purpose_reference', '')) = '' THEN
                RAISE EXCEPTION 'session % has no agreed file-transfer consent for a purpose',
                    NEW.session_uuid USING ERRCODE = 'check_violation';
            END IF;
        END IF;
    END IF;
    IF NEW.kind IN ('review_added', 'review_exported', 'erasure_forwarded',
                    'host_key_approved', 'host_key_replaced') AND NOT is_lead THEN
        RAISE EXCEPTION 'only team leads and admins may log %', NEW.kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW.kind = 'erasure_performed' OR NEW.kind LIKE 'purge\_%'
        OR NEW.kind LIKE 'register\_%' OR NEW.kind LIKE 'checklist\_%'
        OR NEW.kind LIKE 'evidence\_%') AND NOT is_admin THEN
        RAISE EXCEPTION 'only admins may log %', NEW.kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT (NEW.kind IN ('consent_recorded', 'session_started', 'note_added', 'tool_recorded',
                         'session_ended', 'session_ended_late', 'file_transferred',
                         'review_added', 'review_exported', 'erasure_performed',
                         'erasure_forwarded', 'erasure_guidance_given', 'host_key_pinned',
                         'host_key_approved', 'host_key_replaced')
            OR NEW.kind LIKE 'purge\_%' OR NEW.kind LIKE 'register\_%'
            OR NEW.kind LIKE 'checklist\_%' OR NEW.kind LIKE 'evidence\_%') THEN
        RAISE EXCEPTION 'unknown event kind %', NEW.kind USING ERRCODE = 'check_violation';
    END IF;
"""

# Item 7 (prevention; verify-log detects it too): the head row must describe the last event,
# and an event is never dated before the one it follows (a clock stepped back would otherwise
# look like tampering to verify-log).
_OLD_AT = (
    "    NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', "
    '\'YYYY-MM-DD"T"HH24:MI:SS.US"Z"\');'
)
_NEW_AT = """    SELECT e.at, e.hash INTO last_event_at, last_event_hash
    FROM public.log_event e WHERE e.seq = new_seq - 1;
    IF last_hash IS DISTINCT FROM coalesce(last_event_hash,
                                           CASE WHEN new_seq = 1 THEN repeat('0', 64) END) THEN
        RAISE EXCEPTION 'the chain head does not match the last event; run verify-log'
            USING ERRCODE = 'data_corrupted';
    END IF;
    NEW.at := greatest(
        to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        last_event_at);"""


def _fill_rest(rest: str) -> str:
    assert _OLD_AT in rest, "0007's chain part changed: update 0008"
    return rest.replace(_OLD_AT, _NEW_AT)


# Item 8: a payload is a JSON object (review-rebuild and every reader expect one).
_PAYLOAD_OBJECT = "json_typeof(payload::json) = 'object'"


# Item 10.
_PG_ERASURE_GUARD = rf"""
CREATE FUNCTION public.erasure_request_guard() RETURNS trigger
LANGUAGE plpgsql {SEARCH_PATH} AS $$
DECLARE
    prefix text;
BEGIN
    SELECT coalesce(max(m.value), 'bowebb') INTO prefix FROM public.app_meta m
    WHERE m.key = 'role_prefix';
    IF TG_OP = 'INSERT' THEN
        IF NEW.status IS DISTINCT FROM 'open' OR NEW.outcome IS NOT NULL
           OR NEW.closed_on IS NOT NULL OR NEW.forwarded_customer_id IS NOT NULL
           OR NEW.forwarded_on IS NOT NULL THEN
            RAISE EXCEPTION 'an erasure request is recorded open; it closes by its erasure'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.reference IS DISTINCT FROM OLD.reference
       OR NEW.received_on IS DISTINCT FROM OLD.received_on THEN
        RAISE EXCEPTION 'an erasure request keeps its reference and receipt date'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.status IS NOT DISTINCT FROM OLD.status AND NEW.outcome IS NOT DISTINCT FROM OLD.outcome
       AND NEW.closed_on IS NOT DISTINCT FROM OLD.closed_on
       AND NEW.forwarded_customer_id IS NOT DISTINCT FROM OLD.forwarded_customer_id
       AND NEW.forwarded_on IS NOT DISTINCT FROM OLD.forwarded_on THEN
        RETURN NEW;  -- an extension, an identity check: not a closing
    END IF;
    IF OLD.status <> 'open' THEN
        RAISE EXCEPTION 'erasure request % is closed', OLD.reference
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.status = 'done' THEN
        -- The erasure issues the certificate in the same transaction (admins only).
        IF NOT pg_catalog.pg_has_role(session_user, prefix || '_admin', 'MEMBER')
           OR NOT EXISTS (SELECT 1 FROM public.erasure_certificate c
                          WHERE c.reference = OLD.reference
                          AND c.xmin = pg_catalog.pg_current_xact_id()::xid) THEN
            RAISE EXCEPTION 'a request is done only by its erasure, with its certificate'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF NEW.status = 'forwarded' THEN
        IF NOT (pg_catalog.pg_has_role(session_user, prefix || '_lead', 'MEMBER')
                OR pg_catalog.pg_has_role(session_user, prefix || '_admin', 'MEMBER'))
           OR NEW.forwarded_on IS NULL THEN
            RAISE EXCEPTION 'a lead or admin forwards a request'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSE
        RAISE EXCEPTION 'an erasure request cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$
"""

# Item 14: columns that hold personal data (names, addresses, numbers, free text).
PERSONAL_COLUMNS = {
    "contact": ("name", "name_folded", "email", "email_folded", "phone", "title"),
    "sftp_profile": ("host", "username", "key_path", "remote_dir"),
    "log_payload": ("payload",),
    "session_summary": ("search_text",),
}
# Item 9: trigger functions that needed no reads but had no fixed search_path.
PLAIN_FUNCTIONS = (
    "notice_export_actor",
    "dpa_checklist_item_actor",
    "sub_processor_evidence_actor",
)


def _qualified_host_key_guard(body: str) -> str:
    return (
        body.replace(
            "CREATE OR REPLACE FUNCTION host_key_guard() RETURNS trigger\nLANGUAGE plpgsql AS",
            f"CREATE OR REPLACE FUNCTION public.host_key_guard() RETURNS trigger\n"
            f"LANGUAGE plpgsql {SEARCH_PATH} AS",
        )
        .replace("FROM app_meta", "FROM public.app_meta")
        .replace("FROM pg_roles", "FROM pg_catalog.pg_roles")
        .replace("pg_has_role(", "pg_catalog.pg_has_role(")
    )


def _qualified_purge_guard(body: str) -> str:
    return (
        body.replace(
            "CREATE FUNCTION purge_approval_guard() RETURNS trigger LANGUAGE plpgsql AS",
            "CREATE OR REPLACE FUNCTION public.purge_approval_guard() RETURNS trigger "
            f"LANGUAGE plpgsql {SEARCH_PATH} AS",
        )
        .replace("FROM app_meta", "FROM public.app_meta")
        .replace("pg_has_role(", "pg_catalog.pg_has_role(")
    )


def _forget_statistics(table: str, column: str, target: int) -> None:
    """SET STATISTICS; then a same-type ALTER (no rewrite) drops the values gathered so far."""
    op.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" SET STATISTICS {target}')
    if target == 0:
        type_ = (
            op.get_bind()
            .execute(
                sa.text(
                    "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                    "WHERE a.attrelid = CAST(:t AS regclass) AND a.attname = :c"
                ),
                {"t": table, "c": column},
            )
            .scalar_one()
        )
        op.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE {type_}')


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute(_SQLITE_FIELDS)
        op.execute(_SQLITE_PAYLOAD)
        return
    review = _migration("0007_review.py")
    for name, check in PG_CHECKS.items():
        op.execute(f"ALTER TABLE log_event ADD CONSTRAINT ck_log_event_{name} CHECK ({check})")
    # The kind rules look up a session's consent, start and end: one index probe each.
    op.execute("CREATE INDEX ix_log_event_session_kind ON log_event (session_uuid, kind, seq)")
    review._replace_fill(_FILL_RULES + _fill_rest(review._FILL_REST))
    op.execute(
        f"ALTER TABLE log_payload ADD CONSTRAINT ck_log_payload_object CHECK ({_PAYLOAD_OBJECT})"
    )
    op.execute(_PG_PAYLOAD_CHECK)
    op.execute(_PG_PAYLOAD_DUE)
    op.execute(
        "CREATE TRIGGER log_payload_check BEFORE INSERT ON log_payload "
        "FOR EACH ROW EXECUTE FUNCTION public.log_payload_check()"
    )
    op.execute(
        "CREATE CONSTRAINT TRIGGER log_event_payload_due AFTER INSERT ON log_event "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.kind = 'session_started') "
        "EXECUTE FUNCTION public.log_event_payload_due()"
    )
    op.execute(_qualified_host_key_guard(_migration("0004_sftp.py")._TRIGGER_FN))
    op.execute(_qualified_purge_guard(_migration("0006_erasure.py")._PG_GUARD))
    for function in PLAIN_FUNCTIONS:
        op.execute(f"ALTER FUNCTION public.{function}() {SEARCH_PATH}")
    op.execute(_PG_ERASURE_GUARD)
    op.execute(
        "CREATE TRIGGER erasure_request_guard BEFORE INSERT OR UPDATE ON erasure_request "
        "FOR EACH ROW EXECUTE FUNCTION public.erasure_request_guard()"
    )
    for table, columns in PERSONAL_COLUMNS.items():
        for column in columns:
            _forget_statistics(table, column, 0)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TRIGGER IF EXISTS log_payload_check")
        op.execute("DROP TRIGGER IF EXISTS log_event_fields")
        return
    review = _migration("0007_review.py")
    for table, columns in PERSONAL_COLUMNS.items():
        for column in columns:
            _forget_statistics(table, column, -1)
    op.execute("DROP TRIGGER IF EXISTS erasure_request_guard ON erasure_request")
    op.execute("DROP FUNCTION IF EXISTS public.erasure_request_guard()")
    for function in PLAIN_FUNCTIONS:
        op.execute(f"ALTER FUNCTION public.{function}() RESET search_path")
    old_purge = _migration("0006_erasure.py")._PG_GUARD
    op.execute(old_purge.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    op.execute(_migration("0004_sftp.py")._TRIGGER_FN)
    op.execute("DROP TRIGGER IF EXISTS log_event_payload_due ON log_event")
    op.execute("DROP TRIGGER IF EXISTS log_payload_check ON log_payload")
    op.execute("DROP FUNCTION IF EXISTS public.log_event_payload_due()")
    op.execute("DROP FUNCTION IF EXISTS public.log_payload_check()")
    review._replace_fill(review._FILL_HEAD + review._FILL_REST)
    op.execute("ALTER TABLE log_payload DROP CONSTRAINT IF EXISTS ck_log_payload_object")
    op.execute("DROP INDEX IF EXISTS ix_log_event_session_kind")
    for name in PG_CHECKS:
        op.execute(f"ALTER TABLE log_event DROP CONSTRAINT IF EXISTS ck_log_event_{name}")
