"""What users read (issue 18, points 7-10): people's words and local time, never raw values.
Swedish weekday names and numbers on "This week", phones as people write them on the card,
Review in local time, no microseconds, UUIDs or 64-digit hashes on any screen, and erasure
wizards that say which customer they are about."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QTableView, QWizard

from bowebb_console.ui.kit import formats
from bowebb_console.ui.main_window import NAV_KEYS, MainWindow
from tests.ui.test_swedish_visible import visible_texts

RAW = re.compile(
    r"\d{2}:\d{2}:\d{2}\.\d+"  # microseconds
    r"|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"  # a UUID
    r"|\b[0-9a-f]{64}\b"  # a whole hash
    r"|\+46\d{6,}"  # a stored phone number
    r"|\d{4}-\d{2}-\d{2}T\d{2}"  # an ISO timestamp
)


def test_formats_in_the_chosen_language(qapp, language) -> None:  # type: ignore[no-untyped-def]
    for raw in ("09:05:07.123456", "+46708040947", "2026-11-23T09:05", "a" * 64):
        assert RAW.search(raw), raw  # the screen scan below would catch each of these
    language("sv")
    assert formats.phone("+46708040947") == "070-804 09 47"
    assert formats.phone("+4686123456") == "08-612 34 56"
    assert formats.phone("+441234567890") == "+44 1234 567890"
    assert formats.phone(None) == ""
    assert formats.count(2331) == "2\xa0331"
    assert formats.weekday_day(dt.date(2026, 11, 23)) == "mån 23"
    utc = dt.datetime(2026, 11, 23, 9, 5, 7, 123456, tzinfo=dt.UTC)
    local = utc.astimezone().strftime("%Y-%m-%d %H:%M")
    assert formats.local_time(utc) == local
    assert formats.local_time(utc.isoformat()) == local
    assert formats.local_time(utc.replace(tzinfo=None)) == local  # naive means UTC
    assert formats.local_time(None) == ""
    language("en")
    assert formats.count(2331) == "2,331"
    assert formats.weekday_day(dt.date(2026, 11, 23)) == "Mon 23"


@pytest.fixture
def window(qtbot, make_ctx, demo_url, language):  # type: ignore[no-untyped-def]
    language("sv")
    ctx = make_ctx(demo_url)
    shown = MainWindow(ctx)
    qtbot.addWidget(shown)
    shown.resize(1366, 728)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _settle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.ctx.runner.active_count == 0, timeout=10_000)
    qtbot.wait(30)


def _go(qtbot, window, key: str):  # type: ignore[no-untyped-def]
    window.nav.setCurrentItem(window.nav_item(key))
    _settle(qtbot, window)
    return window.views[key]


def test_no_raw_values_on_any_screen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, str]] = []
    for key in NAV_KEYS:
        view = _go(qtbot, window, key)
        for table in view.findChildren(QTableView):
            model = table.model()
            if not table.isVisible() or model is None or not model.rowCount():
                continue
            table.setCurrentIndex(model.index(0, 0))
            _settle(qtbot, window)
            for row in range(min(model.rowCount(), 20)):
                for column in range(model.columnCount()):
                    text = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
                    seen.append((f"{key} table", str(text or "")))
        seen += visible_texts([window])
    # The card, with its contacts.
    lookup = _go(qtbot, window, "customers")
    qtbot.keyClicks(lookup.search, "a")
    qtbot.waitUntil(lambda: not lookup.timer.isActive() and lookup.model.rowCount() > 0)
    qtbot.keyClick(lookup.search, Qt.Key.Key_Return)  # the first result's card
    _settle(qtbot, window)
    contacts = lookup.card_view.contacts_model
    for row in range(1, lookup.model.rowCount()):
        if contacts.rowCount():
            break
        lookup.open_row(row)  # a customer with contacts, whose phones we can read
        _settle(qtbot, window)
    phones = [contacts.index(r, 2).data() for r in range(contacts.rowCount())]
    assert all(not p or re.fullmatch(r"0[\d\- ]+", p) for p in phones), phones
    seen += visible_texts([window])
    raw = [(where, text) for where, text in seen if RAW.search(text)]
    assert raw == []


def test_review_and_this_week_in_local_time_and_swedish(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    review = _go(qtbot, window, "review")
    qtbot.waitUntil(lambda: review.model.rowCount() > 0 and review.model.ready)
    _settle(qtbot, window)
    header = review.model.headerData(0, Qt.Orientation.Horizontal)
    assert "UTC" not in header
    row = review.model.row_at(0)
    opened = dt.datetime.fromisoformat(row.opened_at.replace("Z", "+00:00"))
    if opened.tzinfo is None:
        opened = opened.replace(tzinfo=dt.UTC)
    shown = review.model.index(0, 0).data()
    assert shown == opened.astimezone().strftime("%Y-%m-%d %H:%M")

    # "Denna vecka": click its tab; the days are Swedish weekday names.
    bar = review.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.waitUntil(lambda: review.overview.overview is not None)
    days = [label for label, _ in review.overview.days_chart.bars]
    swedish = QLocale(QLocale.Language.Swedish)
    names = [swedish.dayName(i, QLocale.FormatType.ShortFormat) for i in range(1, 8)]
    assert [d.split()[0] for d in days] == names
    assert not any(re.search(r"Mon|Tue|Wed|Thu|Fri|Sat|Sun", d) for d in days)
    # The two charts stand apart, each in its own frame, and fill the tab's height.
    days_box = review.overview.days_chart.parentWidget()
    agents_box = review.overview.agents_chart.parentWidget()
    assert days_box is not agents_box
    gap = agents_box.geometry().left() - days_box.geometry().right()
    assert gap >= 12
    assert review.overview.days_chart.height() > review.overview.height() // 2


def test_verify_status_line_is_short(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    review = _go(qtbot, window, "review")
    qtbot.mouseClick(review.verify_button, Qt.MouseButton.LeftButton)
    label = review.job.result_label
    qtbot.waitUntil(lambda: review.verify_button.isEnabled() and label.text() != "")
    qtbot.waitUntil(lambda: "…" in label.text() or "intakt" in label.text())
    assert not re.search(r"[0-9a-f]{20,}", label.text())
    assert re.search(r"[0-9a-f]{64}", label.toolTip())  # the whole head, for whoever needs it


def test_erasure_screen_and_wizards_say_which_customer(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    erasure = _go(qtbot, window, "erasure")
    titles = [w.text() for w in erasure.findChildren(QLabel) if w.objectName() == "pageTitle"]
    assert titles[0] == "Radering"  # the screen's own title, above its lists' titles
    assert erasure.layout().contentsMargins().left() > 0
    qtbot.mouseClick(erasure.end_button, Qt.MouseButton.LeftButton)
    wizard = erasure.wizard
    picker = wizard.customer_page.picker
    qtbot.waitUntil(picker.isEnabled)
    first = picker.rows[0]
    line = picker.itemText(0)
    org = f"{first.org_number[:6]}-{first.org_number[6:]}"
    assert line.startswith(first.name) and org in line
    assert line.endswith(("aktiv", "testkonto", "avslutad"))  # its status, in Swedish
    # A long subtitle wraps on the page instead of being cut.
    picker.choose(first.id)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = wizard.currentPage()
    assert first.name in page.title()
    intro = [w for w in page.findChildren(QLabel) if w.text() == page.subTitle() and w.text()]
    if intro:
        assert intro[0].wordWrap() and intro[0].isVisible()
    wizard.reject()
    _settle(qtbot, window)


def test_counts_in_the_chosen_language(qapp, language) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.domain.hashchain import VerifyResult
    from bowebb_console.ui.kit.verify import verify_words

    head = "ab" * 32
    language("sv")
    swedish = verify_words(VerifyResult(2331, 2331, head, 0, None), short=True)
    assert swedish.startswith("2\xa0331 ") and head not in swedish and head[:12] in swedish
    language("en")
    english = verify_words(VerifyResult(2331, 2331, head, 0, None))
    assert english == f"2,331 events, chain intact, head {head}"  # the whole head for the PDF
