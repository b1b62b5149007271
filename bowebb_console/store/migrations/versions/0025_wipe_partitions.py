"""The wipe rewrites only the partitions that held erased data (issue 14).

The physical wipe (store.erasure.scrub) rewrote the whole ``log_payload`` and the whole
``session_summary`` after every erasure of a payload: 18-22 s on a 1,000,000-event log (the
summary's trigram GIN index alone 7.8 s), whatever was erased (docs/performance.md,
"Erasure"). PostgreSQL (SQLite: its wipe is a checkpoint; it only gets the unused table and
column below, for one model):

- ``session_summary`` is partitioned by HASH of ``customer_id`` into 16 partitions
  ``session_summary_h00`` .. ``h15`` (no customer: the partition of remainder 0), and
  ``log_payload`` likewise by a new column ``customer_id`` (``log_payload_h00`` .. ``h15``):
  the customer of the payload's session, filled by the default ``log_payload_customer()``
  from the event this transaction just wrote (the head row) and its session's summary; a
  session's first consent (folded after its payload) and events of no session get 0.
  Existing payloads get their session's customer. The partition only decides how much a wipe
  rewrites, never whether it rewrites what was erased (the marks below do that), so a wrong
  or client-given value costs time, nothing else.
- Same columns, defaults, CHECK, foreign key, indexes, triggers and ``SET STATISTICS 0``;
  the parents keep the grants and the row-level security policies (they apply to every read
  and write through the parent), the partitions get no grant at all and row-level security
  with no policy, so no login but the owner reads or writes one directly.
- Keys: a primary key must include the partition key. ``log_payload``: PRIMARY KEY (seq,
  customer_id), and the BEFORE INSERT trigger ``log_payload_one`` refuses a second payload
  for a seq (only the event's own transaction may write its payload, log_payload_check, so
  two writers cannot race). ``session_summary``: ``customer_id`` may be NULL, so no primary
  key; ``session_uuid`` is indexed with ``customer_id`` (unique where the customer is known)
  and one row per session is kept by ``session_summary_apply``, its only writer (besides
  the owner's rebuild), which runs under the chain head's row lock; its consent branch's
  ``INSERT .. ON CONFLICT (session_uuid)`` becomes UPDATE, else INSERT.
- ``erasure_wipe_due`` (one row per partition name; no grants) lists the partitions whose
  files may hold data that left the table: BEFORE triggers (SECURITY DEFINER, fixed
  search_path) add a ``log_payload`` partition when a payload is deleted, and a
  ``session_summary`` partition when a row is deleted, moves to another partition (its
  customer changed) or loses text (the new search text does not start with the old one: an
  erasure blanks it; the log's own updates only append).
- ``erasure_rewrite_due(tbl)`` (admins, SECURITY DEFINER as the owner): rewrites the listed
  partitions of ``tbl`` only (``SET UNLOGGED`` then ``SET LOGGED`` in one transaction: each is
  a rewrite copying only the rows visible now, as 0009's same-type ALTER does, which a
  partition does not allow), gathers their statistics again and clears their marks, in one
  transaction (a failure leaves the marks for ``erasure compact``). With more than a quarter
  of the partitions listed it rewrites the whole table once instead (``erasure_rewrite``).
- ``session_summary_erased`` (0007) runs once per DELETE statement on ``log_payload`` over
  the deleted rows (transition table ``old_rows``) instead of once per row: per row, each
  call probed all 32 summary partitions (measured: a purge's 10,052 payloads took 3 s more).

Revision ID: 0025
Revises: 0024
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PARTITIONS = 16
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
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM public.erasure_wipe_due d WHERE d.relname = TG_TABLE_NAME)
        THEN
            INSERT INTO public.erasure_wipe_due (relname) VALUES (TG_TABLE_NAME)
                ON CONFLICT DO NOTHING;
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.customer_id IS DISTINCT FROM OLD.customer_id
       OR NOT pg_catalog.starts_with(NEW.search_text, OLD.search_text) THEN
        IF NOT EXISTS (SELECT 1 FROM public.erasure_wipe_due d WHERE d.relname = TG_TABLE_NAME)
        THEN
            INSERT INTO public.erasure_wipe_due (relname) VALUES (TG_TABLE_NAME)
                ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    RETURN NEW;
END $$
"""

