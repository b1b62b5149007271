"""The Customers and Sub-processors screens read a real embedded database off the GUI thread."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from bowebb_console.ui.kit.rows import ROW_ROLE
from bowebb_console.ui.models.customers import CustomerTableModel
from bowebb_console.ui.subprocessors.view import SubProcessorsView
from bowebb_console.ui.views.customers import CustomersView

ORG = re.compile(r"^\d{6}-\d{4}$")


def test_customers_table_and_total(qtbot, make_ctx, demo_url, language) -> None:  # type: ignore[no-untyped-def]
    language("en")
    view = CustomersView(make_ctx(demo_url))
    qtbot.addWidget(view)
    view.show()
    assert view.loading  # the query runs on the pool; the GUI thread did not wait for it
    qtbot.waitUntil(lambda: not view.loading)
    model = view.model
    assert model.rowCount() == 50 and view.total == 50
    assert view.frame.count_label.text() == "50 customers"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Org. number",
        "Name",
        "Status",
        "DPA signed",
        "Hard delete due",
        "Contacts",
    ]
    total_contacts = 0
    for row in range(model.rowCount()):
        org = model.index(row, CustomerTableModel.COL_ORG).data()
        assert ORG.match(org), org
        status = model.index(row, CustomerTableModel.COL_STATUS).data()
        assert status in ("trial", "active", "terminated")
        total_contacts += int(model.index(row, CustomerTableModel.COL_CONTACTS).data())
    assert total_contacts == 150
    assert model.index(0, 0).data(ROW_ROLE).org_number == model.index(0, 0).data()


def test_sorting_by_contacts_is_numeric(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    view = CustomersView(make_ctx(demo_url))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.loading)
    view.table.sortByColumn(CustomerTableModel.COL_CONTACTS, Qt.SortOrder.DescendingOrder)
    proxy = view.frame.proxy
    counts = [
        int(proxy.index(r, CustomerTableModel.COL_CONTACTS).data()) for r in range(proxy.rowCount())
    ]
    assert counts == sorted(counts, reverse=True)


def test_refresh_reloads(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    view = CustomersView(make_ctx(demo_url))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.loading)
    qtbot.mouseClick(view.frame.refresh_button, Qt.MouseButton.LeftButton)
    assert view.loading and not view.frame.refresh_button.isEnabled()
    qtbot.waitUntil(lambda: not view.loading)
    assert view.model.rowCount() == 50


def test_a_failed_load_is_said_inline(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url)
    from sqlalchemy import text

    with ctx.database.engine.begin() as conn:
        conn.execute(text("ALTER TABLE customer RENAME TO customer_gone"))
    view = CustomersView(ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.loading)
    assert not view.frame.error_label.isHidden()
    assert "could not be loaded" in view.frame.error_label.text()
    assert view.model.rowCount() == 0


def test_sub_processor_register(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.customers.listing import list_sub_processors

    ctx = make_ctx(demo_url)
    with ctx.database.session() as session:
        expected = [r.name for r in list_sub_processors(session)]
    view = SubProcessorsView(ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.loading)
    shown = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert shown == expected and len(shown) >= 1
