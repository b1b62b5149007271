"""Questions and messages to the user behind a small interface.

Views ask ``ctx.prompts`` instead of calling ``QMessageBox`` directly, so tests hand in a
:class:`RecordingPrompts` and read what would have been shown. The Qt implementation never
blocks: boxes are opened window-modal with ``open()`` and answers come back by callback.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Prompts(Protocol):
    def confirm(
        self, title: str, text: str, on_answer: Callable[[bool], None], *, ok_text: str = ""
    ) -> None: ...

    def show_error(self, title: str, text: str, *, details: str = "") -> None: ...

    def show_info(self, title: str, text: str) -> None: ...

    def ask_path(
        self,
        title: str,
        on_path: Callable[[Path], None],
        *,
        save: bool,
        name_filter: str = "",
        suggested: str = "",
        folder: bool = False,
    ) -> None:
        """Ask for a file to save (``save=True``), an existing file to open or (``folder``)
        an existing folder; when opening, ``suggested`` is the folder to start in.
        ``on_path`` runs only when the user chose one."""
        ...

    def ask_paths(
        self, title: str, on_paths: Callable[[list[Path]], None], *, suggested: str = ""
    ) -> None:
        """Ask for one or more existing files (starting in the folder ``suggested``);
        ``on_paths`` runs only when the user chose some."""
        ...


class QtPrompts(QObject):
    """Non-blocking message boxes, parented to ``parent`` (usually the main window)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.file_dialog: QFileDialog | None = None  # the last one opened
        self._open: set[QMessageBox] = set()  # keeps parentless boxes alive until closed

    def set_parent_widget(self, parent: QWidget | None) -> None:
        self._parent = parent

    def _box(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self._parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextFormat(Qt.TextFormat.PlainText)
        self._open.add(box)
        box.finished.connect(lambda _r, b=box: self._open.discard(b))
        return box

    def confirm(
        self, title: str, text: str, on_answer: Callable[[bool], None], *, ok_text: str = ""
    ) -> None:
        box = self._box(QMessageBox.Icon.Question, title, text)
        ok = box.addButton(ok_text or self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.finished.connect(lambda _r: on_answer(box.clickedButton() is ok))
        box.open()

    def show_error(self, title: str, text: str, *, details: str = "") -> None:
        box = self._box(QMessageBox.Icon.Warning, title, text)
        box.addButton(QMessageBox.StandardButton.Close)
        if details:
            box.setDetailedText(details)
        box.open()

    def show_info(self, title: str, text: str) -> None:
        box = self._box(QMessageBox.Icon.Information, title, text)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.open()

    def ask_path(
        self,
        title: str,
        on_path: Callable[[Path], None],
        *,
        save: bool,
        name_filter: str = "",
        suggested: str = "",
        folder: bool = False,
    ) -> None:
        dialog = self._file_dialog(title)
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            if suggested:
                dialog.selectFile(suggested)
        else:
            mode = QFileDialog.FileMode.Directory if folder else QFileDialog.FileMode.ExistingFile
            dialog.setFileMode(mode)
            if suggested:
                dialog.setDirectory(suggested)
        if name_filter:
            dialog.setNameFilter(name_filter)
        dialog.fileSelected.connect(lambda path: on_path(Path(path)))
        dialog.open()

    def ask_paths(
        self, title: str, on_paths: Callable[[list[Path]], None], *, suggested: str = ""
    ) -> None:
        dialog = self._file_dialog(title)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        if suggested:
            dialog.setDirectory(suggested)
        dialog.filesSelected.connect(lambda paths: paths and on_paths([Path(p) for p in paths]))
        dialog.open()

    def _file_dialog(self, title: str) -> QFileDialog:
        dialog = QFileDialog(self._parent, title)
        # Qt's own dialog: the same on every platform, and window-modal without blocking.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.file_dialog = dialog  # tests drive it: selectFile(...) then accept()
        return dialog


@dataclass(frozen=True)
class Shown:
    kind: str  # "confirm" | "error" | "info" | "path"
    title: str
    text: str
    details: str = ""


class RecordingPrompts:
    """A fake for tests: records prompts; ``confirm`` answers from ``answers`` (default yes),
    ``ask_path`` from ``paths`` (none left: the user cancelled)."""

    def __init__(self, answers: list[bool] | None = None, paths: list[Path] | None = None) -> None:
        self.shown: list[Shown] = []
        self.answers: deque[bool] = deque(answers or [])
        self.paths: deque[Path] = deque(paths or [])

    def confirm(
        self, title: str, text: str, on_answer: Callable[[bool], None], *, ok_text: str = ""
    ) -> None:
        self.shown.append(Shown("confirm", title, text))
        on_answer(self.answers.popleft() if self.answers else True)

    def show_error(self, title: str, text: str, *, details: str = "") -> None:
        self.shown.append(Shown("error", title, text, details))

    def show_info(self, title: str, text: str) -> None:
        self.shown.append(Shown("info", title, text))

    def ask_path(
        self,
        title: str,
        on_path: Callable[[Path], None],
        *,
        save: bool,
        name_filter: str = "",
        suggested: str = "",
        folder: bool = False,
    ) -> None:
        self.shown.append(Shown("path", title, suggested))
        if self.paths:
            on_path(self.paths.popleft())

    def ask_paths(
        self, title: str, on_paths: Callable[[list[Path]], None], *, suggested: str = ""
    ) -> None:
        """Answers with all ``paths`` left (none: the user cancelled)."""
        self.shown.append(Shown("path", title, suggested))
        chosen, self.paths = list(self.paths), deque()
        if chosen:
            on_paths(chosen)

    def texts(self, kind: str | None = None) -> list[str]:
        return [s.text for s in self.shown if kind is None or s.kind == kind]
