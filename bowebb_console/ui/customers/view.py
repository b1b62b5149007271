"""The Customers screen: one search field (Ctrl+K from anywhere), ranked results, the card.

Keyboard first: typing searches (debounced, on the worker pool; a newer query supersedes an
older one, so a slow stale result never repaints over a newer one), Up/Down move through the
results without leaving the field, Enter opens the card, Esc clears. With the field empty the
list shows the customers by name.

At start-up on the embedded database the screen is built before the database is open (without
a context): it shows the first page read by ``services.customer_list.first_page`` and takes
typing at once; :meth:`LookupView.attach` then hands it the context, runs what was typed (or
checks the first page against the normal path) and opens a card asked for meanwhile. This
module therefore imports ``services.customers`` (SQLAlchemy) only where it is used.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bowebb_console.services import customer_list
from bowebb_console.services.customer_list import FirstPage, ResultRow
from bowebb_console.ui.customers.card import CustomerCardView
from bowebb_console.ui.customers.errors import shown_text
from bowebb_console.ui.customers.results import ResultsModel, column_texts
from bowebb_console.ui.kit import icons
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.widgets import (
    count_label,
    error_label,
    fit_to_texts,
    read_only_table,
)

if TYPE_CHECKING:
    from bowebb_console.services.customers import ContactView, CustomerCard, CustomerView, Saved


def _service() -> Any:
    """``services.customers``, imported when first used (see the module's docstring)."""
    from bowebb_console.services import customers

    return customers


DEBOUNCE_MS = 150


class LookupView(QWidget):
    SEARCH_TAG = "lookup.search"
    CARD_TAG = "lookup.card"

    def __init__(
        self,
        ctx: AppContext | None,
        parent: QWidget | None = None,
        *,
        search_fn: Callable[..., Any] | None = None,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        """Without ``ctx`` (start-up, the database still opening) the screen shows what
        :meth:`show_first_page` gives it until :meth:`attach`."""
        super().__init__(parent)
        self._ctx = ctx
        self._search_fn = search_fn  # the service's lookup; tests hand in a slow one
        self.first_page: FirstPage | None = None  # shown before the database was open
        self._waiting_search = False  # typed before the database was open
        self._waiting_card: int | None = None  # Enter before the database was open
        self.loading = False
        self._in_flight = 0
        self._open_when_found = False  # Enter was pressed before the results came
        self.shown_query: str | None = None  # the query whose results are on screen
        self.dialog: QDialog | None = None
        self.total: int | None = None  # customers in the database (when the list is capped)
        self._card_contact: int | None = None  # the contact the opened card was found by
        self.card_sessions: Any = None  # the card's CardSessions (it follows session changes)
        self._next_sessions: Any = None  # another customer's, loading beside its card
        self._emitting = False

        self.search = QLineEdit()
        self.search.setObjectName("lookupSearch")
        self.search.setClearButtonEnabled(True)
        self.search_icon = self.search.addAction(
            icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search.setPlaceholderText(
            self.tr("Search org number, company, contact, e-mail or phone (Ctrl+K)")
        )
        self.search.setAccessibleName(self.tr("Find customer"))
        self.search.textEdited.connect(self._typed)
        self.search.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self.run_search)

        self.count_label = count_label()
        self.error_label = error_label()
        self.new_button = QPushButton(self.tr("New customer…"))
        self.trial_button = QPushButton(self.tr("Register trial…"))
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.export_button = QPushButton(self.tr("Export notice recipients…"))
        icons.give(self.export_button, "export")
        self.new_button.clicked.connect(self.new_customer)
        self.trial_button.clicked.connect(self.register_trial)
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(self.open_notice_export)

        self.model = ResultsModel(self)
        self.results = read_only_table(self.model)
        self.results.setObjectName("lookupResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(False)
        self.results.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.results.horizontalHeader()
        for column in (ResultsModel.COL_NAME, ResultsModel.COL_CONTACT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # The other columns hold a fixed-format number and a few words: sized from those
        # words, not by reading every row of every list shown (eight roles a cell, each
        # into Python: most of the first page's paint at start-up).
        for column, texts in column_texts().items():
            fit_to_texts(self.results, column, texts)
        # Enter on a row (or a double-click) opens the card; Tab leaves the table
        self.results.activated.connect(lambda index: self.open_row(index.row()))
        self.results.installEventFilter(self)

        self.card_view = CustomerCardView()
        self.card_view.edit_requested.connect(self.edit_customer)
        self.card_view.convert_requested.connect(self.convert_trial)
        self.card_view.add_contact_requested.connect(self.add_contact)
        self.card_view.edit_contact_requested.connect(self.edit_contact)
        self.card_view.restrict_requested.connect(lambda c: self._contact_right("restrict", c))
        self.card_view.objection_requested.connect(lambda c: self._contact_right("object", c))
        self.card_view.rectify_requested.connect(lambda c: self._contact_right("rectify", c))
        self.card_hint = QLabel(self.tr("Choose a customer and press Enter to open its card."))
        self.card_hint.setObjectName("placeholderText")
        self.card_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_hint.setWordWrap(True)
        self.card_stack = QStackedWidget()
        self.card_stack.addWidget(self.card_hint)
        self.card_stack.addWidget(self.card_view)

        self.find_action = QAction(self.tr("Find customer"), self)
        self.find_action.setShortcut(QKeySequence("Ctrl+K"))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)  # works alone; the main window adds it window-wide

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.trial_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.results)
        split.addWidget(self.card_stack)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(split, 1)
        self.setFocusProxy(self.search)
        self._set_tab_order()
        if ctx is not None:
            self._attached(ctx)
            self.run_search()
        else:
            self.loading = True  # until the first page or the database is there
            self.count_label.setText(self.tr("Searching…"))
            for button in self._database_buttons():
                button.setEnabled(False)

    @property
    def ctx(self) -> AppContext:
        assert self._ctx is not None, "the lookup screen has no database yet"
        return self._ctx

    def _database_buttons(self) -> tuple[QPushButton, ...]:
        return (self.new_button, self.trial_button, self.import_button, self.export_button)

    def _attached(self, ctx: AppContext) -> None:
        self._ctx = ctx
        if self._search_fn is None:
            self._search_fn = _service().lookup
        # A contact's rights (GDPR Art. 16, 18, 21) are an admin's.
        self.card_view.set_privacy_actions(ctx.identity.role == "admin")
        ctx.changes.customers_changed.connect(self._customers_changed)

    # -- start-up: shown before the database is open ----------------------------------------
    def show_first_page(self, page: FirstPage) -> None:
        """The first customers by name, read before the database was open (start-up)."""
        if self._ctx is not None or self.search.text():
            return  # the normal path is there already, or the user is searching
        self.first_page = page
        self.shown_query = ""
        self.loading = self._waiting_search = False
        self.model.set_rows(page.rows)
        if page.rows:
            self.results.selectRow(0)
        self.total = page.total
        self._show_count(len(page.rows), page.total)

    def attach(self, ctx: AppContext) -> None:
        """The database is open: what was typed meanwhile runs now (the text stays as it
        is); with nothing typed the first page shown is checked against the normal path
        and replaced only if it differs (the user's place in the list is kept otherwise)."""
        assert self._ctx is None, "attached twice"
        self._attached(ctx)
        for button in self._database_buttons():
            button.setEnabled(True)
        if self.first_page is None or self.search.text() or self._waiting_search:
            self.run_search()
        else:
            self.ctx.runner.start(
                self._search_fn,
                ctx.database,
                "",
                tag=self.SEARCH_TAG,
                on_result=self._checked_first_page,
                on_error=self._search_failed,
                owner=self,
            )
        if self._waiting_card is not None:
            customer_id, self._waiting_card = self._waiting_card, None
            self.open_card(customer_id)

    def _checked_first_page(self, result: tuple[str, list[ResultRow]]) -> None:
        query, rows = result
        if query == self.search.text() and rows != self.model.rows():
            self._found(result)

    def _set_tab_order(self, card_sessions: QWidget | None = None) -> None:
        """Natural order: search → results → the card (its "Start support session…" first,
        then its own widgets) → the screen's other buttons."""
        chain: list[QWidget] = [self.search, self.results]
        if card_sessions is not None:
            chain += [
                card_sessions.start_button,  # type: ignore[attr-defined]
                card_sessions.panel.table,  # type: ignore[attr-defined]
                card_sessions.panel.open_button,  # type: ignore[attr-defined]
            ]
        cv = self.card_view
        chain += [
            cv.edit_button,
            cv.convert_button,
            cv.contacts,
            *cv.privacy_buttons,
            cv.add_contact_button,
            cv.edit_contact_button,
            self.new_button,
            self.trial_button,
            self.import_button,
            self.export_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _customers_changed(self, customer_id: int) -> None:
        """A customer or contact was saved somewhere in this console: show it here too."""
        if self._emitting:
            return  # our own save: _refresh has done it
        self.run_search()
        card = self.current_card
        if card is not None and customer_id in (0, card.customer.id):
            self.open_card(card.customer.id)

    def window_actions(self) -> list[QAction]:
        """Actions the main window registers window-wide (Ctrl+K from any screen)."""
        return [self.find_action]

    # -- searching --------------------------------------------------------------------------
    def focus_search(self) -> None:
        parent = self.parentWidget()
        if isinstance(parent, QStackedWidget):
            parent.setCurrentWidget(self)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def loading_newer(self) -> bool:
        """A newer search is still to come (typed on, or running)."""
        return self.timer.isActive() or self._in_flight > 1

    def _typed(self, _text: str) -> None:
        self._open_when_found = False  # typing on cancels an early Enter
        self.loading = True
        self.timer.start()

    def run_search(self) -> None:
        self.timer.stop()
        self.loading = True
        self.count_label.setText(self.tr("Searching…"))
        if self._ctx is None:  # typed before the database was open: runs on attach
            self._waiting_search = True
            return
        self._in_flight += 1
        self.ctx.runner.start(
            self._search_fn,
            self.ctx.database,
            self.search.text(),
            tag=self.SEARCH_TAG,
            on_result=self._found,
            on_error=self._search_failed,
            on_finished=self._search_done,
        )

    def _found(self, result: tuple[str, list[ResultRow]]) -> None:
        query, rows = result
        if query != self.search.text():
            return  # typed on since: the newer query's results are on their way
        self.shown_query = query
        self.error_label.hide()
        self.model.set_rows(rows)
        if rows:
            self.results.selectRow(0)
        if self._open_when_found and not self.loading_newer():
            self._open_when_found = False
            self.open_row(0)
        if not query.strip():
            if len(rows) >= customer_list.BROWSE_LIMIT:  # capped: say how many there are
                self._count_total(len(rows))
            else:
                self.total = len(rows)
                self._show_count(len(rows), len(rows))
        elif rows:
            self.count_label.setText(self.tr("%Ln match(es)", "", len(rows)))
        else:
            self.count_label.setText(self.tr("No matches"))

    def _count_total(self, shown: int) -> None:
        self.count_label.setText(self.tr("%Ln customer(s)", "", shown))
        self.ctx.runner.start(
            _service().count_customers,
            self.ctx.database,
            tag="lookup.count",
            on_result=lambda total: self._counted(shown, total),
            on_error=lambda _exc: None,  # the plain count stays
            owner=self,
        )

    def _counted(self, shown: int, total: int) -> None:
        self.total = total
        if self.shown_query is not None and not self.shown_query.strip():
            self._show_count(shown, total)

    def _show_count(self, shown: int, total: int) -> None:
        """The browsing list's count: all of them, or "200 of 2,000 customers"."""
        if total > shown:
            locale = self.locale()
            self.count_label.setText(
                self.tr("%1 of %2 customers")
                .replace("%1", locale.toString(shown))
                .replace("%2", locale.toString(total))
            )
        else:
            self.count_label.setText(self.tr("%Ln customer(s)", "", shown))

    def _search_failed(self, exc: BaseException) -> None:
        self._open_when_found = False
        self.count_label.clear()
        self.error_label.setText(
            self.tr("The search failed: %1 Type again to retry.").replace("%1", shown_text(exc))
        )
        self.error_label.show()

    def _search_done(self) -> None:
        self._in_flight -= 1
        self.loading = self._in_flight > 0 or self.timer.isActive()

    def clear_search(self) -> None:
        self._open_when_found = False
        self.search.clear()
        self.run_search()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search:
                if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                    self._move(key)
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if self.loading:  # Enter before the results: open the top one then
                        self._open_when_found = True
                        if self.timer.isActive():
                            self.run_search()
                        return True
                    self.open_row(self._current_row())
                    return True
                if key == Qt.Key.Key_Escape and self.search.text():
                    self.clear_search()
                    return True
            elif watched is self.results and key == Qt.Key.Key_Escape:
                self.clear_search()
                self.search.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _current_row(self) -> int:
        index = self.results.currentIndex()
        return index.row() if index.isValid() else (0 if self.model.rowCount() else -1)

    def _move(self, key: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10}.get(
            Qt.Key(key), -10
        )
        row = min(count - 1, max(0, self._current_row() + step))
        self.results.selectRow(row)
        self.results.scrollTo(self.model.index(row, 0))

    # -- the card ---------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            found = self.model.row_at(row)
            self._card_contact = found.matched_contact_id
            self.open_card(found.customer_id)

    def open_card(self, customer_id: int) -> None:
        if self._ctx is None:  # Enter before the database was open: the card opens on attach
            self._waiting_card = customer_id
            return
        shown = self.card_sessions
        if shown is None or shown.customer_id != customer_id:
            # Another customer: its sessions load beside its card, not after it (one round
            # trip less before the card's list paints; issue 18, item 15).
            self._next_sessions = self._sessions_for(customer_id)
        self.ctx.runner.start(
            _service().load_customer_card,
            self.ctx.database,
            customer_id,
            tag=self.CARD_TAG,
            on_result=self._card_loaded,
            on_error=self._card_failed,
        )

    def show_record(self, customer_id: int) -> None:
        """The privacy dashboard opened this customer: its card."""
        self._card_contact = None
        self.open_card(customer_id)

    def _sessions_for(self, customer_id: int) -> Any:
        """A card's sessions list (CardSessions), its rows already loading."""
        from bowebb_console.ui.customers.card_sessions import CardSessions

        old = self._next_sessions
        if old is not None and old.customer_id == customer_id:
            return old
        if old is not None:
            old.deleteLater()
        return CardSessions(self.ctx, customer_id, contact_id=self._card_contact)

    def _card_loaded(self, card: CustomerCard | None) -> None:
        if card is None:
            self.card_hint.setText(self.tr("This customer no longer exists."))
            self.card_stack.setCurrentWidget(self.card_hint)
            return
        same = (
            self.card_view.card is not None and self.card_view.card.customer.id == card.customer.id
        )
        self.card_view.set_card(card)
        if (
            not same
            or self.card_sessions is None
            or (self.card_sessions.customer_id != card.customer.id)
        ):
            self.card_sessions = self._sessions_for(card.customer.id)
            self._next_sessions = None
            self.card_sessions.contact_id = self._card_contact
            self.card_view.set_sessions_widget(self.card_sessions)
            self._set_tab_order(self.card_sessions)
        else:
            self.card_sessions.contact_id = self._card_contact
        self.card_stack.setCurrentWidget(self.card_view)

    def _card_failed(self, exc: BaseException) -> None:
        self.card_hint.setText(
            self.tr("The customer card could not be loaded: %1 Press Enter to try again.").replace(
                "%1", shown_text(exc)
            )
        )
        self.card_stack.setCurrentWidget(self.card_hint)

    @property
    def current_card(self) -> CustomerCard | None:
        if self.card_stack.currentWidget() is self.card_view:
            return self.card_view.card
        return None

    def _refresh(self, customer_id: int | None = None) -> None:
        """After a save: the results and the open (or new) card show what is saved now, and
        every other screen hears of it."""
        self.run_search()
        if customer_id is not None:
            self.open_card(customer_id)
        self._emitting = True
        try:
            self.ctx.changes.customers_changed.emit(customer_id or 0)
        finally:
            self._emitting = False

    # -- dialogs ----------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        saved = getattr(dialog, "saved", None)
        if saved is not None:  # the card and the results then show what is saved now
            saved.connect(lambda view: self._refresh(getattr(view, "customer_id", view.id)))
        dialog.open()
        return dialog

    def new_customer(self) -> None:
        from bowebb_console.ui.customers.dialogs import CustomerDialog

        self._open(CustomerDialog(self.ctx, parent=self))

    def register_trial(self) -> None:
        from bowebb_console.ui.customers.dialogs import TrialDialog

        self._open(TrialDialog(self.ctx, parent=self))

    def edit_customer(self) -> None:
        from bowebb_console.ui.customers.dialogs import CustomerDialog

        if (card := self.current_card) is not None:
            self._open(CustomerDialog(self.ctx, card.customer, parent=self))

    def add_contact(self) -> None:
        from bowebb_console.ui.customers.dialogs import ContactDialog

        if (card := self.current_card) is not None:
            self._open(ContactDialog(self.ctx, card.customer.id, parent=self))

    def edit_contact(self, contact: ContactView) -> None:
        from bowebb_console.ui.customers.dialogs import ContactDialog

        self._open(ContactDialog(self.ctx, contact.customer_id, contact, parent=self))

    def _contact_right(self, which: str, contact: ContactView) -> None:
        from bowebb_console.ui.privacy import contact_dialogs as dialogs

        kinds = {
            "restrict": dialogs.RestrictionDialog,
            "object": dialogs.ObjectionDialog,
            "rectify": dialogs.RectifyDialog,
        }
        self._open(kinds[which](self.ctx, contact, parent=self))

    def convert_trial(self) -> None:
        card = self.current_card
        if card is None or card.customer.status != "trial":
            return
        loaded = card.customer
        self.ctx.prompts.confirm(
            self.tr("Convert to customer"),
            self.tr("Make the trial account %1 a customer from today?").replace("%1", loaded.name),
            lambda yes: self._convert(loaded) if yes else None,
            ok_text=self.tr("Convert"),
        )

    def _convert(self, loaded: CustomerView) -> None:
        self.ctx.runner.start(
            _service().convert_trial,
            self.ctx.database,
            loaded,
            on_result=lambda saved: self._converted(saved, loaded.id),
            on_error=self._convert_failed,
        )

    def _converted(self, saved: Saved[CustomerView], customer_id: int) -> None:
        if not saved.ok:
            self.ctx.prompts.show_error(
                self.tr("Not converted"),
                self.tr("The connection to the database was lost; the trial was not converted."),
            )
        self._refresh(customer_id)

    def _convert_failed(self, exc: BaseException) -> None:
        if isinstance(exc, _service().StaleEdit):
            text = self.tr(
                "Someone else changed this customer meanwhile, so nothing was converted. "
                "The card now shows what is saved; check it and try again."
            )
        else:
            text = self.tr("The trial could not be converted: %1").replace("%1", shown_text(exc))
        self.ctx.prompts.show_error(self.tr("Not converted"), text)
        card = self.current_card
        if card is not None:
            self.open_card(card.customer.id)

    def open_import(self) -> None:
        from bowebb_console.ui.customers.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, parent=self)
        dialog.imported.connect(lambda: self._refresh())
        self._open(dialog)

    def open_notice_export(self) -> None:
        from bowebb_console.ui.customers.notice_dialog import NoticeExportDialog

        self._open(NoticeExportDialog(self.ctx, parent=self))
