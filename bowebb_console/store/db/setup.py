"""Setting up a database: schema, and on PostgreSQL the group roles and their GRANTs.

``init_database`` is what ``bowebb-console db init`` runs; re-running it is safe. It needs a
PostgreSQL login that may create roles (CREATEROLE or superuser) and owns the database.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, insert, inspect, select, text
from sqlalchemy.exc import DBAPIError

from bowebb_console.domain.errors import ShownError
from bowebb_console.store.db import schema
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.grants import (
    DEFAULT_PREFIX,
    FUNCTION_GRANTS,
    LOG_EVENT_CLIENT_COLUMNS,
    LOG_WRITER_READS,
    ROLES,
    TABLE_GRANTS,
    grants_insert,
    group_role,
    log_writer_role,
)
from bowebb_console.store.models import AppMeta

ROLE_PREFIX_KEY = "role_prefix"
# SECURITY DEFINER trigger functions owned by the NOLOGIN log-writer role.
LOG_WRITER_FUNCTIONS = (
    "log_event_fill",
    "session_summary_apply",
    "session_summary_erased",
    # Migration 0008: a payload only with its event, matching its commitment.
    "log_payload_check",
    "log_event_payload_due",
    # Migration 0009: every change to customers, contacts and profiles is a chained event.
    "record_change",
)
IDLE_IN_TRANSACTION_TIMEOUT = "60s"
# Migration 0010: who blocks whom, and ending such a session (SECURITY DEFINER, owned by the
# NOLOGIN session guard). Every group may call them: each function checks the caller's role
# itself and refuses with a SQLSTATE of its own, which reads better than "permission denied".
SESSION_GUARD_FUNCTIONS = (
    "public.bowebb_blockers_of(integer)",
    "public.bowebb_blockers()",
    "public.bowebb_end_backend(integer)",
)
# What the guard needs: every session's state (ordinary logins see only their own) and the
# right to end a non-superuser's session.
SESSION_GUARD_ROLES = ("pg_read_all_stats", "pg_signal_backend")

log = logging.getLogger(__name__)


def session_guard_role(prefix: str) -> str:
    """NOLOGIN owner of the blocker functions (migration 0010); no person is a member."""
    return f"{prefix}_session_guard"


class SetupError(ShownError):
    """``db init``/``db upgrade`` cannot go on; ``code`` is ``setup.<why>``."""


def _check_prefix(prefix: str) -> None:
    if not prefix.isidentifier() or not prefix.islower() or len(prefix) > 40:
        raise SetupError(
            "setup.bad_prefix",
            "The role prefix must be lower-case letters, digits and underscores.",
        )


def init_database(
    url: str, *, role_prefix: str = DEFAULT_PREFIX, password: str | None = None
) -> str:
    """Create or complete a BoWebb database; returns the schema revision now in force."""
    _check_prefix(role_prefix)
    engine = make_engine(url, password=password)
    try:
        # Refused before anything is made: roles are the whole server's, and a refused init
        # must not leave another prefix's group roles behind.
        with engine.connect() as conn:
            if inspect(conn).has_table(AppMeta.__tablename__):
                _refuse_other_prefix(_recorded_prefix(conn), role_prefix)
        if engine.dialect.name == "postgresql":
            _create_group_roles(engine, role_prefix)
        schema.upgrade(engine)
        with engine.begin() as conn:
            _record_prefix(conn, role_prefix)
            if conn.dialect.name == "postgresql":
                apply_grants(conn, role_prefix)
            return schema.current_revision(conn) or ""
    finally:
        engine.dispose()


def upgrade_database(url: str, *, password: str | None = None) -> str:
    """``db upgrade``: migrate to head and re-apply the GRANTs for any new tables."""
    engine = make_engine(url, password=password)
    try:
        with engine.connect() as conn:
            if schema.schema_state(conn) is schema.SchemaState.MISSING:
                raise SetupError(
                    "setup.not_initialised",
                    "This database is not set up yet: run `bowebb-console db init`.",
                )
            if schema.schema_state(conn) is schema.SchemaState.NEWER:
                raise SetupError(
                    "setup.schema_newer",
                    "The database schema is newer than this app: update the app.",
                )
        schema.upgrade(engine)
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                apply_grants(conn, role_prefix(conn))
            return schema.current_revision(conn) or ""
    finally:
        engine.dispose()


def role_prefix(conn: Connection) -> str:
    return _recorded_prefix(conn) or DEFAULT_PREFIX


def _recorded_prefix(conn: Connection) -> str | None:
    return conn.execute(select(AppMeta.value).where(AppMeta.key == ROLE_PREFIX_KEY)).scalar()


def _record_prefix(conn: Connection, prefix: str) -> None:
    existing = _recorded_prefix(conn)
    if existing is None:
        conn.execute(insert(AppMeta).values(key=ROLE_PREFIX_KEY, value=prefix))
    _refuse_other_prefix(existing, prefix)


def _refuse_other_prefix(existing: str | None, prefix: str) -> None:
    if existing is not None and existing != prefix:
        raise SetupError(
            "setup.prefix_mismatch",
            f"This database was initialised with role prefix {existing!r}, not {prefix!r}.",
            {"existing": existing, "prefix": prefix},
        )


def _create_group_roles(engine: Engine, prefix: str) -> None:
    with engine.begin() as conn:
        names = [group_role(prefix, role) for role in ROLES] + [log_writer_role(prefix)]
        for name in names:
            exists = conn.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}
            ).scalar()
            if not exists:
                conn.execute(text(f'CREATE ROLE "{name}" NOLOGIN'))


def apply_grants(conn: Connection, prefix: str) -> None:
    """Revoke everything from PUBLIC and the groups, then grant exactly TABLE_GRANTS."""
    groups = [group_role(prefix, r) for r in ROLES]
    quoted = ", ".join(f'"{g}"' for g in groups)
    db = conn.execute(text("SELECT current_database()")).scalar()
    conn.execute(text(f'REVOKE ALL ON DATABASE "{db}" FROM PUBLIC'))
    conn.execute(text(f'GRANT CONNECT, TEMPORARY ON DATABASE "{db}" TO {quoted}'))
    # A frozen client must not hold locks (the log's chain head) for long.
    conn.execute(
        text(
            f'ALTER DATABASE "{db}" SET idle_in_transaction_session_timeout = '
            f"'{IDLE_IN_TRANSACTION_TIMEOUT}'"
        )
    )
    conn.execute(text("REVOKE ALL ON SCHEMA public FROM PUBLIC"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {quoted}"))
    conn.execute(text("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC"))
    conn.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {quoted}"))
    conn.execute(text(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {quoted}"))
    # Every function the setting-up login may grant on (a superuser: all of them). A
    # non-superuser does not own the NOLOGIN roles' functions once handed over; those were
    # revoked before, and re-running db init or db upgrade must not fail on them.
    conn.execute(
        text(
            "DO $$ DECLARE f regprocedure; BEGIN FOR f IN SELECT p.oid::regprocedure "
            "FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace "
            "AND pg_has_role(current_user, p.proowner, 'USAGE') LOOP "
            "EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f); END LOOP; END $$"
        )
    )
    # Search ranks fuzzy candidates by pg_trgm's similarity() (store/customers/search.py): a
    # pure function of its two arguments, the one extension function the groups may call.
    if conn.execute(text("SELECT to_regprocedure('public.similarity(text, text)')")).scalar():
        conn.execute(text(f"GRANT EXECUTE ON FUNCTION public.similarity(text, text) TO {quoted}"))
    for grant in TABLE_GRANTS:
        for role in ROLES:
            privileges = grant.for_role(role)
            if not privileges:
                continue
            group = group_role(prefix, role)
            plain = [
                _column_update(conn, grant.table) if p == "UPDATE" else p
                for p in privileges
                if not (p == "INSERT" and grant.insert_columns)
            ]
            if plain:
                conn.execute(text(f'GRANT {", ".join(plain)} ON "{grant.table}" TO "{group}"'))
            if len(plain) < len(privileges):
                columns = ", ".join(f'"{c}"' for c in grant.insert_columns)
                conn.execute(text(f'GRANT INSERT ({columns}) ON "{grant.table}" TO "{group}"'))
            if grants_insert(privileges):
                seq = conn.execute(
                    text(
                        "SELECT pg_get_serial_sequence(:t, 'id') FROM information_schema.columns"
                        " WHERE table_schema = 'public' AND table_name = :t AND column_name = 'id'"
                    ),
                    {"t": grant.table},
                ).scalar()
                if seq:
                    conn.execute(text(f'GRANT USAGE, SELECT ON SEQUENCE {seq} TO "{group}"'))
    for function, roles in FUNCTION_GRANTS.items():
        if _exists(conn, function):
            to = ", ".join(f'"{group_role(prefix, r)}"' for r in roles)
            conn.execute(text(f"GRANT EXECUTE ON FUNCTION {function} TO {to}"))
    _grant_log_writer(conn, prefix)
    _grant_session_guard(conn, prefix)
    _review_policies(conn, prefix)


def _exists(conn: Connection, function: str) -> bool:
    found = conn.execute(text("SELECT to_regprocedure(:f)"), {"f": function}).scalar()
    return found is not None


def _column_update(conn: Connection, table: str) -> str:
    """UPDATE on every column but the id, named one by one: the same rights as a table-level
    UPDATE, except that column privileges allow no LOCK TABLE stronger than ROW EXCLUSIVE, so
    no login can stop everyone else's reads (issue 13, item 11)."""
    columns = conn.execute(
        text(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND table_name = :t AND column_name <> 'id' ORDER BY ordinal_position"
        ),
        {"t": table},
    ).scalars()
    return f"UPDATE ({', '.join(chr(34) + c + chr(34) for c in columns)})"


