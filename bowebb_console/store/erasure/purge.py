"""The hard delete of a customer whose grace period has ended (policy clause 3).

Four eyes: an admin requests the purge of one customer (``request_purge``), a different lead
or admin approves it (``approve_purge``; on PostgreSQL the server's trigger records both
names from ``session_user`` and refuses the starter as approver), and an admin runs it
(``run_purge``) after typing the company name. The run deletes, in the caller's one
transaction, the payloads of the customer's sessions (events stay, payload-free, and still
verify), the rows of every per-customer table in ``scrub.CUSTOMER_TABLES`` that exists, and
the customer (whose search-index entries go with it through the triggers); it logs
``erasure_performed`` and issues a certificate. A dry run lists the same and changes nothing.
After the commit services.erasure writes the journal line and scrubs the files
(store.erasure.scrub).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, text, update

from bowebb_console.domain import erasure as rules
from bowebb_console.domain.errors import ShownError
from bowebb_console.domain.policy import is_hard_delete_due
from bowebb_console.domain.search_text import fold
from bowebb_console.store.erasure import deletes
from bowebb_console.store.erasure.certificates import issue_certificate
from bowebb_console.store.erasure.journal import Journal, JournalEntry
from bowebb_console.store.erasure.person import ERASED_KIND, chain_id, log_event
from bowebb_console.store.erasure.scrub import CUSTOMER_TABLES, existing_tables
from bowebb_console.store.log.chain import local_actor
from bowebb_console.store.log.changes import KINDS as CHANGED_KINDS
from bowebb_console.store.models import Customer, LogEvent, LogPayload, PurgeApproval


class PurgeError(ShownError):
    """A purge the rules refuse. Codes: ``erasure.customer_missing``, ``erasure.not_due``
    (``due``), ``erasure.not_terminated``, ``erasure.purge_waiting``,
    ``erasure.no_purge_request`` (``id``), ``erasure.not_waiting`` (``status``),
    ``erasure.four_eyes``, ``erasure.not_approved``, ``erasure.name_mismatch``."""


def _missing() -> PurgeError:
    return PurgeError("erasure.customer_missing", "The customer does not exist (any more).")


@dataclass(frozen=True)
class DueCustomer:
    id: int
    name: str
    terminated_on: dt.date | None
    hard_delete_due: dt.date


@dataclass(frozen=True)
class PurgePlan:
    customer_id: int
    customer_name: str
    hard_delete_due: dt.date
    rows: tuple[tuple[str, int], ...]  # (table, rows that go)
    payload_seqs: tuple[int, ...]


@dataclass(frozen=True)
class ApprovalView:
    id: int
    reference: str
    customer_id: int
    status: str
    started_by: str
    approved_by: str | None


@dataclass(frozen=True)
class LoggedDownload:
    """A download of the customer's files the log names (file name only, and who)."""

    agent: str
    name: str
    at: str  # the event's time (UTC text)


def logged_downloads(conn: Connection, seqs: tuple[int, ...]) -> list[LoggedDownload]:
    """The downloads among the payloads ``seqs`` (read before the purge deletes them)."""
    found = []
    for start in range(0, len(seqs), 5000):
        rows = conn.execute(
            select(LogEvent.actor, LogEvent.at, LogPayload.payload)
            .join(LogPayload, LogPayload.seq == LogEvent.seq)
            .where(LogEvent.seq.in_(seqs[start : start + 5000]))
            .where(LogEvent.kind == "file_transferred")
        )
        for actor, at, payload in rows:
            body = json.loads(payload)
            if body.get("direction") == "download" and body.get("local_name"):
                found.append(LoggedDownload(str(actor), str(body["local_name"]), str(at)))
    return found


@dataclass(frozen=True)
class Purged:
    """What ``run_purge`` committed, the journal line to write after the commit, and the
    tables to scrub then."""

    reference: str
    certificate_id: int
    plan: PurgePlan
    entry: JournalEntry
    touched: frozenset[str]
    downloads: tuple[LoggedDownload, ...] = ()


