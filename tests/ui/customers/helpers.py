"""Shared steps for the lookup screen's tests."""

from __future__ import annotations

from bowebb_console.ui.customers.view import LookupView


def open_view(qtbot, ctx, **kwargs) -> LookupView:  # type: ignore[no-untyped-def]
    view = LookupView(ctx, **kwargs)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.loading)
    return view


def type_query(qtbot, view: LookupView, text: str) -> None:  # type: ignore[no-untyped-def]
    view.search.setFocus()
    view.search.selectAll()
    qtbot.keyClicks(view.search, text)
    qtbot.waitUntil(lambda: not view.loading and view.shown_query == text)


def wait_card(qtbot, view: LookupView, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: view.current_card is not None and view.current_card.customer.name == name
    )
