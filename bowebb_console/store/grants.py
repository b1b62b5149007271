"""Who may do what, as data: the PostgreSQL GRANTs for the three group roles.

The database is the security boundary (DESIGN.md): desktop clients connect directly, so the
server refuses what a role may not do. Later migrations add their tables here. Applying is
idempotent: every privilege is revoked and granted again.
"""

from __future__ import annotations

from dataclasses import dataclass

AGENT, LEAD, ADMIN = "agent", "lead", "admin"
ROLES = (AGENT, LEAD, ADMIN)
DEFAULT_PREFIX = "bowebb"


def group_role(prefix: str, role: str) -> str:
    return f"{prefix}_{role}"


@dataclass(frozen=True)
class TableGrant:
    table: str
    agent: tuple[str, ...]
    lead: tuple[str, ...]
    admin: tuple[str, ...]

    def for_role(self, role: str) -> tuple[str, ...]:
        return {AGENT: self.agent, LEAD: self.lead, ADMIN: self.admin}[role]


READ = ("SELECT",)
EDIT = ("SELECT", "INSERT", "UPDATE")
ALL = ("SELECT", "INSERT", "UPDATE", "DELETE")
RECORD = ("SELECT", "INSERT")  # append-only records: nobody rewrites or removes them

TABLE_GRANTS: tuple[TableGrant, ...] = (
    TableGrant("alembic_version", READ, READ, READ),
    TableGrant("app_meta", READ, READ, READ),
    # Deleting customer data is erasure: admin only (and later only through the erasure service).
    TableGrant("customer", EDIT, EDIT, ALL),
    TableGrant("contact", EDIT, EDIT, ALL),
    # The sub-processor register is kept by admins; everyone reads it.
    TableGrant("sub_processor", READ, READ, ALL),
    # Every bulk export of addresses is recorded; the record itself is never changed.
    TableGrant("notice_export", RECORD, RECORD, RECORD),
)
