"""Every change to a customer, contact or connection profile is a chained event, and data
leaves only through the erasure (issue 13, items 11 and 12).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

Both databases:
- ``erasure_xact``: a marker row for the one transaction that is an erasure or a purge. While
  it is there, deletes and anonymisation are not recorded as changes (their values must not
  survive in a new payload); the erasure's own ``erasure_performed`` event records them.
- ``pending_change`` (SQLite only in use): what the row triggers saw, turned into chained
  events when the transaction commits (store.log.changes); PostgreSQL's triggers write the
  events themselves.

PostgreSQL (the boundary):
- ``record_change`` (statement-level AFTER trigger on customer, contact and sftp_profile,
  SECURITY DEFINER, owned by the log writer): one ``customer_changed`` / ``contact_changed``
  / ``profile_changed`` event per statement, actor = the login, with the changed tracked
  columns before and after in the erasable payload. ``log_event_fill`` accepts these kinds
  only from the trigger, and ``erasure_performed`` only inside an erasure.
- Deleting customers, contacts and payloads: only ``erasure_delete`` (after
  ``erasure_begin``, admins; a customer only with its approved purge), anonymising only
  ``erasure_anonymise``; the COMMIT of an erasure needs its ``erasure_performed`` event.
  ``erasure_rewrite`` rewrites an erased table's files as its owner, so the wipe no longer
  needs the owner's login. ``profile_delete``: a profile goes with a recorded change.
- ``customer_guard``: agents create trials and customers and convert trials; they neither
  terminate nor reactivate (column grants in store.db.grants keep the DPA and deletion dates
  from them, and leave no role table-level UPDATE, so no LOCK TABLE that stops readers).
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_PATH = "SET search_path = pg_catalog, public, pg_temp"

# The columns a change event records (ids, search keys, versions and times are not news).
TRACKED = {
    "customer": (
        "org_number",
        "name",
        "status",
        "trial_registered_on",
        "customer_since",
        "terminated_on",
        "hard_delete_due",
        "dpa_signed_on",
        "dpa_version",
        "dpa_reference",
    ),
    "contact": ("customer_id", "name", "email", "phone", "title"),
    "sftp_profile": (
        "customer_id",
        "name",
        "host",
        "port",
        "username",
        "auth_kind",
        "key_path",
        "remote_dir",
    ),
}
KINDS = {
    "customer": "customer_changed",
    "contact": "contact_changed",
    "sftp_profile": "profile_changed",
}
OPS = {
    "insert": "NEW TABLE AS new_rows",
    "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "delete": "OLD TABLE AS old_rows",
}


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"bowebb_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_CURRENT_XACT = "pg_catalog.pg_current_xact_id()::text::bigint"

_PG_ROLE = rf"""
CREATE FUNCTION public.bowebb_role(suffix text) RETURNS boolean
LANGUAGE sql STABLE {SEARCH_PATH} AS $$
    SELECT coalesce(bool_or(pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER')), false)
    FROM pg_catalog.pg_roles r
    WHERE r.rolname = (SELECT coalesce(max(m.value), 'bowebb') FROM public.app_meta m
                       WHERE m.key = 'role_prefix') || '_' || suffix
$$
"""

# One changed row: ids, and the tracked columns that differ (an insert: those with a value;
# a delete: likewise, before). NULL when nothing tracked changed.
_PG_CHANGE_ROW = rf"""
CREATE FUNCTION public.change_row(tbl text, b jsonb, a jsonb, cols text[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE {SEARCH_PATH} AS $$
    SELECT CASE WHEN d.keys IS NULL THEN NULL ELSE pg_catalog.jsonb_build_object(
        'id', coalesce(a, b) -> 'id',
        'customer_id', CASE WHEN tbl = 'customer' THEN coalesce(a, b) -> 'id'
                            ELSE coalesce(a, b) -> 'customer_id' END,
        'before', coalesce((SELECT pg_catalog.jsonb_object_agg(k, b -> k)
                            FROM pg_catalog.unnest(d.keys) k WHERE b IS NOT NULL), '{{}}'),
        'after', coalesce((SELECT pg_catalog.jsonb_object_agg(k, a -> k)
                           FROM pg_catalog.unnest(d.keys) k WHERE a IS NOT NULL), '{{}}'))
    END
    FROM (SELECT pg_catalog.array_agg(c ORDER BY c) AS keys FROM pg_catalog.unnest(cols) c
          WHERE CASE WHEN b IS NULL THEN pg_catalog.jsonb_typeof(a -> c) <> 'null'
                     WHEN a IS NULL THEN pg_catalog.jsonb_typeof(b -> c) <> 'null'
                     ELSE (a -> c) IS DISTINCT FROM (b -> c) END) d
$$
"""

_PG_RECORD_CHANGE = rf"""
CREATE FUNCTION public.record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    kind text := TG_ARGV[0];
    cols text[] := pg_catalog.string_to_array(TG_ARGV[1], ',');
    changed jsonb;
    body text;
    salt bytea;
    new_seq bigint;
BEGIN
    -- An erasure's deletes and anonymisation: its own event records them, without values.
    IF EXISTS (SELECT 1 FROM public.erasure_xact x WHERE x.xact = {_CURRENT_XACT}) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT pg_catalog.jsonb_agg(r ORDER BY (r ->> 'id')::bigint) INTO changed FROM (
            SELECT public.change_row(TG_TABLE_NAME, NULL, pg_catalog.to_jsonb(n), cols) AS r
            FROM new_rows n) d WHERE r IS NOT NULL;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT pg_catalog.jsonb_agg(r ORDER BY (r ->> 'id')::bigint) INTO changed FROM (
            SELECT public.change_row(TG_TABLE_NAME, pg_catalog.to_jsonb(o),
                                     pg_catalog.to_jsonb(n), cols) AS r
            FROM old_rows o JOIN new_rows n ON n.id = o.id) d WHERE r IS NOT NULL;
    ELSE
        SELECT pg_catalog.jsonb_agg(r ORDER BY (r ->> 'id')::bigint) INTO changed FROM (
            SELECT public.change_row(TG_TABLE_NAME, pg_catalog.to_jsonb(o), NULL, cols) AS r
            FROM old_rows o) d WHERE r IS NOT NULL;
    END IF;
    IF changed IS NULL THEN
        RETURN NULL;
    END IF;
    body := (pg_catalog.jsonb_build_object(
        'table', TG_TABLE_NAME, 'op', pg_catalog.lower(TG_OP), 'rows', changed,
        'customer_ids', (SELECT pg_catalog.jsonb_agg(DISTINCT r -> 'customer_id')
                         FROM pg_catalog.jsonb_array_elements(changed) r))
        || CASE WHEN TG_TABLE_NAME = 'contact' THEN pg_catalog.jsonb_build_object(
                'contact_ids', (SELECT pg_catalog.jsonb_agg(r -> 'id')
                                FROM pg_catalog.jsonb_array_elements(changed) r))
           ELSE '{{}}'::jsonb END)::text;
    salt := public.gen_random_bytes(16);
    INSERT INTO public.log_event (event_uuid, session_uuid, kind, payload_commitment)
    VALUES (pg_catalog.gen_random_uuid()::text, pg_catalog.gen_random_uuid()::text, kind,
            pg_catalog.encode(public.digest(salt || pg_catalog.convert_to(body, 'UTF8'),
                                            'sha256'), 'hex'))
    RETURNING seq INTO new_seq;
    INSERT INTO public.log_payload (seq, salt, payload) VALUES (new_seq, salt, body);
    RETURN NULL;
END $$
"""

# Column privileges (store.db.grants) decide what an UPDATE may touch; an INSERT names every
# column (the ORM sends NULLs), so its values are checked here.
_PG_CUSTOMER_GUARD = rf"""
CREATE FUNCTION public.customer_guard() RETURNS trigger
LANGUAGE plpgsql {SEARCH_PATH} AS $$
DECLARE
    lead boolean;
BEGIN
    IF public.bowebb_role('admin') THEN
        RETURN NEW;
    END IF;
    lead := public.bowebb_role('lead');
    IF TG_OP = 'INSERT' THEN
        IF NEW.hard_delete_due IS NOT NULL THEN
            RAISE EXCEPTION 'only admins set a hard-delete date'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT lead AND (NEW.status NOT IN ('trial', 'active') OR NEW.terminated_on IS NOT NULL
                         OR NEW.dpa_signed_on IS NOT NULL OR NEW.dpa_version IS NOT NULL
                         OR NEW.dpa_reference IS NOT NULL) THEN
            RAISE EXCEPTION 'only team leads and admins record a DPA or a terminated customer'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF NOT lead AND NEW.status IS DISTINCT FROM OLD.status
          AND NOT (OLD.status = 'trial' AND NEW.status = 'active') THEN
        RAISE EXCEPTION 'only team leads and admins terminate or reactivate a customer'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$
"""

_PG_ERASURE_BEGIN = rf"""
CREATE FUNCTION public.erasure_begin() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
BEGIN
    IF NOT public.bowebb_role('admin') THEN
        RAISE EXCEPTION 'only admins erase' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO public.erasure_xact (xact) VALUES ({_CURRENT_XACT}) ON CONFLICT DO NOTHING;
END $$
"""

# At COMMIT: an erasure that deleted must have said so in the log; then the marker goes.
_PG_ERASURE_LOGGED = rf"""
CREATE FUNCTION public.erasure_logged() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.erasure_xact x WHERE x.xact = NEW.xact AND x.logged)
    THEN
        RAISE EXCEPTION 'an erasure is committed only with its erasure_performed event'
            USING ERRCODE = 'check_violation';
    END IF;
    DELETE FROM public.erasure_xact x WHERE x.xact = NEW.xact;
    RETURN NULL;
END $$
"""

_IN_ERASURE = rf"""
    IF NOT EXISTS (SELECT 1 FROM public.erasure_xact x WHERE x.xact = {_CURRENT_XACT}) THEN
        RAISE EXCEPTION 'data is deleted only by an erasure (admins: erasure_begin first)'
            USING ERRCODE = 'insufficient_privilege';
    END IF;"""

_PG_ERASURE_DELETE = rf"""
CREATE FUNCTION public.erasure_delete(tbl text, ids bigint[]) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    n integer;
BEGIN{_IN_ERASURE}
    IF tbl = 'log_payload' THEN
        DELETE FROM public.log_payload p WHERE p.seq = ANY(ids);
    ELSIF tbl = 'contact' THEN
        DELETE FROM public.contact c WHERE c.id = ANY(ids);
    ELSIF tbl = 'sftp_profile' THEN
        DELETE FROM public.sftp_profile s WHERE s.id = ANY(ids);
    ELSIF tbl = 'customer' THEN
        -- Four eyes: a customer goes only by its approved purge, once terminated and due.
        IF EXISTS (SELECT 1 FROM public.customer c WHERE c.id = ANY(ids)
                   AND (c.status <> 'terminated' OR c.hard_delete_due IS NULL
                        OR NOT EXISTS (SELECT 1 FROM public.purge_approval a
                                       WHERE a.customer_id = c.id AND a.status = 'approved')))
        THEN
            RAISE EXCEPTION 'a customer is deleted only by its approved purge'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        DELETE FROM public.customer c WHERE c.id = ANY(ids);
    ELSIF tbl = 'customer_replayed' THEN
        -- The erasure journal's replay after a restore: the restored rows may predate the
        -- purge's approval. Logged as the erasure it is (residual risk: docs/security.md).
        DELETE FROM public.customer c WHERE c.id = ANY(ids);
    ELSE
        RAISE EXCEPTION '% is not erased this way', tbl USING ERRCODE = 'invalid_parameter_value';
    END IF;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$
"""

_PG_ERASURE_ANONYMISE = rf"""
CREATE FUNCTION public.erasure_anonymise(contact_id bigint, values_ jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    n integer;
BEGIN{_IN_ERASURE}
    UPDATE public.contact c SET name = values_ ->> 'name',
        name_folded = values_ ->> 'name_folded', email = values_ ->> 'email',
        email_folded = values_ ->> 'email_folded', phone = NULL, title = NULL,
        version = c.version + 1
    WHERE c.id = contact_id;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$
"""

# The physical wipe (store.erasure.scrub): a same-type ALTER rewrites the table's files with
# only the rows visible now. It needs the owner, which this function is.
_PG_ERASURE_REWRITE = rf"""
CREATE FUNCTION public.erasure_rewrite(tbl text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    col record;
BEGIN
    IF NOT public.bowebb_role('admin') THEN
        RAISE EXCEPTION 'only admins wipe erased data' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF tbl NOT IN ('customer', 'contact', 'sftp_profile', 'log_payload', 'session_summary',
                   'erasure_certificate', 'purge_approval', 'erasure_request', 'notice_export')
    THEN
        RAISE EXCEPTION '% is not rewritten this way', tbl
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS full_type,
           pg_catalog.format_type(a.atttypid, NULL) AS base_type INTO col
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = ('public.' || pg_catalog.quote_ident(tbl))::regclass
      AND a.attnum > 0 AND NOT a.attisdropped
      AND pg_catalog.format_type(a.atttypid, NULL)
          IN ('integer', 'bigint', 'smallint', 'text', 'character varying', 'bytea')
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = a.attrelid
                      AND a.attnum = ANY(i.indkey))
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conrelid = a.attrelid
                      AND a.attnum = ANY(k.conkey))
    ORDER BY a.attnum LIMIT 1;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    EXECUTE pg_catalog.format('ALTER TABLE public.%I ALTER COLUMN %I TYPE %s USING (%s)',
        tbl, col.name, col.full_type,
        CASE WHEN col.base_type IN ('integer', 'bigint', 'smallint')
             THEN pg_catalog.format('%I + 0', col.name)
             WHEN col.base_type = 'bytea' THEN pg_catalog.format('%I || ''''::bytea', col.name)
             ELSE pg_catalog.format('%I || ''''', col.name) END);
    RETURN true;
END $$
"""

_PG_PROFILE_DELETE = rf"""
CREATE FUNCTION public.profile_delete(profile_id bigint, expected_version integer)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER {SEARCH_PATH} AS $$
DECLARE
    n integer;
BEGIN
    IF NOT (public.bowebb_role('agent') OR public.bowebb_role('lead')
            OR public.bowebb_role('admin')) THEN
        RAISE EXCEPTION 'only support staff delete profiles'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM public.sftp_profile s WHERE s.id = profile_id
        AND (expected_version IS NULL OR s.version = expected_version);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$
"""

# log_event_fill (0008's rules): the new kinds, and who may write them.
_KIND_LIST_END = (
    "'host_key_approved', 'host_key_replaced')\n            OR NEW.kind LIKE 'purge\\_%'"
)
_NEW_KIND_LIST_END = (
    "'host_key_approved', 'host_key_replaced', 'customer_changed',\n"
    "                         'contact_changed', 'profile_changed', 'backend_ended')\n"
    "            OR NEW.kind LIKE 'purge\\_%'"
)
# A lead or admin ended another login's database session (issue 13, item 13; migration 0010).
_LEAD_KINDS = "'host_key_approved', 'host_key_replaced') AND NOT is_lead THEN"
_NEW_LEAD_KINDS = "'host_key_approved', 'host_key_replaced', 'backend_ended') AND NOT is_lead THEN"
_UNKNOWN_CHECK = "    IF NOT (NEW.kind IN ('consent_recorded',"
_NEW_RULES = f"""    IF NEW.kind IN ('customer_changed', 'contact_changed', 'profile_changed')
       AND pg_catalog.pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'changes to customers, contacts and profiles are recorded by the '
            'database itself' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.kind = 'erasure_performed' THEN
        UPDATE public.erasure_xact x SET logged = true WHERE x.xact = {_CURRENT_XACT};
        IF NOT FOUND THEN
            RAISE EXCEPTION 'an erasure is logged only by the erasure itself'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
"""


def _fill_rules(rules: str) -> str:
    assert (
        rules.count(_KIND_LIST_END) == 1
        and rules.count(_UNKNOWN_CHECK) == 1
        and rules.count(_LEAD_KINDS) == 1
    ), "0008's kind rules changed: update 0009"
    rules = rules.replace(_KIND_LIST_END, _NEW_KIND_LIST_END)
    rules = rules.replace(_LEAD_KINDS, _NEW_LEAD_KINDS)
    return rules.replace(_UNKNOWN_CHECK, _NEW_RULES + _UNKNOWN_CHECK)


# 0008 tied a payload to its event by "the event's xmin is this transaction's id", which a
# savepoint (the ORM's begin_nested) defeats: its rows carry the subtransaction's id. A row
# this transaction can see whose inserting transaction is still in progress is its own.
_PG_OWN_ROW = rf"""
CREATE FUNCTION public.bowebb_own_row(x xid) RETURNS boolean
LANGUAGE sql STABLE {SEARCH_PATH} AS $$
    SELECT x = pg_catalog.pg_current_xact_id()::xid OR pg_catalog.pg_xact_status(
        (((pg_catalog.pg_current_xact_id()::text::bigint >> 32) << 32)
         | x::text::bigint)::text::xid8) = 'in progress'
$$
"""
_OLD_OWN = "IF NOT (e.x = pg_catalog.pg_current_xact_id()::xid) THEN"
_NEW_OWN = "IF NOT public.bowebb_own_row(e.x) THEN"


def _payload_check(body: str) -> str:
    assert body.count(_OLD_OWN) == 1, "0008's payload check changed: update 0009"
    return body.replace(_OLD_OWN, _NEW_OWN).replace(
        "CREATE FUNCTION public.log_payload_check()",
        "CREATE OR REPLACE FUNCTION public.log_payload_check()",
    )


def _as_owner_of(function: str, body: str) -> None:
    """CREATE OR REPLACE keeps a function's owner (the log writer); a non-superuser joins
    that role for the moment of the replacement only (as 0007 does for log_event_fill)."""
    bind = op.get_bind()
    owner = bind.execute(
        sa.text("SELECT proowner::regrole::text FROM pg_proc WHERE proname = :f"), {"f": function}
    ).scalar()
    me, superuser = bind.execute(
        sa.text("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
    ).one()
    join = owner is not None and owner.strip('"') != me and not superuser
    if join:
        op.execute(f"GRANT {owner} TO current_user")
    op.execute(body)
    if join:
        op.execute(f"REVOKE {owner} FROM current_user")


def _sqlite_triggers(table: str) -> list[str]:
    """Row triggers that note each change for store.log.changes to chain at COMMIT."""
    cols = TRACKED[table]
    customer = "id" if table == "customer" else "customer_id"

    def row(alias: str) -> str:
        pairs = ", ".join(f"'{c}', {alias}.{c}" for c in cols)
        return f"json_object('id', {alias}.id, {pairs})"

    made = []
    for op_, before, after, ref in (
        ("insert", "NULL", row("NEW"), "NEW"),
        ("update", row("OLD"), row("NEW"), "NEW"),
        ("delete", row("OLD"), "NULL", "OLD"),
    ):
        made.append(
            f"CREATE TRIGGER {table}_{op_}_noted AFTER {op_.upper()} ON {table} "
            "WHEN NOT EXISTS (SELECT 1 FROM erasure_xact) BEGIN "
            "INSERT INTO pending_change (tbl, op, row_id, customer_id, before, after) "
            f"VALUES ('{table}', '{op_}', {ref}.id, {ref}.{customer}, {before}, {after}); END"
        )
    return made


def upgrade() -> None:
    op.create_table(
        "erasure_xact",
        sa.Column("xact", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("logged", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "pending_change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("tbl", sa.String(20), nullable=False),
        sa.Column("op", sa.String(10), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer()),
        sa.Column("before", sa.Text()),
        sa.Column("after", sa.Text()),
    )
    if op.get_bind().dialect.name != "postgresql":
        for table in TRACKED:
            for statement in _sqlite_triggers(table):
                op.execute(statement)
        return
    m8 = _migration("0008_boundary.py")
    review = _migration("0007_review.py")
    review._replace_fill(_fill_rules(m8._FILL_RULES) + m8._fill_rest(review._FILL_REST))
    op.execute(_PG_OWN_ROW)
    _as_owner_of("log_payload_check", _payload_check(m8._PG_PAYLOAD_CHECK))
    for body in (
        _PG_ROLE,
        _PG_CHANGE_ROW,
        _PG_RECORD_CHANGE,
        _PG_CUSTOMER_GUARD,
        _PG_ERASURE_BEGIN,
        _PG_ERASURE_LOGGED,
        _PG_ERASURE_DELETE,
        _PG_ERASURE_ANONYMISE,
        _PG_ERASURE_REWRITE,
        _PG_PROFILE_DELETE,
    ):
        op.execute(body)
    for table, cols in TRACKED.items():
        args = f"'{KINDS[table]}', '{','.join(cols)}'"
        for op_, referencing in OPS.items():
            op.execute(
                f"CREATE TRIGGER {table}_{op_}_recorded AFTER {op_.upper()} ON {table} "
                f"REFERENCING {referencing} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION public.record_change({args})"
            )
    op.execute(
        "CREATE TRIGGER customer_guard BEFORE INSERT OR UPDATE ON customer "
        "FOR EACH ROW EXECUTE FUNCTION public.customer_guard()"
    )
    op.execute(
        "CREATE CONSTRAINT TRIGGER erasure_logged AFTER INSERT ON erasure_xact "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.erasure_logged()"
    )


FUNCTIONS = (
    "profile_delete(bigint, integer)",
    "erasure_rewrite(text)",
    "erasure_anonymise(bigint, jsonb)",
    "erasure_delete(text, bigint[])",
    "erasure_logged()",
    "erasure_begin()",
    "customer_guard()",
    "record_change()",
    "change_row(text, jsonb, jsonb, text[])",
    "bowebb_role(text)",
    "bowebb_own_row(xid)",
)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS erasure_logged ON erasure_xact")
        op.execute("DROP TRIGGER IF EXISTS customer_guard ON customer")
        for table in TRACKED:
            for op_ in OPS:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{op_}_recorded ON {table}")
        m8 = _migration("0008_boundary.py")
        review = _migration("0007_review.py")
        review._replace_fill(m8._FILL_RULES + m8._fill_rest(review._FILL_REST))
        _as_owner_of(
            "log_payload_check",
            m8._PG_PAYLOAD_CHECK.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1),
        )
        for function in FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS public.{function}")
    else:
        for table in TRACKED:
            for op_ in OPS:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{op_}_noted")
    op.drop_table("pending_change")
    op.drop_table("erasure_xact")
