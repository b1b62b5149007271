"""The customer card's sessions by index for every login (issue 18, item 15).

Migration 0015's expression index ``ix_log_payload_customer`` finds a customer's consents,
but only for a login the row-level security of ``log_payload`` does not apply to: for an
agent, PostgreSQL must check the payload policy before any condition that uses a function it
cannot prove leak-proof (the ``::jsonb`` cast), so it scanned every consent in the log (about
3 s with a million events, measured as an agent). ``customer_sessions(customer, limit)``
runs the same query as the tables' owner (SECURITY DEFINER, fixed search_path, qualified
names) and returns only what every login may read already: the session UUIDs of that
customer's consents, newest first (an agent reads every consent payload; the policy hides
only review events). EXECUTE goes to the three group roles (store/db/grants.py).

SQLite has no row-level security: the store keeps querying there directly.

Revision ID: 0017
Revises: 0016 (the lead re-chains)
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION = r"""
CREATE FUNCTION customer_sessions(p_customer integer, p_limit integer)
RETURNS TABLE (session_uuid text, last_seq bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT e.session_uuid::text, max(e.seq)
    FROM public.log_event e JOIN public.log_payload p ON p.seq = e.seq
    WHERE e.kind = 'consent_recorded'
      AND ((p.payload)::jsonb ->> 'customer_id') = p_customer::text
    GROUP BY e.session_uuid
    ORDER BY max(e.seq) DESC
    LIMIT least(greatest(p_limit, 0), 1000)
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    op.execute("REVOKE ALL ON FUNCTION customer_sessions(integer, integer) FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS customer_sessions(integer, integer)")
