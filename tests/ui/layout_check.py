"""What "fits" means for a window at a support laptop's 1366x768 (728 usable, under a task
bar): the window is no larger than that, every visible widget gets at least its minimum size
hint, and no label, button or check box cuts its text."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

USABLE = QSize(1366, 728)


def _in_scroll_area(w: QWidget) -> bool:
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def fit_to_laptop(window: QWidget) -> None:
    """Size a top-level window the way a window manager does on the laptop."""
    hint = window.sizeHint().expandedTo(window.minimumSizeHint())
    window.resize(hint.boundedTo(USABLE).expandedTo(window.size().boundedTo(USABLE)))


def _text(w: QWidget) -> str:
    return w.text() if isinstance(w, QLabel | QAbstractButton | QLineEdit) else ""


def problems(window: QWidget, where: str = "") -> list[str]:
    """Every way the window does not fit, in words a failing test can show."""
    name = where or type(window).__name__
    out: list[str] = []
    if window.width() > USABLE.width() or window.height() > USABLE.height():
        out.append(f"{name}: window {window.width()}x{window.height()} larger than the laptop")
    minimum = window.minimumSizeHint()
    if minimum.height() > USABLE.height() or minimum.width() > USABLE.width():
        out.append(f"{name}: needs at least {minimum.width()}x{minimum.height()}")
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.isWindow() or w.objectName().startswith("qt_"):
            continue  # hidden, a window of its own, or a Qt-internal part (spin box editor)
        if isinstance(w.parentWidget(), QLineEdit | QComboBox):
            continue  # a line edit's clear button, an editable combo's editor
        if isinstance(w, QLabel) and not w.text():
            continue  # an empty message line takes no room until it has words
        if _in_scroll_area(w):
            continue  # a scroll area gives its content all the room it asks for
        out += _widget_problems(w, f"{name}/{type(w.parentWidget()).__name__}>{type(w).__name__}")
    return out


def _widget_problems(w: QWidget, where: str) -> list[str]:
    label = f"{where}:{w.objectName() or _text(w)!r}"
    hint = w.minimumSizeHint()
    squeezed = w.width() < min(hint.width(), w.maximumWidth()) or w.height() < min(
        hint.height(), w.maximumHeight()
    )
    if hint.isValid() and not isinstance(w, QAbstractScrollArea) and squeezed:
        return [f"{label}: {w.width()}x{w.height()} < minimum {hint.width()}x{hint.height()}"]
    if isinstance(w, QLabel) and not w.wordWrap() and w.pixmap().isNull() and "<" not in w.text():
        need = max(w.fontMetrics().horizontalAdvance(line) for line in w.text().splitlines())
        if need > w.contentsRect().width() + 1:
            return [f"{label}: text needs {need}px, has {w.contentsRect().width()}"]
    elif isinstance(w, QPushButton | QCheckBox) and w.text():
        if w.width() < w.sizeHint().width() - 1:
            return [f"{label}: {w.width()} wide < {w.sizeHint().width()} for its text"]
    elif isinstance(w, QLineEdit) and w.placeholderText() and not w.text():
        need = w.fontMetrics().horizontalAdvance(w.placeholderText()) + 8
        if need > w.width():
            return [f"{label}: hint {w.placeholderText()!r} needs {need}px, has {w.width()}"]
    elif isinstance(w, QComboBox) and not w.isEditable() and w.width() < w.sizeHint().width() - 1:
        return [f"{label}: {w.width()} wide < {w.sizeHint().width()} for its choices"]
    return []
