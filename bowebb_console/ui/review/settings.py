"""The review's limits for automatic flags, as rows of the Settings dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSpinBox, QWidget

from bowebb_console.config import Settings
from bowebb_console.ui.kit.widgets import spin_box

if TYPE_CHECKING:  # the Settings dialog must not pull SQLAlchemy into start-up
    from bowebb_console.services.review import FlagLimits


def limits_from_settings(settings: Settings) -> FlagLimits:
    from bowebb_console.services.review import FlagLimits

    return FlagLimits(
        max_seconds=settings.review_max_hours * 3600,
        max_files=settings.review_max_files,
        max_bytes=settings.review_max_megabytes * 1024 * 1024,
    )


def _spin(low: int, high: int, value: int, suffix: str, tip: str) -> QSpinBox:
    box = spin_box(low, high, value, suffix)
    box.setToolTip(tip)
    return box


class ReviewLimitFields:
    def __init__(self, settings: Settings) -> None:
        tip = QCoreApplication.translate(
            "ReviewSettings", "The review flags sessions beyond this limit automatically."
        )
        self.hours = _spin(
            1,
            48,
            settings.review_max_hours,
            QCoreApplication.translate("ReviewSettings", " h"),
            tip,
        )
        self.files = _spin(
            1,
            100_000,
            settings.review_max_files,
            QCoreApplication.translate("ReviewSettings", " files"),
            tip,
        )
        self.megabytes = _spin(1, 10_000_000, settings.review_max_megabytes, " MB", tip)

    def rows(self) -> list[tuple[str, QWidget]]:
        return [
            (
                QCoreApplication.translate("ReviewSettings", "Review: flag sessions longer than:"),
                self.hours,
            ),
            (
                QCoreApplication.translate("ReviewSettings", "Review: flag more files than:"),
                self.files,
            ),
            (
                QCoreApplication.translate("ReviewSettings", "Review: flag more data than:"),
                self.megabytes,
            ),
        ]

    def values(self) -> dict[str, int]:
        return {
            "review_max_hours": self.hours.value(),
            "review_max_files": self.files.value(),
            "review_max_megabytes": self.megabytes.value(),
        }
