"""The screens of the main window, in navigation order: one factory per screen.

Each factory takes the context and returns (navigation label, widget). A feature replaces its
placeholder here with its own view, importing it inside the factory so that start-up only
pays for the screens it builds. The Review screen is offered to leads and admins only.

The main window gives every screen Ctrl+<its place in the navigation> and F5: F5 calls the
view's ``refresh()`` (no arguments) if it has one, else clicks its visible ``refresh_button``
(or ``frame.refresh_button``). A view's ``window_actions()`` are registered window-wide.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from bowebb_console.ui.kit.context import AppContext

Page = tuple[str, QWidget]


def customers_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.customers.view import LookupView

    return QCoreApplication.translate("MainWindow", "Customers"), LookupView(ctx)


def sessions_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.sessions.view import SessionsView

    return QCoreApplication.translate("MainWindow", "Sessions"), SessionsView(ctx)


def transfers_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.transfers.view import TransfersView

    return QCoreApplication.translate("MainWindow", "Transfers"), TransfersView(ctx)


def erasure_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.erasure.view import ErasureView

    return QCoreApplication.translate("MainWindow", "Erasure"), ErasureView(ctx)


def sub_processors_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.subprocessors.view import SubProcessorsView

    return QCoreApplication.translate("MainWindow", "Sub-processors"), SubProcessorsView(ctx)


def review_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.review.view import ReviewView

    return QCoreApplication.translate("MainWindow", "Review"), ReviewView(ctx)


PAGE_FACTORIES: dict[str, Callable[[AppContext], Page]] = {
    "customers": customers_page,
    "sessions": sessions_page,
    "transfers": transfers_page,
    "erasure": erasure_page,
    "sub_processors": sub_processors_page,
    "review": review_page,
}
LEAD_ONLY = frozenset({"review"})
