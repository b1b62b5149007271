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


def log_writer_role(prefix: str) -> str:
    """NOLOGIN owner of the log's SECURITY DEFINER trigger function; no person is a member."""
    return f"{prefix}_log_writer"


@dataclass(frozen=True)
class TableGrant:
    table: str
    agent: tuple[str, ...]
    lead: tuple[str, ...]
    admin: tuple[str, ...]
    # When set, INSERT is granted on these columns only (the server fills the others).
    insert_columns: tuple[str, ...] = ()

    def for_role(self, role: str) -> tuple[str, ...]:
        return {AGENT: self.agent, LEAD: self.lead, ADMIN: self.admin}[role]


READ = ("SELECT",)
EDIT = ("SELECT", "INSERT", "UPDATE")
ALL = ("SELECT", "INSERT", "UPDATE", "DELETE")
APPEND = ("SELECT", "INSERT")

# What the log writer's SECURITY DEFINER functions read beyond the log (setup.apply_grants).
# Migration 0008: a session may start for a customer without a signed DPA only with a reason,
# so the payload check reads that one date; column-level, so the writer sees no names.
LOG_WRITER_READS = {
    "customer": ("id", "dpa_signed_on"),
    # Migration 0017: a session_started payload naming a flagged remote tool needs a reason.
    "sub_processor": ("remote_tool", "dpa_signed_on", "status", "locations", "storage_locations"),
}

# What a client may supply for a log event; seq, actor, at, prev_hash and hash come from the
# server's trigger, so no role can even name them in an INSERT.
LOG_EVENT_CLIENT_COLUMNS = ("event_uuid", "session_uuid", "kind", "payload_commitment")

HOST_KEY_INSERT = "INSERT (host, port, key_type, fingerprint_sha256, public_key)"
HOST_KEY_UPDATE = "UPDATE (approved_by, approved_at, retired_by, retired_at)"


def _columns(privilege: str, *columns: str) -> str:
    return f"{privilege} ({', '.join(columns)})"


# Agents create customers and trials and keep names and numbers right; leads also record the
# DPA and a termination; admins also the dates of the lifecycle. INSERT names every column (the
# ORM sends NULLs), so migration 0009's customer_guard checks an insert's values by role, and
# keeps agents from terminating or reactivating.
_CUSTOMER_ALL = (
    "org_number", "name", "name_folded", "name_plain", "status", "trial_registered_on",
    "customer_since",
    "terminated_on", "hard_delete_due", "grace_period_days", "dpa_signed_on", "dpa_version",
    "dpa_reference", "version",
)  # fmt: skip
_CUSTOMER_EDIT = (
    "org_number", "name", "name_folded", "name_plain", "status", "customer_since",
)  # fmt: skip
_CUSTOMER_DPA = ("dpa_signed_on", "dpa_version", "dpa_reference")
_STAMPS = ("updated_at", "version")
CUSTOMER_AGENT = (
    "SELECT",
    _columns("INSERT", *_CUSTOMER_ALL),
    _columns("UPDATE", *_CUSTOMER_EDIT, *_STAMPS),
)
CUSTOMER_LEAD = (
    "SELECT",
    _columns("INSERT", *_CUSTOMER_ALL),
    _columns("UPDATE", *_CUSTOMER_EDIT, *_CUSTOMER_DPA, "terminated_on", *_STAMPS),
)
CUSTOMER_ADMIN = (
    "SELECT",
    _columns("INSERT", *_CUSTOMER_ALL),
    _columns(
        "UPDATE", *_CUSTOMER_EDIT, *_CUSTOMER_DPA, "trial_registered_on", "terminated_on",
        "hard_delete_due", *_STAMPS,
    ),
)  # fmt: skip
_CONTACT_FIELDS = (
    "name", "name_folded", "name_plain", "email", "email_folded", "phone", "title",
)  # fmt: skip
# A contact never moves to another customer (customer_id is not updatable).
# Migration 0016: anyone records an objection to news (Art. 21); only admins restrict a
# contact or lift a restriction (Art. 18). Nobody inserts a contact restricted.
CONTACT = (
    "SELECT",
    _columns("INSERT", "customer_id", *_CONTACT_FIELDS, "version"),
    _columns("UPDATE", *_CONTACT_FIELDS, "news_objection", *_STAMPS),
)
CONTACT_ADMIN = (
    "SELECT",
    _columns("INSERT", "customer_id", *_CONTACT_FIELDS, "version"),
    _columns("UPDATE", *_CONTACT_FIELDS, "news_objection", "restricted", *_STAMPS),
)
_PROFILE_FIELDS = (
    "customer_id",
    "name",
    "host",
    "port",
    "username",
    "auth_kind",
    "key_path",
    "remote_dir",
)
PROFILE = (
    "SELECT",
    _columns("INSERT", *_PROFILE_FIELDS, "version"),
    _columns("UPDATE", *_PROFILE_FIELDS, *_STAMPS),
)

_BREACH_COLUMNS = (
    "discovered_at", "description", "categories", "people_approx", "customers_affected",
    "measures", "imy_decision", "imy_reference", "imy_notified_on", "imy_reason",
    "notified_customers", "notified_on", "notified_count", "notified_how", "status",
    "recorded_by", "recorded_at", "closed_by", "closed_at", "version",
)  # fmt: skip
BREACH_LEAD = ("SELECT", "INSERT", _columns("UPDATE", *_BREACH_COLUMNS))

