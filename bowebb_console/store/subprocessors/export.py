"""Audit exports of the register and of one checklist: CSV, and HTML the GUI prints to PDF
(QTextDocument → QPdfWriter: no PDF library in the core). Texts in Swedish or English."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from html import escape
from typing import Any, TextIO

from bowebb_console.domain import checklist as cl
from bowebb_console.domain.countries import MEMBERSHIP_CHECKED_ON, country_name
from bowebb_console.domain.subprocessor_flags import Flag, flag_text
from bowebb_console.store.subprocessors.evidence import EvidenceInfo
from bowebb_console.store.subprocessors.register import (
    EDITABLE,
    ChecklistEntry,
    RegisterRow,
    SubProcessorRecord,
)

_WORDS = {
    "en": {
        "register": "Sub-processor register",
        "checklist": "DPA checklist",
        "name": "Sub-processor",
        "registration_number": "Registration number",
        "service": "Service",
        "data_categories": "Categories of personal data",
        "locations": "Processing locations",
        "storage_locations": "Storage locations",
        "contact": "Contact",
        "dpa_reference": "DPA reference",
        "dpa_signed_on": "DPA signed",
        "next_review_on": "Next review",
        "status": "Status",
        "receiving_data": "Receiving data",
        "remote_tool": "Remote-control tool",
        "flags": "Flags",
        "article": "Article",
        "item": "Requirement",
        "evidence": "Evidence",
        "assessed_by": "Assessed by",
        "assessed_at": "Assessed at",
        "files": "Attached evidence",
        "file": "File",
        "size": "Size (bytes)",
        "sha256": "SHA-256",
        "as_of": "As of {today}. EU/EEA membership last checked {checked}.",
        "none": "none",
        "yes": "yes",
        "no": "no",
        "partly": "partly",
        "not_assessed": "not assessed",
        "active": "active",
        "ended": "ended",
    },
    "sv": {
        "register": "Register över underbiträden",
        "checklist": "Checklista för PUB-avtal",
        "name": "Underbiträde",
        "registration_number": "Registreringsnummer",
        "service": "Tjänst",
        "data_categories": "Kategorier av personuppgifter",
        "locations": "Behandlingsplatser",
        "storage_locations": "Lagringsplatser",
        "contact": "Kontakt",
        "dpa_reference": "Avtalsreferens",
        "dpa_signed_on": "PUB-avtal undertecknat",
        "next_review_on": "Nästa granskning",
        "status": "Status",
        "receiving_data": "Tar emot uppgifter",
        "remote_tool": "Fjärrstyrningsverktyg",
        "flags": "Flaggor",
        "article": "Artikel",
        "item": "Krav",
        "evidence": "Underlag",
        "assessed_by": "Bedömd av",
        "assessed_at": "Bedömd",
        "files": "Bifogade underlag",
        "file": "Fil",
        "size": "Storlek (byte)",
        "sha256": "SHA-256",
        "as_of": "Per {today}. Medlemskap i EU/EES senast kontrollerat {checked}.",
        "none": "inga",
        "yes": "ja",
        "no": "nej",
        "partly": "delvis",
        "not_assessed": "ej bedömd",
        "active": "aktivt",
        "ended": "avslutat",
    },
}

# The export's columns: the register's editable fields in their order, less the end date.
REGISTER_FIELDS = tuple(f for f in EDITABLE if f != "ended_on")


def words(lang: str) -> dict[str, str]:
    return _WORDS.get(lang, _WORDS["en"])


def _places(codes: str, lang: str) -> str:
    return ", ".join(f"{country_name(c, lang)} ({c})" for c in codes.split(",") if c)


def _cell(record: SubProcessorRecord, field: str, lang: str) -> str:
    w = words(lang)
    value = getattr(record, field)
    if field in ("locations", "storage_locations"):
        return _places(value, lang)
    if field == "status":
        return str(w.get(value, value))
    if field == "receiving_data":
        return w["yes"] if value else w["no"]
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value or "")


def _local(at: dt.datetime | None) -> str:
    """A stored time as local ``YYYY-MM-DD HH:MM`` (what people read; the zone is named in
    the heading)."""
    if at is None:
        return ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def zone_name() -> str:
    """The local time zone's abbreviation, for headings of local times."""
    return dt.datetime.now().astimezone().strftime("%Z")


