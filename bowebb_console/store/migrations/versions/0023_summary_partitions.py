"""The wipe rewrites only the part of ``session_summary`` that held erased text (issue 14).

The physical wipe (store.erasure.scrub) rewrote the whole ``session_summary`` after every
erasure of a payload: its trigram GIN index alone took 7.8 s to build again on a 50,000-session
log, whatever was erased (docs/performance.md, "Erasure"). PostgreSQL:

- ``session_summary`` becomes a table partitioned by HASH of ``customer_id`` into 32
  partitions ``session_summary_h00`` .. ``h31`` (sessions with no customer: the partition of
  remainder 0). Same columns, defaults, indexes and ``SET STATISTICS 0``; the parent keeps the
  grants and the row-level security policies (they apply to every read and write through it),
  and the partitions get no grant at all and row-level security with no policy, so no login
  but the owner reads or writes one directly. A primary key must include the partition key,
  which may be NULL, so ``session_uuid`` is indexed with ``customer_id`` (unique where the
  customer is known); one row per session is kept by ``session_summary_apply``, the only
  writer besides ``db``-owner rebuilds, which runs under the chain head's row lock (every log
  write holds it to commit), so an UPDATE-else-INSERT there cannot race.
- ``erasure_wipe_due`` (one row per partition name) lists the partitions whose files may hold
  text that left the table: the BEFORE UPDATE OR DELETE trigger ``session_summary_wipe_mark``
  (SECURITY DEFINER, fixed search_path) adds a partition when a row is deleted, moves to
  another partition (its customer changed), or loses text (the new search text does not start
  with the old one: an erasure blanks it; the log's own updates only append). No login has any
  grant on it.
- ``erasure_rewrite_due(tbl)`` (admins, SECURITY DEFINER as the owner): rewrites those
  partitions only (``SET UNLOGGED`` then ``SET LOGGED`` in one transaction: each is a rewrite
  that copies only the rows visible now, as 0009's same-type ALTER does, which a partition
  does not allow), gathers their statistics again and clears their marks, all in one
  transaction (a failure leaves the marks for ``erasure compact``). Returns the partitions.
- ``session_summary_apply``: the consent's ``INSERT .. ON CONFLICT (session_uuid)`` becomes an
  UPDATE, else INSERT (no unique index on ``session_uuid`` alone can exist on the parent).

``log_payload`` is not partitioned here: it has no customer column to partition by (see
docs/performance.md). SQLite: only the (unused) ``erasure_wipe_due`` table, for one model.

Revision ID: 0023
Revises: 0022
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PARTITIONS = 32
SEARCH_PATH = "SET search_path = pg_catalog, public, pg_temp"


def partition_name(remainder: int) -> str:
    return f"session_summary_h{remainder:02d}"


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"bowebb_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The indexes of 0007/0015 but the primary key and the unique first_seq (neither can exist on
# the parent without the partition key).
_INDEXES = {
    "ix_session_summary_session": "(session_uuid, customer_id)",
    "ix_session_summary_first_seq": "(first_seq)",
    "ix_session_summary_opened": "(opened_at, first_seq)",
    "ix_session_summary_agent": "(agent, opened_at)",
    "ix_session_summary_customer": "(customer_id, opened_at)",
    "ix_session_summary_reviewed": "(reviewed, opened_at)",
    "ix_session_summary_open": "(agent, state)",
    "ix_session_summary_text_trgm": "USING gin (search_text gin_trgm_ops)",
}
_UNIQUE = {"ix_session_summary_session"}

_PG_MARK = rf"""
CREATE FUNCTION public.session_summary_wipe_mark() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
BEGIN
    -- Text leaves this partition's live rows: its files keep it until it is rewritten.
    IF TG_OP = 'DELETE' OR NEW.customer_id IS DISTINCT FROM OLD.customer_id
       OR NOT pg_catalog.starts_with(NEW.search_text, OLD.search_text) THEN
        INSERT INTO public.erasure_wipe_due (relname) VALUES (TG_TABLE_NAME)
            ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$
"""

_PG_REWRITE_DUE = rf"""
CREATE FUNCTION public.erasure_rewrite_due(tbl text) RETURNS text[]
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    part text;
    done text[] := '{{}}';
