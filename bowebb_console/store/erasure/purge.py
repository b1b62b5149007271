"""The hard delete of a customer whose grace period has ended (policy clause 3).

Four eyes: an admin requests the purge of one customer (``request_purge``), a different lead
or admin approves it (``approve_purge``; on PostgreSQL the server's trigger records both
names from ``session_user`` and refuses the starter as approver), and an admin runs it
(``run_purge``) after typing the company name. The run deletes, in one transaction, the
payloads of the customer's sessions (events stay, payload-free, and still verify), the rows
of every per-customer table in ``scrub.CUSTOMER_TABLES`` that exists, and the customer
(whose search-index entries go with it through the triggers); it logs ``erasure_performed``
and issues a certificate. A dry run lists the same and changes nothing. Then the journal
line and the physical scrub (store.scrub).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, text, update

from bowebb_console.domain import erasure as rules
from bowebb_console.domain.policy import hard_delete_due, is_hard_delete_due
from bowebb_console.domain.search_text import fold
from bowebb_console.store.erasure.certificates import issue_certificate
from bowebb_console.store.erasure.journal import Journal, JournalEntry
from bowebb_console.store.erasure.person import ERASED_KIND, _begin, _log, chain_id
from bowebb_console.store.erasure.scrub import CUSTOMER_TABLES, ScrubResult, existing_tables, scrub
from bowebb_console.store.log.chain import engine_of, local_actor
from bowebb_console.store.models import Customer, LogEvent, LogPayload, PurgeApproval


class PurgeError(ValueError):
    """A purge the rules refuse; ``message`` can be shown as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
class PurgeDone:
    reference: str
    certificate_id: int
    plan: PurgePlan
    scrub: ScrubResult


def due_customers(db: Any, today: dt.date) -> list[DueCustomer]:
    with engine_of(db).connect() as conn:
        rows = conn.execute(
            select(Customer.id, Customer.name, Customer.terminated_on, Customer.hard_delete_due)
            .where(Customer.hard_delete_due.is_not(None), Customer.hard_delete_due <= today)
            .order_by(Customer.hard_delete_due, Customer.id)
        )
        return [DueCustomer(r[0], r[1], r[2], r[3]) for r in rows if r[3] is not None]


def set_termination(
    db: Any, customer_id: int, terminated_on: dt.date | None, grace_period_days: int
) -> dt.date | None:
    """Wizard 3's first half: the termination date, and the hard-delete date that follows."""
    due = hard_delete_due(terminated_on, grace_period_days) if terminated_on else None
    with engine_of(db).begin() as conn:
        found = conn.execute(
            update(Customer)
            .where(Customer.id == customer_id)
            .values(
                terminated_on=terminated_on,
                hard_delete_due=due,
                status="terminated" if terminated_on else "active",
                version=Customer.version + 1,
            )
        ).rowcount
        if not found:
            raise PurgeError("The customer does not exist (any more).")
    return due


def _payload_seqs(conn: Connection, customer_id: int) -> list[int]:
    """Every payload of the customer's sessions (found through their consent events)."""
    if conn.dialect.name == "postgresql":
        match = text("(CAST(p.payload AS jsonb) ->> 'customer_id') = :c")
        value: Any = str(customer_id)
    else:
        match = text("json_extract(p.payload, '$.customer_id') = :c")
        value = customer_id
    sessions = select(LogEvent.session_uuid).where(
        LogEvent.seq.in_(select(text("p.seq")).select_from(text("log_payload p")).where(match)),
    )
    rows = conn.execute(
        select(LogPayload.seq)
        .join(LogEvent, LogEvent.seq == LogPayload.seq)
        .where(LogEvent.session_uuid.in_(sessions))
        .order_by(LogPayload.seq),
        {"c": value},
    )
    return [int(r[0]) for r in rows]


def _plan(conn: Connection, customer_id: int, today: dt.date) -> PurgePlan:
    row = conn.execute(
        select(Customer.name, Customer.hard_delete_due).where(Customer.id == customer_id)
    ).first()
    if row is None:
        raise PurgeError("The customer does not exist (any more).")
    if row[1] is None or not is_hard_delete_due(row[1], today):
        when = f"on {row[1].isoformat()}" if row[1] else "only after a termination date is set"
        raise PurgeError(f"This customer is not due for deletion yet: it is due {when}.")
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


def plan_purge(db: Any, customer_id: int, today: dt.date) -> PurgePlan:
    """The dry run: what would go. Changes nothing."""
    with engine_of(db).connect() as conn:
        return _plan(conn, customer_id, today)


def request_purge(
    db: Any, customer_id: int, today: dt.date, actor: str | None = None
) -> ApprovalView:
    """First pair of eyes (an admin). On PostgreSQL the server records who."""
    engine = engine_of(db)
    with engine.begin() as conn:
        _plan(conn, customer_id, today)
        open_ = conn.execute(
            select(func.count())
            .select_from(PurgeApproval)
            .where(
                PurgeApproval.customer_id == customer_id,
                PurgeApproval.status.in_(("requested", "approved")),
            )
        ).scalar_one()
        if open_:
            raise PurgeError("A purge of this customer is already waiting for approval or run.")
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
        raise PurgeError(f"There is no purge request {approval_id}.")
    return ApprovalView(r[0], r[1], r[2], r[3], r[4], r[5])