def _grant_log_writer(conn: Connection, prefix: str) -> None:
    """Hand the log's SECURITY DEFINER trigger function to the NOLOGIN log-writer role, with
    just what the function needs (it runs with its owner's rights)."""
    writer = log_writer_role(prefix)
    conn.execute(text(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{writer}"'))
    conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{writer}"'))
    conn.execute(text(f'GRANT SELECT, UPDATE ON log_chain_head TO "{writer}"'))
    conn.execute(text(f'GRANT SELECT ON log_event, log_payload TO "{writer}"'))
    # Migration 0009: record_change writes the change events itself, and reads and marks the
    # erasure marker (an erasure's deletes are not recorded as changes).
    client_columns = ", ".join(f'"{c}"' for c in LOG_EVENT_CLIENT_COLUMNS)
    if _exists(conn, "public.record_change()"):
        conn.execute(text(f'GRANT INSERT ({client_columns}) ON log_event TO "{writer}"'))
        conn.execute(text(f'GRANT INSERT ON log_payload TO "{writer}"'))
        conn.execute(text(f'GRANT SELECT, UPDATE ON erasure_xact TO "{writer}"'))
        for function in (
            "public.gen_random_bytes(integer)",
            "public.change_row(text, jsonb, jsonb, text[])",
            "public.bowebb_own_row(xid)",
        ):
            conn.execute(text(f'GRANT EXECUTE ON FUNCTION {function} TO "{writer}"'))
    conn.execute(text(f'GRANT EXECUTE ON FUNCTION public.digest(bytea, text) TO "{writer}"'))
    # Migration 0025: record_change's payloads take log_payload's partition key default.
    if _exists(conn, "public.log_payload_customer()"):
        conn.execute(text(f'GRANT EXECUTE ON FUNCTION public.log_payload_customer() TO "{writer}"'))
    # Review (migration 0007): the role check reads the prefix; the summary is kept by it.
    conn.execute(text(f'GRANT SELECT ON app_meta TO "{writer}"'))
    conn.execute(text(f'GRANT SELECT, INSERT, UPDATE ON session_summary TO "{writer}"'))
    for table, columns in LOG_WRITER_READS.items():
        listed = ", ".join(f'"{c}"' for c in columns)
        conn.execute(text(f'GRANT SELECT ({listed}) ON "{table}" TO "{writer}"'))
    for function in LOG_WRITER_FUNCTIONS:
        _give_function(conn, function, writer)


def _grant_session_guard(conn: Connection, prefix: str) -> None:
    """Create the session guard if missing, give it the blocker functions and what they need
    (``pg_read_all_stats``, ``pg_signal_backend``), and let the groups call them. A login
    that may not grant those two (a CREATEROLE owner on PostgreSQL 16+ without ADMIN on
    them) leaves a warning: listing then still names the logins, and ending says which
    GRANT a superuser has to run."""
    guard = session_guard_role(prefix)
    if not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": guard}).scalar():
        conn.execute(text(f'CREATE ROLE "{guard}" NOLOGIN'))
    conn.execute(text(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{guard}"'))
    conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{guard}"'))
    conn.execute(text(f'GRANT SELECT ON app_meta TO "{guard}"'))
    for predefined in SESSION_GUARD_ROLES:
        held = conn.execute(
            text("SELECT pg_has_role(:g, :r, 'MEMBER')"), {"g": guard, "r": predefined}
        ).scalar()
        if held:
            continue
        try:
            with conn.begin_nested():
                conn.execute(text(f'GRANT {predefined} TO "{guard}"'))
        except DBAPIError:
            log.warning("could not grant %s to %s: a superuser must", predefined, guard)
    groups = ", ".join(f'"{group_role(prefix, r)}"' for r in ROLES)
    for function in SESSION_GUARD_FUNCTIONS:
        _give_function(conn, function, guard)
        with _member_of(conn, guard):  # the owner's right to grant, for the moment
            conn.execute(text(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC"))
            conn.execute(text(f"GRANT EXECUTE ON FUNCTION {function} TO {groups}"))


@contextmanager
def _member_of(conn: Connection, role: str) -> Iterator[None]:
    """A non-superuser setting up joins ``role`` for the block only (no person stays one)."""
    superuser = conn.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not superuser:
        conn.execute(text(f'GRANT "{role}" TO current_user'))
    yield
    if not superuser:
        conn.execute(text(f'REVOKE "{role}" FROM current_user'))


def _give_function(conn: Connection, function: str, writer: str) -> None:
    """Make ``writer`` the owner of ``function`` (a trigger function's name, or a full
    ``schema.name(argument types)`` signature)."""
    signature = function if "(" in function else f"{function}()"
    owner = conn.execute(
        text("SELECT proowner::regrole::text FROM pg_proc WHERE oid = to_regprocedure(:f)"),
        {"f": signature},
    ).scalar()
    if owner is not None and owner.strip('"') != writer:
        superuser = conn.execute(
            text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        ).scalar()
        # A non-superuser may only give an object to a role it belongs to, and only to one
        # that may create in the function's schema: join and grant CREATE for the moment of
        # the hand-over, then take both back, so no person stays a member.
        if not superuser:
            conn.execute(text(f'GRANT "{writer}" TO current_user'))
            conn.execute(text(f'GRANT CREATE ON SCHEMA public TO "{writer}"'))
        conn.execute(text(f'ALTER FUNCTION {signature} OWNER TO "{writer}"'))
        if not superuser:
            conn.execute(text(f'REVOKE CREATE ON SCHEMA public FROM "{writer}"'))
            conn.execute(text(f'REVOKE "{writer}" FROM current_user'))


# Migration 0020: the payloads that name a restricted contact (the change record's values,
# the privacy events' reasons) are hidden from agents like the contact itself (Art. 18).
RESTRICTED_KINDS = (
    "contact_changed", "privacy_restricted", "privacy_restriction_lifted", "privacy_rectified",
    "privacy_objection_recorded", "privacy_objection_withdrawn",
)  # fmt: skip


def _restricted_rule(conn: Connection) -> str:
    """The agents' payload policy's extra condition, once migration 0020's helper exists."""
    helper = conn.execute(
        text("SELECT to_regprocedure('public.payload_names_restricted(bigint)') IS NOT NULL")
    ).scalar()
    if not helper:
        return ""
    kinds = ", ".join(f"'{k}'" for k in RESTRICTED_KINDS)
    return f" OR (e.kind IN ({kinds}) AND public.payload_names_restricted(e.seq))"


def _review_policies(conn: Connection, prefix: str) -> None:
    """Row-level security for the review (migration 0007). ``session_summary``: an agent
    reads the rows of the sessions they ran; leads, admins and the log writer (its trigger)
    every row. ``log_payload``: an agent reads every payload but those of reviews and review
    exports. Only the writer may write the summary (grants), so the permissive ALL policies
    give nobody else writes; payload writes stay as the grants say."""
    agent, lead, admin = (f'"{group_role(prefix, r)}"' for r in ROLES)
    writer = f'"{log_writer_role(prefix)}"'
    statements = {
        "summary_own ON session_summary": f"FOR SELECT TO {agent} USING (agent = session_user)",
        "summary_all ON session_summary": f"FOR ALL TO {lead}, {admin}, {writer} "
        "USING (true) WITH CHECK (true)",
        "payload_agent ON log_payload": f"FOR SELECT TO {agent} USING (NOT EXISTS ("
        "SELECT 1 FROM log_event e WHERE e.seq = log_payload.seq "
        f"AND (e.kind IN ('review_added', 'review_exported'){_restricted_rule(conn)})))",
        "payload_insert ON log_payload": f"FOR INSERT TO {agent} WITH CHECK (true)",
        "payload_all ON log_payload": f"FOR ALL TO {lead}, {admin}, {writer} "
        "USING (true) WITH CHECK (true)",
    }
    for name, rule in statements.items():
        conn.execute(text(f"DROP POLICY IF EXISTS {name}"))
        conn.execute(text(f"CREATE POLICY {name} {rule}"))
    _privacy_policies(conn, prefix)


def _privacy_policies(conn: Connection, prefix: str) -> None:
    """Row-level security on ``contact`` (migration 0016): an agent neither sees nor writes a
    restricted contact (Art. 18); leads, admins and the log writer see every row (the
    screens mark restricted ones)."""
    if not conn.execute(
        text(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' "
            "AND table_name = 'contact' AND column_name = 'restricted'"
        )
    ).first():
        return
    agent, lead, admin = (f'"{group_role(prefix, r)}"' for r in ROLES)
    writer = f'"{log_writer_role(prefix)}"'
    statements = {
        "contact_agent ON contact": f"FOR SELECT TO {agent} USING (NOT restricted)",
        "contact_agent_insert ON contact": f"FOR INSERT TO {agent} WITH CHECK (NOT restricted)",
        "contact_agent_update ON contact": f"FOR UPDATE TO {agent} USING (NOT restricted) "
        "WITH CHECK (NOT restricted)",
        "contact_all ON contact": f"FOR ALL TO {lead}, {admin}, {writer} "
        "USING (true) WITH CHECK (true)",
    }
    for name, rule in statements.items():
        conn.execute(text(f"DROP POLICY IF EXISTS {name}"))
        conn.execute(text(f"CREATE POLICY {name} {rule}"))