BEGIN
    IF NOT public.bowebb_role('admin') THEN
        RAISE EXCEPTION 'only admins wipe erased data' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF tbl <> 'session_summary' THEN
        RAISE EXCEPTION '% is not rewritten this way', tbl
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR part IN
        SELECT c.relname FROM public.erasure_wipe_due d
        JOIN pg_catalog.pg_class c ON c.relname = d.relname
            AND c.relnamespace = 'public'::regnamespace
        JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.oid
        WHERE i.inhparent = ('public.' || pg_catalog.quote_ident(tbl))::regclass
        ORDER BY c.relname
    LOOP
        -- Each is a rewrite copying only the rows visible now (heap, TOAST, every index).
        EXECUTE pg_catalog.format('ALTER TABLE public.%I SET UNLOGGED', part);
        EXECUTE pg_catalog.format('ALTER TABLE public.%I SET LOGGED', part);
        EXECUTE pg_catalog.format('ANALYZE public.%I', part);
        DELETE FROM public.erasure_wipe_due d WHERE d.relname = part;
        done := done || part;
    END LOOP;
    RETURN done;
END $$
"""

_ON_CONFLICT_START = "        ON CONFLICT (session_uuid) DO UPDATE SET\n"
_ON_CONFLICT_END = "search_text = s.search_text || E'\\n' || EXCLUDED.search_text;\n"
_INSERT_START = "        INSERT INTO public.session_summary AS s (\n"
# The consent's fold as an UPDATE, else INSERT: the same values as 0007's ON CONFLICT branch.
_UPDATE_FIRST = r"""        UPDATE public.session_summary AS s SET
            last_seq = e.seq,
            consent_actor = e.actor,
            agent = CASE WHEN s.started_at IS NULL THEN e.actor ELSE s.agent END,
            customer_id = (p ->> 'customer_id')::integer,
            session_kind = p ->> 'session_kind',
            channel = p ->> 'channel',
            consent_outcome = p ->> 'outcome',
            state = CASE WHEN s.state IN ('consented', 'refused')
                         THEN CASE WHEN p ->> 'outcome' = 'agreed' THEN 'consented'
                                   ELSE 'refused' END
                         ELSE s.state END,
            search_text = s.search_text || E'\n' || coalesce(p ->> 'purpose', '')
        WHERE s.session_uuid = e.session_uuid;
        IF NOT FOUND THEN
"""
_END_IF = "        END IF;  -- the session's first consent\n"


def _pg_apply() -> str:
    return str(
        op.get_bind()
        .execute(
            sa.text("SELECT pg_get_functiondef('public.session_summary_apply()'::regprocedure)")
        )
        .scalar_one()
    )


def _apply_without_on_conflict(body: str) -> str:
    start, end = body.find(_ON_CONFLICT_START), body.find(_ON_CONFLICT_END)
    insert = body.find(_INSERT_START)
    assert -1 < insert < start < end, "session_summary_apply changed: update 0023"
    inserted = body[insert:start].rstrip("\n") + ";\n"
    return (
        body[:insert]
        + _UPDATE_FIRST
        + "    "
        + inserted.replace("\n", "\n    ").rstrip(" ")
        + _END_IF
        + body[end + len(_ON_CONFLICT_END) :]
    )


def _apply_with_on_conflict(body: str, original: str) -> str:
    start = body.find(_UPDATE_FIRST)
    end = body.find(_END_IF, start)
    assert -1 < start < end, "session_summary_apply changed: update 0023"
    o_start, o_end = original.find(_INSERT_START), original.find(_ON_CONFLICT_END)
    assert -1 < o_start < o_end
    return body[:start] + original[o_start : o_end + len(_ON_CONFLICT_END)] + body[end + len(_END_IF) :]


def _table_owner(table: str) -> str:
    return str(
        op.get_bind()
        .execute(
            sa.text("SELECT relowner::regrole::text FROM pg_class WHERE oid = CAST(:t AS regclass)"),
            {"t": table},
        )
        .scalar_one()
    )


def _grants(table: str) -> list[tuple[str, str]]:
    """(grantee, privilege) of ``table`` but its owner's; column privileges are refused."""
    bind = op.get_bind()
    columns = bind.execute(
        sa.text(
            "SELECT count(*) FROM pg_attribute WHERE attrelid = CAST(:t AS regclass) "
            "AND attacl IS NOT NULL"
        ),
        {"t": table},
    ).scalar_one()
    assert columns == 0, f"{table} has column grants: update 0023"
    rows = bind.execute(
        sa.text(
            "SELECT a.grantee::regrole::text, a.privilege_type FROM pg_class c, "
            "aclexplode(c.relacl) a WHERE c.oid = CAST(:t AS regclass) "
            "AND a.grantee <> c.relowner AND a.grantee <> 0"
        ),
        {"t": table},
    ).all()
    return [(str(g), str(p)) for g, p in rows]


