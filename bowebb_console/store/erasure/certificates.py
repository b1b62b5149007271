"""Erasure certificates: what was erased, when, why, by which role; never whose data.

The text is built from fixed category and hold keys (bilingual, Swedish first), a pseudonymous
reference and dates, so nothing the agent typed about the person can reach it. A sole
trader's org number is a personal identity number, so no customer identifier appears either.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select

from bowebb_console.store.models import ErasureCertificate
from bowebb_console.store.pdf import text_pdf

CATEGORIES: dict[str, tuple[str, str]] = {
    "contact_details": ("Kontaktuppgifter (namn, e-post, telefon, titel)", "Contact details"),
    "session_payloads": (
        "Sessionsloggens innehåll (anteckningar, överenskommelser, filnamn)",
        "Session log contents (notes, agreements, file names)",
    ),
    "search_index": ("Sökindexets poster", "Search index entries"),
    "customer_record": ("Kunduppgifter (företag, organisationsnummer)", "Customer record"),
    "connection_profiles": ("SFTP-anslutningsprofiler", "SFTP connection profiles"),
}

HOLDS: dict[str, tuple[str, str]] = {
    "log_events": (
        "Sessionsloggens händelser utan innehåll (id, typ, tid, hash) behålls så att loggen "
        "kan verifieras; de innehåller inga personuppgifter.",
        "Session log events without contents (ids, kinds, times, hashes) are kept so the "
        "log still verifies; they hold no personal data.",
    ),
    "bookkeeping": (
        "Räkenskapsinformation behålls till och med utgången av sjunde året efter det "
        "kalenderår då räkenskapsåret avslutades (bokföringslagen 7 kap. 2 §).",
        "Bookkeeping records are kept until the end of the seventh year after the calendar "
        "year in which the financial year ended (Swedish Bookkeeping Act 7:2).",
    ),
    "legal_claim": (
        "Uppgifter som behövs för att fastställa, göra gällande eller försvara rättsliga "
        "anspråk behålls (GDPR art. 17.3 e).",
        "Data needed for legal claims is kept (GDPR Art. 17(3)(e)).",
    ),
    "anonymised": (
        "Vissa kontaktposter anonymiserades i stället för att raderas.",
        "Some contact records were anonymised instead of erased.",
    ),
}

LEGAL_BASIS = {
    "person": (
        "Den registrerades begäran om radering, GDPR art. 17.1.",
        "The data subject's erasure request, GDPR Art. 17(1).",
    ),
    "customer": (
        "Avslutad affärsrelation: hårdradering efter karenstiden (integritetspolicyn p. 3; "
        "GDPR art. 5.1 e och 17.1 a).",
        "Ended business relationship: hard delete after the grace period (privacy policy "
        "clause 3; GDPR Art. 5(1)(e) and 17(1)(a)).",
    ),
}


@dataclass(frozen=True)
class CertificateView:
    id: int
    reference: str
    issued_on: dt.date
    kind: str
    categories: tuple[str, ...]
    performed_by_role: str


def certificate_lines(
    reference: str,
    issued_on: dt.date,
    kind: str,
    categories: list[str],
    holds: list[str],
    role: str,
    received_on: dt.date | None = None,
) -> list[tuple[str, bool]]:
    lines: list[tuple[str, bool]] = [
        ("Intyg om radering / Erasure certificate", True),
        ("", False),
        (f"Referens / Reference: {reference}", False),
        (f"Datum / Date: {issued_on.isoformat()}", False),
    ]
    if received_on is not None:
        lines.append((f"Begäran mottagen / Request received: {received_on.isoformat()}", False))
    lines += [
        (f"Utförd av roll / Performed by role: {role}", False),
        ("", False),
        ("Rättslig grund / Legal basis", True),
        *[(t, False) for t in LEGAL_BASIS[kind]],
        ("", False),
        ("Raderade kategorier / Categories erased", True),
    ]
    for key in categories:
        sv, en = CATEGORIES[key]
        lines.append((f"- {sv} / {en}", False))
    lines += [("", False), ("Behållet och varför / Kept and why", True)]
    for key in ["log_events", *[h for h in holds if h != "log_events"]]:
        sv, en = HOLDS[key]
        lines += [(f"- {sv}", False), (f"  {en}", False)]
    lines += [
        ("", False),
        (
            "Raderingen är oåterkallelig och har förts in i raderingsjournalen, som tillämpas "
            "på nytt efter varje återställning från säkerhetskopia.",
            False,
        ),
        (
            "The erasure is irreversible and recorded in the erasure journal, which is "
            "replayed after any restore from a backup.",
            False,
        ),
    ]
    return lines


def issue_certificate(
    conn: Connection,
    reference: str,
    issued_on: dt.date,
    kind: str,
    categories: list[str],
    holds: list[str],
    role: str,
    received_on: dt.date | None = None,
) -> int:
    """Insert the certificate row (with its PDF) inside the erasing transaction."""
    lines = certificate_lines(reference, issued_on, kind, categories, holds, role, received_on)
    kept = " ".join(HOLDS[h][1] for h in ["log_events", *holds] if h in HOLDS)
    return int(
        conn.execute(
            insert(ErasureCertificate)
            .values(
                reference=reference,
                issued_on=issued_on,
                kind=kind,
                categories=json.dumps(categories),
                legal_basis=LEGAL_BASIS[kind][1],
                kept=kept,
                performed_by_role=role,
                pdf=text_pdf(lines, title=f"Erasure certificate {reference}"),
            )
            .returning(ErasureCertificate.id)
        ).scalar_one()
    )


def list_certificates(conn: Connection, limit: int = 500) -> list[CertificateView]:
    rows = conn.execute(
        select(
            ErasureCertificate.id,
            ErasureCertificate.reference,
            ErasureCertificate.issued_on,
            ErasureCertificate.kind,
            ErasureCertificate.categories,
            ErasureCertificate.performed_by_role,
        )
        .order_by(ErasureCertificate.issued_on.desc(), ErasureCertificate.id.desc())
        .limit(limit)
    )
    return [CertificateView(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), r[5]) for r in rows]


def certificate_pdf(conn: Connection, certificate_id: int) -> bytes | None:
    return conn.execute(
        select(ErasureCertificate.pdf).where(ErasureCertificate.id == certificate_id)
    ).scalar()
