"""Planned changes of sub-processors under a general authorisation (GDPR Art. 28(2)).

BoWebb tells its customers of an intended addition or replacement in advance; they may
object until the window ends. The customers to tell are the notice recipients
(store.notices: exporting them is itself recorded), and each objection is kept here. Every
change is logged in the chained log, like the register's own changes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.store.log.chain import write_event
from bowebb_console.store.models import (
    Customer,
    SubProcessor,
    SubProcessorChange,
    SubProcessorObjection,
)
from bowebb_console.store.subprocessors.register import (
    LOG_NAMESPACE,
    log_change,
    log_session_uuid,
)

KINDS = ("addition", "replacement")


@dataclass(frozen=True)
class Objection:
    id: int
    customer_id: int
    customer_name: str
    org_number: str
    received_on: dt.date
    note: str


@dataclass(frozen=True)
class PlannedChange:
    id: int
    sub_processor_id: int | None
    sub_processor_name: str | None
    kind: str
    description: str
    planned_on: dt.date
    customers_notified_on: dt.date | None
    objection_window_ends: dt.date | None
    objections: tuple[Objection, ...]

    def window_open(self, today: dt.date) -> bool:
        return self.objection_window_ends is not None and today <= self.objection_window_ends


def _change_session(sp_id: int | None, change_id: int) -> int | str:
    return sp_id if sp_id is not None else str(uuid.uuid5(LOG_NAMESPACE, f"change:{change_id}"))


def add_planned_change(
    conn: Connection,
    *,
    kind: str,
    description: str,
    planned_on: dt.date | None,
    sub_processor_id: int | None = None,
    customers_notified_on: dt.date | None = None,
    objection_window_ends: dt.date | None = None,
    actor: str | None = None,
) -> int:
    description = (description or "").strip()
    planned_on = check_change(
        kind, description, planned_on, customers_notified_on, objection_window_ends
    )
    change_id = conn.execute(
        insert(SubProcessorChange)
        .values(
            sub_processor_id=sub_processor_id,
            kind=kind,
            description=description,
            planned_on=planned_on,
            customers_notified_on=customers_notified_on,
            objection_window_ends=objection_window_ends,
        )
        .returning(SubProcessorChange.id)
    ).scalar_one()
    payload = {
        "action": "change_planned",
        "change_id": change_id,
        "sub_processor_id": sub_processor_id,
        "kind": kind,
        "description": description,
        "planned_on": planned_on.isoformat(),
        "customers_notified_on": _iso(customers_notified_on),
        "objection_window_ends": _iso(objection_window_ends),
    }
    _log_change(conn, sub_processor_id, change_id, payload, actor)
    return int(change_id)


def check_change(
    kind: str,
    description: str,
    planned_on: dt.date | None,
    notified_on: dt.date | None,
    window_ends: dt.date | None,
) -> dt.date:
    """The rules of a planned change; returns the date it takes effect."""
    if kind not in KINDS:
        raise ValidationError(
            "kind", "The change is an addition or a replacement.", "subprocessors.bad_change_kind"
        )
    if not description:
        raise ValidationError(
            "description",
            "Describe the change (which sub-processor, why).",
            "subprocessors.no_description",
        )
    if planned_on is None:
        raise ValidationError(
            "planned_on", "Give the date the change takes effect.", "subprocessors.no_planned_on"
        )
    if window_ends and notified_on is None:
        raise ValidationError(
            "customers_notified_on",
            "An objection window starts when customers are notified.",
            "subprocessors.window_without_notice",
        )
    if window_ends and notified_on and window_ends < notified_on:
        raise ValidationError(
            "objection_window_ends",
            "The objection window cannot end before customers are told.",
            "subprocessors.window_before_notice",
        )
    if window_ends and window_ends > planned_on:
        raise ValidationError(
            "objection_window_ends",
            "The objection window must end before the change takes effect.",
            "subprocessors.window_after_change",
        )
    return planned_on


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _log_change(
    conn: Connection,
    sp_id: int | None,
    change_id: int,
    payload: dict[str, Any],
    actor: str | None,
) -> None:
    session = _change_session(sp_id, change_id)
    if isinstance(session, int):
        log_change(conn, "register_changed", session, payload, actor)
    else:
        write_event(
            conn, "register_changed", session, str(uuid.uuid4()), canonical_payload(payload), actor
        )


def record_objection(
    conn: Connection,
    change_id: int,
    customer_id: int,
    received_on: dt.date | None,
    note: str = "",
    *,
    actor: str | None = None,
) -> int:
    if received_on is None:
        raise ValidationError(
            "received_on",
            "Give the date the objection was received.",
            "subprocessors.no_received_on",
        )
    sp_id = conn.execute(
        select(SubProcessorChange.sub_processor_id).where(SubProcessorChange.id == change_id)
    ).first()
    if sp_id is None:
        raise ValidationError(
            "change", "This planned change no longer exists.", "subprocessors.change_gone"
        )
    if conn.execute(select(Customer.id).where(Customer.id == customer_id)).first() is None:
        raise ValidationError(
            "customer", "This customer no longer exists.", "subprocessors.customer_gone"
        )
    new_id = conn.execute(
        insert(SubProcessorObjection)
        .values(
            change_id=change_id,
            customer_id=customer_id,
            received_on=received_on,
            note=(note or "").strip(),
        )
        .returning(SubProcessorObjection.id)
    ).scalar_one()
    # The customer by id only: the log's columns and payload name no person.
    payload = {
        "action": "objection_recorded",
        "change_id": change_id,
        "customer_id": customer_id,
        "received_on": received_on.isoformat(),
    }
    _log_change(conn, sp_id[0], change_id, payload, actor)
    return int(new_id)


def customer_by_org_number(conn: Connection, digits: str) -> int | None:
    """The id of the customer with this organisation number (10 digits), if any."""
    found = conn.execute(select(Customer.id).where(Customer.org_number == digits)).first()
    return int(found[0]) if found is not None else None


def list_planned_changes(conn: Connection) -> list[PlannedChange]:
    objections: dict[int, list[Objection]] = {}
    q = (
        select(
            SubProcessorObjection.change_id,
            SubProcessorObjection.id,
            Customer.id,
            Customer.name,
            Customer.org_number,
            SubProcessorObjection.received_on,
            SubProcessorObjection.note,
        )
        .join(Customer, Customer.id == SubProcessorObjection.customer_id)
        .order_by(SubProcessorObjection.received_on, SubProcessorObjection.id)
    )
    for r in conn.execute(q):
        org = f"{r[4][:6]}-{r[4][6:]}"
        objections.setdefault(r[0], []).append(Objection(r[1], r[2], r[3], org, r[5], r[6]))
    c = SubProcessorChange
    rows = conn.execute(
        select(
            c.id,
            c.sub_processor_id,
            SubProcessor.name,
            c.kind,
            c.description,
            c.planned_on,
            c.customers_notified_on,
            c.objection_window_ends,
        )
        .select_from(c)
        .outerjoin(SubProcessor, SubProcessor.id == c.sub_processor_id)
        .order_by(c.planned_on.desc(), c.id.desc())
    )
    return [PlannedChange(*r, tuple(objections.get(r[0], ()))) for r in rows]


def change_log_session(change: PlannedChange) -> str:
    """The log session holding a change's events (the sub-processor's when it has one)."""
    session = _change_session(change.sub_processor_id, change.id)
    return log_session_uuid(session) if isinstance(session, int) else session
