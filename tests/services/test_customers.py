"""The customers service on real databases: lookup, saves with their stale-edit and
lost-COMMIT handling, trials, CSV import and the recorded notice export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text

from bowebb_console.domain.errors import ShownError, ValidationError
from bowebb_console.services import customers
from bowebb_console.services.customers import (
    ContactInput,
    CustomerInput,
    ImportFileError,
    InputErrors,
    SaveOutcome,
    SaveUnknown,
    StaleEdit,
    TrialInput,
)
from bowebb_console.services.database import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database

ORG = "556680-9827"
GOOD_CSV = (
    "org_number,company_name,status,contact_name,email\n"
    "556680-9827,Sundqvist Bygg AB,active,Anna Berg,anna@sundqvist.se\n"
    "165590123450,Åkesson Handel AB,trial,Örjan Ärlig,orjan@akesson.se\n"
)


@pytest.fixture
def db(any_db_url: str) -> Iterator[Database]:
    database = Database(make_engine(any_db_url))
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(sqlite_url: str) -> Iterator[Database]:
    init_database(sqlite_url)
    database = Database(make_engine(sqlite_url))
    yield database
    database.dispose()


def _company(db: Database, name: str = "Sundqvist Bygg AB") -> customers.CustomerView:
    saved = customers.create_customer(
        db, CustomerInput(ORG, name), [ContactInput("Anna Berg", "anna@sundqvist.se")]
    )
    assert saved.ok and saved.view is not None
    return saved.view


def test_lookup_browses_then_searches(db: Database) -> None:
    view = _company(db)
    customers.create_customer(db, CustomerInput("5590123450", "Åkesson Handel AB"))
    query, rows = customers.lookup(db, "")
    assert query == "" and [r.name for r in rows] == ["Sundqvist Bygg AB", "Åkesson Handel AB"]
    _, rows = customers.lookup(db, "anna@sundqvist.se")
    assert rows[0].customer_id == view.id
    assert rows[0].matched_contact == "Anna Berg <anna@sundqvist.se>"
    (hit,) = customers.search_customers(db, "5566809827")
    assert (hit.customer_id, hit.match_kind) == (view.id, "org_exact")
    card = customers.load_customer_card(db, view.id)
    assert card is not None and [c.email for c in card.contacts] == ["anna@sundqvist.se"]
    assert customers.load_customer_card(db, view.id + 100) is None


def test_bad_input_is_refused_before_the_database_with_codes(db: Database) -> None:
    with pytest.raises(InputErrors) as caught:
        customers.create_customer(db, CustomerInput("556680-9828", "  "))
    assert [(e.field, e.code) for e in caught.value.errors] == [
        ("org_number", "orgnr.check_digit"),
        ("name", "name.missing"),
    ]
    assert customers.lookup(db, "")[1] == []


def test_a_stale_edit_is_refused_and_nothing_is_overwritten(db: Database) -> None:
    loaded = _company(db)
    first = customers.update_customer(db, loaded, CustomerInput(ORG, "Sundqvist AB"))
    assert first.ok and first.view is not None and first.view.version == loaded.version + 1
    mine = CustomerInput(ORG, "Mitt namn AB", "terminated")
    with pytest.raises(StaleEdit) as caught:
        customers.update_customer(db, loaded, mine)
    assert (caught.value.code, caught.value.params["changed"]) == ("customers.stale_edit", "name")
    assert caught.value.yours == mine
    current = customers.get_customer(db, loaded.id)
    assert current is not None and current.name == "Sundqvist AB"


def test_contacts_add_and_edit(db: Database) -> None:
    company = _company(db)
    added = customers.add_contact(db, company.id, ContactInput("Per Ek", "Per@Sundqvist.se"))
    assert added.ok and added.view is not None and added.view.email == "Per@sundqvist.se"
    edited = customers.update_contact(
        db, added.view, ContactInput("Per Ek", "per@sundqvist.se", "070-123 45 67")
    )
    assert edited.ok and edited.view is not None and edited.view.phone == "+46701234567"
    assert customers.get_contact(db, added.view.id) == edited.view
    with pytest.raises(StaleEdit):
        customers.update_contact(db, added.view, ContactInput("Per Ek", "p@sundqvist.se"))


def test_trial_registration_and_conversion(db: Database) -> None:
    trial = customers.register_trial(
        db, TrialInput("559012-3450", "Provar AB", ContactInput("Eva", "eva@provar.se"))
    )
    assert trial.ok and trial.view is not None and trial.view.status == "trial"
    converted = customers.convert_trial(db, trial.view)
    assert converted.ok and converted.view is not None
    assert (converted.view.status, converted.view.customer_since is not None) == (
        "active",
        True,
    )
    with pytest.raises(InputErrors) as caught:
        customers.convert_trial(db, converted.view)
    assert caught.value.errors[0].code == "customers.not_trial"


def test_a_commit_lost_with_the_connection_is_checked_not_guessed(pg_db) -> None:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    db = Database(make_engine(pg_db.admin_url_str))
    killer = make_engine(pg_db.admin_url_str)
    armed = [True]

    def drop_connection(conn) -> None:  # type: ignore[no-untyped-def]
        if armed[0]:  # the network drops just before the COMMIT reaches the server
            armed[0] = False
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with killer.connect() as k:
                k.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})

    event.listen(db.engine, "commit", drop_connection)
    lost = customers.create_customer(db, CustomerInput(ORG, "Tappad AB"))
    assert (lost.outcome, lost.view, lost.ok) == (SaveOutcome.NOT_SAVED, None, False)
    assert customers.lookup(db, "")[1] == []
    again = customers.create_customer(db, CustomerInput(ORG, "Tappad AB"))
    assert again.ok and [r.name for r in customers.lookup(db, "")[1]] == ["Tappad AB"]
    event.remove(db.engine, "commit", drop_connection)
    killer.dispose()
    db.dispose()


def test_an_outcome_that_cannot_be_checked_is_save_unknown(sqlite_db: Database) -> None:
    with sqlite_db.engine.begin() as conn:  # neither the save nor its check can run
        conn.execute(text("ALTER TABLE customer RENAME TO customer_gone"))
    with pytest.raises(SaveUnknown) as caught:
        customers.create_customer(sqlite_db, CustomerInput(ORG, "Okänd AB"))
    assert caught.value.code == "save.unknown"


def test_a_refusal_by_the_database_is_a_coded_error(sqlite_db: Database) -> None:
    with sqlite_db.engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TRIGGER no_new BEFORE INSERT ON customer "
                "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END"
            )
        )
    with pytest.raises(ShownError) as caught:
        customers.create_customer(sqlite_db, CustomerInput(ORG, "Nekad AB"))
    assert caught.value.code == "db.refused"
    assert caught.value.params["detail"] == "refused by a test trigger"


def test_import_dry_run_then_all_or_nothing(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    dry = customers.import_file(db, path, dry_run=True)
    assert (dry.errors, dry.customers_created, dry.applied) == ((), 2, False)
    assert customers.lookup(db, "")[1] == []
    applied = customers.import_file(db, path)
    assert applied.applied and len(customers.lookup(db, "")[1]) == 2
    path.write_text(GOOD_CSV + "556680-9827,Annat AB,active,Bo,bo@x.se\n", encoding="utf-8")
    refused = customers.import_file(db, path)
    assert not refused.applied and [e.code for e in refused.errors] == ["import.duplicate_org_name"]
    assert {r.name for r in customers.lookup(db, "")[1]} == {
        "Sundqvist Bygg AB",
        "Åkesson Handel AB",
    }


def test_an_unreadable_import_file_is_a_coded_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as caught:
        customers.import_file(db, tmp_path / "missing.csv", dry_run=True)
    assert caught.value.code == "import.unreadable"
    assert "cannot read" in str(caught.value)


def test_notice_export_renames_into_place_only_after_the_record(
    db: Database, tmp_path: Path
) -> None:
    _company(db)
    customers.create_customer(
        db,
        CustomerInput("5590123450", "Slut AB", "terminated"),
        [ContactInput("Gone", "gone@slut.se")],
    )
    target = tmp_path / "out" / "notice.csv"
    target.parent.mkdir()
    with pytest.raises(ValidationError) as caught:  # refused: no record, no file, no leftover
        customers.export_notices(db, target, reason=" ", local_user="agent1")
    assert caught.value.code == "notices.reason_missing"
    assert list(target.parent.iterdir()) == []
    assert customers.export_notices(db, target, reason="Avbrott", local_user="agent1") == 1
    assert [p.name for p in target.parent.iterdir()] == ["notice.csv"]
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows == [
        ["email", "contact_name", "company_name"],
        ["anna@sundqvist.se", "Anna Berg", "Sundqvist Bygg AB"],
    ]
    (record,) = customers.list_notice_exports(db)
    assert (record.recipient_count, record.reason) == (1, "Avbrott")


def test_a_failed_record_leaves_no_file(sqlite_db: Database, tmp_path: Path) -> None:
    with sqlite_db.engine.begin() as conn:
        conn.execute(text("DROP TABLE notice_export"))
    target = tmp_path / "out" / "notice.csv"
    target.parent.mkdir()
    with pytest.raises(ShownError) as caught:
        customers.export_notices(sqlite_db, target, reason="Avbrott", local_user="agent1")
    assert caught.value.code.startswith("db.")
    assert list(target.parent.iterdir()) == []
