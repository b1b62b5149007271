"""The list screens' shared frame: a sortable table named by its title, and a load error said
inline (and cleared) above it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from bowebb_console.ui.kit.list_frame import ListFrame
from tests.ui.kit.conftest import CompanyModel


def test_clicking_a_header_sorts_numerically(qtbot, companies: CompanyModel) -> None:  # type: ignore[no-untyped-def]
    frame = ListFrame("Customers", companies)
    qtbot.addWidget(frame)
    frame.show()
    assert frame.table.accessibleName() == "Customers"
    # Unsorted at first: the order the service returned.
    shown = [frame.proxy.index(r, 0).data() for r in range(frame.proxy.rowCount())]
    assert shown[0] == "Öberg Bygg AB"
    header = frame.table.horizontalHeader()
    x = header.sectionViewportPosition(CompanyModel.COL_CONTACTS) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    counts = [
        int(frame.proxy.index(r, CompanyModel.COL_CONTACTS).data())
        for r in range(frame.proxy.rowCount())
    ]
    assert counts in ([2, 9, 10, 100], [100, 10, 9, 2])


def test_a_load_error_is_said_inline_and_cleared(qtbot, companies: CompanyModel) -> None:  # type: ignore[no-untyped-def]
    frame = ListFrame("Customers", companies)
    qtbot.addWidget(frame)
    frame.show()
    assert frame.error_label.isHidden()
    frame.show_error("The list could not be loaded.\n<b>not markup</b>")
    assert frame.error_label.isVisible()
    assert frame.error_label.textFormat() == Qt.TextFormat.PlainText  # server text is not HTML
    frame.clear_error()
    assert frame.error_label.isHidden() and frame.error_label.text() == ""