# log_payload: rows are only ever deleted (by the erasure functions; no UPDATE gets past
# log_payload_no_update), and each delete marks its partition.
_PG_PAYLOAD_MARK = rf"""
CREATE FUNCTION public.log_payload_wipe_mark() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.erasure_wipe_due d WHERE d.relname = TG_TABLE_NAME) THEN
        INSERT INTO public.erasure_wipe_due (relname) VALUES (TG_TABLE_NAME)
            ON CONFLICT DO NOTHING;
    END IF;
    RETURN OLD;
END $$
"""

# Where a new payload goes: the customer of its event's session, as far as the summary knows
# it already (a session's first consent is folded after its payload is in, so it goes with
# the payloads of no customer, partition of 0). The head row this transaction updated names
# the event (a payload is written in its event's transaction, right after it). This only
# decides which partition a wipe rewrites, never whether it rewrites the erased rows (the
# marks do), so a wrong or client-given value costs time, nothing else. PL/pgSQL, one step
# at a time: its plans are kept for the session, where a SQL function's three-way join over
# the partitions was planned again for every payload (1.4 ms each, half of an event's cost).
_PG_PAYLOAD_CUSTOMER = rf"""
CREATE FUNCTION public.log_payload_customer() RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    head_seq bigint;
    session public.log_event.session_uuid%TYPE;
    found integer;
BEGIN
    SELECT h.seq INTO head_seq FROM public.log_chain_head h
     WHERE h.xmin = pg_catalog.pg_current_xact_id()::xid;
    IF head_seq IS NULL THEN
        RETURN 0;
    END IF;
    SELECT e.session_uuid INTO session FROM public.log_event e WHERE e.seq = head_seq;
    IF session IS NULL THEN
        RETURN 0;
    END IF;
    SELECT s.customer_id INTO found FROM public.session_summary s
     WHERE s.session_uuid = session LIMIT 1;
    RETURN coalesce(found, 0);
END $$
"""

# The primary key must include the partition key: one payload per seq is kept here. Only the
# event's own transaction may write its payload (log_payload_check), so two writers of the
# same seq cannot race.
_PG_PAYLOAD_ONE = rf"""
CREATE FUNCTION public.log_payload_one() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.log_payload p WHERE p.seq = NEW.seq) THEN
        RAISE EXCEPTION 'event % has its payload already', NEW.seq
            USING ERRCODE = 'unique_violation';
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
    marked integer;
    total integer;
BEGIN
    IF NOT public.bowebb_role('admin') THEN
        RAISE EXCEPTION 'only admins wipe erased data' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF tbl NOT IN ('session_summary', 'log_payload') THEN
        RAISE EXCEPTION '% is not rewritten this way', tbl
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT pg_catalog.count(*) INTO marked FROM public.erasure_wipe_due d
    JOIN pg_catalog.pg_class c ON c.relname = d.relname
        AND c.relnamespace = 'public'::regnamespace
    JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.oid
    WHERE i.inhparent = ('public.' || pg_catalog.quote_ident(tbl))::regclass;
    SELECT pg_catalog.count(*) INTO total FROM pg_catalog.pg_inherits i
    WHERE i.inhparent = ('public.' || pg_catalog.quote_ident(tbl))::regclass;
    IF marked * 4 > total THEN
        -- Most of the table: one rewrite of it all (0012's way) costs less than two of each.
        PERFORM public.erasure_rewrite(tbl);
        DELETE FROM public.erasure_wipe_due d WHERE d.relname IN (
            SELECT c.relname FROM pg_catalog.pg_inherits i
            JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = ('public.' || pg_catalog.quote_ident(tbl))::regclass);
        RETURN ARRAY[tbl];
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


# session_summary_erased (0007, owned by the log writer) blanked the session's row by
# session_uuid alone, once per erased payload: on the partitioned table each call probes all
# 32 partitions and writes a new row version (a purge: 10,000 calls, 20 per session). Now it
# runs once per DELETE statement over its deleted rows (a transition table), and skips rows
# already blank: the same rows end blank, in one set-based UPDATE.
_PG_ERASED_STATEMENT = rf"""
CREATE OR REPLACE FUNCTION public.session_summary_erased() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
BEGIN
    UPDATE public.session_summary s SET search_text = ''
    FROM (SELECT DISTINCT e.session_uuid FROM old_rows o
          JOIN public.log_event e ON e.seq = o.seq) x
    WHERE s.session_uuid = x.session_uuid AND s.search_text <> '';
    RETURN NULL;
