"""Issue 18, item 12: the console starts in the search field (typing finds customers, it does
not jump between screens), and a capped customer list says how many there are in all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bowebb_console.services import customer_list
from bowebb_console.ui.main_window import MainWindow


def test_starts_in_search_and_counts_shown_of_total(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, demo_url, language, monkeypatch
) -> None:
    language("sv")
    monkeypatch.setattr(customer_list, "BROWSE_LIMIT", 20)  # the demo's 50 stand in for 2,000
    window = MainWindow(make_ctx(demo_url))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    lookup = window.views["customers"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is lookup.search, timeout=5000)
    qtbot.waitUntil(lambda: lookup.count_label.text() == "20 av 50 kunder", timeout=5000)
    assert lookup.model.rowCount() == 20

    qtbot.keyClicks(QApplication.focusWidget(), "AB")  # typing searches, on this screen
    assert window.current_key() == "customers" and lookup.search.text() == "AB"
    qtbot.waitUntil(lambda: lookup.shown_query == "AB", timeout=5000)
    assert "av" not in lookup.count_label.text()  # a search's own count (matches)
    qtbot.keyClick(lookup.search, Qt.Key.Key_Escape)  # back to the list: shown of total again
    qtbot.waitUntil(lambda: lookup.count_label.text() == "20 av 50 kunder", timeout=5000)
