"""The screens of the main window, in navigation order: one factory per screen.

Each factory takes the context and returns (navigation label, widget). A feature replaces its
placeholder here with its own view, importing it inside the factory so that start-up only
pays for the screens it builds. The Review screen is offered to leads and admins only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from bowebb_console.ui.context import AppContext

Page = tuple[str, QWidget]


def customers_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.views.customers import CustomersView

    return QCoreApplication.translate("MainWindow", "Customers"), CustomersView(ctx)


def sessions_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.views.placeholder import PlaceholderView

    title = QCoreApplication.translate("MainWindow", "Sessions")
    text = QCoreApplication.translate(
        "MainWindow",
        "Here you will log remote-control sessions: first the customer's agreement "
        "(who agreed, how, when, scope and purpose), then the session itself with "
        "timer, notes and summary. Every step is written to the tamper-evident "
        "session log.",
    )
    return title, PlaceholderView(ctx, title, text)


def transfers_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.transfers.view import TransfersView

    return QCoreApplication.translate("MainWindow", "Transfers"), TransfersView(ctx)


def erasure_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.views.placeholder import PlaceholderView

    title = QCoreApplication.translate("MainWindow", "Erasure")
    text = QCoreApplication.translate(
        "MainWindow",
        "Here wizards will guide erasure: a customer thinning its own data, a "
        "person's erasure request (answered within one month), and the hard delete "
        "when a business relationship has ended. Each ends with a certificate of "
        "erasure that holds no personal data.",
    )
    return title, PlaceholderView(ctx, title, text)


def sub_processors_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.views.sub_processors import SubProcessorsView

    return QCoreApplication.translate("MainWindow", "Sub-processors"), SubProcessorsView(ctx)


def review_page(ctx: AppContext) -> Page:
    from bowebb_console.ui.views.placeholder import PlaceholderView

    title = QCoreApplication.translate("MainWindow", "Review")
    text = QCoreApplication.translate(
        "MainWindow",
        "Here team leads will review sessions by agent, customer, period and flag, "
        "mark them reviewed with a comment, verify the integrity of the session log "
        "and export it for a customer's audit.",
    )
    return title, PlaceholderView(ctx, title, text)


PAGE_FACTORIES: dict[str, Callable[[AppContext], Page]] = {
    "customers": customers_page,
    "sessions": sessions_page,
    "transfers": transfers_page,
    "erasure": erasure_page,
    "sub_processors": sub_processors_page,
    "review": review_page,
}
LEAD_ONLY = frozenset({"review"})
