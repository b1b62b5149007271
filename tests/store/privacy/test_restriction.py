"""Restriction (Art. 18) and objection (Art. 21): out of notice exports, no consent with a
restricted contact (refused by the database on both dialects), and on PostgreSQL hidden from
an agent's login while admins and leads still see it."""

from __future__ import annotations

import io
import json
import uuid

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError

from bowebb_console.domain.errors import ShownError
from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.services import privacy
from bowebb_console.store.customers.notices import export_notice_recipients, notice_recipients
from bowebb_console.store.customers.search import search_customers
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.log.chain import write_event
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.models import Contact, LogEvent, LogPayload
from tests.store.log_helpers import add_customer, consent
from tests.store.security.conftest import EVENT_SQL, PAYLOAD_SQL, event_params, refused, run

ADMIN = Identity("tester", "admin", "sqlite")
AGENT = Identity("agent1", "agent", "sqlite")


def _second_contact(engine, customer: int) -> int:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        return int(
            conn.execute(
                text(
                    "INSERT INTO contact (customer_id, name, email, email_folded, version) "
                    "VALUES (:c, 'Olle Ost', 'olle@example.se', 'olle@example.se', 1) "
                    "RETURNING id"
                ),
                {"c": customer},
            ).scalar_one()
        )


def _events(db: Database, kind: str) -> list[dict]:  # type: ignore[type-arg]
    with db.transaction(write=False) as conn:
        rows = conn.execute(
            select(LogPayload.payload)
            .join(LogEvent, LogEvent.seq == LogPayload.seq)
            .where(LogEvent.kind == kind)
        ).scalars()
        return [json.loads(r) for r in rows]


def test_restriction_and_objection_in_notices_and_consent(any_db_url: str) -> None:
    engine = make_engine(any_db_url)
    db = Database(engine)
    customer, eva = add_customer(engine)
    olle = _second_contact(engine, customer)
    with pytest.raises(ShownError) as agent:
        privacy.set_restricted(db, AGENT, eva, True, "Ärende 12: bestrider uppgifterna")
    assert agent.value.code == "privacy.admin_only"
    with pytest.raises(ShownError) as no_reason:
        privacy.set_restricted(db, ADMIN, eva, True, "   ")
    assert no_reason.value.code == "privacy.reason_missing"
    assert privacy.set_restricted(db, ADMIN, eva, True, "Ärende 12: bestrider uppgifterna")
    assert not privacy.set_restricted(db, ADMIN, eva, True, "again")  # already so
    assert privacy.set_news_objection(db, AGENT, olle, True)
    assert _events(db, "privacy_restricted") == [
        {"contact_id": eva, "customer_id": customer, "reason": "Ärende 12: bestrider uppgifterna"}
    ]
    assert _events(db, "privacy_objection_recorded") == [
        {"contact_id": olle, "customer_id": customer}
    ]
    with db.transaction() as conn:
        disruption = [r[0] for r in notice_recipients(conn)]
        news = [r[0] for r in notice_recipients(conn, news=True)]
        out = io.StringIO()
        count = export_notice_recipients(
            conn, out, reason="Nyhetsbrev december", local_user="tester", news=True
        )
    # The restricted contact gets nothing; the objector still gets disruption notices.
    assert disruption == ["olle@example.se"]
    assert news == [] and count == 0 and "olle" not in out.getvalue()
    # No consent with the restricted contact: the service says why...
    with pytest.raises(ShownError) as refused_consent:
        consent(db, customer, eva)
    assert refused_consent.value.code == "sessions.contact_restricted"
    # ...and the database refuses one written below the service (a trigger on both).
    payload = {"customer_id": customer, "contact_id": eva, "outcome": "agreed"}
    with pytest.raises(DBAPIError, match="restricted"), db.transaction() as conn:
        write_event(
            conn,
            "consent_recorded",
            str(uuid.uuid4()),
            str(uuid.uuid4()),
            canonical_payload(payload),
            "tester",
        )
    # Lifted by an admin: consent works again.
    assert privacy.set_restricted(db, ADMIN, eva, False, "Uppgifterna rättade")
    consent(db, customer, eva)
    assert [r[0] for r in _db_recipients(db)] == ["eva@example.se", "olle@example.se"]
    assert verify_log(db).ok
    engine.dispose()


def _db_recipients(db: Database) -> list[tuple[str, str, str]]:
    with db.transaction(write=False) as conn:
        return notice_recipients(conn)


def test_agent_login_does_not_see_a_restricted_contact(logins) -> None:  # type: ignore[no-untyped-def]
    customer, _ = add_customer(logins["admin"])
    with logins["admin"].begin() as conn:  # with its search keys, as the app inserts
        eva = conn.execute(
            insert(Contact)
            .values(customer_id=customer, name="Eva Ekström", email="eva.e@example.se", version=1)
            .returning(Contact.id)
        ).scalar_one()
    find = "SELECT id, restricted FROM contact WHERE id = :id"
    # Only an admin may restrict, with plain SQL as much as through the app.
    assert "permission denied" in refused(
        logins["agent"], "UPDATE contact SET restricted = true WHERE id = :id", id=eva
    )
    assert "permission denied" in refused(
        logins["lead"], "UPDATE contact SET restricted = true WHERE id = :id", id=eva
    )
    admin_db = Database(logins["admin"])
    assert privacy.set_restricted(
        admin_db, Identity("admin", "admin", "postgresql"), eva, True, "Ärende 7"
    )
    # The agent's login sees neither the row nor a search hit on the name.
    assert run(logins["agent"], find, id=eva) == []
    with logins["agent"].connect() as conn:
        hits = search_customers(conn, "Eva Ekström")
        assert eva not in {h.contact_id for h in hits}
    with logins["lead"].connect() as conn:
        assert eva in {h.contact_id for h in search_customers(conn, "Eva Ekström")}
    assert run(logins["agent"], "UPDATE contact SET title = 'x' WHERE id = :id", id=eva) == []
    # Leads and admins see it, marked.
    assert run(logins["lead"], find, id=eva) == [(eva, True)]
    assert run(logins["admin"], find, id=eva) == [(eva, True)]
    # The agent cannot record a consent with them, not even by hand.
    params = event_params(
        "consent_recorded",
        str(uuid.uuid4()),
        {
            "customer_id": customer,
            "contact_id": eva,
            "session_kind": "remote_control",
            "outcome": "agreed",
            "channel": "phone",
            "agreed_at": "2026-12-06T10:00:00+00:00",
            "reference": "T-9",
            "scope": "control",
            "purpose": "printer",
        },
    )
    with pytest.raises(DBAPIError, match="restricted"), logins["agent"].begin() as conn:
        seq = conn.execute(text(EVENT_SQL), params).scalar_one()
        conn.execute(text(PAYLOAD_SQL), params | {"seq": seq})
    # An agent may not insert a contact as restricted either (column grant).
    assert "permission denied" in refused(
        logins["agent"],
        "INSERT INTO contact (customer_id, name, email, version, restricted) "
        "VALUES (:c, 'X', 'x@example.se', 1, true)",
        c=customer,
    )
