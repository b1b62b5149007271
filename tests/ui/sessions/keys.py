"""Keyboard helpers: everything goes to the widget that has the focus, as a real key would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = focused()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClick(widget, key, modifier)


def type_text(text: str) -> None:
    widget = focused()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClicks(widget, text)


def tab_to(qtbot, target: QWidget, limit: int = 40) -> int:  # type: ignore[no-untyped-def]
    """Press Tab until ``target`` has the focus; returns how many Tabs it took."""
    for n in range(limit + 1):
        if focused() is target:
            return n
        press(Qt.Key.Key_Tab)
        qtbot.wait(1)
    raise AssertionError(f"Tab never reached {target!r}; focus is on {focused()!r}")


def wait_focus(qtbot, target: QWidget, timeout: int = 5000) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: focused() is target, timeout=timeout)
