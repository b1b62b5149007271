"""Who blocks whom, and ending a blocking session (issue 13, item 13).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06

PostgreSQL only; three SECURITY DEFINER functions, handed by ``db init``/``db upgrade``
(store.db.setup) to the NOLOGIN role ``<prefix>_session_guard``, which no person is a member
of and which holds ``pg_read_all_stats`` (an ordinary login sees neither the state nor the
transaction start of another login's session) and ``pg_signal_backend``:

- ``bowebb_blockers_of(pid)``: the sessions backend ``pid`` waits for. Any BoWebb login, for
  its own backends (the client names the blocker in its refusal); leads and admins for any.
- ``bowebb_blockers()``: every session of this database that another one waits for, with
  who waits. Leads and admins.
- ``bowebb_end_backend(pid)``: ends one session (``pg_terminate_backend``, waiting up to 5 s
  for it to go) of this database whose login is in a BoWebb group role; never a superuser's,
  never the caller's own login's. Leads and admins. Returns the login it ended.

Refusals carry their own SQLSTATEs (``BWE01``..``BWE06``, store.db.blockers maps them). The
ending is not a log event: a new kind would mean replacing ``log_event_fill`` once more, which
migration 0009 replaces too (see the merge note in docs/security.md).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_PATH = "SET search_path = pg_catalog, public, pg_temp"

_PREFIX = """    SELECT coalesce(max(m.value), 'bowebb') INTO prefix FROM public.app_meta m
    WHERE m.key = 'role_prefix';
    is_lead := EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                       WHERE r.rolname IN (prefix || '_lead', prefix || '_admin')
                       AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'));"""

_BLOCKERS_OF = rf"""
CREATE FUNCTION public.bowebb_blockers_of(target integer)
RETURNS TABLE (pid integer, login text, application text, state text, since timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    prefix text;
    is_lead boolean;
    target_login text;
BEGIN
{_PREFIX}
    SELECT a.usename::text INTO target_login FROM pg_catalog.pg_stat_activity a
    WHERE a.pid = target;
    IF target_login IS DISTINCT FROM session_user AND NOT is_lead THEN
        RAISE EXCEPTION 'only your own sessions (team leads and admins: any)'
            USING ERRCODE = 'BWE01';
    END IF;
    RETURN QUERY
    SELECT b.pid, b.usename::text, b.application_name::text, b.state::text,
           coalesce(b.xact_start, b.backend_start)
    FROM pg_catalog.unnest(pg_catalog.pg_blocking_pids(target)) AS x(p)
    JOIN pg_catalog.pg_stat_activity b ON b.pid = x.p;
END $$
"""

_BLOCKERS = rf"""
CREATE FUNCTION public.bowebb_blockers()
RETURNS TABLE (pid integer, login text, application text, state text, since timestamptz,
               waiting_pids integer[], waiting_logins text[])
LANGUAGE plpgsql STABLE SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    prefix text;
    is_lead boolean;
BEGIN
{_PREFIX}
    IF NOT is_lead THEN
        RAISE EXCEPTION 'only team leads and admins may list blocking sessions'
            USING ERRCODE = 'BWE01';
    END IF;
    RETURN QUERY
    SELECT b.pid, b.usename::text, b.application_name::text, b.state::text,
           coalesce(b.xact_start, b.backend_start),
           pg_catalog.array_agg(w.wpid ORDER BY w.wpid),
           pg_catalog.array_agg(w.wlogin ORDER BY w.wpid)
    FROM (
        SELECT DISTINCT s.pid AS wpid, s.usename::text AS wlogin, x.p AS bpid
        FROM pg_catalog.pg_stat_activity s,
             pg_catalog.unnest(pg_catalog.pg_blocking_pids(s.pid)) AS x(p)
        WHERE s.datname = pg_catalog.current_database() AND s.wait_event_type = 'Lock'
    ) AS w
    JOIN pg_catalog.pg_stat_activity b ON b.pid = w.bpid
    GROUP BY b.pid, b.usename, b.application_name, b.state, b.xact_start, b.backend_start;
END $$
"""

_END = rf"""
CREATE FUNCTION public.bowebb_end_backend(target integer) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    prefix text;
    is_lead boolean;
    s record;
BEGIN
{_PREFIX}
    IF NOT is_lead THEN
        RAISE EXCEPTION 'only team leads and admins may end a session' USING ERRCODE = 'BWE01';
    END IF;
    SELECT a.pid, a.usename::text AS login, a.usesysid, r.rolsuper INTO s
    FROM pg_catalog.pg_stat_activity a JOIN pg_catalog.pg_roles r ON r.oid = a.usesysid
    WHERE a.pid = target AND a.datname = pg_catalog.current_database();
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no session % in this database', target USING ERRCODE = 'BWE02';
    END IF;
    IF s.pid = pg_catalog.pg_backend_pid() OR s.login = session_user THEN
        RAISE EXCEPTION 'session % is your own login''s', target USING ERRCODE = 'BWE03';
    END IF;
    IF s.rolsuper OR NOT EXISTS (
            SELECT 1 FROM pg_catalog.pg_roles g
            WHERE g.rolname IN (prefix || '_agent', prefix || '_lead', prefix || '_admin')
            AND pg_catalog.pg_has_role(s.usesysid, g.oid, 'MEMBER')) THEN
        RAISE EXCEPTION 'session % is not a BoWebb login''s', target USING ERRCODE = 'BWE04';
    END IF;
    IF NOT pg_catalog.pg_has_role(current_user, 'pg_signal_backend', 'MEMBER') THEN
        RAISE EXCEPTION 'cannot end sessions: a superuser runs GRANT pg_signal_backend TO %',
            current_user USING ERRCODE = 'BWE05';
    END IF;
    IF NOT pg_catalog.pg_terminate_backend(target, 5000) THEN
        RAISE EXCEPTION 'session % did not end within 5 s', target USING ERRCODE = 'BWE06';
    END IF;
    RETURN s.login;
END $$
"""

FUNCTIONS = (
    "public.bowebb_blockers_of(integer)",
    "public.bowebb_blockers()",
    "public.bowebb_end_backend(integer)",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for body in (_BLOCKERS_OF, _BLOCKERS, _END):
        op.execute(body)
    for function in FUNCTIONS:
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for function in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
