"""Demo data for a new database: ``fill_demo`` fills an empty one in bulk, deterministically.

It does nothing when the customer table already has rows. Customers, contacts and
sub-processors (see :mod:`bowebb_console.demo.companies`) go in one transaction; then the
session log, transfers, reviews and erasure cases are added by their own modules. Start-up
(``--demo``) and ``bowebb-console demo`` call :func:`fill_database`; the store and services
never import this package.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from bowebb_console.demo.breaches import fill_demo_breaches
from bowebb_console.demo.companies import MAX_CONTACTS_PER_COMPANY, CompanyGenerator
from bowebb_console.demo.erasure import fill_demo_erasure
from bowebb_console.demo.privacy import fill_demo_privacy
from bowebb_console.demo.review import fill_demo_reviews
from bowebb_console.demo.sessions import fill_demo_sessions, working_days
from bowebb_console.demo.subprocessors import fill_demo_subprocessors
from bowebb_console.demo.transfers import fill_demo_transfers
from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.policy import (
    STATUS_ACTIVE,
    STATUS_TERMINATED,
    STATUS_TRIAL,
    hard_delete_due,
    is_hard_delete_due,
)
from bowebb_console.services.database import Database
from bowebb_console.store.db.errors import driver_error
from bowebb_console.store.log.chain import BACKDATE
from bowebb_console.store.models import Contact, Customer, LifecycleSetting, SubProcessor

DEFAULT_SEED = 20261126
_PG_DEMO_LOCK_KEY = 0x426F5765  # "BoWe": serialises concurrent fills on PostgreSQL


@dataclass(frozen=True)
class DemoSummary:
    """What ``fill_demo`` inserted; all zero with ``skipped=True`` when it did nothing."""

    customers: int = 0
    contacts: int = 0
    sub_processors: int = 0
    trial: int = 0
    active: int = 0
    terminated: int = 0
    hard_delete_due: int = 0  # terminated customers whose due date has been reached
    sessions: int = 0  # support sessions in the log
    skipped: bool = False


def fill_database(db: Database, *, companies: int = 2000, contacts: int = 6000) -> DemoSummary:
    """``fill_demo`` for start-up and the CLI: a driver error is a ShownError (``db.*``)."""
    try:
        return fill_demo(db.engine, companies=companies, contacts=contacts)
    except DBAPIError as exc:
        raise driver_error(exc) from exc


def fill_demo(
    engine: Engine,
    *,
    companies: int = 2000,
    contacts: int = 6000,
    seed: int = DEFAULT_SEED,
    today: dt.date | None = None,
    grace_period_days: int | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data; a database with customers is left untouched.

    The hard-delete dates are the database's (its lifecycle setting, migration 0013): with
    ``grace_period_days`` given, an empty database's setting is set to it first.

    ``contacts`` is the exact total, spread 1–6 per company (so it must lie between
    ``companies`` and six times that; with fewer contacts than companies some get none).
    The same ``seed`` and ``today`` give the same data.
    """
    if companies < 0 or contacts < 0:
        raise ValidationError(
            "contacts", "companies and contacts must not be negative", "demo.negative"
        )
    if contacts > MAX_CONTACTS_PER_COMPANY * companies:
        raise ValidationError(
            "contacts",
            f"{contacts} contacts do not fit in {companies} companies "
            f"(at most {MAX_CONTACTS_PER_COMPANY} each)",
            "demo.too_many_contacts",
            {"contacts": contacts, "companies": companies},
        )
    today = today or dt.date.today()
    if grace_period_days is not None:
        hard_delete_due(today, grace_period_days)  # validates the grace period

    bind: Any = engine
    if engine.dialect.name == "sqlite":
        # Take the write lock before the emptiness check, so two fills cannot interleave.
        bind = engine.execution_options(sqlite_begin="IMMEDIATE")
    # The customers' recorded changes are chained at COMMIT: dated before the first demo
    # session (SQLite), so the sessions' earlier times keep the chain's order.
    created = dt.datetime.combine(working_days(today)[0], dt.time(6, 0), dt.UTC)
    info: dict[Any, Any] = {}
    try:
        with Session(bind) as session, session.begin():
            info = session.connection().info  # the pooled connection's: cleared below
            info[BACKDATE] = created
            if engine.dialect.name == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_DEMO_LOCK_KEY})
            if session.scalar(select(func.count()).select_from(Customer)):
                return DemoSummary(skipped=True)

            setting = session.get(LifecycleSetting, 1)
            assert setting is not None  # migration 0013 makes the one row
            if grace_period_days is not None:
                setting.grace_period_days = grace_period_days
                session.flush()
            gen = CompanyGenerator(seed, today, setting.grace_period_days)
            customer_rows, owners = gen.customers(companies)
            if customer_rows:
                session.execute(insert(Customer), customer_rows)
            ids = {
                org: id_ for org, id_ in session.execute(select(Customer.org_number, Customer.id))
            }
            contact_rows = gen.contacts(customer_rows, owners, ids, contacts)
            if contact_rows:
                session.execute(insert(Contact), contact_rows)
            sub_rows: list[dict[str, Any]] = []
            if not session.scalar(select(func.count()).select_from(SubProcessor)):
                sub_rows = gen.sub_processors()
                session.execute(insert(SubProcessor), sub_rows)
                fill_demo_subprocessors(session, today)
    finally:
        info.pop(BACKDATE, None)

    statuses = [row["status"] for row in customer_rows]
    logged = fill_demo_sessions(engine, count=min(300, companies), seed=seed, today=today)
    fill_demo_transfers(engine, seed=seed, sessions=min(24, companies), today=today)
    fill_demo_reviews(engine, seed=seed)
    fill_demo_erasure(engine, today=today)
    fill_demo_breaches(engine, today=today)
    fill_demo_privacy(engine, today=today)
    return DemoSummary(
        sessions=logged,
        customers=len(customer_rows),
        contacts=len(contact_rows),
        sub_processors=len(sub_rows),
        trial=statuses.count(STATUS_TRIAL),
        active=statuses.count(STATUS_ACTIVE),
        terminated=statuses.count(STATUS_TERMINATED),
        hard_delete_due=sum(
            1 for row in customer_rows if is_hard_delete_due(row["hard_delete_due"], today)
        ),
    )
