"""Demo data for the sub-processor register: contacts and storage locations, a realistic mix
of checklist assessments, one evidence file, and one planned change with an objection.

Called by ``fill_demo`` inside its transaction, right after the six demo sub-processors are
inserted; written directly (seed data, not an admin's changes, so nothing is logged).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from bowebb_console.domain import checklist as cl
from bowebb_console.store.models import (
    Customer,
    CustomerStatus,
    DpaChecklistItem,
    SubProcessor,
    SubProcessorChange,
    SubProcessorEvidence,
    SubProcessorObjection,
)

DEMO_ACTOR = "demo"
_Y, _N, _P = cl.YES, cl.NO, cl.PARTLY

# name → (contact, storage locations, {item key: status}; items not named stay unassessed)
_PLAN: dict[str, tuple[str, str, dict[str, str]]] = {
    "Mälardalens Serverhall AB": ("dpo@serverhall.example", "SE", {}),  # every item yes
    "Mainufer Datensicherung GmbH": ("datenschutz@mainufer.example", "DE", {"art28_3_h": _P}),
    "Liffey Mail Delivery Ltd": (
        "privacy@liffeymail.example",
        "IE",
        {"art28_2": _N, "art28_4": ""},
    ),
    "Grachtenhuis Support B.V.": ("privacy@grachtenhuis.example", "NL", {}),
    "Kuitti Laskutus Oy": (
        "tietosuoja@kuitti.example",
        "FI",
        {
            "art28_3_e": _P,
            "art28_3_f": "",
            "art28_3_g": "",
            "art28_3_h": "",
            "art28_2": "",
            "art28_4": "",
        },
    ),
    # The remote-control tools' entries (issue 15, item 7): assessed in full; Quick Assist's
    # is flagged by its location (processing in the US), not by its checklist.
    "TeamViewer Germany GmbH": ("privacy@teamviewer.example", "DE", {}),
    "AnyDesk Software GmbH": ("privacy@anydesk.example", "DE", {}),
    "RustDesk-relä hos Mälardalens Serverhall": ("dpo@serverhall.example", "SE", {}),
    "Microsoft Ireland Operations Ltd (Snabbhjälp)": ("privacy@microsoft.example", "IE", {}),
    "Pinecrest Analytics Inc.": (
        "privacy@pinecrest.example",
        "US",
        {"art28_3_a": _N, "art28_3_d": _P, "art28_3_g": _N, "art28_3_h": _P, "art28_4": _N},
    ),
}

_EVIDENCE = {
    "yes": "Klausulen finns i det undertecknade PUB-avtalet.",
    "partly": "Bara delvis täckt; uppföljning skickad till underbiträdet.",
    "no": "Saknas i PUB-avtalet; tillägg begärt.",
}


def fill_demo_subprocessors(session: Session, today: dt.date) -> None:
    checklist = cl.load_checklist()
    dialect = session.get_bind().dialect.name
    ids = {n: i for n, i in session.execute(select(SubProcessor.name, SubProcessor.id))}
    at = dt.datetime.combine(today - dt.timedelta(days=14), dt.time(10, 0), dt.UTC)
    items: list[dict[str, Any]] = []
    for name, (contact, storage, overrides) in _PLAN.items():
        sp_id = ids.get(name)
        if sp_id is None:
            continue
        session.execute(
            update(SubProcessor)
            .where(SubProcessor.id == sp_id)
            .values(contact=contact, storage_locations=storage)
        )
        for item in checklist.items:
            status = overrides.get(item.key, _Y)
            if not status:
                continue  # never assessed
            row = {
                "sub_processor_id": sp_id,
                "item_key": item.key,
                "status": status,
                "evidence": _EVIDENCE[status],
            }
            if dialect != "postgresql":  # PostgreSQL's trigger fills these
                row |= {"assessed_by": DEMO_ACTOR, "assessed_at": at}
            items.append(row)
    if items:
        session.execute(insert(DpaChecklistItem), items)
    _evidence(session, ids.get("Mälardalens Serverhall AB"), dialect, at)
    _planned_change(session, ids.get("Liffey Mail Delivery Ltd"), today)


def _evidence(session: Session, sp_id: int | None, dialect: str, at: dt.datetime) -> None:
    if sp_id is None:
        return
    content = (
        "Demo: sammanfattning av 2026 års ISO 27001-uppföljningsrevision av serverhallen.\n"
        "Inga större avvikelser; två mindre anmärkningar åtgärdade.\n"
    ).encode()
    row: dict[str, Any] = {
        "sub_processor_id": sp_id,
        "item_key": "art28_3_h",
        "file_name": "revisionssammanfattning-2026.txt",
        "content": content,
        "sha256": hashlib.sha256(content).hexdigest(),
        "size": len(content),
    }
    if dialect != "postgresql":
        row |= {"added_by": DEMO_ACTOR, "added_at": at}
    session.execute(insert(SubProcessorEvidence).values(**row))


def _planned_change(session: Session, replaced: int | None, today: dt.date) -> None:
    change_id = session.execute(
        insert(SubProcessorChange)
        .values(
            sub_processor_id=replaced,
            kind="replacement",
            description=(
                "Transaktionell e-post flyttar från Liffey Mail Delivery Ltd (IE) till "
                "Nordlys Epost AS (NO, data lagras i Norge)."
            ),
            planned_on=today + dt.timedelta(days=45),
            customers_notified_on=today - dt.timedelta(days=10),
            objection_window_ends=today + dt.timedelta(days=20),
        )
        .returning(SubProcessorChange.id)
    ).scalar_one()
    customer = session.scalar(
        select(Customer.id)
        .where(Customer.status == CustomerStatus.ACTIVE.value)
        .order_by(Customer.id)
        .limit(1)
    )
    if customer is not None:
        session.execute(
            insert(SubProcessorObjection).values(
                change_id=change_id,
                customer_id=customer,
                received_on=today - dt.timedelta(days=3),
                note="Vill veta var säkerhetskopiorna av e-postloggarna förvaras.",
            )
        )
