"""Demo data (bowebb_console/demo) on an initialised SQLite and PostgreSQL database."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest
from sqlalchemy import func, select, text

from bowebb_console.demo.companies import ascii_fold
from bowebb_console.demo.fill import DemoSummary, fill_demo
from bowebb_console.domain.contact_info import normalise_email, normalise_phone
from bowebb_console.domain.orgnr import parse_orgnr
from bowebb_console.domain.policy import hard_delete_due
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.models import Breach, Contact, Customer, SubProcessor
from tests.store.log_helpers import lifecycle_events

TODAY = dt.date(2026, 11, 26)
# EU member states plus Iceland, Liechtenstein and Norway.
EU_EEA = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE "  # noqa: SIM905
    "IS LI NO".split()
)


def test_fill_demo(any_db_url: str) -> None:
    engine = make_engine(any_db_url)
    try:
        summary = fill_demo(engine, today=TODAY)
        assert summary.customers == 2000
        assert summary.contacts == 6000
        assert summary.sub_processors >= 6
        assert not summary.skipped
        assert summary.trial + summary.active + summary.terminated == 2000

        with engine.connect() as conn:
            customers = conn.execute(select(Customer.__table__)).mappings().all()
            contacts = conn.execute(select(Contact.__table__)).mappings().all()
            subs = conn.execute(select(SubProcessor.__table__)).mappings().all()
        assert len(customers) == 2000
        assert len(contacts) == 6000
        assert len(subs) == summary.sub_processors

        # Org numbers: unique, valid, mostly aktiebolag, a few sole traders; never BoWebb.
        orgs = [c["org_number"] for c in customers]
        assert len(set(orgs)) == len(orgs)
        parsed = [parse_orgnr(o) for o in orgs]
        assert all(p.digits == o for p, o in zip(parsed, orgs, strict=True))
        assert "5566809827" not in orgs
        personal = [p for p in parsed if p.is_personal_identity_number]
        assert 1 <= len(personal) <= 60
        for p in personal:  # a real date of birth
            dt.date(1900 + int(p.digits[:2]), int(p.digits[2:4]), int(p.digits[4:6]))
        assert sum(o.startswith("5") for o in orgs) > 0.8 * len(orgs)
        assert {o[0] for o in orgs} >= {"5", "7", "8", "9"}
        for c in customers:
            if (
                c["org_number"].startswith("5")
                and not parse_orgnr(c["org_number"]).is_personal_identity_number
            ):
                assert c["name"].endswith(" AB")

        # Contacts: valid, unique e-mail addresses; E.164 phone numbers; 1-6 per company.
        emails = [c["email"] for c in contacts]
        assert len(set(emails)) == len(emails)
        for email in emails:
            assert normalise_email(email) == email
            assert email.isascii()
        phones = [c["phone"] for c in contacts if c["phone"]]
        assert len(phones) > 0.8 * len(contacts)
        for phone in phones:
            assert normalise_phone(phone) == phone
            number = phonenumbers.parse(phone)
            assert phonenumbers.is_valid_number(number)
            assert phonenumbers.region_code_for_number(number) == "SE"
        per_company = Counter(c["customer_id"] for c in contacts)
        assert set(per_company) == {c["id"] for c in customers}
        assert min(per_company.values()) >= 1
        assert max(per_company.values()) <= 6
        assert len(set(per_company.values())) >= 4  # it varies

        # Statuses and dates.
        status = Counter(c["status"] for c in customers)
        assert status["trial"] == summary.trial > 0
        assert status["active"] == summary.active > status["terminated"] == summary.terminated > 0
        for c in customers:
            if c["status"] == "trial":
                assert c["trial_registered_on"] and not c["customer_since"]
                assert not c["terminated_on"]
            elif c["status"] == "active":
                assert c["customer_since"] and not c["terminated_on"]
                assert not c["hard_delete_due"]
            else:
                assert c["terminated_on"] and c["customer_since"] <= c["terminated_on"]
                assert c["hard_delete_due"] == hard_delete_due(c["terminated_on"], 90)
                assert c["hard_delete_due"] == c["terminated_on"] + dt.timedelta(days=90)
            assert c["version"] == 1
            if c["dpa_signed_on"]:
                assert c["dpa_version"] in ("2.1", "3.0") and c["dpa_reference"]
        terminated = [c for c in customers if c["status"] == "terminated"]
        due = [c for c in terminated if c["hard_delete_due"] <= TODAY]
        assert 0 < len(due) < len(terminated)
        assert summary.hard_delete_due == len(due)
        active = [c for c in customers if c["status"] == "active"]
        missing_dpa = [c for c in active if not c["dpa_signed_on"]]
        assert 0.02 * len(active) < len(missing_dpa) < 0.15 * len(active)
        references = [c["dpa_reference"] for c in customers if c["dpa_reference"]]
        assert len(set(references)) == len(references)

        # Sub-processors: one outside the EU/EEA, one review overdue.
        outside = [
            s
            for s in subs
            if not set(s["locations"].split(",")) <= EU_EEA and s["status"] == "active"
        ]
        assert outside
        assert any(s["next_review_on"] < TODAY for s in subs)
        assert all(s["dpa_signed_on"] and s["dpa_reference"] for s in subs)

        # One open breach, so the Breaches screen shows a clock on first start.
        with engine.connect() as conn:
            breaches = conn.execute(select(Breach.status)).scalars().all()
        assert breaches == ["open"]

        # A second call changes nothing.
        again = fill_demo(engine, today=TODAY)
        assert again.skipped
        assert again == DemoSummary(skipped=True)
        with engine.connect() as conn:
            assert conn.scalar(select(func.count()).select_from(Customer)) == 2000
            assert conn.scalar(select(func.count()).select_from(Contact)) == 6000
            assert conn.scalar(select(func.count()).select_from(SubProcessor)) == len(subs)
    finally:
        engine.dispose()


def _snapshot(url: str, **kwargs: object) -> tuple[list[tuple[object, ...]], ...]:
    engine = make_engine(url)
    try:
        fill_demo(engine, **kwargs)  # type: ignore[arg-type]
        with engine.connect() as conn:
            customers = conn.execute(
                select(
                    Customer.org_number, Customer.name, Customer.status, Customer.terminated_on
                ).order_by(Customer.id)
            ).all()
            contacts = conn.execute(
                select(Contact.name, Contact.email, Contact.phone).order_by(Contact.id)
            ).all()
        return [tuple(r) for r in customers], [tuple(r) for r in contacts]
    finally:
        engine.dispose()


def test_same_seed_same_data(tmp_path: Path) -> None:
    from bowebb_console.store.db.setup import init_database

    urls = []
    for name in ("a", "b", "c"):
        url = f"sqlite:///{tmp_path}/{name}.sqlite3"
        init_database(url)
        urls.append(url)
    first = _snapshot(urls[0], companies=150, contacts=400, today=TODAY)
    second = _snapshot(urls[1], companies=150, contacts=400, today=TODAY)
    other = _snapshot(urls[2], companies=150, contacts=400, today=TODAY, seed=7)
    assert first == second
    assert first != other
    assert len(first[0]) == 150 and len(first[1]) == 400


def test_small_and_odd_sizes(sqlite_url: str) -> None:
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    try:
        with pytest.raises(ValueError):
            fill_demo(engine, companies=2, contacts=13)
        summary = fill_demo(engine, companies=20, contacts=20, today=TODAY, grace_period_days=30)
        assert (summary.customers, summary.contacts) == (20, 20)
        with engine.connect() as conn:
            dues = conn.execute(
                select(Customer.terminated_on, Customer.hard_delete_due).where(
                    Customer.terminated_on.is_not(None)
                )
            ).all()
        assert all(due == term + dt.timedelta(days=30) for term, due in dues)
        # The demo's own change of the setting is logged like any other (migration 0024).
        assert [change for _actor, change in lifecycle_events(engine)] == [
            {"before": {"grace_period_days": 90}, "after": {"grace_period_days": 30}}
        ]
    finally:
        engine.dispose()


def test_ascii_fold() -> None:
    assert ascii_fold("Åsa Öberg-Ängström") == "asa oberg-angstrom"
    assert ascii_fold("Jørgen Müller Café") == "jorgen muller cafe"


ENGLISH = re.compile(r"\b(the|and|of|with|from|missing|found|only|moves|wants)\b", re.I)


def test_sessions_look_like_a_real_desk(sqlite_url: str) -> None:
    """Issue 18, item 13: sessions over the working days of eight weeks, in office hours,
    5–90 minutes, several agents and outcomes; the demo's texts are Swedish; the chain
    still verifies (its times never go back)."""
    from bowebb_console.services.database import Database
    from bowebb_console.services.review import verify_log
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    try:
        fill_demo(engine, companies=120, contacts=300, today=TODAY)
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT opened_at, duration_s, agent, outcome, state FROM session_summary")
            ).all()
            texts = [
                *conn.execute(
                    text("SELECT service || ' ' || data_categories FROM sub_processor")
                ).scalars(),
                *conn.execute(text("SELECT evidence FROM dpa_checklist_item")).scalars(),
                *conn.execute(text("SELECT description FROM sub_processor_change")).scalars(),
                *conn.execute(text("SELECT note FROM sub_processor_objection")).scalars(),
                *conn.execute(text("SELECT payload FROM log_payload")).scalars(),
            ]
        assert verify_log(Database(engine)).ok
    finally:
        engine.dispose()
    starts = [dt.datetime.fromisoformat(r.opened_at.replace("Z", "+00:00")) for r in rows]
    assert len({s.isocalendar()[:2] for s in starts}) >= 6  # spread over weeks
    past = [s for s in starts if s.date() < TODAY]  # the open transfer session is "now"
    assert len(past) >= len(starts) - 3
    assert all(s.weekday() < 5 and 7 <= s.hour <= 15 for s in past)  # office hours (UTC)
    assert min(starts).date() >= TODAY - dt.timedelta(weeks=8)
    durations = [r.duration_s for r in rows if r.state == "ended" and r.duration_s is not None]
    assert durations and all(5 * 60 <= d <= 91 * 60 for d in durations)
    assert len(set(durations)) > len(durations) // 2  # not all the same (they were all 0)
    assert len({r.agent for r in rows}) >= 3
    assert len({r.outcome for r in rows if r.outcome}) >= 3
    english = [t for t in texts if t and ENGLISH.search(t.replace("Liffey Mail Delivery", ""))]
    assert not english, english[:3]
