"""Erasure requests: receipt, deadline, extension, forwarding (no personal data stored).

Recording a request is open to every role (it is written down as it comes in); extending
and forwarding are a lead's or admin's; erasing is an admin's (store.erasure).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
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

    @property
    def effective_due(self) -> dt.date:
        return rules.effective_due(self.due_on, self.extended_to)

    def is_overdue(self, today: dt.date) -> bool:
        return rules.is_overdue(self.due_on, self.extended_to, self.status, today)


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
    )


def check_channel(channel: str) -> None:
    if channel not in rules.CHANNELS:
        raise ValidationError("channel", f"Unknown channel {channel!r}.")


def new_request(received_on: dt.date, channel: str, today: dt.date) -> ErasureRequest:
    """A validated, unsaved request row."""
    rules.check_received_on(received_on, today)
    check_channel(channel)
    return ErasureRequest(
        reference=rules.new_reference(today),
        received_on=received_on,
        channel=channel,
        due_on=rules.answer_due(received_on),
        status=rules.STATUS_OPEN,
    )


def record_request(
    session: Session, received_on: dt.date, channel: str, today: dt.date
) -> RequestView:
    row = new_request(received_on, channel, today)
    session.add(row)
    session.commit()
    return request_view(row)


def extend_request(session: Session, request_id: int, reason: str, today: dt.date) -> RequestView:
    row = session.get(ErasureRequest, request_id)
    if row is None:
        raise ValidationError("request", "The request does not exist.")
    row.extended_to = rules.check_extension(row.received_on, today, reason)
    row.extension_reason = reason.strip()
    session.commit()
    return request_view(row)


def list_requests(session: Session, *, open_only: bool = False) -> list[RequestView]:
    query = select(ErasureRequest).order_by(ErasureRequest.due_on, ErasureRequest.id)
    if open_only:
        query = query.where(ErasureRequest.status == rules.STATUS_OPEN)
    return [request_view(r) for r in session.scalars(query)]


def get_request(session: Session, request_id: int) -> RequestView | None:
    row = session.get(ErasureRequest, request_id)
    return request_view(row) if row is not None else None