def due_customers(conn: Connection, today: dt.date) -> list[DueCustomer]:
    rows = conn.execute(
        select(Customer.id, Customer.name, Customer.terminated_on, Customer.hard_delete_due)
        .where(Customer.hard_delete_due.is_not(None), Customer.hard_delete_due <= today)
        .order_by(Customer.hard_delete_due, Customer.id)
    )
    return [DueCustomer(r[0], r[1], r[2], r[3]) for r in rows if r[3] is not None]


def set_termination(
    conn: Connection, customer_id: int, terminated_on: dt.date | None
) -> dt.date | None:
    """Wizard 3's first half: the termination date (None: the relationship goes on). The
    database derives the hard-delete date (migration 0013's trigger); it is read back."""
    found = conn.execute(
        update(Customer)
        .where(Customer.id == customer_id)
        .values(
            terminated_on=terminated_on,
            status="terminated" if terminated_on else "active",
            version=Customer.version + 1,
        )
    ).rowcount
    if not found:
        raise _missing()
    return conn.execute(
        select(Customer.hard_delete_due).where(Customer.id == customer_id)
    ).scalar_one()


# The kinds of the recorded changes to customers, contacts and profiles.
CHANGE_KINDS = tuple(sorted(CHANGED_KINDS.values()))


def _payload_seqs(conn: Connection, customer_id: int) -> list[int]:
    """Every payload of the customer's sessions (found through their consent events and
    through the review's summary, which keeps the customer after a consent payload was
    erased), and every recorded change to the customer, its contacts and profiles."""
    if conn.dialect.name == "postgresql":
        names_customer = "(CAST(p2.payload AS jsonb) ->> 'customer_id') = CAST(:c AS text)"
        changed = "(CAST(p.payload AS jsonb) -> 'customer_ids') @> to_jsonb(CAST(:c AS integer))"
    else:
        names_customer = "json_extract(p2.payload, '$.customer_id') = :c"
        changed = (
            "EXISTS (SELECT 1 FROM json_each(p.payload, '$.customer_ids') j WHERE j.value = :c)"
        )
    # Two arms, not one OR: the sessions' payloads come by index (the consent's customer id,
    # migration 0015, then the events by session); only the recorded changes' payloads are
    # parsed for their customer ids (an OR parsed every payload of the log: 3.7 s of a
    # purge on a 1M-event log, benchmarks/erasure.py).
    rows = conn.execute(
        text(
            "SELECT p.seq FROM log_payload p JOIN log_event e ON e.seq = p.seq "
            "WHERE e.session_uuid IN ("
            "  SELECT e2.session_uuid FROM log_event e2 JOIN log_payload p2 ON p2.seq = e2.seq"
            f"  WHERE e2.kind = 'consent_recorded' AND {names_customer}"
            "  UNION SELECT s.session_uuid FROM session_summary s WHERE s.customer_id = :c) "
            "UNION SELECT p.seq FROM log_payload p JOIN log_event e ON e.seq = p.seq "
            f"WHERE e.kind IN ({', '.join(repr(k) for k in CHANGE_KINDS)}) AND {changed} "
            "ORDER BY 1"
        ),
        {"c": customer_id},
    )
    return [int(r[0]) for r in rows]


def _plan(conn: Connection, customer_id: int, today: dt.date) -> PurgePlan:
    row = conn.execute(
        select(Customer.name, Customer.hard_delete_due).where(Customer.id == customer_id)
    ).first()
    if row is None:
        raise _missing()
    if row[1] is None:
        raise PurgeError(
            "erasure.not_terminated",
            "This customer is not due for deletion yet: it is due only after a termination "
            "date is set.",
        )
    if not is_hard_delete_due(row[1], today):
        raise PurgeError(
            "erasure.not_due",
            f"This customer is not due for deletion yet: it is due on {row[1].isoformat()}.",
            {"due": row[1].isoformat()},
        )
    present = existing_tables(conn)
    counts = []
    for table, column in CUSTOMER_TABLES:
        if table in present:
            n = conn.execute(
                text(f'SELECT count(*) FROM "{table}" WHERE "{column}" = :c'), {"c": customer_id}
            ).scalar_one()
            counts.append((table, int(n)))
    counts.append(("customer", 1))
    return PurgePlan(
        customer_id, str(row[0]), row[1], tuple(counts), tuple(_payload_seqs(conn, customer_id))
    )


