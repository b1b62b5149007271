"""The CSV import as real PostgreSQL logins (issue 17): its set-based statements (staging
tables, INSERT ... SELECT, UPDATE ... FROM) meet the same rules as single edits. An agent may
not import a terminated customer nor terminate one by re-importing it; a lead may; every
imported change is a recorded event of the importer, and the chain verifies."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.exc import DBAPIError

from bowebb_console.store.customers.csv_import import import_csv
from bowebb_console.store.db.connect import Database
from bowebb_console.store.log.verify import verify_log
from tests.store.security.conftest import run

HEADER = "org_number,company_name,status,contact_name,email,phone,title\n"
ACTIVE = (
    HEADER
    + "556680-9827,Sundqvist Bygg AB,active,Anna Berg,anna@sundqvist.se,070-123 45 67,VD\n"
    + "556036-0793,Pågående AB,,Per Al,per@pagaende.se,,\n"
)
TERMINATED = HEADER + "556680-9827,Sundqvist Bygg AB,terminated,Anna Berg,anna@sundqvist.se,,\n"


def _import(engine, content: str):  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        return import_csv(conn, content.encode())


def test_an_agent_neither_imports_nor_terminates_a_terminated_customer(logins) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DBAPIError, match="only team leads and admins"):
        _import(logins["agent"], TERMINATED)
    assert run(logins.root, "SELECT count(*) FROM customer") == [(0,)]
    report = _import(logins["agent"], ACTIVE)
    assert (report.customers_created, report.contacts_created) == (2, 2)
    with pytest.raises(DBAPIError, match="only team leads and admins"):
        _import(logins["agent"], TERMINATED)
    assert run(logins.root, "SELECT status FROM customer WHERE org_number = '5566809827'") == [
        ("active",)
    ]
    report = _import(logins["lead"], TERMINATED)
    assert report.customers_updated == 1
    [(status, due)] = run(
        logins.root,
        "SELECT status, hard_delete_due IS NOT NULL FROM customer WHERE org_number = '5566809827'",
    )
    assert (status, due) == ("terminated", True)


def test_imported_changes_are_the_importer_s_recorded_events(logins) -> None:  # type: ignore[no-untyped-def]
    _import(logins["agent"], ACTIVE)
    _import(logins["agent"], ACTIVE)  # nothing changed: no new event
    changed = ACTIVE.replace("Anna Berg", "Anna Bergström")
    _import(logins["lead"], changed)
    events = run(
        logins.root,
        "SELECT e.actor, e.kind, p.payload FROM log_event e JOIN log_payload p "
        "ON p.seq = e.seq WHERE e.kind IN ('customer_changed', 'contact_changed') "
        "ORDER BY e.seq",
    )
    summary = [(a, k, json.loads(p)["op"], len(json.loads(p)["rows"])) for a, k, p in events]
    agent, lead = logins.names["agent"], logins.names["lead"]
    assert summary == [
        (agent, "customer_changed", "insert", 2),
        (agent, "contact_changed", "insert", 2),
        (lead, "contact_changed", "update", 1),
    ]
    [row] = json.loads(events[-1][2])["rows"]
    assert (row["before"], row["after"]) == ({"name": "Anna Berg"}, {"name": "Anna Bergström"})
    assert verify_log(Database(logins.root)).ok