# EXECUTE on the SECURITY DEFINER functions of migration 0009 (each checks its caller too).
FUNCTION_GRANTS: dict[str, tuple[str, ...]] = {
    "public.erasure_begin()": (ADMIN,),
    "public.erasure_delete(text, bigint[])": (ADMIN,),
    "public.erasure_anonymise(bigint, jsonb)": (ADMIN,),
    "public.erasure_rewrite(text)": (ADMIN,),
    "public.erasure_rewrite_due(text)": (ADMIN,),
    # Migration 0025: log_payload's partition key default, evaluated as whoever inserts.
    "public.log_payload_customer()": (AGENT, LEAD, ADMIN),
    "public.profile_delete(bigint, integer)": (AGENT, LEAD, ADMIN),
    # Read by customer_guard, which runs as the login that writes.
    "public.bowebb_role(text)": (AGENT, LEAD, ADMIN),
    # Migration 0017: the card's sessions by index, whatever the login (only consent UUIDs,
    # which every login reads already).
    "public.customer_sessions(integer, integer)": (AGENT, LEAD, ADMIN),
    # Migration 0020: read by the agents' payload policy (one payload's answer, by seq).
    "public.payload_names_restricted(bigint)": (AGENT, LEAD, ADMIN),
}


def grants_insert(privileges: tuple[str, ...]) -> bool:
    """INSERT on the table or on some of its columns (both need the id sequence)."""
    return any(p == "INSERT" or p.startswith("INSERT (") for p in privileges)


TABLE_GRANTS: tuple[TableGrant, ...] = (
    TableGrant("alembic_version", READ, READ, READ),
    TableGrant("app_meta", READ, READ, READ),
    # The lifecycle (migration 0013): one row, read by all (the customer trigger reads it as
    # the writing login); only admins change it, and its CHECKs bound what they may set.
    TableGrant("lifecycle_setting", READ, READ, ("SELECT", "UPDATE")),
    # Customers and contacts (migration 0009): column by column, and nobody DELETEs: data
    # leaves through the erasure functions only. Every change is a chained event (trigger).
    TableGrant("customer", CUSTOMER_AGENT, CUSTOMER_LEAD, CUSTOMER_ADMIN),
    TableGrant("contact", CONTACT, CONTACT, CONTACT_ADMIN),
    # The sub-processor register is kept by admins; everyone reads it.
    TableGrant("sub_processor", READ, READ, ALL),
    TableGrant("dpa_checklist_item", READ, READ, ALL),
    TableGrant("sub_processor_evidence", READ, READ, ALL),
    TableGrant("sub_processor_change", READ, READ, ALL),
    TableGrant("sub_processor_objection", READ, READ, ALL),
    # The record of processing (migration 0017): everyone reads it, only admins keep it;
    # every change is a chained event written by the table's own trigger.
    TableGrant("processing", READ, READ, ALL),
    # The session log: append-only for everyone; no UPDATE, DELETE or TRUNCATE for any role.
    TableGrant("log_event", APPEND, APPEND, APPEND, insert_columns=LOG_EVENT_CLIENT_COLUMNS),
    # Payloads are erasable, by the erasure functions only (migration 0009).
    TableGrant("log_payload", APPEND, APPEND, APPEND),
    TableGrant("log_chain_head", READ, READ, READ),
    # Every bulk export of addresses is recorded; the record itself is never changed.
    TableGrant("notice_export", APPEND, APPEND, APPEND),
    # Host keys: anyone may pin a first key (INSERT of the key columns only; who and when are
    # set by the server). Approving and retiring (= replacing) is UPDATE, for leads and admins,
    # on those columns only. Nobody deletes: retired keys are the history.
    TableGrant(
        "host_key",
        ("SELECT", HOST_KEY_INSERT),
        ("SELECT", HOST_KEY_INSERT, HOST_KEY_UPDATE),
        ("SELECT", HOST_KEY_INSERT, HOST_KEY_UPDATE),
    ),
    # Connection settings, no secrets in them; deleted through profile_delete (recorded).
    TableGrant("sftp_profile", PROFILE, PROFILE, PROFILE),
    # Derived from the log by the log writer's trigger; row-level security (setup.py) lets
    # agents read only the sessions they ran.
    TableGrant("session_summary", READ, READ, READ),
    # Erasure (store/erasure.py, store/purge.py): anyone records a request as it comes in;
    # leads extend and forward; only admins erase (DELETE above) and issue certificates.
    # No role deletes these records.
    TableGrant("erasure_request", APPEND, EDIT, EDIT),
    TableGrant("erasure_certificate", READ, READ, APPEND),
    # Four eyes: an admin starts a purge, another lead or admin approves it (the trigger
    # checks who; see migration 0006), an admin runs it. Agents do not see purges.
    TableGrant("purge_approval", (), ("SELECT", "UPDATE"), EDIT),
    # The breach register (migration 0014): agents neither see nor record breaches; leads and
    # admins record and edit, breach_guard lets only admins close. Nobody deletes.
    # Migration 0020: leads UPDATE its columns, not the table (a table-level UPDATE would let
    # a lead LOCK the register in ACCESS EXCLUSIVE MODE and stall every reader).
    TableGrant("breach", (), BREACH_LEAD, EDIT),
)
