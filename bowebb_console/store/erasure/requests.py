"""Erasure requests: receipt, deadline, extension, forwarding (no personal data stored).

Recording a request is open to every role (it is written down as it comes in); extending
and forwarding are a lead's or admin's; erasing is an admin's (store.erasure.person).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.orm import Session

from bowebb_console.domain import erasure as rules
from bowebb_console.domain.errors import ValidationError
from bowebb_console.store.models import ErasureRequest


@dataclass(frozen=True)
class RequestView:
    id: int
    reference: str
    received_on: dt.date
    channel: str
    due_on: dt.date
    extended_to: dt.date | None
    extension_reason: str | None
    status: str
    controller_role: str | None
    forwarded_on: dt.date | None
    outcome: str | None
    closed_on: dt.date | None
    version: int
    kind: str = "erasure"  # or "access" (Art. 15, migration 0016): same deadline rules

    @property
    def effective_due(self) -> dt.date:
        return rules.effective_due(self.due_on, self.extended_to)

    def is_overdue(self, today: dt.date) -> bool:
        return rules.is_overdue(self.due_on, self.extended_to, self.status, today)


@dataclass(frozen=True)
class NewRequest:
    """A request not yet saved: when and how it arrived."""

    received_on: dt.date
    channel: str


def request_view(r: ErasureRequest) -> RequestView:
    return RequestView(
        r.id,
        r.reference,
        r.received_on,
        r.channel,
        r.due_on,
        r.extended_to,
        r.extension_reason,
        r.status,
        r.controller_role,
        r.forwarded_on,
        r.outcome,
        r.closed_on,
        r.version,
        r.kind,
    )


def check_channel(channel: str) -> None:
    if channel not in rules.CHANNELS:
        raise ValidationError(
            "channel",
            f"Unknown channel {channel!r}.",
            "erasure.unknown_channel",
            {"channel": channel},
        )


def open_request(
    conn: Connection, request: int | NewRequest, today: dt.date
) -> tuple[int, str, dt.date]:
    """The id, reference and receipt date of an open request: ``request`` names one (its id)
    or is a new one, inserted here."""
    if isinstance(request, NewRequest):
        rules.check_received_on(request.received_on, today)
        check_channel(request.channel)
        reference = rules.new_reference(today)
        new_id = conn.execute(
            insert(ErasureRequest)
            .values(
                reference=reference,
                received_on=request.received_on,
                channel=request.channel,
                due_on=rules.answer_due(request.received_on),
                status=rules.STATUS_OPEN,
                version=1,
            )
            .returning(ErasureRequest.id)
        ).scalar_one()
        return int(new_id), reference, request.received_on
    row = conn.execute(
        select(ErasureRequest.reference, ErasureRequest.received_on, ErasureRequest.status).where(
            ErasureRequest.id == request
        )
    ).first()
    if row is None or row[2] != rules.STATUS_OPEN:
        raise ValidationError("request", "The request is no longer open.", "erasure.request_closed")
    return request, str(row[0]), row[1]


def close_request(
    conn: Connection, request_id: int, status: str, outcome: str, today: dt.date, **more: Any
) -> None:
    conn.execute(
        update(ErasureRequest)
        .where(ErasureRequest.id == request_id)
        .values(
            status=status,
            outcome=outcome,
            closed_on=today,
            version=ErasureRequest.version + 1,
            **more,
        )
    )


def extend_request(conn: Connection, request_id: int, reason: str, today: dt.date) -> RequestView:
    with Session(bind=conn) as session:
        row = session.get(ErasureRequest, request_id)
        if row is None:
            raise ValidationError(
                "request", "The request does not exist.", "erasure.request_missing"
            )
        row.extended_to = rules.check_extension(row.received_on, today, reason)
        row.extension_reason = reason.strip()
        session.flush()
        return request_view(row)


def list_requests(conn: Connection, *, open_only: bool = False) -> list[RequestView]:
    query = select(ErasureRequest).order_by(ErasureRequest.due_on, ErasureRequest.id)
    if open_only:
        query = query.where(ErasureRequest.status == rules.STATUS_OPEN)
    with Session(bind=conn) as session:
        return [request_view(r) for r in session.scalars(query)]
