"""Restriction (GDPR Art. 18), objection to news (Art. 21) and rectification (Art. 16) of a
contact, each a chained ``privacy_*`` event in the caller's transaction.

Restriction: only admins set or lift it (on PostgreSQL the column grant says so, and
row-level security hides a restricted contact from agents; migration 0016). A restricted
contact is left out of notice exports and no consent may be recorded with them.

Objection: anyone records it as the person says it; it keeps the contact out of "news"
notice exports only; service-disruption notices are part of the contract and still go out.

Rectification: the contact's fields are corrected with optimistic locking; migration 0009's
change record holds the before/after values (erasable payload), and the ``privacy_rectified``
event adds why (its payload, erasable too) and who (the event's actor).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, select, update

from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.domain.search_text import fold, plain
from bowebb_console.store.log.chain import local_actor, write_event
from bowebb_console.store.models import Contact

REASON_MAX = 500
RESTRICTED_KIND = "privacy_restricted"
LIFTED_KIND = "privacy_restriction_lifted"
OBJECTION_KIND = "privacy_objection_recorded"
WITHDRAWN_KIND = "privacy_objection_withdrawn"
RECTIFIED_KIND = "privacy_rectified"
RECTIFIABLE = ("name", "email", "phone", "title")


def _reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(
            "reason", "Say why (the person's request, its reference).", "privacy.reason_missing"
        )
    if len(reason) > REASON_MAX:
        raise ValidationError(
            "reason",
            f"The reason is too long (at most {REASON_MAX}).",
            "privacy.reason_too_long",
            {"max": REASON_MAX},
        )
    return reason


def _event(conn: Connection, kind: str, payload: dict[str, Any], actor: str | None) -> None:
    write_event(
        conn,
        kind,
        str(uuid.uuid4()),
        str(uuid.uuid4()),
        canonical_payload(payload),
        actor or local_actor(),
    )


def _contact(conn: Connection, contact_id: int) -> Any:
    row = conn.execute(
        select(
            Contact.id,
            Contact.customer_id,
            Contact.restricted,
            Contact.news_objection,
            Contact.version,
            Contact.name,
            Contact.email,
            Contact.phone,
            Contact.title,
        ).where(Contact.id == contact_id)
    ).first()
    if row is None:
        raise ValidationError(
            "contact", "The contact does not exist (any more).", "privacy.contact_missing"
        )
    return row


def set_restricted(
    conn: Connection, contact_id: int, restricted: bool, reason: str, actor: str | None = None
) -> bool:
    """Restrict the contact or lift the restriction; False when it already was so."""
    reason = _reason(reason)
    row = _contact(conn, contact_id)
    if bool(row.restricted) == restricted:
        return False
    conn.execute(
        update(Contact)
        .where(Contact.id == contact_id)
        .values(restricted=restricted, version=Contact.version + 1)
    )
    kind = RESTRICTED_KIND if restricted else LIFTED_KIND
    payload = {"contact_id": contact_id, "customer_id": row.customer_id, "reason": reason}
    _event(conn, kind, payload, actor)
    return True


def set_news_objection(
    conn: Connection, contact_id: int, objects: bool, actor: str | None = None
) -> bool:
    """Record (or withdraw) the contact's objection to news e-mails; False when unchanged."""
    row = _contact(conn, contact_id)
    if bool(row.news_objection) == objects:
        return False
    conn.execute(
        update(Contact)
        .where(Contact.id == contact_id)
        .values(news_objection=objects, version=Contact.version + 1)
    )
    kind = OBJECTION_KIND if objects else WITHDRAWN_KIND
    _event(conn, kind, {"contact_id": contact_id, "customer_id": row.customer_id}, actor)
    return True


def rectify_contact(
    conn: Connection,
    contact_id: int,
    version: int,
    changes: dict[str, str | None],
    reason: str,
    actor: str | None = None,
) -> int:
    """Correct the contact's fields (name, email, phone, title); returns the new version.

    A stale ``version`` is refused (someone saved in between), nothing is changed then."""
    reason = _reason(reason)
    unknown = sorted(set(changes) - set(RECTIFIABLE))
    if unknown:
        raise ValidationError(
            unknown[0], f"{unknown[0]} cannot be rectified here.", "privacy.not_rectifiable"
        )
    row = _contact(conn, contact_id)
    changed = {k: v for k, v in changes.items() if getattr(row, k) != v}
    if not changed:
        raise ValidationError("changes", "Nothing was changed.", "privacy.nothing_changed")
    values: dict[str, Any] = dict(changed)
    if "name" in changed:
        values |= {"name_folded": fold(changed["name"]), "name_plain": plain(changed["name"])}
    if "email" in changed:
        values["email_folded"] = fold(changed["email"])
    done = conn.execute(
        update(Contact)
        .where(Contact.id == contact_id, Contact.version == version)
        .values(**values, version=version + 1)
    )
    if done.rowcount != 1:
        raise ValidationError(
            "version",
            "Someone else changed this contact meanwhile: reload it; your input is kept.",
            "privacy.stale",
        )
    payload = {
        "contact_id": contact_id,
        "customer_id": row.customer_id,
        "reason": reason,
        "fields": sorted(changed),
    }
    _event(conn, RECTIFIED_KIND, payload, actor)
    return version + 1
