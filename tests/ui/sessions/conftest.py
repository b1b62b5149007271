"""Helpers for the Sessions screen tests: a demo database, customers with and without a DPA,
and a consent form filled in the way an agent fills it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Engine, text

from bowebb_console.store.db.engine import make_engine
from tests.store.security.conftest import logins  # noqa: F401 - a fixture (real logins)


@dataclass
class Desk:
    engine: Engine
    with_dpa: tuple[int, str]  # (customer id, org number digits)
    without_dpa: tuple[int, str]


def _customer(engine: Engine, dpa: bool) -> tuple[int, str]:
    condition = "IS NOT NULL" if dpa else "IS NULL"
    with engine.connect() as conn:
        row = conn.execute(
            text(
                f"SELECT c.id, c.org_number FROM customer c WHERE c.dpa_signed_on {condition} "
                "AND EXISTS (SELECT 1 FROM contact k WHERE k.customer_id = c.id) "
                "ORDER BY c.id LIMIT 1"
            )
        ).one()
    return int(row[0]), str(row[1])


@pytest.fixture
def desk(demo_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(demo_url)
    yield Desk(engine, _customer(engine, True), _customer(engine, False))
    engine.dispose()


def events(engine: Engine, session_uuid: str) -> list[tuple[str, str | None]]:
    with engine.connect() as conn:
        return [
            (r[0], r[1])
            for r in conn.execute(
                text(
                    "SELECT e.kind, p.payload FROM log_event e LEFT JOIN log_payload p "
                    "ON p.seq = e.seq WHERE e.session_uuid = :s ORDER BY e.seq"
                ),
                {"s": session_uuid},
            )
        ]


def fill_consent(qtbot, dialog, outcome: str = "agreed") -> None:  # type: ignore[no-untyped-def]
    """Pick the first contact, phone, a reference, control, a purpose and the outcome."""
    qtbot.waitUntil(lambda: dialog.party is not None)
    dialog.contact.setCurrentIndex(0)
    dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))
    qtbot.keyClicks(dialog.reference, "T-4711")
    dialog.scope.setCurrentIndex(dialog.scope.findData("control"))
    qtbot.keyClicks(dialog.purpose, "Skrivaren skriver inte ut")
    qtbot.mouseClick(dialog.outcome_buttons[outcome], Qt.MouseButton.LeftButton)


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    """Click as a user does: once the button is enabled (a refresh may still be running)."""
    qtbot.waitUntil(button.isEnabled, timeout=5000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def refuse_connections(pg_db, on: bool) -> None:  # type: ignore[no-untyped-def]
    """The database goes down for clients (new connections refused, open ones dropped), or
    comes back. Real server behaviour, as in a restart or a maintenance window."""
    from sqlalchemy import create_engine

    server = create_engine(pg_db.admin_url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            allow = "false" if on else "true"
            conn.execute(text(f'ALTER DATABASE "{pg_db.name}" WITH ALLOW_CONNECTIONS {allow}'))
            if on:
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"
                    ),
                    {"d": pg_db.name},
                )
    finally:
        server.dispose()
