"""Hardening after an attacker's audit of migrations 0012-0019 (tests/store/security/
test_new_tables.py). PostgreSQL only; SQLite is single-user.

- ``log_event_fill``: migration 0016 accepted every ``privacy_*`` kind from every login, so
  an agent could log "restriction lifted" or "access request answered" that never happened.
  The kinds are now listed one by one (a made-up ``privacy_*`` kind is unknown) and have role
  rules like the others: restricting, lifting and rectifying from admins, answering an access
  request from team leads and admins; objections stay everyone's (patched by its live text).
- ``privacy_consent_guard`` (0016) compared the payload's ``contact_id`` as text with the
  contact's id, so ``12.0`` or ``"012"`` slipped a consent of restricted contact 12 past it.
  A consent's ``contact_id`` must now be a JSON whole number (or absent/null), compared as a
  number.
- ``payload_names_restricted(seq)``: SECURITY DEFINER helper of the agents' payload policy
  (store.db.setup): the change record's before/after values of a restricted contact and the
  reasons of the ``privacy_*`` events about them were readable by agents in ``log_payload``
  although the contact itself is hidden from them (Art. 18). It answers for one payload only
  (what an agent can tell anyway: the row is missing) and reads contact ids defensively (a
  hostile payload cannot make it fail).
- ``breach`` and ``contact.restricted``/``news_objection``: a lead's or admin's plain
  ``UPDATE`` changed them with no chained event (the store always logs one; psql did not).
  Deferred constraint triggers now refuse the COMMIT unless this transaction logged the
  matching event naming the row: ``breach_recorded`` for a new breach, ``breach_closed`` for
  closing, ``breach_changed`` (or closed) for any other change; ``privacy_restricted`` /
  ``privacy_restriction_lifted`` and ``privacy_objection_recorded`` / ``_withdrawn`` for the
  contact's flags. The log writer's head-row lock is held to commit, so this transaction's
  events are the tail of the chain: the check reads it backwards by primary key and stops at
  the first event of another transaction.
- ``breach``: its personal text columns (description, categories, customers affected,
  measures, notified customers ...) gather no value statistics (SET STATISTICS 0), like the
  erasable tables in 0019; statistics gathered before are removed when run as a superuser.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_PATH = "SET search_path = pg_catalog, public, pg_temp"

PRIVACY_KINDS = (
    "privacy_access_answered",
    "privacy_restricted",
    "privacy_restriction_lifted",
    "privacy_objection_recorded",
    "privacy_objection_withdrawn",
    "privacy_rectified",
)
_ANY_PRIVACY = "NEW.kind LIKE 'privacy\\_%'"
_LISTED_PRIVACY = "NEW.kind IN (" + ", ".join(f"'{k}'" for k in PRIVACY_KINDS) + ")"
_KIND_CHECK = "    IF NOT (" + _LISTED_PRIVACY
_PRIVACY_RULES = """    -- 0020: only the roles that may do what a privacy event records may log it.
    IF NEW.kind IN ('privacy_restricted', 'privacy_restriction_lifted', 'privacy_rectified')
       AND NOT is_admin THEN
        RAISE EXCEPTION 'only admins may log %', NEW.kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.kind = 'privacy_access_answered' AND NOT is_lead THEN
        RAISE EXCEPTION 'only team leads and admins may log %', NEW.kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
