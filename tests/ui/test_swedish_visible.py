"""Swedish mode leaves no visible text in English: the main window on demo data as an admin,
every screen (by page key, so screens that land later are covered too), their tabs, and the
dialogs reachable without side effects. A visible text that equals an English source string
whose Swedish translation differs means a missing tr() or a missing translation."""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from bowebb_console.ui.i18n_build import parts, ts_file
from bowebb_console.ui.main_window import NAV_KEYS, MainWindow


def untranslated_sources() -> set[str]:
    """English sources whose Swedish differs (a leftover of these on screen is English)."""
    found: set[str] = set()
    for part in parts():
        for message in ET.parse(ts_file(part, "sv")).getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            sv = "".join(translation.itertext()) if translation is not None else ""
            if source.strip() and sv and sv != source and len(source) > 2:
                found.add(normal(source))
    return found


def normal(text: str) -> str:
    """Mnemonics and shortcut hints are not part of the words."""
    text = re.sub(r"&(?=\w)", "", text)
    return text.split("\t")[0].strip()


def visible_texts(roots: Iterable[QWidget]) -> list[tuple[str, str]]:
    """(where, text) of every visible text a user can read under the given windows."""
    out: list[tuple[str, str]] = []
    for root in roots:
        widgets = [root, *root.findChildren(QWidget)]
        for w in widgets:
            if not w.isVisible() and not isinstance(w, QMenu):
                continue
            where = f"{type(w).__name__}:{w.objectName()}"
            if isinstance(w, QLabel | QAbstractButton):
                out.append((where, w.text()))
            if w.toolTip():
                out.append((where + ".toolTip", w.toolTip()))
            if isinstance(w, QGroupBox):
                out.append((where, w.title()))
            if isinstance(w, QLineEdit):
                out.append((where, w.placeholderText()))
            if isinstance(w, QTextEdit | QPlainTextEdit) and w.isReadOnly():
                # Timelines and summaries: labels sit between runs of spaces or before ": ".
                for line in w.toPlainText().splitlines():
                    out += [(where + ".text", p) for p in re.split(r"\s{2,}|: ", line) if p]
            if isinstance(w, QTabBar):
                out += [(where, w.tabText(i)) for i in range(w.count())]
            if isinstance(w, QTableView | QTreeView) and w.model() is not None:
                model = w.model()
                for section in range(model.columnCount()):
                    header = model.headerData(section, Qt.Orientation.Horizontal)
                    out.append((where + ".header", str(header or "")))
            if isinstance(w, QDialog | QMainWindow):
                out.append((where + ".title", w.windowTitle()))
            for action in w.actions():
                out.append((where + ".action", action.text()))
                if action.menu() is not None:
                    out.append((where + ".menu", action.menu().title()))
    return out


def is_english(text: str, english: set[str]) -> bool:
    """Equal to an English source, or to one with its %1/%n filled in."""
    text = normal(text)
    return text in english or any(p.fullmatch(text) for p in patterns(frozenset(english)))


@functools.cache
def patterns(english: frozenset[str]) -> list[re.Pattern[str]]:
    out = []
    for source in english:
        if re.search(r"%L?[1-9n]", source):
            parts = re.split(r"%L?[1-9n]", source)
            out.append(re.compile(".+".join(re.escape(p) for p in parts), re.DOTALL))
    return out


def english_left(roots: Iterable[QWidget], english: set[str]) -> list[tuple[str, str]]:
    return [(where, text) for where, text in visible_texts(roots) if is_english(text, english)]


def top_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def visit_tabs(qtbot, root: QWidget, english: set[str], seen: list) -> None:  # type: ignore[no-untyped-def]
    """Every tab of every visible tab widget under ``root``, checked on its own."""
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            qtbot.wait(50)
            seen += english_left(top_windows(), english)


