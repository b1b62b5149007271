"""Notice recipients: current customers only, each address once, every export recorded;
on PostgreSQL the server records who, and nobody can rewrite the record."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.orgnr import make_orgnr
from bowebb_console.store.customers.notices import export_notice_recipients, list_notice_exports
from bowebb_console.store.db import users
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.models import Contact, Customer


def fill(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        for i, (status, emails) in enumerate(
            [
                ("active", ["a@active.se", "b@active.se"]),
                ("trial", ["t@trial.se", "A@active.se"]),  # the same address again
                ("terminated", ["gone@terminated.se"]),
            ]
        ):
            s.add(
                Customer(
                    org_number=make_orgnr(f"55600000{i}").digits,
                    name=f"{status.title()} AB",
                    status=status,
                    contacts=[Contact(name=f"Person {e}", email=e) for e in emails],
                )
            )


def test_export_writes_current_customers_once_and_records_it(any_db_url: str) -> None:
    engine = make_engine(any_db_url)
    fill(engine)
    out = io.StringIO()
    with engine.begin() as conn:
        n = export_notice_recipients(
            conn, out, reason="Driftstörning 2026-11-26: e-post", local_user="agent1"
        )
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["email", "contact_name", "company_name"]
    emails = [r[0] for r in rows[1:]]
    assert n == 3 and sorted(emails) == ["a@active.se", "b@active.se", "t@trial.se"]
    with engine.connect() as conn:
        (record,) = list_notice_exports(conn)
    assert record.recipient_count == 3 and record.reason.startswith("Driftstörning")
    assert record.exported_at is not None
    expected_actor = "agent1" if engine.dialect.name == "sqlite" else "root"
    assert record.actor == expected_actor
    engine.dispose()


def test_a_reason_is_required(any_db_url: str) -> None:
    engine = make_engine(any_db_url)
    with engine.begin() as conn, pytest.raises(ValidationError) as caught:
        export_notice_recipients(conn, io.StringIO(), reason="  ", local_user="agent1")
    assert caught.value.field == "reason"
    assert caught.value.code == "notices.reason_missing"
    engine.dispose()


def test_postgres_records_session_user_and_forbids_rewrites(pg_db) -> None:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    name = pg_db.login_name("agent")
    with admin.begin() as conn:
        users.add_user(conn, name, "agent", "correct horse battery")
    fill(admin)
    agent = make_engine(pg_db.url_for(name, "correct horse battery"))
    with agent.begin() as conn:
        export_notice_recipients(conn, io.StringIO(), reason="Avbrott", local_user="someone-else")
        # A client sending its own actor and time is overruled by the server.
        conn.execute(
            text(
                "INSERT INTO notice_export (actor, exported_at, recipient_count, reason) "
                "VALUES ('ceo', '2000-01-01', 1, 'forged')"
            )
        )
    with agent.connect() as conn:
        records = list_notice_exports(conn)
    assert {r.actor for r in records} == {name}
    assert all(r.exported_at.year > 2000 for r in records)
    for statement in ("UPDATE notice_export SET reason = 'x'", "DELETE FROM notice_export"):
        with agent.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
            conn.execute(text(statement))
    agent.dispose()
    admin.dispose()