def _policies(table: str) -> list[str]:
    """CREATE POLICY statements (without the table) of ``table``."""
    rows = op.get_bind().execute(
        sa.text(
            "SELECT policyname, permissive, cmd, roles::text[], qual, with_check FROM pg_policies"
            " WHERE schemaname = 'public' AND tablename = :t ORDER BY policyname"
        ),
        {"t": table},
    )
    out = []
    for name, permissive, cmd, roles, qual, check in rows:
        to = ", ".join('"' + r + '"' if r != "public" else r for r in roles)
        rule = f'"{name}" ON public.@TABLE@ AS {permissive} FOR {cmd} TO {to}'
        if qual is not None:
            rule += f" USING ({qual})"
        if check is not None:
            rule += f" WITH CHECK ({check})"
        out.append(rule)
    return out


def _statistics_zero(table: str) -> list[str]:
    rows = op.get_bind().execute(
        sa.text(
            "SELECT attname FROM pg_attribute WHERE attrelid = CAST(:t AS regclass) "
            "AND attnum > 0 AND NOT attisdropped AND attstattarget = 0 ORDER BY attnum"
        ),
        {"t": table},
    )
    return [str(r[0]) for r in rows]


def _copy_access(old: str, new: str, parts: list[str]) -> None:
    """Owner, grants, row security, policies and statistics targets of ``old`` onto ``new``;
    the partitions: the owner's only, row security on with no policy."""
    owner = _table_owner(old)
    grants, policies, quiet = _grants(old), _policies(old), _statistics_zero(old)
    forced = op.get_bind().execute(
        sa.text("SELECT relforcerowsecurity FROM pg_class WHERE oid = CAST(:t AS regclass)"),
        {"t": old},
    ).scalar_one()
    for rel in (new, *parts):
        op.execute(f"ALTER TABLE public.{rel} OWNER TO {owner}")
        op.execute(f"REVOKE ALL ON public.{rel} FROM PUBLIC")
        op.execute(f"ALTER TABLE public.{rel} ENABLE ROW LEVEL SECURITY")
        for column in quiet:
            op.execute(f'ALTER TABLE public.{rel} ALTER COLUMN "{column}" SET STATISTICS 0')
    if forced:
        op.execute(f"ALTER TABLE public.{new} FORCE ROW LEVEL SECURITY")
    for grantee, privilege in grants:
        op.execute(f"GRANT {privilege} ON public.{new} TO {grantee}")
    for rule in policies:
        op.execute("CREATE POLICY " + rule.replace("@TABLE@", new, 1))