def plan_purge(conn: Connection, customer_id: int, today: dt.date) -> PurgePlan:
    """The dry run: what would go. Changes nothing."""
    return _plan(conn, customer_id, today)


def open_approval(conn: Connection, customer_id: int) -> ApprovalView | None:
    """The customer's purge request that waits for approval or for its run, if any."""
    found = conn.execute(
        select(PurgeApproval.id)
        .where(
            PurgeApproval.customer_id == customer_id,
            PurgeApproval.status.in_(("requested", "approved")),
        )
        .order_by(PurgeApproval.id.desc())
        .limit(1)
    ).scalar()
    return None if found is None else _approval(conn, int(found))


def request_purge(
    conn: Connection, customer_id: int, today: dt.date, actor: str | None = None
) -> ApprovalView:
    """First pair of eyes (an admin). On PostgreSQL the server records who."""
    _plan(conn, customer_id, today)
    if open_approval(conn, customer_id) is not None:
        raise PurgeError(
            "erasure.purge_waiting",
            "A purge of this customer is already waiting for approval or run.",
        )
    new_id = conn.execute(
        insert(PurgeApproval)
        .values(
            reference=rules.new_reference(today).replace("ER-", "PU-"),
            customer_id=customer_id,
            status="requested",
            started_by=actor or local_actor(),
        )
        .returning(PurgeApproval.id)
    ).scalar_one()
    return _approval(conn, int(new_id))


def _approval(conn: Connection, approval_id: int) -> ApprovalView:
    r = conn.execute(
        select(
            PurgeApproval.id,
            PurgeApproval.reference,
            PurgeApproval.customer_id,
            PurgeApproval.status,
            PurgeApproval.started_by,
            PurgeApproval.approved_by,
        ).where(PurgeApproval.id == approval_id)
    ).first()
    if r is None:
        raise PurgeError(
            "erasure.no_purge_request",
            f"There is no purge request {approval_id}.",
            {"id": approval_id},
        )
    return ApprovalView(r[0], r[1], r[2], r[3], r[4], r[5])


def list_approvals(conn: Connection) -> list[ApprovalView]:
    ids = conn.execute(select(PurgeApproval.id).order_by(PurgeApproval.id.desc())).scalars()
    return [_approval(conn, i) for i in list(ids)]


def _four_eyes() -> PurgeError:
    return PurgeError(
        "erasure.four_eyes",
        "A second person, not the one who requested the purge, must approve it.",
    )


def approve_purge(conn: Connection, approval_id: int, approver: str | None = None) -> ApprovalView:
    """Second pair of eyes. PostgreSQL: the server takes the approver from session_user and
    refuses the starter (checked here first, so the refusal has its own code). SQLite (one
    workstation): the approver's name is typed, and must differ from the starter's."""
    current = _approval(conn, approval_id)
    if current.status != "requested":
        raise PurgeError(
            "erasure.not_waiting",
            f"This purge request is {current.status}, not waiting for approval.",
            {"status": current.status},
        )
    values: dict[str, Any] = {"status": "approved"}
    if conn.dialect.name == "sqlite":
        # One person is one name however typed: " Root " and "ROOT" are root.
        name = " ".join((approver or "").split())
        if not name or fold(name) == fold(current.started_by):
            raise _four_eyes()
        values |= {"approved_by": name, "approved_at": func.current_timestamp()}
    elif conn.execute(text("SELECT session_user")).scalar() == current.started_by:
        raise _four_eyes()
    conn.execute(update(PurgeApproval).where(PurgeApproval.id == approval_id).values(**values))
    return _approval(conn, approval_id)


