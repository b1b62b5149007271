"""The review's limits for automatic flags, as rows of the Settings dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSpinBox, QWidget

from bowebb_console.config import Settings

if TYPE_CHECKING:  # the Settings dialog must not pull SQLAlchemy into start-up
    from bowebb_console.store.review import FlagLimits


def limits_from_settings(settings: Settings) -> FlagLimits:
    from bowebb_console.store.review import FlagLimits

    return FlagLimits(
        max_seconds=settings.review_max_hours * 3600,
        max_files=settings.review_max_files,
        max_bytes=settings.review_max_megabytes * 1024 * 1024,
    )


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewSettings", text)


def _spin(low: int, high: int, value: int, suffix: str, tip: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(suffix)
    box.setToolTip(tip)
    return box


class ReviewLimitFields:
    def __init__(self, settings: Settings) -> None:
        tip = _tr("The review flags sessions beyond this limit automatically.")
        self.hours = _spin(1, 48, settings.review_max_hours, _tr(" h"), tip)
        self.files = _spin(1, 100_000, settings.review_max_files, _tr(" files"), tip)
        self.megabytes = _spin(1, 10_000_000, settings.review_max_megabytes, " MB", tip)

    def rows(self) -> list[tuple[str, QWidget]]:
        return [
            (_tr("Review: flag sessions longer than:"), self.hours),
            (_tr("Review: flag more files than:"), self.files),
            (_tr("Review: flag more data than:"), self.megabytes),
        ]

    def values(self) -> dict[str, int]:
        return {
            "review_max_hours": self.hours.value(),
            "review_max_files": self.files.value(),
            "review_max_megabytes": self.megabytes.value(),
        }
