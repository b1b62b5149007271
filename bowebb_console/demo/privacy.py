"""Demo data for the privacy dashboard: an overdue access request, a restricted contact and
an objection to news, each recorded the way the console records them (the contacts' changes
are chained ``privacy_*`` events), so the Privacy screen shows something on first start."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, func, select

from bowebb_console.store.erasure.requests import NewRequest
from bowebb_console.store.models import Contact, Customer, ErasureRequest
from bowebb_console.store.privacy import access, restriction

RECEIVED_DAYS_AGO = 36  # past the one-month deadline: overdue on the dashboard
RESTRICTION_REASON = (
    "Ärende 2026-114: bestrider att telefonnumret är riktigt; begränsad tills det är utrett"
)


def fill_demo_privacy(engine: Engine, *, today: dt.date) -> int:
    """Returns how many items it added (0 when the database already has access requests)."""
    bind = (
        engine.execution_options(sqlite_begin="IMMEDIATE")
        if engine.dialect.name == "sqlite"
        else engine
    )
    with bind.begin() as conn:
        has = select(func.count()).select_from(ErasureRequest)
        if conn.execute(has.where(ErasureRequest.kind == "access")).scalar_one():
            return 0
        received = today - dt.timedelta(days=RECEIVED_DAYS_AGO)
        access.save_access_request(conn, NewRequest(received, "email"), today)
        added = 1
        # Two contacts of active customers that have more than one contact: the last ones by
        # id, so the same seed marks the same people.
        several = (
            select(Contact.customer_id)
            .group_by(Contact.customer_id)
            .having(func.count() > 1)
            .scalar_subquery()
        )
        picked = conn.execute(
            select(Contact.id)
            .join(Customer, Customer.id == Contact.customer_id)
            .where(Customer.status == "active", Contact.customer_id.in_(several))
            .order_by(Contact.id.desc())
            .limit(2)
        ).scalars()
        ids = list(picked)
        if ids:
            restriction.set_restricted(conn, ids[0], True, RESTRICTION_REASON, actor="demo")
            added += 1
        if len(ids) > 1:
            restriction.set_news_objection(conn, ids[1], True, actor="demo")
            added += 1
    return added
