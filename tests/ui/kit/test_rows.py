"""The row model and its sort proxy: raw values sort (numbers as numbers, dates as dates, no
date last, Swedish letters after z), the row itself rides along for selections."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from bowebb_console.ui.kit.rows import ROW_ROLE, SORT_ROLE, SortProxy
from tests.ui.kit.conftest import ROWS, CompanyModel


def sorted_column(model: CompanyModel, column: int, order=Qt.SortOrder.AscendingOrder) -> list:  # type: ignore[no-untyped-def]
    proxy = SortProxy()
    proxy.setSourceModel(model)
    proxy.sort(column, order)
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_cells_headers_and_the_row_itself(companies: CompanyModel) -> None:
    assert (companies.rowCount(), companies.columnCount()) == (4, 3)
    first = companies.index(0, CompanyModel.COL_CONTACTS)
    assert first.data() == "9"
    assert first.data(SORT_ROLE) == 9
    assert first.data(ROW_ROLE) is ROWS[0]
    assert companies.row_at(1) is ROWS[1]
    assert first.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert companies.index(1, CompanyModel.COL_DUE).data() == ""  # no date: an empty cell
    assert companies.index(0, CompanyModel.COL_DUE).data(SORT_ROLE) == dt.date(2026, 3, 1)
    header = companies.headerData(CompanyModel.COL_CONTACTS, Qt.Orientation.Horizontal)
    assert header == "Contacts"


def test_numbers_sort_as_numbers(companies: CompanyModel) -> None:
    assert sorted_column(companies, CompanyModel.COL_CONTACTS) == ["2", "9", "10", "100"]
    descending = sorted_column(companies, CompanyModel.COL_CONTACTS, Qt.SortOrder.DescendingOrder)
    assert descending == ["100", "10", "9", "2"]


def test_dates_sort_as_dates_and_no_date_last(companies: CompanyModel) -> None:
    shown = sorted_column(companies, CompanyModel.COL_DUE)
    assert shown == ["2025-12-24", "2026-01-05", "2026-03-01", ""]


def test_names_sort_case_blind_with_swedish_letters_last(companies: CompanyModel) -> None:
    shown = sorted_column(companies, CompanyModel.COL_NAME)
    assert shown == ["adam Måleri", "Zetterlund Data", "Åkesson El", "Öberg Bygg AB"]


def test_set_rows_replaces_everything(companies: CompanyModel) -> None:
    resets: list[bool] = []
    companies.modelReset.connect(lambda: resets.append(True))
    companies.set_rows(ROWS[:1])
    assert companies.rowCount() == 1 and resets == [True]


def test_fitted_columns_are_as_wide_as_qt_fits_them(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """fit_columns reads one role per cell (issue 18, item 15) and gives the widths Qt's own
    resizeColumnsToContents gives, with the app's style sheet, over the same first rows."""
    from bowebb_console.resources import resource_path
    from bowebb_console.store.sessions.desk import SessionListRow
    from bowebb_console.store.sessions.events import SessionSummary
    from bowebb_console.ui.kit.widgets import fit_columns
    from bowebb_console.ui.sessions.lists import session_table
    from bowebb_console.ui.sessions.models import SessionListModel

    qapp.setStyleSheet(resource_path("style.qss").read_text(encoding="utf-8"))
    try:
        rows = [
            SessionListRow(
                SessionSummary(
                    session_uuid=f"00000000-0000-4000-8000-{i:012d}",
                    customer_id=i,
                    session_kind="remote_control" if i % 2 else "file_transfer",
                    consent_outcome="agreed",
                    state="open" if i % 3 else "ended",
                    agent="anna.lind" if i % 4 else "a.very.long.agent.name.indeed",
                    consent_at="2026-12-06T10:00:00.000000+00:00",
                    started_at=None,
                    ended_at=None,
                    outcome="resolved" if i % 3 == 0 else None,
                ),
                "Åkesson Bygg & Fastighetsförvaltning AB" if i == 7 else f"Firma {i}",
            )
            for i in range(60)
        ]
        tables = []
        for fit in (lambda t: t.resizeColumnsToContents(), fit_columns):
            model = SessionListModel()
            table = session_table(model)
            qtbot.addWidget(table)
            table.resize(1200, 400)
            table.show()
            model.set_rows(rows)
            fit(table)
            tables.append(table)
        qt, ours = ([t.columnWidth(c) for c in range(6)] for t in tables)
        assert ours == qt
        assert qt[1] > tables[0].horizontalHeader().sectionSizeHint(1)  # the long name counted
    finally:
        qapp.setStyleSheet("")