END $$
"""
_ERASED_ROW_TRIGGER = (
    "CREATE TRIGGER session_summary_erased AFTER DELETE ON public.log_payload "
    "FOR EACH ROW EXECUTE FUNCTION public.session_summary_erased()"
)
_ERASED_STATEMENT_TRIGGER = (
    "CREATE TRIGGER session_summary_erased AFTER DELETE ON public.log_payload "
    "REFERENCING OLD TABLE AS old_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION public.session_summary_erased()"
)


def _erased_per_statement(yes: bool) -> None:
    op.execute("DROP TRIGGER IF EXISTS session_summary_erased ON public.log_payload")
    body = _PG_ERASED_STATEMENT
    if not yes:
        body = _migration("0007_review.py")._PG_ERASED.replace(
            "CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1
        )
    _migration("0009_records.py")._as_owner_of("session_summary_erased", body)
    op.execute(_ERASED_STATEMENT_TRIGGER if yes else _ERASED_ROW_TRIGGER)


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
    assert -1 < insert < start < end, "session_summary_apply changed: update 0025"
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
    assert -1 < start < end, "session_summary_apply changed: update 0025"
    o_start, o_end = original.find(_INSERT_START), original.find(_ON_CONFLICT_END)
    assert -1 < o_start < o_end
    return (
        body[:start]
        + original[o_start : o_end + len(_ON_CONFLICT_END)]
        + body[end + len(_END_IF) :]
    )


def _table_owner(table: str) -> str:
    return str(
        op.get_bind()
        .execute(
            sa.text(
                "SELECT relowner::regrole::text FROM pg_class WHERE oid = CAST(:t AS regclass)"
            ),
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
    assert columns == 0, f"{table} has column grants: update 0025"
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


class _Access:
    # (Not a dataclass: alembic loads this module outside sys.modules.)
    def __init__(
        self,
        owner: str,
        grants: list[tuple[str, str]],
        policies: list[str],
        quiet: list[str],
        forced: bool,
    ) -> None:
        self.owner, self.grants, self.policies = owner, grants, policies
        self.quiet, self.forced = quiet, forced


def _capture(table: str) -> _Access:
    """What a table's copy must get back (read before the table is renamed: the policies'
    expressions name it)."""
    forced = (
        op.get_bind()
        .execute(
            sa.text("SELECT relforcerowsecurity FROM pg_class WHERE oid = CAST(:t AS regclass)"),
            {"t": table},
        )
        .scalar_one()
    )
    return _Access(
        _table_owner(table),
        _grants(table),
        _policies(table),
        _statistics_zero(table),
        bool(forced),
    )


def _apply_access(access: _Access, new: str, parts: list[str]) -> None:
    """Owner, grants, row security, policies and statistics targets onto ``new``; the
    partitions: the owner's only, row security on with no policy."""
    for rel in (new, *parts):
        op.execute(f"ALTER TABLE public.{rel} OWNER TO {access.owner}")
        op.execute(f"REVOKE ALL ON public.{rel} FROM PUBLIC")
        op.execute(f"ALTER TABLE public.{rel} ENABLE ROW LEVEL SECURITY")
        for column in access.quiet:
            op.execute(f'ALTER TABLE public.{rel} ALTER COLUMN "{column}" SET STATISTICS 0')
    if access.forced:
        op.execute(f"ALTER TABLE public.{new} FORCE ROW LEVEL SECURITY")
    for grantee, privilege in access.grants:
        op.execute(f"GRANT {privilege} ON public.{new} TO {grantee}")
    for rule in access.policies:
        op.execute("CREATE POLICY " + rule.replace("@TABLE@", new, 1))


