"""Issue 13, item 10: an erasure request's status and outcome change only through the
erasure functions. It is recorded open; it closes as done only together with the
certificate the erasure issues in the same transaction (admins only), as forwarded only by a
lead or admin; a closed request stays closed."""

from __future__ import annotations

import datetime as dt

import pytest

from bowebb_console.domain import erasure as rules
from bowebb_console.store.erasure.certificates import issue_certificate
from bowebb_console.store.erasure.requests import NewRequest, close_request, open_request
from tests.store.security.conftest import refused, run

OPEN = (
    "INSERT INTO erasure_request (reference, received_on, channel, due_on, version) "
    "VALUES (:ref, current_date, 'email', current_date + 30, 1)"
)
INSERT_DONE = (
    "INSERT INTO erasure_request (reference, received_on, channel, due_on, status, outcome, "
    "closed_on, version) VALUES (:ref, current_date, 'email', current_date + 30, 'done', "
    "'erased', current_date, 1)"
)
CLOSE_DONE = (
    "UPDATE erasure_request SET status = 'done', outcome = 'erased', closed_on = current_date "
    "WHERE reference = :ref"
)
CERTIFICATE = (
    "INSERT INTO erasure_certificate (reference, issued_on, kind, categories, legal_basis, "
    "kept, performed_by_role, pdf) VALUES (:ref, current_date, 'person', '[]', '', '', "
    "'admin', '')"
)


def status(logins, ref: str):  # type: ignore[no-untyped-def]
    return run(
        logins["lead"],
        "SELECT status, outcome FROM erasure_request WHERE reference = :ref",
        ref=ref,
    )[0]


@pytest.mark.parametrize("who", ["agent", "lead", "admin"])
def test_nobody_records_a_request_already_closed(logins, who: str) -> None:  # type: ignore[no-untyped-def]
    assert "recorded open" in refused(logins[who], INSERT_DONE, ref="ER-1")
    run(logins[who], OPEN, ref="ER-1")  # as it comes in: open
    assert tuple(status(logins, "ER-1")) == ("open", None)


def test_a_lead_cannot_mark_a_request_erased(logins) -> None:  # type: ignore[no-untyped-def]
    run(logins["agent"], OPEN, ref="ER-2")
    assert "only by its erasure" in refused(logins["lead"], CLOSE_DONE, ref="ER-2")
    # Changing the outcome while leaving it open is a closing too.
    message = refused(logins["lead"], "UPDATE erasure_request SET outcome = 'erased'")
    assert "cannot go from open to open" in message
    assert tuple(status(logins, "ER-2")) == ("open", None)


def test_an_admin_needs_the_certificate_of_this_transaction(logins) -> None:  # type: ignore[no-untyped-def]
    run(logins["agent"], OPEN, ref="ER-3")
    assert "only by its erasure" in refused(logins["admin"], CLOSE_DONE, ref="ER-3")
    run(logins["admin"], CERTIFICATE, ref="ER-3")  # issued earlier, on its own
    assert "only by its erasure" in refused(logins["admin"], CLOSE_DONE, ref="ER-3")
    run(logins["agent"], OPEN, ref="ER-4")
    run(logins["admin"], CERTIFICATE, CLOSE_DONE, ref="ER-4")  # the erasure's own order
    assert tuple(status(logins, "ER-4")) == ("done", "erased")


def test_the_store_functions_close_requests(logins) -> None:  # type: ignore[no-untyped-def]
    """The app's path (store.erasure): open, certificate, close, in one transaction."""
    today = dt.date.today()
    with logins["admin"].begin() as conn:
        request_id, ref, received = open_request(conn, NewRequest(today, "email"), today)
        issue_certificate(conn, ref, today, "person", ["contact_details"], [], "admin", received)
        close_request(conn, request_id, rules.STATUS_DONE, "erased", today)
    assert tuple(status(logins, ref)) == ("done", "erased")
    # A lead forwards; an agent cannot (no UPDATE at all).
    with logins["agent"].begin() as conn:
        forward_id, forward_ref, _ = open_request(conn, NewRequest(today, "phone"), today)
    assert "permission denied" in refused(
        logins["agent"],
        "UPDATE erasure_request SET status = 'forwarded', forwarded_on = current_date",
    )
    with logins["lead"].begin() as conn:
        close_request(
            conn, forward_id, rules.STATUS_FORWARDED, "forwarded", today, forwarded_on=today
        )
    assert tuple(status(logins, forward_ref)) == ("forwarded", "forwarded")


def test_a_closed_request_stays_closed(logins) -> None:  # type: ignore[no-untyped-def]
    run(logins["agent"], OPEN, ref="ER-5")
    run(logins["admin"], CERTIFICATE, CLOSE_DONE, ref="ER-5")
    for change in (
        "UPDATE erasure_request SET status = 'open', outcome = NULL, closed_on = NULL",
        "UPDATE erasure_request SET outcome = 'kept after all'",
        "UPDATE erasure_request SET reference = 'ER-6'",
    ):
        for who in ("lead", "admin"):
            message = refused(logins[who], change)
            assert "is closed" in message or "keeps its reference" in message
    assert tuple(status(logins, "ER-5")) == ("done", "erased")
