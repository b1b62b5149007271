"""Setting up a database: schema, and on PostgreSQL the group roles and their GRANTs.

``init_database`` is what ``bowebb-console db init`` runs; re-running it is safe. It needs a
PostgreSQL login that may create roles (CREATEROLE or superuser) and owns the database.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, insert, select, text

from bowebb_console.domain.errors import ShownError
from bowebb_console.store.db import schema
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.grants import (
    DEFAULT_PREFIX,
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
)
IDLE_IN_TRANSACTION_TIMEOUT = "60s"


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
    value = conn.execute(select(AppMeta.value).where(AppMeta.key == ROLE_PREFIX_KEY)).scalar()
    return value or DEFAULT_PREFIX


def _record_prefix(conn: Connection, prefix: str) -> None:
    existing = conn.execute(select(AppMeta.value).where(AppMeta.key == ROLE_PREFIX_KEY)).scalar()
    if existing is None:
        conn.execute(insert(AppMeta).values(key=ROLE_PREFIX_KEY, value=prefix))
    elif existing != prefix:
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
    conn.execute(text("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC"))
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
            plain = [p for p in privileges if not (p == "INSERT" and grant.insert_columns)]
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
    _grant_log_writer(conn, prefix)
    _review_policies(conn, prefix)


def _grant_log_writer(conn: Connection, prefix: str) -> None:
    """Hand the log's SECURITY DEFINER trigger function to the NOLOGIN log-writer role, with
    just what the function needs (it runs with its owner's rights)."""
    writer = log_writer_role(prefix)
    conn.execute(text(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{writer}"'))
    conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{writer}"'))
    conn.execute(text(f'GRANT SELECT, UPDATE ON log_chain_head TO "{writer}"'))
    conn.execute(text(f'GRANT SELECT ON log_event, log_payload TO "{writer}"'))
    conn.execute(text(f'GRANT EXECUTE ON FUNCTION public.digest(bytea, text) TO "{writer}"'))
    # Review (migration 0007): the role check reads the prefix; the summary is kept by it.
    conn.execute(text(f'GRANT SELECT ON app_meta TO "{writer}"'))
    conn.execute(text(f'GRANT SELECT, INSERT, UPDATE ON session_summary TO "{writer}"'))
    for table, columns in LOG_WRITER_READS.items():
        listed = ", ".join(f'"{c}"' for c in columns)
        conn.execute(text(f'GRANT SELECT ({listed}) ON "{table}" TO "{writer}"'))
    for function in LOG_WRITER_FUNCTIONS:
        _give_function(conn, function, writer)


def _give_function(conn: Connection, function: str, writer: str) -> None:
    owner = conn.execute(
        text("SELECT proowner::regrole::text FROM pg_proc WHERE proname = :f"), {"f": function}
    ).scalar()
    if owner is not None and owner.strip('"') != writer:
        superuser = conn.execute(
            text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        ).scalar()
        # A non-superuser may only give an object to a role it belongs to: join for the
        # moment of the hand-over, then leave, so no person stays a member.
        if not superuser:
            conn.execute(text(f'GRANT "{writer}" TO current_user'))
        conn.execute(text(f'ALTER FUNCTION {function}() OWNER TO "{writer}"'))
        if not superuser:
            conn.execute(text(f'REVOKE "{writer}" FROM current_user'))


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
        "AND e.kind IN ('review_added', 'review_exported')))",
        "payload_insert ON log_payload": f"FOR INSERT TO {agent} WITH CHECK (true)",
        "payload_all ON log_payload": f"FOR ALL TO {lead}, {admin}, {writer} "
        "USING (true) WITH CHECK (true)",
    }
    for name, rule in statements.items():
        conn.execute(text(f"DROP POLICY IF EXISTS {name}"))
        conn.execute(text(f"CREATE POLICY {name} {rule}"))
