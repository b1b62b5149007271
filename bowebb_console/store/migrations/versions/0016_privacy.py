"""The privacy officer's desk (issue 15, items 1-3): access requests, restriction, objection.

- ``erasure_request.kind``: ``erasure`` (every existing row) or ``access`` (Art. 15). An access
  request has the same receipt date, one-month deadline and Art. 12(3) extension as an
  erasure request and shows on the same overdue list; it holds no personal data either.
- ``contact.restricted`` (Art. 18) and ``contact.news_objection`` (Art. 21, "news" notices
  only), both false by default. Neither is a tracked column of migration 0009's change
  record: setting or lifting one is logged as its own ``privacy_*`` event.
- A consent whose answering contact is restricted is refused by the database on both
  dialects: a ``BEFORE INSERT`` trigger on ``log_payload`` looks at the event's kind and the
  payload's ``contact_id``. On PostgreSQL the function is ``SECURITY DEFINER``, owned by the
  login that upgrades (the tables' owner, so row-level security does not hide the row).
- PostgreSQL: row-level security on ``contact``; the policies (store.db.setup, applied by
  ``db init``/``db upgrade`` with the role names) hide restricted contacts from agents.
- PostgreSQL: ``erasure_request_guard`` keeps a request's kind, and lets a lead or admin close
  an access request as done only when its answer was logged in the same transaction.
- PostgreSQL: ``log_event_fill`` accepts the ``privacy_*`` kinds (its unknown-kind check is
  widened in place, read back from the server, so the function's other rules stay as the
  migrations before this one left them).

Revision ID: 0016
Revises: 0011 (the lead re-chains)
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_PATH = "SET search_path = pg_catalog, public, pg_temp"

_UNKNOWN_CHECK = "IF NOT (NEW.kind IN ('consent_recorded',"
_PRIVACY_KINDS = "IF NOT (NEW.kind LIKE 'privacy\\_%' OR NEW.kind IN ('consent_recorded',"

_PG_CONSENT_GUARD = rf"""
CREATE FUNCTION public.privacy_consent_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    who text;
BEGIN
    IF EXISTS (SELECT 1 FROM public.log_event e
               WHERE e.seq = NEW.seq AND e.kind = 'consent_recorded') THEN
        who := NEW.payload::jsonb ->> 'contact_id';
        IF who IS NOT NULL AND EXISTS (SELECT 1 FROM public.contact c
                                       WHERE c.id::text = who AND c.restricted) THEN
            RAISE EXCEPTION 'contact % is restricted: no consent may be recorded for them', who
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END $$
"""

_SQLITE_CONSENT_GUARD = """
CREATE TRIGGER privacy_consent_guard BEFORE INSERT ON log_payload
WHEN (SELECT e.kind FROM log_event e WHERE e.seq = NEW.seq) = 'consent_recorded'
 AND EXISTS (SELECT 1 FROM contact c
             WHERE c.id = json_extract(NEW.payload, '$.contact_id') AND c.restricted)
BEGIN
    SELECT RAISE(ABORT, 'contact is restricted: no consent may be recorded for them');
END
"""


# erasure_request_guard (0008): the kind never changes, and an access request is done when
# its answer (the exports' hashes) was logged in the same transaction, by a lead or admin.
_CLOSING_CHECK = (
    "    IF NEW.status IS NOT DISTINCT FROM OLD.status AND NEW.outcome IS NOT DISTINCT FROM "
    "OLD.outcome\n"
)
_ACCESS_RULES = """    IF NEW.kind IS DISTINCT FROM OLD.kind THEN
        RAISE EXCEPTION 'a request keeps its kind' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.kind = 'access' AND OLD.status = 'open' AND NEW.status = 'done' THEN
        IF NOT (pg_catalog.pg_has_role(session_user, prefix || '_lead', 'MEMBER')
                OR pg_catalog.pg_has_role(session_user, prefix || '_admin', 'MEMBER'))
           OR NOT EXISTS (SELECT 1 FROM public.log_event e
                          JOIN public.log_payload p ON p.seq = e.seq
                          WHERE e.kind = 'privacy_access_answered'
                          AND p.payload::jsonb ->> 'reference' = OLD.reference
                          AND e.xmin = pg_catalog.pg_current_xact_id()::xid) THEN
            RAISE EXCEPTION 'an access request is done only by its logged answer (a lead or admin)'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
"""


def _definition(function: str) -> str:
    return str(
        op.get_bind()
        .execute(sa.text(f"SELECT pg_get_functiondef('{function}'::regprocedure)"))
        .scalar_one()
    )


def _fill_definition() -> str:
    return _definition("public.log_event_fill()")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    # Plain ADD COLUMN on both dialects: a batch copy of the tables would drop SQLite's
    # triggers (search index, change record) on contact.
    op.execute(
        "ALTER TABLE erasure_request ADD COLUMN kind VARCHAR(10) DEFAULT 'erasure' NOT NULL "
        "CONSTRAINT ck_erasure_request_kind CHECK (kind IN ('erasure', 'access'))"
    )
    for column in ("restricted", "news_objection"):
        op.execute(f"ALTER TABLE contact ADD COLUMN {column} BOOLEAN DEFAULT false NOT NULL")
    if dialect == "postgresql":
        op.execute(_PG_CONSENT_GUARD)
        op.execute("REVOKE ALL ON FUNCTION public.privacy_consent_guard() FROM PUBLIC")
        op.execute(
            "CREATE TRIGGER privacy_consent_guard BEFORE INSERT ON log_payload "
            "FOR EACH ROW EXECUTE FUNCTION public.privacy_consent_guard()"
        )
        op.execute("ALTER TABLE contact ENABLE ROW LEVEL SECURITY")
        fill = _fill_definition()
        assert fill.count(_UNKNOWN_CHECK) == 1, "log_event_fill's kind check changed: update 0016"
        op.execute(fill.replace(_UNKNOWN_CHECK, _PRIVACY_KINDS))
        guard = _definition("public.erasure_request_guard()")
        assert guard.count(_CLOSING_CHECK) == 1, "erasure_request_guard changed: update 0016"
        op.execute(guard.replace(_CLOSING_CHECK, _ACCESS_RULES + _CLOSING_CHECK))
    else:
        op.execute(_SQLITE_CONSENT_GUARD)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        fill = _fill_definition()
        if _PRIVACY_KINDS in fill:
            op.execute(fill.replace(_PRIVACY_KINDS, _UNKNOWN_CHECK))
        guard = _definition("public.erasure_request_guard()")
        if _ACCESS_RULES in guard:
            op.execute(guard.replace(_ACCESS_RULES, ""))
        op.execute("ALTER TABLE contact DISABLE ROW LEVEL SECURITY")
        for policy in ("contact_agent", "contact_agent_insert", "contact_agent_update"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON contact")
        op.execute("DROP POLICY IF EXISTS contact_all ON contact")
        op.execute("DROP TRIGGER IF EXISTS privacy_consent_guard ON log_payload")
        op.execute("DROP FUNCTION IF EXISTS public.privacy_consent_guard()")
    else:
        op.execute("DROP TRIGGER IF EXISTS privacy_consent_guard")
    for column in ("news_objection", "restricted"):
        op.execute(f"ALTER TABLE contact DROP COLUMN {column}")
    if dialect == "postgresql":
        op.execute("ALTER TABLE erasure_request DROP CONSTRAINT ck_erasure_request_kind")
    op.execute("ALTER TABLE erasure_request DROP COLUMN kind")
