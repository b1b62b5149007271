"""A demo breach: one open breach, discovered the day before, IMY not yet decided, so the
Breaches screen shows a running 72-hour clock on first start."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, func, select

from bowebb_console.store.breaches.register import BreachInput, record_breach
from bowebb_console.store.models import Breach


def fill_demo_breaches(engine: Engine, *, today: dt.date) -> int:
    bind = (
        engine.execution_options(sqlite_begin="IMMEDIATE")
        if engine.dialect.name == "sqlite"
        else engine
    )
    with bind.begin() as conn:
        if conn.execute(select(func.count()).select_from(Breach)).scalar_one():
            return 0
        noon = dt.datetime.combine(today, dt.time(12, 0)).astimezone()
        now = max(dt.datetime.now(dt.UTC), noon.astimezone(dt.UTC))
        inp = BreachInput(
            discovered_at=noon - dt.timedelta(hours=30),
            description=(
                "En supportmedarbetare mejlade en kunds kontaktlista till fel kund; "
                "mottagaren bekräftade samma dag att listan raderats."
            ),
            categories="Kontaktpersoner hos en kund: namn, e-postadresser, telefonnummer",
            people_approx=14,
            customers_affected="En kund (listans ägare)",
            measures=(
                "Mottagaren ombads radera och bekräftade; autokomplettering av adresser avstängd"
            ),
        )
        record_breach(conn, inp, now=now, actor="demo")
    return 1
