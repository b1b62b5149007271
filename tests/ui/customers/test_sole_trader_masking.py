"""Issue 14, item 7: a sole trader's org number is a personnummer; the results list masks it
(the card, opened on purpose, shows it whole)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from bowebb_console.store.db.engine import make_engine
from bowebb_console.ui.customers.results import ResultsModel
from tests.store.erasure.test_completeness import _sole_trader

from .helpers import open_view, type_query, wait_card


def test_results_mask_a_sole_traders_number(qtbot, make_ctx, demo_url, language) -> None:  # type: ignore[no-untyped-def]
    language("en")
    engine = make_engine(demo_url)
    _sole_trader(engine, "Quixtrapp Konsult")
    engine.dispose()
    ctx = make_ctx(demo_url)
    view = open_view(qtbot, ctx)
    type_query(qtbot, view, "Quixtrapp Konsult")
    assert view.model.row_at(0).name == "Quixtrapp Konsult"
    shown = view.model.index(0, ResultsModel.COL_ORG).data()
    assert shown == "850709-****"
    others = {
        view.model.index(r, ResultsModel.COL_ORG).data() for r in range(view.model.rowCount())
    }
    assert "850709-9805" not in others
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    wait_card(qtbot, view, "Quixtrapp Konsult")
    assert view.card_view.values["org_number"].text() == "850709-9805"
