"""An access request (GDPR Art. 15, with Art. 20 portability): everything the console holds
about one person, as a report that becomes a JSON export and a readable PDF.

The person is found as the erasure finds them (store.erasure.person.find_person: contacts by
e-mail, phone or name at every customer; log payloads by contact id or by text, the phone in
any spacing). On top of that the report reads: the consents they gave (their contacts'
``consent_recorded`` events), the transfers in those sessions, the notice exports that may
have included them, SFTP profiles that mention them, and the erasure journal's entries for
them (keyed hashes of their identifiers). Nothing about anyone else: a change event that
records several contacts keeps only the person's rows.

The request itself is an ``erasure_request`` row of kind ``access`` (migration 0016): dates
and a pseudonymous reference, no personal data. Answering it is logged as a chained
``privacy_access_answered`` event carrying the exports' SHA-256, never their content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from bowebb_console.domain import erasure as rules
from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.search_text import fold
from bowebb_console.store.erasure.journal import Journal
from bowebb_console.store.erasure.person import Findings, PersonQuery, find_person, log_event
from bowebb_console.store.erasure.requests import NewRequest, check_channel, close_request
from bowebb_console.store.models import (
    Contact,
    Customer,
    ErasureRequest,
    LogEvent,
    LogPayload,
    NoticeExport,
    SftpProfile,
)
from bowebb_console.store.pdf import text_pdf

KIND_ACCESS = "access"
ANSWERED_KIND = "privacy_access_answered"
FORMAT = "bowebb-console/access-export/1"
SECTIONS = (
    "contacts",
    "consents",
    "transfers",
    "log_entries",
    "notice_exports",
    "sftp_profiles",
    "erasure_history",
)


@dataclass(frozen=True)
class AccessExport:
    """The answer to one access request: the files' bytes and their SHA-256."""

    reference: str
    request_id: int
    report: dict[str, Any]
    json_bytes: bytes
    pdf_bytes: bytes

    @property
    def json_sha256(self) -> str:
        return hashlib.sha256(self.json_bytes).hexdigest()

    @property
    def pdf_sha256(self) -> str:
        return hashlib.sha256(self.pdf_bytes).hexdigest()

    def counts(self) -> dict[str, int]:
        return {s: len(self.report[s]) for s in SECTIONS}


def new_reference(today: dt.date) -> str:
    """Like an erasure's reference (random, nothing about the person), prefixed ``AR``."""
    return "AR" + rules.new_reference(today)[2:]


def open_access_request(
    conn: Connection, request: int | NewRequest, today: dt.date
) -> tuple[int, str, dt.date]:
    """The id, reference and receipt date of an open access request (a new one is inserted
    with its one-month deadline)."""
    if isinstance(request, NewRequest):
        rules.check_received_on(request.received_on, today)
        check_channel(request.channel)
        reference = new_reference(today)
        new_id = conn.execute(
            insert(ErasureRequest)
            .values(
                reference=reference,
                received_on=request.received_on,
                channel=request.channel,
                due_on=rules.answer_due(request.received_on),
                status=rules.STATUS_OPEN,
                kind=KIND_ACCESS,
                version=1,
            )
            .returning(ErasureRequest.id)
        ).scalar_one()
        return int(new_id), reference, request.received_on
    row = conn.execute(
        select(ErasureRequest.reference, ErasureRequest.received_on, ErasureRequest.status).where(
            ErasureRequest.id == request, ErasureRequest.kind == KIND_ACCESS
        )
    ).first()
    if row is None or row[2] != rules.STATUS_OPEN:
        raise ValidationError(
            "request", "The access request is no longer open.", "privacy.request_closed"
        )
    return request, str(row[0]), row[1]


def save_access_request(conn: Connection, request: NewRequest, today: dt.date) -> str:
    """Record an access request as received: it is listed (and can go overdue) as open."""
    return open_access_request(conn, request, today)[1]


def _payloads(conn: Connection, seqs: list[int]) -> dict[int, tuple[str, str, str, Any]]:
    """seq -> (kind, at, session_uuid, payload) of the events still holding a payload."""
    if not seqs:
        return {}
    rows = conn.execute(
        select(LogEvent.seq, LogEvent.kind, LogEvent.at, LogEvent.session_uuid, LogPayload.payload)
        .join(LogPayload, LogPayload.seq == LogEvent.seq)
        .where(LogEvent.seq.in_(seqs))
        .order_by(LogEvent.seq)
    )
    return {int(r[0]): (str(r[1]), str(r[2]), str(r[3]), json.loads(r[4])) for r in rows}