def list_approvals(db: Any) -> list[ApprovalView]:
    with engine_of(db).connect() as conn:
        ids = conn.execute(select(PurgeApproval.id).order_by(PurgeApproval.id.desc())).scalars()
        return [_approval(conn, i) for i in list(ids)]


def approve_purge(db: Any, approval_id: int, approver: str | None = None) -> ApprovalView:
    """Second pair of eyes. PostgreSQL: the server takes the approver from session_user and
    refuses the starter. SQLite (one workstation): the approver's name is typed, and must
    differ from the starter's."""
    with engine_of(db).begin() as conn:
        current = _approval(conn, approval_id)
        if current.status != "requested":
            raise PurgeError(f"This purge request is {current.status}, not waiting for approval.")
        values: dict[str, Any] = {"status": "approved"}
        if conn.dialect.name == "sqlite":
            name = (approver or "").strip()
            if not name or name == current.started_by:
                raise PurgeError(
                    "A second person, not the one who requested the purge, must approve it."
                )
            values |= {"approved_by": name, "approved_at": func.current_timestamp()}
        conn.execute(update(PurgeApproval).where(PurgeApproval.id == approval_id).values(**values))
        return _approval(conn, approval_id)


def cancel_purge(db: Any, approval_id: int) -> None:
    with engine_of(db).begin() as conn:
        conn.execute(
            update(PurgeApproval).where(PurgeApproval.id == approval_id).values(status="cancelled")
        )


def names_match(typed: str, name: str) -> bool:
    return bool(typed.strip()) and fold(typed) == fold(name)


def run_purge(
    db: Any,
    journal: Journal,
    approval_id: int,
    confirm_name: str,
    *,
    role: str,
    today: dt.date,
    actor: str | None = None,
    on_step: Callable[[str, Connection], None] | None = None,
) -> PurgeDone:
    """The irreversible purge. ``on_step`` lets a test drop the connection mid-way."""
    journal.check_writable()
    engine = engine_of(db)
    with engine.connect() as conn, _begin(conn):
        approval = _approval(conn, approval_id)
        if approval.status != "approved":
            raise PurgeError("This purge has not been approved by a second person.")
        if conn.dialect.name == "postgresql":
            conn.execute(
                select(Customer.id).where(Customer.id == approval.customer_id).with_for_update()
            )
        plan = _plan(conn, approval.customer_id, today)
        if not names_match(confirm_name, plan.customer_name):
            raise PurgeError("The typed company name does not match: nothing was deleted.")
        org = conn.execute(
            select(Customer.org_number).where(Customer.id == plan.customer_id)
        ).scalar_one()
        if plan.payload_seqs:
            conn.execute(delete(LogPayload).where(LogPayload.seq.in_(plan.payload_seqs)))
        if on_step:
            on_step("payloads", conn)
        for table, column in CUSTOMER_TABLES:
            if any(t == table for t, _ in plan.rows):
                conn.execute(
                    text(f'DELETE FROM "{table}" WHERE "{column}" = :c'), {"c": plan.customer_id}
                )
                if on_step:
                    on_step(table, conn)
        conn.execute(delete(Customer).where(Customer.id == plan.customer_id))
        reference = approval.reference
        categories = ["customer_record", "contact_details", "search_index", "session_payloads"]
        if any(t == "sftp_profile" for t, _ in plan.rows):
            categories.append("connection_profiles")
        certificate_id = issue_certificate(conn, reference, today, "customer", categories, [], role)
        done: dict[str, Any] = {"status": "done"}
        if conn.dialect.name == "sqlite":
            done |= {
                "performed_by": actor or local_actor(),
                "performed_at": func.current_timestamp(),
            }
        conn.execute(update(PurgeApproval).where(PurgeApproval.id == approval_id).values(**done))
        _log(conn, ERASED_KIND, {"reference": reference, "scope": "customer"}, actor)
        chain = chain_id(conn)
    journal.append(
        JournalEntry(
            reference=reference,
            on=today.isoformat(),
            kind="customer",
            chain=chain,
            customers=[plan.customer_id],
            payload_seqs=list(plan.payload_seqs),
            hashes=[journal.hash_form("org:" + org)],
        )
    )
    touched = {t for t, _ in plan.rows} | {"log_payload", "erasure_certificate", "purge_approval"}
    return PurgeDone(reference, certificate_id, plan, scrub(engine, touched))


@dataclass(frozen=True)
class CustomerChoice:
    id: int
    name: str
    terminated_on: dt.date | None
    hard_delete_due: dt.date | None


def customer_choices(db: Any) -> list[CustomerChoice]:
    """Every customer by name, for the wizards' pickers (ids and names only)."""
    with engine_of(db).connect() as conn:
        rows = conn.execute(
            select(
                Customer.id, Customer.name, Customer.terminated_on, Customer.hard_delete_due
            ).order_by(Customer.name_folded, Customer.id)
        )
        return [CustomerChoice(r[0], r[1], r[2], r[3]) for r in rows]
