"""Session lists at scale: the customer card and the Sessions screen read by index (issue 18).

With a million log events the card's "Recent support sessions" and the Sessions screen's "Your
open sessions" scanned the log. Two indexes let them read only what they show:

- ``ix_log_payload_customer``: the customer id inside a payload (an expression index:
  ``(payload::jsonb ->> 'customer_id')`` on PostgreSQL, ``json_extract(payload,
  '$.customer_id')`` on SQLite). The card finds a customer's consents through it. It holds
  customer ids only, no personal data, and an erased payload takes its entry with it.
- ``ix_session_summary_open``: ``session_summary (agent, state)``: an agent's open sessions.
  (``session_summary`` is derived from the log by triggers, migration 0007; on PostgreSQL an
  agent reads only their own rows, which is exactly this list.)

Revision ID: 0015
Revises: 0011 (the lead re-chains)
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_log_payload_customer ON log_payload "
            "(((payload)::jsonb ->> 'customer_id'))"
        )
    else:
        op.execute(
            "CREATE INDEX ix_log_payload_customer ON log_payload "
            "(json_extract(payload, '$.customer_id'))"
        )
    op.execute("CREATE INDEX ix_session_summary_open ON session_summary (agent, state)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_session_summary_open")
    op.execute("DROP INDEX ix_log_payload_customer")
