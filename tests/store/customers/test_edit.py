"""Creating and editing customers and contacts: validation, stale edits, trials."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from bowebb_console.store.customers import edit as ce
from bowebb_console.store.customers.search import search_customers
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.models import Customer


@pytest.fixture
def engine(any_db_url: str) -> Iterator[Engine]:
    engine = make_engine(any_db_url)
    yield engine
    engine.dispose()


def create(engine: Engine, **kw: str) -> ce.CustomerView:
    data = ce.CustomerInput(kw.get("org", "556680-9827"), kw.get("name", "Sundqvist Bygg AB"))
    contact = ce.ContactInput("Anna Berg", "anna@sundqvist.se", "070-123 45 67", "VD")
    with engine.begin() as conn:
        return ce.create_customer(conn, data, [contact])


def test_create_normalises(engine: Engine) -> None:
    view = create(engine, org="16 5566809827", name="  Sundqvist\tBygg  AB ")
    assert view.org_number == "556680-9827"
    assert view.name == "Sundqvist Bygg AB"
    assert view.status == "active" and view.customer_since is not None
    with engine.connect() as conn:
        (contact,) = ce.list_contacts(conn, view.id)
        assert contact.phone == "+46701234567"
        assert contact.title == "VD"
        # The folded search keys are written too.
        assert search_customers(conn, "SUNDQVIST")[0].customer_id == view.id


def test_all_bad_fields_reported_at_once(engine: Engine) -> None:
    with engine.begin() as conn, pytest.raises(ce.InputErrors) as caught:
        ce.create_customer(conn, ce.CustomerInput("556680-9828", "", "paused"))
    errors = caught.value.by_field
    assert set(errors) == {"org_number", "name", "status"}
    assert "check digit" in errors["org_number"]
    assert "missing" in errors["name"]
    codes = {e.field: (e.code, e.params) for e in caught.value.errors}
    assert codes == {
        "org_number": ("orgnr.check_digit", {}),
        "name": ("name.missing", {"field": "company_name"}),
        "status": ("customers.status_unknown", {"statuses": "trial, active, terminated"}),
    }


def test_contact_validation_messages(engine: Engine) -> None:
    view = create(engine)
    with engine.begin() as conn, pytest.raises(ce.InputErrors) as caught:
        ce.add_contact(conn, view.id, ce.ContactInput("Per\u202eEk", "per.example.se", "12"))
    errors = caught.value.by_field
    assert set(errors) == {"name", "email", "phone"}
    assert "@" in errors["email"]
    assert "too short" in errors["phone"]
    assert [e.code for e in caught.value.errors] == [
        "name.control_character",
        "email.no_at",
        "phone.too_short",
    ]


def test_duplicate_org_number_is_refused_clearly(engine: Engine) -> None:
    create(engine)
    with pytest.raises(ce.InputErrors) as caught:
        create(engine, org="5566809827", name="Other AB")
    assert caught.value.field == "org_number"
    assert "already exists: Sundqvist Bygg AB" in caught.value.message
    (error,) = caught.value.errors
    assert (error.code, error.params) == (
        "customers.duplicate_org",
        {"org_number": "556680-9827", "name": "Sundqvist Bygg AB"},
    )


def test_stale_customer_save_is_refused_and_keeps_input(engine: Engine) -> None:
    view = create(engine)
    # Two agents load the same customer.
    with engine.connect() as a:
        loaded_a = ce.get_customer(a, view.id)
    with engine.connect() as b:
        loaded_b = ce.get_customer(b, view.id)
    assert loaded_a is not None and loaded_b is not None
    with engine.begin() as b:
        ce.update_customer(b, loaded_b, ce.CustomerInput("556680-9827", "Sundqvist AB"))
    mine = ce.CustomerInput("556680-9827", "Sundqvist Bygg & Måleri AB", "terminated")
    with engine.begin() as a, pytest.raises(ce.StaleEdit) as caught:
        ce.update_customer(a, loaded_a, mine)
    stale = caught.value
    assert stale.changed == ("name",)
    assert "changed: name" in stale.message and "your input is kept" in stale.message
    assert (stale.code, stale.params) == (
        "customers.stale_edit",
        {"what": "customer", "changed": "name"},
    )
    assert stale.yours == mine
    assert isinstance(stale.current, ce.CustomerView) and stale.current.name == "Sundqvist AB"
    # Nothing was overwritten; re-applying on the current version works.
    with engine.begin() as a:
        saved = ce.update_customer(a, stale.current, mine)
    assert saved.name == mine.name and saved.version == stale.current.version + 1


def test_stale_contact_save(engine: Engine) -> None:
    view = create(engine)
    with engine.connect() as s:
        (loaded,) = ce.list_contacts(s, view.id)
    with engine.begin() as b:
        ce.update_contact(b, loaded, ce.ContactInput("Anna Berg", "anna.berg@sundqvist.se"))
    with engine.begin() as a, pytest.raises(ce.StaleEdit) as caught:
        ce.update_contact(a, loaded, ce.ContactInput("Anna Bergh", "anna@sundqvist.se"))
    assert set(caught.value.changed) == {"email", "phone", "title"}


def test_race_between_check_and_write_is_caught_by_the_version_column(
    engine: Engine,
) -> None:
    """The UPDATE itself carries WHERE version = loaded: a save slipping in after the check
    still cannot be overwritten. (PostgreSQL, READ COMMITTED: on SQLite a writing
    transaction holds the lock from its BEGIN, so nobody can slip in.)"""
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    view = create(engine)
    with engine.begin() as a, Session(bind=a) as session:
        row = ce._fresh(session, Customer, view, "A's input")  # checked: still the version
        with engine.begin() as b:
            ce.update_customer(b, view, ce.CustomerInput("556680-9827", "Agent B's name"))
        with pytest.raises(ce.StaleEdit) as caught:
            ce._save(session, row, view, {"name": "Agent A's name"}, "A's input")
    assert caught.value.changed == ("name",)
    assert caught.value.current is not None and caught.value.current.name == "Agent B's name"
    with engine.connect() as s:
        current = ce.get_customer(s, view.id)
        assert current is not None and current.name == "Agent B's name"


def test_deleted_meanwhile(engine: Engine) -> None:
    view = create(engine)
    with engine.begin() as conn:
        conn.execute(delete(Customer).where(Customer.id == view.id))
    with engine.begin() as a, pytest.raises(ce.StaleEdit) as caught:
        ce.update_customer(a, view, ce.CustomerInput("556680-9827", "X AB"))
    assert caught.value.current is None and "deleted" in caught.value.message
    assert caught.value.code == "customers.stale_deleted"


def test_trial_registration_and_conversion(engine: Engine) -> None:
    trial = ce.TrialInput(
        "559012-3450", "Testbolaget AB", ce.ContactInput("Eva Lund", "eva@testbolaget.se")
    )
    with engine.begin() as s, pytest.raises(ce.InputErrors) as caught:
        ce.register_trial(s, ce.TrialInput("559012-3450", "", ce.ContactInput("Eva Lund", "")))
    assert set(caught.value.by_field) >= {"company_name", "email"}
    with engine.begin() as s:
        view = ce.register_trial(s, trial)
    assert view.status == "trial" and view.trial_registered_on is not None
    assert view.customer_since is None
    with engine.begin() as s:
        converted = ce.convert_trial(s, view)
    assert converted.status == "active" and converted.customer_since is not None
    with engine.begin() as s, pytest.raises(ce.InputErrors):
        ce.convert_trial(s, converted)
    with engine.begin() as s, pytest.raises(ce.StaleEdit):
        ce.convert_trial(s, view)  # an old view of the trial: stale


def test_trial_errors_name_the_trial_forms_fields(engine: Engine) -> None:
    with engine.begin() as s, pytest.raises(ce.InputErrors) as caught:
        ce.register_trial(s, ce.TrialInput("556680-9827", "Provar AB", ce.ContactInput("", "")))
    assert set(caught.value.by_field) == {"contact_name", "email"}