def _own_rows(payload: dict[str, Any], ids: set[int], terms: list[str]) -> dict[str, Any]:
    """A change event's payload with only the person's rows (by contact id, or by text for
    other tables): a statement that changed many contacts records them together."""
    if not isinstance(payload.get("rows"), list):
        return payload
    table = payload.get("table")

    def mine(row: dict[str, Any]) -> bool:
        if table == "contact":
            return row.get("id") in ids
        text = fold(json.dumps(row, ensure_ascii=False))
        return any(t in text for t in terms)

    rows = [r for r in payload["rows"] if isinstance(r, dict) and mine(r)]
    kept = {k: v for k, v in payload.items() if k not in ("rows", "contact_ids")}
    kept["rows"] = rows
    if table == "contact":
        kept["contact_ids"] = [r["id"] for r in rows]
    return kept


def _contacts(conn: Connection, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = conn.execute(
        select(
            Contact.id,
            Customer.name,
            Customer.org_number,
            Contact.name,
            Contact.email,
            Contact.phone,
            Contact.title,
            Contact.created_at,
            Contact.restricted,
            Contact.news_objection,
        )
        .join(Customer, Customer.id == Contact.customer_id)
        .where(Contact.id.in_(ids))
        .order_by(Contact.id)
    )
    return [
        {
            "contact_id": r[0],
            "customer": r[1],
            "customer_org_number": r[2],
            "name": r[3],
            "email": r[4],
            "phone": r[5],
            "title": r[6],
            "since": _iso(r[7]),
            "restricted": bool(r[8]),
            "objects_to_news": bool(r[9]),
        }
        for r in rows
    ]


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)  # SQLite hands back naive UTC
    return str(value.isoformat())


def _transfers(conn: Connection, sessions: set[str]) -> list[dict[str, Any]]:
    if not sessions:
        return []
    rows = conn.execute(
        select(LogEvent.seq, LogEvent.at, LogEvent.session_uuid, LogPayload.payload)
        .join(LogPayload, LogPayload.seq == LogEvent.seq)
        .where(LogEvent.kind == "file_transferred", LogEvent.session_uuid.in_(sorted(sessions)))
        .order_by(LogEvent.seq)
    )
    keys = ("direction", "remote_path", "local_name", "size", "sha256", "result")
    out = []
    for seq, at, session, payload in rows:
        data = json.loads(payload)
        out.append({"seq": seq, "at": at, "session": session} | {k: data.get(k) for k in keys})
    return out


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


def _exports(conn: Connection, ids: list[int]) -> list[dict[str, Any]]:
    """Notice exports made while one of their contacts existed and was not restricted, and
    that covered that contact's customer (an export holds no list of addresses: these are the
    ones that may have included them). Compared in Python: SQLite keeps these times as text of
    two shapes."""
    if not ids:
        return []
    contacts = conn.execute(
        select(Contact.created_at, Contact.customer_id, Contact.restricted).where(
            Contact.id.in_(ids)
        )
    ).all()
    eligible = [(_utc(c), customer) for c, customer, restricted in contacts if not restricted]
    if not eligible:
        return []
    rows = conn.execute(
        select(
            NoticeExport.id,
            NoticeExport.exported_at,
            NoticeExport.recipient_count,
            NoticeExport.customer_ids,
        ).order_by(NoticeExport.exported_at, NoticeExport.id)
    )

    def may_include(at: dt.datetime, scope: str | None) -> bool:
        covered = None if scope is None else set(json.loads(scope))
        return any(at >= since and (covered is None or c in covered) for since, c in eligible)

    return [
        {"export_id": r[0], "exported_at": _iso(r[1]), "recipients": r[2]}
        for r in rows
        if may_include(_utc(r[1]), r[3])
    ]


def _profiles(conn: Connection, findings: Findings) -> list[dict[str, Any]]:
    ids = [i for table, i in findings.profiles if table == "sftp_profile"]
    if not ids:
        return []
    rows = conn.execute(
        select(
            SftpProfile.id,
            Customer.name,
            SftpProfile.name,
            SftpProfile.host,
            SftpProfile.port,
            SftpProfile.username,
            SftpProfile.remote_dir,
        )
        .join(Customer, Customer.id == SftpProfile.customer_id)
        .where(SftpProfile.id.in_(ids))
        .order_by(SftpProfile.id)
    )
    names = ("profile_id", "customer", "name", "host", "port", "username", "remote_dir")
    return [dict(zip(names, r, strict=True)) for r in rows]


def _erasure_history(journal: Journal | None, queries: list[PersonQuery]) -> list[dict[str, Any]]:
    """The journal's entries (outside the database) whose keyed hashes name the person."""
    if journal is None or not journal.path.exists() or not journal.key_path.exists():
        return []
    mine = {h for q in queries for h in journal.hashes(email=q.email, phone=q.e164, name=q.name)}
    return [
        {"reference": e.reference, "on": e.on, "kind": e.kind}
        for e in journal.entries()
        if mine & set(e.hashes)
    ]


