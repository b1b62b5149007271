"""No index on a contact's e-mail as typed (issue 17: imports).

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-07

``ix_contact_email`` (migration 0001) indexed ``contact.email`` as typed. Nothing reads
through it: the search and the person erasure look addresses up by ``email_folded`` (its own
prefix and trigram indexes), and the one look-up by the typed address, a customer's contacts
with this address (store.customers.edit), goes through ``ix_contact_customer_id``. It was one
more copy of every address (16 MB at 300,000 contacts on SQLite) that every new or changed
contact wrote and every bulk import built again (measured: 0.4 s of a 300,000-row SQLite
import). Both dialects; a downgrade builds it again.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0030"
down_revision: str | None = "0029"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_contact_email", table_name="contact")


def downgrade() -> None:
    op.create_index("ix_contact_email", "contact", ["email"])
