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

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from bowebb_console.domain.errors import ValidationError
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
    writing,
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
    db: Any,
    *,
    kind: str,
    description: str,
    planned_on: dt.date | None,
    sub_processor_id: int | None = None,
    customers_notified_on: dt.date | None = None,
    objection_window_ends: dt.date | None = None,
    actor: str | None = None,
) -> int:
    if kind not in KINDS:
        raise ValidationError("kind", "The change is an addition or a replacement.")
    description = (description or "").strip()
    if not description:
        raise ValidationError("description", "Describe the change (which sub-processor, why).")
    if planned_on is None:
        raise ValidationError("planned_on", "Give the date the change takes effect.")
    if objection_window_ends and customers_notified_on is None:
        raise ValidationError(
            "customers_notified_on", "An objection window starts when customers are notified."
        )
    if (
        objection_window_ends
        and customers_notified_on
        and objection_window_ends < customers_notified_on
    ):
        raise ValidationError(
            "objection_window_ends", "The objection window cannot end before customers are told."
        )
    if objection_window_ends and objection_window_ends > planned_on:
        raise ValidationError(
            "objection_window_ends",
            "The objection window must end before the change takes effect.",
        )
    with writing(db) as conn:
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


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _log_change(conn: Any, sp_id: int | None, change_id: int, payload: Any, actor: Any) -> None:
    session = _change_session(sp_id, change_id)
    if isinstance(session, int):
        log_change(conn, "register_changed", session, payload, actor)
    else:
        from bowebb_console.domain.hashchain import canonical_payload
        from bowebb_console.store.log.chain import write_event

        write_event(
            conn, "register_changed", session, str(uuid.uuid4()), canonical_payload(payload), actor
        )


def record_objection(
    db: Any,
    change_id: int,
    customer_id: int,
    received_on: dt.date | None,
    note: str = "",
    *,
    actor: str | None = None,
) -> int:
    if received_on is None:
        raise ValidationError("received_on", "Give the date the objection was received.")
    with writing(db) as conn:
        sp_id = conn.execute(
            select(SubProcessorChange.sub_processor_id).where(SubProcessorChange.id == change_id)
        ).first()
        if sp_id is None:
            raise ValidationError("change", "This planned change no longer exists.")
        if conn.execute(select(Customer.id).where(Customer.id == customer_id)).first() is None:
            raise ValidationError("customer", "This customer no longer exists.")
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


def list_planned_changes(session: Session) -> list[PlannedChange]:
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
    for r in session.execute(q):
        org = f"{r[4][:6]}-{r[4][6:]}"
        objections.setdefault(r[0], []).append(Objection(r[1], r[2], r[3], org, r[5], r[6]))
    rows = session.execute(
        select(SubProcessorChange, SubProcessor.name)
        .outerjoin(SubProcessor, SubProcessor.id == SubProcessorChange.sub_processor_id)
        .order_by(SubProcessorChange.planned_on.desc(), SubProcessorChange.id.desc())
    )
    return [
        PlannedChange(
            c.id,
            c.sub_processor_id,
            name,
            c.kind,
            c.description,
            c.planned_on,
            c.customers_notified_on,
            c.objection_window_ends,
            tuple(objections.get(c.id, ())),
        )
        for c, name in rows
    ]


def change_log_session(change: PlannedChange) -> str:
    """The log session holding a change's events (the sub-processor's when it has one)."""
    session = _change_session(change.sub_processor_id, change.id)
    return log_session_uuid(session) if isinstance(session, int) else session
