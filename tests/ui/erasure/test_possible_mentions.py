"""Issue 14, item 6: a surname mentioned alone is listed as possible and left unchecked;
the admin checks it to erase it too."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.ui.erasure import request_wizard as rw
from tests.store.erasure_helpers import EMAIL, NAME, _event, _session, plant_person

TODAY = dt.date(2026, 11, 26)


def _next(qtbot, wizard: QWizard, expected: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == expected


def test_surname_only_is_possible_and_unchecked(qtbot, make_ctx, sqlite_url, language) -> None:  # type: ignore[no-untyped-def]
    language("en")
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    planted = plant_person(engine)
    with Database(engine).transaction() as conn:
        session = _session(
            conn, planted.other_customer_id, planted.bystander_id, "T-9", "x", "phone"
        )
        _event(conn, session, "note_added", note="Fru Quixtrapp ringde om fakturan")
    engine.dispose()
    ctx = make_ctx(sqlite_url)
    wizard = rw.RequestWizard(ctx, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard, rw.IDENTITY)
    _next(qtbot, wizard, rw.CONTROLLER)
    _next(qtbot, wizard, rw.FIND)
    page = wizard.find_page
    qtbot.keyClicks(page.email, EMAIL)
    qtbot.keyClicks(page.name, NAME)
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.findings is not None)
    items = [page.places.item(i) for i in range(page.places.count())]
    possible = [i for i in items if i.text().startswith("Possible mention")]
    assert len(possible) == 1
    assert possible[0].checkState() == Qt.CheckState.Unchecked
    assert possible[0].data(Qt.ItemDataRole.UserRole) not in page.chosen()
    assert all(i.checkState() == Qt.CheckState.Checked for i in items if i not in possible)
    # The admin confirms it is the person: selects the line and presses Space.
    page.places.setFocus()
    page.places.setCurrentItem(possible[0])
    qtbot.keyClick(page.places, Qt.Key.Key_Space)
    assert possible[0].checkState() == Qt.CheckState.Checked
    assert possible[0].data(Qt.ItemDataRole.UserRole) in page.chosen()
    ctx.runner.shutdown(10_000)
    ctx.database.dispose()


def test_find_page_lists_the_sole_trader_masked(qtbot, make_ctx, sqlite_url, language) -> None:  # type: ignore[no-untyped-def]
    from tests.store.erasure.test_completeness import _sole_trader

    language("en")
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    _sole_trader(engine, "Quixtrapp Konsult")
    engine.dispose()
    ctx = make_ctx(sqlite_url)
    wizard = rw.RequestWizard(ctx, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard, rw.IDENTITY)
    _next(qtbot, wizard, rw.CONTROLLER)
    _next(qtbot, wizard, rw.FIND)
    page = wizard.find_page
    qtbot.keyClicks(page.email, "zq@quixtrapp-konsult.se")
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.findings is not None)
    assert "Sole trader Quixtrapp Konsult (850709-****)" in page.traders.text()
    assert "9805" not in page.traders.text()
    qtbot.keyClicks(page.email, "x")  # a changed query: the old findings go
    assert page.traders.text() == ""
    ctx.runner.shutdown(10_000)
    ctx.database.dispose()
