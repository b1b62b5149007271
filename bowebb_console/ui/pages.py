"""The screens of the main window, in navigation order: one factory per screen.

Each factory takes the context and returns a :class:`~bowebb_console.ui.kit.screen.Page`: the
navigation label, the widget, and what the screen offers the window (F5, window-wide
shortcuts), declared here explicitly. Views are imported inside the factory so that start-up
only pays for the screens it builds. The Review and Breaches screens are offered to leads
and admins only, the Privacy screen (the privacy officer's dashboard) to admins only.
The main window gives every screen Ctrl+<its place in the navigation>.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QWidget

from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.screen import Offers, Page, click_if_usable


def _refreshed(label: str, view: QWidget, refresh: QAbstractButton) -> Page:
    """A screen whose F5 presses its own Refresh button."""
    return Page(label, view, Offers(click_if_usable(refresh)))


def customers_page(ctx: AppContext, early: QWidget | None = None) -> Page:
    """``early``: the lookup screen built at start-up before the database was open (it
    showed the first page read without SQLAlchemy); it gets the context now."""
    from bowebb_console.ui.customers.view import LookupView

    if isinstance(early, LookupView):
        view = early
        view.attach(ctx)
    else:
        view = LookupView(ctx)
    # It searches as you type: F5 has nothing to reload.
    return Page(
        QCoreApplication.translate("MainWindow", "Customers"),
        view,
        Offers(actions=view.window_actions()),
    )


def sessions_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.sessions.view import SessionsView

    view = SessionsView(ctx)
    return _refreshed(
        QCoreApplication.translate("MainWindow", "Sessions"), view, view.refresh_button
    )


def transfers_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.transfers.view import TransfersView

    return Page(QCoreApplication.translate("MainWindow", "Transfers"), TransfersView(ctx), Offers())


def erasure_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.erasure.view import ErasureView

    view = ErasureView(ctx)
    label = QCoreApplication.translate("MainWindow", "Erasure")
    return _refreshed(label, view, view.request_frame.refresh_button)


def sub_processors_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.subprocessors.view import SubProcessorsView

    view = SubProcessorsView(ctx)
    label = QCoreApplication.translate("MainWindow", "Sub-processors")
    return _refreshed(label, view, view.frame.refresh_button)


def review_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.review.view import ReviewView

    view = ReviewView(ctx)
    return _refreshed(QCoreApplication.translate("MainWindow", "Review"), view, view.refresh_button)


def breaches_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.breaches.view import BreachesView

    view = BreachesView(ctx)
    label = QCoreApplication.translate("MainWindow", "Breaches")
    return _refreshed(label, view, view.frame.refresh_button)


def privacy_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.privacy.view import PrivacyView

    view = PrivacyView(ctx)
    label = QCoreApplication.translate("MainWindow", "Privacy")
    return _refreshed(label, view, view.frame.refresh_button)


PAGE_FACTORIES: dict[str, Callable[[AppContext], Page]] = {
    "customers": customers_page,
    "sessions": sessions_page,
    "transfers": transfers_page,
    "erasure": erasure_page,
    "sub_processors": sub_processors_page,
    "review": review_page,
    "breaches": breaches_page,
    "privacy": privacy_page,
}
LEAD_ONLY = frozenset({"review", "breaches"})

# The navigation labels, known before a screen is built (the window builds the first screen at
# once and the others after the customer list has painted, or when one is asked for first).
PAGE_LABELS: dict[str, str] = {
    "customers": QT_TRANSLATE_NOOP("MainWindow", "Customers"),
    "sessions": QT_TRANSLATE_NOOP("MainWindow", "Sessions"),
    "transfers": QT_TRANSLATE_NOOP("MainWindow", "Transfers"),
    "erasure": QT_TRANSLATE_NOOP("MainWindow", "Erasure"),
    "sub_processors": QT_TRANSLATE_NOOP("MainWindow", "Sub-processors"),
    "review": QT_TRANSLATE_NOOP("MainWindow", "Review"),
    "breaches": QT_TRANSLATE_NOOP("MainWindow", "Breaches"),
    "privacy": QT_TRANSLATE_NOOP("MainWindow", "Privacy"),
}
ADMIN_ONLY = frozenset({"privacy"})


def page_label(key: str) -> str:
    return QCoreApplication.translate("MainWindow", PAGE_LABELS[key])
