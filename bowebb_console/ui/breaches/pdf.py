"""The breach register as a PDF to read on paper (Art. 33(5): the documentation IMY may ask
for): A4 portrait, 10 pt, one block per breach with what happened, the 72-hour clock, the
decision on notifying IMY and the notification of the customers; times in local time, in the
user's language, with the date of the export and who exported it."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bowebb_console.domain.breaches import NOTIFY_WITHIN
from bowebb_console.services.breaches import BreachRecord
from bowebb_console.ui.breaches.models import DECISIONS, STATUS, clock_text, local
from bowebb_console.ui.kit import export

C = "BreachPdf"
STYLE = (
    "body { font-size: 10pt; } h1 { font-size: 16pt; } h2 { font-size: 12pt; }"
    " th { text-align: left; vertical-align: top; background-color: #eeeeee; }"
    " td { vertical-align: top; }"
)
LABELS = {
    "status": QT_TRANSLATE_NOOP("BreachPdf", "Status"),
    "clock": QT_TRANSLATE_NOOP("BreachPdf", "72-hour clock (IMY)"),
    "deadline": QT_TRANSLATE_NOOP("BreachPdf", "Deadline for notifying IMY"),
    "description": QT_TRANSLATE_NOOP("BreachPdf", "What happened"),
    "categories": QT_TRANSLATE_NOOP("BreachPdf", "Categories of people and data"),
    "people_approx": QT_TRANSLATE_NOOP("BreachPdf", "Approx. number of people"),
    "customers_affected": QT_TRANSLATE_NOOP("BreachPdf", "Customers affected"),
    "measures": QT_TRANSLATE_NOOP("BreachPdf", "Measures taken"),
    "imy": QT_TRANSLATE_NOOP("BreachPdf", "Decision on notifying IMY"),
    "notified": QT_TRANSLATE_NOOP("BreachPdf", "Customers notified"),
    "recorded": QT_TRANSLATE_NOOP("BreachPdf", "Recorded"),
    "closed": QT_TRANSLATE_NOOP("BreachPdf", "Closed"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(C, text)


def title() -> str:
    return QCoreApplication.translate("BreachPdf", "Breach register (GDPR Art. 33/34)")


def _esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br/>")


def _imy(r: BreachRecord) -> str:
    decision = QCoreApplication.translate("BreachModel", DECISIONS.get(r.imy_decision, ""))
    if r.imy_decision == "notify":
        return (
            QCoreApplication.translate("BreachPdf", "%1: reference %2, on %3")
            .replace("%1", decision)
            .replace("%2", r.imy_reference or "")
            .replace("%3", r.imy_notified_on.isoformat() if r.imy_notified_on else "")
        )
    if r.imy_decision == "not_notify":
        return (
            QCoreApplication.translate("BreachPdf", "%1: %2")
            .replace("%1", decision)
            .replace("%2", r.imy_reason)
        )
    return decision


def _notified(r: BreachRecord) -> str:
    if r.notified_on is None:
        return QCoreApplication.translate("BreachPdf", "Not yet")
    return (
        QCoreApplication.translate("BreachPdf", "%1 on %2, %3 recipient(s), by %4")
        .replace("%1", r.notified_customers)
        .replace("%2", r.notified_on.isoformat())
        .replace("%3", str(r.notified_count if r.notified_count is not None else ""))
        .replace("%4", r.notified_how or "–")
    )


def _by(who: str | None, when: dt.datetime | None) -> str:
    if not who and when is None:
        return ""
    return (
        QCoreApplication.translate("BreachPdf", "%1 by %2")
        .replace("%1", local(when))
        .replace("%2", who or "–")
    )


def register_html(records: Sequence[BreachRecord], exported_by: str) -> str:
    parts = [
        f"<h1>{_esc(title())}</h1>",
        "<p>"
        + _esc(
            QCoreApplication.translate(
                "BreachPdf",
                "Controller: BackOffice Webbtjänster Sweden AB (556680-9827). Breaches "
                "recorded: %1. Exported %2 by %3. Times are local.",
            )
            .replace("%1", str(len(records)))
            .replace("%2", local(dt.datetime.now(dt.UTC)))
            .replace("%3", exported_by)
        )
        + "</p>",
    ]
    if not records:
        parts.append(
            "<p>"
            + _esc(QCoreApplication.translate("BreachPdf", "No breaches are recorded."))
            + "</p>"
        )
    for r in records:
        heading = QCoreApplication.translate("BreachPdf", "Discovered %1").replace(
            "%1", local(r.discovered_at)
        )
        values = {
            "status": QCoreApplication.translate("BreachModel", STATUS.get(r.status, r.status)),
            "clock": clock_text(r),
            "deadline": local(r.discovered_at + NOTIFY_WITHIN) if r.discovered_at else "",
            "description": r.description,
            "categories": r.categories,
            "people_approx": "" if r.people_approx is None else str(r.people_approx),
            "customers_affected": r.customers_affected,
            "measures": r.measures,
            "imy": _imy(r),
            "notified": _notified(r),
            "recorded": _by(r.recorded_by, r.recorded_at),
            "closed": _by(r.closed_by, r.closed_at),
        }
        rows = [
            (_tr(LABELS[key]), value)
            for key, value in values.items()
            if key != "closed" or r.status == "closed"
        ]
        parts.append(f"<h2>{_esc(heading)}</h2>")
        parts.append(export.facts_table(rows))
    return "<html><body>" + "".join(parts) + "</body></html>"


def write_pdf(path: Path, page_html: str, doc_title: str) -> None:
    """Print ``page_html`` (from :func:`register_html`, built on the GUI thread) to ``path``."""
    layout = export.a4_numbered()
    export.write_pdf(path, page_html, doc_title, layout, style_sheet=STYLE, numbered=True)