def _find(conn: Connection, query: PersonQuery) -> tuple[Findings, list[PersonQuery]]:
    """What ``query`` finds, and then what the found contacts' own e-mail, phone and name
    find (one step: a note naming them where the request gave only the e-mail)."""
    first = find_person(conn, query)
    more = sorted(
        {PersonQuery(c.email, c.phone or "", c.name) for c in first.contacts},
        key=lambda q: (q.email, q.phone, q.name),
    )
    queries = [query, *more]
    found = [first, *(find_person(conn, q) for q in more)]
    contacts = {c.id: c for f in found for c in f.contacts}
    payloads = {p.seq: p for f in found for p in f.payloads}
    exports = {e.id: e for f in found for e in f.exports}
    profiles = {p for f in found for p in f.profiles}
    merged = Findings(
        tuple(contacts[i] for i in sorted(contacts)),
        tuple(payloads[s] for s in sorted(payloads)),
        tuple(exports[i] for i in sorted(exports)),
        tuple(sorted(profiles)),
    )
    return merged, queries


def collect(
    conn: Connection,
    query: PersonQuery,
    *,
    reference: str,
    received_on: dt.date,
    today: dt.date,
    journal: Journal | None = None,
) -> dict[str, Any]:
    """The report of everything held about the person (only reads)."""
    findings, queries = _find(conn, query)
    ids = {c.id for c in findings.contacts}
    terms = sorted({t for q in queries for t in q.terms()})
    held = _payloads(conn, [p.seq for p in findings.payloads])
    consents, entries, sessions = [], [], set()
    for seq, (kind, at, session, payload) in held.items():
        if kind == "consent_recorded" and payload.get("contact_id") in ids:
            sessions.add(session)
            consents.append({"seq": seq, "at": at, "session": session} | payload)
        else:
            entries.append(
                {"seq": seq, "kind": kind, "at": at, "payload": _own_rows(payload, ids, terms)}
            )
    return {
        "format": FORMAT,
        "reference": reference,
        "received_on": received_on.isoformat(),
        "answered_on": today.isoformat(),
        "searched_for": {"email": query.email, "phone": query.e164, "name": query.name},
        "contacts": _contacts(conn, sorted(ids)),
        "consents": consents,
        "transfers": _transfers(conn, sessions),
        "log_entries": entries,
        "notice_exports": _exports(conn, sorted(ids)),
        "sftp_profiles": _profiles(conn, findings),
        "erasure_history": _erasure_history(journal, queries),
    }


def report_json(report: dict[str, Any]) -> bytes:
    return (json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _value(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else str(value)


def report_pdf(report: dict[str, Any]) -> bytes:
    """The readable copy: a heading per place, one line per field."""
    title = f"Access request {report['reference']}"
    lines: list[tuple[str, bool]] = [
        (title, True),
        (f"Received {report['received_on']}, answered {report['answered_on']}.", False),
        ("", False),
    ]
    headings = {
        "contacts": "Contact details at customers",
        "consents": "Consents given",
        "transfers": "File transfers in their sessions",
        "log_entries": "Session log entries that mention them",
        "notice_exports": "Service-disruption notice exports that may have included them",
        "sftp_profiles": "SFTP connection profiles that mention them",
        "erasure_history": "Erasure history",
    }
    for section in SECTIONS:
        items = report[section]
        lines.append((f"{headings[section]} ({len(items)})", True))
        if not items:
            lines.append(("None.", False))
        for item in items:
            for key, value in item.items():
                lines.append((f"  {key}: {_value(value)}", False))
            lines.append(("", False))
        lines.append(("", False))
    return text_pdf(lines, title=title)


def answer_access_request(
    conn: Connection,
    query: PersonQuery,
    request: int | NewRequest,
    *,
    today: dt.date,
    journal: Journal | None = None,
    actor: str | None = None,
) -> AccessExport:
    """Inside the caller's transaction: open (or take) the request, collect the report, close
    the request as done and log the exports' hashes. The caller writes the files."""
    query.check()
    request_id, reference, received_on = open_access_request(conn, request, today)
    report = collect(
        conn, query, reference=reference, received_on=received_on, today=today, journal=journal
    )
    done = AccessExport(reference, request_id, report, report_json(report), report_pdf(report))
    log_event(
        conn,
        ANSWERED_KIND,
        {
            "reference": reference,
            "json_sha256": done.json_sha256,
            "pdf_sha256": done.pdf_sha256,
            "counts": done.counts(),
        },
        actor,
    )
    close_request(conn, request_id, rules.STATUS_DONE, "answered", today)  # after the event
    return done
