"""The breach register as CSV, in Swedish (``;``, as Swedish Excel expects) or English
(``,``); the file is written with a BOM by the UI (ui.kit.export.write_text). Cells that a
spreadsheet would run as a formula are quoted with a leading apostrophe."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from typing import TextIO

from bowebb_console.domain.breaches import NOTIFY_WITHIN
from bowebb_console.store.breaches.register import BreachRecord
from bowebb_console.store.review.export import csv_cell

COLUMNS = (
    "discovered_at", "deadline", "status", "description", "categories", "people_approx",
    "customers_affected", "measures", "imy_decision", "imy_reference", "imy_notified_on",
    "imy_reason", "notified_customers", "notified_on", "notified_count", "notified_how",
    "recorded_by", "closed_by", "closed_at",
)  # fmt: skip

_WORDS = {
    "en": {
        "discovered_at": "Discovered",
        "deadline": "IMY deadline (72 h)",
        "status": "Status",
        "description": "What happened",
        "categories": "Categories of people and data",
        "people_approx": "Approx. number of people",
        "customers_affected": "Customers affected",
        "measures": "Measures",
        "imy_decision": "Notify IMY",
        "imy_reference": "IMY reference",
        "imy_notified_on": "IMY notified on",
        "imy_reason": "Why IMY is not notified",
        "notified_customers": "Customers notified",
        "notified_on": "Customers notified on",
        "notified_count": "Number notified",
        "notified_how": "How notified",
        "recorded_by": "Recorded by",
        "closed_by": "Closed by",
        "closed_at": "Closed",
        "open": "open",
        "closed": "closed",
        "undecided": "not decided",
        "notify": "notified",
        "not_notify": "not notified",
    },
    "sv": {
        "discovered_at": "Upptäckt",
        "deadline": "Frist för IMY (72 h)",
        "status": "Status",
        "description": "Vad som hände",
        "categories": "Kategorier av personer och uppgifter",
        "people_approx": "Ungefärligt antal personer",
        "customers_affected": "Berörda kunder",
        "measures": "Åtgärder",
        "imy_decision": "Anmälan till IMY",
        "imy_reference": "IMY:s diarienummer",
        "imy_notified_on": "Anmäld till IMY",
        "imy_reason": "Varför IMY inte underrättas",
        "notified_customers": "Underrättade kunder",
        "notified_on": "Kunderna underrättade",
        "notified_count": "Antal underrättade",
        "notified_how": "Hur de underrättades",
        "recorded_by": "Registrerad av",
        "closed_by": "Avslutad av",
        "closed_at": "Avslutad",
        "open": "öppen",
        "closed": "avslutad",
        "undecided": "inte beslutat",
        "notify": "anmäld",
        "not_notify": "inte anmäld",
    },
}


def _local(value: dt.datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def _cell(record: BreachRecord, field: str, words: dict[str, str]) -> str:
    if field == "deadline" and record.discovered_at is not None:
        return _local(record.discovered_at + NOTIFY_WITHIN)
    value = getattr(record, field)
    if field in ("status", "imy_decision"):
        return str(words.get(value, value))
    if isinstance(value, dt.datetime):
        return _local(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def breaches_csv(records: Sequence[BreachRecord], out: TextIO, lang: str = "en") -> None:
    words = _WORDS.get(lang, _WORDS["en"])
    writer = csv.writer(out, delimiter=";" if lang == "sv" else ",", lineterminator="\r\n")
    writer.writerow([words[c] for c in COLUMNS])
    for record in records:
        writer.writerow([csv_cell(_cell(record, c, words)) for c in COLUMNS])
