"""The record of processing activities (issue 15, item 5); remote tools are processors
too (item 7).

- ``processing``: "Personuppgiftsbehandlingar" (GDPR Art. 30): purpose, legal basis,
  categories of people and data, recipients, transfers outside the EU, retention, security
  measures per processing, seeded with BoWebb's processings as the policy describes them.
  Retention the console enforces is not copied: ``lifecycle`` names the
  ``lifecycle_setting`` columns that apply and readers show their current values.
  Everyone reads; only admins write (PostgreSQL grants, store.db.grants). Every change is a
  chained ``processing_changed`` event with the changed fields before and after in the
  erasable payload, recorded by the database like customer edits (0009's ``record_change``
  on PostgreSQL, ``pending_change`` row triggers on SQLite); ``log_event_fill`` accepts the
  kind only from that trigger (patched by its live text, as 0016 does).

- ``sub_processor.remote_tool``: the remote-control tool an entry of the register covers, as
  the consent dialog names it ("AnyDesk"); unique, empty for every other sub-processor.
- PostgreSQL: ``log_payload_check`` (0008/0009, patched here by its live text) refuses a
  ``session_started`` payload naming a tool whose entry is flagged — no signed DPA, a
  processing or storage location outside the EU (EEA-only countries too), or ended — or a
  tool no entry covers once the register links any tool, unless the payload carries a
  non-blank ``tool_flag_reason``: the same way ``dpa_missing_reason`` is required for a
  customer with no signed DPA. The rule is ``domain.subprocessor_flags.tool_flags``; the
  log writer reads the register's columns it needs (store.db.grants.LOG_WRITER_READS).
  SQLite (single user) keeps the rule in the application (store.sessions.events).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _migration(name: str) -> ModuleType:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"bowebb_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# domain.countries.EU_MEMBERS as of this migration (a migration keeps its own copy).
EU_MEMBERS = """AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"""
_EU = ", ".join(f"'{c}'" for c in EU_MEMBERS.split(" "))
_END = "    RETURN NEW;\nEND"
_TOOL_RULE = f"""    -- Issue 15, item 7 (0018): a flagged remote tool needs a logged reason.
    IF e.kind = 'session_started'
       AND coalesce(NEW.payload::jsonb ->> 'tool', '') <> ''
       AND pg_catalog.btrim(coalesce(NEW.payload::jsonb ->> 'tool_flag_reason', '')) = ''
       AND (EXISTS (SELECT 1 FROM public.sub_processor s
                    WHERE s.remote_tool = NEW.payload::jsonb ->> 'tool'
                    AND (s.dpa_signed_on IS NULL OR s.status = 'ended'
                         OR EXISTS (SELECT 1 FROM pg_catalog.unnest(pg_catalog.string_to_array(
                                        s.locations || ',' || s.storage_locations, ','))
                                        AS l(code)
                                    WHERE pg_catalog.btrim(l.code) <> ''
                                    AND pg_catalog.upper(pg_catalog.btrim(l.code))
                                        <> ALL (ARRAY[{_EU}]))))
            OR (NOT EXISTS (SELECT 1 FROM public.sub_processor s
                            WHERE s.remote_tool = NEW.payload::jsonb ->> 'tool')
                AND EXISTS (SELECT 1 FROM public.sub_processor s
                            WHERE s.remote_tool IS NOT NULL))) THEN
        RAISE EXCEPTION 'the remote tool % is flagged in the sub-processor register: %',
            NEW.payload::jsonb ->> 'tool', 'starting needs a reason'
            USING ERRCODE = 'check_violation';
    END IF;