def _copy_access(old: str, new: str, parts: list[str]) -> None:
    _apply_access(_capture(old), new, parts)


def _triggers(table: str, leave: tuple[str, ...] = ()) -> list[str]:
    rows = op.get_bind().execute(
        sa.text(
            "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger "
            "WHERE tgrelid = CAST(:t AS regclass) AND NOT tgisinternal AND tgparentid = 0 "
            "ORDER BY tgname"
        ),
        {"t": table},
    )
    return [str(d) for n, d in rows if n not in leave]


def _indexes(table: str) -> list[tuple[str, str]]:
    """(name, CREATE INDEX) of the indexes no constraint owns."""
    rows = op.get_bind().execute(
        sa.text(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = CAST(:t AS regclass) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid "
            "AND k.conrelid = i.indrelid) ORDER BY 1"
        ),
        {"t": table},
    )
    return [(str(n), str(d).replace(" ON ONLY ", " ON ", 1)) for n, d in rows]


def _foreign_keys(table: str) -> list[tuple[str, str]]:
    rows = op.get_bind().execute(
        sa.text(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = CAST(:t AS regclass) AND contype = 'f' AND conparentid = 0 "
            "ORDER BY 1"
        ),
        {"t": table},
    )
    return [(str(n), str(d)) for n, d in rows]


PAYLOAD_OWN_TRIGGERS = ("log_payload_one", "log_payload_wipe_mark")


def _payload_rebuild(partitioned: bool) -> None:
    """``log_payload`` copied into a table partitioned by HASH (customer_id) (or back), with
    every trigger, index, key, grant, policy and statistics target it had."""
    access = _capture("log_payload")
    triggers = _triggers("log_payload", leave=PAYLOAD_OWN_TRIGGERS)
    indexes, keys = _indexes("log_payload"), _foreign_keys("log_payload")
    op.execute("LOCK TABLE public.log_payload IN ACCESS EXCLUSIVE MODE")
    op.execute("ALTER TABLE public.log_payload RENAME TO log_payload_old")
    for name in [n for n, _ in indexes] + ["pk_log_payload"]:
        op.execute(f"ALTER INDEX IF EXISTS public.{name} RENAME TO {name}_old")
    like = (
        "LIKE public.log_payload_old INCLUDING DEFAULTS INCLUDING STORAGE "
        "INCLUDING COMPRESSION INCLUDING CONSTRAINTS"
    )
    parts = [payload_partition_name(r) for r in range(PARTITIONS)] if partitioned else []
    if partitioned:
        op.execute(
            f"CREATE TABLE public.log_payload ({like}, customer_id integer NOT NULL "
            "DEFAULT public.log_payload_customer()) PARTITION BY HASH (customer_id)"
        )
        for remainder, part in enumerate(parts):
            op.execute(
                f"CREATE TABLE public.{part} PARTITION OF public.log_payload "
                f"FOR VALUES WITH (MODULUS {PARTITIONS}, REMAINDER {remainder})"
            )
        # Each payload with the customer of its session, where the summary knows it.
        op.execute(
            "INSERT INTO public.log_payload (seq, salt, payload, customer_id) "
            "SELECT p.seq, p.salt, p.payload, coalesce(s.customer_id, 0) "
            "FROM public.log_payload_old p JOIN public.log_event e ON e.seq = p.seq "
            "LEFT JOIN LATERAL (SELECT x.customer_id FROM public.session_summary x "
            "  WHERE x.session_uuid = e.session_uuid LIMIT 1) s ON true"
        )
        op.execute(
            "ALTER TABLE public.log_payload ADD CONSTRAINT pk_log_payload "
            "PRIMARY KEY (seq, customer_id)"
        )
    else:
        op.execute(f"CREATE TABLE public.log_payload ({like})")
        op.execute("ALTER TABLE public.log_payload DROP COLUMN customer_id")
        op.execute(
            "INSERT INTO public.log_payload (seq, salt, payload) "
            "SELECT seq, salt, payload FROM public.log_payload_old"
        )
        op.execute("ALTER TABLE public.log_payload ADD CONSTRAINT pk_log_payload PRIMARY KEY (seq)")
    for _, definition in indexes:
        op.execute(definition)
    for name, definition in keys:
        op.execute(f"ALTER TABLE public.log_payload ADD CONSTRAINT {name} {definition}")
    _apply_access(access, "log_payload", parts)
    op.execute("DROP TABLE public.log_payload_old")  # its triggers (and partitions) with it
    for definition in triggers:
        op.execute(definition)
    if partitioned:
        op.execute(
            "CREATE TRIGGER log_payload_one BEFORE INSERT ON public.log_payload "
            "FOR EACH ROW EXECUTE FUNCTION public.log_payload_one()"
        )
        op.execute(
            "CREATE TRIGGER log_payload_wipe_mark BEFORE DELETE ON public.log_payload "
            "FOR EACH ROW EXECUTE FUNCTION public.log_payload_wipe_mark()"
        )