def test_no_english_left_on_screen_in_swedish(qtbot, make_ctx, demo_url, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    english = untranslated_sources()
    assert "Customers" in english and "Refresh" in english  # the set is what we think
    assert is_english("Signed in as x · role: y · database: z", english)
    ctx = make_ctx(demo_url)  # the SQLite identity is admin: every screen is offered
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    def settle() -> None:
        qtbot.waitUntil(lambda: ctx.runner.active_count == 0, timeout=10_000)
        qtbot.wait(30)

    left: list[tuple[str, str]] = []
    for key in NAV_KEYS:
        item = window.nav_item(key)
        assert item is not None, key
        window.nav.setCurrentItem(item)
        settle()
        view = window.views[key]
        # Select the first row of each table so its detail pane (card, DPA checklist,
        # session summary) is on screen too.
        for table in view.findChildren(QTableView):
            if table.isVisible() and table.model() is not None and table.model().rowCount():
                table.setCurrentIndex(table.model().index(0, 0))
                settle()
        left += english_left(top_windows(), english)
        visit_tabs(qtbot, view, english, left)
        settle()

    # Lookup: a query typed, a card open.
    lookup = window.views["customers"]
    window.nav.setCurrentItem(window.nav_item("customers"))
    qtbot.keyClicks(lookup.search, "a")
    qtbot.waitUntil(lambda: lookup.model.rowCount() > 0, timeout=10_000)
    settle()
    lookup.open_row(0)
    settle()
    left += english_left(top_windows(), english)

    # The lookup's dialogs, opened and cancelled (nothing is saved).
    for open_dialog in (
        lookup.new_customer,
        lookup.register_trial,
        lookup.edit_customer,
        lookup.add_contact,
        lookup.open_import,
        lookup.open_notice_export,
    ):
        open_dialog()
        qtbot.waitExposed(lookup.dialog)
        settle()
        left += [
            (f"{open_dialog.__name__}: {w}", t) for w, t in english_left([lookup.dialog], english)
        ]
        lookup.dialog.reject()
        settle()

    # The consent dialog (cancelled: nothing is written until a session is started).
    from bowebb_console.ui.sessions.consent import start_session_for

    dialog = start_session_for(ctx, lookup.model.row_at(0).customer_id, window)
    qtbot.waitExposed(dialog)
    settle()
    left += english_left([dialog], english)
    dialog.reject()

    # A running session (this test's own database: starting one is fine) and its timeline.
    session_uuid = start_a_session(ctx, lookup)
    sessions_view = window.views["sessions"]
    window.nav.setCurrentItem(window.nav_item("sessions"))
    sessions_view.show_running(session_uuid)
    settle()
    left += english_left(top_windows(), english)
    from bowebb_console.ui.sessions.lists import open_timeline

    timeline = open_timeline(ctx, session_uuid, window)
    qtbot.waitExposed(timeline)
    settle()
    left += english_left([timeline], english)
    timeline.reject()

    # The sub-processor dialog (add, then cancel).
    sub_processors = window.views["sub_processors"]
    window.nav.setCurrentItem(window.nav_item("sub_processors"))
    settle()
    sub_processors.add()
    qtbot.waitExposed(sub_processors.dialog)
    settle()
    left += english_left([sub_processors.dialog], english)
    visit_tabs(qtbot, sub_processors.dialog, english, left)
    sub_processors.dialog.reject()

    # Settings and About.
    window.open_settings()
    qtbot.waitExposed(window.settings_dialog)
    left += english_left([window.settings_dialog], english)
    visit_tabs(qtbot, window.settings_dialog, english, left)
    window.settings_dialog.reject()
    window.open_about()
    qtbot.waitExposed(window.about_dialog)
    left += english_left([window.about_dialog], english)
    window.about_dialog.reject()

    # The menus.
    for action in window.menuBar().actions():
        left += [("menu", action.text())] if is_english(action.text(), english) else []
        menu = action.menu()
        if menu is not None:
            left += [("menu", a.text()) for a in menu.actions() if is_english(a.text(), english)]

    # The lock page.
    window.lock()
    settle()
    left += english_left([window], english)
    window.unlock()

    settle()
    assert sorted(set(left)) == []


def start_a_session(ctx, lookup) -> str:  # type: ignore[no-untyped-def]
    """Consent and start for a customer of the results with a signed DPA, plus one note."""
    import datetime as dt

    from sqlalchemy import select

    from bowebb_console.store.models import Contact
    from bowebb_console.store.sessions import events as sessions

    rows = [lookup.model.row_at(i) for i in range(lookup.model.rowCount())]
    hit = next(r for r in rows if r.dpa_signed and r.status == "active")
    with ctx.database.session() as orm:
        contact_id = orm.scalars(
            select(Contact.id).where(Contact.customer_id == hit.customer_id)
        ).first()
    consent = sessions.record_consent(
        ctx.database,
        customer_id=hit.customer_id,
        contact_id=contact_id,
        session_kind="remote_control",
        outcome="agreed",
        channel="phone",
        agreed_at=dt.datetime.now(dt.UTC),
        scope="control",
        purpose="Skrivaren",
        reference="ÄR-2041",
    )
    sessions.start_session(ctx.database, consent.session_uuid, tool="AnyDesk")
    sessions.add_note(ctx.database, consent.session_uuid, "Drivrutin ominstallerad.")
    return consent.session_uuid