"""


TRACKED = (
    "position",
    "name",
    "purpose",
    "legal_basis",
    "data_subjects",
    "data_categories",
    "recipients",
    "transfers",
    "retention",
    "lifecycle",
    "security",
)
OPS = {
    "insert": "NEW TABLE AS new_rows",
    "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "delete": "OLD TABLE AS old_rows",
}
_SECURITY = (
    "Åtkomstsystem: varje person loggar in med eget konto och en roll (agent, teamledare, "
    "administratör) som databasen själv upprätthåller; lösenord i operativsystemets "
    "nyckelring; manipuleringssäker, kedjad logg; lagring inom EU; krypterade "
    "säkerhetskopior; underbiträden med PUB-avtal."
)
_RECIPIENTS = (
    "BoWebbs support och administratörer; underbiträden enligt registret över "
    "underbiträden (drift, säkerhetskopior)."
)
SEED: tuple[dict[str, str], ...] = (
    {
        "name": "Kundkontakter",
        "purpose": "Fullgöra avtalet med kunden: support, och information om större nyheter "
        "och driftstörningar i tjänsterna. Ingen direktmarknadsföring.",
        "legal_basis": "Avtal (art. 6.1 b); berättigat intresse (art. 6.1 f).",
        "data_subjects": "Kontaktpersoner hos kunder (företag).",
        "data_categories": "Namn, e-postadress, telefonnummer, roll hos kunden. Inga känsliga "
        "personuppgifter (art. 9).",
        "recipients": _RECIPIENTS + " E-postadresser säljs aldrig till tredje part.",
        "transfers": "Inga: uppgifterna lagras och behandlas inom EU.",
        "retention": "Under affärsrelationen; efter avslutad affärsrelation hårdraderas allt "
        "när gallringsfristen har gått.",
        "lifecycle": "grace_period_days",
    },
    {
        "name": "Testkonton",
        "purpose": "Låta den som ännu inte är kund prova tjänsten.",
        "legal_basis": "Åtgärder på den registrerades begäran före avtal (art. 6.1 b).",
        "data_subjects": "Personer som registrerar testkonton.",
        "data_categories": "Företag, och registrerande persons namn, e-postadress och "
        "telefonnummer.",
        "recipients": _RECIPIENTS,
        "transfers": "Inga: uppgifterna lagras och behandlas inom EU.",
        "retention": "Ett testkonto som inte blir kund inom testperioden hårdraderas när "
        "gallringsfristen därefter har gått.",
        "lifecycle": "trial_period_days,grace_period_days",
    },
    {
        "name": "Fjärrsessioner (sessionslogg)",
        "purpose": "Support med fjärrstyrning efter kundens överenskommelse; ansvarsskyldighet, "
        "teamledares granskning och kunders revisioner.",
        "legal_basis": "Berättigat intresse (art. 6.1 f); ansvarsskyldighet (art. 5.2).",
        "data_subjects": "Kontaktpersoner hos kunder; BoWebbs supportpersonal.",
        "data_categories": "Vem som samtyckte och hur, agent, tider, anteckningar och "
        "sammanfattning, fjärrverktyg och dess sessions-id.",
        "recipients": _RECIPIENTS + " Fjärrstyrningsverktygen (underbiträden).",
        "transfers": "Inga, förutsatt att fjärrverktygen behandlar inom EU (se registret "
        "över underbiträden).",
        "retention": "Sessionsloggen gallras när lagringstiden har gått.",
        "lifecycle": "log_retention_days",
    },
    {
        "name": "Filöverföringar (SFTP)",
        "purpose": "Föra över filer för att fullgöra en köpt tjänst eller i supportsyfte, "
        "och visa vad som fördes över.",
        "legal_basis": "Avtal (art. 6.1 b); berättigat intresse (art. 6.1 f).",
        "data_subjects": "Kontaktpersoner hos kunder; personer i kundernas filer.",
        "data_categories": "Filnamn, storlek, SHA-256, riktning, agent; filernas innehåll "
        "sparas inte i konsolen.",
        "recipients": _RECIPIENTS,
        "transfers": "Inga: uppgifterna lagras och behandlas inom EU.",
        "retention": "Som sessionsloggen.",
        "lifecycle": "log_retention_days",
    },
    {
        "name": "Begäranden från registrerade och intyg om radering",
        "purpose": "Hantera de registrerades rättigheter (art. 15–21), bl.a. radering.",
        "legal_basis": "Rättslig förpliktelse (art. 6.1 c).",
        "data_subjects": "Registrerade som gör en begäran.",
        "data_categories": "Begärandens namn och kontaktuppgifter; intyget om radering "
        "innehåller inga personuppgifter.",
        "recipients": "BoWebbs administratörer.",
        "transfers": "Inga.",
        "retention": "Begärans uppgifter tills begäran är avslutad; intyget sparas som bevis.",
        "lifecycle": "",
    },
    {
        "name": "Personuppgiftsincidenter",
        "purpose": "Dokumentera incidenter och anmäla till IMY och berörda (art. 33–34).",
        "legal_basis": "Rättslig förpliktelse (art. 6.1 c; art. 33.5).",
        "data_subjects": "Berörda registrerade; kontaktpersoner hos berörda kunder.",
        "data_categories": "Beskrivning, kategorier och ungefärligt antal berörda, åtgärder.",
        "recipients": "BoWebbs teamledare och administratörer; IMY vid anmälan.",
        "transfers": "Inga.",
        "retention": "Så länge det behövs för att visa att förordningen följs.",
        "lifecycle": "",
    },
    {
        "name": "Konsolens användare",
        "purpose": "Åtkomstkontroll och ansvarsskyldighet (policyns åtkomstsystem).",
        "legal_basis": "Berättigat intresse (art. 6.1 f); säkerhet (art. 32).",
        "data_subjects": "BoWebbs anställda som använder konsolen.",
        "data_categories": "Användarnamn, roll, inloggningar och handlingar i loggen.",
        "recipients": "BoWebbs administratörer.",
        "transfers": "Inga.",
        "retention": "Så länge kontot finns; loggposter som sessionsloggen.",
        "lifecycle": "log_retention_days",
    },
)

_CHANGE_KIND = "processing_changed"
_PRIVACY_KINDS = "IF NOT (NEW.kind LIKE 'privacy\\_%' OR NEW.kind IN ('consent_recorded',"
_WITH_PROCESSING = (
    "IF NOT (NEW.kind LIKE 'privacy\\_%' OR NEW.kind = 'processing_changed' "
    "OR NEW.kind IN ('consent_recorded',"
)
_PROCESSING_RULE = """    IF NEW.kind = 'processing_changed'
       AND pg_catalog.pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'changes to the record of processing are recorded by the database '
            'itself' USING ERRCODE = 'insufficient_privilege';
    END IF;
