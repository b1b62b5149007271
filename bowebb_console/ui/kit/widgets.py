"""Small builders for the widgets that every screen sets up the same way: the count line,
the inline error text (styled by ``style.qss``), and a read-only table that selects whole
rows, one at a time."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)


def count_label() -> QLabel:
    label = QLabel()
    label.setObjectName("countLabel")
    return label


def error_label() -> QLabel:
    """Hidden until there is something to say; plain text, so nothing in a message is markup."""
    label = QLabel()
    label.setObjectName("errorText")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def read_only_table(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    # Tab leaves the table for the next widget (arrows move between rows); Enter on a row
    # emits ``activated``, which each screen connects to "open".
    table.setTabKeyNavigation(False)
    return table


FIT_ROWS = 40  # rows a table's columns are fitted to (each cell read crosses into Python)


def fit_columns(table: QTableView, rows: int = FIT_ROWS) -> None:
    """``resizeColumnsToContents`` over the first ``rows`` rows, from their texts alone.

    Qt's own fitting asks the model for eight roles of every cell it measures and lays each
    text out; this reads one role per cell and measures it with the view's font metrics, the
    delegate's margins taken from one real size hint. The widths are the same for the plain
    text cells of the row models (``kit.rows``): at least the header's, as Qt's."""
    model = table.model()
    header = table.horizontalHeader()
    count = min(rows, model.rowCount())
    metrics = QFontMetricsF(table.font())  # fractional widths, rounded up as Qt's layout does
    grid = 1 if table.showGrid() else 0
    margin: int | None = None
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        width = header.sectionSizeHint(column)
        for row in range(count):
            index = model.index(row, column)
            text = index.data()
            if not text:
                continue
            advance = math.ceil(metrics.horizontalAdvance(str(text)))
            if margin is None:  # the delegate's padding around a text, measured once
                margin = table.sizeHintForIndex(index).width() - advance
            width = max(width, advance + margin + grid)
        header.resizeSection(column, width)


def fit_to_texts(table: QTableView, column: int, texts: Iterable[str]) -> None:
    """Give ``column`` a fixed width that holds each of ``texts`` (a column whose cells come
    from a small vocabulary: statuses, badges, fixed-format numbers) and its header, measured
    as the view's delegate measures a cell: no row read, and no width that changes with
    the rows shown."""
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.font = table.font()
    option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
    style = table.style()
    grid = 1 if table.showGrid() else 0
    header = table.horizontalHeader()
    width = header.sectionSizeHint(column)
    for text in texts:
        option.text = text
        size = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), table)
        width = max(width, size.width() + grid)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(column, width)


def spin_box(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(suffix)
    return box


def grow_to_fit(window: QWidget) -> None:
    """Give a shown window the height its layout needs now (a section was just shown).

    Qt does not enforce the minimum height of a window whose layout has height-for-width
    (word-wrapped labels), so a section shown later is squeezed into slivers instead; this
    grows the window, within its screen's usable height."""
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.activate()
    width = window.width()
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
    need = max(need, layout.totalMinimumSize().height(), window.minimumSizeHint().height())
    screen = window.screen()
    if screen is not None:
        need = min(need, screen.availableGeometry().height() - 40)
    if window.height() < need:
        window.resize(width, need)


def tab_order(*widgets: QWidget) -> None:
    """Tab visits ``widgets`` in this order (the reading order), whatever order they were
    created in."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
