"""The breach register (issue 15, item 4; migration 0014) as real logins: agents neither see
nor record breaches; leads record and edit, admins close; who recorded and who closed come
from the server; the log takes breach events from those roles only; nobody deletes."""

from __future__ import annotations

import uuid

import pytest

from tests.store.security.conftest import logged, raw_event, raw_event_refused, refused, run

pytestmark = pytest.mark.postgres

INSERT = (
    "INSERT INTO breach (discovered_at, description, recorded_by, recorded_at) "
    "VALUES (now() - interval '1 hour', 'Laptop stolen', 'someone_else', '2000-01-01') "
    "RETURNING id, recorded_by, recorded_at > '2001-01-01'"
)


def test_agents_neither_see_nor_record_breaches(logins) -> None:  # type: ignore[no-untyped-def]
    assert "permission denied" in refused(logins["agent"], INSERT)
    [(bid, _, _)] = logged(logins["lead"], "breach_recorded", "breach_id", INSERT)
    assert "permission denied" in refused(logins["agent"], "SELECT * FROM breach")
    assert "permission denied" in refused(
        logins["agent"], "UPDATE breach SET measures = 'x' WHERE id = :i", i=bid
    )


def test_leads_record_and_edit_the_server_names_who(logins) -> None:  # type: ignore[no-untyped-def]
    [(bid, by, stamped)] = logged(logins["lead"], "breach_recorded", "breach_id", INSERT)
    assert by == logins.names["lead"] and stamped
    logged(
        logins["lead"],
        "breach_changed",
        "breach_id",
        "UPDATE breach SET measures = 'Passwords reset', recorded_by = 'forged', "
        "closed_by = 'forged' WHERE id = :i",
        i=bid,
    )
    [(measures, by, closed_by, status)] = run(
        logins.root,
        "SELECT measures, recorded_by, closed_by, status FROM breach WHERE id = :i",
        i=bid,
    )
    assert (measures, by, closed_by, status) == (
        "Passwords reset", logins.names["lead"], None, "open",
    )  # fmt: skip


def test_only_admins_close_and_change_a_closed_breach(logins) -> None:  # type: ignore[no-untyped-def]
    [(bid, _, _)] = logged(logins["lead"], "breach_recorded", "breach_id", INSERT)
    message = refused(logins["lead"], "UPDATE breach SET status = 'closed' WHERE id = :i", i=bid)
    assert "only admins close" in message
    assert "recorded open" in refused(
        logins["lead"],
        "INSERT INTO breach (discovered_at, description, recorded_by, recorded_at, status) "
        "VALUES (now(), 'x', 'x', now(), 'closed')",
    )
    logged(
        logins["admin"],
        "breach_closed",
        "breach_id",
        "UPDATE breach SET status = 'closed' WHERE id = :i",
        i=bid,
    )
    [(closed_by, closed)] = run(
        logins.root, "SELECT closed_by, closed_at IS NOT NULL FROM breach WHERE id = :i", i=bid
    )
    assert closed_by == logins.names["admin"] and closed
    assert "only admins" in refused(
        logins["lead"], "UPDATE breach SET measures = 'later' WHERE id = :i", i=bid
    )
    logged(
        logins["admin"],
        "breach_changed",
        "breach_id",
        "UPDATE breach SET measures = 'later' WHERE id = :i",
        i=bid,
    )


def test_nobody_deletes_a_breach(logins) -> None:  # type: ignore[no-untyped-def]
    [(bid, _, _)] = logged(logins["lead"], "breach_recorded", "breach_id", INSERT)
    for who in ("lead", "admin"):
        message = refused(logins[who], "DELETE FROM breach WHERE id = :i", i=bid)
        assert "permission denied" in message


def test_the_log_takes_breach_events_from_their_roles_only(logins) -> None:  # type: ignore[no-untyped-def]
    session = str(uuid.uuid4())
    payload = {"breach_id": 1, "changes": {"measures": [None, "x"]}}
    for kind in ("breach_recorded", "breach_changed", "breach_closed"):
        assert "only" in raw_event_refused(logins["agent"], kind, session, payload)
    raw_event(logins["lead"], "breach_recorded", session, payload)
    raw_event(logins["lead"], "breach_changed", session, payload)
    assert "only admins" in raw_event_refused(logins["lead"], "breach_closed", session, payload)
    raw_event(logins["admin"], "breach_closed", session, {"breach_id": 1})
    kinds = run(
        logins.root,
        "SELECT kind, actor FROM log_event WHERE session_uuid = :s ORDER BY seq",
        s=session,
    )
    assert [tuple(k) for k in kinds] == [
        ("breach_recorded", logins.names["lead"]),
        ("breach_changed", logins.names["lead"]),
        ("breach_closed", logins.names["admin"]),
    ]
