"""What the main window asks of a screen: F5 and window-wide shortcuts, declared, not guessed.

A screen is a QWidget plus a :class:`Screen`: ``refresh()`` is what F5 does on it (nothing,
for a screen that has nothing to reload, e.g. the lookup that searches as you type), and
``window_actions()`` are the shortcuts that work from any screen (e.g. Ctrl+K, find a
customer). A view may implement both itself; ``ui/pages.py`` declares them with
:class:`Offers` for a view that does not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QWidget


class Screen(Protocol):
    def refresh(self) -> None:
        """F5: reload what the screen shows."""

    def window_actions(self) -> list[QAction]:
        """Actions the main window registers window-wide (disabled while it is locked)."""


@dataclass(frozen=True)
class Offers:
    """A :class:`Screen` declared from outside the view: what F5 does, which shortcuts."""

    on_refresh: Callable[[], None] | None = None
    actions: Sequence[QAction] = ()

    def refresh(self) -> None:
        if self.on_refresh is not None:
            self.on_refresh()

    def window_actions(self) -> list[QAction]:
        return list(self.actions)


def click_if_usable(button: QAbstractButton) -> Callable[[], None]:
    """F5 as the screen's own Refresh button: only when the user could click it too (it is
    disabled while a load runs, hidden on a tab not shown)."""

    def click() -> None:
        if button.isVisible() and button.isEnabled():
            button.click()

    return click


@dataclass(frozen=True)
class Page:
    """One screen of the main window: its navigation label, its widget and what it offers."""

    label: str
    widget: QWidget
    screen: Screen
