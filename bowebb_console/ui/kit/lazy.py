"""A panel that loads its data the first time it is shown, not when the window is built.

The main window builds every screen at start-up; loading all of them then would put every
query in front of the first paint. Subclasses implement ``reload()``; ``loaded_once`` says
whether the first load has been asked for.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class LazyPanel(QWidget):
    loaded_once = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded_once:
            self.loaded_once = True
            self.reload()

    def reload(self) -> None:
        raise NotImplementedError
