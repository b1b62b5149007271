"""The idle lock: after ``settings.idle_lock_minutes`` without input the central area is
swapped for a lock page that asks for the password again.

The content stays in its stacked page, hidden but untouched, so nothing typed is lost; the
focused widget gets focus back on unlock. PostgreSQL: the password is checked against the
server on a worker (``verify_password``). SQLite: the embedded database is single-user and has
no server password — the operating system's own session (screen lock, login) is the access
control there, so the lock only hides the screen and an "Unlock" click brings it back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.domain.errors import ShownError
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.shell_errors import connect_error_text

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Application-wide event filter: ``idle`` fires after ``timeout_ms`` without input."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_timeout(timeout_ms)

    def set_timeout(self, timeout_ms: int) -> None:
        self._timer.setInterval(max(1, timeout_ms))

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def pause(self) -> None:
        self._timer.stop()

    def resume(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self._timer.isActive():
            self._timer.start()  # restart the countdown
        return False


class LockPage(QWidget):
    """What the locked window shows. ``unlocked`` fires once the user has proved who they are."""

    unlocked = Signal()

    def __init__(
        self,
        ctx: AppContext,
        verify: Callable[[str, str, str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockPage")
        self.ctx = ctx
        self._verify = verify
        self.busy = False
        card = QFrame()
        card.setObjectName("lockCard")
        card.setFixedWidth(460)
        title = QLabel(self.tr("The console is locked"))
        title.setObjectName("pageTitle")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.try_unlock)
        self.message = QLabel()
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        self.message.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)

        form = QFormLayout()
        if ctx.is_sqlite:
            self.explain.setText(
                self.tr(
                    "The console was locked after a while without use. Your work is kept. "
                    "Click Unlock to continue."
                )
            )
            self.password.hide()
        else:
            self.explain.setText(
                self.tr(
                    "The console was locked after a while without use. Your work is kept. "
                    "Enter the password for %1 to continue."
                ).replace("%1", ctx.identity.user)
            )
            form.addRow(self.tr("Password:"), self.password)
        inner = QVBoxLayout(card)
        inner.addWidget(title)
        inner.addWidget(self.explain)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def reset(self) -> None:
        self.password.clear()
        self.message.hide()
        self.unlock_button.setEnabled(True)
        (self.unlock_button if self.ctx.is_sqlite else self.password).setFocus()

    def try_unlock(self) -> None:
        if self.busy:
            return
        if self.ctx.is_sqlite:
            self.unlocked.emit()
            return
        secret = self.password.text()
        if not secret:
            self._show(self.tr("Enter your password."))
            return
        self.busy = True
        self.unlock_button.setEnabled(False)
        self.ctx.runner.start(
            self._verify_fn(),
            self.ctx.database_url,
            self.ctx.identity.user,
            secret,
            tag="lock.verify",
            on_result=lambda _none: self.unlocked.emit(),
            on_error=self._failed,
            on_finished=self._finished,
        )

    def _verify_fn(self) -> Callable[[str, str, str], None]:
        if self._verify is not None:
            return self._verify
        from bowebb_console.services.admin import verify_password

        return verify_password

    def _failed(self, exc: BaseException) -> None:
        self._show(connect_error_text(exc))
        self.password.selectAll()
        self.password.setFocus()
        if not isinstance(exc, ShownError):
            raise exc  # a bug, not a wrong password: the crash dialog and the log get it

    def _finished(self) -> None:
        self.busy = False
        self.unlock_button.setEnabled(True)

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
