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
HOST_KEY_INSERT = "INSERT (host, port, key_type, fingerprint_sha256, public_key)"
HOST_KEY_UPDATE = "UPDATE (approved_by, approved_at, retired_by, retired_at)"


def grants_insert(privileges: tuple[str, ...]) -> bool:
    """INSERT on the table or on some of its columns (both need the id sequence)."""
    return any(p == "INSERT" or p.startswith("INSERT (") for p in privileges)


TABLE_GRANTS: tuple[TableGrant, ...] = (
    TableGrant("alembic_version", READ, READ, READ),
    TableGrant("app_meta", READ, READ, READ),
    # Deleting customer data is erasure: admin only (and later only through the erasure service).
    TableGrant("customer", EDIT, EDIT, ALL),
    TableGrant("contact", EDIT, EDIT, ALL),
    # The sub-processor register is kept by admins; everyone reads it.
    TableGrant("sub_processor", READ, READ, ALL),
    # Host keys: anyone may pin a first key (INSERT of the key columns only; who and when are
    # set by the server). Approving and retiring (= replacing) is UPDATE, for leads and admins,
    # on those columns only. Nobody deletes: retired keys are the history.
    TableGrant(
        "host_key",
        ("SELECT", HOST_KEY_INSERT),
        ("SELECT", HOST_KEY_INSERT, HOST_KEY_UPDATE),
        ("SELECT", HOST_KEY_INSERT, HOST_KEY_UPDATE),
    ),
    # Connection settings, no secrets in them.
    TableGrant("sftp_profile", ALL, ALL, ALL),
)
