"""The week at a glance: sessions per day and per agent as bar charts (drawn with QPainter:
QtCharts is not in PySide6-Essentials), unreviewed and flagged counts, flags by kind."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services import review
from bowebb_console.ui.kit.errors import error_text
from bowebb_console.ui.kit.formats import count, weekday_day
from bowebb_console.ui.review import texts
from bowebb_console.ui.review.errors import TEXTS

if TYPE_CHECKING:
    from bowebb_console.services.review import FlagLimits, Overview
    from bowebb_console.ui.kit.context import AppContext


class BarChart(QWidget):
    """Vertical bars with their value above and their label below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int]] = []
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: list[tuple[str, int]]) -> None:
        self.bars = bars
        self.setAccessibleDescription(", ".join(f"{k}: {v}" for k, v in bars))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(max(200, 60 * len(self.bars)), 180)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.bars:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        text_h = fm.height()
        area_h = self.height() - 2 * text_h - 8
        slot = self.width() / len(self.bars)
        top = max(1, max(v for _, v in self.bars))
        color = self.palette().highlight().color()
        for i, (label, value) in enumerate(self.bars):
            h = area_h * value / top
            x = i * slot + slot * 0.15
            bar = QRectF(x, text_h + 4 + area_h - h, slot * 0.7, h)
            p.fillRect(bar, color if value else QColor(0, 0, 0, 0))
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(i * slot, bar.top() - text_h - 2, slot, text_h),
                Qt.AlignmentFlag.AlignCenter,
                count(value),
            )
            p.drawText(
                QRectF(i * slot, self.height() - text_h, slot, text_h),
                Qt.AlignmentFlag.AlignCenter,
                fm.elidedText(label, Qt.TextElideMode.ElideRight, int(slot)),
            )
        p.end()


class OverviewPanel(QWidget):
    def __init__(self, ctx: AppContext, limits: FlagLimits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.limits = limits
        today = dt.date.today()  # local: the week the agent is living in
        self.week_start = today - dt.timedelta(days=today.weekday())
        self.overview: Overview | None = None
        self.prev_button = QPushButton(self.tr("◀ Previous week"))
        self.next_button = QPushButton(self.tr("Next week ▶"))
        self.week_label = QLabel()
        self.week_label.setObjectName("pageTitle")
        self.prev_button.clicked.connect(lambda: self.move(-7))
        self.next_button.clicked.connect(lambda: self.move(7))
        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        self.flags_label = QLabel()
        self.flags_label.setWordWrap(True)
        self.days_chart = BarChart()
        self.agents_chart = BarChart()
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.week_label, 1, Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.next_button)
        # Two framed charts side by side with room between them, filling the tab.
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for column, (title, chart) in enumerate(
            (
                (self.tr("Sessions per day"), self.days_chart),
                (self.tr("Sessions per agent"), self.agents_chart),
            )
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(chart)
            grid.addWidget(box, 0, column)
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.flags_label)
        layout.addLayout(grid, 1)

    def move(self, days: int) -> None:  # type: ignore[override]
        self.week_start += dt.timedelta(days=days)
        self.reload()

    def reload(self) -> None:
        text = self.tr("Week of %1").replace("%1", self.week_start.isoformat())
        self.week_label.setText(text)
        self.ctx.runner.start(
            review.week_overview,
            self.ctx.database,
            self.week_start,
            self.limits,
            dt.datetime.now().astimezone().tzinfo,  # the days as the reader lives them
            tag="review.overview",
            owner=self,
            on_result=self._show,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        text = self.tr("The overview could not be loaded: %1")
        self.totals_label.setText(text.replace("%1", error_text(exc, TEXTS)))

    def _show(self, view: Overview) -> None:
        self.overview = view
        self.days_chart.set_bars([(weekday_day(d), view.per_day[d]) for d in view.days])
        agents = sorted(view.per_agent.items(), key=lambda kv: (-kv[1], kv[0]))
        self.agents_chart.set_bars(agents)
        totals = self.tr("%1 sessions, %2 not reviewed, %3 flagged")
        self.totals_label.setText(
            totals.replace("%1", count(view.total))
            .replace("%2", count(view.unreviewed))
            .replace("%3", count(view.flagged))
        )
        flags = [
            f"{texts.flag_text(f)}: {count(view.per_flag[f])}"
            for f in review.FLAGS
            if view.per_flag[f]
        ]
        self.flags_label.setText(" · ".join(flags))
