"""Issue 14, item 8 (PostgreSQL): after an erasure and its wipe, no old row version of
``session_summary`` holds the person, and ``pg_statistic`` keeps none of the erased values,
neither in ``pg_stats`` nor in its files: the wipe, run by an admin login that does not own
the tables, rewrites session_summary too (migration 0012), and the erasable tables' text
columns gather no value statistics at all (migration 0019), so a replaced catalog row
cannot keep them in pg_statistic's files either."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from bowebb_console.services import erasure as service
from bowebb_console.store.db import users
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.erasure.person import ErasurePlan, PersonQuery
from bowebb_console.store.erasure.requests import NewRequest
from tests.store.erasure_helpers import (
    COMPANY,
    EMAIL,
    NAME,
    ORG,
    SECRETS,
    found_in_bytes,
    pg_relation_bytes,
    plant_person,
)

TODAY = dt.date(2026, 11, 26)
PASSWORD = "correct horse battery"


def _stats_values(engine, table: str) -> str:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT concat(most_common_vals::text, histogram_bounds::text) FROM pg_stats "
                "WHERE schemaname = 'public' AND tablename = :t"
            ),
            {"t": table},
        ).scalars()
        return " ".join(rows).lower()


def _stats_rows(engine, table: str) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stats WHERE schemaname = 'public' AND tablename = :t"
                ),
                {"t": table},
            ).scalar_one()
        )


def test_pg_wipe_leaves_no_summary_versions_and_no_statistics(pg_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    root = make_engine(pg_db.admin_url_str)
    names = {}
    with root.begin() as conn:
        for role in ("admin", "admin2"):
            names[role] = pg_db.login_name(role)
            users.add_user(conn, names[role], "admin", PASSWORD)
    planted = plant_person(root, hard_delete_due=TODAY)
    with root.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in ("customer", "session_summary", "contact"):
            conn.execute(text(f"ANALYZE {table}"))
    # The planner gathered statistics, but none of the values (migration 0019).
    assert _stats_rows(root, "customer") > 0
    assert ORG not in _stats_values(root, "customer")
    assert found_in_bytes(pg_relation_bytes(root, ["pg_statistic"]), (COMPANY, ORG, *SECRETS)) == []
    admin = make_engine(pg_db.url_for(names["admin"], PASSWORD))
    admin2 = make_engine(pg_db.url_for(names["admin2"], PASSWORD))
    who = Identity(names["admin"], "admin", "postgresql")
    journal = tmp_path / "journal.jsonl"
    # The person's erasure: their notes leave session_summary's files too.
    query = PersonQuery(email=EMAIL, phone="+46709871234", name=NAME)
    found = service.find_person(Database(admin), query)
    done = service.erase_person(
        Database(admin),
        who,
        journal,
        ErasurePlan(
            request=NewRequest(TODAY, "email"),
            identity_check="call_back",
            query=query,
            contact_actions={c.id: "erase" for c in found.contacts},
            payload_seqs=tuple(p.seq for p in found.payloads),
        ),
        today=TODAY,
    )
    assert "session_summary" in done.scrub.rewritten and done.scrub.pending == ()
    assert found_in_bytes(pg_relation_bytes(root, ["session_summary"])) == []
    # The customer's purge: its org number and name leave pg_stats.
    approval = service.request_purge(Database(admin), who, planted.customer_id, TODAY)
    service.approve_purge(Database(admin2), approval.id)
    purged = service.run_purge(Database(admin), who, journal, approval.id, COMPANY, today=TODAY)
    assert "customer" in purged.scrub.rewritten and purged.scrub.pending == ()
    values = _stats_values(root, "customer")
    assert ORG not in values and "vindelkraft" not in values
    for table in ("session_summary", "contact"):
        assert not [s for s in SECRETS if s.lower() in _stats_values(root, table)]
    with root.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))  # autovacuum's analyze, say, after the purge
    assert (
        found_in_bytes(
            pg_relation_bytes(
                root, ["session_summary", "customer", "contact", "log_payload", "pg_statistic"]
            ),
            (COMPANY, ORG, *SECRETS),
        )
        == []
    )
    for engine in (admin, admin2, root):
        engine.dispose()
