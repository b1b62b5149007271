"""Non-blocking file choosers (``open()``, never ``exec()``): the answer comes by callback.

Qt's own dialog (not the platform's) so it behaves the same everywhere and tests can fill
it in like a user."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_path(
    parent: QWidget,
    title: str,
    name_filter: str,
    on_path: Callable[[str], None],
    *,
    save_as: str = "",
) -> QFileDialog:
    dialog = QFileDialog(parent, title)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setNameFilter(name_filter)
    if save_as:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(save_as)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)

    def chosen(path: str) -> None:
        dialog.deleteLater()
        if path:
            on_path(path)

    dialog.fileSelected.connect(chosen)
    dialog.rejected.connect(dialog.deleteLater)
    dialog.open()
    return dialog
