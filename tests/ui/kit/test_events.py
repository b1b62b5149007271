"""One vocabulary for the log's codes: translated by code, unknown codes shown as they are,
and the actor a screen passes with an event."""

from __future__ import annotations

from bowebb_console.ui.kit import events as W


def test_words_follow_the_language(language) -> None:  # type: ignore[no-untyped-def]
    assert W.word(W.CHANNELS, "phone") == "Phone"
    language("sv")
    assert W.word(W.CHANNELS, "phone") == "Telefon"
    assert W.word(W.EVENTS, "consent_recorded") == "Överenskommelse registrerad"
    assert W.word(W.EVENTS, "review_added") == "Granskning"
    assert W.word(W.EVENTS, "breach_closed") == "Personuppgiftsincident avslutad"
    assert W.word(W.EVENTS, "lifecycle_changed") == "Livscykelinställningar ändrade"
    assert W.word(W.TOOLS, "AnyDesk") == "AnyDesk"  # a product name stays


def test_unknown_and_missing_codes() -> None:
    assert W.word(W.EVENTS, "kind_from_a_later_version") == "kind_from_a_later_version"
    assert W.word(W.CHANNELS, None) == ""


def test_local_time() -> None:
    assert W.local_time(None) == ""
    assert W.local_time("not a time") == "not a time"
    assert len(W.local_time("2026-05-04T10:12:13.000000Z")) == len("2026-05-04 10:12")


def test_acting_user(make_ctx, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database
    from bowebb_console.store.log.chain import local_actor

    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    assert W.acting_user(ctx) == local_actor()  # what the log writes on SQLite
    ctx.identity = type(ctx.identity)(user="anna", role="agent", dialect="postgresql")
    assert W.acting_user(ctx) is None  # the server records session_user
