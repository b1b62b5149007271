"""The main window: navigation, one page per screen, status bar, menus and the idle lock."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.config import Paths, Settings
from bowebb_console.ui.i18n import role_text
from bowebb_console.ui.kit import icons
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.screen import Page, Screen
from bowebb_console.ui.lock import IdleWatcher, LockPage
from bowebb_console.ui.pages import (
    ADMIN_ONLY,
    LEAD_ONLY,
    PAGE_FACTORIES,
    customers_page,
    page_label,
)

if TYPE_CHECKING:
    from bowebb_console.services.customer_list import FirstPage
    from bowebb_console.ui.customers.view import LookupView
    from bowebb_console.ui.settings_dialog import SettingsDialog


class OpeningPage(QWidget):
    """Shown while the embedded database opens (or why it did not)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.label = QLabel(text)
        self.label.setObjectName("placeholderText")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(320)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def fail(self, text: str) -> None:
        self.bar.hide()
        self.label.setObjectName("errorText")
        self.label.setText(text)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)


NAV_KEYS = tuple(PAGE_FACTORIES)
KEY_ROLE = Qt.ItemDataRole.UserRole


class _Built(dict):  # type: ignore[type-arg]
    """The window's screens by key; a screen not built yet is built when first asked for."""

    def __init__(self, build: Callable[[str], None]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> object:
        self._build(key)
        return dict.__getitem__(self, key)


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext | None = None,
        *,
        paths: Paths | None = None,
        idle_lock_ms: int | None = None,
        verify_password: Callable[[str, str, str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """With a ``ctx`` the window is complete at once. Without one (the embedded database
        is still opening) it paints its frame with an "Opening database…" page first, and
        :meth:`attach` fills it in: the window appears without waiting on the database."""
        super().__init__(parent)
        assert ctx is not None or paths is not None, "need the context, or at least the paths"
        self.ctx: AppContext | None = None
        self.paths: Paths = ctx.paths if ctx is not None else paths  # type: ignore[assignment]
        self._idle_override = idle_lock_ms
        self._verify = verify_password
        self._focus_before_lock: QWidget | None = None
        self.setWindowTitle(self.tr("BoWebb Console"))
        self.setMinimumSize(QSize(900, 560))

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Screens"))
        self.nav.setAccessibleDescription(self.tr("Ctrl+1 to Ctrl+9 open a screen directly."))
        self.nav.setFixedWidth(200)
        self.pages = QStackedWidget()
        self.pages.setAccessibleName(self.tr("Current screen"))
        self.views: dict[str, QWidget] = _Built(self._build_page)
        self.screens: dict[str, Screen] = _Built(self._build_page)
        self._holders: dict[str, QWidget] = {}  # stand-ins for screens not built yet
        self.early_lookup: LookupView | None = None  # shown before the database was open
        self._unshown_lookup: LookupView | None = None  # built, its first page being read
        self._building = False
        self._first_shown = False
        self._first_painted = False
        self._closing = False
        self.opening_page = OpeningPage(self.tr("Opening database…"))
        self.pages.addWidget(self.opening_page)
        self.workspace = QWidget()
        row = QHBoxLayout(self.workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.central = QStackedWidget()
        self.central.addWidget(self.workspace)
        self.setCentralWidget(self.central)
        self.lock_page: LockPage | None = None
        self.page_actions: list[QAction] = []
        self.screen_actions: dict[str, QAction] = {}

        self.identity_label = QLabel(self.tr("Opening database…"))
        self.identity_label.setObjectName("identityLabel")
        self.identity_label.setAccessibleName(self.tr("Signed-in user and database"))
        self.statusBar().addPermanentWidget(self.identity_label)
        self._make_menus()
        self.idle: IdleWatcher | None = None
        self._restore_geometry()
        if ctx is not None:
            self.attach(ctx, lazy=False)

    def attach(self, ctx: AppContext, *, lazy: bool = True) -> None:
        """The database is open: build the screens for this identity and start the idle lock.

        ``lazy`` (start-up): only the first screen now, the others one at a time once its
        data has painted, or at once when one is asked for. Otherwise all of them now."""
        self.ctx = ctx
        self.setWindowTitle(self.tr("BoWebb Console — %1").replace("%1", ctx.database.display))
        keys = [
            k
            for k in NAV_KEYS
            if (k not in LEAD_ONLY or ctx.is_lead)
            and (k not in ADMIN_ONLY or ctx.identity.role == "admin")
        ]
        # the database refuses Review and Breaches to agents too; the UI just does not offer them
        for key in keys:
            label = page_label(key)
            item = QListWidgetItem(icons.icon(key), label)
            item.setData(KEY_ROLE, key)
            self.nav.addItem(item)
            if key == "customers" and self.early_lookup is not None:
                # The early lookup screen stands in for itself, where it is (the first
                # screen, right after the opening page): the text typed and the focus stay.
                holder = self.early_lookup
                if self.pages.indexOf(holder) != self.pages.count() - 1:
                    self.pages.removeWidget(holder)
                    self.pages.addWidget(holder)
            else:
                holder = QWidget()
                holder.setAccessibleName(label)
                self.pages.addWidget(holder)
            self._holders[key] = holder
            self._add_screen_action(key, label)
        self._fit_nav()
        # Only the first screen now: the others are built one at a time once the customer
        # list has painted (or at once when asked for), so the data shows without waiting on
        # six screens' imports and widgets (issue 18, item 12; docs/performance.md).
        for key in keys if not lazy else keys[:1]:
            self._build_page(key)
        self.pages.removeWidget(self.opening_page)
        self.opening_page.deleteLater()
        self.nav.currentRowChanged.connect(self._show_row)
        self.pages.currentChanged.connect(self._page_changed)  # a screen shown by shortcut
        ctx.changes.show_requested.connect(self.open_place)
        self.nav.setCurrentRow(0)
        self.pages.setCurrentWidget(self.views[keys[0]])
        if lazy:
            QTimer.singleShot(0, self._build_pending)
        self.lock_page = LockPage(ctx, self._verify)
        self.lock_page.unlocked.connect(self.unlock)
        self.central.addWidget(self.lock_page)
        self.identity_label.setText(self.identity_text())
        # The menus' icons once the database is open (the bundled SVGs render then, not before
        # the first paint).
        for action, key in (
            (self.settings_action, "settings"),
            (self.lock_action, "lock"),
            (self.quit_action, "quit"),
            (self.refresh_action, "refresh"),
            (self.about_action, "about"),
        ):
            icons.give(action, key)
        for action in (
            self.settings_action,
            self.lock_action,
            self.refresh_action,
            self.lifecycle_action,
        ):
            action.setEnabled(True)
        # Issue 13: a lead or admin sees who holds a lock others wait for, and ends it.
        self.blockers_action.setVisible(ctx.is_lead and not ctx.is_sqlite)
        self.blockers_action.setEnabled(ctx.is_lead and not ctx.is_sqlite)
        self.idle = IdleWatcher(self._idle_ms(ctx.settings), self)
        self.idle.idle.connect(self.lock)
        self.idle.start()
        # Start where an agent types: the first screen's own field (the customer search), not
        # the navigation list, where typing would jump between screens. (Not when the focus
        # is in that screen already: the early lookup screen had it.)
        first = self.pages.currentWidget()
        focused = QApplication.focusWidget()
        if first is not None and not (focused is not None and first.isAncestorOf(focused)):
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def prepare_first_page(self) -> None:
        """Build the lookup screen for :meth:`show_first_page` (while the page is read)."""
        if self.ctx is not None or self._unshown_lookup is not None:
            return
        from bowebb_console.ui.customers.view import LookupView

        self._unshown_lookup = LookupView(None)

    def drop_first_page(self) -> None:
        """No first page to show after all: the lookup screen comes with the database."""
        if self._unshown_lookup is not None:
            self._unshown_lookup.deleteLater()
            self._unshown_lookup = None

    def show_first_page(self, page: FirstPage) -> None:
        """Start-up, the embedded database still opening: the lookup screen with the first
        customers (read without SQLAlchemy), taking typing at once; :meth:`attach` hands it
        the database (``LookupView.attach``)."""
        if self.ctx is not None or self.early_lookup is not None:
            self.drop_first_page()
            return
        self.prepare_first_page()
        view, self._unshown_lookup = self._unshown_lookup, None
        assert view is not None
        view.show_first_page(page)
        self.early_lookup = view
        self.pages.addWidget(view)
        self.pages.setCurrentWidget(view)
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def customers_listed(self) -> bool:
        """The customer list shows its rows (the smoke test's "with its data")."""
        view = dict.get(self.views, "customers") or self.early_lookup
        if view is None:
            return self.ctx is not None and "customers" not in self._holders
        return getattr(view, "shown_query", None) is not None and not getattr(
            view, "loading", False
        )

    def show_failure(self, text: str) -> None:
        """Opening failed: say why, and leave Settings (to fix the URL) and Quit usable."""
        self.opening_page.fail(text)
        if self.ctx is None:  # the early lookup screen (if any) gives way to the reason
            self.pages.setCurrentWidget(self.opening_page)
        self.identity_label.setText(self.tr("Not connected"))
        self.settings_action.setEnabled(True)

    # -- building ---------------------------------------------------------------------------
    def _make_page(self, key: str) -> Page:
        ctx = self.ctx
        assert ctx is not None
        if key == "customers" and self.early_lookup is not None:
            return customers_page(ctx, self.early_lookup)
        return PAGE_FACTORIES[key](ctx)

    def _fit_nav(self) -> None:
        """At least as wide as its longest label with its icon (larger system fonts, longer
        translations): no label cut off, no horizontal scrolling."""
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        needed = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth()
        self.nav.setFixedWidth(max(200, needed))

    def _build_page(self, key: str) -> None:
        holder = self._holders.pop(key, None)
        if holder is None:
            raise KeyError(key)
        page = self._make_page(key)
        if page.widget is not holder:  # else the early lookup screen, in place already
            self._building = True
            try:
                self.pages.insertWidget(self.pages.indexOf(holder), page.widget)
                self.pages.removeWidget(holder)
            finally:
                self._building = False
            holder.deleteLater()
        dict.__setitem__(self.views, key, page.widget)
        dict.__setitem__(self.screens, key, page.screen)
        if not page.widget.accessibleName():
            page.widget.setAccessibleName(page.label)
        # A screen's window-wide shortcuts (e.g. Ctrl+K, find a customer) work from any
        # screen; the screen's own handler brings it to the front.
        for action in page.screen.window_actions():
            action.setEnabled(not self.locked)
            self.addAction(action)
            self.page_actions.append(action)

    def _build_pending(self) -> None:
        """Build the next screen not built yet, once the first screen's data has painted."""
        if not self._holders or self.ctx is None or self._closing:
            return
        first = dict.get(self.views, NAV_KEYS[0])
        if not self._first_painted:
            if first is not None and getattr(first, "loading", False):
                QTimer.singleShot(50, self._build_pending)
            elif not self._first_shown:  # its rows are in: wait for them to paint
                self._first_shown = True
                app = QApplication.instance()
                if app is not None:
                    app.installEventFilter(self)
                QTimer.singleShot(1000, self._painted_first)  # a hidden window never paints
            return
        self._build_page(next(iter(self._holders)))
        QTimer.singleShot(0, self._build_pending)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and not self._first_painted
            and isinstance(watched, QWidget)
            and watched.window() is self
        ):
            QTimer.singleShot(0, self._painted_first)
        return super().eventFilter(watched, event)

    def _painted_first(self) -> None:
        if self._first_painted:
            return
        self._first_painted = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._build_pending()

    def _show_row(self, row: int) -> None:
        item = self.nav.item(row)
        if item is None:
            return
        widget = self.views[str(item.data(KEY_ROLE))]  # built now if it was not yet
        self.pages.setCurrentWidget(widget)

    def _page_changed(self, index: int) -> None:
        if not self._building:
            self.nav.setCurrentRow(index)

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        # The platform's Preferences key is empty on Linux and Windows: Ctrl+, everywhere.
        self.settings_action.setShortcuts(
            [
                QKeySequence("Ctrl+,"),
                *QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences),
            ]
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        for action in (self.settings_action, self.lock_action):
            action.setEnabled(False)  # until the database is open
        self.lifecycle_action = QAction(self.tr("&Lifecycle (grace and trial periods)…"), self)
        self.lifecycle_action.setEnabled(False)  # until the database is open
        self.lifecycle_action.triggered.connect(self.open_lifecycle)
        self.blockers_action = QAction(self.tr("Sessions &blocking others…"), self)
        self.blockers_action.setVisible(False)  # leads and admins on PostgreSQL (attach)
        self.blockers_action.triggered.connect(self.open_blockers)
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.lifecycle_action)
        file_menu.addAction(self.blockers_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcuts(QKeySequence.StandardKey.Refresh)  # F5
        self.refresh_action.setEnabled(False)
        self.refresh_action.triggered.connect(self.refresh_current)
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addSeparator()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About BoWebb Console"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)
        help_menu.addAction(self.about_action)

    def _add_screen_action(self, key: str, label: str) -> None:
        """View menu entry with Ctrl+<n> (n = place in the navigation) that shows the screen."""
        number = self.nav.count()
        action = QAction(icons.icon(key), label, self)
        action.setObjectName(f"show_{key}")
        if number <= 9:
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda: self.show_page(key))
        self.view_menu.addAction(action)
        self.addAction(action)
        self.page_actions.append(action)  # disabled while locked, like the screens' own
        self.screen_actions[key] = action

    def identity_text(self) -> str:
        assert self.ctx is not None
        ident = self.ctx.identity
        return (
            self.tr("Signed in as %1 · role: %2 · database: %3")
            .replace("%1", ident.user)
            .replace("%2", role_text(ident.role))
            .replace("%3", self.ctx.database.display)
        )

    # -- navigation -------------------------------------------------------------------------
    def nav_item(self, key: str) -> QListWidgetItem | None:
        for i in range(self.nav.count()):
            if self.nav.item(i).data(KEY_ROLE) == key:
                return self.nav.item(i)
        return None

    def current_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(KEY_ROLE)) if item else ""

    def show_page(self, key: str) -> None:
        item = self.nav_item(key)
        if item is not None:
            self.nav.setCurrentItem(item)
            self.pages.currentWidget().setFocus()

    def open_place(self, key: str, record: int = 0) -> None:
        """Show a screen at one record (the privacy dashboard's lines): the screen selects it
        when it has ``show_record``; "lifecycle" opens that dialog."""
        if key == "lifecycle":
            self.open_lifecycle()
            return
        if self.nav_item(key) is None:
            return
        self.show_page(key)
        view = self.views.get(key)
        show_record = getattr(view, "show_record", None)
        if record and callable(show_record):
            show_record(record)

    def refresh_current(self) -> None:
        """F5: what the current screen declared (see ``ui/pages.py``)."""
        key = self.current_key()
        screen = self.screens[key] if key in self.screens or key in self._holders else None
        if screen is not None:
            screen.refresh()

    def show_message(self, text: str, timeout_ms: int = 10_000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    # -- dialogs ----------------------------------------------------------------------------
    def open_settings(self) -> None:
        from bowebb_console.config import load_settings
        from bowebb_console.ui.settings_dialog import SettingsDialog

        settings = self.ctx.settings if self.ctx is not None else load_settings(self.paths)
        dialog = SettingsDialog(self.paths, settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda new: self._settings_saved(dialog, new))
        self.settings_dialog = dialog
        dialog.open()

    def _settings_saved(self, dialog: SettingsDialog, new: Settings) -> None:
        if self.ctx is None:  # not connected: the new settings count from the next start
            self.statusBar().showMessage(self.tr("Settings saved. Restart BoWebb Console."))
            return
        self.ctx.settings = new
        if self.idle is not None:
            self.idle.set_timeout(self._idle_ms(new))
            if self.idle.active:
                self.idle.resume()
        if dialog.restart_needed:
            self.ctx.prompts.show_info(
                self.tr("Settings saved"),
                self.tr(
                    "The new database or language takes effect when you restart BoWebb Console."
                ),
            )
        else:
            self.show_message(self.tr("Settings saved."))

    def open_lifecycle(self) -> None:
        """The database's lifecycle periods: everyone sees them, admins change them."""
        if self.ctx is None:
            return
        from bowebb_console.ui.lifecycle import LifecycleDialog

        dialog = LifecycleDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.show_message(self.tr("Lifecycle settings saved.")))
        self.lifecycle_dialog = dialog
        dialog.open()

    def open_blockers(self) -> None:
        if self.ctx is None:
            return
        from bowebb_console.ui.kit.blockers import BlockersDialog

        dialog = BlockersDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_about(self) -> None:
        from bowebb_console.ui.about import AboutDialog

        # The record of processing is the database's; About reads it (with the lifecycle
        # values) when the database is open.
        dialog = AboutDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog = dialog
        dialog.open()

    # -- idle lock --------------------------------------------------------------------------
    def _idle_ms(self, settings: Settings) -> int:
        if self._idle_override is not None:
            return self._idle_override
        return settings.idle_lock_minutes * 60_000

    @property
    def locked(self) -> bool:
        return self.central.currentWidget() is self.lock_page

    def lock(self) -> None:
        if self.locked or self.lock_page is None or self.idle is None:
            return
        focused = QApplication.focusWidget()
        self._focus_before_lock = focused if focused and self.isAncestorOf(focused) else None
        self.idle.pause()
        for action in (
            self.settings_action,
            self.lock_action,
            self.refresh_action,
            self.lifecycle_action,
            *self.page_actions,
        ):
            action.setEnabled(False)
        self.central.setCurrentWidget(self.lock_page)
        self.lock_page.reset()

    def unlock(self) -> None:
        assert self.idle is not None
        self.central.setCurrentWidget(self.workspace)
        for action in (
            self.settings_action,
            self.lock_action,
            self.refresh_action,
            self.lifecycle_action,
            *self.page_actions,
        ):
            action.setEnabled(True)
        if self._focus_before_lock is not None:
            self._focus_before_lock.setFocus()
        self._focus_before_lock = None
        self.idle.resume()

    # -- geometry ---------------------------------------------------------------------------
    def _qsettings(self) -> QSettings:
        return QSettings(str(self.paths.config_dir / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        geometry = self._qsettings().value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True  # the screens not built yet stay unbuilt
        if self.idle is not None:
            self.idle.stop()
        with contextlib.suppress(OSError):
            self._qsettings().setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)