def _writer(out: TextIO, lang: str) -> Any:
    """Excel's separator for the language: ';' where the decimal mark is a comma (Swedish)."""
    return csv.writer(out, delimiter=";" if lang == "sv" else ",", lineterminator="\r\n")


def _flags(flags: Sequence[Flag], lang: str) -> str:
    return "; ".join(flag_text(f, lang) for f in flags)


def register_csv(rows: Sequence[RegisterRow], out: TextIO, lang: str = "en") -> None:
    w = words(lang)
    writer = _writer(out, lang)
    writer.writerow([w[f] for f in REGISTER_FIELDS] + [w["flags"]])
    for row in rows:
        writer.writerow(
            [_cell(row.record, f, lang) for f in REGISTER_FIELDS] + [_flags(row.flags, lang)]
        )


def checklist_csv(
    record: SubProcessorRecord, entries: Sequence[ChecklistEntry], out: TextIO, lang: str = "en"
) -> None:
    w = words(lang)
    writer = _writer(out, lang)
    writer.writerow(
        [
            w["name"],
            w["article"],
            w["item"],
            w["status"],
            w["evidence"],
            w["assessed_by"],
            f"{w['assessed_at']} ({zone_name()})",
        ]
    )
    for e in entries:
        writer.writerow(
            [
                record.name,
                e.item.article,
                e.item.text(lang),
                w[e.status],
                e.evidence,
                e.assessed_by or "",
                _local(e.assessed_at),
            ]
        )


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return (
        '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


_STYLE = "<style>body{font-size:9pt} th{background:#e8e8e8;text-align:left}</style>"


def _as_of(today: dt.date, lang: str) -> str:
    return words(lang)["as_of"].format(
        today=today.isoformat(), checked=MEMBERSHIP_CHECKED_ON.isoformat()
    )


def register_html(rows: Sequence[RegisterRow], today: dt.date, lang: str = "en") -> str:
    w = words(lang)
    fields = (
        "name",
        "service",
        "locations",
        "storage_locations",
        "dpa_reference",
        "dpa_signed_on",
        "next_review_on",
        "status",
    )
    table = _table(
        [w[f] for f in fields] + [w["flags"]],
        [
            [_cell(r.record, f, lang) for f in fields] + [_flags(r.flags, lang) or w["none"]]
            for r in rows
        ],
    )
    return (
        f"<html><head>{_STYLE}</head><body><h1>{escape(w['register'])}</h1>"
        f"<p>{escape(_as_of(today, lang))}</p>{table}</body></html>"
    )


def checklist_html(
    record: SubProcessorRecord,
    entries: Sequence[ChecklistEntry],
    evidence: Sequence[EvidenceInfo],
    flags: Sequence[Flag],
    today: dt.date,
    lang: str = "en",
) -> str:
    w = words(lang)
    facts = _table(
        [w[f] for f in REGISTER_FIELDS[:6]],
        [[_cell(record, f, lang) for f in REGISTER_FIELDS[:6]]],
    )
    more = _table(
        [w[f] for f in REGISTER_FIELDS[6:]], [[_cell(record, f, lang) for f in REGISTER_FIELDS[6:]]]
    )
    items = _table(
        [w["article"], w["item"], w["status"], w["evidence"], w["assessed_by"], w["assessed_at"]],
        [
            [
                e.item.article,
                e.item.text(lang),
                w[e.status],
                e.evidence,
                e.assessed_by or "",
                _local(e.assessed_at),
            ]
            for e in entries
        ],
    )
    files = _table(
        [w["file"], w["item"], w["size"], w["sha256"]],
        [[f.file_name, f.item_key or "", str(f.size), f.sha256] for f in evidence],
    )
    flag_list = "".join(f"<li>{escape(flag_text(f, lang))}</li>" for f in flags)
    title = f"{w['checklist']}: {record.name}"
    return (
        f"<html><head>{_STYLE}</head><body><h1>{escape(title)}</h1>"
        f"<p>{escape(cl.load_checklist().title(lang))}. {escape(_as_of(today, lang))}</p>"
        f"{facts}<br/>{more}<h2>{escape(w['flags'])}</h2>"
        f"<ul>{flag_list or '<li>' + escape(w['none']) + '</li>'}</ul>"
        f"<h2>{escape(w['checklist'])}</h2>{items}<h2>{escape(w['files'])}</h2>{files}"
        "</body></html>"
    )