"""


def _sqlite_triggers() -> list[str]:
    """migration 0009's row triggers for ``processing`` (no customer: customer_id NULL)."""

    def row(alias: str) -> str:
        pairs = ", ".join(f"'{c}', {alias}.{c}" for c in TRACKED)
        return f"json_object('id', {alias}.id, {pairs})"

    made = []
    for op_, before, after, ref in (
        ("insert", "NULL", row("NEW"), "NEW"),
        ("update", row("OLD"), row("NEW"), "NEW"),
        ("delete", row("OLD"), "NULL", "OLD"),
    ):
        made.append(
            f"CREATE TRIGGER processing_{op_}_noted AFTER {op_.upper()} ON processing "
            "WHEN NOT EXISTS (SELECT 1 FROM erasure_xact) BEGIN "
            "INSERT INTO pending_change (tbl, op, row_id, customer_id, before, after) "
            f"VALUES ('processing', '{op_}', {ref}.id, NULL, {before}, {after}); END"
        )
    return made


def _definition(function: str) -> str:
    return str(
        op.get_bind()
        .execute(sa.text(f"SELECT pg_get_functiondef('{function}'::regprocedure)"))
        .scalar_one()
    )


def _payload_check() -> str:
    return str(
        op.get_bind()
        .execute(sa.text("SELECT pg_get_functiondef('public.log_payload_check()'::regprocedure)"))
        .scalar_one()
    )


def _processing_upgrade() -> None:
    table = op.create_table(
        "processing",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        *(
            sa.Column(c, sa.Text(), nullable=False, server_default="")
            for c in (
                "purpose",
                "legal_basis",
                "data_subjects",
                "data_categories",
                "recipients",
                "transfers",
                "retention",
            )
        ),
        sa.Column("lifecycle", sa.String(200), nullable=False, server_default=""),
        sa.Column("security", sa.Text(), nullable=False, server_default=""),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )
    # Seed data, not an admin's change: written before the change record is attached.
    op.bulk_insert(
        table,
        [
            dict(row, position=10 * (i + 1), security=_SECURITY, version=1)
            for i, row in enumerate(SEED)
        ],
    )
    if op.get_bind().dialect.name != "postgresql":
        for statement in _sqlite_triggers():
            op.execute(statement)
        return
    args = f"'{_CHANGE_KIND}', '{','.join(TRACKED)}'"
    for op_, referencing in OPS.items():
        op.execute(
            f"CREATE TRIGGER processing_{op_}_recorded AFTER {op_.upper()} ON processing "
            f"REFERENCING {referencing} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION public.record_change({args})"
        )
    fill = _definition("public.log_event_fill()")
    assert fill.count(_PRIVACY_KINDS) == 1, "log_event_fill's kind check changed: update 0018"
    fill = fill.replace(_PRIVACY_KINDS, _PROCESSING_RULE + "    " + _WITH_PROCESSING)
    _migration("0009_records.py")._as_owner_of("log_event_fill", fill)


def _processing_downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        fill = _definition("public.log_event_fill()")
        if _PROCESSING_RULE in fill:
            fill = fill.replace(_PROCESSING_RULE + "    " + _WITH_PROCESSING, _PRIVACY_KINDS)
            _migration("0009_records.py")._as_owner_of("log_event_fill", fill)
        for op_ in OPS:
            op.execute(f"DROP TRIGGER IF EXISTS processing_{op_}_recorded ON processing")
    else:
        for op_ in OPS:
            op.execute(f"DROP TRIGGER IF EXISTS processing_{op_}_noted")
    op.drop_table("processing")


def upgrade() -> None:
    _processing_upgrade()
    op.add_column("sub_processor", sa.Column("remote_tool", sa.String(40)))
    op.create_index("ix_sub_processor_remote_tool", "sub_processor", ["remote_tool"], unique=True)
    if op.get_bind().dialect.name == "postgresql":
        body = _payload_check()
        assert body.count(_END) == 1, "log_payload_check changed: update 0018"
        _migration("0009_records.py")._as_owner_of(
            "log_payload_check", body.replace(_END, _TOOL_RULE + _END)
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        body = _payload_check()
        if _TOOL_RULE in body:
            _migration("0009_records.py")._as_owner_of(
                "log_payload_check", body.replace(_TOOL_RULE, "")
            )
    op.drop_index("ix_sub_processor_remote_tool", "sub_processor")
    with op.batch_alter_table("sub_processor") as batch:
        batch.drop_column("remote_tool")
    _processing_downgrade()
