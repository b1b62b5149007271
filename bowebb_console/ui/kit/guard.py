"""Never lose typed input to Enter or Esc without asking (issue 18, item 4), for any dialog.

:class:`InputGuard` remembers what a dialog's fields hold (``mark``: when it opens, after a
load has filled them, after a save) and, when Esc, Cancel/Close or the window's close button
would throw a change away, asks first. :func:`primary_button` makes the one button a user
expects the dialog's default, so Enter never means Cancel or a destructive action, however
the focus travelled over the other buttons.

A dialog uses both like this::

    self.guard = InputGuard(self, ctx.prompts)
    primary_button(self, self.save_button)

    def reject(self) -> None:
        self.guard.reject(lambda: QDialog.reject(self))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from bowebb_console.ui.kit.prompts import Prompts

TITLE = QT_TRANSLATE_NOOP("InputGuard", "Discard your changes?")
TEXT = QT_TRANSLATE_NOOP("InputGuard", "Close without saving? What you typed here is not saved.")
DISCARD = QT_TRANSLATE_NOOP("InputGuard", "Discard")


def _tr(text: str) -> str:
    return QCoreApplication.translate("InputGuard", text)


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText() if widget.isEditable() else "")
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    return None


def _inputs(root: QWidget) -> list[QWidget]:
    kinds = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton)
    found: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds):
            continue
        if isinstance(widget, QAbstractButton) and not widget.isCheckable():
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QAbstractSpinBox):
            continue  # the spin box's own editor: the spin box counts
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
            continue
        found.append(widget)
    return found


class InputGuard(QObject):
    """Asks before a dialog closes over input that differs from what it was last ``mark``-ed
    with (first when the dialog is shown, so fields built or filled in ``__init__`` count as
    untouched). ``ignore`` lists fields whose text is no one's work to lose (a search field);
    ``extra`` gives what else the user built up (the rows picked into a list)."""

    def __init__(
        self,
        dialog: QDialog,
        prompts: Prompts,
        *,
        ignore: Iterable[QWidget] = (),
        extra: Callable[[], object] | None = None,
        title: str = "",
        text: str = "",
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.prompts = prompts
        self.ignore = {id(w) for w in ignore}
        self.extra = extra
        self.title = title
        self.text = text
        self.asking = False
        self._marked: dict[int, object] = {}
        self._shown = False
        self.mark()
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.dialog and event.type() == QEvent.Type.Show and not self._shown:
            self._shown = True
            self.mark()
        return False

    def _now(self) -> dict[int, object]:
        now = {id(w): _value(w) for w in _inputs(self.dialog) if id(w) not in self.ignore}
        if self.extra is not None:
            now[0] = self.extra()
        return now

    def mark(self) -> None:
        """What the fields hold now is what there is to lose nothing of (loaded or saved)."""
        self._marked = self._now()

    def changed(self) -> bool:
        now = self._now()
        return any(now[k] != self._marked.get(k, now[k]) for k in now)

    def reject(self, close: Callable[[], None]) -> None:
        """``close`` at once when nothing was typed; else ask, and keep everything on "no"."""
        if self.asking:
            return
        if not self.changed():
            close()
            return
        self.asking = True

        def answered(yes: bool) -> None:
            self.asking = False
            if yes:
                close()

        self.prompts.confirm(
            self.title or _tr(TITLE),
            self.text or _tr(TEXT),
            answered,
            ok_text=_tr(DISCARD),
        )


def primary_button(dialog: QDialog, button: QPushButton) -> None:
    """``button`` (already inside ``dialog``) is what Enter presses: no other push button may
    become the default when the focus passes over it."""
    for other in dialog.findChildren(QPushButton):
        if other is not button:
            other.setAutoDefault(False)
            other.setDefault(False)
    button.setAutoDefault(True)
    button.setDefault(True)


class _EnterRuns(QObject):
    def __init__(self, edit: QLineEdit, fn: Callable[[], None]) -> None:
        super().__init__(edit)
        self.fn = fn

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        enter = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in enter
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            self.fn()
            return True  # the dialog's default button is not pressed as well
        return False


def enter_runs(edit: QLineEdit, fn: Callable[[], None]) -> None:
    """Enter in ``edit`` runs ``fn`` (a search) and nothing else: a field's own Enter never
    also presses the dialog's default button."""
    edit.installEventFilter(_EnterRuns(edit, fn))