def payload_partition_name(remainder: int) -> str:
    return f"log_payload_h{remainder:02d}"


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
    for function in (_PG_PAYLOAD_MARK, _PG_PAYLOAD_CUSTOMER, _PG_PAYLOAD_ONE):
        op.execute(function)
    for function in ("log_payload_wipe_mark()", "log_payload_customer()", "log_payload_one()"):
        op.execute(f"REVOKE ALL ON FUNCTION public.{function} FROM PUBLIC")
    _grant_payload_customer()
    _payload_rebuild(partitioned=True)
    _erased_per_statement(True)


def _grant_payload_customer() -> None:
    """Every role that may insert a payload evaluates its default: EXECUTE on it."""
    rows = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT DISTINCT a.grantee::regrole::text FROM pg_class c, aclexplode(c.relacl) a "
                "WHERE c.oid = 'public.log_payload'::regclass AND a.privilege_type = 'INSERT' "
                "AND a.grantee <> c.relowner AND a.grantee <> 0"
            )
        )
        .scalars()
    )
    for grantee in rows:
        op.execute(f"GRANT EXECUTE ON FUNCTION public.log_payload_customer() TO {grantee}")


def _grant_like_rewrite() -> None:
    """Whoever may call erasure_rewrite (the admins' group) may call erasure_rewrite_due."""
    rows = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT a.grantee::regrole::text FROM pg_proc p, aclexplode(p.proacl) a "
                "WHERE p.oid = to_regprocedure('public.erasure_rewrite(text)') "
                "AND a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner AND a.grantee <> 0"
            )
        )
        .scalars()
    )
    for grantee in rows:
        op.execute(f"GRANT EXECUTE ON FUNCTION public.erasure_rewrite_due(text) TO {grantee}")


def _pg_downgrade() -> None:
    _erased_per_statement(False)
    _payload_rebuild(partitioned=False)
    for function in ("log_payload_wipe_mark()", "log_payload_customer()", "log_payload_one()"):
        op.execute(f"DROP FUNCTION IF EXISTS public.{function}")
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
        op.create_table("erasure_wipe_due", sa.Column("relname", sa.String(63), primary_key=True))
        op.execute("ALTER TABLE log_payload ADD COLUMN customer_id INTEGER NOT NULL DEFAULT 0")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _pg_downgrade()
    else:
        op.drop_table("erasure_wipe_due")
        op.execute("ALTER TABLE log_payload DROP COLUMN customer_id")
