"""The customer lifecycle (issue 14, items 1-3), on SQLite and PostgreSQL: one database-wide
setting, and the database derives ``hard_delete_due`` whichever path changes a customer (the
edit dialog's service, the CSV import, the end wizard's termination, a direct UPDATE);
reactivation and conversion clear it; a lapsed trial is due like a terminated customer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bowebb_console.domain.errors import ShownError
from bowebb_console.services import admin, customers, erasure
from bowebb_console.services.admin import Lifecycle
from bowebb_console.services.customers import ContactInput, CustomerInput, TrialInput
from bowebb_console.services.database import Database, Identity
from bowebb_console.store.db.engine import make_engine

TODAY = dt.date.today()
ADMIN = Identity("alice", "admin", "sqlite")
DAY = dt.timedelta(days=1)


@pytest.fixture
def db(any_db_url: str) -> Iterator[Database]:
    database = Database(make_engine(any_db_url))
    yield database
    database.dispose()


def _card(db: Database, customer_id: int) -> customers.CustomerCard:
    card = customers.load_customer_card(db, customer_id)
    assert card is not None
    return card


def _due_ids(db: Database, today: dt.date = TODAY) -> set[int]:
    return {d.id for d in erasure.due_customers(db, today)}


def _new(db: Database, org: str = "5566809827", status: str = "active") -> customers.CustomerView:
    saved = customers.create_customer(db, CustomerInput(org, "Livscykel AB", status))
    assert saved.ok and saved.view is not None
    return saved.view


def test_the_setting_is_one_row_with_defaults_and_bounds(db: Database) -> None:
    assert admin.lifecycle(db) == Lifecycle(90, 30, 1095)
    for bad, code in (
        (Lifecycle(0, 30, 1095), "lifecycle.grace"),
        (Lifecycle(29, 30, 1095), "lifecycle.grace"),
        (Lifecycle(3651, 30, 1095), "lifecycle.grace"),
        (Lifecycle(90, 0, 1095), "lifecycle.trial"),
        (Lifecycle(90, 30, 30), "lifecycle.retention"),
    ):
        with pytest.raises(ShownError) as caught:
            admin.set_lifecycle(db, ADMIN, bad)
        assert caught.value.code == code
    with pytest.raises(ShownError) as caught:
        admin.set_lifecycle(db, Identity("bo", "lead", db.dialect), Lifecycle(60, 30, 1095))
    assert caught.value.code == "lifecycle.admin_only"
    assert admin.lifecycle(db) == Lifecycle(90, 30, 1095)  # nothing changed
    assert admin.set_lifecycle(db, ADMIN, Lifecycle(30, 14, 400)) == Lifecycle(30, 14, 400)
    # The database's own CHECK holds for a direct write too.
    with pytest.raises(DBAPIError), db.engine.begin() as conn:
        conn.execute(text("UPDATE lifecycle_setting SET grace_period_days = 0"))
    assert admin.lifecycle(db).grace_period_days == 30


def test_the_edit_dialog_path_dates_a_termination_and_reactivation_clears_it(
    db: Database,
) -> None:
    view = _new(db)
    assert _card(db, view.id).hard_delete_due is None
    saved = customers.update_customer(
        db, view, CustomerInput(view.org_number, view.name, "terminated")
    )
    assert saved.ok and saved.view is not None
    card = _card(db, view.id)
    assert card.terminated_on == TODAY
    assert card.hard_delete_due == TODAY + 90 * DAY
    assert card.grace_period_days == 90
    assert view.id in _due_ids(db, TODAY + 90 * DAY)
    # A new setting counts from the next change: this customer keeps its date.
    admin.set_lifecycle(db, ADMIN, Lifecycle(45, 30, 1095))
    renamed = customers.update_customer(
        db, saved.view, CustomerInput(view.org_number, "Livscykel Sverige AB", "terminated")
    )
    assert renamed.ok and renamed.view is not None
    assert _card(db, view.id).hard_delete_due == TODAY + 90 * DAY
    # Reactivated: no termination, no date, not listed, and the purge refuses it.
    back = customers.update_customer(
        db, renamed.view, CustomerInput(view.org_number, "Livscykel Sverige AB", "active")
    )
    assert back.ok and back.view is not None
    card = _card(db, view.id)
    assert (card.terminated_on, card.hard_delete_due, card.grace_period_days) == (None, None, None)
    assert view.id not in _due_ids(db, TODAY + 3650 * DAY)
    with pytest.raises(erasure.PurgeError) as caught:
        erasure.purge_state(db, view.id, TODAY + 3650 * DAY)
    assert caught.value.code == "erasure.not_terminated"
    # Terminated again: today, with the grace period the database holds now.
    again = customers.update_customer(
        db, back.view, CustomerInput(view.org_number, "Livscykel Sverige AB", "terminated")
    )
    assert again.ok
    card = _card(db, view.id)
    assert (card.terminated_on, card.hard_delete_due, card.grace_period_days) == (
        TODAY,
        TODAY + 45 * DAY,
        45,
    )


def test_the_wizard_path_uses_the_database_grace_and_can_reactivate(db: Database) -> None:
    view = _new(db)
    ended = TODAY - 100 * DAY
    assert erasure.set_termination(db, view.id, ended) == ended + 90 * DAY
    assert view.id in _due_ids(db)
    assert erasure.set_termination(db, view.id, None) is None
    assert view.id not in _due_ids(db, TODAY + 3650 * DAY)


def test_a_csv_import_dates_a_terminated_customer(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "kunder.csv"
    path.write_text(
        "org_number;company_name;status;contact_name;email\n"
        "556680-9827;Avslutat AB;terminated;Eva Ek;eva@avslutat.se\n"
        "556036-0793;Pågående AB;active;Per Al;per@pagaende.se\n",
        encoding="utf-8",
    )
    report = customers.import_file(db, path)
    assert report.applied and report.customers_created == 2
    by_name = {r.name: r for r in customers.list_customers(db)}
    assert by_name["Avslutat AB"].hard_delete_due == TODAY + 90 * DAY
    assert by_name["Pågående AB"].hard_delete_due is None
    # Imported again as active: reactivated, the date goes.
    path.write_text(
        "org_number;company_name;status;contact_name;email\n"
        "556680-9827;Avslutat AB;active;Eva Ek;eva@avslutat.se\n",
        encoding="utf-8",
    )
    assert customers.import_file(db, path).applied
    by_name = {r.name: r for r in customers.list_customers(db)}
    assert by_name["Avslutat AB"].hard_delete_due is None


def test_a_lapsed_trial_is_due_and_a_converted_one_is_not(db: Database) -> None:
    contact = ContactInput("Tina Test", "tina@prov.se")
    saved = customers.register_trial(db, TrialInput("556680-9827", "Provbolaget AB", contact))
    assert saved.ok and saved.view is not None
    trial = saved.view
    card = _card(db, trial.id)
    assert card.hard_delete_due == TODAY + (30 + 90) * DAY  # trial period, then the grace
    assert trial.id not in _due_ids(db)
    # Registered long ago and never converted: it lapsed, and the purge lists it.
    other = customers.register_trial(
        db, TrialInput("556036-0793", "Glömt Prov AB", ContactInput("Gun Glöm", "gun@glomt.se"))
    )
    assert other.view is not None
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE customer SET trial_registered_on = :d WHERE id = :c"),
            {"d": TODAY - 200 * DAY, "c": other.view.id},
        )
    assert _card(db, other.view.id).hard_delete_due == TODAY - 80 * DAY
    assert other.view.id in _due_ids(db)
    state = erasure.purge_state(db, other.view.id, TODAY)
    assert state.plan.customer_id == other.view.id
    # Converted in time: a customer, no date.
    converted = customers.convert_trial(db, trial)
    assert converted.ok
    card = _card(db, trial.id)
    assert (card.customer.status, card.hard_delete_due) == ("active", None)


def test_a_direct_update_cannot_move_the_date(db: Database) -> None:
    view = _new(db)
    erasure.set_termination(db, view.id, TODAY)
    try:  # PostgreSQL puts the derived date back; SQLite refuses the write
        with db.engine.begin() as conn:
            conn.execute(
                text("UPDATE customer SET hard_delete_due = :d WHERE id = :c"),
                {"d": TODAY - 400 * DAY, "c": view.id},
            )
    except DBAPIError as exc:
        assert db.dialect == "sqlite" and "derived by the database" in str(exc)
    try:
        with db.engine.begin() as conn:
            conn.execute(
                text("UPDATE customer SET grace_period_days = 0 WHERE id = :c"), {"c": view.id}
            )
    except DBAPIError as exc:
        assert db.dialect == "sqlite" and "derived by the database" in str(exc)
    card = _card(db, view.id)
    assert (card.hard_delete_due, card.grace_period_days) == (TODAY + 90 * DAY, 90)
    # A direct UPDATE of the status is dated like every other path.
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE customer SET status = 'active' WHERE id = :c"), {"c": view.id})
    assert _card(db, view.id).hard_delete_due is None


def test_a_lapsed_trial_is_purged_with_four_eyes(db: Database, tmp_path: Path) -> None:
    """On PostgreSQL the erasure function lets a lapsed trial go by its approved purge too."""
    import uuid

    from bowebb_console.store.db import users
    from bowebb_console.store.db.setup import role_prefix

    saved = customers.register_trial(
        db, TrialInput("556036-0793", "Glömt Prov AB", ContactInput("Gun Glöm", "gun@glomt.se"))
    )
    assert saved.view is not None
    trial = saved.view.id
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE customer SET trial_registered_on = :d WHERE id = :c"),
            {"d": TODAY - 200 * DAY, "c": trial},
        )
    approval = erasure.request_purge(db, ADMIN, trial, TODAY)
    if db.dialect == "sqlite":
        erasure.approve_purge(db, approval.id, approver="Bo Bengtsson")
    else:  # a second person: a lead's own login
        with db.engine.begin() as conn:
            name = f"{role_prefix(conn)}_lead_{uuid.uuid4().hex[:6]}"
            users.add_user(conn, name, "lead", "correct horse battery")
        lead = Database(
            make_engine(db.engine.url.set(username=name, password="correct horse battery"))
        )
        erasure.approve_purge(lead, approval.id, approver=None)
        lead.dispose()
    done = erasure.run_purge(
        db, ADMIN, tmp_path / "journal.jsonl", approval.id, "Glömt Prov AB", today=TODAY
    )
    assert done.reference
    assert customers.load_customer_card(db, trial) is None
    assert trial not in _due_ids(db)


def test_every_change_of_the_setting_is_one_chained_event(db: Database, tmp_path: Path) -> None:
    """Migration 0024: the admin screen's and the CLI's service calls each leave exactly one
    ``lifecycle_changed`` event per change, with before and after; saving the same values
    leaves none; verify-log still verifies."""
    from bowebb_console.store.log.verify import verify_log
    from tests.store.log_helpers import lifecycle_events

    assert lifecycle_events(db.engine) == []
    admin.set_lifecycle(db, ADMIN, Lifecycle(45, 30, 1095))
    admin.set_lifecycle(db, ADMIN, Lifecycle(45, 30, 1095))  # unchanged
    admin.set_lifecycle(db, ADMIN, Lifecycle(60, 14, 400))
    shared = tmp_path / "delad"
    erasure.set_journal_place(db, ADMIN, str(shared))
    events = lifecycle_events(db.engine)
    assert [change for _actor, change in events] == [
        {"before": {"grace_period_days": 90}, "after": {"grace_period_days": 45}},
        {
            "before": {
                "grace_period_days": 45,
                "log_retention_days": 1095,
                "trial_period_days": 30,
            },
            "after": {"grace_period_days": 60, "log_retention_days": 400, "trial_period_days": 14},
        },
        {"before": {"erasure_journal_dir": ""}, "after": {"erasure_journal_dir": str(shared)}},
    ]
    assert len({actor for actor, _change in events}) == 1
    # A refused change leaves no event either.
    with pytest.raises(ShownError):
        admin.set_lifecycle(db, ADMIN, Lifecycle(10, 30, 1095))
    assert len(lifecycle_events(db.engine)) == 3
    assert verify_log(db.engine).ok