"""

_OLD_CONSENT_WHO = """        who := NEW.payload::jsonb ->> 'contact_id';
        IF who IS NOT NULL AND EXISTS (SELECT 1 FROM public.contact c
                                       WHERE c.id::text = who AND c.restricted) THEN"""
_NEW_CONSENT_WHO = """        who := NEW.payload::jsonb ->> 'contact_id';
        -- 0020: a whole JSON number, compared as a number (12.0 and "012" are not 12's way
        -- around the restriction).
        IF pg_catalog.jsonb_typeof(NEW.payload::jsonb -> 'contact_id') NOT IN ('number', 'null')
           OR (pg_catalog.jsonb_typeof(NEW.payload::jsonb -> 'contact_id') = 'number'
               AND who::numeric <> pg_catalog.trunc(who::numeric)) THEN
            RAISE EXCEPTION 'a consent names its contact by id' USING ERRCODE = 'check_violation';
        END IF;
        IF pg_catalog.jsonb_typeof(NEW.payload::jsonb -> 'contact_id') = 'number'
           AND EXISTS (SELECT 1 FROM public.contact c
                       WHERE c.id = who::numeric AND c.restricted) THEN"""

PAYLOAD_NAMES_RESTRICTED = rf"""
CREATE FUNCTION public.payload_names_restricted(p_seq bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER {SEARCH_PATH} AS $$
    SELECT EXISTS (
        SELECT 1
        FROM (SELECT p.payload::jsonb AS j FROM public.log_payload p WHERE p.seq = p_seq) AS x,
        LATERAL (
            SELECT x.j ->> 'contact_id' AS id
            UNION ALL
            SELECT e.id FROM pg_catalog.jsonb_array_elements_text(
                CASE WHEN pg_catalog.jsonb_typeof(x.j -> 'contact_ids') = 'array'
                     THEN x.j -> 'contact_ids' ELSE '[]'::jsonb END) AS e(id)
        ) AS ids,
        public.contact c
        WHERE c.id = CASE WHEN ids.id ~ '^[0-9]{{1,18}}$' THEN ids.id::bigint END
          AND c.restricted)
$$
"""

# This transaction's events: the tail of the chain (the head row's lock is held to commit).
_TAIL_LOOP = """FOR ev IN SELECT e.seq, e.kind, e.xmin AS x FROM public.log_event e
          ORDER BY e.seq DESC LOOP
    EXIT WHEN ev.x <> pg_catalog.pg_current_xact_id()::xid;
    IF ev.kind = ANY(kinds) AND EXISTS (
           SELECT 1 FROM public.log_payload p WHERE p.seq = ev.seq
           AND p.payload::jsonb ->> '{key}' = NEW.id::text) THEN
        RETURN NULL;
    END IF;
END LOOP;
RAISE EXCEPTION '{what} % changes only with its chained event (%) in this transaction',
    NEW.id, kinds[1] USING ERRCODE = 'insufficient_privilege';
"""


def _tail(key: str, what: str, indent: int) -> str:
    """Return when this transaction logged one of ``kinds`` naming the row; else refuse."""
    body = _TAIL_LOOP.format(key=key, what=what)
    return "".join(" " * indent + line + "\n" for line in body.splitlines())


PG_BREACH_LOGGED = (
    f"""
CREATE FUNCTION public.breach_logged() RETURNS trigger
LANGUAGE plpgsql {SEARCH_PATH} AS $$
DECLARE
    ev record;
    kinds text[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        kinds := ARRAY['breach_recorded'];
    ELSIF NEW.status = 'closed' AND OLD.status IS DISTINCT FROM 'closed' THEN
        kinds := ARRAY['breach_closed'];
    ELSE
        kinds := ARRAY['breach_changed', 'breach_closed'];
    END IF;
"""
    + _tail("breach_id", "breach", 4)
    + "END $$\n"
)

PG_CONTACT_PRIVACY_LOGGED = (
    f"""
CREATE FUNCTION public.contact_privacy_logged() RETURNS trigger
LANGUAGE plpgsql {SEARCH_PATH} AS $$
DECLARE
    ev record;
    kinds text[];
BEGIN
    -- (the trigger's WHEN: restricted or news_objection changed)
    IF NEW.restricted IS DISTINCT FROM OLD.restricted THEN
        kinds := ARRAY[CASE WHEN NEW.restricted THEN 'privacy_restricted'
                            ELSE 'privacy_restriction_lifted' END];
        IF NEW.news_objection IS DISTINCT FROM OLD.news_objection THEN
            RAISE EXCEPTION 'restriction and objection change in separate statements'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSE
        kinds := ARRAY[CASE WHEN NEW.news_objection THEN 'privacy_objection_recorded'
                            ELSE 'privacy_objection_withdrawn' END];
    END IF;
"""
    + _tail("contact_id", "contact", 4)
    + "END $$\n"
)


# The breach register's free texts (0014): about people, never in the planner's statistics.
BREACH_TEXT = (
    "description",
    "categories",
    "customers_affected",
    "measures",
    "imy_reference",
    "imy_reason",
    "notified_customers",
    "notified_how",
    "recorded_by",
    "closed_by",
)

# The agents' payload policy before this revision (store.db.setup, 0007/0016), for the
# downgrade: the helper cannot be dropped while the policy uses it.
_OLD_PAYLOAD_AGENT = (
    "CREATE POLICY payload_agent ON log_payload FOR SELECT TO {agent} USING (NOT EXISTS ("
    "SELECT 1 FROM log_event e WHERE e.seq = log_payload.seq "
    "AND e.kind IN ('review_added', 'review_exported')))"
)


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"bowebb_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _definition(function: str) -> str:
    return str(
        op.get_bind()
        .execute(sa.text(f"SELECT pg_get_functiondef('{function}'::regprocedure)"))
        .scalar_one()
    )


def _statistics(target: int) -> None:
    superuser = bool(
        op.get_bind()
        .execute(sa.text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
        .scalar()
    )
    for column in BREACH_TEXT:
        op.execute(f"ALTER TABLE public.breach ALTER COLUMN {column} SET STATISTICS {target}")
    if superuser and target == 0:
        op.get_bind().execute(
            sa.text(
                "DELETE FROM pg_catalog.pg_statistic WHERE starelid = 'public.breach'::regclass "
                "AND staattnum IN (SELECT a.attnum FROM pg_catalog.pg_attribute a WHERE "
                "a.attrelid = 'public.breach'::regclass AND a.attname = ANY(:cols))"
            ),
            {"cols": list(BREACH_TEXT)},
        )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    m9 = _migration("0009_records.py")
    fill = _definition("public.log_event_fill()")
    check = "    IF NOT (" + _ANY_PRIVACY
    assert fill.count(check) == 1, "log_event_fill's kind check changed: update 0020"
    fill = fill.replace(check, _PRIVACY_RULES + check).replace(_ANY_PRIVACY, _LISTED_PRIVACY)
    m9._as_owner_of("log_event_fill", fill)

    guard = _definition("public.privacy_consent_guard()")
    assert guard.count(_OLD_CONSENT_WHO) == 1, "privacy_consent_guard changed: update 0020"
    op.execute(guard.replace(_OLD_CONSENT_WHO, _NEW_CONSENT_WHO))

    op.execute(PAYLOAD_NAMES_RESTRICTED)
    op.execute("REVOKE ALL ON FUNCTION public.payload_names_restricted(bigint) FROM PUBLIC")
    _statistics(0)
    op.execute(PG_BREACH_LOGGED)
    op.execute(
        "CREATE CONSTRAINT TRIGGER breach_logged AFTER INSERT OR UPDATE ON breach "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.breach_logged()"
    )
    op.execute(PG_CONTACT_PRIVACY_LOGGED)
    op.execute(
        "CREATE CONSTRAINT TRIGGER contact_privacy_logged AFTER UPDATE OF restricted, "
        "news_objection ON contact DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
        "WHEN (NEW.restricted IS DISTINCT FROM OLD.restricted "
        "OR NEW.news_objection IS DISTINCT FROM OLD.news_objection) "
        "EXECUTE FUNCTION public.contact_privacy_logged()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS contact_privacy_logged ON contact")
    op.execute("DROP FUNCTION IF EXISTS public.contact_privacy_logged()")
    op.execute("DROP TRIGGER IF EXISTS breach_logged ON breach")
    op.execute("DROP FUNCTION IF EXISTS public.breach_logged()")
    _statistics(-1)
    prefix = (
        op.get_bind()
        .execute(sa.text("SELECT value FROM app_meta WHERE key = 'role_prefix'"))
        .scalar()
    )
    # Only where roles were set up (a database migrated without init_database has none).
    had_policy = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT 1 FROM pg_policies WHERE tablename = 'log_payload' "
                "AND policyname = 'payload_agent'"
            )
        )
        .first()
        is not None
    )
    op.execute("DROP POLICY IF EXISTS payload_agent ON log_payload")
    if had_policy:
        op.execute(_OLD_PAYLOAD_AGENT.format(agent=f'"{prefix or "bowebb"}_agent"'))
    op.execute("DROP FUNCTION IF EXISTS public.payload_names_restricted(bigint)")
    guard = _definition("public.privacy_consent_guard()")
    if _NEW_CONSENT_WHO in guard:
        op.execute(guard.replace(_NEW_CONSENT_WHO, _OLD_CONSENT_WHO))
    fill = _definition("public.log_event_fill()")
    if _PRIVACY_RULES in fill:
        fill = fill.replace(_PRIVACY_RULES, "").replace(_LISTED_PRIVACY, _ANY_PRIVACY)
        _migration("0009_records.py")._as_owner_of("log_event_fill", fill)
