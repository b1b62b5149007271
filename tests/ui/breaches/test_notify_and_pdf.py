"""Notifying the customers a breach affected through the recorded notice export, and the
register as a PDF, driven like a user on the Breaches screen: the lead picks the affected
customers from a search, the CSV holds exactly their contacts' addresses (a restricted contact
left out, one who objects to news kept: a breach notice is a legal duty), the export is
recorded with a reason naming the breach, the breach's who/when/how many/how are filled from
it and a chained ``breach_changed`` names the export."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from bowebb_console.domain.orgnr import make_orgnr
from bowebb_console.services import customers, privacy
from bowebb_console.services.breaches import BreachInput, record_breach
from bowebb_console.services.customers import ContactInput, CustomerInput
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.models import NoticeExport
from bowebb_console.ui.breaches.models import BreachModel
from bowebb_console.ui.breaches.view import BreachesView
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.prompts import RecordingPrompts
from tests.ui.breaches.test_breaches import cell, click, open_view, stored


@pytest.fixture
def empty_url(sqlite_url: str) -> str:
    init_database(sqlite_url)
    return sqlite_url


def seed(admin: AppContext) -> None:
    """Three customers: two affected (one contact restricted, one objecting to news), one not;
    and an open breach."""
    db, who = admin.database, admin.identity

    def customer(n: int, name: str, contacts: list[tuple[str, str]]) -> list[int]:
        saved = customers.create_customer(
            db,
            CustomerInput(org_number=make_orgnr(f"55677700{n}").digits, name=name),
            [ContactInput(name=c, email=e) for c, e in contacts],
        )
        assert saved.view is not None
        card = customers.load_customer_card(db, saved.view.id)
        assert card is not None
        return [c.id for c in sorted(card.contacts, key=lambda c: c.email)]

    anna, bo = customer(
        1, "Norrhall AB", [("Anna Norr", "anna@norrhall.se"), ("Bo Norr", "bo@norrhall.se")]
    )
    [cia] = customer(2, "Bergsjo Bygg AB", [("Cia Berg", "cia@bergsjo.se")])
    customer(3, "Oberord AB", [("Dan Ober", "dan@oberord.se")])
    privacy.set_restricted(db, who, bo, True, "Ärende 7: bestrider uppgifterna")
    privacy.set_news_objection(db, who, cia, True)
    record_breach(
        db,
        who,
        BreachInput(
            discovered_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=5),
            description="A laptop with a contact export was stolen.",
            customers_affected="Norrhall and Bergsjo",
        ),
    )
    assert anna


def pick(qtbot, dialog, text: str) -> None:  # type: ignore[no-untyped-def]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, text)
    click(qtbot, dialog.search_button)
    qtbot.waitUntil(lambda: dialog.results.count() > 0 and not dialog.searching)
    assert text in dialog.results.currentItem().text()
    click(qtbot, dialog.add_button)


def notify_flow(qtbot, lead: AppContext, tmp_path: Path, read_url: str) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, lead)
    view.select_id(view.model.row_at(0).id)
    assert view.notify_button.isEnabled()
    click(qtbot, view.notify_button)
    dialog = view.notify_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.affected_text.text() == "Norrhall and Bergsjo"
    # Nothing picked: said in the dialog, nothing written.
    click(qtbot, dialog.export_button)
    assert dialog.error_label.text() == "Pick the affected customers first."
    pick(qtbot, dialog, "Norrhall")
    pick(qtbot, dialog, "Bergsjo")
    assert dialog.chosen.count() == 2
    out = tmp_path / "notice.csv"
    prompts = lead.prompts
    assert isinstance(prompts, RecordingPrompts)
    prompts.paths.append(out)
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    qtbot.waitUntil(lambda: cell(view, BreachModel.COL_NOTIFIED) != "" and not view.loading)

    today = dt.date.today().isoformat()
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0] == ["E-mail", "Contact", "Company"]
    # Exactly the affected customers' contacts: not the restricted one, not the other customer;
    # the one objecting to news is notified (a legal duty).
    assert sorted(r[0] for r in rows[1:]) == ["anna@norrhall.se", "cia@bergsjo.se"]
    assert cell(view, BreachModel.COL_NOTIFIED) == f"{today} (2)"
    assert view.message.text() == "Notice exported to 2 recipient(s) and recorded."

    row = stored(read_url)
    assert row["notified_customers"] == "Bergsjo Bygg AB, Norrhall AB"
    assert (row["notified_on"].isoformat(), row["notified_count"]) == (today, 2)
    assert row["notified_how"] == "E-mail to the customers' contacts (notice export)"
    assert row["customers_affected"] == "Norrhall and Bergsjo"  # the description stays
    kinds = [k for k, _ in row["events"]]
    assert kinds == ["breach_recorded", "breach_changed"]
    payload = row["events"][1][1]
    assert payload["changes"]["notified_count"] == [None, 2]
    assert payload["notice_export"]["recipients"] == 2
    discovered = view.model.row_at(0).discovered_at
    assert discovered is not None
    assert payload["notice_export"]["reason"] == (
        "Breach notice (GDPR Art. 34): the breach discovered "
        + discovered.astimezone().strftime("%Y-%m-%d %H:%M")
    )
    engine = make_engine(read_url)
    with engine.connect() as conn:
        [export] = conn.execute(select(NoticeExport.__table__)).mappings().all()
    engine.dispose()
    assert export["recipient_count"] == 2
    assert export["reason"] == payload["notice_export"]["reason"]


def test_notify_affected_customers_from_the_screen(qtbot, make_ctx, empty_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    seed(make_ctx(empty_url))
    notify_flow(qtbot, make_ctx(empty_url, role="lead"), tmp_path, empty_url)
    engine = make_engine(empty_url)
    from bowebb_console.store.db.connect import Database

    assert verify_log(Database(engine)).ok
    engine.dispose()


def pdf_text(qtbot, view: BreachesView, chosen: Path) -> str:  # type: ignore[no-untyped-def]
    """Export through the button to the name the user ``chosen`` (".pdf" is added)."""
    out = chosen.with_name(chosen.stem + ".pdf")
    prompts = view.ctx.prompts
    assert isinstance(prompts, RecordingPrompts)
    prompts.paths.append(chosen)
    click(qtbot, view.pdf_button)
    qtbot.waitUntil(lambda: not view.exporting and out.exists(), timeout=10_000)
    return "\n".join(page.extract_text() for page in PdfReader(str(out)).pages)


def test_register_as_pdf(qtbot, make_ctx, empty_url, tmp_path, language) -> None:  # type: ignore[no-untyped-def]
    admin = make_ctx(empty_url)
    record_breach(
        admin.database,
        admin.identity,
        BreachInput(
            discovered_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=80),
            description="Backup tape lost in transit.",
            categories="Contacts: names and e-mail addresses",
            imy_decision="notify",
            imy_reference="IMY-2026-0042",
            imy_notified_on=dt.date.today(),
        ),
    )
    record_breach(
        admin.database,
        admin.identity,
        BreachInput(
            discovered_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=90),
            description="Wrong attachment sent to a customer.",
        ),
    )
    view = open_view(qtbot, make_ctx(empty_url, role="lead"))
    text = " ".join(pdf_text(qtbot, view, tmp_path / "register.pdf").split())
    assert "Breach register" in text
    assert "Backup tape lost in transit." in text and "IMY-2026-0042" in text
    assert "Wrong attachment sent to a customer." in text
    assert "overdue by 18 h" in text  # the second one's clock, in local time
    assert view.message.text() == "Exported to register.pdf."

    language("sv")
    view = open_view(qtbot, make_ctx(empty_url, role="lead"))
    text = " ".join(pdf_text(qtbot, view, tmp_path / "register-sv").split())  # .pdf added
    assert "Register över personuppgiftsincidenter (GDPR art. 33/34)" in text
    assert "Vad som hände" in text and "Backup tape lost in transit." in text
    assert view.message.text() == "Exporterat till register-sv.pdf."


@pytest.mark.postgres
def test_notify_on_postgresql_as_a_lead_login(qtbot, make_ctx, pg_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db import users

    password = "correct horse battery"
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    root = make_engine(pg_db.admin_url_str)
    names = {role: pg_db.login_name(role) for role in ("lead", "admin")}
    with root.begin() as conn:
        for role, name in names.items():
            users.add_user(conn, name, role, password)
    root.dispose()
    seed(make_ctx(pg_db.url_for(names["admin"], password)))
    notify_flow(
        qtbot, make_ctx(pg_db.url_for(names["lead"], password)), tmp_path, pg_db.admin_url_str
    )
    engine = make_engine(pg_db.admin_url_str)
    with engine.connect() as conn:
        [actor] = conn.execute(select(NoticeExport.actor)).scalars().all()
    engine.dispose()
    assert actor == names["lead"]  # the server names who exported