def _pg_upgrade() -> None:
    op.execute("LOCK TABLE public.session_summary IN ACCESS EXCLUSIVE MODE")
    op.execute("ALTER TABLE public.session_summary RENAME TO session_summary_old")
    for index in (*_INDEXES, "pk_session_summary"):
        op.execute(f"ALTER INDEX IF EXISTS public.{index} RENAME TO {index}_old")
    op.execute(
        "CREATE TABLE public.session_summary (LIKE public.session_summary_old "
        "INCLUDING DEFAULTS INCLUDING STORAGE INCLUDING COMPRESSION) "
        "PARTITION BY HASH (customer_id)"
    )
    parts = [partition_name(r) for r in range(PARTITIONS)]
    for remainder, part in enumerate(parts):
        op.execute(
            f"CREATE TABLE public.{part} PARTITION OF public.session_summary "
            f"FOR VALUES WITH (MODULUS {PARTITIONS}, REMAINDER {remainder})"
        )
    op.execute("INSERT INTO public.session_summary SELECT * FROM public.session_summary_old")
    for index, spec in _INDEXES.items():
        unique = "UNIQUE " if index in _UNIQUE else ""
        op.execute(f"CREATE {unique}INDEX {index} ON public.session_summary {spec}")
    _copy_access("session_summary_old", "session_summary", parts)
    op.execute("DROP TABLE public.session_summary_old")

    op.create_table("erasure_wipe_due", sa.Column("relname", sa.String(63), primary_key=True))
    op.execute("REVOKE ALL ON public.erasure_wipe_due FROM PUBLIC")
    op.execute(_PG_MARK)
    op.execute("REVOKE ALL ON FUNCTION public.session_summary_wipe_mark() FROM PUBLIC")
    op.execute(
        "CREATE TRIGGER session_summary_wipe_mark BEFORE UPDATE OR DELETE "
        "ON public.session_summary FOR EACH ROW EXECUTE FUNCTION public.session_summary_wipe_mark()"
    )
    op.execute(_PG_REWRITE_DUE)
    op.execute("REVOKE ALL ON FUNCTION public.erasure_rewrite_due(text) FROM PUBLIC")
    _grant_like_rewrite()
    _migration("0009_records.py")._as_owner_of(
        "session_summary_apply", _apply_without_on_conflict(_pg_apply())
    )


def _grant_like_rewrite() -> None:
    """Whoever may call erasure_rewrite (the admins' group) may call erasure_rewrite_due."""
    rows = op.get_bind().execute(
        sa.text(
            "SELECT a.grantee::regrole::text FROM pg_proc p, aclexplode(p.proacl) a "
            "WHERE p.oid = to_regprocedure('public.erasure_rewrite(text)') "
            "AND a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner AND a.grantee <> 0"
        )
    ).scalars()
    for grantee in rows:
        op.execute(f"GRANT EXECUTE ON FUNCTION public.erasure_rewrite_due(text) TO {grantee}")


def _pg_downgrade() -> None:
    original = _migration("0007_review.py")._PG_APPLY
    _migration("0009_records.py")._as_owner_of(
        "session_summary_apply", _apply_with_on_conflict(_pg_apply(), original)
    )
    op.execute("DROP FUNCTION IF EXISTS public.erasure_rewrite_due(text)")
    op.execute("DROP TRIGGER IF EXISTS session_summary_wipe_mark ON public.session_summary")
    op.execute("DROP FUNCTION IF EXISTS public.session_summary_wipe_mark()")
    op.drop_table("erasure_wipe_due")
    op.execute("LOCK TABLE public.session_summary IN ACCESS EXCLUSIVE MODE")
    op.execute("ALTER TABLE public.session_summary RENAME TO session_summary_old")
    for index in _INDEXES:
        op.execute(f"ALTER INDEX IF EXISTS public.{index} RENAME TO {index}_old")
    op.execute(
        "CREATE TABLE public.session_summary (LIKE public.session_summary_old "
        "INCLUDING DEFAULTS INCLUDING STORAGE INCLUDING COMPRESSION)"
    )
    op.execute("INSERT INTO public.session_summary SELECT * FROM public.session_summary_old")
    op.execute(
        "ALTER TABLE public.session_summary ADD CONSTRAINT pk_session_summary "
        "PRIMARY KEY (session_uuid)"
    )
    op.execute(
        "CREATE UNIQUE INDEX ix_session_summary_first_seq ON public.session_summary (first_seq)"
    )
    for index, spec in _INDEXES.items():
        if index not in ("ix_session_summary_session", "ix_session_summary_first_seq"):
            op.execute(f"CREATE INDEX {index} ON public.session_summary {spec}")
    _copy_access("session_summary_old", "session_summary", [])
    op.execute("DROP TABLE public.session_summary_old")  # and its partitions


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _pg_upgrade()
    else:
        op.create_table(
            "erasure_wipe_due", sa.Column("relname", sa.String(63), primary_key=True)
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _pg_downgrade()
    else:
        op.drop_table("erasure_wipe_due")
