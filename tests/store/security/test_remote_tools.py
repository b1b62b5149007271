"""Issue 15, item 7: a remote-control tool whose sub-processor entry is flagged (no signed
DPA, outside the EU, ended) or missing needs a logged reason to start a session with it. The
database refuses the start without one, as a real agent login sending plain SQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, text

from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.sessions import events as sessions
from tests.store.log_helpers import add_customer, consent
from tests.store.security.conftest import raw_event, raw_event_refused


def _entry(engine: Engine, name: str, tool: str, locations: str, dpa: bool) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sub_processor (name, service, data_categories, locations, "
                "storage_locations, dpa_signed_on, status, version, receiving_data, remote_tool) "
                "VALUES (:n, 'Fjärrstyrning', '', :l, '', :d, 'active', 1, true, :t)"
            ),
            {"n": name, "l": locations, "d": dt.date(2025, 3, 1) if dpa else None, "t": tool},
        )


def test_a_flagged_tool_needs_a_reason(logins) -> None:  # type: ignore[no-untyped-def]
    agent = logins["agent"]
    customer, contact = add_customer(logins.root)
    _entry(logins.root, "AnyDesk Software GmbH", "AnyDesk", "DE", dpa=True)
    _entry(logins.root, "Microsoft Ireland", "Quick Assist", "IE,US", dpa=True)
    _entry(logins.root, "RustDesk", "RustDesk", "SE", dpa=False)
    _entry(logins.root, "Fjordhjelp AS", "TeamViewer", "NO", dpa=True)  # EEA, not EU

    for tool in ("Quick Assist", "RustDesk", "TeamViewer", "Chrome Remote Desktop"):
        su = consent(agent, customer, contact).session_uuid
        start = {"tool": tool, "tool_session_id": ""}
        assert "flagged in the sub-processor register" in raw_event_refused(
            agent, "session_started", su, start
        ), tool
        blank = start | {"tool_flag_reason": "  "}
        assert "flagged" in raw_event_refused(agent, "session_started", su, blank)
        raw_event(agent, "session_started", su, start | {"tool_flag_reason": "Kunden har bara den"})

    # A tool with a clean entry starts without a reason; so does a start naming no tool.
    su = consent(agent, customer, contact).session_uuid
    raw_event(agent, "session_started", su, {"tool": "AnyDesk", "tool_session_id": ""})
    # The app's own call: refused with the rule's code, then logged with the reason.
    su = consent(agent, customer, contact).session_uuid
    with pytest.raises(sessions.SessionError) as refused:
        sessions.start_session(agent, su, tool="Quick Assist")
    assert refused.value.code == "sessions.need_tool_reason"
    started = sessions.start_session(agent, su, tool="Quick Assist", tool_flag_reason="Brådskande")
    assert started.payload is not None and started.payload["tool_flag_reason"] == "Brådskande"
    assert verify_log(agent).ok


def test_no_tool_linked_no_flag(logins) -> None:  # type: ignore[no-untyped-def]
    """Before the register links any tool, no tool can be told apart: nothing is refused."""
    agent = logins["agent"]
    customer, contact = add_customer(logins.root)
    su = consent(agent, customer, contact).session_uuid
    raw_event(agent, "session_started", su, {"tool": "AnyDesk", "tool_session_id": ""})
