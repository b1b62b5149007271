"""A panel that loads its data the first time it is shown, not when the window is built.

The main window builds every screen at start-up; loading all of them then would put every
query in front of the first paint. Subclasses implement ``reload()``, usually with
:meth:`LazyPanel.load`; ``loaded_once`` says whether the first load has been asked for and
``loading`` whether a load is under way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from bowebb_console.ui.kit.context import AppContext


class LazyPanel(QWidget):
    TAG = ""  # the task runner's tag of the panel's load: only the newest one reports
    loaded_once = False
    loading = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded_once:
            self.loaded_once = True
            self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def load(
        self,
        ctx: AppContext,
        fn: Callable[..., Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run ``fn(ctx.database)`` on the task runner; ``loading`` holds until it ends."""
        self.loading = True
        ctx.runner.start(
            fn,
            ctx.database,
            tag=self.TAG,
            owner=self,
            on_result=on_result,
            on_error=on_error,
            on_finished=self._load_finished,
        )

    def _load_finished(self) -> None:
        self.loading = False