def run_purge(
    conn: Connection,
    journal: Journal,
    approval_id: int,
    confirm_name: str,
    *,
    role: str,
    today: dt.date,
    actor: str | None = None,
    on_step: Callable[[str, Connection], None] | None = None,
) -> Purged:
    """The irreversible purge, inside the caller's transaction. ``on_step`` lets a test drop
    the connection mid-way."""
    approval = _approval(conn, approval_id)
    if approval.status != "approved":
        raise PurgeError(
            "erasure.not_approved", "This purge has not been approved by a second person."
        )
    if conn.dialect.name == "postgresql":
        conn.execute(
            select(Customer.id).where(Customer.id == approval.customer_id).with_for_update()
        )
    plan = _plan(conn, approval.customer_id, today)
    if not rules.names_match(confirm_name, plan.customer_name):
        raise PurgeError(
            "erasure.name_mismatch",
            "The typed company name does not match: nothing was deleted.",
        )
    org = conn.execute(
        select(Customer.org_number).where(Customer.id == plan.customer_id)
    ).scalar_one()
    downloads = tuple(logged_downloads(conn, plan.payload_seqs))
    _delete_customer(conn, plan, on_step)
    categories = ["customer_record", "contact_details", "search_index", "session_payloads"]
    if any(t == "sftp_profile" for t, _ in plan.rows):
        categories.append("connection_profiles")
    reference = approval.reference
    certificate_id = issue_certificate(conn, reference, today, "customer", categories, [], role)
    done: dict[str, Any] = {"status": "done"}
    if conn.dialect.name == "sqlite":
        done |= {"performed_by": actor or local_actor(), "performed_at": func.current_timestamp()}
    conn.execute(update(PurgeApproval).where(PurgeApproval.id == approval_id).values(**done))
    log_event(conn, ERASED_KIND, {"reference": reference, "scope": "customer"}, actor)
    entry = JournalEntry(
        reference=reference,
        on=today.isoformat(),
        kind="customer",
        chain=chain_id(conn),
        customers=[plan.customer_id],
        payload_seqs=list(plan.payload_seqs),
        hashes=[journal.hash_form("org:" + org)],
    )
    touched = {t for t, _ in plan.rows} | {"log_payload", "erasure_certificate", "purge_approval"}
    return Purged(reference, certificate_id, plan, entry, frozenset(touched), downloads)


def _delete_customer(
    conn: Connection, plan: PurgePlan, on_step: Callable[[str, Connection], None] | None
) -> None:
    """The customer's session payloads, its rows in every per-customer table, and itself
    (store.erasure.deletes: on PostgreSQL only the erasure functions may, and the customer
    row only with its approved purge)."""
    deletes.begin(conn)
    deletes.delete_rows(conn, "log_payload", list(plan.payload_seqs))
    if on_step:
        on_step("payloads", conn)
    for table, column in CUSTOMER_TABLES:
        if any(t == table for t, _ in plan.rows):
            ids = conn.execute(
                text(f'SELECT id FROM "{table}" WHERE "{column}" = :c'), {"c": plan.customer_id}
            ).scalars()
            deletes.delete_rows(conn, table, [int(i) for i in ids])
            if on_step:
                on_step(table, conn)
    deletes.delete_rows(conn, "customer", [plan.customer_id])


@dataclass(frozen=True)
class CustomerChoice:
    id: int
    name: str
    terminated_on: dt.date | None
    hard_delete_due: dt.date | None
    org_number: str = ""  # ten digits: near-identical names are told apart by it
    status: str = ""  # trial, active or terminated


def customer_choices(conn: Connection) -> list[CustomerChoice]:
    """Every customer by name, for the wizards' pickers: name, org number, status, dates."""
    rows = conn.execute(
        select(
            Customer.id,
            Customer.name,
            Customer.terminated_on,
            Customer.hard_delete_due,
            Customer.org_number,
            Customer.status,
        ).order_by(Customer.name_folded, Customer.id)
    )
    return [CustomerChoice(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]
