"""One timeline renderer: each kind of event in words, as a list (Sessions) and as escaped
HTML (Review, its PDF), loaded from a real log."""

from __future__ import annotations

from bowebb_console.services.review import EventRow
from bowebb_console.ui.kit.timeline import SessionTimeline, describe, event_head, timeline_html


def event(kind: str, payload: dict | None, seq: int = 1) -> EventRow:  # type: ignore[type-arg]
    return EventRow(
        seq, "e", "s", kind, "anna", "2026-05-04T10:12:13.000000Z", "c", "p", "h", payload
    )


def test_each_kind_in_words(language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    agreed = event(
        "consent_recorded",
        {"outcome": "agreed", "contact_id": 7, "channel": "phone", "session_kind": "remote_control",
         "scope": "control", "reference": "T-1"},
    )  # fmt: skip
    assert describe(agreed, {7: "Eva Ek"}) == [
        "Överenskommet av Eva Ek, Telefon",
        "Typ: Fjärrstyrning, omfattning: Styrning",
        "Referens: T-1",
    ]
    assert describe(agreed)[0] == "Överenskommet av en kontaktperson, Telefon"
    failed = {"direction": "upload", "name": "a.zip", "size": 9, "status": "failed",
              "reason": "lost", "sha256": "ab"}  # fmt: skip
    assert describe(event("file_transferred", failed)) == [
        "Uppladdning: a.zip (9 byte)",
        "Inte överförd (failed): lost",
        "SHA-256: ab",
    ]
    flagged = event("review_added", {"action": "flagged", "comment": "Ring"})
    assert describe(flagged) == ["Flaggad för uppföljning: Ring"]
    ended = event("session_ended", {"outcome": "resolved", "summary": "Klart"})
    assert describe(ended) == ["Löst: Klart"]
    assert describe(event("note_added", None)) == ["(uppgifterna raderade)"]
    assert "Anteckning  (anna)" in event_head(event("note_added", {"note": "x"}))


def test_a_lifecycle_change_in_words(language) -> None:  # type: ignore[no-untyped-def]
    """Migration 0024: who changed which setting, from what to what, in people's words."""
    language("sv")
    changed = event(
        "lifecycle_changed",
        {"table": "lifecycle_setting", "op": "update", "customer_ids": [],
         "rows": [{"id": 1, "customer_id": None,
                   "before": {"grace_period_days": 90, "erasure_journal_dir": ""},
                   "after": {"grace_period_days": 45, "erasure_journal_dir": "/srv/j"}}]},
    )  # fmt: skip
    assert describe(changed) == [
        "Mapp för raderingsjournalen: – → /srv/j",
        "Karenstid (dagar): 90 → 45",
    ]
    assert "Livscykelinställningar ändrade  (anna)" in event_head(changed)


def test_html_is_escaped() -> None:
    page = timeline_html([event("note_added", {"note": "<script>x</script>"}, seq=42)])
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert "#42" not in page  # the log's sequence number is for exports, not for readers


def test_the_widget_loads_a_session(qtbot, make_ctx, sqlite_url, language) -> None:  # type: ignore[no-untyped-def]
    language("en")
    from bowebb_console.store.db.engine import make_engine
    from bowebb_console.store.db.setup import init_database
    from tests.store.log_helpers import add_customer, full_session

    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    su = full_session(engine, *add_customer(engine))
    engine.dispose()
    timeline = SessionTimeline(make_ctx(sqlite_url), su)
    qtbot.addWidget(timeline)
    qtbot.waitUntil(lambda: len(timeline.events) == 5)
    texts = timeline.event_texts()
    assert "Agreed by Eva Ek, Phone" in texts[0]
    assert timeline.status.text() == "5 events in the session log — Testbolaget AB"
    timeline.add_event(timeline.events[-1])  # a retry that found it logged: shown once
    assert len(timeline.events) == 5


def test_the_tool_is_named_as_a_tool(language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    started = event("session_started", {"tool": "other", "tool_session_id": ""})
    assert describe(started) == ["Fjärrverktyg: Annat"]  # never a bare "other" or "Other"
    recorded = event("tool_recorded", {"tool": "AnyDesk", "tool_session_id": "1 234"})
    assert describe(recorded) == ["Fjärrverktyg: AnyDesk 1 234"]
